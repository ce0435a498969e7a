#!/usr/bin/env bash
# Throughput of `faultline code` on a generated corpus (default 50 MB): sentences/s, MB/s, peak
# memory. Usage: bench/throughput.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
corpus=${TMPDIR:-/tmp}/faultline_bench_${mb}mb.jsonl
[ -f "$corpus" ] || python3 bench/gen_corpus.py --mb "$mb" --seed 7 --out "$corpus"
bytes=$(stat -c %s "$corpus")
sentences=$(python3 - "$corpus" <<'PY'
import json, re, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)["text"]
    n += len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"])|\n+", t) if s.strip()])
print(n)
PY
)
/usr/bin/time -v "${FAULTLINE:-build/faultline}" code -q "$corpus" 2> "${corpus}.time" >/dev/null
secs=$(grep "Elapsed (wall clock)" "${corpus}.time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
user=$(grep "User time" "${corpus}.time" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "${corpus}.time" | awk '{print $NF}')
python3 - "$bytes" "$sentences" "$secs" "$user" "$rss" <<'PY'
import sys
b, s, wall, user, rss = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
print(f"corpus: {b/1e6:.1f} MB, {s} sentences (approx.)")
print(f"wall: {wall:.2f} s, user CPU: {user:.2f} s (one thread)")
print(f"throughput: {s/user:,.0f} sentences/s per core, {b/1e6/user:.2f} MB/s per core")
print(f"peak memory: {rss/1024:.0f} MB")
PY
