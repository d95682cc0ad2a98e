#!/usr/bin/env python3
"""Medians of StartupPhases output blocks (run.sh's phases.txt), per variant and phase."""
import re
import statistics
import sys
from collections import OrderedDict


def main():
    data = OrderedDict()  # variant -> phase -> list of (wall, cpu, classes)
    variant = None
    with open(sys.argv[1]) as fh:
        for line in fh:
            line = line.rstrip("\n")
            m = re.match(r"--- run \d+, (.*)", line)
            if m:
                variant = m.group(1)
                data.setdefault(variant, OrderedDict())
                continue
            m = re.match(r"(.{42}) +([0-9.]+|NaN) +([0-9.]*) +(\d+)$", line)
            if variant and m and not line.startswith("phase"):
                name = m.group(1).strip()
                wall = float(m.group(2))
                cpu = float(m.group(3)) if m.group(3) else float("nan")
                data[variant].setdefault(name, []).append((wall, cpu, int(m.group(4))))
    for variant, phases in data.items():
        n = len(next(iter(phases.values())))
        print(f"{variant} (median of {n} runs)")
        print(f"  {'phase':42} {'wall ms':>9} {'cpu ms':>9} {'classes':>8}")
        for name, rows in phases.items():
            wall = statistics.median(r[0] for r in rows)
            cpus = [r[1] for r in rows if r[1] == r[1]]
            cpu = f"{statistics.median(cpus):9.1f}" if cpus else " " * 9
            classes = statistics.median(r[2] for r in rows)
            print(f"  {name:42} {wall:9.1f} {cpu} {classes:8.0f}")


if __name__ == "__main__":
    main()
