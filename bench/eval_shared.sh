#!/usr/bin/env bash
# Scores the coder on the development gold in ../shared (the seed documents, the second development
# set dev.*, and the PLOVER records) with the independent scorers there. Skips cleanly when ../shared
# is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -f "$shared/eval/score.py" ]; then
  echo "eval_shared: ../shared not found, skipped"
  exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
py=$(command -v python3)
echo "== seeds (../shared/eval/seeds.gold.jsonl)"
build/faultline code -q "$shared/seeds/seeds.jsonl" > "$out"
"$py" "$shared/eval/score.py" --gold "$shared/eval/seeds.gold.jsonl" --pred "$out"
echo "== second development set (../shared/eval/dev.gold.jsonl)"
build/faultline code -q "$shared/eval/dev.docs.jsonl" > "$out"
"$py" "$shared/eval/score.py" --gold "$shared/eval/dev.gold.jsonl" --pred "$out"
echo "== PLOVER gold standard records"
build/faultline code -q "$shared/benchmarks/plover_gsr.docs.jsonl" > "$out"
"$py" "$shared/eval/score_gsr.py" --gold "$shared/benchmarks/plover_gsr.gold.jsonl" --pred "$out"
