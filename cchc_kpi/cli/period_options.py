"""Options shared by the commands that report on a period (report, overdue, score766)
and the common steps: building the report options, reading the inputs once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cchc_kpi.cli.common import parse_day, parse_hours

if TYPE_CHECKING:
    from cchc_kpi.ingest import Dataset
    from cchc_kpi.report import ReportOptions


class ConventionChoice(StrEnum):
    """Period convention."""

    calendar = "calendar"
    nd09 = "nd09"


class CompareChoice(StrEnum):
    """How close dates are compared with due dates."""

    date = "date"
    datetime = "datetime"


PeriodOption = Annotated[
    str,
    typer.Option("--period", "-p", help="Q1-2024, 2024-05, T5-2024, 5T-2024, H1-2024, 2024, last-month …"),
]
ConventionOption = Annotated[
    ConventionChoice, typer.Option("--convention", help="calendar, or nd09 (15th → 14th cut-off).")
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Today for relative periods (yyyy-mm-dd).")]
CompareOption = Annotated[
    CompareChoice, typer.Option("--compare-at", help="date (calendar days) or datetime (working hours).")
]
UnitFilter = Annotated[list[str] | None, typer.Option("--unit", help="Only this unit (repeatable).")]
LevelFilter = Annotated[list[str] | None, typer.Option("--level", help="Only this level (repeatable).")]
FieldFilter = Annotated[list[str] | None, typer.Option("--field", help="Only this field (repeatable).")]
SampleOption = Annotated[bool, typer.Option("--sample", help="Run on the bundled sample data (DỮ LIỆU MẪU).")]


def build_options(
    period: str,
    convention: ConventionChoice,
    as_of: str | None,
    compare_at: CompareChoice,
    holidays: Path | None,
    working_hours: str | None,
    units: list[str] | None,
    levels: list[str] | None,
    fields: list[str] | None,
    by: list[str] | None = None,
    total: bool = True,
) -> ReportOptions:
    """Check and gather the period options; a wrong period fails before any file is read."""
    from cchc_kpi.errors import UsageError
    from cchc_kpi.grouping import GROUP_KEYS
    from cchc_kpi.periods import resolve_period
    from cchc_kpi.report import ReportOptions

    keys = [k.strip() for item in (by or []) for k in item.split(",") if k.strip()]
    if any(k not in GROUP_KEYS for k in keys) or len(set(keys)) != len(keys):
        raise UsageError("usage.bad_by", value=",".join(keys), choices=list(GROUP_KEYS))
    options = ReportOptions(
        period=period,
        convention=convention.value,
        compare_at=compare_at.value,
        as_of=parse_day(as_of, "--as-of"),
        by=keys,  # type: ignore[arg-type]
        units=units or [],
        levels=levels or [],
        fields=fields or [],
        total=total,
        holidays_file=holidays,
        working_hours=parse_hours(working_hours),
    )
    resolve_period(options.period, options.convention, options.as_of)
    return options


def read_inputs(
    specs: list[str],
    sample: bool,
    outputs: list[Path],
    set_unit: str | None,
    sheet: str | None,
    skip_bad_files: bool,
    duplicate_key: str,
) -> tuple[Dataset, bool]:
    """Resolve and read the inputs once; return the dataset and whether it is the sample."""
    from cchc_kpi.cli.validate_cmd import check_outputs_are_not_inputs
    from cchc_kpi.errors import UsageError
    from cchc_kpi.ingest import IngestOptions, ingest
    from cchc_kpi.inputs import resolve_inputs
    from cchc_kpi.sampledata import is_sample, sample_dir

    specs = specs + ([str(sample_dir())] if sample else [])
    if not specs:
        raise UsageError("usage.no_input_report")
    files = resolve_inputs(specs)
    if outputs:
        check_outputs_are_not_inputs(outputs, specs)
    options = IngestOptions(
        set_unit=set_unit,
        duplicate_key=duplicate_key,  # type: ignore[arg-type]
        sheet=sheet,
        skip_bad_files=skip_bad_files,
    )
    return ingest([str(f) for f in files], options), sample or is_sample(files)
