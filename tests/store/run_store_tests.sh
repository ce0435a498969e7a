#!/usr/bin/env bash
# Command-line tests of the knowledge store: ingest (idempotent, changed documents, order,
# crash and re-run), deduplication, queries (events, actor, control, graph) and every export,
# each output parsed. Uses examples/ and tests/data/store/ (no ../shared).
# Usage: run_store_tests.sh FAULTLINE_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump="python3 $root/tests/store/dump_db.py"
corpus=$root/examples/sahel_reports.jsonl
source "$root/tests/lib/check.sh"  # check, contains, lacks, py

# --- ingest, idempotence, order ---
db=$tmp/ex.db
"$bin" ingest --db "$db" "$corpus" >"$tmp/out" 2>"$tmp/err"
check "ingest of the example corpus succeeds" test $? -eq 0
check "ingest summary names the documents" contains "$tmp/err" "191 new"
check "no progress line when standard error is not a terminal" bash -c "! grep -q $'\r' '$tmp/err'"
check "ingest writes nothing to standard output" test ! -s "$tmp/out"
$dump "$db" >"$tmp/dump1"
check "the store passes integrity, foreign-key and full-text checks" test -s "$tmp/dump1"
check "on a terminal, ingest shows documents done of total, rate and ETA" py '
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.Popen([sys.argv[1], "ingest", "--batch", "50", "--db", sys.argv[2], sys.argv[3]],
                     stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
out = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
p.wait()
text = out.decode("utf-8", "replace")
assert p.returncode == 0 and "\r" in text and "/191 documents" in text and "docs/s" in text and "ETA" in text, text
' "$bin" "$tmp/tty.db" "$corpus"
"$bin" ingest --db "$db" "$corpus" 2>"$tmp/err"
check "second ingest skips every document" contains "$tmp/err" "0 new, 0 changed, 191 unchanged"
$dump "$db" >"$tmp/dump2"
check "second ingest leaves every table as it was" cmp -s "$tmp/dump1" "$tmp/dump2"
"$bin" ingest -q --db "$db"
$dump "$db" >"$tmp/dump2"
check "ingest without input (finishing pending work) changes nothing" cmp -s "$tmp/dump1" "$tmp/dump2"
tac "$corpus" >"$tmp/reversed.jsonl"
"$bin" ingest -q --batch 7 -j 1 --db "$tmp/rev.db" "$tmp/reversed.jsonl"
$dump "$tmp/rev.db" >"$tmp/dump_rev"
check "ingest in reverse order and other batches gives the same store" cmp -s "$tmp/dump1" "$tmp/dump_rev"

# --- a changed document replaces its reports ---
py '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    if d["id"] == "ex-0036":
        d["text"] = "Chadian troops seized the airport of Tessalit on Tuesday, officials said."
        print(json.dumps(d))
' "$corpus" >"$tmp/changed.jsonl"
"$bin" ingest --db "$db" "$tmp/changed.jsonl" 2>"$tmp/err"
check "a changed document is reported as changed" contains "$tmp/err" "0 new, 1 changed"
"$bin" events --db "$db" --reports --format json >"$tmp/reports.jsonl"
check "the changed document's old reports are gone" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
mine = [r for r in rows if r["doc"] == "ex-0036"]
assert mine and all("Tessalit" in r["evidence"] for r in mine), mine
assert all(r["event"] for r in rows)
' "$tmp/reports.jsonl"
"$bin" events --db "$db" --text "airport Kidal overnight" --format json >"$tmp/fts"
check "full-text search no longer finds the old wording" test ! -s "$tmp/fts"
"$bin" ingest -q --db "$db" "$corpus"
$dump "$db" >"$tmp/dump3"
check "restoring the document restores the store" cmp -s "$tmp/dump1" "$tmp/dump3"

# --- deduplication ---
"$bin" ingest -q --db "$tmp/same.db" "$root/tests/data/store/same_event.jsonl"
"$bin" events --db "$tmp/same.db" --format json >"$tmp/same.jsonl"
check "4 reports of one event in 4 documents make one event with 4 sources" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1, len(rows)
e = rows[0]
assert sorted(s["doc"] for s in e["sources"]) == ["se-1", "se-2", "se-3", "se-4"], e["sources"]
assert {s["source"] for s in e["sources"]} == {"Test Wire A", "Test Wire B", "Test Wire C", "Test Wire D"}
assert e["id"].startswith("ev_") and e["type"] == "ASSAULT" and e["location"]["name"] == "Tessit"
' "$tmp/same.jsonl"
"$bin" events --db "$tmp/same.db" --reports --format json >"$tmp/same_reports.jsonl"
check "--reports lists the 4 reports, all of that event" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 4 and len({r["event"] for r in rows}) == 1
' "$tmp/same_reports.jsonl"

# --- crash mid-ingest: kill -9, re-run, compare with an uninterrupted ingest ---
python3 "$root/bench/gen_corpus.py" --mb 1 --seed 11 --out "$tmp/big.jsonl" 2>/dev/null
"$bin" ingest -q --db "$tmp/whole.db" "$tmp/big.jsonl"
$dump "$tmp/whole.db" >"$tmp/dump_whole"
docs=$(grep -c . "$tmp/big.jsonl")
# Kill after a delay (during the schema, coding or writing) and once every document is committed
# (during deduplication or the graph rebuild).
for when in 0.15 0.5 all-documents; do
  rm -f "$tmp/crash.db"*
  "$bin" ingest -q --batch 50 --db "$tmp/crash.db" "$tmp/big.jsonl" &
  pid=$!
  if [ "$when" = all-documents ]; then
    py '
import sqlite3, sys, time
deadline = time.time() + 60
while time.time() < deadline:
    try:
        if sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0] >= int(sys.argv[2]):
            break
    except sqlite3.Error:
        pass
    time.sleep(0.005)
' "$tmp/crash.db" "$docs"
  else
    sleep "$when"
  fi
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rc=$?
  check "the ingest was still running when killed ($when; status $rc)" test $rc -eq 137
  check "store is consistent right after kill -9 ($when)" bash -c "$dump '$tmp/crash.db' >/dev/null"
  "$bin" ingest -q --db "$tmp/crash.db" "$tmp/big.jsonl"
  $dump "$tmp/crash.db" >"$tmp/dump_crash"
  check "re-run after kill -9 ($when) gives the uninterrupted result" cmp -s "$tmp/dump_whole" "$tmp/dump_crash"
done

cp "$tmp/whole.db" "$tmp/pending.db"
py 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO dirty_blocks VALUES (?, ?)", ("ASSAULT", 2015)); db.commit()' "$tmp/pending.db"
"$bin" events --db "$tmp/pending.db" --limit 1 >/dev/null 2>"$tmp/err"
check "queries warn about work an interrupted ingest left" contains "$tmp/err" "interrupted ingest"
"$bin" ingest -q --db "$tmp/pending.db"
"$bin" events --db "$tmp/pending.db" --limit 1 >/dev/null 2>"$tmp/err"
check "ingest without input finishes it" test ! -s "$tmp/err"

# --- queries on the example corpus ---
holder() { "$bin" control --db "$db" Kidal --at "$1" --format json | py 'import json,sys; print("|".join(json.loads(sys.stdin.readline())["holders"]))'; }
check "Kidal on 2013-01-01: Ansar Dine" test "$(holder 2013-01-01)" = "ANSAR_DINE"
check "Kidal on 2014-06-01: MNLA, HCUA and MAA" test "$(holder 2014-06-01)" = "MNLA|HCUA|MAA_D"
check "Kidal on 2023-12-01: Malian army with Wagner" test "$(holder 2023-12-01)" = "MLI_MIL|WAGNER"
check "Kidal on 2016-05-10: CMA" test "$(holder 2016-05-10)" = "CMA"
"$bin" control --db "$db" kidal >"$tmp/control"
check "control timeline is a table with the pack's intervals" bash -c "grep -q 'HELD BY' '$tmp/control' && test \$(grep -c pack '$tmp/control') -ge 7"
"$bin" control --db "$db" Atlantis-sur-Mer >"$tmp/out" 2>"$tmp/err"
check "control of an unknown place says so" bash -c "test $? -eq 1 && grep -q 'nothing is known' '$tmp/err'"

"$bin" actor --db "$db" "Coordination of Azawad Movements" --format json >"$tmp/cma.jsonl"
check "actor CMA: formed by MNLA, HCUA and MAA on 2014-06-09, merged 2023" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows[0]["fact"] == "actor" and rows[0]["actor"] == "CMA"
members = {r["actor"]: r for r in rows if r["fact"] == "member"}
for m in ("MNLA", "HCUA", "MAA_D"):
    assert members[m]["from"] == "2014-06-09", members[m]
assert "2023-02-08" in members["MNLA"]["detail"]
assert any(r["fact"] == "leader" for r in rows)
' "$tmp/cma.jsonl"
"$bin" actor --db "$db" mnla --at 2012 --format json >"$tmp/mnla2012.jsonl"
"$bin" actor --db "$db" MNLA --at 2023 --format json >"$tmp/mnla2023.jsonl"
check "actor MNLA: enemies in 2012, and in 2023 through its coalitions" py '
import json, sys
y2012 = [json.loads(l) for l in open(sys.argv[1])]
y2023 = [json.loads(l) for l in open(sys.argv[2])]
assert any(r["fact"] == "enemy" for r in y2012), y2012
assert not any(r["fact"] == "member of" for r in y2012)
assert any(r["fact"] == "member of" and r["actor"] == "CMA" for r in y2023)
assert any(r["fact"] in ("enemy", "ally", "mixed") and r["via"] for r in y2023)
' "$tmp/mnla2012.jsonl" "$tmp/mnla2023.jsonl"
"$bin" actor --db "$db" "Nobody At All" >"$tmp/out" 2>"$tmp/err"
check "an unknown actor is named" bash -c "test $? -eq 1 && grep -q 'no actor is named' '$tmp/err'"

"$bin" graph --db "$db" --at 2012 --format json >"$tmp/graph.jsonl"
check "graph --at 2012: ally, enemy, mixed and member edges" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
kinds = {r["kind"] for r in rows}
assert kinds <= {"ally", "enemy", "mixed", "uncertain", "member"} and "member" in kinds and "enemy" in kinds, kinds
assert any(r["source"] == "MNA" and r["target"] == "MNLA" for r in rows)
assert not any(r["target"] == "CMA" for r in rows)  # formed in 2014
' "$tmp/graph.jsonl"
"$bin" graph --db "$db" --from 2014-06 --to 2014-12 --format csv >"$tmp/graph.csv"
check "graph --from/--to as CSV" py '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert rows and set(rows[0]) >= {"source", "target", "kind", "weight"}
assert any(r["target"] == "CMA" and r["kind"] == "member" for r in rows)
' "$tmp/graph.csv"

# --- events filters ---
"$bin" events --db "$db" --format json >"$tmp/all.jsonl"
"$bin" events --db "$db" --actor CMA --format json >"$tmp/cma_events.jsonl"
"$bin" events --db "$db" --actor MNLA --format json >"$tmp/mnla_events.jsonl"
check "--actor CMA includes the events of its member MNLA" py '
import json, sys
ids = lambda p: {json.loads(l)["id"] for l in open(p)}
cma, mnla = ids(sys.argv[1]), ids(sys.argv[2])
assert mnla and mnla <= cma and len(cma) > len(mnla)
' "$tmp/cma_events.jsonl" "$tmp/mnla_events.jsonl"
"$bin" events --db "$db" --type assault --place KIDAL --from 2014 --to 2023-06 --format json >"$tmp/f.jsonl"
check "--type, --place (or region) and dates filter" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows
for r in rows:
    assert r["type"] == "ASSAULT"
    assert "Kidal" in (r["location"]["name"], r["location"]["admin1"])
    assert "2014" <= r["date"][:7] <= "2023-06"
' "$tmp/f.jsonl"
"$bin" events --db "$db" --text "ménaka" --limit 2 --format json >"$tmp/t.jsonl"
check "--text (accents ignored) and --limit" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 2
' "$tmp/t.jsonl"
check "every event row carries the contract fields, id and sources" py '
import json, sys
keys = ["id", "doc", "sentence", "evidence", "type", "mode", "acled_type", "acled_subtype", "cameo", "date",
        "date_precision", "actor1", "actor2", "location", "fatalities", "confidence", "sources"]
for l in open(sys.argv[1]):
    r = json.loads(l)
    assert list(r) == keys, list(r)
    assert r["sources"] and all(set(s) == {"doc", "source", "sentence"} for s in r["sources"])
' "$tmp/all.jsonl"
"$bin" events --db "$db" --limit 5 >"$tmp/table"
check "a table by default, with a header and 5 rows" bash -c "head -1 '$tmp/table' | grep -q EVIDENCE && test \$(wc -l <'$tmp/table') -eq 7"
"$bin" events --db "$db" --limit 5 --format csv >"$tmp/events.csv"
check "events as CSV" py '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 5 and rows[0]["id"].startswith("ev_")
' "$tmp/events.csv"
check "events: types, places (French names), actors, ids, countries, regions, tolls, confidence, precision, sorts, paging, CSV, wide" \
  python3 "$root/tests/store/test_event_filters.py" "$bin" "$db"
"$bin" events --db "$tmp/none.db" >"$tmp/out" 2>"$tmp/err"
check "a missing database is named, not created" bash -c "test $? -eq 2 && grep -q 'no database at' '$tmp/err' && test ! -e '$tmp/none.db'"
"$bin" events --db "$db" --from 2014-13 >"$tmp/out" 2>"$tmp/err"
check "a bad date is refused with a message" bash -c "test $? -eq 2 && grep -q 'YYYY' '$tmp/err'"

# --- exports, each parsed ---
"$bin" export --db "$db" --format acled-csv --out "$tmp/acled.csv" 2>"$tmp/err"
check "acled-csv parses, with ACLED columns" py '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows
for c in ("event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "inter1", "latitude", "fatalities", "notes"):
    assert c in rows[0], c
for r in rows:
    assert r["event_type"] and len(r["event_date"]) == 10 and int(r["fatalities"]) >= 0
    if r["latitude"]:
        float(r["latitude"]); float(r["longitude"])
' "$tmp/acled.csv"
check "acled-csv follows ACLED's codebook: every dated event with an ACLED type, unidentified actor1, who takes territory, civilians targeted" py '
import csv, json, re, sys
rows = {r["event_id_cnty"]: r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))}
events = [json.loads(l) for l in open(sys.argv[2])]
want = [e for e in events if e["acled_type"] and e["date"]]
assert set(rows) == {e["id"] for e in want}, (len(rows), len(want))
state = {"MIL", "POL", "GOV", "LEG", "JUD"}
unidentified = territory = civilians = 0
for e in want:
    r = rows[e["id"]]
    if not e["actor1"]:
        unidentified += 1
        assert re.fullmatch(r"Unidentified Armed Group \(.+\)", r["actor1"]) and r["inter1"] == "2", r
    against_civilians = e["acled_type"] == "Battles" and e["actor2"] and all(a["sector"] == "CVL" for a in e["actor2"]) and not any(a["sector"] == "CVL" for a in e["actor1"])
    if against_civilians:
        civilians += 1
        protest = all(a["id"] == "PROTESTERS" for a in e["actor2"])
        want_type = ("Protests", "Excessive force against protesters") if protest else ("Violence against civilians", "Attack")
        assert (r["event_type"], r["sub_event_type"], r["civilian_targeting"]) == want_type + ("Civilian targeting",), r
    elif e["acled_subtype"] in ("Government regains territory", "Non-state actor overtakes territory"):
        territory += 1
        by_state = any(a["sector"] in state for a in e["actor1"])
        assert r["sub_event_type"] == ("Government regains territory" if by_state else "Non-state actor overtakes territory"), (e["evidence"], r["sub_event_type"])
assert unidentified and territory and civilians, (unidentified, territory, civilians)
left = sum(int(n) for n in re.findall(r"faultline:   (\d+) left out: ", open(sys.argv[3]).read()))
assert left == len(events) - len(want), (left, len(events), len(want))
' "$tmp/acled.csv" "$tmp/all.jsonl" "$tmp/err"
check "export writes no partial file and reports what it left out" bash -c "test ! -e '$tmp/acled.csv.partial' && grep -q 'exported' '$tmp/err'"
"$bin" export --db "$db" --format cameo-tsv -q >"$tmp/cameo.tsv"
check "cameo-tsv parses, GDELT columns, CAMEO codes" py '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
head, body = rows[0], rows[1:]
assert head[:4] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year"] and body
i = head.index("EventCode")
q = head.index("QuadClass")
for r in body:
    assert len(r) == len(head) and r[i].isdigit() and r[q] in "1234" and len(r[1]) == 8
' "$tmp/cameo.tsv"
"$bin" export --db "$db" --format plover-jsonl -q --actor CMA >"$tmp/plover.jsonl"
check "plover-jsonl parses, one event a line, filters apply" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows and len(rows) == len(open(sys.argv[2]).readlines())
for r in rows:
    assert r["event_type"] and isinstance(r["actor"], list) and r["num_sources"] == len(r["sources"])
' "$tmp/plover.jsonl" "$tmp/cma_events.jsonl"
"$bin" export --db "$db" --format geojson -q --out "$tmp/events.geojson"
check "geojson parses as a FeatureCollection of points" py '
import json, sys
g = json.load(open(sys.argv[1]))
assert g["type"] == "FeatureCollection" and g["features"]
for f in g["features"]:
    lon, lat = f["geometry"]["coordinates"]
    assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    assert f["properties"]["type"]
' "$tmp/events.geojson"
"$bin" export --db "$db" --format graphml -q --from 2012 --to 2012 >"$tmp/g.graphml"
check "graphml parses; every edge joins two nodes" py '
import sys
import xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
nodes = {n.get("id") for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node")}
edges = list(root.iter("{http://graphml.graphdrawing.org/xmlns}edge"))
assert nodes and edges and "MNLA" in nodes
for e in edges:
    assert e.get("source") in nodes and e.get("target") in nodes
    kind = [d.text for d in e.findall("g:data", ns) if d.get("key") == "kind"]
    assert kind and kind[0] in ("ally", "enemy", "mixed", "uncertain", "member")
' "$tmp/g.graphml"
"$bin" export --db "$db" --format shapefile >"$tmp/out" 2>"$tmp/err"
check "an unknown export format is refused (exit 2)" test $? -eq 2

# --- bad input and pack errors ---
printf '{"id": "b1", "date": "2023-11-16", "text": "The MNLA attacked Kidal."}\n{"id": broken\n' >"$tmp/bad.jsonl"
"$bin" ingest --db "$tmp/bad.db" "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
check "broken input: exit 1, line named, good documents stored" bash -c "test $? -eq 1 && grep -q 'bad.jsonl:2' '$tmp/err' && grep -q '1 new' '$tmp/err'"
mkdir -p "$tmp/pack"
printf 'place\tholders\tfrom\tto\tnote\nKidal\tNOT_AN_ACTOR\t2014\t\t\n' >"$tmp/pack/control.tsv"
"$bin" ingest --db "$tmp/pack.db" --pack "$tmp/pack" "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
check "a bad control.tsv row is named with file and line" bash -c "test $? -eq 2 && grep -q 'control.tsv:2: unknown holder' '$tmp/err'"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
