#!/usr/bin/env python3
"""End-to-end facts test: a corpus written for the tests (tests/data/facts: several outlets per
event, a raid, a misdated background sentence, one-off contacts) about events whose facts are
known — who took which town when, who fought beside whom — ingested, then checked through the CLI
and the API. Every derived fact checked must be right or absent.

Usage: test_facts.py FAULTLINE_BINARY SOURCE_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "serve"))
from serve_harness import Server, get_json, ingest  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import check, finish  # noqa: E402

BINARY, ROOT = sys.argv[1], sys.argv[2]


def cli(*args):
    r = subprocess.run([BINARY, *args, "--db", DB], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def rows(*args):
    code, out, _ = cli(*args, "--format", "json")
    return code, [json.loads(line) for line in out.splitlines() if line.strip()]


def holder(place, at):
    code, r = rows("control", place, "--at", at)
    return (code, r[0]["holders"], r[0]["status"]) if code == 0 and r else (code, [], None)


tmp = tempfile.mkdtemp(prefix="faultline_facts_")
DB = os.path.join(tmp, "facts.db")
ingest(BINARY, os.path.join(ROOT, "tests", "data", "facts", "docs.jsonl"), DB)

# Control: two outlets make a capture "held"; one makes it "claimed"; it ends 12 months after its
# last report; a raid by unnamed gunmen makes no holder.
check(holder("Tessalit", "2012-06-01") == (0, ["MNLA"], "held"), "Tessalit in June 2012: MNLA, held (two outlets)")
check(holder("Tessalit", "2015-01-01")[0] == 1, "Tessalit in 2015: no holder (not 'MNLA 2012 onwards')")
check(holder("Gao", "2012-09-01") == (0, ["MUJAO"], "held"), "Gao in September 2012: MUJAO, held")
check(holder("Gao", "2013-03-01") == (0, ["FRA_MIL"], "held"), "Gao in March 2013: French forces, held")
check(holder("Gao", "2012-04-05")[0] == 1, "Gao after the bank raid: no holder (gunmen hold nothing)")
check(holder("Timbuktu", "2012-05-01") == (0, ["MNLA"], "claimed"), "Timbuktu: MNLA, only claimed (one outlet)")
check(holder("Lome", "2012-06-01")[0] == 1, "Lome: no control timeline from a meeting there")

# Dedup: the two reports of each capture are one event; a clash's one toll counts once.
code, events = rows("events")
captures = [e for e in events if e["type"] == "ASSAULT" and e["mode"] in ("occupy", "retake")]
by_place = {}
for e in captures:
    by_place.setdefault(e["location"]["name"], []).append(len(e["sources"]))
check(by_place.get("Tessalit") == [2], f"Tessalit's capture is one event with two sources ({by_place.get('Tessalit')})")
check(sorted(by_place.get("Gao", [])) == [2, 2], f"Gao's two changes are two events of two sources each ({by_place.get('Gao')})")
check(sum(e["fatalities"] or 0 for e in events) == 20, "the one stated toll (20) is counted once")
check(not any(e["date"] == "2012" and len(e["sources"]) > 1 for e in events),
      "the background sentence dated 2012 joined no event")

# Relations in 2012: fighting side by side twice is an alliance; one meeting or one clash is not.
code, graph = rows("graph", "--at", "2012")
kinds = {tuple(sorted((r["source"], r["target"]))): r["kind"] for r in graph if r["kind"] != "member"}
check(kinds.get(("ANSAR_DINE", "MNLA")) == "ally", f"MNLA and Ansar Dine: ally ({kinds.get(('ANSAR_DINE', 'MNLA'))})")
check(kinds.get(("MLI_MIL", "MNLA")) == "enemy", "MNLA and the army: enemy (two attacks)")
check(kinds.get(("MNLA", "TGO_GOV")) == "uncertain", "MNLA and Togo: uncertain (one meeting)")
check(kinds.get(("MNLA", "MUJAO")) == "uncertain", "MNLA and MUJAO: uncertain (one clash)")
check(not any(k for k in kinds if "WAGNER" in k), "no relation of Wagner from a sentence dated before it existed")

# The audit lists the anachronism with its evidence.
code, audit = rows("check")
check(code == 0 and any(r["kind"] == "anachronism" and r["subject"] == "WAGNER" and "fa-10" in r["evidence"] for r in audit),
      "check lists Wagner acting in 2012 with its sentence")

# The API answers as the CLI.
server = Server(BINARY, DB)
try:
    s, c = get_json(f"{server.url}/api/control/Gao")
    held = [(iv["from"], [h["id"] for h in iv["holders"]], iv["status"]) for iv in c["intervals"]]
    check(s == 200 and held == [("2012-06-27", ["MUJAO"], "held"), ("2013-01-26", ["FRA_MIL"], "held")],
          f"/api/control/Gao: MUJAO then French forces, held ({held})")
    s, g = get_json(f"{server.url}/api/graph?at=2012")
    edges = {tuple(sorted((e["source"], e["target"]))): e["kind"] for e in g["edges"] if e["kind"] != "member"}
    check(s == 200 and edges == kinds, "/api/graph?at=2012 gives the CLI's relations")
finally:
    server.stop()

finish("store_facts")
