#!/usr/bin/env python3
"""`faultline serve` on an SQLite store and on a PostgreSQL store with the same content: every API
request below must answer the same status and the same body on both.

Usage: serve_compare.py FAULTLINE SQLITE_DB POSTGRES_URL REPO_ROOT
"""
import json
import sys

sys.path.insert(0, sys.argv[4] + "/tests/serve")
from serve_harness import Server, get  # noqa: E402


def main():
    binary, lite, pg = sys.argv[1:4]
    servers = [Server(binary, lite), Server(binary, pg)]
    try:
        status, _, body = get(servers[0].url + "/api/events?limit=5")
        assert status == 200, status
        events = json.loads(body)
        rows = events.get("events", events) if isinstance(events, dict) else events
        ids = [r["id"] for r in rows][:3]
        docs = sorted({s["doc"] for r in rows for s in r.get("sources", [])} | {"ex-0091", "se-1"})[:4]
        paths = ["/api/health", "/api/events", "/api/events?limit=50", "/api/events?actor=CMA&type=ASSAULT&from=2014&to=2015",
                 "/api/events?actor=CMA&type=ASSAULT&from=2014&to=2015&limit=1&sort=-date", "/api/events?place=kidal",
                 "/api/events?text=kidal", "/api/events?text=attack*", "/api/events?region=kidal&limit=10",
                 "/api/events?bbox=-5,14,2,20", "/api/timeline", "/api/timeline?region=kidal",
                 "/api/map?zoom=6&type=ASSAULT", "/api/map?zoom=3", "/api/search?q=kidal+attack*&limit=5",
                 "/api/search?q=menaka", "/api/actors", "/api/actors?q=azawad&limit=5", "/api/actors/CMA?at=2015",
                 "/api/actors/MNLA", "/api/actors/NOBODY", "/api/graph?at=2014-06", "/api/graph?from=2012&to=2013",
                 "/api/control", "/api/control/Kidal", "/api/control/Atlantis", "/api/events/ev_nope",
                 "/api/documents/nope"]
        paths += [f"/api/events/{i}" for i in ids] + [f"/api/documents/{d}" for d in docs]
        bad = 0
        for p in paths:
            a = get(servers[0].url + p)
            b = get(servers[1].url + p)
            if a[0] == b[0] and a[2] == b[2]:
                print(f"same {a[0]} {len(a[2])} bytes {p}")
            else:
                bad += 1
                print(f"DIFFERENT {p}: {a[0]} vs {b[0]}\n  {a[2][:300]!r}\n  {b[2][:300]!r}")
        for s in servers:
            assert s.alive(), "a server died"
        return 1 if bad else 0
    finally:
        for s in servers:
            s.stop()


if __name__ == "__main__":
    sys.exit(main())
