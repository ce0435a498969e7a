#!/usr/bin/env bash
# Page tests of `faultline serve` in a real headless browser (Debian's Chromium driven by
# playwright-core): ingests the example corpus (with tests/data/evidence: facts that only text
# states), starts the server, runs page_test.mjs.
# Usage: run_page_tests.sh FAULTLINE SOURCE_ROOT WEB_DIR [--screenshots DIR]
#   --screenshots DIR  also write the documentation's screenshots (docs/screenshots) into DIR
# Exit 77 (skipped) only when the browser or the npm packages are not installed.
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
web=$(realpath "$3")
docs_dir=""
if [ "${4:-}" = "--screenshots" ]; then docs_dir=$(realpath -m "${5:?--screenshots needs a folder}"); fi

chromium=${CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null; then echo "page tests skipped: node is not installed (scripts/setup.sh installs it)"; exit 77; fi
if [ ! -x "$chromium" ]; then echo "page tests skipped: no Chromium at $chromium (scripts/setup.sh installs Debian's chromium)"; exit 77; fi
if [ ! -d "$root/web/node_modules/playwright-core" ]; then
  echo "page tests skipped: playwright-core is not installed in web/node_modules (run scripts/setup.sh)"; exit 77
fi
if [ ! -f "$web/vendor/leaflet.js" ]; then echo "page tests: the page is not assembled in $web (build the faultline_web target)"; exit 1; fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/faultline_page_test.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$bin" ingest -q --db "$tmp/store.db" "$root/examples/sahel_reports.jsonl" "$root/tests/data/evidence/docs.jsonl"
"$bin" serve --db "$tmp/store.db" --port 0 --web-dir "$web" --rate-limit 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://[^ ]*' "$tmp/serve.out" || true)
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$tmp/serve.err"; exit 1; fi
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start"; cat "$tmp/serve.err"; exit 1; }

shots=${PAGE_TEST_SHOTS:-$tmp/screenshots}
mkdir -p "$shots"
CHROMIUM="$chromium" FAULTLINE_ROOT="$root" node "$root/tests/web/page_test.mjs" "$url" "$shots" "$docs_dir"
echo "page screenshots: $shots (kept only when PAGE_TEST_SHOTS names a folder)"
