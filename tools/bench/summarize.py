#!/usr/bin/env python3
"""Pools hyperfine --export-json rounds (run.sh) and prints a Markdown table.

For each command: pooled median wall time and interquartile range over every timed run of every
round, min, run count; the ratio of its pooled median to sqlhist's; and the median (and range) of
the per-round ratios, which cancels load that differed between rounds; and CPU time (user+sys of
all the process's threads: hyperfine's per-round mean, median over rounds), which other load on
the machine inflates much less than wall time.
Usage: summarize.py DIR_WITH_round-N.json [BASELINE_NAME]
"""
import glob
import json
import os
import statistics
import sys


def quantile(xs, q):
    xs = sorted(xs)
    pos = (len(xs) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def main():
    folder = sys.argv[1]
    baseline = sys.argv[2] if len(sys.argv) > 2 else "sqlhist -t DIR"
    files = sorted(glob.glob(os.path.join(folder, "round-*.json")),
                   key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0]))
    pooled, per_round, order, cpu = {}, [], [], {}
    for f in files:
        with open(f) as fh:
            data = json.load(fh)
        medians = {}
        for r in data["results"]:
            name = r["command"]
            if name not in pooled:
                pooled[name] = []
                order.append(name)
            if any(code != 0 for code in r.get("exit_codes", [])):
                print(f"warning: {name} had non-zero exit codes in {f}", file=sys.stderr)
            pooled[name].extend(t * 1000 for t in r["times"])
            cpu.setdefault(name, []).append((r["user"] + r["system"]) * 1000)
            medians[name] = statistics.median(r["times"]) * 1000
        per_round.append(medians)
    base = statistics.median(pooled[baseline])
    print(f"{len(files)} rounds; times in ms; ratio = median / median of `{baseline}`\n")
    print("| command | median | IQR | min | runs | ratio | per-round ratio: median (min–max) | CPU (user+sys) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in order:
        xs = pooled[name]
        med = statistics.median(xs)
        ratios = [m[name] / m[baseline] for m in per_round if name in m and baseline in m]
        print(f"| {name} | {med:.1f} | {quantile(xs, .25):.1f}–{quantile(xs, .75):.1f} | "
              f"{min(xs):.1f} | {len(xs)} | {med / base:.2f} | "
              f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) | "
              f"{statistics.median(cpu[name]):.0f} |")


if __name__ == "__main__":
    main()
