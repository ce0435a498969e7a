#!/usr/bin/env python3
"""API tests of `faultline serve`: every endpoint's status codes and JSON shapes, the filters
(checked against `faultline events` on the same store), pagination and sorting, 4xx errors for
bad parameters, SQL metacharacters in every parameter, path traversal, oversized requests, other
methods, the rate limit and concurrent clients. The server must answer everything and never die.

Usage: test_api.py FAULTLINE_BINARY SOURCE_ROOT
"""
import concurrent.futures
import gzip
import http.client
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Server, get, get_json, ingest  # noqa: E402

BINARY, ROOT = sys.argv[1], sys.argv[2]
passed, failed = 0, 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}", flush=True)


def q(path, **params):
    return f"{URL}{path}" + (("?" + urllib.parse.urlencode(params)) if params else "")


def raw_request(method, target, body=None, headers=None):
    """A request sent as written (no normalisation of the path): (status, body)."""
    conn = http.client.HTTPConnection(SERVER.host, SERVER.port, timeout=30)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body is not None:
            conn.send(body)
        r = conn.getresponse()
        return r.status, r.read()
    except (ConnectionError, http.client.HTTPException):
        return 0, b""  # the server may close the connection on a request it refuses
    finally:
        conn.close()


def cli_events(*args):
    out = subprocess.run([BINARY, "events", "--db", DB, "--format", "json", *args], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def is_error(status, body, code=None):
    try:
        e = json.loads(body)["error"]
    except (ValueError, KeyError, TypeError):
        return False
    return e["status"] == status and isinstance(e["message"], str) and (code is None or e["code"] == code)


def test_meta_and_health():
    s, j = get_json(q("/api/health"))
    check(s == 200 and j == {"status": "ok"}, "health")
    s, j = get_json(q("/api/meta"))
    check(s == 200 and j["events"] == TOTAL, "meta counts the events")
    check(sum(t["events"] for t in j["types"]) == TOTAL, "meta: type counts add up")
    check(all(set(r) == {"key", "name", "events", "lat", "lon"} for r in j["regions"]), "meta: regions")
    check(j["first_date"] <= j["last_date"], "meta: date range")


def test_events_list():
    s, j = get_json(q("/api/events"))
    check(s == 200 and set(j) == {"total", "offset", "limit", "events", "next_cursor", "warnings"}, "events: shape")
    check(j["total"] == TOTAL and j["limit"] == 50 and len(j["events"]) == 50, "events: default page of 50")
    e = j["events"][0]
    for field in ("id", "doc", "sentence", "evidence", "type", "date", "actor1", "actor2", "location", "fatalities",
                  "confidence", "sources"):
        check(field in e, f"events: field {field}")
    # Pagination: pages are slices of one ordering.
    _, big = get_json(q("/api/events", limit=120, sort="-date"))
    _, p2 = get_json(q("/api/events", limit=40, offset=40, sort="-date"))
    check([x["id"] for x in p2["events"]] == [x["id"] for x in big["events"][40:80]], "events: offset pages")
    _, last = get_json(q("/api/events", limit=10, offset=TOTAL - 3))
    check(len(last["events"]) == 3, "events: last page is short")
    _, past = get_json(q("/api/events", offset=TOTAL + 5))
    check(past["events"] == [] and past["total"] == TOTAL, "events: offset past the end")
    _, m = get_json(q("/api/events", limit=500))
    check(len(m["events"]) == min(500, TOTAL), "events: limit 500 allowed")
    # Sorting.
    _, asc = get_json(q("/api/events", limit=500, sort="date"))
    ids_cli = [x["id"] for x in cli_events()]
    check([x["id"] for x in asc["events"]] == ids_cli[:500], "events: sort=date is the CLI's order")
    _, desc = get_json(q("/api/events", limit=500, sort="-date"))
    check([x["id"] for x in desc["events"]] == list(reversed(ids_cli))[:500], "events: sort=-date reverses it")
    _, fat = get_json(q("/api/events", limit=20, sort="-fatalities"))
    vals = [x["fatalities"] if x["fatalities"] is not None else -1 for x in fat["events"]]
    check(vals == sorted(vals, reverse=True) and vals[0] > 0, "events: sort=-fatalities")
    _, src = get_json(q("/api/events", limit=20, sort="-sources"))
    counts = [len(x["sources"]) for x in src["events"]]
    check(counts == sorted(counts, reverse=True), "events: sort=-sources")


def test_event_filters():
    cases = [
        ({"type": "ASSAULT"}, ["--type", "ASSAULT"]),
        ({"type": "assault"}, ["--type", "ASSAULT"]),
        ({"place": "Kidal"}, ["--place", "Kidal"]),
        ({"place": "ménaka"}, ["--place", "Menaka"]),
        ({"from": "2013", "to": "2014-06"}, ["--from", "2013", "--to", "2014-06"]),
        ({"from": "2020-01-15"}, ["--from", "2020-01-15"]),
        ({"actor": "CMA"}, ["--actor", "CMA"]),
        ({"actor": "Coordination of Azawad Movements", "to": "2016"}, ["--actor", "Coordination of Azawad Movements", "--to", "2016"]),
        ({"actor": "JNIM", "type": "ASSAULT"}, ["--actor", "JNIM", "--type", "ASSAULT"]),
        ({"text": "killed"}, ["--text", "killed"]),
        ({"text": "Kidal attacked"}, ["--text", "Kidal attacked"]),
        ({"min_fatalities": "5"}, ["--min-fatalities", "5"]),
        ({"min_fatalities": "0", "type": "ASSAULT"}, ["--min-fatalities", "0", "--type", "ASSAULT"]),
        ({"min_confidence": "0.9"}, ["--min-confidence", "0.9"]),
        ({"min_confidence": "0.95", "place": "Kidal"}, ["--min-confidence", "0.95", "--place", "Kidal"]),
    ]
    for params, args in cases:
        s, j = get_json(q("/api/events", limit=500, **params))
        want = [x["id"] for x in cli_events(*args)]
        got = [x["id"] for x in j["events"]]
        check(s == 200 and j["total"] == len(want) and sorted(got) == sorted(want[:500]),
              f"events {params}: {j.get('total')} events, the CLI finds {len(want)}")
    _, j = get_json(q("/api/events", type="ASSAULT,PROTEST", limit=500))
    check(j["total"] > 0 and {e["type"] for e in j["events"]} <= {"ASSAULT", "PROTEST"}, "events: a list of types")
    _, j = get_json(q("/api/events", region="Kidal", limit=500))
    check(j["total"] > 0 and all(e["location"]["admin1"] == "Kidal" for e in j["events"]), "events: region")
    _, j = get_json(q("/api/events", bbox="-1,15,2,20", limit=500))
    check(j["total"] > 0 and all(-1 <= e["location"]["lon"] <= 2 and 15 <= e["location"]["lat"] <= 20 for e in j["events"]),
          "events: bbox")
    _, j = get_json(q("/api/events", actor="Nobody At All"))
    check(j["total"] == 0 and j["warnings"], "events: an unknown actor gives nothing and a warning")


def test_bad_parameters():
    bad = [
        ({"limit": "0"}, "out_of_range"), ({"limit": "501"}, "out_of_range"), ({"limit": "-1"}, "out_of_range"),
        ({"limit": "ten"}, "bad_parameter"), ({"limit": "1e3"}, "bad_parameter"), ({"limit": ""}, "bad_parameter"),
        ({"offset": "-5"}, "out_of_range"), ({"offset": "99999999999999999999"}, "bad_parameter"),
        ({"sort": "random"}, "bad_parameter"), ({"type": "DANCE"}, "bad_parameter"), ({"type": ","}, "bad_parameter"),
        ({"from": "2012-13"}, "bad_date"), ({"from": "2012-02-30"}, "bad_date"), ({"to": "yesterday"}, "bad_date"),
        ({"from": "0000"}, "bad_date"), ({"from": "2015", "to": "2014"}, "bad_range"),
        ({"bbox": "1,2,3"}, "bad_parameter"), ({"bbox": "0,0,200,10"}, "bad_parameter"), ({"bbox": "5,0,1,1"}, "bad_parameter"),
        ({"text": "*"}, "bad_parameter"), ({"text": "k*"}, "bad_parameter"), ({"actor": " "}, "bad_parameter"),
        ({"colour": "red"}, "unknown_parameter"), ({"x" * 300: "1"}, "unknown_parameter"),
        ({"text": "a" * 300}, "parameter_too_long"),
        ({"min_fatalities": "-1"}, "out_of_range"), ({"min_fatalities": "many"}, "bad_parameter"),
        ({"min_confidence": "1.5"}, "out_of_range"), ({"min_confidence": "high"}, "bad_parameter"),
        ({"cursor": "not a cursor"}, "bad_cursor"), ({"cursor": "MXxkYXRl"}, "bad_cursor"),
    ]
    for params, code in bad:
        s, h, body = get(q("/api/events", **params))
        check(s == 400 and is_error(400, body, code), f"events {str(params)[:60]}: 400 {code}, got {s} {body[:120]!r}")
    s, _, body = get(f"{URL}/api/events?type=ASSAULT&type=PROTEST")
    check(s == 400 and is_error(400, body, "repeated_parameter"), "a repeated parameter")
    s, _, body = get(f"{URL}/api/events?text=%FF%FE")
    check(s == 400 and is_error(400, body, "bad_encoding"), "invalid UTF-8 in a parameter")
    s, _, body = get(f"{URL}/api/events?text=a%00b")
    check(s == 400 and is_error(400, body, "bad_encoding"), "a NUL byte in a parameter")
    for path, params in [("/api/timeline", {"limit": "5"}), ("/api/map", {"zoom": "19"}), ("/api/map", {"zoom": "x"}),
                         ("/api/search", {}), ("/api/search", {"q": "-"}), ("/api/actors", {"limit": "0"}),
                         ("/api/actors/CMA", {"at": "2014", "from": "2013"}), ("/api/actors/CMA", {"at": "2014-02-31"}),
                         ("/api/graph", {"min_events": "0"}), ("/api/graph", {"limit": "100000"}),
                         ("/api/meta", {"x": "1"}), ("/api/control/Kidal", {"at": "2014"}),
                         ("/api/timeline", {"group": "colour"}), ("/api/timeline", {"top": "0"}),
                         ("/api/export", {}), ("/api/export", {"format": "xlsx"}),
                         ("/api/export", {"format": "geojson", "limit": "5"}),
                         ("/api/export", {"format": "geojson", "from": "2012-13"})]:
        s, _, body = get(q(path, **params))
        check(s == 400 and is_error(400, body), f"{path} {params}: 400, got {s}")


def test_one_event_and_document():
    _, j = get_json(q("/api/events", limit=5, sort="-sources"))
    for e in j["events"]:
        s, d = get_json(q(f"/api/events/{urllib.parse.quote(e['id'])}"))
        check(s == 200 and d["id"] == e["id"] and d["evidence"] == e["evidence"], "event by id")
        check(all({"report", "doc", "source", "url", "published", "sentence", "evidence"} <= set(src) for src in d["sources"]),
              "event: full sources")
        check(all(a["id"] in d["actor_names"] for a in d["actor1"] + d["actor2"]), "event: actor names")
        s, doc = get_json(q(f"/api/documents/{urllib.parse.quote(e['doc'])}"))
        check(s == 200 and doc["id"] == e["doc"] and any(
            any(x["id"] == e["id"] for x in sen["events"]) for sen in doc["sentences"]), "document lists the event")
        check(isinstance(doc["text"], str) and doc["text"] and "title" in doc, "document: its text and title")
    for path in ["/api/events/ev_nope", "/api/documents/nope", "/api/actors/NOPE_NOT_AN_ACTOR", "/api/control/Atlantis",
                 "/api/nothing-here", "/api"]:
        s, _, body = get(URL + path)
        check(s == 404 and is_error(404, body), f"{path}: 404 JSON")


def test_timeline_and_map():
    for params in [{}, {"type": "ASSAULT"}, {"actor": "MNLA"}]:
        _, t = get_json(q("/api/timeline", **params))
        _, e = get_json(q("/api/events", limit=1, **params))
        n = sum(m["total"] for m in t["months"]) + sum(t["year_only"].values()) + t["undated"]
        check(n == e["total"], f"timeline {params}: counts add up to the events ({n} vs {e['total']})")
        months = [m["month"] for m in t["months"]]
        check(months == sorted(months) and all(sum(m["counts"].values()) == m["total"] for m in t["months"]),
              "timeline: months in order, counts add up")
    _, t = get_json(q("/api/timeline"))
    ys = [int(m["month"][:4]) * 12 + int(m["month"][5:]) for m in t["months"]]
    check(all(b - a == 1 for a, b in zip(ys, ys[1:])), "timeline: no month missing")
    for zoom in (2, 5, 9, 18):
        _, m = get_json(q("/api/map", zoom=zoom))
        check(sum(c["count"] for c in m["clusters"]) == m["located"] > 0, f"map zoom {zoom}: clusters add up")
        check(all((c["event"] is not None) == (c["count"] == 1) for c in m["clusters"]), "map: single events named")
    _, lo = get_json(q("/api/map", zoom=2))
    _, hi = get_json(q("/api/map", zoom=9))
    check(len(lo["clusters"]) < len(hi["clusters"]), "map: clusters split as one zooms in")


def test_search():
    s, j = get_json(q("/api/search", q="Kidal"))
    check(s == 200 and j["total"] > 0 and j["results"], "search: finds Kidal")
    for r in j["results"]:
        for sen in r["sentences"]:
            check(all(sen["evidence"][b:e].lower() == "kidal" for b, e in sen["highlights"]), "search: highlights")
    _, p = get_json(q("/api/search", q="attack*"))
    _, e = get_json(q("/api/search", q="attacked"))
    check(p["total"] >= e["total"] > 0, "search: a prefix finds more")
    _, n = get_json(q("/api/search", q="zzzqqq"))
    check(n["total"] == 0 and n["results"] == [], "search: nothing")


def test_actors_graph_control():
    s, j = get_json(q("/api/actors", q="cma"))
    check(s == 200 and j["actors"] and j["actors"][0]["id"] == "CMA", "actors: search by acronym")
    _, j = get_json(q("/api/actors", q="azawad", limit=3))
    check(0 < len(j["actors"]) <= 3, "actors: search limit")
    s, p = get_json(q("/api/actors/CMA", at="2015"))
    check(s == 200 and p["id"] == "CMA" and p["aliases"], "actor profile")
    for k in ("member_of", "members", "leaders", "roles", "relations", "relations_by_year", "recent_events", "window"):
        check(k in p, f"actor profile: {k}")
    check(any(m["actor"] == "MNLA" for m in p["members"]), "actor profile: CMA's members in 2015 include the MNLA")
    s, p = get_json(q("/api/actors/MNLA"))
    check(s == 200 and all(r["kind"] in ("ally", "enemy", "mixed", "uncertain") and r["events"] > 0 for r in p["relations"]),
          "actor profile: relations with evidence counts")
    s, p = get_json(q("/api/actors/" + urllib.parse.quote("Coordination of Azawad Movements")))
    check(s == 200 and p["id"] == "CMA", "actor profile by name")
    s, g = get_json(q("/api/graph", at="2014"))
    ids = {n["id"] for n in g["nodes"]}
    check(s == 200 and g["edges"] and all(e["source"] in ids and e["target"] in ids for e in g["edges"]), "graph: edges join nodes")
    check(all(e["kind"] in ("ally", "enemy", "mixed", "uncertain", "member") for e in g["edges"]), "graph: edge kinds")
    check(all(n["parent"] is None or n["parent"] in ids for n in g["nodes"]), "graph: parents are nodes")
    _, small = get_json(q("/api/graph", limit=3))
    check(len([e for e in small["edges"] if e["kind"] != "member"]) <= 3, "graph: limit")
    _, f = get_json(q("/api/graph", actor="MNLA"))
    check(all("MNLA" in (e["source"], e["target"]) or e["kind"] == "member" for e in f["edges"]) or f["edges"] == [], "graph: focus")
    s, c = get_json(q("/api/control"))
    check(s == 200 and any(p["key"] == "kidal" for p in c["places"]), "control: places")
    s, k = get_json(q("/api/control/Kidal"))
    check(s == 200 and k["place"] == "Kidal" and len(k["intervals"]) > 1, "control: Kidal's timeline")
    check(all({"from", "to", "holders", "source", "status", "evidence"} <= set(i) for i in k["intervals"]), "control: shape")
    s, _ = get_json(q("/api/control/KIDAL"))
    check(s == 200, "control: place names fold")


INJECTIONS = ["' OR '1'='1", "\"; DROP TABLE events; --", "1; DELETE FROM events", "%", "_", "*", "\\", "')--",
              "NEAR(a b)", "\"unterminated", "ASSAULT' --", "kidal\" OR \"1", "x' UNION SELECT sql FROM sqlite_master--"]
ENDPOINTS = {
    "/api/events": ["actor", "type", "place", "region", "from", "to", "text", "bbox", "limit", "offset", "sort", "cursor",
                    "min_fatalities", "min_confidence"],
    "/api/timeline": ["actor", "type", "place", "region", "from", "to", "text", "bbox", "group", "top", "min_fatalities"],
    "/api/export": ["format", "actor", "type", "place", "from", "text", "min_fatalities"],
    "/api/map": ["actor", "type", "place", "region", "from", "to", "text", "bbox", "zoom"],
    "/api/search": ["q", "limit", "offset"],
    "/api/actors": ["q", "limit"],
    "/api/actors/CMA": ["at", "from", "to"],
    "/api/graph": ["at", "from", "to", "actor", "min_events", "limit"],
    "/api/new-actors": ["min_documents", "limit"],
}


def test_sql_metacharacters():
    before = table_counts()
    for path, names in ENDPOINTS.items():
        for name in names:
            for value in INJECTIONS:
                s, _, body = get(q(path, **{name: value}))
                ok = s in (200, 400, 404) and (s == 200 or is_error(s, body))
                check(ok, f"{path}?{name}={value!r}: {s}")
    for value in INJECTIONS:
        for path in ("/api/events/", "/api/actors/", "/api/control/", "/api/documents/"):
            s, _, body = get(URL + path + urllib.parse.quote(value, safe=""))
            check(s in (400, 404) and is_error(s, body), f"{path}{value!r}: {s}")
    # Full-text words with FTS syntax are words, not syntax.
    _, a = get_json(q("/api/events", text="killed OR attacked"))
    _, b = get_json(q("/api/events", text="killed attacked or"))
    check(a["total"] == b["total"], "text: OR is a word")
    check(table_counts() == before, "the database is unchanged")
    check(SERVER.alive(), "the server is alive after injections")


def test_paths_and_sizes():
    s, h, body = get(URL + "/")
    check(s == 200 and h.get("Content-Type", "").startswith("text/html") and b"Faultline" in body, "the page at /")
    s, h, _ = get(URL + "/js/main.js")
    check(s == 200 and "javascript" in h.get("Content-Type", ""), "a module")
    check(h.get("X-Content-Type-Options") == "nosniff" and "default-src 'self'" in h.get("Content-Security-Policy", ""),
          "security headers")
    for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/js/../../CMakeLists.txt",
                   "/js/..%2f..%2fCMakeCache.txt", "//etc/passwd", "/..%5c..%5cetc%5cpasswd", "/./index.html",
                   "/vendor/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/js/%00.js", "/etc/passwd", "/index.html%00.png",
                   "/api/../../etc/passwd", "/nope.js", "/js/"]:
        s, body = raw_request("GET", target)
        check(s in (0, 400, 404) and b"root:" not in body and b"CMAKE" not in body, f"path {target}: {s}")
    s, body = raw_request("GET", "/api/events?limit=1&text=" + "k" * 10000)
    check(s in (0, 400, 414), f"a 10 kB URI is refused: {s}")
    s, body = raw_request("GET", "/api/events", headers={"X-Big": "v" * 20000})
    check(s in (0, 400, 431), f"a 20 kB header is refused: {s}")
    s, body = raw_request("POST", "/api/events", body=b"x" * (1 << 20))
    check(s in (0, 405, 413), f"a 1 MB body is refused: {s}")
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        s, body = raw_request(method, "/api/events", body=b"{}")
        check(s == 405 and is_error(405, body), f"{method} is refused with 405")
    s, body = raw_request("GET", "/api/events?limit=1&sort=%ZZ")
    check(s in (200, 400), f"a bad percent escape: {s}")
    check(SERVER.alive(), "the server is alive after oversized requests")


def test_fuzz_and_concurrency():
    rnd = random.Random(5)
    alphabet = "abcXYZ019-_,.*%'\"\\;:/?&=+ éü\x7f"
    for _ in range(300):
        path = rnd.choice(list(ENDPOINTS))
        name = rnd.choice(ENDPOINTS[path] + ["zz"])
        value = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        target = path + "?" + urllib.parse.quote(name) + "=" + urllib.parse.quote(value, safe="%")
        s, body = raw_request("GET", target)
        check(s in (200, 400, 404), f"fuzz {target!r}: {s}")
    urls = [q("/api/events", limit=20, offset=i) for i in range(60)] + [q("/api/timeline"), q("/api/map", zoom=4)] * 10
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda u: get(u)[0], urls))
    check(all(s == 200 for s in statuses), f"80 concurrent requests all answered: {set(statuses)}")
    check(SERVER.alive(), "the server is alive after the fuzz")


def request_headers(target, headers):
    """GET with headers: (status, response headers, raw body)."""
    conn = http.client.HTTPConnection(SERVER.host, SERVER.port, timeout=30)
    try:
        conn.request("GET", target, headers=headers)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def test_meta_shows_no_path():
    s, h, body = get(q("/api/meta"))
    j = json.loads(body)
    check(s == 200 and j["database"] == os.path.basename(DB), f"meta names the store's file only: {j['database']}")
    check(os.path.dirname(DB).encode() not in body, "meta shows no folder of the server")


def test_gzip():
    target = "/api/events?limit=500"
    s, h, plain = request_headers(target, {})
    check(s == 200 and "content-encoding" not in h, "no compression unless asked for")
    s, h, packed = request_headers(target, {"Accept-Encoding": "gzip"})
    check(s == 200 and h.get("content-encoding") == "gzip", f"gzip when the client accepts it: {h.get('content-encoding')}")
    try:
        unpacked = gzip.decompress(packed)
    except OSError:
        unpacked = b""
    check(unpacked == plain and len(packed) * 3 < len(plain), f"gzip: same JSON, {len(packed)} of {len(plain)} bytes")
    check(h.get("content-type") == "application/json", f"JSON content type: {h.get('content-type')}")
    s, h, page = request_headers("/", {"Accept-Encoding": "gzip"})
    check(s == 200 and h.get("content-encoding") == "gzip" and b"Faultline" in gzip.decompress(page), "the page gzipped")


def test_etag():
    s, h, body = request_headers("/js/main.js", {})
    tag = h.get("etag", "")
    check(s == 200 and tag.startswith('"') and tag.endswith('"'), f"static files carry an ETag: {tag!r}")
    s, h2, body2 = request_headers("/js/main.js", {"If-None-Match": tag})
    check(s == 304 and body2 == b"" and h2.get("etag") == tag, f"If-None-Match with the tag: 304, no body ({s})")
    s, _, body3 = request_headers("/js/main.js", {"If-None-Match": '"0-0000000000000000"'})
    check(s == 200 and body3 == body, f"another tag: the file again ({s})")
    s, h4, _ = request_headers("/", {})
    check(h4.get("etag") not in (None, tag), "another file, another tag")


def test_cors(db):
    s, h, _ = request_headers("/api/meta", {"Origin": "http://notebook.example:8888"})
    check(s == 200 and "access-control-allow-origin" not in h, "no CORS header by default")
    origin = "http://notebook.example:8888"
    cors = Server(BINARY, db, "--rate-limit", "0", "--cors", origin)
    try:
        conn = http.client.HTTPConnection(cors.host, cors.port, timeout=30)
        conn.request("GET", "/api/events?limit=1", headers={"Origin": origin})
        r = conn.getresponse()
        r.read()
        check(r.status == 200 and r.getheader("Access-Control-Allow-Origin") == origin, "--cors: the origin may read")
        conn.request("GET", "/api/events?limit=1", headers={"Origin": "http://evil.example"})
        r = conn.getresponse()
        r.read()
        check(r.getheader("Access-Control-Allow-Origin") is None and r.getheader("Vary") == "Origin",
              "--cors: another origin may not")
        conn.close()
    finally:
        cors.stop()
    for bad in ("*", "notebook.example", "http://a.example/path"):
        p = subprocess.run([BINARY, "serve", "--db", db, "--port", "0", "--cors", bad], capture_output=True, text=True,
                           timeout=30)
        check(p.returncode == 2 and "--cors" in p.stderr, f"--cors {bad!r} is refused (exit {p.returncode})")


def test_rate_limit(db):
    limited = Server(BINARY, db, "--rate-limit", "1", "--burst", "5")
    try:
        statuses = [get(f"{limited.url}/api/health")[0] for _ in range(12)]
        check(statuses[:5] == [200] * 5 and 429 in statuses, f"rate limit: {statuses}")
        s, h, body = get(f"{limited.url}/api/meta")
        check(s == 429 and int(h.get("Retry-After", "0")) >= 1 and is_error(429, body, "rate_limited"), "429 with Retry-After")
        check(get(f"{limited.url}/")[0] == 200, "the page's files are not rate-limited")
    finally:
        limited.stop()


def walk(params, limit):
    """Every page of /api/events by cursor: (ids in order, pages, last answer)."""
    ids, pages, cursor = [], 0, None
    while True:
        extra = {"cursor": cursor} if cursor else {}
        s, j = get_json(q("/api/events", limit=limit, **params, **extra))
        if s != 200:
            return ids, pages, j
        pages += 1
        ids += [e["id"] for e in j["events"]]
        cursor = j["next_cursor"]
        if not cursor or pages > TOTAL:
            return ids, pages, j


def test_cursor_paging():
    ids_cli = [x["id"] for x in cli_events()]
    ids, pages, last = walk({}, 7)
    check(ids == ids_cli and pages == -(-TOTAL // 7), f"cursor: walks every event in the CLI's order ({len(ids)} of {TOTAL})")
    check(last["next_cursor"] is None and last["offset"] is None, "cursor: the last page has no next cursor")
    ids, _, _ = walk({"sort": "-date"}, 500)
    check(ids == list(reversed(ids_cli)), "cursor: sort=-date walks the reverse order, past 500")
    for params in [{"sort": "-fatalities"}, {"sort": "sources"}, {"sort": "-confidence", "type": "ASSAULT"},
                   {"sort": "fatalities", "place": "Kidal"}, {"sort": "-date", "actor": "CMA"}]:
        _, first = get_json(q("/api/events", limit=500, **params))
        want = [e["id"] for e in first["events"]]
        if first["total"] > 500:
            _, second = get_json(q("/api/events", limit=500, offset=500, **params))
            want += [e["id"] for e in second["events"]]
        got, _, _ = walk(params, 13)
        check(got == want and len(set(got)) == first["total"],
              f"cursor {params}: the offset pages' order, each event once ({len(got)} of {first['total']})")
    _, j = get_json(q("/api/events", limit=5, sort="-fatalities"))
    s, _, body = get(q("/api/events", limit=5, sort="fatalities", cursor=j["next_cursor"]))
    check(s == 400 and is_error(400, body, "bad_cursor"), "cursor: made for another sort is refused")
    s, _, body = get(q("/api/events", limit=5, offset=5, cursor=j["next_cursor"]))
    check(s == 400 and is_error(400, body, "bad_parameter"), "cursor: not with offset")
    import base64
    stale = base64.urlsafe_b64encode(b"1|date|3|ev_0000000000000000").decode().rstrip("=")
    s, _, body = get(q("/api/events", cursor=stale))
    check(s == 400 and is_error(400, body, "stale_cursor"), "cursor: one whose event is not there is refused")


def test_timeline_sums():
    for params in [{}, {"type": "ASSAULT"}, {"region": "Kidal"}, {"min_fatalities": "1"}]:
        _, t = get_json(q("/api/timeline", **params))
        args = sum(([f"--{k.replace('_', '-')}", v] for k, v in params.items()), [])
        events = cli_events(*args)
        tolls = sum(e["fatalities"] or 0 for e in events)
        check(t["totals"] == {"events": len(events), "fatalities": tolls},
              f"timeline {params}: totals {t['totals']}, the CLI has {len(events)} events, {tolls} killed")
        by_month = sum(m["fatalities"] for m in t["months"]) + sum(t["year_only_fatalities"].values()) + t["undated_fatalities"]
        check(by_month == tolls, f"timeline {params}: monthly fatalities add up ({by_month} vs {tolls})")
        check(all(sum(m["fatalities_by"].values()) == m["fatalities"] for m in t["months"]),
              "timeline: fatalities by type add up to the month's")
    _, t = get_json(q("/api/timeline", group="region", top=3))
    check(t["group"] == "region" and len(t["groups"]) == 4 and t["groups"][-1]["key"] == "other", "timeline: top 3 regions and other")
    check(sum(g["events"] for g in t["groups"]) == t["totals"]["events"], "timeline: region groups add up")
    check(any(g["key"] == "kidal" and g["label"].startswith("Kidal") for g in t["groups"]), "timeline: regions labelled")
    check(all(set(m["counts"]) <= {g["key"] for g in t["groups"]} for m in t["months"]), "timeline: months use the groups")
    _, t = get_json(q("/api/timeline", group="actor", top=5))
    cma = [g for g in t["groups"] if g["key"] == "CMA"]
    n_cma = len(cli_events("--actor", "CMA"))
    check(len(t["groups"]) == 6 and "types" not in t, f"timeline: top 5 actors and other ({len(t['groups'])})")
    check(not cma or cma[0]["label"] == "Coordination of Azawad Movements", "timeline: actors by name")
    # An event counts under each of its actors: a group never has more events than all, but the
    # groups (and "other", the sum of the rest) may add up to more.
    check(all(g["events"] <= t["totals"]["events"] for g in t["groups"] if g["key"] != "other") and n_cma > 0,
          "timeline: actor groups")
    check(not cma or cma[0]["events"] == n_cma, f"timeline: CMA's events as the CLI counts them ({cma and cma[0]['events']} vs {n_cma})")


def test_graph_filters():
    _, everything = get_json(q("/api/graph"))
    for params, args in [({"place": "Kidal"}, ["--place", "Kidal"]), ({"type": "ASSAULT", "from": "2014"}, ["--type", "ASSAULT", "--from", "2014"]),
                         ({"region": "Gao", "min_fatalities": "1"}, ["--region", "Gao", "--min-fatalities", "1"])]:
        s, g = get_json(q("/api/graph", **params))
        rel = [e for e in g["edges"] if e["kind"] != "member"]
        ends = {x for e in rel for x in (e["source"], e["target"])}
        # Each end acts in a matching event (itself, or a person acting for it).
        absent = [x for x in ends if get_json(q("/api/events", actor=x, limit=1, **params))[1]["total"] == 0]
        check(s == 200 and rel and not absent and len(cli_events(*args)) > 0,
              f"graph {params}: every relation joins actors of the matching events ({len(rel)} edges; not in them: {absent})")
        check(len(g["nodes"]) < len(everything["nodes"]) and g["events_capped"] is False, f"graph {params}: a smaller network")
    _, a = get_json(q("/api/graph", place="Kidal", actor="MNLA"))
    check(all("MNLA" in (e["source"], e["target"]) or e["kind"] == "member" for e in a["edges"]), "graph: filters with a focus")
    s, _, body = get(q("/api/graph", type="DANCE"))
    check(s == 400 and is_error(400, body, "bad_parameter"), "graph: a bad event filter is refused")


EXPORT_CASES = [
    ({}, []),
    ({"type": "ASSAULT"}, ["--type", "ASSAULT"]),
    ({"place": "Kidal", "from": "2013"}, ["--place", "Kidal", "--from", "2013"]),
    ({"actor": "CMA"}, ["--actor", "CMA"]),
    ({"min_fatalities": "3"}, ["--min-fatalities", "3"]),
]


def test_export():
    tmp = tempfile.mkdtemp(prefix="faultline_export_test_")
    for fmt in ("acled-csv", "cameo-tsv", "plover-jsonl", "geojson", "graphml"):
        for params, args in EXPORT_CASES:
            out = os.path.join(tmp, "x")
            subprocess.run([BINARY, "export", "--db", DB, "--format", fmt, "--out", out, "-q", *args], check=True)
            with open(out, "rb") as f:
                want = f.read()
            s, h, body = request_headers("/api/export?" + urllib.parse.urlencode({"format": fmt, **params}), {})
            check(s == 200 and body == want, f"export {fmt} {params}: the CLI's file ({len(body)} vs {len(want)} bytes)")
            check(h.get("transfer-encoding") == "chunked", f"export {fmt}: streamed in chunks")
            check("attachment" in h.get("content-disposition", ""), f"export {fmt}: a download")
    s, h, body = request_headers("/api/export?format=acled-csv", {})
    check(h.get("content-type", "").startswith("text/csv") and body.count(b"\n") > 100, "export: ACLED CSV")
    check('filename="faultline-events.csv"' in h.get("content-disposition", ""), "export: file name")
    s, h, packed = request_headers("/api/export?format=acled-csv", {"Accept-Encoding": "gzip"})
    check(s == 200 and h.get("content-encoding") == "gzip" and gzip.decompress(packed) == body, "export: gzipped CSV")
    s, _, body = request_headers("/api/export?format=plover-jsonl&actor=Nobody%20At%20All", {})
    check(s == 200 and body == b"", "export: an unknown actor exports nothing")
    s, body = raw_request("HEAD", "/api/export?format=geojson")
    check(s == 200 and body == b"", f"export: HEAD ({s})")
    # A client that reads a little and leaves: the server goes on answering.
    conn = http.client.HTTPConnection(SERVER.host, SERVER.port, timeout=30)
    conn.request("GET", "/api/export?format=plover-jsonl")
    conn.getresponse().read(100)
    conn.close()
    check(get(q("/api/health"))[0] == 200 and SERVER.alive(), "export: a client leaving half-way harms nothing")


def test_new_actors():
    """/api/new-actors on the example corpus: the one name no pack knows (a titled person), with the
    fields `discover` shows, its evidence sentence's event and document, and the adopting command."""
    s, body = get_json(q("/api/new-actors"))
    check(s == 200 and body.get("min_documents") == 1 and body.get("documents") == 191, f"new-actors: 200, counts {body}")
    if s != 200:
        return
    names = [c["name"] for c in body["candidates"]]
    check(body["total"] == len(names) and "Soumaïla Cissé" in names, f"new-actors: lists Soumaïla Cissé: {names}")
    c = next((c for c in body["candidates"] if c["name"] == "Soumaïla Cissé"), None)
    if c is None:
        return
    check(c["id"] == "NEW_SOUMAILA_CISSE" and c["kind"] == "person" and c["country"] == "MLI" and c["sector"] == "OPP",
          f"new-actors: id, guessed kind, country, sector: {c}")
    check(c["documents"] == 1 and c["events"] == 1 and c["first_seen"] == c["last_seen"] == "2020-03-25",
          f"new-actors: counts and dates: {c}")
    for field in ["ids", "aliases", "acronyms", "fought", "allied", "linked", "pack_matches", "affiliation"]:
        check(field in c, f"new-actors: field {field}")
    ex = c["examples"][0] if c["examples"] else {}
    check("Soumaïla Cissé was abducted" in ex.get("text", ""), f"new-actors: the evidence sentence: {ex}")
    s, event = get_json(q(f"/api/events/{urllib.parse.quote(ex.get('event', 'none'))}"))
    check(s == 200 and event["evidence"] == ex["text"], f"new-actors: the example's event states it ({s})")
    check(any(x["id"] == "NEW_SOUMAILA_CISSE" for x in event.get("actor1", []) + event.get("actor2", [])),
          "new-actors: the example's event names the candidate")
    s, doc = get_json(q(f"/api/documents/{urllib.parse.quote(ex.get('document', 'none'))}"))
    check(s == 200 and ex["text"] in json.dumps(doc, ensure_ascii=False), f"new-actors: the example's document holds it ({s})")
    check(c["suggested_id"] == "SOUMAILA_CISSE", f"new-actors: suggested id {c['suggested_id']}")
    check(c["adopt"] == "faultline discover --db store.db --accept 'Soumaïla Cissé' --id SOUMAILA_CISSE",
          f"new-actors: the adopting command: {c['adopt']}")
    # The CLI's JSON is the same renderer: each candidate as `discover --format json` writes it.
    out = subprocess.run([BINARY, "discover", "--db", DB, "--format", "json"], check=True, capture_output=True, text=True)
    cli = [json.loads(line) for line in out.stdout.splitlines()]
    check([{k: v for k, v in x.items() if k != "adopt"} for x in body["candidates"]] == cli,
          "new-actors: the candidates as `faultline discover --format json` writes them")
    s, body = get_json(q("/api/new-actors", min_documents=2))
    check(s == 200 and body["candidates"] == [] and body["total"] == 0 and body["min_documents"] == 2,
          f"new-actors: min_documents=2 leaves out the one-document name: {body.get('total')}")
    for params, code in [({"min_documents": "0"}, "out_of_range"), ({"min_documents": "two"}, "bad_parameter"),
                         ({"limit": "0"}, "out_of_range"), ({"limit": "501"}, "out_of_range"),
                         ({"min_docs": "2"}, "unknown_parameter")]:
        s, _, body = get(q("/api/new-actors", **params))
        name = next(iter(params))
        check(s == 400 and is_error(400, body, code) and name in json.loads(body)["error"]["message"],
              f"new-actors {params}: 400 {code} naming the parameter, got {s} {body[:120]!r}")


def test_new_actors_written(tmp):
    """/api/new-actors on the documents written for the new-actor tests: names linked across
    languages and spellings, a pack actor under a name the packs lack, min_documents and limit."""
    db = os.path.join(tmp, "new_actors.db")
    ingest(BINARY, os.path.join(ROOT, "tests", "data", "new_actors", "docs.jsonl"), db)
    server = Server(BINARY, db, "--rate-limit", "0")
    try:
        s, body = get_json(server.url + "/api/new-actors")
        check(s == 200, f"written: 200, got {s}")
        if s != 200:
            return
        by_id = {c["id"]: c for c in body["candidates"]}
        fst = by_id.get("NEW_TILEMSI_SALVATION_FRONT", {})
        check(s == 200 and body["total"] == 4 and body["candidates"][0] is not None and body["candidates"][0]["id"] == fst.get("id"),
              f"written: four candidates, the FST (most documented) first: {list(by_id)}")
        check(fst.get("documents") == 4 and fst.get("acronyms") == ["FST"] and "Front de salut du Tilemsi" in fst.get("aliases", []),
              f"written: the FST's documents, acronym and French name: {fst}")
        check(any(x["id"] == "MLI_MIL" for x in fst.get("fought", [])), "written: whom the FST fought")
        check(len(fst.get("examples", [])) == 3 and all(x["event"] and x["document"] for x in fst["examples"]),
              "written: three examples, each with its event and document")
        check(fst.get("suggested_id") == "FST" and fst.get("adopt") == "faultline discover --db new_actors.db --accept 'Tilemsi Salvation Front' --id FST",
              f"written: the FST is suggested under its acronym: {fst.get('adopt')}")
        msa = next((c for c in body["candidates"] if c["name"] == "Movement for Salvation of Azawad"), {})
        check(msa.get("pack_matches", [{}])[0].get("id") == "MSA" and msa.get("suggested_id") == "MSA",
              f"written: a pack actor under a new name is suggested as that actor: {msa.get('pack_matches')}")
        s, body = get_json(server.url + "/api/new-actors?min_documents=2")
        check(s == 200 and [c["id"] for c in body["candidates"]] == ["NEW_TILEMSI_SALVATION_FRONT"] and body["total"] == 1,
              f"written: min_documents=2 keeps the FST only: {[c['id'] for c in body['candidates']]}")
        s, body = get_json(server.url + "/api/new-actors?limit=2")
        check(s == 200 and len(body["candidates"]) == 2 and body["total"] == 4, "written: limit cuts the list, total counts all")
    finally:
        check(server.stop() == 0, "written: the second server stops cleanly")


def test_evidence_of_text_facts(tmp):
    """Every derived fact carries its support and evidence: on a store of the example corpus and
    tests/data/evidence (a membership and a relation that only text states, each from two
    documents), in the API and in the CLI's JSON."""
    db = os.path.join(tmp, "evidence.db")
    subprocess.run([BINARY, "ingest", "-q", "--db", db, os.path.join(ROOT, "examples", "sahel_reports.jsonl"),
                    os.path.join(ROOT, "tests", "data", "evidence", "docs.jsonl")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(BINARY, db, "--rate-limit", "0")
    url = server.url

    def api(path, **params):
        return get_json(f"{url}{path}" + (("?" + urllib.parse.urlencode(params)) if params else ""))[1]

    def docs_of(ids):
        return {api("/api/events/" + urllib.parse.quote(i))["doc"] for i in ids}

    try:
        p = api("/api/actors/ANSARUL_ISLAM")
        m = next((x for x in p["member_of"] if x["actor"] == "JNIM"), None)
        check(m is not None and m["source"] == "text", f"evidence: a membership from text ({m})")
        if m:
            check(m["support"] == {"level": "text", "events": 2, "documents": 2}, f"evidence: its support {m['support']}")
            check(len(m["evidence"]) == 2 and docs_of(m["evidence"]) == {"evi-01", "evi-02"},
                  f"evidence: its events are the two documents' ({m['evidence']})")
            check(all("merged with JNIM" in api("/api/events/" + i)["evidence"] for i in m["evidence"]),
                  "evidence: each event's sentence states the membership")
        r = next((x for x in p["relations"] if x["actor"] == "BFA_MIL"), None)
        check(r is not None and r["kind"] == "enemy", f"evidence: a relation from two events ({r and r['kind']})")
        if r:
            check(r["support"] == {"level": "text", "events": 2, "documents": 2}, f"evidence: the relation's support {r['support']}")
            check(len(r["evidence"]) == 2 and docs_of(r["evidence"]) == {"evi-03", "evi-04"},
                  f"evidence: the relation's events ({r['evidence']})")
        # Pack memberships and every relation of a busy actor: support levels, capped id lists.
        c = api("/api/actors/CMA", at="2015")
        mnla = next((x for x in c["members"] if x["actor"] == "MNLA"), {})
        check(mnla.get("support", {}).get("level") in ("pack", "pack+text"), f"evidence: a pack membership's level ({mnla.get('support')})")
        for actor in ("MNLA", "MLI_MIL"):
            rels = api("/api/actors/" + actor)["relations"]
            check(rels and all(x["support"]["level"] == "text" and 0 < len(x["evidence"]) <= 20
                               and len(x["evidence"]) == min(20, x["support"]["events"])
                               and x["support"]["documents"] >= 1 for x in rels),
                  f"evidence: every relation of {actor} has its events (at most 20 ids)")
        busy = [x for x in api("/api/actors/MLI_MIL")["relations"] if x["support"]["events"] > 20]
        check(all(len(x["evidence"]) == 20 for x in busy), f"evidence: lists are capped at 20 ids ({len(busy)} relations over)")
        k = api("/api/control/Kidal")
        check(all(i["support"]["level"] == i["status"] and i["support"]["events"] >= len(i["evidence"])
                  and (i["support"]["documents"] >= 1 or not i["evidence"]) for i in k["intervals"]),
              "evidence: every control interval has its support level and counts")
        backed = [i for i in k["intervals"] if i["evidence"]]
        check(backed and all(i["support"]["events"] == len(i["evidence"]) and i["support"]["documents"] >= 1 for i in backed),
              "evidence: Kidal's intervals that events confirm count them and their documents")
        regions = {r["key"]: r for r in api("/api/meta")["regions"]}
        kidal = regions.get("kidal", {})
        check(kidal.get("lat") is not None and 17 < kidal["lat"] < 21 and -1 < kidal["lon"] < 4,
              f"meta: a region's place is where its events are ({kidal})")

        # The CLI's JSON says the same.
        rows = [json.loads(x) for x in subprocess.run([BINARY, "actor", "ANSARUL_ISLAM", "--db", db, "--format", "json"],
                                                       check=True, capture_output=True, text=True).stdout.splitlines()]
        member = next((x for x in rows if x["fact"] == "member of" and x["actor"] == "JNIM"), {})
        check(member.get("support") == {"level": "text", "events": 2, "documents": 2} and len(member.get("events", [])) == 2,
              f"actor --format json: the membership's support and events ({member})")
        enemy = next((x for x in rows if x["actor"] == "BFA_MIL"), {})
        check(enemy.get("support") == {"level": "text", "events": 2, "documents": 2} and
              sorted(enemy.get("events", [])) == sorted(r["evidence"] if r else []),
              f"actor --format json: the relation's support and events ({enemy})")
        rows = [json.loads(x) for x in subprocess.run([BINARY, "control", "Kidal", "--db", db, "--format", "json"],
                                                       check=True, capture_output=True, text=True).stdout.splitlines()]
        check(rows and all(x["support"]["level"] == x["status"] for x in rows),
              "control --format json: each interval's support")
    finally:
        server.stop()


def table_counts():
    with sqlite3.connect(f"file:{DB}?mode=ro", uri=True) as c:
        return [c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "reports", "events", "actors")]


if __name__ == "__main__":
    tmp = tempfile.mkdtemp(prefix="faultline_serve_test_")
    DB = os.path.join(tmp, "store.db")
    ingest(BINARY, os.path.join(ROOT, "examples", "sahel_reports.jsonl"), DB)
    SERVER = Server(BINARY, DB, "--rate-limit", "0")
    URL = SERVER.url
    TOTAL = len(cli_events())
    try:
        for test in [test_meta_and_health, test_events_list, test_event_filters, test_bad_parameters,
                     test_one_event_and_document, test_timeline_and_map, test_search, test_actors_graph_control,
                     test_sql_metacharacters, test_paths_and_sizes, test_fuzz_and_concurrency,
                     test_meta_shows_no_path, test_gzip, test_etag, test_cursor_paging, test_timeline_sums, test_export,
                     test_graph_filters, test_new_actors]:
            before = failed
            test()
            print(f"{test.__name__}: {'ok' if failed == before else 'FAILED'}", flush=True)
        test_rate_limit(DB)
        test_cors(DB)
        test_new_actors_written(tmp)
        before = failed
        test_evidence_of_text_facts(tmp)
        print(f"test_evidence_of_text_facts: {'ok' if failed == before else 'FAILED'}", flush=True)
        check(SERVER.alive(), "the server is still running")
    finally:
        code = SERVER.stop()
    check(code == 0, f"the server stops cleanly on SIGTERM (exit {code})")
    print(f"serve_api: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
