#!/usr/bin/env bash
# Builds Faultline with AddressSanitizer and UndefinedBehaviorSanitizer into build-asan/ (or
# $SANITIZE_BUILD) and runs the test suite on that build: unit tests, command-line, bad-input,
# store (with kill -9 runs and disk-full/read-only faults), API and hostile-client tests (the
# browser page test is left to the normal build). Any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${SANITIZE_BUILD:-build-asan}
cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAULTLINE_SANITIZE=ON >/dev/null
cmake --build "$out" --target faultline faultline_tests faultline_web -j "$(nproc)"  # the page too, for the API tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
bin=$(cd "$out" && pwd)/faultline  # absolute: some test scripts change folder
"$out/faultline_tests" --gtest_brief=1
bash tests/cli/run_cli_tests.sh "$bin" "$PWD" | tail -1
bash tests/cli/run_bad_input.sh "$bin" "$PWD" | tail -1
[ -f tests/store/run_store_tests.sh ] && bash tests/store/run_store_tests.sh "$bin" "$PWD" | tail -1
bash tests/store/kill_runs.sh "$bin" "$PWD" 3 | tail -1
python3 tests/store/test_faults.py "$bin" "$PWD" | tail -1
[ -f tests/serve/test_api.py ] && python3 tests/serve/test_api.py "$bin" "$PWD" | tail -1
python3 tests/serve/test_hostile.py "$bin" "$PWD" | tail -1
echo "sanitize: all passed under ASan+UBSan"
