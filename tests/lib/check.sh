# The checks every shell test harness shares. Source it after setting `root`; then
#   check NAME COMMAND...   runs COMMAND: "ok   NAME" or "FAIL NAME", counted in passed/failed
#   contains FILE TEXT / lacks FILE TEXT   whether FILE has TEXT (grep, fixed position of args)
#   py CODE ARGS...         a Python assertion (its exit status)
# and end with the harness's own summary of $passed and $failed.
passed=0
failed=0

check() {  # check NAME CONDITION-COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}
contains() { grep -q -- "$2" "$1"; }
lacks() { ! grep -q -- "$2" "$1"; }
py() { python3 -c "$1" "${@:2}"; }
