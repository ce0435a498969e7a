"""The check helper of the Python test harnesses (the shell harnesses source tests/lib/check.sh).

check(cond, what) prints "ok   what" or "FAIL what" and counts it; finish(name) prints
"name: N passed, M failed" and exits 1 when a check failed.
"""
import sys

_counts = {"passed": 0, "failed": 0}


def check(cond, what):
    key = "passed" if cond else "failed"
    _counts[key] += 1
    print(f"{'ok  ' if cond else 'FAIL'} {what}", flush=True)
    return bool(cond)


def failures():
    return _counts["failed"]


def finish(name):
    print(f"{name}: {_counts['passed']} passed, {_counts['failed']} failed")
    sys.exit(1 if _counts["failed"] else 0)
