#!/usr/bin/env bash
# Quick start: set up, build, code the bundled example corpus into events, store them (and print a
# few answers from the store), and serve the page on them (SERVE=0 stops before serving; PORT=N
# picks the port, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
build/faultline code examples/sahel_reports.jsonl --out out/events.jsonl
echo "events written to out/events.jsonl ($(wc -l < out/events.jsonl) events)"
# The knowledge store (unchanged documents are skipped, so a second run is quick), then the page.
build/faultline ingest -q --db out/faultline.db examples/sahel_reports.jsonl
# A few answers from the store (docs/store.md): who held Kidal, what the CMA was, MNLA's relations.
echo "== faultline control --db out/faultline.db Kidal"
build/faultline control --db out/faultline.db Kidal
for d in 2013-01-01 2014-06-01 2023-12-01; do
  echo "== faultline control --db out/faultline.db Kidal --at $d"
  build/faultline control --db out/faultline.db Kidal --at "$d" | tail -n +3
done
echo "== faultline actor --db out/faultline.db CMA"
build/faultline actor --db out/faultline.db CMA
echo "== faultline actor --db out/faultline.db MNLA --at 2012   (then --at 2023)"
build/faultline actor --db out/faultline.db MNLA --at 2012 | grep -E '^(FACT|ally|enemy|mixed)' || true
build/faultline actor --db out/faultline.db MNLA --at 2023 | grep -E '^(ally|enemy|mixed|member of)' || true
[ "${SERVE:-1}" = "0" ] && exit 0
echo "serving out/faultline.db; open the URL below, Ctrl-C stops (docs/serve.md)"
exec build/faultline serve --db out/faultline.db --port "${PORT:-8080}"
