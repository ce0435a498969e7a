#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# build-fuzz/ (or $FUZZ_BUILD) and runs each for SECONDS (default 30) from its seed corpus in
# fuzz/corpus/, with fuzz/TARGET.dict as dictionary where there is one. New inputs the fuzzer
# finds go to build-fuzz/corpus/ (not the committed seeds); a crash stops the run with the
# reproducer's path and a non-zero exit status.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   e.g. fuzz/run.sh 600 coder   (a longer run)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(documents coder dates html packs serve)
out=${FUZZ_BUILD:-build-fuzz}
CC=clang CXX=clang++ cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAULTLINE_FUZZ=ON \
  -DFAULTLINE_SANITIZE=ON >/dev/null
if ! cmake --build "$out" --target $(printf 'fuzz_%s ' "${targets[@]}") >"$out/build.log" 2>&1; then
  echo "fuzz: the build failed (the end of $out/build.log):"
  grep -E "error|FAILED" "$out/build.log" | head -n 20
  tail -n 20 "$out/build.log"
  exit 1
fi
status=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/crashes/$t"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "== fuzz_$t for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "$out/fuzz/fuzz_$t" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$out/crashes/$t/" -print_final_stats=1 \
      "$out/corpus/$t" "fuzz/corpus/$t" 2>"$out/fuzz_$t.log"; then
    status=1
    echo "fuzz_$t: FAILED — see $out/fuzz_$t.log and $out/crashes/$t/"
    tail -30 "$out/fuzz_$t.log"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$out/fuzz_$t.log" | sed "s/^/fuzz_$t: /" || true
done
exit $status
