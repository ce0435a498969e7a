#!/usr/bin/env bash
# Command-line tests of the faultline binary: options, bad input, the output contract, and the
# end-to-end coding test on tests/data/e2e (text written for these tests).
# Usage: run_cli_tests.sh FAULTLINE_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$root/tests/lib/check.sh"  # check, contains, lacks, py

# --- options ---
"$bin" --help >"$tmp/help" 2>&1
check "help lists the code command" contains "$tmp/help" "code"
"$bin" code --help >"$tmp/help" 2>&1
check "code --help documents --date and --pack" bash -c "grep -q -- '--date' '$tmp/help' && grep -q -- '--pack' '$tmp/help'"
"$bin" code --bogus </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
check "unknown option is a usage error (exit 2, was $rc)" test $rc -eq 2
check "unknown option is named" contains "$tmp/err" "bogus"
# Impossible dates are refused by every date option, on input that exists (so only the date can fail).
printf 'On Tuesday, Malian soldiers attacked CMA positions in Kidal.\n' >"$tmp/k.txt"
"$bin" code --date 2021-02-28 "$tmp/k.txt" >"$tmp/out" 2>"$tmp/err"
check "a possible --date codes the file (exit 0, events)" bash -c "test $? -eq 0 && test -s '$tmp/out'"
"$bin" ingest -q --db "$tmp/dates.db" "$tmp/k.txt" --date 2021-02-28 >/dev/null 2>"$tmp/err"
check "a possible --date ingests the file" test $? -eq 0
date_refused() {  # date_refused NAME OPTION COMMAND...: exit 2, a message naming the option, nothing on stdout
  local name=$1 option=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  check "$name: exit 2 (was $rc)" test $rc -eq 2
  check "$name: the message names $option" contains "$tmp/err" "$option"
  check "$name: nothing is written" test ! -s "$tmp/out"
}
date_refused "code --date 2021-02-31" --date "$bin" code --date 2021-02-31 "$tmp/k.txt"
date_refused "code --date 2023-04-31" --date "$bin" code --date 2023-04-31 "$tmp/k.txt"
date_refused "code --date 2023-02-29 (not a leap year)" --date "$bin" code --date 2023-02-29 "$tmp/k.txt"
date_refused "ingest --date 2021-02-31" --date "$bin" ingest --db "$tmp/dates2.db" --date 2021-02-31 "$tmp/k.txt"
check "a refused ingest creates no store" test ! -e "$tmp/dates2.db"
date_refused "shard --date 2021-02-30" --date "$bin" shard --parts 2 --out "$tmp/shards" --db "$tmp/dates.db" --date 2021-02-30 "$tmp/k.txt"
date_refused "events --from 2021-02-31" --from "$bin" events --db "$tmp/dates.db" --from 2021-02-31
date_refused "events --to 2021-13" --to "$bin" events --db "$tmp/dates.db" --to 2021-13
date_refused "actor --at 2021-06-31" --at "$bin" actor MNLA --db "$tmp/dates.db" --at 2021-06-31
date_refused "control --at 2021-09-31" --at "$bin" control Kidal --db "$tmp/dates.db" --at 2021-09-31
date_refused "graph --at 2021-11-31" --at "$bin" graph --db "$tmp/dates.db" --at 2021-11-31
date_refused "export --from 2021-02-31" --from "$bin" export --db "$tmp/dates.db" --format geojson --from 2021-02-31

# --- input problems ---
cat >"$tmp/docs.jsonl" <<'JSON'
{"id": "a1", "date": "2023-11-16", "text": "Malian soldiers attacked the CMA in Kidal on Tuesday."}
{"id": "a2", "text": "broken
{"id": "a3", "date": "2023-11-16", "text": "The Malian army did not attack Kidal."}
[1, 2]
{"text": "no id here"}
JSON
"$bin" code "$tmp/docs.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "broken JSON exits 1" test $rc -eq 1
check "broken JSON names file and line" contains "$tmp/err" "docs.jsonl:2: error: broken JSON"
check "non-object line is named" contains "$tmp/err" "docs.jsonl:4: error"
check "missing id is named" contains "$tmp/err" "docs.jsonl:5: error: missing"
check "good lines are still coded" contains "$tmp/out" '"doc":"a1"'
check "negated sentence yields no event" bash -c "! grep -q '\"doc\":\"a3\"' '$tmp/out'"

printf '{"id": "l1", "text": "Les soldats ont quitt\xe9 M\xe9naka."}\n' >"$tmp/latin1.jsonl"
"$bin" code "$tmp/latin1.jsonl" >"$tmp/out" 2>"$tmp/err"
check "invalid UTF-8 is repaired with a warning naming the line" contains "$tmp/err" "latin1.jsonl:1: warning: invalid UTF-8"
printf '{"id": "m1", "text": "Ã la Bashar, the MNLA attacked Ansongo."}\n' >"$tmp/moji.jsonl"
"$bin" code "$tmp/moji.jsonl" >"$tmp/out" 2>"$tmp/err"
check "double-encoded UTF-8 is repaired and reported" contains "$tmp/err" "double-encoded"

head -c 4096 /dev/urandom >"$tmp/junk.bin"
printf '\0\0\0\0' >>"$tmp/junk.bin"
"$bin" code "$tmp/junk.bin" >"$tmp/out" 2>"$tmp/err"
check "binary input is refused with a message" bash -c "test $? -eq 1 && grep -q 'binary' '$tmp/err'"

python3 -c "print('{\"id\":\"deep\",\"text\":' + '['*100000 + ']'*100000 + '}')" >"$tmp/deep.jsonl"
"$bin" code "$tmp/deep.jsonl" >"$tmp/out" 2>"$tmp/err"
check "deeply nested JSON is refused, not a crash" bash -c "test $? -eq 1 && grep -q 'nested deeper' '$tmp/err'"

: >"$tmp/empty.txt"
"$bin" code "$tmp/empty.txt" >"$tmp/out" 2>"$tmp/err"
check "empty file codes to nothing" bash -c "test $? -eq 0 && test ! -s '$tmp/out'"

"$bin" code "$tmp/does-not-exist.jsonl" >"$tmp/out" 2>"$tmp/err"
check "missing file is named" bash -c "test $? -eq 1 && grep -q 'does-not-exist.jsonl: error: cannot open' '$tmp/err'"

python3 -c "print('{\"id\":\"huge\",\"text\":\"' + 'word '*400000 + 'The MNLA attacked Kidal.\"}')" >"$tmp/huge.jsonl"
"$bin" code "$tmp/huge.jsonl" >"$tmp/out" 2>"$tmp/err"
check "a 2 MB line is coded" test $? -eq 0

# --- plain text and the output contract ---
printf 'On Tuesday, Malian soldiers and Wagner mercenaries attacked CMA positions in Kidal, killing 14 fighters.\n' >"$tmp/kidal-report.txt"
"$bin" code --date 2023-11-16 "$tmp/kidal-report.txt" >"$tmp/out" 2>"$tmp/err"
check "plain text is coded with the file name as id" contains "$tmp/out" '"doc":"kidal-report"'
python3 - "$tmp/out" >"$tmp/contract" 2>&1 <<'PY'
import json, sys
keys = ["doc", "sentence", "evidence", "type", "mode", "acled_type", "acled_subtype", "cameo", "date",
        "date_precision", "actor1", "actor2", "location", "fatalities", "confidence"]
ev = [json.loads(l) for l in open(sys.argv[1])]
assert ev, "no events"
for e in ev:
    assert list(e.keys()) == keys, e.keys()
    for a in e["actor1"] + e["actor2"]:
        assert {"id", "name", "mention", "country", "sector"} <= set(a), a
e = ev[0]
assert e["type"] == "ASSAULT", e
assert e["date"] == "2023-11-14", e["date"]
assert e["location"]["name"] == "Kidal" and e["location"]["admin1"] == "Kidal", e["location"]
assert e["fatalities"] == 14, e["fatalities"]
ids = {a["id"] for a in e["actor1"]}
assert {"MLI_MIL", "WAGNER"} <= ids, ids
assert any(a["id"] == "CMA" for a in e["actor2"]), e["actor2"]
print("contract ok")
PY
check "output follows the contract and codes the sentence right" contains "$tmp/contract" "contract ok"
[ -s "$tmp/contract" ] && grep -v "contract ok" "$tmp/contract" | head -5

# --out to something that is not a regular file (a FIFO here; /dev/null in practice) is written in
# place: renaming a finished file over it would replace the device or pipe with a plain file.
mkfifo "$tmp/pipe"
timeout 30 cat "$tmp/pipe" >"$tmp/from_pipe" &
reader=$!
"$bin" code -q --date 2023-11-16 --out "$tmp/pipe" "$tmp/kidal-report.txt" 2>"$tmp/err"
rc=$?
wait "$reader"
check "code --out a FIFO writes through it (exit $rc)" bash -c "test $rc -eq 0 && grep -q '\"doc\":\"kidal-report\"' '$tmp/from_pipe'"
check "code --out a FIFO leaves it a FIFO, with no .partial beside it" bash -c "test -p '$tmp/pipe' && test ! -e '$tmp/pipe.partial'"
"$bin" code -q --date 2023-11-16 --out "$tmp/events.jsonl" "$tmp/kidal-report.txt" 2>"$tmp/err"
check "code --out a file writes it whole, with no .partial left" bash -c "test -s '$tmp/events.jsonl' && test ! -e '$tmp/events.jsonl.partial'"

# --- packs ---
mkdir -p "$tmp/badpack"
printf 'id\tname\tkind\tcountry\tsector\taliases\tnote\nX1\tSome Group\tgroup\tMLI\tREB\tSG\t\nX2\tOther\tgroup\tMALI\tREB\t\t\n' >"$tmp/badpack/actors.tsv"
"$bin" code --pack "$tmp/badpack" "$tmp/kidal-report.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a bad pack file fails with status 2" test $rc -eq 2
check "a bad pack file is named with its line" contains "$tmp/err" "badpack/actors.tsv:3"

# --- saved web pages ---
html="$root/tests/data/html"
"$bin" code -q "$html/kidal.html" >"$tmp/html.out" 2>"$tmp/err"
"$bin" code -q --date 2023-11-16 "$html/kidal.txt" >"$tmp/txt.out" 2>>"$tmp/err"
check "an HTML page yields events" test -s "$tmp/html.out"
check "an HTML page yields the same events as its plain text" cmp -s "$tmp/html.out" "$tmp/txt.out"
check "navigation, scripts and asides of a page are not coded" bash -c "! grep -q -e JNIM -e Timbuktu -e tracking '$tmp/html.out'"
check "the page's publication date anchors its relative dates" contains "$tmp/html.out" '"date":"2023-11-13"'
printf '<html><body><nav>Home</nav><script>x=1</script></body></html>' >"$tmp/empty.html"
"$bin" code "$tmp/empty.html" >"$tmp/out" 2>"$tmp/err"
check "a page without article text is named and skipped" bash -c "grep -q 'empty.html: error: HTML page without article text' '$tmp/err'"

# --- the scorer: `faultline eval` prints score.py's figures on a fixed prediction/gold pair ---
ev="$root/tests/data/eval"
"$bin" eval --pred "$ev/pred.jsonl" --gold "$ev/gold.jsonl" --actors "$ev/actors.tsv" >"$tmp/scored" 2>"$tmp/err"
check "eval --pred scores a prediction file" test $? -eq 0
check "eval --pred prints exactly what score.py printed (tests/data/eval/expected.txt)" cmp -s "$tmp/scored" "$ev/expected.txt"
diff "$tmp/scored" "$ev/expected.txt" | head -6
"$bin" eval --pred "$ev/pred.jsonl" --gold "$ev/gold.jsonl" --actors "$ev/actors.tsv" "$ev/gold.jsonl" >"$tmp/out" 2>"$tmp/err"
check "eval with both --pred and DOCS is a usage error" bash -c "test $? -eq 2 && grep -q 'not both' '$tmp/err'"

# --- accuracy gates on our own English and French sets (tests/data/accuracy_gates.tsv) ---
python3 "$root/tests/cli/accuracy_gates.py" "$bin" "$root" >"$tmp/gates" 2>&1
check "every accuracy gate holds (typed F1, full F1, actor accuracy)" test $? -eq 0
cat "$tmp/gates"
python3 "$root/tests/cli/accuracy_gates.py" "$bin" "$root" --wrong-input >"$tmp/gates_wrong" 2>&1
check "every accuracy gate fails on a deliberately wrong input" test $? -eq 0
grep "^ok" "$tmp/gates_wrong" | head -3

# --- sentences that must yield no event (negated, denied, hypothetical), English and French ---
none_sentences() {  # none_sentences GOLD DOCS: prints "none ok" if no gold "none" sentence has an event
  "$bin" code -q "$2" >"$tmp/none_out" || return 1
  python3 - "$1" "$tmp/none_out" <<'PY'
import json, sys, re
def norm(s): return " ".join(re.sub(r"[^a-z0-9'\u00c0-\u017f]+", " ", s.lower()).split())
gold = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
pred = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
nones = [g for g in gold if g.get("none")]
assert nones, "the gold has no none sentence"
bad = [g["quote"] for g in nones if any(p["doc"] == g["doc"] and norm(g["quote"]) in norm(p["evidence"]) for p in pred)]
assert not bad, bad
print("none ok")
PY
}
none_sentences "$root/tests/data/e2e/gold.jsonl" "$root/tests/data/e2e/docs.jsonl" >"$tmp/none" 2>&1
check "no event from negated, denied or hypothetical test sentences" contains "$tmp/none" "none ok"
grep -v "ok" "$tmp/none" | head -3
fr="$root/tests/data/fr"
none_sentences "$fr/gold.jsonl" "$fr/docs.jsonl" >"$tmp/none" 2>&1
check "no event from negated, denied or hypothetical French sentences" contains "$tmp/none" "none ok"
grep -v "ok" "$tmp/none" | head -3

# --- code --threads: the same bytes whatever the number of threads ---
# 1,300 documents (the e2e and French documents under new ids, more than two 512-document batches)
# plus one broken line, coded on 1 and on 4 threads (more than this machine's cores, so threads
# interleave); events, their order and the input message must not change.
python3 - "$root/tests/data/e2e/docs.jsonl" "$root/tests/data/fr/docs.jsonl" "$tmp/many.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for p in sys.argv[1:3] for l in open(p, encoding="utf-8") if l.strip()]
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for i in range(1300):
        d = dict(docs[i % len(docs)], id=f"copy-{i}")
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        if i == 700:
            out.write('{"id": "broken", "text": \n')
PY
"$bin" code -q --threads 1 "$tmp/many.jsonl" >"$tmp/t1.jsonl" 2>"$tmp/t1.err"
rc1=$?
"$bin" code -q --threads 4 "$tmp/many.jsonl" >"$tmp/t4.jsonl" 2>"$tmp/t4.err"
rc4=$?
check "code --threads 4 writes the same events as one thread, in the same order" cmp -s "$tmp/t1.jsonl" "$tmp/t4.jsonl"
check "code --threads codes every copy (events from the last batch)" contains "$tmp/t4.jsonl" '"copy-1299"'
check "code --threads reports the broken line the same way (exit 1 both)" \
  bash -c "test $rc1 -eq 1 && test $rc4 -eq 1 && cmp -s '$tmp/t1.err' '$tmp/t4.err' && grep -q 'many.jsonl:702' '$tmp/t4.err'"
"$bin" code --threads -1 "$tmp/k.txt" >/dev/null 2>&1
check "code --threads -1 is a usage error" test $? -eq 2

# --- French scores within 0.05 of its English twin (typed F1) ---
"$bin" eval --json --gold "$fr/gold.jsonl" "$fr/docs.jsonl" >"$tmp/fr.json" 2>/dev/null
"$bin" eval --json --gold "$fr/gold_en.jsonl" "$fr/docs_en.jsonl" >"$tmp/en.json" 2>/dev/null
python3 - "$tmp/fr.json" "$tmp/en.json" <<'PY' >"$tmp/fr" 2>&1
import json, sys
fr, en = (json.load(open(p))["typed_prf"][2] for p in sys.argv[1:3])
print(f"French typed F1 {fr}, English twin {en}")
assert fr >= en - 0.05, "French below its English twin"
print("french ok")
PY
cat "$tmp/fr"
check "French typed F1 within 0.05 of the English twin" contains "$tmp/fr" "french ok"

# --- judgements of an act: the act is their topic, not an event of its own (bundled packs) ---
cat > "$tmp/judge.jsonl" <<'JSONL'
{"id":"j1","date":"2024-01-12","lang":"en","text":"The Malian government described the attack as barbaric."}
{"id":"j2","date":"2024-01-12","lang":"en","text":"The NGO called the bombing a war crime."}
{"id":"j3","date":"2024-01-12","lang":"fr","text":"Le gouvernement malien a qualifié l'attaque de lâche."}
JSONL
"$bin" code -q "$tmp/judge.jsonl" > "$tmp/judge.out"
check "characterising an act is one ACCUSE per sentence" test "$(grep -c '"type":"ACCUSE"' "$tmp/judge.out")" -eq 3
check "the characterised act is no ASSAULT of its own" lacks "$tmp/judge.out" '"type":"ASSAULT"'

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
