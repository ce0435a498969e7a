#!/usr/bin/env python3
"""The new-actor ablation (issue 15), the scoring half of bench/new_actors_ablation.sh.

  new_actors_ablation.py remove PACKS_COPY     drop the ABLATED actors (and every row naming them) from a copy of packs/
  new_actors_ablation.py score PACKS CANDIDATES.jsonl LABEL
      recall: how many ABLATED actors some candidate names (its name, an alias or an acronym equals
      one of the actor's pack names, accents and case ignored); precision: how many of the top 30
      candidates name a real actor (an ablated one or any other actor of the full packs in PACKS).
"""
import json
import os
import sys
import unicodedata

ABLATED = ["MNLA", "HCUA", "MAA", "CMA", "GATIA", "MSA", "CSP_PSD", "PLATEFORME", "FLA", "MUJAO",
           "KATIBA_MACINA", "ISGS", "JNIM", "DAN_NA_AMBASSAGOU", "CJA", "FPA", "AL_MOURABITOUN",
           "IYAD_AG_GHALI", "BILAL_AG_ACHERIF", "AMADOU_KOUFA"]
TOP = 30


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    for article in ("the ", "le ", "la ", "les ", "l'"):
        if s.startswith(article):
            s = s[len(article):]
    return " ".join(s.split())


def rows(path):
    header = None
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        if header is None:
            header = cells
            continue
        yield dict(zip(header, cells))


def actor_names(packs):
    names = {}
    for pack in sorted(os.listdir(packs)):
        path = os.path.join(packs, pack, "actors.tsv")
        if not os.path.exists(path):
            continue
        for r in rows(path):
            n = names.setdefault(r["id"], set())
            n.add(fold(r["name"]))
            n.update(fold(a) for a in r["aliases"].split("|") if a.strip() and a != "-")
    return names


def remove(packs):
    ablated = set(ABLATED)
    for pack in sorted(os.listdir(packs)):
        folder = os.path.join(packs, pack)
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if not name.endswith(".tsv"):
                continue
            path = os.path.join(folder, name)
            kept = []
            for line in open(path, encoding="utf-8"):
                cells = line.rstrip("\n").split("\t")
                items = {x for c in cells for x in c.split("|")}
                if not line.startswith("#") and items & ablated:
                    continue
                kept.append(line)
            open(path, "w", encoding="utf-8").writelines(kept)


def score(packs, candidates, label):
    names = actor_names(packs)
    cands = [json.loads(l) for l in open(candidates, encoding="utf-8")]
    def names_of(c):
        return {fold(c["name"])} | {fold(a) for a in c["aliases"]} | {fold(a) for a in c["acronyms"]}
    found = [a for a in ABLATED if any(names_of(c) & names[a] for c in cands)]
    top = cands[:TOP]
    verdicts = []
    for c in top:
        real = [a for a, n in names.items() if names_of(c) & n]
        verdicts.append((c, real))
    real_top = sum(1 for _, r in verdicts if r)
    print(f"{label}: recall {len(found)}/{len(ABLATED)} ablated actors found; "
          f"precision {real_top}/{len(top)} of the top {TOP} candidates are real actors "
          f"({len(cands)} candidates in all)")
    print(f"  found: {' '.join(found)}")
    print(f"  missed: {' '.join(a for a in ABLATED if a not in found)}")
    for c, real in verdicts:
        print(f"  {'+' if real else '-'} {c['name']} [{c['kind']}] {c['documents']} doc(s) {c['events']} event(s)"
              f"{' = ' + ','.join(real) if real else ''}")


if __name__ == "__main__":
    if sys.argv[1] == "remove":
        remove(sys.argv[2])
    elif sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
