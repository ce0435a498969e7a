#!/usr/bin/env bash
# Soak test of `faultline serve` (not run by CI): wrk over loopback for a long while (default 5
# minutes) with a mix of queries, new connections included, while the server's resident memory
# and thread count are sampled every SAMPLE seconds. Prints the samples, wrk's figures (errors
# must be 0) and whether memory was stable: the growth over the second half of the run, which
# should be near zero once the server's caches and allocator have warmed up.
# Usage: bench/serve_soak.sh DB   (SECONDS_=300 SAMPLE=15 CONNECTIONS=8 THREADS=2 FAULTLINE=build/faultline)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "serve_soak: wrk is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
db=${1:?usage: bench/serve_soak.sh DB}
bin=${FAULTLINE:-build/faultline}
duration=${SECONDS_:-300}
sample=${SAMPLE:-15}
connections=${CONNECTIONS:-8}
threads=${THREADS:-2}
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve --db "$db" --port 0 --rate-limit 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
while [ -z "$url" ]; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err"; exit 1; }
  url=$(grep -o 'http://[^ ]*' "$work/serve.out" || true)
  sleep 0.2
done
url=${url%/}

# Every endpoint the page uses, filters and pages; one request in 10 on a new connection.
cat >"$work/mix.lua" <<'LUA'
local paths = {
  "/api/events?limit=50", "/api/events?limit=25&sort=-fatalities&type=ASSAULT", "/api/events?place=Kidal",
  "/api/events?actor=CMA&from=2014&to=2016", "/api/events?text=attack*&limit=20&offset=20", "/api/timeline",
  "/api/timeline?type=ASSAULT,PROTEST", "/api/map?zoom=6", "/api/search?q=Kidal", "/api/actors?q=a",
  "/api/actors/MNLA", "/api/graph?at=2014", "/api/control/Kidal", "/api/meta",
}
local i = 0
request = function()
  i = i % #paths + 1
  local headers = {}
  if i % 10 == 0 then headers["Connection"] = "close" end
  return wrk.format("GET", paths[i], headers)
end
LUA

rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
nthreads() { awk '/Threads/ {print $2}' "/proc/$server_pid/status"; }
echo "soak: $bin serve on $db for ${duration} s; wrk $threads threads, $connections connections"
start_rss=$(rss)
printf '%6s %10s %8s\n' "s" "RSS kB" "threads"
printf '%6d %10d %8d\n' 0 "$start_rss" "$(nthreads)"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$work/mix.lua" "$url" >"$work/wrk.out" &
wrk_pid=$!
samples=()
t=0
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep "$sample"
  t=$((t + sample))
  kill -0 "$server_pid" 2>/dev/null || { echo "serve_soak: the server died"; cat "$work/serve.err"; exit 1; }
  r=$(rss)
  samples+=("$r")
  printf '%6d %10d %8d\n' "$t" "$r" "$(nthreads)"
done
wait "$wrk_pid"
grep -E "Requests/sec|Non-2xx|Socket errors|requests in" "$work/wrk.out" || true
awk '$1 == "50%" || $1 == "99%" {print "latency " $1 " " $2}' "$work/wrk.out"
n=${#samples[@]}
mid=${samples[$((n / 2))]}
end=${samples[$((n - 1))]}
max=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)
echo "RSS: at start ${start_rss} kB, at half time ${mid} kB, at the end ${end} kB, highest ${max} kB"
awk -v a="$mid" -v b="$end" 'BEGIN { g = (b - a) * 100 / a; printf "growth over the second half: %+.1f %% (%s)\n", g, (g < 5 && g > -50) ? "stable" : "NOT stable" }'
non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk.out")
socket=$(grep -o 'Socket errors:.*' "$work/wrk.out" || true)
echo "errors: ${non2xx:-0} non-2xx answers; ${socket:-no socket errors}"
