#!/usr/bin/env bash
# Crash test of the store: RUNS times, start `faultline ingest` of a generated corpus, kill it
# with SIGKILL after a random delay (anywhere from opening the database to the graph rebuild;
# in a quarter of the runs the recovering re-run is killed too), then check the database
# (integrity_check, foreign keys, full-text index: tests/store/dump_db.py), re-run the ingest
# and compare the store's content with an uninterrupted ingest's: it must be the same.
# Usage: kill_runs.sh FAULTLINE_BINARY REPO_ROOT [RUNS (default 5)] [SEED (default: random)]
# Prints one line a run and a summary; exit status 1 if any run failed.
set -uo pipefail
bin=$1
root=$2
runs=${3:-5}
seed=${4:-$RANDOM}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump="python3 $root/tests/store/dump_db.py"
RANDOM=$seed

python3 "$root/bench/gen_corpus.py" --mb 1 --seed 11 --out "$tmp/corpus.jsonl" 2>/dev/null
start=$(date +%s.%N)
"$bin" ingest -q --db "$tmp/whole.db" "$tmp/corpus.jsonl" || { echo "FAIL the uninterrupted ingest"; exit 1; }
whole=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
$dump "$tmp/whole.db" >"$tmp/dump_whole" || { echo "FAIL dump of the uninterrupted store"; exit 1; }
echo "uninterrupted ingest: ${whole} s; seed $seed"

# delay R: a delay in [0, 1.2 × the uninterrupted time], in seconds, for R in [0, 32767]
# ($RANDOM is drawn by the caller: in a subshell it would not follow the seed).
delay() { awk -v r="$1" -v w="$whole" 'BEGIN { printf "%.3f", r * w * 1.2 / 32767 }'; }

# kill_after DELAY ARGS...: runs `faultline ingest ARGS` and kills it after DELAY; prints
# "killed" or "finished" (it ended first, with its exit status).
kill_after() {
  local wait=$1
  shift
  "$bin" ingest -q "$@" 2>>"$tmp/stderr" &
  local pid=$!
  sleep "$wait"
  # The kill landed only when the process died of it (status 128 + 9): a process that had already
  # exited but was not yet reaped also accepts kill -9.
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  local rc=$?
  if [ "$rc" -eq 137 ]; then echo killed; else echo "finished($rc)"; fi
}

passed=0
failed=0
killed=0
for run in $(seq 1 "$runs"); do
  db=$tmp/crash.db
  rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
  batches=(7 50 200)
  batch=${batches[$((RANDOM % 3))]}
  # A run that ended before its kill is tried again, sooner (at most three times in all).
  for attempt in 1 2 3; do
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    d1=$(delay $((RANDOM / attempt)))
    what=$(kill_after "$d1" --batch "$batch" --db "$db" "$tmp/corpus.jsonl")
    [ "$what" = killed ] && break
  done
  [ "$what" = killed ] && killed=$((killed + 1))
  docs=$(python3 -c 'import sqlite3,sys
try: print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])
except sqlite3.Error: print(0)' "$db" 2>/dev/null)
  problem=""
  $dump "$db" >/dev/null 2>"$tmp/dump_err" || problem="inconsistent after kill: $(head -c 300 "$tmp/dump_err")"
  second=""
  if [ -z "$problem" ] && [ $((RANDOM % 4)) -eq 0 ]; then  # kill the recovering run too
    d2=$(delay $RANDOM)
    second=" then re-run $(kill_after "$d2" --db "$db" "$tmp/corpus.jsonl") after ${d2}s"
    $dump "$db" >/dev/null 2>"$tmp/dump_err" || problem="inconsistent after the second kill: $(head -c 300 "$tmp/dump_err")"
  fi
  if [ -z "$problem" ]; then
    if ! "$bin" ingest -q --db "$db" "$tmp/corpus.jsonl" 2>>"$tmp/stderr"; then
      problem="the re-run failed"
    elif ! $dump "$db" >"$tmp/dump_crash" 2>"$tmp/dump_err"; then
      problem="inconsistent after the re-run: $(head -c 300 "$tmp/dump_err")"
    elif ! cmp -s "$tmp/dump_whole" "$tmp/dump_crash"; then
      problem="the re-run's store differs from the uninterrupted one ($(diff "$tmp/dump_whole" "$tmp/dump_crash" | grep -c '^[<>]') lines)"
    fi
  fi
  line="run $run: batch $batch, ${what} after ${d1}s with ${docs} documents stored${second}"
  if [ -z "$problem" ]; then
    passed=$((passed + 1))
    echo "ok   $line"
  else
    failed=$((failed + 1))
    echo "FAIL $line: $problem"
    cp "$db" "${TMPDIR:-/tmp}/kill_runs_failed_$run.db" 2>/dev/null || true  # for a post-mortem
  fi
done
echo "kill -9 runs: $passed passed, $failed failed, $killed of $runs killed before finishing (seed $seed)"
# A test whose kills never land tests nothing: every run must have been killed mid-ingest.
if [ "$killed" -lt "$runs" ]; then
  echo "FAIL only $killed of $runs runs were killed before finishing"
  exit 1
fi
test "$failed" -eq 0
