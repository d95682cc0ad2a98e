#!/usr/bin/env python3
"""Milestones of one ftsql run from its -Xlog:class+load log (uptime decoration, seconds).

The first class of each layer marks when the run reached it: picocli (command line parsing), the
sql command, the catalog, Calcite's parser, Calcite's validator, the planner, the echo-line export.
Usage: timeline.py CLASS_LOAD_LOG
"""
import re
import sys

MILESTONES = [
    ("JVM up: first class loaded", r"java\.lang\.Object "),
    ("ftsql Main class", r"dev\.ftsql\.cli\.Main "),
    ("picocli starts", r"picocli\."),
    ("picocli done: SqlCommand runs", r"dev\.ftsql\.cli\.QueryInput "),
    ("catalog load starts", r"dev\.ftsql\.sql\.catalog\.CatalogLoader "),
    ("catalog done: new Compiler", r"dev\.ftsql\.sql\.analyze\.Analyzer "),
    ("parse starts (StatementParser)", r"dev\.ftsql\.sql\.analyze\.StatementParser "),
    ("ftsql dialect lexer", r"dev\.ftsql\.sql\.dialect\.Lexer "),
    ("Calcite parser builds the tree", r"org\.apache\.calcite\.sql\.SqlSelect "),
    ("parse done (SqlhistRewriter)", r"dev\.ftsql\.sql\.analyze\.SqlhistRewriter "),
    ("validation starts", r"dev\.ftsql\.sql\.analyze\.Validation "),
    ("validation done (SelectAnalysis)", r"dev\.ftsql\.sql\.analyze\.SelectAnalysis "),
    ("planning (HistTrigger)", r"dev\.ftsql\.plan\.HistTrigger "),
    ("printing (EchoLines)", r"dev\.ftsql\.export\.EchoLines "),
]


def main():
    rows = []
    with open(sys.argv[1]) as fh:
        for line in fh:
            m = re.match(r"\[([0-9.]+)s\]\[[^]]*\]\[[^]]*\] (\S+) source:", line)
            if m:
                rows.append((float(m.group(1)), m.group(2) + " "))
    if not rows:
        sys.exit("no class+load lines with uptime")
    print(f"  {'milestone (first class of)':40} {'uptime ms':>9} {'classes so far':>14}")
    for name, pattern in MILESTONES:
        for i, (t, cls) in enumerate(rows):
            if re.match(pattern, cls):
                print(f"  {name:40} {t * 1000:9.0f} {i:14d}")
                break
    print(f"  {'last class loaded':40} {rows[-1][0] * 1000:9.0f} {len(rows):14d}")


if __name__ == "__main__":
    main()
