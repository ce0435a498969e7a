#!/usr/bin/env python3
"""Deduplication through the store and the CLI: pairs of documents written for the test are
ingested into a fresh store each, and `faultline events --format json` must show one event with
both reports where they tell one act, and two events where they must stay apart (a report told in
retrospect on partial agreement, a background sentence dated to its year). Also: a mission and its
organisation are one party, "at the weekend" is resolved before clustering, a casualty clause is no
second report, and one stated toll is counted once over the places of its sentence.

Usage: test_dedup_store.py FAULTLINE_BINARY
"""
import json
import os
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import check, finish  # noqa: E402

BINARY = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="faultline_dedup_")


def store(name, docs):
    """A fresh store holding `docs` (id, publication date, text); returns its events and reports."""
    db = os.path.join(tmp, name + ".db")
    src = os.path.join(tmp, name + ".jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for doc_id, date, text in docs:
            f.write(json.dumps({"id": doc_id, "date": date, "source": "Outlet " + doc_id, "lang": "en",
                                "text": text}) + "\n")
    subprocess.run([BINARY, "ingest", "-q", "--db", db, src], check=True)

    def rows(*args):
        out = subprocess.run([BINARY, "events", "--db", db, "--format", "json", *args], check=True,
                             capture_output=True, text=True).stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]
    return rows(), rows("--reports")


def docs_of(event):
    return sorted(s["doc"] for s in event["sources"])


NEWS = ("b-news", "2023-06-13", "JNIM fighters attacked Malian soldiers in Nampala on Monday, killing twelve soldiers.")

# A 2025 analysis that tells the same act in full agreement (same group, soldiers, town and day)
# joins the event, but the report of the time stands for it: its document, date and toll.
events, _ = store("retro_full", [
    NEWS,
    ("a-essay", "2025-03-10", "On 12 June 2023, JNIM fighters attacked Malian soldiers in Nampala, killing 30 soldiers."),
])
check(len(events) == 1 and docs_of(events[0]) == ["a-essay", "b-news"],
      f"a retrospective report in full agreement joins the event ({[docs_of(e) for e in events]})")
check(len(events) == 1 and events[0]["doc"] == "b-news" and events[0]["date"] == "2023-06-12",
      f"the report of the time stands for the event ({[e['doc'] for e in events]})")
check(len(events) == 1 and events[0]["fatalities"] == 12,
      f"the event's toll is the report of the time's ({[e['fatalities'] for e in events]})")

# On partial agreement (a generic agent for the group) the retrospective report stays apart,
# though a report of the time with the same words would join.
events, _ = store("retro_partial", [
    NEWS, ("a-essay", "2025-03-10", "On 12 June 2023, jihadists attacked Malian soldiers in Nampala.")])
check(sorted(docs_of(e) for e in events) == [["a-essay"], ["b-news"]],
      f"a retrospective report with a generic agent stays apart ({[docs_of(e) for e in events]})")
events, _ = store("time_partial", [
    NEWS, ("a-news", "2023-06-13", "Jihadists attacked Malian soldiers in Nampala on Monday.")])
check([docs_of(e) for e in events] == [["a-news", "b-news"]],
      f"…which a report of the time may do ({[docs_of(e) for e in events]})")

# A background sentence dated only to the year, in a later analysis, joins nothing.
events, _ = store("background", [
    NEWS, ("a-essay", "2025-03-10", "In 2023, JNIM attacked the army in Nampala several times.")])
check(sorted(docs_of(e) for e in events) == [["a-essay"], ["b-news"]],
      f"a year-only background sentence stays apart ({[docs_of(e) for e in events]})")

# A mission and its organisation: MINUSMA's peacekeepers and "the UN camp" (no other shared actor).
events, _ = store("mission", [
    ("un", "2019-01-21", "Gunmen attacked the UN camp in Aguelhok on Sunday."),
    ("minusma", "2019-01-21", "MINUSMA peacekeepers were attacked in Aguelhok on Sunday."),
])
check([docs_of(e) for e in events] == [["minusma", "un"]],
      f"MINUSMA and the UN are one party ({[docs_of(e) for e in events]})")

# "At the weekend" is that weekend's Saturday, not the publication day (Monday).
events, _ = store("weekend", [
    ("monday", "2023-06-19", "Jihadists attacked an army post in Diafarabé at the weekend."),
    ("sunday", "2023-06-18", "JNIM fighters attacked an army post in Diafarabé on Saturday."),
])
check([docs_of(e) for e in events] == [["monday", "sunday"]] and events[0]["date"] == "2023-06-17",
      f"'at the weekend' and 'on Saturday' are one event of 17 June ({[(docs_of(e), e['date']) for e in events]})")

# A casualty clause of the act is no second report; its toll is the act's.
events, reports = store("clause", [
    ("clause", "2023-08-09", "JNIM fighters attacked a convoy near Ansongo on Tuesday; four soldiers were killed.")])
check(len(reports) == 1 and reports[0]["fatalities"] == 4,
      f"'attacked …; four soldiers were killed' is one report with its toll ({[r['fatalities'] for r in reports]})")

# One stated toll over two places: one report per place, the toll counted once in the totals.
events, reports = store("places", [
    ("places", "2023-08-09", "Fighting between JNIM and the army in Ber and Anefis killed 12 people on Tuesday.")])
places = sorted(e["location"]["name"] for e in events if e.get("location"))
check(places == ["Anefis", "Ber"], f"one event per place ({places})")
check(sum(e["fatalities"] or 0 for e in events) == 12,
      f"the events' tolls sum to the one stated toll ({[e['fatalities'] for e in events]})")

finish("store_dedup")
