#!/usr/bin/env python3
"""Deduplication quality: B-cubed precision and recall of the store's events against the real
events of a corpus written for it (tests/data/dedup: several outlets per event in English and
French, generic and named agents, a mission and its organisation (MINUSMA, "the UN camp"), relative
dates ("two days ago", "at the weekend"), a casualty clause, look-alikes on the same town another
day and on another town the same day, a cumulative toll, a 2025 analysis recalling a 2023 attack
and a year-only background sentence). Each gold line names the real event a coded sentence reports;
every report of that sentence and type is scored. A gold line whose event is "-" is a sentence that
must code no event of that type (a cumulative toll over a period is no event). Precision: how much
of each report's event is the same real event; recall: how much of its real event its event
holds.

Usage: bench/dedup_bcubed.py [FAULTLINE] [CORPUS_DIR] [--min X]
  --min X: exit 1 unless precision and recall are both at least X (CTest `dedup_bcubed` uses 0.97).
"""
import json
import os
import subprocess
import sys
import tempfile

args = sys.argv[1:]
minimum = None
if "--min" in args:
    i = args.index("--min")
    minimum = float(args[i + 1])
    del args[i:i + 2]
binary = args[0] if len(args) > 0 else "build/faultline"
corpus = args[1] if len(args) > 1 else "tests/data/dedup"
gold = {}
absent = set()  # sentences that must code no event of the type
for line in open(os.path.join(corpus, "gold.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    doc, sentence, typ, event = line.rstrip("\n").split("\t")
    if event == "-":
        absent.add((doc, int(sentence), typ))
    else:
        gold[(doc, int(sentence), typ)] = event

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "dedup.db")
    subprocess.run([binary, "ingest", "-q", "--db", db, os.path.join(corpus, "docs.jsonl")], check=True)
    out = subprocess.run([binary, "events", "--db", db, "--reports", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
reports = [json.loads(line) for line in out.splitlines() if line.strip()]
scored = [(r["event"], gold[(r["doc"], r["sentence"], r["type"])]) for r in reports
          if (r["doc"], r["sentence"], r["type"]) in gold]
coded = {(r["doc"], r["sentence"], r["type"]) for r in reports}
missing = set(gold) - coded
unwanted = absent & coded
precision = recall = 0.0
for event, real in scored:
    same_event = [g for e, g in scored if e == event]
    same_real = [e for e, g in scored if g == real]
    precision += sum(1 for g in same_event if g == real) / len(same_event)
    recall += sum(1 for e in same_real if e == event) / len(same_real)
n = len(scored)
p, r = precision / n, recall / n
f = 2 * p * r / (p + r) if p + r else 0
print(f"reports scored: {n} (gold sentences not coded: {len(missing)})")
print(f"events: {len({e for e, _ in scored})} for {len({g for _, g in scored})} real events")
print(f"B-cubed precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
if missing:
    print("not coded:", sorted(missing))
if unwanted:
    print("coded though they state no event:", sorted(unwanted))
if minimum is not None and (p < minimum or r < minimum or missing or unwanted):
    print(f"dedup_bcubed: FAILED: precision and recall must be at least {minimum}, every gold sentence coded, "
          "no event from a sentence that states none")
    sys.exit(1)
