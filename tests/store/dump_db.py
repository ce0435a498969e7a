#!/usr/bin/env python3
"""Print the content of a Faultline store as sorted lines, with row ids replaced by natural keys
(document id, report position), so that two stores with the same content print the same text
however and in whatever order they were filled. Also checks the database's integrity.

Usage: dump_db.py DB
Python 3 standard library only.
"""
import sqlite3
import sys


def main():
    db = sqlite3.connect(sys.argv[1])
    out = []
    if db.execute("PRAGMA user_version").fetchone()[0] == 0:
        # Killed before the schema's first transaction committed: an empty, consistent file.
        print("empty")
        return

    def dump(name, sql):
        rows = [repr(tuple(r)) for r in db.execute(sql)]
        out.extend(f"{name} {r}" for r in sorted(rows))

    for check, expect in (("PRAGMA integrity_check", [("ok",)]), ("PRAGMA foreign_key_check", [])):
        got = db.execute(check).fetchall()
        if got != expect:
            sys.exit(f"{check} failed: {got[:5]}")
    # The full-text index must match the reports (this writes nothing); an interrupted ingest may
    # have left reports not yet indexed, which the next run indexes.
    if not db.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone():
        db.execute("INSERT INTO reports_fts(reports_fts, rank) VALUES ('integrity-check', 1)")

    report_key = "(SELECT d.doc_id || '#' || r.idx FROM reports r JOIN documents d ON d.id = r.document WHERE r.id = {})"
    dump("meta", "SELECT key, value FROM meta")
    dump("fts_pending", "SELECT count(*) FROM fts_pending")
    dump("version", "PRAGMA user_version")
    dump("document", "SELECT d.doc_id, d.content_hash, d.date, d.title, d.source, d.url, d.lang, t.text "
         "FROM documents d JOIN document_texts t ON t.document = d.id")
    cols = [c[1] for c in db.execute("PRAGMA table_info(reports)") if c[1] not in ("id", "document")]
    dump("report", f"SELECT d.doc_id, {', '.join('r.' + c for c in cols)} FROM reports r JOIN documents d ON d.id = r.document")
    dump("report_actor", f"SELECT {report_key.format('a.report')}, a.role, a.ord, a.actor_id, a.name, a.mention, "
         "a.affiliation, a.affiliation_id, a.country, a.sector FROM report_actors a")
    # events.key is internal (it depends on the order blocks were recomputed in); the id is stable.
    cols = [c[1] for c in db.execute("PRAGMA table_info(events)") if c[1] not in ("key", "representative")]
    dump("event", f"SELECT {', '.join('e.' + c for c in cols)}, {report_key.format('e.representative')} FROM events e")
    cols = [c[1] for c in db.execute("PRAGMA table_info(event_actors)") if c[1] != "event"]
    dump("event_actor", f"SELECT e.id, {', '.join('a.' + c for c in cols)} FROM event_actors a JOIN events e ON e.key = a.event")
    dump("event_source", f"SELECT e.id, s.ord, {report_key.format('s.report')} FROM event_sources s JOIN events e ON e.key = s.event")
    dump("dirty", "SELECT * FROM dirty_blocks")
    for table in ("actors", "actor_aliases", "countries", "roles", "relations"):
        dump(table, f"SELECT * FROM {table}")
    dump("membership", "SELECT member, grp, date_from, date_to, source, note FROM memberships")
    dump("membership_evidence", "SELECT m.member, m.grp, m.date_from, e.event FROM membership_evidence e "
         "JOIN memberships m ON m.id = e.membership")
    dump("control", "SELECT place, place_key, holders, date_from, date_to, to_open, source, status, note FROM control")
    dump("control_evidence", "SELECT c.place_key, c.holders, c.date_from, e.event, e.change FROM control_evidence e "
         "JOIN control c ON c.id = e.control")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
