#!/usr/bin/env bash
# Quick start: set up, build, and code the bundled example corpus into events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
build/faultline code examples/sahel_reports.jsonl --out out/events.jsonl
echo "events written to out/events.jsonl ($(wc -l < out/events.jsonl) events)"
