"""Every option and argument the commands share, declared once (Typer reads them from
the commands' signatures). Kept free of heavy imports so that ``--help`` is instant."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.schema.choices import CompareAt, CompareWith, Convention, DuplicateKey, Format, Lang

LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", envvar="CCHC_KPI_LANG", help="Ngôn ngữ / language: vi (default), en.", show_default=False
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the traceback of an error (no local variables).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors and the result.")]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal default), csv (piped default), tsv, json, markdown; report: also text.",
    ),
]
PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Export files, folders or glob patterns.", show_default=False),
]
InputOption = Annotated[
    list[str] | None,
    typer.Option("--input", "-i", help="An export file, folder or glob (repeatable).", show_default=False),
]
SetUnitOption = Annotated[
    str | None,
    typer.Option("--set-unit", help="Unit name for exports that have no unit column."),
]

SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", help="Read only this sheet of each workbook (default: every dossier sheet)."),
]
SkipBadFilesOption = Annotated[
    bool,
    typer.Option(
        "--skip-bad-files", help="Leave out unreadable files (listed in the accounting) instead of stopping."
    ),
]


HolidaysOption = Annotated[
    Path | None,
    typer.Option(
        "--holidays", help="Your own calendar table (CSV: date,kind,name,source) on top of the bundled one."
    ),
]
WorkingHoursOption = Annotated[
    str | None, typer.Option("--working-hours", help="Office hours, default 07:30-17:00.")
]


PeriodOption = Annotated[
    str,
    typer.Option("--period", "-p", help="Q1-2024, 2024-05, T5-2024, 5T-2024, H1-2024, 2024, last-month …"),
]
ConventionOption = Annotated[
    Convention | None,
    typer.Option(
        "--convention", help="calendar (default), or nd09 (15th → 14th cut-off).", show_default=False
    ),
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Today for relative periods (yyyy-mm-dd).")]
CompareOption = Annotated[
    CompareAt | None,
    typer.Option(
        "--compare-at", help="date (calendar days, default) or datetime (working hours).", show_default=False
    ),
]


CompareWithOption = Annotated[
    CompareWith | None,
    typer.Option(
        "--compare",
        help="Add <metric>_prev and <metric>_change: previous (the period just before) or last-year.",
        show_default=False,
    ),
]
CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help="Procedure catalogue (CSV/Excel: Mã TTHC, Tên TTHC, Cấp thực hiện, Mức độ, Phí).",
    ),
]
UnitFilter = Annotated[list[str] | None, typer.Option("--unit", help="Only this unit (repeatable).")]
LevelFilter = Annotated[list[str] | None, typer.Option("--level", help="Only this level (repeatable).")]
FieldFilter = Annotated[list[str] | None, typer.Option("--field", help="Only this field (repeatable).")]
SampleOption = Annotated[bool, typer.Option("--sample", help="Run on the bundled sample data (DỮ LIỆU MẪU).")]


ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Configuration file (default ./cchc-kpi.toml, then ~/.config/cchc-kpi/)."),
]
AsUnitsOption = Annotated[
    str | None,
    typer.Option(
        "--as-units", help="Count former units under their successors as of this date (e.g. 2025-07-01)."
    ),
]


DuplicateKeyOption = Annotated[
    DuplicateKey | None,
    typer.Option(
        "--duplicate-key",
        help="unit: a dossier is (unit, dossier code); id: the code alone (DVCQG codes are unique).",
    ),
]
MaxInvalidOption = Annotated[
    str | None,
    typer.Option(
        "--max-invalid",
        help=(
            "Rejected rows tolerated before exit 1: N rows or P% of the dossier rows "
            "(default: over 1% and over 10 rows, or over half)."
        ),
    ),
]
