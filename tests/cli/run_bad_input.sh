#!/usr/bin/env bash
# Feeds every case of tests/bad_input/cases.tsv to `faultline code` and checks the exit status,
# the number of events and the message; then the generated big cases. Nothing may crash or hang.
# Usage: run_bad_input.sh FAULTLINE_BINARY REPO_ROOT
set -uo pipefail
bin=$1
dir=$2/tests/bad_input
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

run() {  # run FILE EXIT EVENTS MESSAGE [extra args]
  local file=$1 want_rc=$2 want_events=$3 want_msg=$4
  shift 4
  (cd "$(dirname "$file")" && timeout 120 "$bin" code -q "$@" "$(basename "$file")") >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  local events
  events=$(wc -l <"$tmp/out")
  local name
  name=$(basename "$file")
  if [ "$rc" -ge 124 ]; then fail "$name: crashed or hung (status $rc)"; return; fi
  if [ "$rc" -ne "$want_rc" ]; then fail "$name: exit $rc, expected $want_rc"; return; fi
  if [ "$want_events" != "*" ] && [ "$events" -ne "$want_events" ]; then fail "$name: $events events, expected $want_events"; return; fi
  if [ -n "$want_msg" ] && ! grep -qF -- "$want_msg" "$tmp/err"; then
    fail "$name: message '$want_msg' not in: $(head -c 300 "$tmp/err")"
    return
  fi
  if [ -z "$want_msg" ] && [ -s "$tmp/err" ]; then fail "$name: unexpected message $(head -c 300 "$tmp/err")"; return; fi
  passed=$((passed + 1))
  echo "ok   $name"
}

while IFS=$'\t' read -r file rc events msg; do
  case "$file" in '#'* | '') continue ;; esac
  run "$dir/$file" "$rc" "$events" "$msg"
done <"$dir/cases.tsv"

# Too big to commit: a 100 MB single JSON line (skipped, the next line still coded) and a 20 MB
# text file (skipped with the limit named).
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
with open(f"{d}/huge_line.jsonl", "w") as f:
    f.write('{"id":"big","text":"' + "Soldiers attacked Gao. " * (100 * 1024 * 1024 // 23) + '"}\n')
    f.write('{"id":"after","text":"Malian soldiers attacked Kidal."}\n')
with open(f"{d}/huge.txt", "w") as f:
    f.write("Malian soldiers attacked Kidal. " * (20 * 1024 * 1024 // 32))
PY
run "$tmp/huge_line.jsonl" 1 1 "huge_line.jsonl:1: error: document of 100 MB is larger than the 16 MB limit"
run "$tmp/huge.txt" 1 0 "huge.txt: error: document of 20 MB is larger than the 16 MB limit"
# A folder and a missing file are named; the other inputs of the run are still coded.
mkdir -p "$tmp/folder"
printf '{"id":"ok","text":"Malian soldiers attacked Kidal."}\n' >"$tmp/ok.jsonl"
(cd "$tmp" && timeout 60 "$bin" code -q folder missing.jsonl ok.jsonl) >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ "$(wc -l <"$tmp/out")" -eq 1 ] && grep -q "folder: error: is a folder" "$tmp/err" &&
  grep -q "missing.jsonl: error: cannot open file" "$tmp/err"; then
  passed=$((passed + 1)); echo "ok   folder and missing file"
else
  fail "folder and missing file: exit $rc, $(head -c 300 "$tmp/err")"
fi

echo "bad input: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
