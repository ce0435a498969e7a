#!/usr/bin/env python3
"""Fault tests of the store: `faultline ingest` into a store that cannot be written.

- Disk full, with no room at all and with room for part of the ingest: the file size limit
  (RLIMIT_FSIZE, with SIGXFSZ ignored, so that writes fail with EFBIG as on a full disk) and,
  where this process may mount one (root in a container that allows it), a small tmpfs (ENOSPC).
- A read-only database file and a database in a read-only folder (run as `nobody` when the test
  runs as root, whom file modes do not stop).

Each must end with a clear message naming the database, a non-zero exit status, a database that
passes its integrity checks (tests/store/dump_db.py) and the content stored before intact (the
same dump when nothing could be written; the earlier documents and reports when part was, and
after a re-run with room, the same store as an uninterrupted ingest).

Usage: test_faults.py FAULTLINE_BINARY REPO_ROOT
"""
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import check, finish  # noqa: E402

BINARY, ROOT = os.path.abspath(sys.argv[1]), sys.argv[2]
DUMP = os.path.join(ROOT, "tests", "store", "dump_db.py")


def ingest(db, corpus, limit=None, as_nobody=False):
    """Runs `faultline ingest`; returns (exit status, standard error). `limit`: the file size limit
    in bytes (standard error goes to a pipe, which the limit does not cover)."""
    def setup():
        if limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death, as with ENOSPC
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        if as_nobody:
            os.setgid(65534)
            os.setuid(65534)
    binary, env = (NOBODY_COPY["binary"], NOBODY_COPY["env"]) if as_nobody else (BINARY, None)
    args = [binary, "ingest", "--db", db] + ([corpus] if corpus else [])
    p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=setup,
                       timeout=600, env=env)
    return p.returncode, p.stderr


# `nobody` may not reach the build's binary or packs (a checkout under /root or a private temporary
# folder): the runs as nobody use copies in the test's own folder.
NOBODY_COPY = {}


def copy_for_nobody(tmp):
    folder = os.path.join(tmp, "nobody")
    os.mkdir(folder)
    binary = shutil.copy(BINARY, os.path.join(folder, "faultline"))
    os.chmod(binary, 0o755)
    packs = shutil.copytree(os.path.join(ROOT, "packs"), os.path.join(folder, "packs"))
    for dirpath, dirnames, filenames in os.walk(folder):
        for d in dirnames:
            os.chmod(os.path.join(dirpath, d), 0o755)
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), 0o755 if f == "faultline" else 0o644)
    os.chmod(folder, 0o755)
    NOBODY_COPY["binary"] = binary
    NOBODY_COPY["env"] = dict(os.environ, FAULTLINE_PACKS=packs)


def dump(db):
    p = subprocess.run([sys.executable, DUMP, db], capture_output=True, text=True)
    return p.stdout if p.returncode == 0 else None


def copy_db(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(src + suffix):
            shutil.copy(src + suffix, dst + suffix)


def lines_of(text, prefixes):
    return {line for line in text.splitlines() if line.startswith(prefixes)}


def failed_clearly(status, err, db, words):
    """A non-zero status, no crash (no signal, no abort message), and a message naming the
    database and the cause."""
    return (0 < status < 128 and db in err and any(w in err.lower() for w in words)
            and "terminate called" not in err and "Assertion" not in err)


def main():
    tmp = tempfile.mkdtemp(prefix="faultline_faults_")
    os.chmod(tmp, 0o755)  # for the runs as nobody
    copy_for_nobody(tmp)
    mounted = None
    try:
        examples = os.path.join(ROOT, "examples", "sahel_reports.jsonl")
        more = os.path.join(tmp, "more.jsonl")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), "--mb", "1", "--seed", "5",
                        "--out", more], check=True, stderr=subprocess.DEVNULL)
        os.chmod(more, 0o644)
        base = os.path.join(tmp, "base.db")
        status, err = ingest(base, examples)
        assert status == 0, err
        before = dump(base)
        assert before, "the base store does not pass its checks"
        whole = os.path.join(tmp, "whole.db")
        copy_db(base, whole)
        assert ingest(whole, more)[0] == 0
        after_all = dump(whole)
        stored = ("document ", "report ", "report_actor ")
        full_words = ("full", "no space", "disk", "too large", "i/o error", "write")

        # --- disk full: no room at all ---
        db = os.path.join(tmp, "noroom.db")
        copy_db(base, db)
        status, err = ingest(db, more, limit=0)
        check(failed_clearly(status, err, db, full_words), f"no room at all: exit {status}, says so: {err.strip()!r}")
        check(dump(db) == before, "no room at all: the store is as before")

        # --- disk full half-way: room for part of the ingest ---
        db = os.path.join(tmp, "halfway.db")
        copy_db(base, db)
        limit = os.path.getsize(db) + 1_500_000
        status, err = ingest(db, more, limit=limit)
        check(failed_clearly(status, err, db, full_words), f"disk full half-way: exit {status}, says so: {err.strip()!r}")
        now = dump(db)
        check(now is not None, "disk full half-way: the store passes integrity, foreign-key and full-text checks")
        check(now is not None and lines_of(before, stored) <= lines_of(now, stored),
              "disk full half-way: the documents and reports stored before are intact")
        status, err = ingest(db, more)
        check(status == 0 and dump(db) == after_all, "disk full half-way: with room again, a re-run completes the store")

        # --- a real full file system (tmpfs), where mounting is allowed ---
        mnt = os.path.join(tmp, "mnt")
        os.mkdir(mnt)
        size_kb = (os.path.getsize(base) + 1_500_000) // 1024
        if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", mnt],
                          stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode == 0:
            mounted = mnt
            db = os.path.join(mnt, "tmpfs.db")
            copy_db(base, db)
            status, err = ingest(db, more)
            check(failed_clearly(status, err, db, full_words), f"tmpfs full: exit {status}, says so: {err.strip()!r}")
            now = dump(db)
            check(now is not None and lines_of(before, stored) <= lines_of(now, stored),
                  "tmpfs full: the store passes its checks, what was stored before is intact")
        else:
            print("skip tmpfs full (mounting is not allowed here); the file size limit stands in for it")

        # --- read-only database file ---
        root = os.geteuid() == 0
        folder = os.path.join(tmp, "rofile")
        os.mkdir(folder)
        os.chmod(folder, 0o777)
        db = os.path.join(folder, "store.db")
        copy_db(base, db)
        os.chmod(db, 0o444)
        status, err = ingest(db, more, as_nobody=root)
        check(failed_clearly(status, err, db, ("read-only", "readonly", "permission", "cannot write", "not writable")),
              f"read-only database file: exit {status}, says so: {err.strip()!r}")
        check(dump(db) == before, "read-only database file: the store is as before")

        # --- database in a read-only folder (no journal can be created) ---
        folder = os.path.join(tmp, "rofolder")
        os.mkdir(folder)
        db = os.path.join(folder, "store.db")
        copy_db(base, db)
        os.chmod(db, 0o666)
        os.chmod(folder, 0o555)
        status, err = ingest(db, more, as_nobody=root)
        check(failed_clearly(status, err, db, ("read-only", "readonly", "permission", "cannot write", "not writable",
                                               "unable to open")),
              f"read-only folder: exit {status}, says so: {err.strip()!r}")
        os.chmod(folder, 0o755)
        check(dump(db) == before, "read-only folder: the store is as before")
    finally:
        if mounted:
            subprocess.run(["umount", mounted])
        for dirpath, dirnames, _ in os.walk(tmp):
            for d in dirnames:
                os.chmod(os.path.join(dirpath, d), 0o755)
        shutil.rmtree(tmp, ignore_errors=True)
    finish("store faults")


if __name__ == "__main__":
    main()
