#!/usr/bin/env bash
# Coding + ingest throughput of the sharded ingest (not run by CI): a generated corpus is split by
# `faultline shard` into 1, 2 and 4 parts, and the parts are ingested by as many processes at once
# (plain processes, each with one coding thread, as Slurm array tasks of one CPU run them) into a
# fresh SQLite file and a fresh PostgreSQL database (a throwaway server, tests/pg/pg_harness.sh).
# Prints documents/s and reports/s for each, the base of the projection in docs/scale.md.
# With SLURM=1 the parts run as a Slurm job array on a throwaway single-node cluster instead
# (tests/slurm/slurm_harness.sh; it runs as many tasks at once as the machine has CPUs).
# Usage: bench/scale_bench.sh [MB] [PARALLELISM...]   (default 8 MB; 1 2 4; FAULTLINE=path for another binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-8}
shift || true
levels=("$@")
[ ${#levels[@]} -gt 0 ] || levels=(1 2 4)
bin=${FAULTLINE:-$root/build/faultline}
tmp=$(mktemp -d)
cleanup() {
  declare -F stop_slurm >/dev/null && stop_slurm
  rm -rf "$tmp"
}
trap cleanup EXIT
source "$root/tests/pg/pg_harness.sh"
start_pg
if [ "${SLURM:-0}" = 1 ]; then
  source "$root/tests/slurm/slurm_harness.sh"
  start_slurm
  trap 'cleanup; stop_pg' EXIT
fi

python3 "$root/bench/gen_corpus.py" --mb "$mb" --seed 5 --out "$tmp/corpus.jsonl" 2>/dev/null
docs=$(grep -c . "$tmp/corpus.jsonl")
now() { date +%s.%N; }
echo "corpus: $mb MB, $docs documents (bench/gen_corpus.py --seed 5); $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB"
printf '%-11s %5s %9s %8s %10s %11s\n' backend tasks seconds docs/s reports/s "docs/s/task"

run() {  # run BACKEND DB PARTS
  local backend=$1 db=$2 parts=$3 dir="$tmp/shards-$3" t0 t1 pids=() k
  [ -d "$dir" ] || "$bin" shard -q --parts "$parts" --out "$dir" "$tmp/corpus.jsonl"
  t0=$(now)
  if [ "${SLURM:-0}" = 1 ]; then
    FAULTLINE_DB=$db sbatch --wait --quiet "$dir/faultline.sbatch" >/dev/null
  else
    for ((k = 0; k < parts; k++)); do
      "$bin" ingest -q -j 1 --db "$db" "$dir/shard-$k.jsonl" >"$tmp/log-$backend-$parts-$k" 2>&1 &
      pids+=($!)
    done
    for ((k = 0; k < parts; k++)); do
      wait "${pids[$k]}" || { echo "$backend: task $k of $parts failed:" >&2; tail -n 5 "$tmp/log-$backend-$parts-$k" >&2; exit 1; }
    done
  fi
  t1=$(now)
  # A task that finished while another was still writing may leave the last events for it: the
  # rate counts until the store is complete (nothing pending), as `faultline status` would say.
  "$bin" ingest -q -j 1 --db "$db" >/dev/null 2>&1
  local t2 reports
  t2=$(now)
  "$bin" status --db "$db" --shards "$dir" >/dev/null || { echo "$backend $parts: not all stored" >&2; exit 1; }
  reports=$("$bin" events --db "$db" --reports --format csv 2>/dev/null | tail -n +2 | wc -l)
  python3 -c "
import sys
b, p, t0, t1, t2, docs, reps = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:6]), int(sys.argv[6]), int(sys.argv[7])
s = t2 - t0
print(f'{b:<11} {p:>5} {s:>9.1f} {docs / s:>8.0f} {reps / s:>10.0f} {docs / s / p:>11.0f}')" \
    "$backend" "$parts" "$t0" "$t1" "$t2" "$docs" "$reports"
}

for parts in "${levels[@]}"; do
  run sqlite "$tmp/lite-$parts.db" "$parts"
done
for parts in "${levels[@]}"; do
  run postgresql "$(pg_new_db "bench$parts")" "$parts"
done
