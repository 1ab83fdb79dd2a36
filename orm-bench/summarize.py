#!/usr/bin/env python3
"""Prints Markdown tables of a JMH JSON results file from orm-bench: per workload, each
implementation's score with its error and allocation per operation (when run with -prof gc);
Athanor's speed relative to the others (above 1 means Athanor is faster, for average-time and
throughput benchmarks alike); and bytes allocated per row for the workloads that read or write a
known number of rows; and, when run with -prof io.athanor.bench.CpuProfiler, the CPU time each
operation cost the benchmark threads and the local PostgreSQL server, apart from the time spent waiting."""
import json
import sys

# Which benchmark of a workload each Athanor variant is compared with.
PAIRS = {
    "athanor": ["jdbc", "jdbcTransaction", "hibernate", "jdbi", "jdbcPerShape", "jdbcUnion"],
    "athanorSelectIn": ["jdbcSelectIn", "hibernateSelectIn", "jdbiSelectIn"],
    "athanorReadOnly": ["jdbc", "athanor"],
    "athanorSelectInReadOnly": ["jdbcSelectIn", "athanorSelectIn"],
    "athanorJoined": ["jdbcJoined", "hibernateJoined", "jdbiJoined"],
    "athanorCopy": ["jdbcCopy"],
    "athanorBatch": ["jdbcBatch", "hibernateBatch", "jdbiBatch"],
    "athanorAutocommit": ["jdbc", "hibernate", "jdbi"],
    "athanorBackgroundReset": ["jdbcTransaction"],
    "athanor1": ["jdbc1"],
    "athanor2": ["jdbc2"],
    "athanor4": ["jdbc4"],
    "athanor8": ["jdbc8"],
}

# Flush per row: the loop that flushes after each add against the same loop expunging each row.
COSTS = {"plainFlushEach": "plainExpungeEach", "enhancedFlushEach": "enhancedExpungeEach"}

# Rows read or written by one operation, for bytes per row.
ROWS = {
    "FindById": lambda p: 1,
    "ListEntities": lambda p: 1000,
    "Projection": lambda p: 10000,
    "UsersWithOrders": lambda p: 1100,
    "UserStatistics": lambda p: 1100,
    "FlushOrders": lambda p: 10000,
    "BulkUpdate": lambda p: 10000,
    "BulkInsert": lambda p: 100000,
    "EmployeeGraph": lambda p: int(p.get("employees", 400000)),
    "RandomSubsetUpdate": lambda p: 2000,
    "FlushPerRow": lambda p: int(p.get("rows", 1000)),
}


def main(path):
    with open(path) as f:
        runs = json.load(f)
    by_workload = {}
    for r in runs:
        cls, method = r["benchmark"].rsplit(".", 1)
        params = r.get("params", {})
        workload = cls.rsplit(".", 1)[1]
        if params:
            workload += " (" + ", ".join(f"{k}={v}" for k, v in sorted(params.items())) + ")"
        m = r["primaryMetric"]
        secondary = r.get("secondaryMetrics", {})
        alloc = secondary.get("gc.alloc.rate.norm", {}).get("score")
        cpu = (secondary.get("cpu.client.norm", {}).get("score"), secondary.get("cpu.server.norm", {}).get("score"))
        by_workload.setdefault(workload, {})[method] = (m["score"], m["scoreError"], m["scoreUnit"], alloc, r["mode"], params,
                                                        cpu)
    print("| workload | benchmark | score | ± error | alloc/op |")
    print("| --- | --- | ---: | ---: | ---: |")
    for workload, methods in by_workload.items():
        for method, (score, error, unit, alloc, *_) in sorted(methods.items()):
            a = "" if alloc is None else human_bytes(alloc)
            e = "" if isinstance(error, str) or error != error else fmt(error)  # NaN: too few iterations for an error
            print(f"| {workload} | {method} | {fmt(score)} {unit} | {e} | {a} |")
    print()
    print("| workload | Athanor variant | vs | ratio (above 1: Athanor faster) | client CPU ratio |")
    print("| --- | --- | --- | ---: | ---: |")
    for workload, methods in by_workload.items():
        for athanor, refs in PAIRS.items():
            if athanor not in methods:
                continue
            for ref in refs:
                if ref in methods:
                    a, b = methods[athanor][6][0], methods[ref][6][0]
                    c = f"{b / a:.2f}" if a and b else ""
                    print(f"| {workload} | {athanor} | {ref} | {ratio(methods[athanor], methods[ref]):.2f} | {c} |")
    costs = [(w, f, e, ms) for w, ms in by_workload.items() for f, e in COSTS.items() if f in ms and e in ms]
    if costs:
        print()
        print("| workload | flush each | expunge each | flush each ÷ expunge each |")
        print("| --- | --- | --- | ---: |")
        for workload, f, e, ms in costs:
            print(f"| {workload} | {f} | {e} | {ms[f][0] / ms[e][0]:.2f} |")
    rows = [(w, ms) for w, ms in by_workload.items() if w.split(" ")[0] in ROWS]
    if rows:
        print()
        print("| workload | benchmark | bytes per row |")
        print("| --- | --- | ---: |")
        for workload, methods in rows:
            for method, (_, _, _, alloc, _, params, _) in sorted(methods.items()):
                if alloc is not None:
                    n = ROWS[workload.split(" ")[0]](params)
                    print(f"| {workload} | {method} | {alloc / n:,.0f} |")
    cpu = [(w, m, v[6]) for w, ms in by_workload.items() for m, v in sorted(ms.items()) if v[6][0] is not None]
    if cpu:
        print()
        print("| workload | benchmark | client CPU, µs/op | server CPU, µs/op |")
        print("| --- | --- | ---: | ---: |")
        for workload, method, (client, server) in cpu:
            s = "" if server is None else fmt(server)  # none where /proc could not be read
            print(f"| {workload} | {method} | {fmt(client)} | {s} |")


def ratio(athanor, ref):
    """Reference time / Athanor time, or Athanor throughput / reference throughput."""
    if athanor[4] == "thrpt":
        return athanor[0] / ref[0]
    return ref[0] / athanor[0]


def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:,.2f}" if x < 1 else f"{x:,.1f}"


def human_bytes(b):
    for unit in ("B", "KB", "MB", "GB"):
        if b < 1024 or unit == "GB":
            return f"{b:,.0f} {unit}" if unit == "B" else f"{b:,.1f} {unit}"
        b /= 1024


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "orm-bench/target/results-quick.json")
