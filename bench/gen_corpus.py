#!/usr/bin/env python3
"""Generate a large synthetic JSON Lines corpus of Sahel conflict reports for benchmarks.

Every document is built from sentence templates filled with actors, verbs, places, dates and
numbers drawn from the lists below: a lead sentence that states an event, then a mix of further
event sentences and sentences that must yield no event (negations, denials, hypotheticals, plans,
opinions, background). The text is synthetic: it is meant to exercise the coder's speed and
robustness, not to describe real events.

Usage: gen_corpus.py [--mb N] [--seed S] [--out FILE]
  --mb N     stop once at least N MiB have been written (default 50)
  --seed S   random seed; the same seed and size always give the same file (default 1)
  --out FILE output path, or "-" for standard output (default corpus.jsonl)

Counts of documents, sentences and bytes written go to standard error.
Python 3 standard library only.
"""
import argparse
import datetime
import json
import random
import re
import sys

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

# (town, region) pairs; the region is used as "in the ... region".
PLACES = [
    ("Kidal", "Kidal"), ("Aguelhok", "Kidal"), ("Tessalit", "Kidal"), ("Anefis", "Kidal"),
    ("Tinzaouaten", "Kidal"), ("Abeibara", "Kidal"), ("Gao", "Gao"), ("Bourem", "Gao"),
    ("Ansongo", "Gao"), ("Tarkint", "Gao"), ("Ouatagouna", "Gao"), ("Ménaka", "Ménaka"),
    ("Andéramboukane", "Ménaka"), ("Inékar", "Ménaka"), ("Tidermène", "Ménaka"),
    ("Timbuktu", "Timbuktu"), ("Tombouctou", "Tombouctou"), ("Ber", "Timbuktu"),
    ("Léré", "Timbuktu"), ("Goundam", "Timbuktu"), ("Niafunké", "Timbuktu"),
    ("Gourma-Rharous", "Timbuktu"), ("Mopti", "Mopti"), ("Sévaré", "Mopti"), ("Konna", "Mopti"),
    ("Douentza", "Mopti"), ("Boni", "Mopti"), ("Boulkessi", "Mopti"), ("Mondoro", "Mopti"),
    ("Bandiagara", "Mopti"), ("Bankass", "Mopti"), ("Djenné", "Mopti"), ("Ogossagou", "Mopti"),
    ("Dioura", "Mopti"), ("Tenenkou", "Mopti"), ("Diabaly", "Ségou"), ("Niono", "Ségou"),
    ("Sokolo", "Ségou"), ("Macina", "Ségou"), ("Nampala", "Ségou"), ("Farabougou", "Ségou"),
    ("Kati", "Koulikoro"), ("Nara", "Koulikoro"), ("Kayes", "Kayes"), ("Nioro du Sahel", "Kayes"),
]
CITIES = ["Bamako", "Niamey", "Ouagadougou", "Algiers", "Abuja", "Accra", "Dakar", "Paris",
          "Moscow", "Nouakchott", "N'Djamena", "Abidjan", "Addis Ababa", "New York", "Lomé"]
COUNTRIES = ["Niger", "Burkina Faso", "Algeria", "Mauritania", "Senegal", "Guinea",
             "Côte d'Ivoire", "France", "Russia", "Chad"]

# Armed non-state groups (names, acronyms, French forms, generic descriptions).
GROUPS = ["JNIM", "the Group for the Support of Islam and Muslims", "Jama'at Nasr al-Islam wal Muslimin",
          "IS-GS", "the Islamic State in the Greater Sahara", "Islamic State Sahel Province fighters",
          "Ansar Dine", "AQIM", "Al-Qaeda in the Islamic Maghreb", "MOJWA", "MUJAO",
          "the Katiba Macina", "the MNLA", "the National Movement for the Liberation of Azawad",
          "the CMA", "the Coordination of Azawad Movements", "the CSP-PSD", "the HCUA",
          "GATIA", "the MSA", "Dan Na Ambassagou militiamen", "dozo hunters",
          "suspected jihadists", "gunmen", "unidentified gunmen", "armed men on motorbikes",
          "Islamist fighters", "Tuareg rebels", "separatist fighters", "militants"]
# State and foreign forces.
FORCES = ["the Malian army", "the FAMa", "Malian soldiers", "Malian troops", "the Malian armed forces",
          "French forces", "Barkhane soldiers", "French troops", "Wagner fighters",
          "Russian mercenaries", "MINUSMA peacekeepers", "UN peacekeepers", "Chadian peacekeepers",
          "Nigerien soldiers", "Burkinabe troops", "the G5 Sahel joint force", "Malian gendarmes",
          "the Malian national guard", "Malian special forces", "the Malian air force"]
# Governments, institutions, international organisations.
GOVS = ["the Malian government", "the transitional government", "the junta", "Bamako",
        "Mali's foreign ministry", "France", "Paris", "the French government", "Russia", "Moscow",
        "Algeria", "ECOWAS", "the CEDEAO", "the African Union", "the European Union",
        "the United Nations", "the UN Security Council", "Niger", "Burkina Faso",
        "the United States", "the Alliance of Sahel States", "Mauritania", "Côte d'Ivoire"]
# People with an apposition describing their role.
PERSONS = [("Bilal Ag Acherif", "the MNLA's secretary-general"),
           ("Iyad Ag Ghali", "the leader of JNIM"),
           ("Amadou Koufa", "the head of the Katiba Macina"),
           ("Assimi Goïta", "the transitional president"),
           ("Abdoulaye Diop", "Mali's foreign minister"),
           ("Sadio Camara", "Mali's defence minister"),
           ("Choguel Kokalla Maïga", "the prime minister"),
           ("Ibrahim Boubacar Keïta", "the president"),
           ("Dioncounda Traoré", "the interim president"),
           ("Alghabass Ag Intalla", "a leader of the CMA"),
           ("El Hadj Ag Gamou", "the commander of GATIA"),
           ("Jean-Yves Le Drian", "the French minister"),
           ("Sergei Lavrov", "Russia's foreign minister"),
           ("Ramtane Lamamra", "Algeria's foreign minister"),
           ("El-Ghassim Wane", "the head of MINUSMA"),
           ("Mahamat Saleh Annadif", "the UN envoy to Mali"),
           ("Mahmoud Dicko", "an influential imam"),
           ("Abdourahamane Tchiani", "Niger's military ruler"),
           ("Ibrahim Traoré", "Burkina Faso's junta leader")]
CIVILIANS = ["civilians", "villagers", "residents", "herders", "traders", "displaced people",
             "women and children", "bus passengers", "farmers", "worshippers", "wedding guests"]
SOURCES = ["the army", "the defence ministry", "security sources", "a local official",
           "residents", "hospital sources", "MINUSMA", "a military spokesman",
           "the government", "local elected officials", "a humanitarian source",
           "a spokesman for the group", "the regional governor", "witnesses"]
MEDIA = ["Radio France Internationale", "France 24", "a local radio station", "Jeune Afrique",
         "a private television channel"]
AID = ["food aid", "medical supplies", "fuel", "armoured vehicles", "two helicopters",
       "humanitarian assistance", "emergency shelters", "drinking water", "military equipment"]
ATTACK_V = ["attacked", "ambushed", "raided", "assaulted", "stormed", "struck"]
KILL_V = ["killing", "leaving dead", "killing at least"]
NUM_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "fifteen", "twenty"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RIVER_ROADS = ["on the Niger River", "on the main road to the north", "near the Algerian border",
               "in the inner Niger delta", "near the border with Burkina Faso",
               "near the border with Niger", "near the Mauritanian border", "in the Gourma area"]

# ---------------------------------------------------------------------------------------------
# Templates. Placeholders: {group} {group2} {force} {force2} {gov} {gov2} {place} {place2}
# {region} {city} {country} {person} {role} {person2} {role2} {civ} {source} {media} {aid}
# {when} {num} {small} {attack} {weekday} {month} {km} {pop} {river}; a trailing "_C" capitalises.
# Event templates first (kind, title, text), then non-event templates.
# ---------------------------------------------------------------------------------------------

EVENT_TEMPLATES = [
    ("ASSAULT", "Attack in {place}", "{group_C} {attack} an army post in {place} {when}, killing {num} soldiers, {source} said."),
    ("ASSAULT", "Soldiers killed near {place}", "{num_C} soldiers were killed {when} when {group} {attack} their convoy near {place}, in the {region} region."),
    ("ASSAULT", "Camp attacked in {place}", "The military camp in {place} was attacked by {group} {when}, {source} said."),
    ("ASSAULT", "Civilians killed in {place}", "{group_C} killed {num} {civ} in {place} {when}, according to {source}."),
    ("ASSAULT", "Ambush on the road to {place}", "{source_C} said that {group} had ambushed a convoy of {force} between {place} and {place2}."),
    ("ASSAULT", "Air strikes near {place}", "{force_C} carried out air strikes on positions of {group} near {place} {when}."),
    ("ASSAULT", "Clashes near {place}", "Clashes between {group} and {force} near {place} {when} left {num} people dead, according to {source}."),
    ("ASSAULT", "Attack on {place} claimed", "The attack on {place} {when} was claimed by {group}."),
    ("ASSAULT", "Mine blast near {place}", "A vehicle carrying {civ} struck a mine near {place} {when}, killing {num} people."),
    ("ASSAULT", "Bomb attack in {place}", "A suicide bomber blew himself up at a checkpoint of {force} in {place} {when}."),
    ("ASSAULT", "Deadly raid on {place}", "At least {num} {civ} died {when} in an attack on {place} by {group}."),
    ("ASSAULT", "Market burned in {place}", "{group_C} set fire to the market in {place} {when}, residents said."),
    ("ASSAULT", "Peacekeepers targeted in {place}", "The camp of {force} in {place} came under mortar fire {when}, and a dozen people were wounded."),
    ("ASSAULT", "Fighting in {place}", "{force_C} and {force2} fought {group} for several hours in {place} {when}."),
    ("ASSAULT", "Killings in {place}", "Dozens of {civ} were killed {when} in {place}, and {source} blamed {group}."),
    ("ASSAULT", "{place} attack", "{source_C} reported that {group} had {attack} {place} {when}, killing {num} members of {force}."),
    ("ASSAULT", "Abductions near {place}", "{group_C} abducted {small} {civ} near {place} {when}."),
    ("SANCTION", "{gov} imposes sanctions", "{gov_C} imposed sanctions on {gov2} {when}."),
    ("SANCTION", "Ambassador expelled", "{gov_C} expelled the ambassador of {country} {when} and gave him 72 hours to leave."),
    ("SANCTION", "Media suspended", "{gov_C} suspended the broadcasts of {media} {when}, accusing it of false reporting."),
    ("SANCTION", "Borders closed", "{gov_C} closed its borders with {country} {when}."),
    ("SANCTION", "Cooperation suspended", "The suspension of military cooperation with {gov2} was announced by {gov} {when}."),
    ("AGREE", "Agreement signed in {city}", "{gov_C} signed an agreement with {group} in {city} {when}."),
    ("AGREE", "Ceasefire agreed", "{group_C} and {gov} agreed to a ceasefire in {city} {when}."),
    ("AGREE", "Deal in {city}", "The signing of a defence pact between {gov} and {gov2} took place in {city} {when}."),
    ("CONSULT", "Talks in {city}", "{person}, {role}, met {person2}, {role2}, in {city} {when}."),
    ("CONSULT", "Talks open in {city}", "Talks between {gov} and {group} opened in {city} {when}."),
    ("CONSULT", "Visit to {place}", "{person}, {role}, visited {place} {when}."),
    ("CONSULT", "Ambassador summoned", "{gov_C} summoned the ambassador of {country} {when}."),
    ("ACCUSE", "{gov} accuses {gov2}", "{person}, {role}, accused {gov2} of supporting terrorist groups {when}."),
    ("ACCUSE", "Accusations against {force}", "{source_C} accused {force} of killing {civ} in {place}."),
    ("ACCUSE", "Attack condemned", "The attack was condemned by {gov} {when}."),
    ("REJECT", "{gov} rejects demand", "{gov_C} rejected the demand of {gov2} for an early election {when}."),
    ("REJECT", "Offer refused", "{group_C} refused an offer of talks from {gov} {when}."),
    ("THREATEN", "{gov} threatens", "{gov_C} threatened {when} to use force against {gov2}."),
    ("THREATEN", "Warning from {group}", "{group_C} warned {civ} in {place} not to cooperate with {force}."),
    ("THREATEN", "Ultimatum issued", "The ultimatum from {gov} to {group} expired {when}."),
    ("PROTEST", "Protest in {city}", "Hundreds of protesters marched in {city} {when} to denounce {gov}."),
    ("PROTEST", "Demonstration in {place}", "A demonstration by residents of {place} against {force} was held {when}."),
    ("PROTEST", "Rally in Bamako", "Thousands of people rallied in Bamako {when} in support of the army and against {gov}."),
    ("REQUEST", "{gov} calls for talks", "{gov_C} called on {group} {when} to lay down their weapons."),
    ("REQUEST", "{gov} asks for withdrawal", "{person}, {role}, asked {gov2} to withdraw its troops without delay."),
    ("REQUEST", "Appeal for help", "The appeal by {gov} to {gov2} for military help was made {when}."),
    ("AID", "Aid delivered to {place}", "{gov_C} delivered {aid} to {place} {when}."),
    ("AID", "Equipment for the army", "{gov_C} handed {aid} to {force} in Bamako {when}."),
    ("RETREAT", "Troops leave {place}", "{force_C} withdrew from {place} {when}."),
    ("RETREAT", "Withdrawal from {place}", "The withdrawal of {force} from {place} was completed {when}."),
    ("MOBILIZE", "Reinforcements sent to {place}", "{force_C} deployed reinforcements to {place} {when}."),
    ("MOBILIZE", "Deployment in {place}", "The deployment of {force} to {place} began {when}."),
    ("COERCE", "Arrests in {place}", "{force_C} arrested {small} suspects in {place} {when}."),
    ("COERCE", "Activist detained", "{gov_C} detained an opposition activist in Bamako {when}, {source} said."),
    ("COERCE", "Blockade of {place}", "{group_C} imposed a blockade on {place} {when}, cutting the roads to the town."),
    ("CONCEDE", "Hostages freed", "{group_C} released {small} hostages {when}."),
    ("CONCEDE", "Sanctions lifted", "{gov_C} lifted its sanctions on {gov2} {when}."),
    ("SUPPORT", "{gov} praises troops", "{gov_C} praised {force} {when} for their work in {place}."),
    ("SUPPORT", "Support for the transition", "{person}, {role}, expressed support for {gov2} {when}."),
    ("COOPERATE", "Joint operation near {place}", "{force_C} cooperated with {force2} in an operation near {place} {when}."),
    ("COOPERATE", "Joint patrols in {place}", "Joint patrols by {force} and {force2} began in {place} {when}."),
]

NONEVENT_TEMPLATES = [
    "{force_C} did not attack {place}, {source} said.",
    "{gov_C} denied that {force} had killed {civ} in {place}.",
    "{group_C} denied any involvement in the attack.",
    "{group_C} could attack {place} in the coming weeks, analysts warned.",
    "{gov_C} plans to send more troops to the {region} region next year.",
    "Many residents of {place} believe the peace process has failed.",
    "{place} lies {river}, about {km} km from {place2}.",
    "The {region} region has suffered from violence since 2012.",
    "The rainy season usually begins in June in the {region} region.",
    "{place} has a population of about {pop} people.",
    "Prices of food and fuel have risen sharply in {place}, traders said.",
    "Schools in {place} have been closed for months.",
    "It was not possible to verify the claims independently.",
    "{source_C} declined to comment.",
    "The road between {place} and {place2} is often unsafe.",
    "Aid agencies say hundreds of thousands of people have fled their homes in central Mali.",
    "{gov_C} would consider sanctions if the transition were extended, diplomats said.",
    "There was no immediate claim of responsibility.",
    "The toll could not be confirmed.",
    "{person}, {role}, said the situation in {place} was calm.",
    "Observers fear that the fighting could spread to {place}.",
    "No casualties were reported.",
    "There has been no comment from {group} on the accusations.",
    "The next round of talks is scheduled for {month}.",
    "Residents said the town had been quiet since {weekday}.",
    "Telephone networks in {place} have been cut for several days.",
    "{gov_C} said it would never negotiate with {group}.",
    "{gov_C} said it was ready for dialogue with all Malians.",
    "{place} has had no permanent army presence since {month}.",
    "The army did not confirm the report.",
    "Analysts say the influence of {group} has grown in the {region} region.",
    "If the talks fail, {group} may resume attacks, a diplomat said.",
    "{source_C} said there had been no fighting in {place} overnight.",
    "The weekly market in {place} is one of the largest in the region.",
]

LEADS_IN = ["", "", "", "In a statement, ", "According to {source}, ", "Separately, ",
            "Meanwhile, ", "Earlier, ", "Officials said that ", "Witnesses said that "]

# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------

START = datetime.date(2012, 1, 1)
END = datetime.date(2024, 12, 31)
PLACEHOLDER = re.compile(r"\{([a-z]+[0-9]?)(_C)?\}")


def cap(s):
    return s[:1].upper() + s[1:] if s else s


class Filler:
    """Fills one sentence's placeholders; values are drawn once per placeholder name."""

    def __init__(self, rng, doc_date, place):
        self.rng, self.doc_date, self.place = rng, doc_date, place

    def when(self):
        r, d = self.rng, self.doc_date
        k = r.randrange(10)
        if k < 4:
            back = r.randint(1, 6)
            return "on " + WEEKDAYS[(d - datetime.timedelta(days=back)).weekday()]
        if k == 4:
            return "yesterday"
        if k == 5:
            return "last week"
        if k == 6 and d.day > 7:
            return "earlier this month"
        if k == 7:
            return "last month"
        if k == 8:
            e = d - datetime.timedelta(days=r.randint(1, 9))
            return f"on {MONTHS[e.month - 1]} {e.day}" if r.random() < 0.5 else f"on {e.day} {MONTHS[e.month - 1]}"
        return "on " + WEEKDAYS[(d - datetime.timedelta(days=1)).weekday()]

    def value(self, name, taken):
        r = self.rng
        base = name.rstrip("0123456789")
        if base == "place":
            if name == "place" and self.place:
                return self.place[0]
            pool = [p for p in PLACES if p[0] not in taken]
            return r.choice(pool)[0]
        if base == "region":
            return self.place[1] if self.place else r.choice(PLACES)[1]
        pools = {"group": GROUPS, "force": FORCES, "gov": GOVS, "city": CITIES, "country": COUNTRIES,
                 "civ": CIVILIANS, "source": SOURCES, "media": MEDIA, "aid": AID, "attack": ATTACK_V,
                 "month": MONTHS, "weekday": WEEKDAYS, "river": RIVER_ROADS}
        if base in pools:
            pool = [x for x in pools[base] if x not in taken] or pools[base]
            return r.choice(pool)
        if base == "when":
            return self.when()
        if base == "num":
            k = r.randrange(4)
            if k == 0:
                return r.choice(NUM_WORDS)
            return str(r.randint(2, 120))
        if base == "small":
            return r.choice(NUM_WORDS[:8] + [str(r.randint(2, 40))])
        if base == "km":
            return str(r.randint(2, 60) * 5)
        if base == "pop":
            return f"{r.randint(5, 400) * 1000:,}"
        raise KeyError(name)

    def fill(self, template, initial_cap=True):
        """The filled template; with initial_cap=False it is written to follow an introductory
        phrase ("According to the army, the ..."), so its first word is not capitalised."""
        values, taken = {}, set()
        persons = self.rng.sample(PERSONS, 2)

        def sub(m):
            name, upper = m.group(1), m.group(2)
            if upper and not initial_cap and m.start() == 0:
                upper = None
            if name in ("person", "role"):
                v = persons[0][0 if name == "person" else 1]
            elif name in ("person2", "role2"):
                v = persons[1][0 if name == "person2" else 1]
            else:
                if name not in values:
                    values[name] = self.value(name, taken)
                    taken.add(values[name])
                v = values[name]
            return cap(v) if upper else v

        out = PLACEHOLDER.sub(sub, template)
        if not initial_cap and not template.startswith("{"):
            # Every template that opens with literal text opens with a common word ("The", "A",
            # "Hundreds", "If"), never with a name, so it can be lower-cased safely.
            out = out[:1].lower() + out[1:]
        return out


def make_document(rng, n):
    day = START + datetime.timedelta(days=rng.randrange((END - START).days + 1))
    place = rng.choice(PLACES)
    f = Filler(rng, day, place)
    kind, title, lead = rng.choice(EVENT_TEMPLATES)
    sentences = [f.fill(lead)]
    for _ in range(rng.randint(2, 11)):
        if rng.random() < 0.55:
            t = rng.choice(EVENT_TEMPLATES)[2]
            # An introductory phrase only where the sentence has no attribution of its own.
            intro = rng.choice(LEADS_IN) if " said" not in t and "according to" not in t else ""
        else:
            t, intro = rng.choice(NONEVENT_TEMPLATES), ""
        s = f.fill(intro) + f.fill(t, initial_cap=False) if intro else f.fill(t)
        sentences.append(cap(s))
    # Paragraph breaks now and then, as in scraped articles.
    text = ""
    for i, s in enumerate(sentences):
        text += s if i == 0 else ("\n\n" if rng.random() < 0.15 else " ") + s
    doc = {"id": f"syn-{n:07d}", "date": day.isoformat(), "title": cap(f.fill(title)),
           "source": "Faultline synthetic corpus", "lang": "en", "text": text}
    return doc, len(sentences)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="minimum size in MiB (default 50)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", default="corpus.jsonl", help='output file, "-" for stdout')
    args = ap.parse_args()
    if args.mb <= 0:
        ap.error("--mb must be positive")
    rng = random.Random(args.seed)
    target = int(args.mb * 1024 * 1024)
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    docs = sents = size = 0
    try:
        while size < target:
            docs += 1
            doc, n = make_document(rng, docs)
            line = (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
            out.write(line)
            sents += n
            size += len(line)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.write("gen_corpus: output closed early\n")
        sys.exit(1)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    print(f"gen_corpus: {docs} documents, {sents} sentences, {size} bytes "
          f"({size / 1e6:.1f} MB) written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
