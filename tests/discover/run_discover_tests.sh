#!/usr/bin/env bash
# `faultline discover` end to end (issue 15): new actors coded under provisional ids are stored,
# linked across documents and languages (acronym, French name, misspelling), listed with their
# evidence, adopted into a user pack with --accept, and coded under their real id after
# `ingest --recode --pack`. Text: tests/data/new_actors/docs.jsonl (written for these tests).
# Usage: run_discover_tests.sh FAULTLINE_BINARY REPO_ROOT
set -uo pipefail
bin=$1
root=$2
docs=$root/tests/data/new_actors/docs.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$root/tests/lib/check.sh"  # check, contains, lacks, py

db=$tmp/na.db
"$bin" ingest -q --db "$db" "$docs" >"$tmp/out" 2>"$tmp/err"
check "the store takes provisional ids (exit $?)" test $? -eq 0
"$bin" events --db "$db" --format json >"$tmp/events"
check "events name the provisional actor" contains "$tmp/events" '"NEW_TILEMSI_SALVATION_FRONT"'

"$bin" discover --db "$db" --format json >"$tmp/cands" 2>"$tmp/err"
check "discover exits 0" test $? -eq 0
# The candidate for the FST: its French name and its misspelling linked into it.
fst='import json,sys
c=[json.loads(l) for l in open(sys.argv[1])]
f=[x for x in c if "NEW_TILEMSI_SALVATION_FRONT" in x["ids"]]
assert len(f)==1, c
f=f[0]'
check "the French name is linked (translation)" py "$fst
assert 'NEW_FRONT_DE_SALUT_DU_TILEMSI' in f['ids'], f['ids']" "$tmp/cands"
check "the misspelling is linked (spelling)" py "$fst
assert 'NEW_TILEMSSI_SALVATION_FRONT' in f['ids'], f['ids']
assert any(l['how']=='spelling' for l in f['linked']), f['linked']" "$tmp/cands"
check "its acronym, counts, dates and kind" py "$fst
assert f['acronyms']==['FST'], f['acronyms']
assert f['documents']==4, f['documents']
assert f['events']>=4, f['events']
assert f['first_seen'].startswith('2025-02') and f['last_seen'].startswith('2025-03'), f
assert f['kind']=='group' and f['sector']=='REB' and f['country']=='MLI', f" "$tmp/cands"
check "whom it fought, with example sentences" py "$fst
assert any(x['id']=='MLI_MIL' for x in f['fought']), f['fought']
assert any(x['id']=='JNIM' for x in f['fought']), f['fought']
assert f['examples'] and len(f['examples'])<=3, f['examples']" "$tmp/cands"
check "each example names its event and document, which state it" py "$fst
ev={e['id']:e for e in map(json.loads, open(sys.argv[2]))}
for x in f['examples']:
    assert set(x)=={'text','event','document','sentence'}, x
    e=ev[x['event']]
    assert e['evidence']==x['text'], (e['evidence'], x)
    assert any(s['doc']==x['document'] for s in e['sources']), (e['sources'], x)
    assert any(a['id'] in f['ids'] for a in e['actor1']+e['actor2']), e" "$tmp/cands" "$tmp/events"
check "the suggested id is its acronym" py "$fst
assert f['suggested_id']=='FST', f['suggested_id']" "$tmp/cands"
check "another group is its own candidate" py 'import json,sys
c=[json.loads(l) for l in open(sys.argv[1])]
b=[x for x in c if x["name"]=="Gourma Self-Defence Brigade"]
assert len(b)==1 and "NEW_TILEMSI_SALVATION_FRONT" not in b[0]["ids"], c' "$tmp/cands"
check "the titled person, with the group as affiliation" py 'import json,sys
c=[json.loads(l) for l in open(sys.argv[1])]
p=[x for x in c if x["id"]=="NEW_MOUSSA_AG_TILOUA"]
assert len(p)==1 and p[0]["kind"]=="person" and p[0]["affiliation"]=="Tilemsi Salvation Front", p' "$tmp/cands"

check "a pack actor under a name the packs lack is offered, with a score" py 'import json,sys
c=[json.loads(l) for l in open(sys.argv[1])]
m=[x for x in c if x["name"]=="Movement for Salvation of Azawad"]
assert len(m)==1, c
best=m[0]["pack_matches"][0]
assert best["id"]=="MSA" and best["how"]=="alias" and best["score"]==1.0, m[0]["pack_matches"]
assert m[0]["suggested_id"]=="MSA", m[0]["suggested_id"]' "$tmp/cands"

"$bin" discover --db "$db" --min-documents 2 --format json >"$tmp/cands2" 2>/dev/null
check "--min-documents 2 keeps the FST and drops the one-document brigade" \
  bash -c "grep -q NEW_TILEMSI '$tmp/cands2' && ! grep -q 'Gourma' '$tmp/cands2'"
"$bin" discover --db "$db" >"$tmp/table" 2>/dev/null
check "the table shows the names linked and an example" \
  bash -c "grep -q 'Tilemsi Salvation Front' '$tmp/table' && grep -q 'linked:' '$tmp/table' && grep -q 'e.g.:' '$tmp/table'"
check "the table shows the command that adopts it" \
  contains "$tmp/table" "adopt: faultline discover --db $db --accept 'Tilemsi Salvation Front' --id FST"

# Adopting it: bad ids are refused, a good one is written and loads.
user=$tmp/user
"$bin" discover --db "$db" --accept FST --id fst >/dev/null 2>"$tmp/err"
check "a lower-case id is refused (exit 2)" test $? -eq 2
"$bin" discover --db "$db" --accept "No Such Front" --id NSF --pack "$user" >/dev/null 2>"$tmp/err"
check "an unknown candidate is refused (exit 2)" test $? -eq 2
"$bin" discover --db "$db" --accept FST --id FST_TILEMSI --pack "$user" >"$tmp/out" 2>"$tmp/err"
check "accept writes the user pack (exit $?)" test $? -eq 0
check "the row has the name and its French name and acronym as aliases" py 'import sys
rows=[l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
assert rows[0][:3]==["id","name","kind"], rows[0]
r=[x for x in rows if x[0]=="FST_TILEMSI"]
assert len(r)==1, rows
r=r[0]
assert r[1]=="Tilemsi Salvation Front" and r[2]=="group" and r[4]=="REB", r
al=r[5].split("|")
assert "FST" in al and "Front de salut du Tilemsi" in al and "Tilemssi Salvation Front" in al, al' "$user/actors.tsv"
"$bin" discover --db "$db" --accept FST --id FST_TILEMSI --pack "$user" >/dev/null 2>"$tmp/err"
check "the same id twice is refused (exit 2)" test $? -eq 2
check "…naming the file" contains "$tmp/err" "actors.tsv"

# Re-coding codes it under its real id.
"$bin" ingest -q --recode --pack "$user" --db "$db" "$docs" >/dev/null 2>"$tmp/err"
check "ingest --recode with the user pack (exit $?)" test $? -eq 0
"$bin" events --db "$db" --actor FST_TILEMSI --format json >"$tmp/ev2" 2>"$tmp/err"
check "its events are found under the real id" py 'import json,sys
ev=[json.loads(l) for l in open(sys.argv[1])]
assert len(ev)>=4, len(ev)' "$tmp/ev2"
"$bin" events --db "$db" --format json >"$tmp/events2"
check "no event names its provisional ids any more" \
  bash -c "! grep -q -e NEW_TILEMSI -e NEW_FRONT_DE_SALUT -e NEW_TILEMSSI '$tmp/events2'"
"$bin" discover --db "$db" --pack "$user" --format json >"$tmp/cands3" 2>/dev/null
check "discover no longer lists it" lacks "$tmp/cands3" "NEW_TILEMSI_SALVATION_FRONT"

# Its commander, adopted now, acts for it: a row in the user pack's roles.tsv.
"$bin" discover --db "$db" --accept "Moussa Ag Tiloua" --id MOUSSA_AG_TILOUA --pack "$user" >"$tmp/out" 2>"$tmp/err"
check "accept writes the person (exit $?)" test $? -eq 0
check "…and says whom the person acts for" contains "$tmp/out" "acting for FST_TILEMSI in $user/roles.tsv"
check "roles.tsv has the person, the group and the date first seen" py 'import sys
rows=[l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
assert rows[0]==["person","actor","role","from","to"], rows[0]
assert rows[1:]==[["MOUSSA_AG_TILOUA","FST_TILEMSI","member","2025-03-08",""]], rows' "$user/roles.tsv"

echo "discover tests: $passed passed, $failed failed"
test "$failed" -eq 0
