#!/usr/bin/env bash
# The pandas example of README (examples/monthly_fatalities.py) on a store of the example corpus:
# it runs with Debian's Python, draws a PNG, and its monthly table holds every killed person the
# export states for events dated to the month or day, in the region the export gives.
# Usage: test_python_example.sh FAULTLINE_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3  # Debian's, where python3-pandas and python3-matplotlib are installed
source "$root/tests/lib/check.sh"  # check, contains, lacks, py
"$bin" ingest -q --db "$tmp/s.db" "$root/examples/sahel_reports.jsonl" >/dev/null 2>&1
"$py" "$root/examples/monthly_fatalities.py" --db "$tmp/s.db" --faultline "$bin" --out "$tmp/f.png" --top 100 \
  >"$tmp/table.csv" 2>"$tmp/err"
check "the example runs (exit 0)" test $? -eq 0
check "it draws a PNG" bash -c "head -c 8 '$tmp/f.png' | od -An -c | grep -q 'P   N   G'"
"$bin" export -q --db "$tmp/s.db" --format acled-csv >"$tmp/acled.csv"
"$py" - "$tmp/table.csv" "$tmp/acled.csv" >"$tmp/sums" 2>&1 <<'PY'
import csv, sys
from collections import Counter
table = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
want = Counter()
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    if int(r["time_precision"]) <= 2 and r["fatalities"]:
        want[(r["event_date"][:7], r["admin1"] or "(no region)")] += int(r["fatalities"])
got = Counter()
for row in table:
    for region, n in row.items():
        if region != "month" and int(float(n)):
            got[(row["month"], region)] += int(float(n))
want = +want
print("regions:", sorted({k[1] for k in want}))
assert sum(want.values()) > 0, "the export states no toll"
assert got == want, f"table {dict(got)} != export {dict(want)}"
print("sums ok")
PY
cat "$tmp/sums"
check "each month and region sums the export's stated tolls" grep -q "sums ok" "$tmp/sums"
"$py" "$root/examples/monthly_fatalities.py" --db "$tmp/missing.db" --faultline "$bin" --out "$tmp/g.png" >/dev/null 2>&1
check "a missing store is an error (non-zero exit)" test $? -ne 0
echo "python example: $failed failed"
[ "$failed" -eq 0 ]
