#!/usr/bin/env bash
# Checks that every C++ line changed since the house style was committed (.clang-format's first
# commit) follows it. Older lines are left as they are until someone changes them; format a change
# with `git clang-format` before committing. Exit 1 with the needed changes printed when a line
# does not follow the style.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(git log --format=%H --diff-filter=A -- .clang-format | tail -1)
if [ -z "$base" ] && [ "$(git rev-parse --is-shallow-repository)" = true ]; then
  # A shallow clone lacks the history that says which lines are new: say so, check nothing.
  echo "check_format: shallow clone, the style's first commit is not here; nothing checked" >&2
  exit 0
fi
if [ -z "$base" ]; then
  echo "check_format: .clang-format has no commit in this clone's history (a shallow clone?)" >&2
  exit 1
fi
out=$(git clang-format --quiet --diff "$base" -- '*.cpp' '*.h' '*.cc' 2>&1 || true)
if [ -n "$out" ] && [ "$out" != "no modified files to format" ] && [ "$out" != "clang-format did not modify any files" ]; then
  echo "$out"
  echo "check_format: the lines above do not follow .clang-format (fix with: git clang-format $base)" >&2
  exit 1
fi
echo "check_format: every C++ line changed since ${base:0:10} follows .clang-format"
