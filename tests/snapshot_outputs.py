"""Snapshots of every command's output on the sample data and the fixtures.

A restructuring or a speed-up must not change a figure, a rejected row, a warning or a
cell of the workbook. ``tests/test_snapshots.py`` runs the cases below and compares each
output with the file committed in ``tests/snapshots/``; an intended change of output is
recorded with::

    .venv/bin/python tests/snapshot_outputs.py --update      # all cases
    .venv/bin/python tests/snapshot_outputs.py --update NAME # one case

Timestamps (``generated_at``, the workbook's "generated" line) are replaced by a marker.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
FIX = "tests/fixtures"
SAMPLE = "sample_data/"
CATALOG = "examples/danh-muc-tthc.csv"
AS_OF = ("--as-of", "2026-01-01")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?")


@dataclass(frozen=True)
class Case:
    """One command whose stdout (or written file) is kept."""

    name: str
    args: tuple[str, ...]
    output: str | None = None  # a file the command writes (its name in a temporary folder)


def _report(name: str, *args: str, output: str | None = None) -> Case:
    return Case(name, ("report", *args), output)


CASES: tuple[Case, ...] = (
    _report("report_sample_json", "-p", "Q1-2024", "--by", "level,unit", SAMPLE, "-f", "json"),
    _report("report_sample_csv", "-p", "Q1-2024", "--by", "level,unit", SAMPLE, "-f", "csv"),
    _report("report_sample_table", "-p", "Q1-2024", "--by", "level,unit", SAMPLE, "-f", "table"),
    _report("report_sample_text", "-p", "Q1-2024", SAMPLE, "-f", "text"),
    _report("report_sample_text_unit", "-p", "Q1-2024", SAMPLE, "-f", "text", "--narrative-by", "unit"),
    _report("report_sample_markdown_en", "-p", "Q1-2024", "--by", "field", SAMPLE, "-f", "markdown", "--lang", "en"),
    _report("report_sample_vertical", "-p", "Q1-2024", SAMPLE, "-f", "table"),
    _report("report_sample_month_compare", "-p", "H1-2024", "--by", "month", "--compare", "previous", SAMPLE, "-f", "json"),
    _report("report_sample_catalog", "-p", "Q2-2024", "--by", "level", "--catalog", CATALOG, SAMPLE, "-f", "json"),
    _report("report_sample_nd09_datetime", "-p", "Q1-2024", "--convention", "nd09", "--compare-at", "datetime", "--by", "unit", SAMPLE, "-f", "csv"),
    _report("report_sample_xlsx", "-p", "Q1-2024", SAMPLE, output="bc.xlsx"),
    _report("report_sample_xlsx_month", "-p", "H1-2024", "--by", "month", "--compare", "last-year", "--catalog", CATALOG, SAMPLE, output="bc.xlsx"),
    _report("report_golden_json", "-p", "Q1-2024", *AS_OF, "--by", "unit", f"{FIX}/golden_a.csv", f"{FIX}/golden_b.csv", "-f", "json"),
    _report("report_golden_xlsx", "-p", "Q1-2024", *AS_OF, f"{FIX}/golden_a.csv", f"{FIX}/golden_b.csv", output="bc.xlsx"),
    _report("report_targets", "-p", "Q1-2024", *AS_OF, "--by", "level,unit", "--config", f"{FIX}/targets.toml", f"{FIX}/golden_a.csv", f"{FIX}/golden_b.csv", "-f", "csv"),
    _report("report_rollup", "-p", "Q1-2024", *AS_OF, "--by", "area", "--config", f"{FIX}/rollup.toml", f"{FIX}/rollup.csv", "-f", "json"),
    _report("report_two_years", "-p", "Q1-2024", *AS_OF, "--by", "unit", "--compare", "last-year", f"{FIX}/two_years.csv", "-f", "json"),
    _report("report_excel_vi", "-p", "Q1-2024", *AS_OF, "--by", "unit", f"{FIX}/golden_a.csv", "--csv-style", "excel-vi", "-f", "csv"),
    Case("validate_sample", ("validate", SAMPLE, "-f", "json")),
    Case("validate_fixtures", ("validate", f"{FIX}/bad_dates.csv", f"{FIX}/duplicates.csv", f"{FIX}/title_block.csv",
         f"{FIX}/merged_header.xlsx", f"{FIX}/html_export.xls", f"{FIX}/legacy.xls", f"{FIX}/unit_groups.xlsx",
         f"{FIX}/semicolon_bom.csv", f"{FIX}/legacy_1258.csv", f"{FIX}/vocabulary.csv", "-f", "json", "--max-invalid", "100%")),
    Case("validate_table_en", ("validate", f"{FIX}/bad_dates.csv", "-f", "table", "--lang", "en", "--max-invalid", "100%")),
    Case("overdue_sample", ("overdue", "-p", "Q1-2024", "--due-within", "3", SAMPLE, "-f", "json")),
    Case("overdue_golden_csv", ("overdue", "-p", "Q1-2024", *AS_OF, f"{FIX}/golden_a.csv", f"{FIX}/golden_b.csv", "-f", "csv")),
    Case("score766_sample", ("score766", "-p", "Q1-2024", "--by", "unit", "--catalog", CATALOG, SAMPLE, "-f", "json")),
    Case("score766_table", ("score766", "-p", "Q1-2024", *AS_OF, f"{FIX}/score766_dossiers.csv", "-f", "table")),
    Case("score766_xlsx", ("score766", "-p", "Q1-2024", "--by", "unit", SAMPLE), output="diem.xlsx"),
    Case("calendar_2024", ("calendar", "--year", "2024", "-f", "json")),
    Case("calendar_table", ("calendar", "--year", "2025", "-f", "table")),
    Case("calendar_count", ("calendar", "--count", "2024-04-26", "2024-05-06", "-f", "json")),
    Case("catalog", ("catalog", CATALOG, "-f", "json")),
    Case("inspect_xlsx", ("inspect", "sample_data/bao-cao-ho-so-cam-ranh.xlsx", "-f", "json")),
    Case("inspect_dvcqg", ("inspect", "sample_data/dvcqg-van-ninh.csv", "-f", "json")),
    Case("inspect_html", ("inspect", f"{FIX}/html_export.xls", "-f", "table")),
)  # fmt: skip


def _normalise(text: str) -> str:
    return TIMESTAMP.sub("<timestamp>", text)


def _workbook_dump(path: Path) -> str:
    """Every cell of every sheet as ``sheet!A1 = value`` lines, with the sheet setup."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"== {sheet.title} ({sheet.dimensions})")
        lines.append(f"merged: {sorted(str(r) for r in sheet.merged_cells.ranges)}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                value = cell.value
                fmt = cell.number_format if cell.number_format != "General" else ""
                fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else ""
                lines.append(f"{cell.coordinate} = {value!r} {fmt} {fill}".rstrip())
    return "\n".join(lines) + "\n"


def _about_generated(dump: str) -> str:
    """The workbook's information sheet names the time it was made: not part of the snapshot."""
    dump = re.sub(r"(= )'\d{2}/\d{2}/\d{4} \d{2}:\d{2}'", r"\1'<generated>'", dump)
    return re.sub(r"ngày \d{2} tháng \d{1,2} năm \d{4}", "ngày <generated>", dump)  # the form's date line


def run_case(case: Case, python: str = sys.executable) -> str:
    """Run one case as its own process; return its normalised output."""
    env = {**os.environ, "COLUMNS": "200", "LINES": "60", "TERM": "dumb", "NO_COLOR": "1",
           "XDG_CONFIG_HOME": "/nonexistent-cchc-kpi"}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        args = list(case.args)
        target = Path(tmp) / case.output if case.output else None
        if target is not None:
            args += ["-o", str(target), "--quiet"]
        done = subprocess.run(
            [python, "-m", "cchc_kpi", *args], cwd=ROOT, env=env, capture_output=True, check=False
        )
        header = f"$ cchc-kpi {' '.join(case.args)}\nexit {done.returncode}\n"
        stderr = done.stderr.decode("utf-8", "replace")
        if target is not None:
            body = _about_generated(_workbook_dump(target)) if target.is_file() else "(no file)\n"
        else:
            body = done.stdout.decode("utf-8", "replace")
            if body.lstrip().startswith(("{", "[")):
                body = json.dumps(json.loads(body), ensure_ascii=False, indent=1) + "\n"
        return _normalise(f"{header}--- stderr\n{stderr}--- output\n{body}")


def snapshot_path(name: str) -> Path:
    """Where a case's snapshot is kept."""
    return SNAPSHOTS / f"{name}.txt"


def main(argv: list[str] | None = None, runner: Callable[[Case], str] = run_case) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--update", action="store_true", help="write the snapshots instead of comparing")
    parser.add_argument("names", nargs="*", help="only these cases")
    args = parser.parse_args(argv)
    chosen = [c for c in CASES if not args.names or c.name in args.names]
    SNAPSHOTS.mkdir(exist_ok=True)
    changed = 0
    for case in chosen:
        got = runner(case)
        path = snapshot_path(case.name)
        if args.update:
            path.write_text(got, encoding="utf-8")
        elif not path.is_file() or path.read_text(encoding="utf-8") != got:
            changed += 1
            print(f"differs: {case.name}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
