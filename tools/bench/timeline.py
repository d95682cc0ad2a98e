#!/usr/bin/env python3
"""Milestones of ftsql runs from their -Xlog:class+load logs (uptime decoration).

The first class of each layer marks when a run reached it. `new Compiler(catalog.load())` in
SqlCommand.call loads dev.ftsql.plan.Compiler first, so that class marks the end of picocli's work;
CatalogLoader and Analyzer (new Compiler) bracket the catalog; StatementParser and SqlhistRewriter
the parse; Validation and SelectAnalysis Calcite's validation. With several logs (runs of the same
command) it prints the median uptime of each milestone and of each phase between them.
Usage: timeline.py CLASS_LOAD_LOG...
"""
import re
import statistics
import sys

MILESTONES = [
    ("JVM up: first class loaded", r"java\.lang\.Object "),
    ("ftsql Main loaded", r"dev\.ftsql\.cli\.Main "),
    ("SqlCommand.call (picocli done)", r"dev\.ftsql\.plan\.Compiler "),
    ("catalog done (new Compiler)", r"dev\.ftsql\.sql\.analyze\.Analyzer "),
    ("parse starts", r"dev\.ftsql\.sql\.analyze\.StatementParser "),
    ("parse done (SqlhistRewriter)", r"dev\.ftsql\.sql\.analyze\.SqlhistRewriter "),
    ("validation starts", r"dev\.ftsql\.sql\.analyze\.Validation "),
    ("validation done (SelectAnalysis)", r"dev\.ftsql\.sql\.analyze\.SelectAnalysis "),
    ("printing (EchoLines)", r"dev\.ftsql\.export\.EchoLines "),
]
PHASES = [
    ("JVM boot to Main", 0, 1),
    ("picocli: model + parse args", 1, 2),
    ("catalog load", 2, 3),
    ("parse (ftsql dialect + Calcite)", 4, 5),
    ("validation (Calcite)", 6, 7),
]


def read(path):
    rows = []
    with open(path) as fh:
        for line in fh:
            m = re.match(r"\[([0-9.]+)s\]\[[^]]*\]\[[^]]*\] (\S+) source:", line)
            if m:
                rows.append((float(m.group(1)) * 1000, m.group(2) + " "))
    found = []
    for _, pattern in MILESTONES:
        hit = next(((t, i) for i, (t, cls) in enumerate(rows) if re.match(pattern, cls)), (None, None))
        found.append(hit)
    found.append((rows[-1][0], len(rows)))
    return found


def main():
    runs = [read(p) for p in sys.argv[1:]]
    names = [m[0] for m in MILESTONES] + ["last class loaded"]
    med = []
    print(f"  {'milestone (first class of)':36} {'uptime ms':>9} {'classes':>8}   (median of {len(runs)})")
    for k, name in enumerate(names):
        ts = [r[k][0] for r in runs if r[k][0] is not None]
        ns = [r[k][1] for r in runs if r[k][1] is not None]
        med.append(statistics.median(ts) if ts else float("nan"))
        print(f"  {name:36} {med[-1]:9.0f} {statistics.median(ns) if ns else 0:8.0f}")
    print(f"  {'phase':36} {'ms':>9}")
    for name, a, b in PHASES + [("planning + printing + exit", 7, len(names) - 1)]:
        ds = [r[b][0] - r[a][0] for r in runs if r[a][0] is not None and r[b][0] is not None]
        print(f"  {name:36} {statistics.median(ds):9.0f}")


if __name__ == "__main__":
    main()
