#!/usr/bin/env bash
# Knowledge-store benchmark (not run by CI): ingest a generated corpus of over a million events
# into a fresh SQLite store, then time typical queries on it.
# Usage: bench/store_bench.sh [MB_PER_ERA] [ERAS]   (default 120 MB × 3 eras, ≈1.3 million events)
#        FAULTLINE=path/to/faultline bench/store_bench.sh   (another binary than build/faultline)
# The corpus is bench/gen_corpus.py's (2012–2024, seeds 5, 6, …), one generation per era, era k
# moved 13·k years earlier: gen_corpus packs about 50 documents a day onto the same few dozen
# towns, so deduplication folds about half its reports together, and eras keep a million events
# apart. Reports: documents/s and reports/s of ingest (coding included), where the time went, the
# store's size, re-ingest rate, and the median wall time of 5 runs of each query (process start
# included).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-120}
eras=${2:-3}
bin=${FAULTLINE:-build/faultline}
work=${TMPDIR:-/tmp}/faultline_store_bench
mkdir -p "$work"
corpus=$work/corpus_${mb}mb_x${eras}.jsonl
db=$work/store_${mb}mb_x${eras}.db
if [ ! -f "$corpus" ]; then
  : >"$corpus.partial"
  for ((k = 0; k < eras; k++)); do
    python3 bench/gen_corpus.py --mb "$mb" --seed $((5 + k)) --out - | python3 -c '
import datetime, json, sys
k = int(sys.argv[1])
for line in sys.stdin:
    d = json.loads(line)
    if k:
        day = datetime.date.fromisoformat(d["date"])
        year = day.year - 13 * k
        d["date"] = (day.replace(year=year) if not (day.month == 2 and day.day == 29) else datetime.date(year, 2, 28)).isoformat()
        d["id"] += f"-era{k}"
    print(json.dumps(d, ensure_ascii=False))
' "$k" >>"$corpus.partial"
  done
  mv "$corpus.partial" "$corpus"
fi
rm -f "$db" "$db-wal" "$db-shm"
docs=$(grep -c . "$corpus")

start=$(date +%s.%N)
/usr/bin/time -v "$bin" ingest --db "$db" "$corpus" 2>"$work/ingest.time"
end=$(date +%s.%N)
rss=$(grep "Maximum resident set size" "$work/ingest.time" | awk '{print $NF}')
counts=$(python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(*[db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "reports", "events")])
' "$db")
read -r n_docs n_reports n_events <<<"$counts"
python3 - "$start" "$end" "$docs" "$n_reports" "$n_events" "$rss" "$(stat -c %s "$db")" "$(nproc)" <<'PY'
import sys
start, end, docs, reports, events, rss, size, cores = sys.argv[1:]
secs = float(end) - float(start)
print(f"ingest: {int(docs):,} documents -> {int(reports):,} reports -> {int(events):,} events "
      f"in {secs:.1f} s on {cores} cores")
print(f"ingest rate: {int(docs) / secs:,.0f} documents/s, {int(reports) / secs:,.0f} reports/s "
      f"(coding, storage, deduplication and graph included)")
print(f"store: {int(size) / 1e6:,.0f} MB; ingest peak memory {int(rss) / 1024:,.0f} MB")
PY
grep '^faultline:' "$work/ingest.time" | tail -n 1 | sed 's/^faultline: /  /'
if [ "$n_events" -lt 1000000 ]; then echo "note: fewer than 1,000,000 events; give a larger MB" >&2; fi

# Re-ingest of the same corpus: every document skipped by content hash.
start=$(date +%s.%N)
"$bin" ingest -q --db "$db" "$corpus"
end=$(date +%s.%N)
python3 -c 'import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f"re-ingest (all unchanged): {s:.1f} s, {int(sys.argv[3])/s:,.0f} documents/s")' "$start" "$end" "$docs"

query() {  # query LABEL ARGS...: median wall time of 5 runs
  local label=$1
  shift
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N)
    "$bin" "$@" --db "$db" >"$work/query.out"
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf '%6d ms  %6d rows  %s\n' "$median" "$(wc -l <"$work/query.out")" "$label"
}
echo "query latency (median of 5, wall clock, process start included):"
query "events --actor MNLA --limit 100" events --actor MNLA --limit 100 --format json
query "events --actor CMA (members included) --from 2015 --to 2016" events --actor CMA --from 2015 --to 2016 --format json
query "events --type ASSAULT --from 2015-01 --to 2015-03 --limit 100" events --type ASSAULT --from 2015-01 --to 2015-03 --limit 100 --format json
query "events --place Kidal --limit 100" events --place Kidal --limit 100 --format json
query "events --place Mopti --type ASSAULT --from 2020 --to 2020" events --place Mopti --type ASSAULT --from 2020 --to 2020 --format json
query "events --text 'suicide bomber' --limit 100" events --text "suicide bomber" --limit 100 --format json
query "events --reports --actor JNIM --limit 100" events --reports --actor JNIM --limit 100 --format json
query "actor MNLA --at 2015" actor MNLA --at 2015 --format json
query "control Kidal" control Kidal --format json
query "graph --at 2015-06" graph --at 2015-06 --format json
