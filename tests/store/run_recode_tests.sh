#!/usr/bin/env bash
# `faultline recode` on both backends (SQLite, and PostgreSQL when its server binaries are
# installed: tests/pg/pg_harness.sh): a store ingested with the bundled packs, recoded with a user
# pack that adds an alias, names the aliased actor in the event of the one document the alias
# touches; the other document keeps its reports (same report ids); a second recode changes
# nothing; a store that does not exist is a clear error. Texts: tests/data/recode/.
# Usage: run_recode_tests.sh FAULTLINE_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=${RECODE_DATA:-$root/tests/data/recode}  # RECODE_DATA: another corpus and pack (to see checks fail)
source "$root/tests/lib/check.sh"  # check, contains, lacks, py
# The actor ids of the events of a document, and the ids of its reports, as JSON.
actors_of() { "$bin" events --db "$1" --format json | python3 -c '
import json, sys
print(sorted({a["id"] for line in sys.stdin for e in [json.loads(line)]
              if any(s["doc"] == sys.argv[1] for s in e["sources"]) for a in e["actor1"] + e["actor2"] if a.get("id")}))
' "$2"; }
reports_of() { "$bin" events --db "$1" --reports --format json | python3 -c '
import json, sys
print(sorted(r["report"] for line in sys.stdin for r in [json.loads(line)] if r["doc"] == sys.argv[1]))
' "$2"; }

scenario() {  # scenario BACKEND DB
  local name=$1 db=$2
  "$bin" ingest -q --db "$db" "$data/corpus.jsonl"
  check "$name: ingest of the recode corpus succeeds" test $? -eq 0
  local before_a before_b
  before_a=$(actors_of "$db" recode-a)
  before_b=$(reports_of "$db" recode-b)
  check "$name: before recode, the ambush names no GATIA" bash -c "[[ '$before_a' != *GATIA* ]]"
  check "$name: the protest document has reports" bash -c "[[ '$before_b' != '[]' ]]"
  "$bin" recode --db "$db" --pack "$data/pack" >"$tmp/out" 2>"$tmp/err"
  check "$name: recode with the alias pack succeeds" test $? -eq 0
  check "$name: recode says one document changed, one unchanged" contains "$tmp/err" "recoded 2 document(s): 1 changed"
  check "$name: recode counts the other document unchanged" contains "$tmp/err" "1 unchanged"
  check "$name: recode writes nothing to standard output" test ! -s "$tmp/out"
  local after_a after_b
  after_a=$(actors_of "$db" recode-a)
  after_b=$(reports_of "$db" recode-b)
  check "$name: after recode, the ambush's event names GATIA" bash -c "[[ '$after_a' == *GATIA* ]]"
  check "$name: the unchanged document keeps its reports" test "$before_b" = "$after_b"
  "$bin" recode --db "$db" --pack "$data/pack" 2>"$tmp/err"
  check "$name: a second recode changes nothing" contains "$tmp/err" "0 changed (0 report(s) written), 2 unchanged"
  "$bin" recode --db "$db" 2>"$tmp/err"
  local back_a
  back_a=$(actors_of "$db" recode-a)
  check "$name: recode without the pack codes the ambush again" contains "$tmp/err" "1 changed"
  check "$name: and its event names no GATIA again" bash -c "[[ '$back_a' != *GATIA* ]]"
}

scenario sqlite "$tmp/recode.db"

"$bin" recode --db "$tmp/missing.db" 2>"$tmp/err"
check "recode of a missing store exits 2" test $? -eq 2
check "recode of a missing store says there is none" contains "$tmp/err" "no database at $tmp/missing.db"

# shellcheck source=../pg/pg_harness.sh
source "$root/tests/pg/pg_harness.sh"
start_pg
rc=$?
if [ $rc -eq 0 ]; then
  scenario postgresql "$(pg_new_db recode)"
else
  echo "skip PostgreSQL: no server (start_pg returned $rc)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
