#!/usr/bin/env python3
"""The filters, orders, paging and output forms of `faultline events` on a store of the example
corpus: each filter checked against the rows it returns, each error for its exit status (2) and
its message. Usage: test_event_filters.py FAULTLINE_BINARY DB"""
import csv
import io
import json
import subprocess
import sys

BIN, DB = sys.argv[1], sys.argv[2]
failures = []


def run(*args):
    p = subprocess.run([BIN, args[0], "--db", DB, *args[1:]], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def rows(*args):
    rc, out, err = run("events", *args, "--format", "json")
    assert rc == 0, (args, rc, err)
    return [json.loads(line) for line in out.splitlines()]


def refused(args, *words):
    rc, out, err = run(*args)
    assert rc == 2, (args, rc, err)
    assert out == "", (args, out[:200])
    for w in words:
        assert w in err, (args, w, err)
    return err


def check(name, fn):
    try:
        fn()
        print("ok   " + name)
    except AssertionError as e:
        failures.append(name)
        print("FAIL " + name + ": " + str(e)[:600])


ALL = rows()
assert len(ALL) >= 100, len(ALL)
ids = lambda rs: [r["id"] for r in rs]
loc = lambda r, k: (r["location"] or {}).get(k)


def type_list():
    both = rows("--type", "ASSAULT, protest")
    kinds = {r["type"] for r in both}
    assert kinds == {"ASSAULT", "PROTEST"}, kinds
    assert ids(both) == [r["id"] for r in ALL if r["type"] in kinds]


check("--type A,B: any of the types, case ignored", type_list)
check("--type attack is refused, suggesting ASSAULT and listing the PLOVER types",
      lambda: refused(["events", "--type", "attack"], "unknown event type 'attack'", "did you mean ASSAULT", "PROTEST, REJECT"))
check("--type with a misspelt type suggests the type",
      lambda: refused(["events", "--type", "ASSAULT,PROTSET"], "'PROTSET'", "PROTEST"))
check("--type with an empty item is refused", lambda: refused(["events", "--type", "ASSAULT,"], "empty type"))
check("--place Nowhereville is refused", lambda: refused(["events", "--place", "Nowhereville"], "'Nowhereville'"))
check("--place Kidl suggests Kidal", lambda: refused(["events", "--place", "Kidl"], "did you mean", "Kidal"))


def french_place():
    tim = rows("--place", "Timbuktu")
    assert tim and all("Timbuktu" in (loc(r, "name"), loc(r, "admin1")) for r in tim)
    assert ids(rows("--place", "Tombouctou")) == ids(tim)
    assert ids(rows("--place", "TOMBOUCTOU")) == ids(tim)


check("--place Tombouctou is Timbuktu, as the coder reads it", french_place)
check("--actor that names nobody is refused", lambda: refused(["events", "--actor", "Nobody At All"], "no actor is named 'Nobody At All'"))
check("--actor misspelt suggests the actor", lambda: refused(["events", "--actor", "Wagnr"], "did you mean", "WAGNER"))


def one_event():
    want = ALL[len(ALL) // 2]
    got = rows("--id", want["id"])
    assert got == [want], got
    rc, out, _ = run("events", "--id", want["id"])
    assert rc == 0 and want["id"] in out and len(out.splitlines()) == 3


check("--id shows that one event, as the list shows it", one_event)
check("--id unknown is refused", lambda: refused(["events", "--id", "ev_nosuchevent"], "no event has the id 'ev_nosuchevent'"))
check("--id with a filter is refused", lambda: refused(["events", "--id", ALL[0]["id"], "--type", "ASSAULT"], "--id"))


def control_french():
    rc1, out1, _ = run("control", "Timbuktu", "--format", "json")
    rc2, out2, _ = run("control", "Tombouctou", "--format", "json")
    assert rc1 == 0 and out1 and (rc2, out2) == (rc1, out1)


check("control Tombouctou answers as control Timbuktu", control_french)


def country():
    mli = rows("--country", "MLI")
    assert mli and len(mli) < len(ALL) and all(loc(r, "country") == "MLI" for r in mli)
    assert ids(mli) == [r["id"] for r in ALL if loc(r, "country") == "MLI"]
    assert ids(rows("--country", "mali")) == ids(mli)


check("--country ISO3 (or the country's name)", country)
check("--country unknown is refused", lambda: refused(["events", "--country", "XYZ"], "'XYZ'"))
check("--country misspelt suggests the code", lambda: refused(["events", "--country", "Malii"], "did you mean", "MLI (Mali)"))


def region():
    kidal = rows("--region", "kidal")
    assert kidal and all(loc(r, "admin1") == "Kidal" for r in kidal)
    assert ids(kidal) == [r["id"] for r in ALL if loc(r, "admin1") == "Kidal"]
    assert ids(rows("--region", "Tombouctou")) == ids(rows("--region", "Timbuktu")) != []


check("--region: the first-level region, French names too", region)
check("--region unknown is refused with suggestions",
      lambda: refused(["events", "--region", "Kidall"], "no stored event is in a first-level region", "Kidal"))


def minimums():
    f = rows("--min-fatalities", "10")
    assert f and ids(f) == [r["id"] for r in ALL if r["fatalities"] is not None and r["fatalities"] >= 10]
    c = rows("--min-confidence", "0.9")
    assert c and len(c) < len(ALL) and all(r["confidence"] >= 0.9 for r in c)


check("--min-fatalities and --min-confidence", minimums)
check("--min-confidence above 1 is refused", lambda: refused(["events", "--min-confidence", "1.5"], "--min-confidence"))
check("--min-fatalities negative is refused", lambda: refused(["events", "--min-fatalities", "-1"], "--min-fatalities"))


def precision():
    for p, n in (("day", 10), ("month", 7), ("year", 4)):
        got = rows("--precision", p)
        assert ids(got) == [r["id"] for r in ALL if r["date"] and len(r["date"]) == n and r["date_precision"] == p], p
    assert rows("--precision", "day")
    refused(["events", "--precision", "week"], "--precision")


check("--precision day|month|year", precision)


def sorts():
    dead = rows("--sort", "-fatalities")
    tolls = [r["fatalities"] for r in dead]
    known = [t for t in tolls if t is not None]
    assert known == sorted(known, reverse=True) and tolls == known + [None] * (len(tolls) - len(known))
    asc = [r["fatalities"] for r in rows("--sort", "fatalities") if r["fatalities"] is not None]
    assert asc == sorted(asc)
    def first_day(d):  # the first day of the date's period, as the store sorts
        parts = [int(x) for x in d.split("-")] + [1, 1]
        return parts[0] * 10000 + parts[1] * 100 + parts[2]
    late = [first_day(r["date"]) for r in rows("--sort", "-date") if r["date"]]
    assert late == sorted(late, reverse=True), late[:8]
    src = [len(r["sources"]) for r in rows("--sort", "sources")]
    assert src == sorted(src, reverse=True) and src[0] > 1
    assert sorted(ids(dead)) == sorted(ids(ALL))


check("--sort -fatalities (unknown last), fatalities, -date, sources", sorts)
check("--sort with --reports is refused", lambda: refused(["events", "--reports", "--sort", "-date"], "--sort"))
check("--sort unknown is refused", lambda: refused(["events", "--sort", "size"], "--sort"))


def paging():
    assert ids(rows("--offset", "3", "--limit", "4")) == ids(ALL)[3:7]
    dead = rows("--sort", "-fatalities")
    assert ids(rows("--sort", "-fatalities", "--offset", "5", "--limit", "5")) == ids(dead)[5:10]
    assert ids(rows("--offset", str(len(ALL) - 2))) == ids(ALL)[-2:]
    rep = run("events", "--reports", "--format", "json")[1].splitlines()
    assert run("events", "--reports", "--format", "json", "--offset", "2", "--limit", "3")[1].splitlines() == rep[2:5]


check("--offset with --limit pages after sorting (events and reports)", paging)


def csv_every_field():
    rc, out, err = run("events", "--format", "csv")
    assert rc == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    for col in ("id", "date", "date_precision", "type", "mode", "acled_type", "acled_subtype", "cameo", "actor1",
                "actor1_names", "actor2", "actor2_names", "place", "admin1", "country", "latitude", "longitude",
                "fatalities", "confidence", "sources", "doc", "sentence", "evidence"):
        assert col in table[0], col
    assert [r["id"] for r in table] == ids(ALL)
    for c, j in zip(table, ALL):
        l = j["location"] or {}
        assert c["date_precision"] == j["date_precision"] and c["acled_type"] == (j["acled_type"] or "")
        assert c["admin1"] == (l.get("admin1") or "") and c["country"] == (l.get("country") or "")
        if l.get("lat") is not None:
            assert abs(float(c["latitude"]) - l["lat"]) < 1e-4 and abs(float(c["longitude"]) - l["lon"]) < 1e-4
        else:
            assert c["latitude"] == ""
        assert c["fatalities"] == ("" if j["fatalities"] is None else str(j["fatalities"]))
        assert int(c["sources"]) == len(j["sources"]) and c["evidence"] == j["evidence"]


check("--format csv has every field, equal to the JSON's", csv_every_field)


def wide():
    rc, out, _ = run("events", "--wide", "--limit", "3")
    head = out.splitlines()[0].split()
    for col in ("PREC", "ACLED", "REGION", "CTRY", "LAT", "LON", "CONF", "EVIDENCE"):
        assert col in head, (col, head)
    assert rc == 0 and len(out.splitlines()) == 5
    refused(["events", "--wide", "--format", "csv"], "--wide")


check("--wide table", wide)

print(f"{len(failures)} failed" if failures else "all event filter checks passed")
sys.exit(1 if failures else 0)
