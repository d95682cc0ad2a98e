#!/usr/bin/env python3
"""Summarises JMH -rf json results: JMH's score ± 99.9% error, plus the median, best and worst
measurement iteration (pooled over forks). On a shared machine the median and the best iteration
say more than the mean: other load only ever makes an iteration slower.
Usage: jmh-summary.py RESULT.json...
"""
import json
import statistics
import sys


def main():
    print("| benchmark | params | mode | JMH score ± error | median iteration | best | worst | iterations | unit |")
    print("|---|---|---|---:|---:|---:|---:|---:|---|")
    for path in sys.argv[1:]:
        with open(path) as fh:
            results = json.load(fh)
        for r in results:
            name = r["benchmark"].rsplit(".", 2)
            name = name[-2] + "." + name[-1]
            params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
            m = r["primaryMetric"]
            raw = [x for fork in m["rawData"] for x in fork]
            higher_better = r["mode"] == "thrpt"
            best = max(raw) if higher_better else min(raw)
            worst = min(raw) if higher_better else max(raw)
            print(f"| {name} | {params} | {r['mode']} | {m['score']:.2f} ± {m['scoreError']:.2f} | "
                  f"{statistics.median(raw):.2f} | {best:.2f} | {worst:.2f} | {len(raw)} | {m['scoreUnit']} |")


if __name__ == "__main__":
    main()
