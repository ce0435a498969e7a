#!/usr/bin/env python3
"""Hostile clients against `faultline serve`: malformed URLs (bad percent-escapes, invalid UTF-8,
NUL and control bytes, in paths, parameter names and values of every endpoint), SQL and search
syntax in every parameter name, oversized URIs, headers and bodies, raw garbage, and slow
clients (slowloris: many connections sending their headers a byte at a time, and idle
keep-alive connections) that must not stop other clients from being served.
Every answer must be 200, or a 4xx with a JSON error object of that status (a page file that is
not there: a plain 404); the server must never crash, and must stop cleanly at the end.

Usage: test_hostile.py FAULTLINE_BINARY SOURCE_ROOT [TEST_NAME...]   (default: every test)
"""
import json
import os
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Server, ingest  # noqa: E402

BINARY, ROOT = sys.argv[1], sys.argv[2]
passed, failed = 0, 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}", flush=True)


def send_raw(data, timeout=10):
    """Sends bytes as they are on a new connection and reads the answer until the server closes
    it: (status, headers dict (lower-case names), body bytes); status 0 when nothing came back."""
    with socket.create_connection((SERVER.host, SERVER.port), timeout=timeout) as s:
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server answered and closed before the client was done sending
        chunks = []
        try:
            while True:
                c = s.recv(65536)
                if not c:
                    break
                chunks.append(c)
        except (ConnectionResetError, socket.timeout):
            pass
    return parse_response(b"".join(chunks))


def parse_response(raw):
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    try:
        status = int(lines[0].split(b" ")[1])
    except (IndexError, ValueError):
        return 0, {}, raw
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        headers[k.decode("latin-1").strip().lower()] = v.decode("latin-1").strip()
    if "content-length" in headers:
        body = body[:int(headers["content-length"])]
    return status, headers, body


def get(target, headers=b""):
    if isinstance(target, str):
        target = target.encode("latin-1")
    return send_raw(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + b"\r\n")


def json_error(status, headers, body, code=None):
    if not headers.get("content-type", "").startswith("application/json"):
        return False
    try:
        e = json.loads(body)["error"]
    except (ValueError, KeyError, TypeError):
        return False
    return e["status"] == status and isinstance(e["message"], str) and e["message"] and (code is None or e["code"] == code)


def answered_well(result, allow=(200, 400, 404)):
    status, headers, body = result
    if status not in allow:
        return False
    if status == 200:
        return True
    return json_error(status, headers, body)


ENDPOINTS = {
    "/api/events": ["actor", "type", "place", "region", "from", "to", "text", "bbox", "limit", "offset", "sort"],
    "/api/timeline": ["actor", "type", "place", "region", "from", "to", "text", "bbox"],
    "/api/map": ["actor", "type", "place", "region", "from", "to", "text", "bbox", "zoom"],
    "/api/search": ["q", "limit", "offset"],
    "/api/actors": ["q", "limit"],
    "/api/actors/CMA": ["at", "from", "to"],
    "/api/graph": ["at", "from", "to", "actor", "min_events", "limit"],
    "/api/control": [],
    "/api/control/Kidal": [],
    "/api/documents/ex-0036": [],
    "/api/meta": [],
    "/api/new-actors": ["min_documents", "limit"],
}
ID_PATHS = ["/api/events/", "/api/actors/", "/api/control/", "/api/documents/"]
# Percent-encoded values that are not valid UTF-8 text (or hold control characters).
NOT_TEXT = ["%FF", "%C3%28", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "abc%00def", "%00", "%0D%0AX-Injected:%201",
            "%1B%5B31m", "%7F", "%E2%82"]
# Malformed percent-escapes (httplib keeps what it cannot decode as it is).
BAD_ESCAPES = ["%", "%Z", "%4", "%%", "%GG", "%u0041", "100%", "%2", "%%32%33"]
SQL = ["' OR '1'='1", "\"; DROP TABLE events; --", "x' UNION SELECT sql FROM sqlite_master--", "NEAR(a b)", "a*b"]


def quote_all(s):
    return "".join(c if c.isalnum() or c in "-_.~" else "".join(f"%{b:02X}" for b in c.encode()) for c in s)


def test_malformed_urls():
    for path, names in ENDPOINTS.items():
        for name in names:
            for v in NOT_TEXT:
                r = get(f"{path}?{name}={v}")
                check(r[0] == 400 and json_error(*r, code="bad_encoding"), f"{path}?{name}={v}: {r[0]} {r[2][:120]!r}")
            for v in BAD_ESCAPES:
                r = get(f"{path}?{name}={v}")
                check(answered_well(r), f"{path}?{name}={v}: {r[0]} {r[2][:120]!r}")
        # Bad names: not text, malformed, SQL; unknown to every endpoint.
        for bad in NOT_TEXT[:4] + BAD_ESCAPES[:4] + [quote_all(s) for s in SQL]:
            r = get(f"{path}?{bad}=1")
            check(r[0] == 400 and json_error(*r), f"{path}?{bad}=1: {r[0]} {r[2][:120]!r}")
    for prefix in ID_PATHS:
        for v in NOT_TEXT:
            r = get(prefix + v)
            check(r[0] in (400, 404) and json_error(*r), f"{prefix}{v}: {r[0]} {r[2][:120]!r}")
        for v in BAD_ESCAPES + [quote_all(s) for s in SQL] + ["..%2F..%2Fetc%2Fpasswd", "%2E%2E", "a/b/c"]:
            r = get(prefix + v)
            check(r[0] in (400, 404) and json_error(*r), f"{prefix}{v}: {r[0]} {r[2][:120]!r}")
    # Raw bytes the client did not encode: invalid UTF-8, control characters, spaces.
    for target in [b"/api/events?text=\xff\xfe", b"/api/actors/\xc3\x28", b"/api/events?place=a\x01b",
                   b"/api/events?x=\x7f", b"/\xff\xfe", b"/index.html\x00.png", b"/api/events?text=a b"]:
        r = get(target)
        check(r[0] in (400, 404) and (r[0] == 404 and not target.startswith(b"/api") or json_error(*r)),
              f"raw {target!r}: {r[0]} {r[2][:120]!r}")
    check(SERVER.alive(), "alive after malformed URLs")


def test_path_traversal():
    for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                   "/js/..%2F..%2F..%2FCMakeLists.txt", "/..%5c..%5cetc%5cpasswd", "/%252e%252e/etc/passwd",
                   "/.%2e/.%2e/etc/passwd", "/vendor/%00/../../etc/passwd", "//etc/passwd", "/\\..\\..\\etc\\passwd",
                   "/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd", "/api/../../etc/passwd", "/index.html/../../../etc/passwd"]:
        r = get(target)
        check(r[0] in (400, 404) and b"root:" not in r[2] and b"CMAKE" not in r[2] and b"project(" not in r[2],
              f"traversal {target}: {r[0]}")
        check(r[0] != 400 or json_error(*r), f"traversal {target}: a 400 is a JSON error")


def test_oversized():
    r = get("/api/events?text=" + "k" * 9000)
    check(r[0] == 414 and json_error(*r), f"a 9 kB URI: 414 JSON error, got {r[0]} {r[2][:100]!r}")
    r = get("/api/events?limit=1", headers=b"X-Big: " + b"v" * 9000 + b"\r\n")
    check(r[0] in (400, 431) and json_error(*r), f"a 9 kB header line: 4xx JSON error, got {r[0]} {r[2][:100]!r}")
    many = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 60) for i in range(300))
    r = get("/api/events?limit=1", headers=many)
    check(r[0] in (200, 400, 431) and (r[0] == 200 or json_error(*r)), f"300 headers (20 kB): got {r[0]}")
    body = b"x" * (64 * 1024)
    r = send_raw(b"GET /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    check(r[0] == 0 or r[0] == 413 and json_error(*r), f"a 64 kB body on a GET: 413 JSON error, got {r[0]} {r[2][:100]!r}")
    r = send_raw(b"GET /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")
    check(r[0] in (400, 413) and json_error(*r), f"an absurd Content-Length: got {r[0]} {r[2][:100]!r}")
    r = send_raw(b"GET /api/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                 + b"".join(b"4000\r\n" + b"y" * 0x4000 + b"\r\n" for _ in range(4)) + b"0\r\n\r\n")
    # The server answers 413 at once and closes; the client, still sending, may see a reset
    # before it reads the answer (status 0). Never a 200.
    check(r[0] == 0 or r[0] in (400, 413) and json_error(*r), f"a 64 kB chunked body: got {r[0]} {r[2][:100]!r}")
    check(SERVER.alive(), "alive after oversized requests")


def test_garbage():
    for data in [b"\x00" * 100, b"\xff" * 3000, b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET  HTTP/1.1\r\n\r\n",
                 b"G\x00T /api/meta HTTP/1.1\r\n\r\n", b"GET /api/meta HTTP/1.1\r\nNo-Colon-Here\r\n\r\n",
                 b"\r\n\r\n\r\n", b"GET /api/meta HTTP/1.1\n\n", b"BREW /coffee HTCPCP/1.0\r\n\r\n",
                 b"GET /api/meta HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                 b"GET /api/meta HTTP/1.1\r\nHost: x\r\nRange: bytes=99999999999-1\r\n\r\n"]:
        r = send_raw(data)
        # An answer must be a JSON error (or 200); a connection closed without one is acceptable
        # for bytes that are not HTTP at all.
        check(r[0] == 0 or answered_well(r, allow=(200, 400, 404, 405, 413, 416)), f"garbage {data[:40]!r}: {r[0]} {r[2][:100]!r}")
    check(SERVER.alive(), "alive after garbage")


def timed_get(path):
    t = time.monotonic()
    try:
        r = send_raw(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=20)
    except OSError:
        r = (0, {}, b"")
    return r[0], time.monotonic() - t


def test_slow_clients(slow=64):
    """Many connections trickling their request head a byte at a time, plus idle keep-alive
    connections: other clients must still be answered promptly; the trickles are cut off."""
    stop = threading.Event()
    closed_by_server = []
    started = threading.Barrier(slow + 1)

    def trickle():
        try:
            s = socket.create_connection((SERVER.host, SERVER.port), timeout=60)
        except OSError:
            started.wait()
            return
        started.wait()
        head = b"GET /api/meta HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"z" * 10000
        t0 = time.monotonic()
        try:
            for b in head:
                if stop.is_set():
                    return
                s.send(bytes([b]))
                time.sleep(0.5)
        except OSError:
            closed_by_server.append(time.monotonic() - t0)
        finally:
            s.close()

    def idle_keep_alive():
        s = socket.create_connection((SERVER.host, SERVER.port), timeout=60)
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(65536)
        return s  # kept open, saying nothing more

    idle = [idle_keep_alive() for _ in range(16)]
    threads = [threading.Thread(target=trickle, daemon=True) for _ in range(slow)]
    for t in threads:
        t.start()
    started.wait()
    time.sleep(1.0)  # every trickling connection is open and has begun its head
    times = []
    for i in range(20):
        status, secs = timed_get("/api/events?limit=5" if i % 2 else "/api/meta")
        times.append((status, secs))
    check(all(s == 200 for s, _ in times), f"other clients are answered during the slow clients: {[s for s, _ in times]}")
    # How fast they are answered is a benchmark (bench/serve_slow_clients.sh), not a test: a loaded
    # machine must not fail the suite. Starved requests time out and fail the check above.
    worst = max(secs for _, secs in times)
    print(f"slow clients: {slow} trickling + {len(idle)} idle keep-alive connections; "
          f"20 other requests, slowest {worst:.3f} s", flush=True)
    # The server cuts a request head that never completes (a deadline, not per byte).
    deadline = time.monotonic() + 40
    while len(closed_by_server) < slow and time.monotonic() < deadline:
        time.sleep(0.5)
    stop.set()
    check(len(closed_by_server) == slow, f"the server closed every trickling connection ({len(closed_by_server)} of {slow})")
    if closed_by_server:
        print(f"trickling connections closed by the server after {min(closed_by_server):.1f}–{max(closed_by_server):.1f} s",
              flush=True)
    for s in idle:
        s.close()
    check(SERVER.alive(), "alive after slow clients")


if __name__ == "__main__":
    tmp = tempfile.mkdtemp(prefix="faultline_hostile_test_")
    DB = os.path.join(tmp, "store.db")
    ingest(BINARY, os.path.join(ROOT, "examples", "sahel_reports.jsonl"), DB)
    SERVER = Server(BINARY, DB, "--rate-limit", "0")
    try:
        tests = [test_malformed_urls, test_path_traversal, test_oversized, test_garbage, test_slow_clients]
        chosen = sys.argv[3:]
        unknown = set(chosen) - {t.__name__ for t in tests}
        if unknown:
            sys.exit(f"unknown test(s): {', '.join(sorted(unknown))}")
        for test in [t for t in tests if not chosen or t.__name__ in chosen]:
            before = failed
            test()
            print(f"{test.__name__}: {'ok' if failed == before else 'FAILED'}", flush=True)
        check(SERVER.alive(), "the server is still running")
    finally:
        code = SERVER.stop()
    check(code == 0, f"the server stops cleanly on SIGTERM (exit {code})")
    print(f"serve_hostile: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
