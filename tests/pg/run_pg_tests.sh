#!/usr/bin/env bash
# Tests of the PostgreSQL store against a real server started for the run (tests/pg/pg_harness.sh):
#  1. the same corpus ingested into SQLite and PostgreSQL answers every query and every export
#     byte for byte the same (and the serve API, tests/pg/serve_compare.py);
#  2. concurrent ingest processes over shuffled parts of a corpus (one part twice) give the same
#     content as one process;
#  3. re-ingest is idempotent, a changed document replaces its reports and restoring it restores
#     the store; a run killed with kill -9 and run again gives the uninterrupted result;
#  4. bad URLs, an unreachable server, a missing database or store give clear errors.
# Usage: run_pg_tests.sh FAULTLINE_BINARY REPO_ROOT   (exit 77 = skipped: no PostgreSQL server binaries)
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=pg_harness.sh
source "$root/tests/pg/pg_harness.sh"
start_pg
rc=$?
[ $rc -eq 77 ] && exit 77
[ $rc -ne 0 ] && exit 1
dump="bash $root/tests/pg/dump_pg.sh"
source "$root/tests/lib/check.sh"  # check, contains, lacks, py

# --- 1. SQLite and PostgreSQL give the same answers ---
inputs=("$root/examples/sahel_reports.jsonl" "$root/tests/data/e2e/docs.jsonl" "$root/tests/data/store/same_event.jsonl"
        "$root/tests/data/fr/docs.jsonl" "$root/tests/data/html/kidal.html")
lite=$tmp/lite.db
pgurl=$PG_URL
for f in "${inputs[@]}"; do
  "$bin" ingest -q --db "$lite" "$f"
  "$bin" ingest -q --db "$pgurl" "$f"
  check "ingest of $(basename "$f") into PostgreSQL succeeds" test $? -eq 0
done

# One query per line (shell words); each runs on both stores: exit status, standard output and
# standard error (the location replaced) must be the same, and the answer must have rows unless the
# line starts with "empty:" (then it must have none) — two empty stores would not pass.
cat >"$tmp/queries" <<'Q'
events
events --format json
events --format csv
events --reports
events --reports --format json
events --reports --format csv
events --actor CMA --from 2023 --format json
events --actor MNLA --format csv
events --actor "Coordination of Azawad Movements" --from 2014 --to 2016
events --actor Wagner --reports --format json
empty: events --actor "Nobody At All" --format json
events --type ASSAULT --format json
events --type assault --place Kidal --format csv
events --place "Ménaka" --format json
events --place gao --reports --format json
events --from 2012 --to 2013-06 --format json
events --from 2023-11-14 --to 2023-11-14 --format csv
events --text Kidal --format json
events --text "soldats maliens" --format json
events --text "MENAKA" --reports --format json
events --text "killed fighters" --format csv
events --text "al-Sahraoui" --format json
empty: events --text "nothingmatchesthisword" --format json
empty: events --text "-- ,," --format json
events --limit 5 --format json
events --limit 3 --reports --format csv
events --actor CMA --type ASSAULT --from 2012 --to 2024 --limit 4 --format json
events --type ASSAULT,protest --format json
events --place Tombouctou --format csv
events --country MLI --region kidal --format json
events --min-fatalities 5 --sort -fatalities --format csv
events --min-confidence 0.9 --precision day --sort -date --offset 3 --limit 10 --format json
events --sort sources --offset 5 --limit 20 --format json
events --sort fatalities --precision month --wide
events --reports --offset 2 --limit 5 --format json
empty: events --type attack
empty: events --place Nowhereville
empty: events --from 2031
empty: events --from 2013-02-30
actor CMA
actor CMA --format json
actor mnla --at 2012 --format json
actor MNLA --at 2023 --format csv
actor MNLA --from 2012 --to 2014 --format json
actor "Iyad Ag Ghaly" --format json
actor WAGNER --at 2023-11
empty: actor NGA_MIL --format json
empty: actor "Nobody At All"
control Kidal
control kidal --format json
control Kidal --at 2013-01-01 --format json
control Kidal --at 2014-06-01 --format csv
control Kidal --at 2023-12-01
control Gao --format json
control Tessalit --format json
control Tombouctou --format json
empty: control Atlantis-sur-Mer
graph
graph --at 2012 --format json
graph --at 2014-06 --format csv
graph --from 2012 --to 2015 --format json
graph --actor CMA --format json
graph --actor MNLA --at 2023 --min-events 2 --format json
graph --min-events 3 --format csv
export --format acled-csv
export --format cameo-tsv
export --format plover-jsonl
export --format geojson
export --format graphml
export --format acled-csv --actor CMA --from 2014
export --format plover-jsonl --type ASSAULT --place Kidal
export --format geojson --text Kidal --limit 10
export --format graphml --from 2012 --to 2013
export --format cameo-tsv --actor MNLA --to 2015
export --format acled-csv --min-fatalities 1 --sort -fatalities
Q
n=0
with_rows=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  n=$((n + 1))
  want_rows=1
  case $line in empty:*) want_rows=0; line=${line#empty: } ;; esac
  eval "args=($line)"
  "$bin" "${args[0]}" --db "$lite" "${args[@]:1}" >"$tmp/q_lite.out" 2>"$tmp/q_lite.err"
  rc_lite=$?
  "$bin" "${args[0]}" --db "$pgurl" "${args[@]:1}" >"$tmp/q_pg.out" 2>"$tmp/q_pg.err"
  rc_pg=$?
  sed -i "s|$lite|DB|g" "$tmp/q_lite.err"
  sed -i "s|$pgurl|DB|g" "$tmp/q_pg.err"
  rows=$(wc -l <"$tmp/q_pg.out")
  [ "$rows" -gt 0 ] && with_rows=$((with_rows + 1))
  if [ $rc_lite -eq $rc_pg ] && cmp -s "$tmp/q_lite.out" "$tmp/q_pg.out" && cmp -s "$tmp/q_lite.err" "$tmp/q_pg.err" &&
     [ "$((rows > 0))" -eq "$want_rows" ]; then
    passed=$((passed + 1))
    echo "ok   same answer: $line ($(wc -l <"$tmp/q_pg.out") lines, exit $rc_pg)"
  else
    failed=$((failed + 1))
    echo "FAIL same answer: $line (exit $rc_lite vs $rc_pg, $rows lines, rows expected: $want_rows)"
    diff "$tmp/q_lite.out" "$tmp/q_pg.out" | head -n 6
    diff "$tmp/q_lite.err" "$tmp/q_pg.err" | head -n 6
  fi
done <"$tmp/queries"
check "all 75 queries ran ($n)" test "$n" -eq 75
check "65 of them have rows ($with_rows)" test "$with_rows" -eq 65
# The stores hold the same, non-empty set of events: count them in each database itself.
n_lite=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from events").fetchone()[0])' "$lite")
n_pg=$("$bin" events --db "$pgurl" --format json | wc -l)
check "both stores hold the same number of events ($n_lite, $n_pg), at least 100" \
  bash -c "[ '$n_lite' -eq '$n_pg' ] && [ '$n_pg' -ge 100 ]"
"$bin" events --db "$pgurl" --text Kidal --format json | wc -l >"$tmp/n"
check "full-text search finds rows on PostgreSQL" test "$(cat "$tmp/n")" -ge 5
"$bin" export --db "$pgurl" --format geojson --out "$tmp/pg.geojson" 2>/dev/null
"$bin" export --db "$lite" --format geojson --out "$tmp/lite.geojson" 2>/dev/null
check "export --out writes the same file" cmp -s "$tmp/pg.geojson" "$tmp/lite.geojson"
FAULTLINE_DB=$pgurl "$bin" events --format json >"$tmp/env.out"
"$bin" events --db "$pgurl" --format json >"$tmp/arg.out"
check "FAULTLINE_DB chooses the store when --db is absent" bash -c "test -s '$tmp/env.out' && cmp -s '$tmp/env.out' '$tmp/arg.out'"
FAULTLINE_DB=$pgurl "$bin" events --db "$lite" --format json >"$tmp/env2.out"
"$bin" events --db "$lite" --format json >"$tmp/arg2.out"
check "--db wins over FAULTLINE_DB" cmp -s "$tmp/env2.out" "$tmp/arg2.out"
"$bin" events --db "${pgurl/postgresql:/postgres:}" --format json >"$tmp/short.out"
check "postgres:// is accepted too" cmp -s "$tmp/short.out" "$tmp/arg.out"

if python3 "$root/tests/pg/serve_compare.py" "$bin" "$lite" "$pgurl" "$root" >"$tmp/serve.log" 2>&1; then
  passed=$((passed + 1))
  echo "ok   the serve API answers the same on both stores ($(grep -c '^same' "$tmp/serve.log") requests)"
else
  failed=$((failed + 1))
  echo "FAIL the serve API answers the same on both stores"
  tail -n 20 "$tmp/serve.log"
fi

# --- 3. idempotent re-ingest, changed documents ---
$dump "$pgurl" >"$tmp/dump1"
check "the dump of the store is not empty" test "$(grep -c '^event' "$tmp/dump1")" -gt 100
"$bin" ingest --db "$pgurl" "${inputs[0]}" 2>"$tmp/err"
check "second ingest skips every document" contains "$tmp/err" "0 new, 0 changed, 191 unchanged"
$dump "$pgurl" >"$tmp/dump2"
check "second ingest leaves every table as it was" cmp -s "$tmp/dump1" "$tmp/dump2"
"$bin" ingest -q --db "$pgurl"
$dump "$pgurl" >"$tmp/dump2"
check "ingest without input changes nothing" cmp -s "$tmp/dump1" "$tmp/dump2"
"$bin" ingest -q --recode --db "$pgurl" "${inputs[0]}"
$dump "$pgurl" >"$tmp/dump2"
check "--recode (every report replaced) gives the same content" cmp -s "$tmp/dump1" "$tmp/dump2"
# A store of schema version 2 (before version 3's dedup rules): opening it marks every block dirty,
# the next ingest recomputes them all, and this corpus's events come out as they were.
pg_psql "$pgurl" -c "UPDATE faultline_schema SET version = 2; DELETE FROM dirty_blocks"
"$bin" ingest --db "$pgurl" 2>"$tmp/err"
check "upgrading a version-2 store recomputes every block" grep -Eq '[1-9][0-9]* block\(s\) deduplicated' "$tmp/err"
$dump "$pgurl" >"$tmp/dump2"
check "…and leaves the same content" cmp -s "$tmp/dump1" "$tmp/dump2"
py '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    if d["id"] == "ex-0036":
        d["text"] = "Chadian troops seized the airport of Tessalit on Tuesday, officials said."
        print(json.dumps(d))
' "${inputs[0]}" >"$tmp/changed.jsonl"
"$bin" ingest --db "$pgurl" "$tmp/changed.jsonl" 2>"$tmp/err"
check "a changed document is reported as changed" contains "$tmp/err" "0 new, 1 changed"
"$bin" events --db "$pgurl" --reports --format json >"$tmp/reports.jsonl"
check "the changed document's old reports are gone" py '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
mine = [r for r in rows if r["doc"] == "ex-0036"]
assert mine and all("Tessalit" in r["evidence"] for r in mine), mine
assert all(r["event"] for r in rows)
' "$tmp/reports.jsonl"
"$bin" events --db "$pgurl" --text "airport Kidal overnight" --format json >"$tmp/fts"
check "full-text search no longer finds the old wording" test ! -s "$tmp/fts"
"$bin" ingest -q --db "$pgurl" "${inputs[0]}"
$dump "$pgurl" >"$tmp/dump3"
check "restoring the document restores the store" cmp -s "$tmp/dump1" "$tmp/dump3"

# --- 2. concurrent writers ---
python3 "$root/bench/gen_corpus.py" --mb 1 --seed 11 --out "$tmp/gen.jsonl" 2>/dev/null
cat "${inputs[0]}" "$root/tests/data/e2e/docs.jsonl" "$tmp/gen.jsonl" >"$tmp/corpus.jsonl"
py '
import random, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
random.Random(7).shuffle(lines)
for k in range(4):
    with open(f"{sys.argv[2]}/part{k}.jsonl", "w", encoding="utf-8") as f:
        f.writelines(lines[k::4])
' "$tmp/corpus.jsonl" "$tmp"
tac "$tmp/part1.jsonl" >"$tmp/part1_again.jsonl"
single=$(pg_new_db single)
many=$(pg_new_db many)
start=$(date +%s.%N)
"$bin" ingest -q --db "$single" "$tmp/corpus.jsonl"
t_single=$(py 'import sys, time; print(f"{time.time() - float(sys.argv[1]):.1f}")' "$start")
start=$(date +%s.%N)
pids=()
for part in part0 part1 part2 part3 part1_again; do
  "$bin" ingest -q --batch 20 -j 1 --db "$many" "$tmp/$part.jsonl" 2>"$tmp/$part.err" &
  pids+=($!)
done
ok=0
for p in "${pids[@]}"; do wait "$p" || ok=1; done
t_many=$(py 'import sys, time; print(f"{time.time() - float(sys.argv[1]):.1f}")' "$start")
check "5 concurrent ingests (4 shuffled parts, one part twice) all succeed" test $ok -eq 0
cat "$tmp"/part*.err
$dump "$single" >"$tmp/dump_single"
$dump "$many" >"$tmp/dump_many"
check "concurrent ingests give the content of one process ($(grep -c '^event	' "$tmp/dump_single") events; ${t_single}s alone, ${t_many}s with 5 writers)" \
  cmp -s "$tmp/dump_single" "$tmp/dump_many"
cmp "$tmp/dump_single" "$tmp/dump_many" >/dev/null || diff "$tmp/dump_single" "$tmp/dump_many" | head -n 10
check "no dirty block or stale graph is left" bash -c "! grep -q '^dirty' '$tmp/dump_many' && grep -q '^graph_stale	t' '$tmp/dump_many'"
for q in "events --format json" "export --format plover-jsonl" "graph --format json" "control Kidal --format json" \
         "actor CMA --format json" "export --format graphml"; do
  eval "args=($q)"
  "$bin" "${args[0]}" --db "$single" "${args[@]:1}" >"$tmp/a.out" 2>/dev/null
  "$bin" "${args[0]}" --db "$many" "${args[@]:1}" >"$tmp/b.out" 2>/dev/null
  check "concurrent ingests answer '$q' as one process" cmp -s "$tmp/a.out" "$tmp/b.out"
done

# kill -9 during an ingest (early; once half the documents are written; once all are, during
# deduplication or the graph), re-run: the uninterrupted result.
docs=$(grep -c . "$tmp/corpus.jsonl")
for when in early half all; do
  crash=$(pg_new_db "crash_$when")
  "$bin" ingest -q --batch 20 --db "$crash" "$tmp/corpus.jsonl" &
  pid=$!
  if [ "$when" = early ]; then
    sleep 1
  else
    want=$docs
    [ "$when" = half ] && want=$((docs / 2))
    for _ in $(seq 600); do
      n=$(pg_psql "$crash" -A -t -c "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
      [ "${n:-0}" -ge "$want" ] && break
      sleep 0.1
    done
  fi
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rc=$?
  check "the ingest was still running when killed ($when; status $rc)" test $rc -eq 137
  check "store is readable right after kill -9 ($when)" bash -c "$dump '$crash' >/dev/null"
  "$bin" ingest -q --db "$crash" "$tmp/corpus.jsonl"
  $dump "$crash" >"$tmp/dump_crash"
  check "re-run after kill -9 ($when) gives the uninterrupted result" cmp -s "$tmp/dump_single" "$tmp/dump_crash"
done

# --- 4. errors ---
"$bin" events --db "postgresql://faultline@127.0.0.1:1/faultline" >"$tmp/out" 2>"$tmp/err"
check "an unreachable server: exit 2 and a message naming it" bash -c \
  "test $? -eq 2 && grep -q 'cannot connect to PostgreSQL at postgresql://faultline@127.0.0.1:1/faultline' '$tmp/err'"
"$bin" ingest --db "postgresql://faultline:s3cret@127.0.0.1:1/faultline" "${inputs[2]}" >"$tmp/out" 2>"$tmp/err"
check "ingest into an unreachable server fails with exit 2, password hidden" bash -c \
  "test $? -eq 2 && grep -q 'cannot connect' '$tmp/err' && ! grep -q s3cret '$tmp/err' && grep -q 'faultline:\*\*\*@' '$tmp/err'"
"$bin" events --db "postgresql://faultline@127.0.0.1:notaport/faultline" >"$tmp/out" 2>"$tmp/err"
check "a bad port in the URL is named" bash -c "test $? -eq 2 && grep -q 'port' '$tmp/err'"
"$bin" events --db "postgresql://faultline@[nonsense/faultline" >"$tmp/out" 2>"$tmp/err"
check "a malformed URL gives a clear error, no crash" bash -c "test $? -eq 2 && grep -q 'cannot connect to PostgreSQL' '$tmp/err'"
"$bin" events --db "postgresql://faultline@127.0.0.1:$PG_PORT/no_such_db" >"$tmp/out" 2>"$tmp/err"
check "a missing database is named" bash -c "test $? -eq 2 && grep -q 'no_such_db' '$tmp/err' && grep -q 'does not exist' '$tmp/err'"
empty=$(pg_new_db empty)
"$bin" events --db "$empty" >"$tmp/out" 2>"$tmp/err"
check "a database without a store: queries say so" bash -c "test $? -eq 2 && grep -q 'no Faultline store' '$tmp/err'"
pg_psql "$empty" -c "CREATE TABLE faultline_schema (version integer); INSERT INTO faultline_schema VALUES (99)"
"$bin" ingest --db "$empty" "${inputs[2]}" >"$tmp/out" 2>"$tmp/err"
check "a store from a newer faultline is refused" bash -c "test $? -eq 2 && grep -q 'newer than this faultline' '$tmp/err'"
FAULTLINE_DB="" "$bin" events >"$tmp/out" 2>"$tmp/err"
check "no --db and no FAULTLINE_DB: a usage error" bash -c "test $? -eq 2 && grep -q -- '--db' '$tmp/err'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
