"""The benchmark harness: generate inputs, time whole processes, write RESULTS.md.

Each command runs in its own process; wall time is measured around it and peak
memory is the process's own maximum resident set (``os.wait4``). After one
warm-up run of every command, the commands of a size run in turn (A B C D, A B C
D …) and the medians and min–max are reported.

    python bench/run.py              # 100k, 1M, 10M CSV; 200k XLSX; 100M-row store → bench/RESULTS.md
    python bench/run.py --sizes 2000 --xlsx 500 --store 6300 --runs 1 --out /tmp/results.md   # a smoke run

The package is byte-compiled first (as an installed package is), so that no run pays for
compiling it: this machine sets PYTHONDONTWRITEBYTECODE, which would otherwise make every
run compile every module it imports.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from cchc_kpi.kpi.metrics import BIEU06_COUNTS  # light: no Polars at import

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
PERIOD, START, END = "Q1-2024", "2024-01-01", "2024-03-31"
BIEU06 = BIEU06_COUNTS


@dataclass
class Timing:
    """Wall seconds and peak RSS (MB) of the runs of one command."""

    walls: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.walls)

    def summary(self) -> str:
        return (
            f"{self.median():.2f} s ({min(self.walls):.2f}–{max(self.walls):.2f}), "
            f"{statistics.median(self.peaks):,.0f} MB"
        )


def run_once(command: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """Run a command to the end; return (wall seconds, peak RSS in MB)."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    try:
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, Timing]:
    """Warm up every command once, then run them in turn ``runs`` times."""
    timings = {name: Timing() for name in commands}
    for command in commands.values():
        run_once(command)
    for _ in range(runs):
        for name, command in commands.items():
            wall, peak = run_once(command)
            timings[name].walls.append(wall)
            timings[name].peaks.append(peak)
    return timings


def label(rows: int) -> str:
    """100000 → 100k, 1000000 → 1M."""
    if rows >= 1_000_000 and rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}M"
    if rows >= 1000 and rows % 1000 == 0:
        return f"{rows // 1000}k"
    return str(rows)


def bench_input(kind: str, rows: int, data: Path) -> Path:
    """The benchmark input of ``rows`` dossiers, generated once (in its own process: the
    harness stays small, so that a child's peak memory is its own)."""
    suffix = "-units.csv" if kind == "units" else f".{kind}"
    path = data / f"dossiers-{label(rows)}{suffix}"
    if not path.exists():
        subprocess.run([PYTHON, str(BENCH / "generate.py"), kind, str(rows), str(path)], check=True, cwd=ROOT)
    return path


def ours(path: Path) -> list[str]:
    return [PYTHON, "-m", "cchc_kpi", "report", "--period", PERIOD, "--by", "unit", "--format", "csv",
            "--quiet", str(path)]  # fmt: skip


def same_counts(path: Path, scratch: Path) -> bool:
    """Whether cchc-kpi and the DuckDB peer give the same Biểu 06 counts per unit."""
    import csv

    mine, peer = scratch / "ours.csv", scratch / "duckdb.csv"
    run_once(ours(path), mine)
    run_once([PYTHON, str(BENCH / "peer_duckdb.py"), str(path), START, END], peer)
    with mine.open(encoding="utf-8") as a, peer.open(encoding="utf-8") as b:
        left = {r["unit"]: [r[k] for k in BIEU06] for r in csv.DictReader(a) if r["row_type"] == "detail"}
        right = {r["unit"]: [r[k] for k in BIEU06] for r in csv.DictReader(b)}
    return left == right and bool(left)


VERSIONS = """
import platform, duckdb, fastexcel, pandas, polars, cchc_kpi
print(f"Python {platform.python_version()}, cchc-kpi {cchc_kpi.__version__}, Polars {polars.__version__}, "
      f"DuckDB {duckdb.__version__}, pandas {pandas.__version__}, fastexcel {fastexcel.__version__}")
"""


def versions() -> str:
    """The versions, read in a child process (the harness imports none of them)."""
    return subprocess.run([PYTHON, "-c", VERSIONS], capture_output=True, text=True, check=True).stdout.strip()


def machine() -> str:
    model = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({model}), {memory:.0f} GB RAM"


def ratio(a: Timing, b: Timing) -> str:
    return f"{a.median() / b.median():.2f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--xlsx", type=int, default=200_000)
    parser.add_argument("--store", type=int, default=100_000_000, help="rows of the store (0: none)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    args.data.mkdir(parents=True, exist_ok=True)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "cchc_kpi")], check=True)
    lines = ["# Benchmark results", "", f"- Machine: {machine()}", f"- Versions: {versions()}",
             f"- Runs: {args.runs} per command after one warm-up, commands in turn; medians (min–max), "
             "peak RSS of the process", ""]  # fmt: skip
    sizes = [int(s) for s in args.sizes.split(",") if s]
    csv_timings: dict[int, dict[str, Timing]] = {}
    lines += ["## CSV report: `report --period Q1-2024 --by unit --format csv`", "",
              "| rows | file | cchc-kpi | DuckDB peer | pandas peer | Polars floor | same counts as DuckDB |",
              "|---:|---:|---|---|---|---|---|"]  # fmt: skip
    for rows in sizes:
        path = bench_input("csv", rows, args.data)
        commands = {
            "ours": ours(path),
            "duckdb": [PYTHON, str(BENCH / "peer_duckdb.py"), str(path), START, END],
            "pandas": [PYTHON, str(BENCH / "peer_pandas.py"), str(path), START, END],
            "floor": [PYTHON, str(BENCH / "floor_polars.py"), str(path)],
        }
        if rows >= 5_000_000:
            del commands["pandas"]  # minutes and many GB; the 1M ratio says enough
        timing = measure(commands, args.runs)
        csv_timings[rows] = timing
        same = same_counts(path, args.data)
        size = f"{path.stat().st_size / 2**20:,.0f} MB"
        cells = [timing[k].summary() if k in timing else "–" for k in ("ours", "duckdb", "pandas", "floor")]
        lines.append(f"| {label(rows)} | {size} | " + " | ".join(cells) + f" | {'yes' if same else 'NO'} |")
    lines += ["", "Ratios of medians (cchc-kpi / peer):", ""]
    for rows, timing in csv_timings.items():
        parts = [f"{peer} {ratio(timing['ours'], timing[peer])}" for peer in ("duckdb", "pandas", "floor")
                 if peer in timing]  # fmt: skip
        lines.append(f"- {label(rows)}: " + ", ".join(parts))
    workbook_timing = None
    if sizes:
        rows = 1_000_000 if 1_000_000 in sizes else max(sizes)
        path = bench_input("csv", rows, args.data)
        workbook_timing = workbook_bench(path, args.data, args.runs)
        w = workbook_timing
        lines += ["", f"## Workbook: `report --by unit -o report.xlsx` ({label(rows)} rows)", "",
                  "| report to .xlsx | report to CSV | xlsxwriter floor (same cells) | xlsx / (CSV+floor) |",
                  "|---|---|---|---|",
                  f"| {w['xlsx'].summary()} | {w['csv'].summary()} | {w['floor'].summary()} "
                  f"| {workbook_ratio(w):.2f}× |"]  # fmt: skip
    units_timing = None
    if sizes:
        rows = 1_000_000 if 1_000_000 in sizes else min(sizes)
        units = bench_input("units", rows, args.data)
        units_timing = measure(
            {"units": ours(units), "rows": ours(bench_input("csv", rows, args.data))}, args.runs
        )
        u, n = units_timing, label(rows)
        lines += [
            "",
            f"## {n} distinct units: `report --by unit --format csv` (each dossier its own unit)",
            "",
            f"| {n} distinct units | {n} rows (189 units) | ratio |",
            "|---|---|---|",
            f"| {u['units'].summary()} | {u['rows'].summary()} | {ratio(u['units'], u['rows'])} |",
        ]
    xlsx_timing = None
    if args.xlsx:
        path = bench_input("xlsx", args.xlsx, args.data)
        xlsx_timing = measure(
            {"ours": ours(path), "calamine": [PYTHON, str(BENCH / "floor_calamine.py"), str(path)]}, args.runs
        )
        lines += ["", f"## XLSX report ({label(args.xlsx)} dossiers, vendor layout)", "",
                  "| cchc-kpi report | bare calamine read | ratio |", "|---|---|---|",
                  f"| {xlsx_timing['ours'].summary()} | {xlsx_timing['calamine'].summary()} | "
                  f"{ratio(xlsx_timing['ours'], xlsx_timing['calamine'])} |"]  # fmt: skip
    store_timing = None
    if args.store:
        store = args.data / f"store-{label(args.store)}"
        if not store.exists():
            generate = [PYTHON, str(BENCH / "generate_store.py"), str(args.store), str(store)]
            subprocess.run(generate, check=True)
        store_timing = measure({"store": ours(store)}, args.runs)["store"]
        size = sum(f.stat().st_size for f in store.rglob("*.parquet")) / 2**20
        lines += ["", f"## Parquet store at national scale ({label(args.store)} dossiers)", "",
                  "Synthetic: 2020–2024, 63 provinces, one file per province and year "
                  f"({size:,.0f} MB, zstd); `report --period {PERIOD} --by unit --format csv` on the store.",
                  "",
                  "| store report |", "|---|", f"| {store_timing.summary()} |"]  # fmt: skip
    start = measure(
        {
            "help": [PYTHON, "-m", "cchc_kpi", "--help"],
            "sample": [
                PYTHON,
                "-m",
                "cchc_kpi",
                "report",
                "--period",
                PERIOD,
                "--by",
                "level,unit",
                "--format",
                "csv",
                "--quiet",
                "sample_data/",
            ],
        },
        max(args.runs, 3),
    )
    lines += ["", "## Start-up", "", "| command | wall, peak |", "|---|---|",
              f"| `cchc-kpi --help` | {start['help'].summary()} |",
              f"| `report` on the sample (5,500 dossiers) | {start['sample'].summary()} |"]  # fmt: skip
    met = targets(csv_timings, xlsx_timing, start, workbook_timing, units_timing, store_timing, args.store)
    lines += ["", "## Targets", "", *met]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.out)


def workbook_bench(path: Path, data: Path, runs: int) -> dict[str, Timing]:
    """The report written as a workbook against the same report as CSV plus the bare writing
    of the workbook's cells (dumped once from a workbook cchc-kpi wrote, not timed)."""
    workbook, cells = data / "report.xlsx", data / "report-cells.json"
    xlsx = [*ours(path)[:-1], "-o", str(workbook), str(path)]
    xlsx.remove("--format")
    xlsx.remove("csv")
    run_once(xlsx)
    subprocess.run(
        [PYTHON, str(BENCH / "floor_xlsxwriter.py"), "dump", str(workbook), str(cells)], check=True
    )
    floor = [PYTHON, str(BENCH / "floor_xlsxwriter.py"), "write", str(cells), str(data / "floor.xlsx")]
    return measure({"xlsx": xlsx, "csv": ours(path), "floor": floor}, runs)


def workbook_ratio(timing: dict[str, Timing]) -> float:
    """The workbook's time over the CSV report's plus the floor's (medians)."""
    return timing["xlsx"].median() / (timing["csv"].median() + timing["floor"].median())


def targets(
    csv_timings: dict[int, dict[str, Timing]],
    xlsx: dict[str, Timing] | None,
    start: dict[str, Timing],
    workbook: dict[str, Timing] | None = None,
    units: dict[str, Timing] | None = None,
    store: Timing | None = None,
    store_rows: int = 0,
) -> list[str]:
    """Each target of issue 17 with the measured value and whether it is met."""
    out = []

    def line(what: str, value: str, met: bool) -> None:
        out.append(f"- {what}: {value} — {'met' if met else 'NOT met'}")

    for rows in (1_000_000, 10_000_000):
        if rows in csv_timings:
            t = csv_timings[rows]
            r = t["ours"].median() / t["duckdb"].median()
            line(f"{label(rows)}-row CSV report ≤ 1.0× the DuckDB peer", f"{r:.2f}×", r <= 1.0)
    if 10_000_000 in csv_timings:
        peak = statistics.median(csv_timings[10_000_000]["ours"].peaks)
        line("10M rows peak memory ≤ 1 GB", f"{peak / 1024:.2f} GB", peak <= 1024)
    if workbook is not None:
        r = workbook_ratio(workbook)
        line(
            "report to .xlsx ≤ 1.2× (the same report to CSV + xlsxwriter writing its cells)",
            f"{r:.2f}×",
            r <= 1.2,
        )
    if units is not None:
        r = units["units"].median() / units["rows"].median()
        line("1M distinct units ≤ 2× the 1M-row report (at the largest size ≤ 1M run)", f"{r:.2f}×", r <= 2.0)
    if xlsx is not None:
        r = xlsx["ours"].median() / xlsx["calamine"].median()
        line("200k-row XLSX report ≤ 1.2× the bare calamine read", f"{r:.2f}×", r <= 1.2)
    help_time = start["help"].median()
    line("`cchc-kpi --help` ≤ 0.3 s", f"{help_time:.2f} s", help_time <= 0.3)
    sample = start["sample"].median()
    line("report on the bundled sample ≤ 1 s", f"{sample:.2f} s", sample <= 1.0)
    if store is not None:
        peak = statistics.median(store.peaks) / 1024
        out.append(f"- {label(store_rows)}-row store report (time and peak shown, no target): "
                   f"{store.median():.1f} s, {peak:.2f} GB")  # fmt: skip
    return out


if __name__ == "__main__":
    main()
