#!/usr/bin/env bash
# Prints the content of a Faultline PostgreSQL store as sorted lines, with row ids replaced by
# natural keys (document id, report position), so that two stores with the same content print the
# same text however and in whatever order they were filled (tests/store/dump_db.py's rules).
# Usage: dump_pg.sh URL   (needs psql; PG_BIN may name its folder)
set -euo pipefail
url=$1
psql="${PG_BIN:-/usr/lib/postgresql/15/bin}/psql"
[ -x "$psql" ] || psql=psql
# Killed before the schema's first transaction committed: an empty, consistent database.
if [ "$("$psql" "$url" -X -q -A -t -v ON_ERROR_STOP=1 -c "SELECT to_regclass('faultline_schema') IS NULL")" = t ]; then
  echo empty
  exit 0
fi
report_key="(SELECT d.doc_id || '#' || r.idx FROM reports r JOIN documents d ON d.id = r.document WHERE r.id = %s)"
rk() { printf "$report_key" "$1"; }
"$psql" "$url" -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 <<SQL | LC_ALL=C sort
SELECT 'version', max(version) FROM faultline_schema;
SELECT 'meta', key, value FROM meta WHERE key <> 'graph_stale';
SELECT 'graph_stale', value = '0' FROM meta WHERE key = 'graph_stale';
SELECT 'document', d.doc_id, d.content_hash, d.date, d.title, d.source, d.url, d.lang, md5(t.text)
  FROM documents d JOIN document_texts t ON t.document = d.id;
SELECT 'report', d.doc_id, r.sentence, r.idx, r.evidence, r.evidence_begin, r.evidence_end, r.type, r.mode,
  r.acled_type, r.acled_subtype, r.cameo, r.date, r.date_first, r.date_last, r.place, r.place_key, r.admin1,
  r.admin1_key, r.country, r.lat, r.lon, r.place_inferred, r.fatalities, r.confidence, r.pattern, r.block_year, r.terms
  FROM reports r JOIN documents d ON d.id = r.document;
SELECT 'report_actor', $(rk a.report), a.role, a.ord, a.actor_id, a.name, a.mention, a.affiliation,
  a.affiliation_id, a.country, a.sector FROM report_actors a;
SELECT 'event', e.id, e.type, e.mode, e.acled_type, e.acled_subtype, e.cameo, e.date, e.date_first, e.date_last,
  e.place, e.place_key, e.admin1, e.admin1_key, e.country, e.lat, e.lon, e.fatalities, e.confidence, e.sources,
  e.block_year, $(rk e.representative) FROM events e;
SELECT 'event_actor', e.id, a.role, a.ord, a.actor_id, a.name, a.mention, a.affiliation, a.affiliation_id,
  a.country, a.sector FROM event_actors a JOIN events e ON e.key = a.event;
SELECT 'event_source', e.id, s.ord, $(rk s.report) FROM event_sources s JOIN events e ON e.key = s.event;
SELECT 'dirty', type, block_year FROM dirty_blocks;
SELECT 'actor', * FROM actors;
SELECT 'alias', * FROM actor_aliases;
SELECT 'country', * FROM countries;
SELECT 'role', * FROM roles;
SELECT 'relation', * FROM relations;
SELECT 'membership', member, grp, date_from, date_to, source, note FROM memberships;
SELECT 'membership_evidence', m.member, m.grp, m.date_from, e.event FROM membership_evidence e
  JOIN memberships m ON m.id = e.membership;
SELECT 'control', place, place_key, holders, date_from, date_to, to_open, source, status, note FROM control;
SELECT 'control_evidence', c.place_key, c.holders, c.date_from, e.event, e.change FROM control_evidence e
  JOIN control c ON c.id = e.control;
SQL
