"""The Python peer of GoalStat's analysis benchmark: the same XmR work on the same series with abspc (PyPI),
a Python implementation of NHS England's Making Data Count charts.

For each series: control limits, special-cause detection, variation type and assurance against the target.
Prints the median wall time of the runs. Usage: xmr_abspc.py FILE.csv RUNS [LIMIT]
(LIMIT analyses only the first LIMIT series, for a peer too slow to run them all; the figure is then scaled.)
"""
import statistics
import sys
import time

import abspc
import pandas as pd


def analyse(groups) -> int:
    assured = 0
    for frame, direction, target in groups:
        result = abspc.calculate_control_limits(frame, "XmR")
        result = abspc.detect_special_causes(result)
        abspc.determine_variation_type(result, improvement_direction=direction)
        if abspc.determine_assurance_type(result, target, improvement_direction=direction):
            assured += 1
    return assured


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    data = pd.read_csv(path)
    groups = []
    for _, group in data.groupby("indicator", sort=False):
        frame = group[["period", "value"]].reset_index(drop=True)
        direction = "high" if group["direction"].iloc[0] == "increase" else "low"
        groups.append((frame, direction, float(group["target"].iloc[0])))
        if limit and len(groups) >= limit:
            break
    total = data["indicator"].nunique()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        analyse(groups)
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    scaled = median * total / len(groups)
    print(f"abspc: XmR of {len(groups)} of {total} series: median {median:.3f} s over {runs} runs"
          + (f"; scaled to all {total}: {scaled:.1f} s" if len(groups) < total else ""))
    print(f"PEER_SECONDS={scaled:.4f}")


if __name__ == "__main__":
    main()
