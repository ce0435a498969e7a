#!/usr/bin/env bash
# Benchmark: how promptly `faultline serve` answers 20 ordinary requests while 64 clients trickle
# their request heads a byte at a time and 16 idle keep-alive connections stay open (the scenario
# of tests/serve/test_hostile.py's test_slow_clients, which checks only that they are answered).
# Target: the slowest of the 20 answers within MAX_S seconds (default 2).
# Usage: bench/serve_slow_clients.sh [FAULTLINE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/faultline}")
max=${MAX_S:-2}
out=$(python3 tests/serve/test_hostile.py "$bin" "$PWD" test_slow_clients)
echo "$out"
worst=$(echo "$out" | sed -n 's/.*slowest \([0-9.]*\) s.*/\1/p')
[ -n "$worst" ] || { echo "serve_slow_clients: no timing in the output"; exit 1; }
if awk -v w="$worst" -v m="$max" 'BEGIN { exit !(w < m) }'; then
  echo "serve_slow_clients: slowest ${worst} s < ${max} s target: met"
else
  echo "serve_slow_clients: slowest ${worst} s, target ${max} s: NOT met"
  exit 1
fi
