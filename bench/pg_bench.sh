#!/usr/bin/env bash
# The PostgreSQL store's speed next to SQLite's (not run by CI): generates a corpus with
# bench/gen_corpus.py, then times ingest into SQLite (one process), into PostgreSQL (one process)
# and into PostgreSQL by WRITERS processes at once over as many parts, and the median time of a few
# queries on each store. The server is a throwaway one from tests/pg/pg_harness.sh (fsync off).
# Usage: bench/pg_bench.sh [MB] [WRITERS]   (default 5 MB, 4 writers; FAULTLINE=path for another binary)
#        WRITERS=0 skips the many-writers run. Prints the PostgreSQL/SQLite ratio of one-process ingest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-5}
writers=${2:-4}
bin=${FAULTLINE:-$root/build/faultline}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$root/tests/pg/pg_harness.sh"
start_pg
python3 "$root/bench/gen_corpus.py" --mb "$mb" --seed 5 --out "$tmp/corpus.jsonl" 2>/dev/null
docs=$(grep -c . "$tmp/corpus.jsonl")
python3 - "$tmp/corpus.jsonl" "$tmp" "$writers" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").readlines()
n = int(sys.argv[3])
for k in range(n):
    open(f"{sys.argv[2]}/part{k}.jsonl", "w", encoding="utf-8").writelines(lines[k::n])
PY
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / (float(sys.argv[3]) - float(sys.argv[2])):.0f}')" "$1" "$2" "$3"; }

echo "corpus: $mb MB, $docs documents; $(nproc) cores"
t0=$(now); "$bin" ingest -q --db "$tmp/lite.db" "$tmp/corpus.jsonl"; t1=$(now)
echo "SQLite, 1 process:          $(secs "$t0" "$t1") s, $(rate "$docs" "$t0" "$t1") docs/s"
lite=$(secs "$t0" "$t1")
one=$(pg_new_db one)
t0=$(now); "$bin" ingest -q --db "$one" "$tmp/corpus.jsonl"; t1=$(now)
echo "PostgreSQL, 1 process:      $(secs "$t0" "$t1") s, $(rate "$docs" "$t0" "$t1") docs/s"
echo "PostgreSQL/SQLite ingest:   $(python3 -c "import sys; print(f'{float(sys.argv[2]) / float(sys.argv[1]):.2f}')" "$lite" "$(secs "$t0" "$t1")")"
if [ "$writers" -gt 0 ]; then
  many=$(pg_new_db many)
  jobs=$(( $(nproc) / writers )); [ "$jobs" -ge 1 ] || jobs=1
  t0=$(now)
  pids=()
  for ((k = 0; k < writers; k++)); do "$bin" ingest -q -j "$jobs" --db "$many" "$tmp/part$k.jsonl" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p"; done
  t1=$(now)
  echo "PostgreSQL, $writers processes:     $(secs "$t0" "$t1") s, $(rate "$docs" "$t0" "$t1") docs/s"
fi
t1=$(now)
"$bin" ingest -q --db "$one" "$tmp/corpus.jsonl"
t2=$(now)
echo "PostgreSQL, re-ingest:      $(secs "$t1" "$t2") s (every document unchanged)"

median() {  # median wall time in ms of 5 runs of a query
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(times):.0f}")
PY
}
printf '%-44s %10s %12s\n' query "SQLite ms" "PostgreSQL ms"
for q in "events --actor CMA --format json" "events --type ASSAULT --from 2015 --to 2016 --format json" \
         "events --text attack --limit 100 --format json" "events --reports --limit 1000 --format json" \
         "actor MNLA" "control Kidal" "graph --at 2015"; do
  read -ra args <<<"$q"
  printf '%-44s %10s %12s\n' "$q" "$(median "$bin" "${args[0]}" --db "$tmp/lite.db" "${args[@]:1}")" \
    "$(median "$bin" "${args[0]}" --db "$one" "${args[@]:1}")"
done
