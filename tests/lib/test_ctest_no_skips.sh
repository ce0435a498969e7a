#!/usr/bin/env bash
# The skip guard can fail: a CTest project with one passing and one skipping test must make
# scripts/ctest_no_skips.sh exit non-zero and print the skip's reason; without the skipping test
# it passes. Usage: test_ctest_no_skips.sh REPO_ROOT
set -uo pipefail
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
passed=0
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
make_project() {  # make_project DIR WITH_SKIP
  mkdir -p "$1"
  {
    echo 'cmake_minimum_required(VERSION 3.16)'
    echo 'project(skipguard NONE)'
    echo 'enable_testing()'
    echo 'add_test(NAME passes COMMAND true)'
    if [ "$2" = 1 ]; then
      echo 'add_test(NAME needs_a_service COMMAND sh -c "echo no server binaries here; exit 77")'
      echo 'set_tests_properties(needs_a_service PROPERTIES SKIP_RETURN_CODE 77)'
    fi
  } >"$1/CMakeLists.txt"
  cmake -S "$1" -B "$1/build" >/dev/null
}
make_project "$tmp/skip" 1
ALLOW_SKIPS=0 bash "$root/scripts/ctest_no_skips.sh" "$tmp/skip/build" >"$tmp/out" 2>&1
rc=$?
check "a skipped test fails the run (exit $rc)" test $rc -ne 0
check "the skipped test is named" grep -q "did not run: needs_a_service" "$tmp/out"
check "the skip's reason is printed" grep -q "no server binaries here" "$tmp/out"
ALLOW_SKIPS=1 bash "$root/scripts/ctest_no_skips.sh" "$tmp/skip/build" >"$tmp/out" 2>&1
check "ALLOW_SKIPS=1 accepts it" test $? -eq 0
make_project "$tmp/clean" 0
ALLOW_SKIPS=0 bash "$root/scripts/ctest_no_skips.sh" "$tmp/clean/build" >"$tmp/out" 2>&1
check "a run without skips passes" test $? -eq 0
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
