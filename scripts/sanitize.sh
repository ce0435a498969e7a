#!/usr/bin/env bash
# Builds Faultline with AddressSanitizer and UndefinedBehaviorSanitizer into build-asan/ (or
# $SANITIZE_BUILD) and runs the test suite on that build: unit and serve unit tests, command-line,
# bad-input, store (with kill -9 runs and disk-full/read-only faults), API and hostile-client tests
# (the browser page test is left to the normal build).
# Any sanitizer report fails the run, even one from a process whose exit status a test accepted:
# reports go to files in a log folder (ASAN/UBSAN log_path) and every test's output is searched for
# "runtime error:" and "AddressSanitizer"; the guard itself is checked first on a program with a
# known overflow, so it cannot silently stop seeing reports.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${SANITIZE_BUILD:-build-asan}
cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAULTLINE_SANITIZE=ON >/dev/null
cmake --build "$out" --target faultline faultline_tests faultline_serve_tests faultline_web -j "$(nproc)"  # the page too, for the API tests
logs=$(mktemp -d "${TMPDIR:-/tmp}/faultline_sanitize.XXXXXX")
chmod 1777 "$logs"  # some tests run the binary as nobody
trap 'rm -rf "$logs"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:log_path=$logs/asan
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan

# reports FILE...: the sanitizer reports in the log folder and in the given outputs.
reports() {
  { cat "$logs"/asan* "$logs"/ubsan* 2>/dev/null; cat "$@" 2>/dev/null; } |
    grep -E "runtime error:|AddressSanitizer|LeakSanitizer" || true
}

# The guard sees a report: a signed overflow under the same options must be found.
probe=$logs/probe
printf 'int main(int argc, char**) { int x = 2147483647; x += argc; return x == 0; }\n' >"$probe.cpp"
"${CXX:-clang++}" -fsanitize=address,undefined "$probe.cpp" -o "$probe" 2>/dev/null || g++ -fsanitize=address,undefined "$probe.cpp" -o "$probe"
("$probe" >"$probe.out" 2>&1) 2>/dev/null || true  # it aborts, as halt_on_error asks; no job message
if [ -z "$(reports "$probe.out")" ]; then
  echo "sanitize: the report guard did not see a known signed overflow: the check is broken"
  exit 1
fi
rm -f "$logs"/asan* "$logs"/ubsan*

bin=$(cd "$out" && pwd)/faultline  # absolute: some test scripts change folder
status=0
run() {  # run NAME COMMAND...: runs one suite, keeps its output, shows its last line
  local name=$1
  shift
  if ! "$@" >"$logs/$name.out" 2>&1; then
    echo "sanitize: $name FAILED"
    tail -n 30 "$logs/$name.out"
    status=1
  fi
  echo "$name: $(tail -n 1 "$logs/$name.out")"
}
run unit "$out/faultline_tests" --gtest_brief=1
run serve_unit "$out/faultline_serve_tests" --gtest_brief=1
run cli bash tests/cli/run_cli_tests.sh "$bin" "$PWD"
run bad_input bash tests/cli/run_bad_input.sh "$bin" "$PWD"
run store bash tests/store/run_store_tests.sh "$bin" "$PWD"
run kill_runs bash tests/store/kill_runs.sh "$bin" "$PWD" 3
run faults python3 tests/store/test_faults.py "$bin" "$PWD"
run api python3 tests/serve/test_api.py "$bin" "$PWD"
run hostile python3 tests/serve/test_hostile.py "$bin" "$PWD"
found=$(reports "$logs"/*.out)
if [ -n "$found" ]; then
  echo "sanitize: sanitizer reports:"
  echo "$found" | head -n 20
  for f in "$logs"/asan* "$logs"/ubsan*; do [ -f "$f" ] && { echo "== $f"; head -n 40 "$f"; }; done
  status=1
fi
[ "$status" -eq 0 ] && echo "sanitize: all passed under ASan+UBSan, no sanitizer report"
exit "$status"
