#!/usr/bin/env python3
"""Monthly fatalities per first-level region from a Faultline store, with pandas and matplotlib.

    python3 examples/monthly_fatalities.py --db out/faultline.db [--out fatalities.png] [--top 6]

The store is read the way an analyst's other tools read it: as ACLED-style CSV from
`faultline export --format acled-csv` (columns as in ACLED's codebook). Events dated only to a
year (time_precision 3) cannot be put in a month and are left out, with a count. The monthly table
is printed (CSV) and drawn as one line per region, the `--top` regions with the most killed.
Needs Debian's python3-pandas and python3-matplotlib.
"""
import argparse
import io
import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")  # files only: no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def load_events(faultline, db):
    run = subprocess.run([faultline, "export", "--db", db, "--format", "acled-csv", "-q"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"faultline export failed ({run.returncode}): {run.stderr.strip()}")
    csv = run.stdout
    return pd.read_csv(io.StringIO(csv), parse_dates=["event_date"], keep_default_na=False,
                       na_values={"fatalities": [""]})


def monthly_fatalities(events, top):
    dated = events[events["time_precision"] <= 2].copy()
    dated["month"] = dated["event_date"].dt.to_period("M")
    dated["admin1"] = dated["admin1"].replace("", "(no region)")
    table = dated.pivot_table(index="month", columns="admin1", values="fatalities", aggfunc="sum", fill_value=0)
    order = table.sum().sort_values(ascending=False).index[:top]
    return table[order], len(events) - len(dated)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="the store (SQLite file or postgresql:// URL)")
    ap.add_argument("--faultline", default=os.path.join(here, "..", "build", "faultline"))
    ap.add_argument("--out", default="fatalities_by_region.png", help="the chart (PNG)")
    ap.add_argument("--top", type=int, default=6, help="regions drawn, most killed first")
    args = ap.parse_args()

    events = load_events(args.faultline, args.db)
    table, undated = monthly_fatalities(events, args.top)
    if table.empty:
        sys.exit(f"{args.db}: no event dated to the month or day")
    table.to_csv(sys.stdout)
    ax = table.to_timestamp().plot(figsize=(10, 5), marker="o")
    ax.set_title("Killed per month, by first-level region (Faultline)")
    ax.set_xlabel("month")
    ax.set_ylabel("fatalities stated in the text")
    plt.tight_layout()
    plt.savefig(args.out, dpi=120)
    print(f"{len(events)} events; {undated} dated only to a year left out; chart: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
