#!/usr/bin/env bash
# Runs CTest on a build folder and fails when any test was skipped or not run, printing why.
# The test command installs every dependency, so a skip means a broken install step: it must not
# pass as green. ALLOW_SKIPS=1 lets a developer without some dependency run the rest.
# Usage: ctest_no_skips.sh BUILD_DIR [CTEST ARGS...]
set -uo pipefail
build=$1
shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --test-dir "$build" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# CTest lists them after the summary: "The following tests did not run:" then "  N - name (Skipped)".
mapfile -t skipped < <(awk '/^The following tests did not run:/ {on = 1; next}
  on && /^[[:space:]]+[0-9]+ - / {sub(/^[[:space:]]+[0-9]+ - /, ""); sub(/ \([^)]*\)$/, ""); print; next}
  {on = 0}' "$log")
if [ ${#skipped[@]} -gt 0 ]; then
  echo "ctest_no_skips: ${#skipped[@]} test(s) did not run: ${skipped[*]}"
  for name in "${skipped[@]}"; do
    echo "---- why $name did not run (its output):"
    ctest --test-dir "$build" -R "^${name}\$" -V 2>&1 | grep -E '^[0-9]+: ' | sed 's/^[0-9]*: //' | tail -n 5
  done
  if [ "${ALLOW_SKIPS:-0}" != 1 ]; then
    echo "ctest_no_skips: FAILED: a skipped test is not a passed one (set ALLOW_SKIPS=1 to accept skips locally)"
    [ "$rc" -ne 0 ] || rc=1
  fi
fi
exit "$rc"
