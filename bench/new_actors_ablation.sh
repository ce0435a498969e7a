#!/usr/bin/env bash
# The new-actor ablation (issue 15): remove 20 Sahel actors (bench/new_actors_ablation.py ABLATED)
# from a copy of packs/, code and store the English corpus (examples/sahel_reports.jsonl plus
# bench/data/new_actors_en.jsonl) and the French one (bench/data/new_actors_fr.jsonl), run
# `faultline discover`, and report how many of the 20 are found (recall) and how many of the top 30
# candidates are real actors (precision), with the list.
# Usage: bench/new_actors_ablation.sh [FAULTLINE_BINARY]   (default build/faultline)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/faultline}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/packs" "$tmp/packs"
python3 "$root/bench/new_actors_ablation.py" remove "$tmp/packs"
packs=(--no-default-packs --pack "$tmp/packs/core" --pack "$tmp/packs/geo" --pack "$tmp/packs/sahel")
run() {  # run LABEL CORPUS...
  local label=$1
  shift
  "$bin" ingest -q "${packs[@]}" --db "$tmp/$label.db" "$@" >/dev/null
  "$bin" discover "${packs[@]}" --db "$tmp/$label.db" --format json >"$tmp/$label.jsonl" 2>/dev/null
  python3 "$root/bench/new_actors_ablation.py" score "$root/packs" "$tmp/$label.jsonl" "$label"
}
run english "$root/examples/sahel_reports.jsonl" "$root/bench/data/new_actors_en.jsonl"
run french "$root/bench/data/new_actors_fr.jsonl"
