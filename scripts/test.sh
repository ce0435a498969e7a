#!/usr/bin/env bash
# Sets up, builds and runs every test (unit tests, CLI tests, end-to-end coding test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# A skipped test fails the run (setup installed everything): scripts/ctest_no_skips.sh.
bash scripts/ctest_no_skips.sh build --output-on-failure -j "$(nproc)"
