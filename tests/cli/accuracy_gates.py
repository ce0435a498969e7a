#!/usr/bin/env python3
"""Accuracy gates on the project's own test sets (text written for the tests): scores each set
with `faultline eval --json` and checks every gate of tests/data/accuracy_gates.tsv (set, gold,
documents, metric, minimum). A missing gold or document file is a failure, never a skip.

Metrics: typed_f1, full_f1 (score.py's figures) and actor1, actor2 (field accuracy on typed
matches). Minimums sit about 0.03 under the measured value, so a few broken events fail the suite.

--wrong-input: the self-test. Each set is scored against documents that say nothing (an empty
file); every gate must then fail, or a gate could not catch a regression. Exit 0 only if all fail.

Usage: accuracy_gates.py FAULTLINE REPO_ROOT [--wrong-input]
"""
import json
import os
import subprocess
import sys
import tempfile

binary, root = sys.argv[1], sys.argv[2]
wrong_input = "--wrong-input" in sys.argv[3:]
table = os.path.join(root, "tests", "data", "accuracy_gates.tsv")


def metric(report, name):
    if name == "typed_f1":
        return report["typed_prf"][2]
    if name == "full_f1":
        return report["full_prf"][2]
    return report["field_accuracy_on_typed_matches"].get(name, 0.0)


gates = []
for n, line in enumerate(open(table, encoding="utf-8"), 1):
    if not line.strip() or line.startswith("#"):
        continue
    cells = line.rstrip("\n").split("\t")
    if len(cells) != 5:
        sys.exit(f"{table}:{n}: expected set, gold, docs, metric, minimum")
    gates.append((cells[0], cells[1], cells[2], cells[3], float(cells[4])))

empty = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
empty.close()
reports, failed, held = {}, 0, 0
for name, gold, docs, what, minimum in gates:
    gold, docs = os.path.join(root, gold), os.path.join(root, docs)
    for f in (gold, docs):
        if not os.path.isfile(f):
            print(f"FAIL {name}: {f} is missing: the gate cannot be checked")
            failed += 1
            break
    else:
        if name not in reports:
            out = subprocess.run([binary, "eval", "--json", "--gold", gold, empty.name if wrong_input else docs],
                                 capture_output=True, text=True)
            reports[name] = json.loads(out.stdout) if out.stdout.strip() else None
        r = reports[name]
        value = metric(r, what) if r else None
        if value is not None and value >= minimum:
            held += 1
            print(f"ok   {name} {what} {value:.3f} >= {minimum:.3f}")
        else:
            failed += 1
            print(f"FAIL {name} {what} {value} < {minimum:.3f}")
os.unlink(empty.name)
print(f"accuracy gates: {held} held, {failed} failed of {len(gates)}")
if wrong_input:
    sys.exit(0 if held == 0 and len(gates) > 0 else 1)
sys.exit(0 if failed == 0 and len(gates) > 0 else 1)
