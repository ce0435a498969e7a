#!/usr/bin/env bash
# `faultline code` on one thread and on N (default: every core) over the same generated corpus
# (default 20 MB): wall time of each, the speed-up, and whether the outputs are byte-identical.
# Usage: bench/code_threads.sh [MB] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
n=${2:-$(nproc)}
bin=${FAULTLINE:-build/faultline}
corpus=${TMPDIR:-/tmp}/faultline_bench_${mb}mb.jsonl
[ -f "$corpus" ] || python3 bench/gen_corpus.py --mb "$mb" --seed 7 --out "$corpus"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wall() {  # wall THREADS: codes the corpus, prints seconds
  local start end
  start=$(date +%s.%N)
  "$bin" code -q --threads "$1" "$corpus" >"$out/t$1.jsonl"
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
one=$(wall 1)
many=$(wall "$n")
echo "corpus: $(du -m "$corpus" | cut -f1) MB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "1 thread: $one s; $n threads: $many s; speed-up: $(python3 -c "print(f'{$one / $many:.2f}')")x"
if cmp -s "$out/t1.jsonl" "$out/t$n.jsonl"; then echo "outputs: byte-identical ($(wc -l <"$out/t1.jsonl") events)"
else echo "outputs: DIFFER"; exit 1; fi
