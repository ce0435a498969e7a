#!/usr/bin/env bash
# Load test of `faultline serve` (not run by CI): the events endpoint on a store of at least a
# million events, over loopback only, with wrk for a bounded time. Reports the server's start
# time (until the port answers) and memory, the time until its word index is ready (it is built
# while the server answers), then requests/s and latency percentiles (target: p99 < 50 ms) for
# the first page of events and for a mix of filtered, sorted and paged queries.
# Usage: bench/serve_load.sh [DB]
#   DB: an existing store; default: the store bench/store_bench.sh leaves if it is there, else one
#   generated here from bench/gen_corpus.py (MB=… megabytes of text, default 480: about 1.1
#   million events) and ingested.
#   DURATION=20 (seconds per run), CONNECTIONS=8, THREADS=2 tune wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "serve_load: wrk is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
bin=${FAULTLINE:-build/faultline}
duration=${DURATION:-20}
connections=${CONNECTIONS:-8}
threads=${THREADS:-2}
work=${TMPDIR:-/tmp}/faultline_serve_bench
mkdir -p "$work"

db=${1:-}
if [ -z "$db" ]; then
  bench_db=$(ls "${TMPDIR:-/tmp}"/faultline_store_bench/store_*.db 2>/dev/null | head -1 || true)
  if [ -n "$bench_db" ]; then
    db=$bench_db
  else
    db=$work/store.db
    if [ ! -f "$db" ]; then
      mb=${MB:-480}
      corpus=$work/corpus_${mb}mb.jsonl
      [ -f "$corpus" ] || python3 bench/gen_corpus.py --mb "$mb" --seed 21 --out "$corpus"
      echo "serve_load: ingesting $corpus (takes a while)" >&2
      "$bin" ingest -q --db "$db" "$corpus"
    fi
  fi
fi
events=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute("SELECT count(*) FROM events").fetchone()[0])' "$db")
echo "store: $db, $(printf "%'d" "$events") events"
[ "$events" -ge 1000000 ] || echo "note: fewer than 1,000,000 events; give a larger store" >&2

server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
start=$(date +%s.%N)
"$bin" serve --db "$db" --port 0 --rate-limit 0 --threads "$connections" >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
while [ -z "$url" ]; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err"; exit 1; }
  url=$(grep -o 'http://[^ ]*' "$work/serve.out" || true)
  sleep 0.2
done
url=${url%/}
until curl -sf "$url/api/health" >/dev/null; do sleep 0.1; done
ready=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
python3 -c 'import sys; print(f"server answers in {float(sys.argv[2]) - float(sys.argv[1]):.1f} s, resident memory {int(sys.argv[3]) / 1024:,.0f} MB")' "$start" "$ready" "$rss"
# The word index is built while the server answers; measure with it in place.
while ! grep -q "word index ready\|no word search" "$work/serve.err"; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err"; exit 1; }
  sleep 0.5
done
words=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
python3 -c 'import sys; print(f"word index ready {float(sys.argv[2]) - float(sys.argv[1]):.1f} s after start, resident memory {int(sys.argv[3]) / 1024:,.0f} MB")' "$start" "$words" "$rss"

# A mix of what the page asks: newest first, by type, place, region, actor (a coalition with its
# members), period, words, sorted by fatalities, and deep pages.
cat >"$work/mix.lua" <<'LUA'
local paths = {
  "/api/events?limit=25&sort=-date",
  "/api/events?limit=25&sort=-date&type=ASSAULT",
  "/api/events?limit=25&sort=-date&place=Kidal",
  "/api/events?limit=25&sort=-date&region=Mopti&type=ASSAULT",
  "/api/events?limit=25&sort=-date&actor=JNIM",
  "/api/events?limit=25&sort=-date&actor=CMA&from=2015&to=2016",
  "/api/events?limit=25&from=2020-01&to=2020-03",
  "/api/events?limit=25&sort=-date&text=killed",
  "/api/events?limit=25&sort=-fatalities&type=ASSAULT",
  "/api/events?limit=25&offset=500000",
  "/api/events?limit=25&sort=-date&text=ambushed%20convoy&region=Gao",
  "/api/events?limit=100&sort=-sources&from=2018",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

run() {  # run LABEL ARGS...
  local label=$1
  shift
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" >"$work/wrk.out"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
  local errors
  errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.out" || true)
  printf '%-48s %10s req/s   p50 %8s   p99 %8s %s\n' "$label" "$rps" "$p50" "$p99" "${errors:+($errors)}"
}
echo "wrk: $threads threads, $connections connections, ${duration} s per run, on $(nproc) cores (server and wrk share them)"
run "events, first page (limit=50)" "$url/api/events?limit=50"
run "events, mix of 12 filtered/sorted/paged queries" -s "$work/mix.lua" "$url"
awk '/VmRSS|VmHWM/ {printf "after the runs: %s %.0f MB\n", $1, $2 / 1024}' "/proc/$server_pid/status"
