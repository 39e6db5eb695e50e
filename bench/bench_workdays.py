"""Benchmark: vectorised working-day arithmetic over N rows (default 10 million).

Measures, in this process, the wall time of adding N working days to received
dates and of counting working days between two dates, and the peak memory of the
process (ru_maxrss). Run: ``python bench/bench_workdays.py [rows] [runs]``.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time


def main(rows: int = 10_000_000, runs: int = 3) -> dict[str, float]:
    """Run the benchmark and print one line per measure; return the medians."""
    import numpy as np
    import polars as pl

    from cchc_kpi.calendar.workdays import WorkdayIndex
    from cchc_kpi.calendar.working_calendar import WorkCalendar

    rng = np.random.default_rng(7)
    start = np.datetime64("2023-01-01")
    frame = pl.DataFrame(
        {
            "received": start + rng.integers(0, 700, rows).astype("timedelta64[D]"),
            "days": rng.integers(0, 30, rows),
        }
    ).with_columns(pl.col("received").cast(pl.Date))
    began = time.perf_counter()
    index = WorkdayIndex(WorkCalendar(2022, 2027))
    build = time.perf_counter() - began
    adds, counts = [], []
    for _ in range(runs + 1):  # the first run warms up
        t0 = time.perf_counter()
        due = frame.select(index.add(pl.col("received"), pl.col("days")).alias("due"))
        t1 = time.perf_counter()
        both = frame.with_columns(due["due"])
        counted = both.select(index.count(pl.col("received"), pl.col("due")))
        t2 = time.perf_counter()
        adds.append(t1 - t0)
        counts.append(t2 - t1)
        assert counted.height == rows
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "rows": rows,
        "index_build_s": build,
        "add_median_s": statistics.median(adds[1:]),
        "count_median_s": statistics.median(counts[1:]),
        "peak_rss_mb": peak_mb,
    }
    for key, value in result.items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    return result


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    main(*arguments)
