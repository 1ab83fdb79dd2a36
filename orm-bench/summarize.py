#!/usr/bin/env python3
"""Prints a Markdown table of a JMH JSON results file from orm-bench: per workload, each
implementation's average time with its error, allocation per operation (when run with -prof gc),
and Athanor's speed relative to the others (reference time / Athanor time: above 1 means Athanor
is faster)."""
import json
import sys

# Which benchmark of a workload each Athanor variant is compared with.
PAIRS = {
    "athanor": ["jdbc", "hibernate", "jdbi"],
    "athanorSelectIn": ["jdbcSelectIn", "hibernateSelectIn", "jdbiSelectIn"],
    "athanorJoined": ["jdbcJoined", "hibernateJoined", "jdbiJoined"],
    "athanorCopy": ["jdbcCopy"],
    "athanorBatch": ["jdbcBatch", "hibernateBatch", "jdbiBatch"],
    "athanorAutocommit": ["jdbc", "hibernate", "jdbi"],
}


def main(path):
    with open(path) as f:
        runs = json.load(f)
    by_workload = {}
    for r in runs:
        cls, method = r["benchmark"].rsplit(".", 1)
        workload = cls.rsplit(".", 1)[1]
        m = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        by_workload.setdefault(workload, {})[method] = (m["score"], m["scoreError"], m["scoreUnit"], alloc)
    print("| workload | benchmark | time/op | ± error | alloc/op |")
    print("| --- | --- | ---: | ---: | ---: |")
    for workload, methods in by_workload.items():
        for method, (score, error, unit, alloc) in sorted(methods.items()):
            a = "" if alloc is None else human_bytes(alloc)
            e = "" if error != error else fmt(error)  # NaN error: a single iteration
            print(f"| {workload} | {method} | {fmt(score)} {unit} | {e} | {a} |")
    print()
    print("| workload | Athanor variant | vs | ratio (ref time / Athanor time) |")
    print("| --- | --- | --- | ---: |")
    for workload, methods in by_workload.items():
        for athanor, refs in PAIRS.items():
            if athanor not in methods:
                continue
            for ref in refs:
                if ref in methods:
                    print(f"| {workload} | {athanor} | {ref} | {methods[ref][0] / methods[athanor][0]:.2f} |")


def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def human_bytes(b):
    for unit in ("B", "KB", "MB", "GB"):
        if b < 1024 or unit == "GB":
            return f"{b:,.0f} {unit}" if unit == "B" else f"{b:,.1f} {unit}"
        b /= 1024


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "orm-bench/target/results-quick.json")
