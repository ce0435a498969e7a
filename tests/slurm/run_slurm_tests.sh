#!/usr/bin/env bash
# Sharded ingest on a real Slurm cluster (a throwaway single node, tests/slurm/slurm_harness.sh):
# `faultline shard` splits a mixed corpus (JSON Lines, French, an HTML page, generated reports) into
# 4 shards, the job array ingests them into one database, one task is killed with SIGKILL half-way
# and run again with `sbatch --array=K`; `faultline status` must then say all done and the
# database must hold exactly what a single-process ingest of the same inputs gives.
# First, the commands' argument errors (no cluster needed).
# Usage: run_slurm_tests.sh FAULTLINE_BINARY REPO_ROOT   (exit 77: no Slurm here, skipped)
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/faultline-slurm-test.XXXXXX")
cleanup() {
  declare -F stop_slurm >/dev/null && stop_slurm
  rm -rf "$tmp"
}
trap cleanup EXIT
source "$root/tests/lib/check.sh"  # check, contains, lacks, py
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] || exit 1
  exit "${1:-0}"
}

# The corpus: every input format, and generated reports so that each task runs for a while.
python3 "$root/bench/gen_corpus.py" --mb 2 --seed 11 --out "$tmp/generated.jsonl" >/dev/null
inputs=("$root/examples/sahel_reports.jsonl" "$root/tests/data/e2e/docs.jsonl" "$root/tests/data/fr/docs.jsonl"
        "$root/tests/data/html/kidal.html" "$tmp/generated.jsonl")
date_opt=(--date 2023-11-20)

# --- argument errors ---
"$bin" shard --parts 0 --out "$tmp/x" "${inputs[0]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "shard: --parts 0 is refused (exit 2)" test $rc -eq 2
check "shard: --parts 0 is named" contains "$tmp/err" "parts"
"$bin" shard --out "$tmp/x" "${inputs[0]}" >"$tmp/out" 2>"$tmp/err"
check "shard: --parts is required" bash -c "grep -q -- '--parts' '$tmp/err'"
"$bin" shard --parts 2 --out "$tmp/x" "$tmp/missing.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "shard: a missing input fails with status 2" test $rc -eq 2
check "shard: a missing input is named" contains "$tmp/err" "missing.jsonl: no such file"
check "shard: nothing written for a missing input" test ! -e "$tmp/x/manifest.json"
"$bin" shard --parts 2 --out "$tmp/with space" "${inputs[0]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "shard: a folder Slurm cannot name is refused (status 2)" test $rc -eq 2
check "shard: ... and says why" contains "$tmp/err" "white space"
printf '{"id":"b1","text":"Rebels attacked Gao."}\nbroken\n' >"$tmp/bad.jsonl"
"$bin" shard --parts 2 --out "$tmp/bad" "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "shard: bad input lines are skipped with status 1" test $rc -eq 1
check "shard: bad input is named with file and line" contains "$tmp/err" "bad.jsonl:2: error:"
"$bin" shard --parts 2 --out "$tmp/bad" "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "shard: a folder that holds shards is refused" test $rc -eq 2
check "shard: ... and says so" contains "$tmp/err" "already holds shards"
"$bin" status --db "$tmp/none.db" --shards "$tmp/bad" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "status: a missing database fails with status 2" test $rc -eq 2
check "status: ... and names it" contains "$tmp/err" "none.db"
"$bin" ingest -q --db "$tmp/empty.db" </dev/null >/dev/null 2>&1
"$bin" status --db "$tmp/empty.db" --shards "$tmp/nowhere" >"$tmp/out" 2>"$tmp/err"
check "status: a folder without manifest is named" contains "$tmp/err" "nowhere"
echo '{"format": "faultline-shards/1", "inputs": [], "shards": [{"shard": 0, "file": 3}]}' >"$tmp/bad/manifest.json"
"$bin" status --db "$tmp/empty.db" --shards "$tmp/bad" >"$tmp/out" 2>"$tmp/err"
check "status: a broken manifest is named" contains "$tmp/err" "manifest.json: shard 0"

# --- the job array ---
if ! why=$(source "$root/tests/slurm/slurm_harness.sh" && slurm_available); then
  echo "skipped (no Slurm here): $why"
  finish 77
fi
# shellcheck source=slurm_harness.sh
source "$root/tests/slurm/slurm_harness.sh"
start_slurm || { echo "FAIL the Slurm harness did not start"; exit 1; }
trap cleanup EXIT

shards="$tmp/shards"
"$bin" shard --parts 4 --out "$shards" --db "$tmp/default.db" "${date_opt[@]}" "${inputs[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "shard: 4 shards written" test $rc -eq 0 -a -s "$shards/shard-3.jsonl" -a -s "$shards/manifest.json"
check "shard: the job script is an array 0-3" contains "$shards/faultline.sbatch" "#SBATCH --array=0-3"
check "shard: the job script runs this binary" contains "$shards/faultline.sbatch" "exec '$(readlink -f "$bin")' ingest"
check "shard: the summary says how to submit" contains "$tmp/err" "sbatch $shards/faultline.sbatch"
python3 - "$shards" "$tmp/balance" <<'PY'
import json, sys
m = json.load(open(sys.argv[1] + "/manifest.json"))
sizes = [s["bytes"] for s in m["shards"]]
ids = [json.loads(l)["id"] for s in m["shards"] for l in open(sys.argv[1] + "/" + s["ids"])]
open(sys.argv[2], "w").write(f"{min(sizes)} {max(sizes)} {len(ids)} {len(set(ids))} {m['documents']}\n")
PY
read -r least most nids nunique ndocs <"$tmp/balance"
check "shard: every document in exactly one shard" test "$nids" -eq "$nunique" -a "$nids" -eq "$ndocs"
check "shard: shards balanced by text bytes (within 2%)" test $((most - least)) -le $((most / 50))
"$bin" status --db "$tmp/default.db" --shards "$shards" >"$tmp/out" 2>&1
check "status: before the first task, no database yet" test $? -eq 2

stored_of() {  # "STORED DOCUMENTS" of shard $2 in database $1 (0 stored while there is no database yet)
  "$bin" status --db "$1" --shards "$shards" --format json 2>/dev/null | python3 -c "
import json, sys
try: s = json.load(sys.stdin)['shards'][$2]; print(s['stored'], s['documents'])
except Exception: print(0, 1)"
}

# The job array into one database (BACKEND: sqlite or postgresql), a task killed half-way and run
# again, compared with a single-process ingest into SINGLE_DB.
run_array() {
  local backend=$1 db=$2 single=$3 job killed k stored total rc
  echo "--- $backend"
  rm -rf "$shards/logs"/*
  export FAULTLINE_DB=$db
  export FAULTLINE_INGEST_OPTIONS="--batch 10"
  job=$(sbatch --parsable "$shards/faultline.sbatch")
  check "$backend: sbatch: the array is accepted" test -n "$job"

  # Catch a task half-way, deterministically: stop the first running task (SIGSTOP), then let it run
  # in steps of 0.2 s, stopped while its progress is read, until its shard is partly stored; then
  # kill it (SIGKILL, as the OOM killer or a lost node would).
  killed=""
  deadline=$((SECONDS + 300))
  while [ -z "$killed" ] && [ $SECONDS -lt $deadline ] && [ -n "$(squeue -h -j "$job" -o %i)" ]; do
    for k in 0 1 2 3; do
      [ "$(squeue -h -j "${job}_$k" -o %T)" = RUNNING ] || continue
      scancel --batch --signal=STOP "${job}_$k"
      for _ in $(seq 300); do
        read -r stored total < <(stored_of "$db" "$k")
        if [ "$stored" -gt 0 ] && [ "$stored" -lt "$total" ]; then
          scancel --signal=KILL "${job}_$k"
          killed=$k
          echo "killed task $k with $stored of $total documents stored"
          break 2
        fi
        scancel --batch --signal=CONT "${job}_$k"
        [ "$stored" -eq "$total" ] && break  # finished before it could be caught: try another
        sleep 0.2
        scancel --batch --signal=STOP "${job}_$k"
      done
    done
    sleep 0.2
  done
  check "$backend: a task was killed half-way" test -n "$killed"
  killed=${killed:-0}
  _slurm_wait_for "[ -z \"\$(squeue -h -j $job -o %i)\" ]" 300
  check "$backend: the array ended" test -z "$(squeue -h -j "$job" -o %i)"
  check "$backend: every task wrote its log" test -s "$shards/logs/shard-0.log" -a -s "$shards/logs/shard-1.log" -a \
    -s "$shards/logs/shard-2.log" -a -s "$shards/logs/shard-3.log"

  "$bin" status --db "$db" --shards "$shards" >"$tmp/status.txt" 2>&1
  rc=$?
  check "$backend: status: not done after the kill (status 1)" test $rc -eq 1
  check "$backend: status: the killed shard is not done" bash -c "grep -E '^$killed ' '$tmp/status.txt' | grep -q ' no$'"
  check "$backend: status: the other shards are done" test "$(grep -cE '^[0-3] .* yes$' "$tmp/status.txt")" -eq 3
  cat "$tmp/status.txt"

  sbatch --wait --array="$killed" "$shards/faultline.sbatch" >"$tmp/out" 2>&1
  check "$backend: sbatch --array=$killed: the shard is run again" test $? -eq 0
  check "$backend: the re-run skipped what was stored" contains "$shards/logs/shard-$killed.log" "unchanged"

  "$bin" status --db "$db" --shards "$shards" >"$tmp/status.txt" 2>&1
  rc=$?
  cat "$tmp/status.txt"
  check "$backend: status: all done (status 0)" test $rc -eq 0
  check "$backend: status: says all done" contains "$tmp/status.txt" "All done."
  "$bin" status --db "$db" --shards "$shards" --format json >"$tmp/status.json" 2>&1
  check "$backend: status --format json: done, every document stored" python3 -c "import json; s = json.load(open('$tmp/status.json')); assert s['done'] and s['stored'] == s['documents'] == $ndocs and s['shards_done'] == 4 and not s['pending_work'], s"

  "$bin" ingest -q --db "$single" "${date_opt[@]}" "${inputs[@]}" >/dev/null 2>"$tmp/err"
  check "$backend: single-process ingest of the same inputs" test $? -eq 0
  dump_$backend "$db" >"$tmp/sharded.dump"
  dump_$backend "$single" >"$tmp/single.dump"
  check "$backend: the sharded database equals the single-process one" cmp -s "$tmp/sharded.dump" "$tmp/single.dump"
  cmp -s "$tmp/sharded.dump" "$tmp/single.dump" || diff "$tmp/sharded.dump" "$tmp/single.dump" | head -20
  check "$backend: the dump is not trivial" test "$(grep -c '^event[[:space:]]' "$tmp/single.dump")" -gt 100
}
dump_sqlite() { python3 "$root/tests/store/dump_db.py" "$1"; }
dump_postgresql() { bash "$root/tests/pg/dump_pg.sh" "$1"; }

# PostgreSQL, the backend a cluster shares (tests/pg/pg_harness.sh: a throwaway server), then SQLite.
source "$root/tests/pg/pg_harness.sh"
start_pg
pg_rc=$?
if [ $pg_rc -eq 0 ]; then
  run_array postgresql "$(pg_new_db sharded)" "$(pg_new_db single)"
else
  echo "FAIL PostgreSQL did not start (scripts/setup.sh installs it)"
  failed=$((failed + 1))
fi
run_array sqlite "$tmp/sharded.db" "$tmp/single.db"
finish 0
