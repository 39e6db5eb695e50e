"""``cchc-kpi report``: the Biểu 06 figures and every rate, per group and period."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.common import (
    DebugOption,
    FormatOption,
    HolidaysOption,
    InputOption,
    LangChoice,
    LangOption,
    OutputFormat,
    PathsArgument,
    QuietOption,
    SetUnitOption,
    SheetOption,
    SkipBadFilesOption,
    WorkingHoursOption,
    note,
    parse_day,
    parse_hours,
    resolve_format,
    start,
)
from cchc_kpi.cli.validate_cmd import DuplicateKeyChoice, DuplicateKeyOption, MaxInvalidOption


class ConventionChoice(StrEnum):
    """Period convention."""

    calendar = "calendar"
    nd09 = "nd09"


class CompareChoice(StrEnum):
    """How close dates are compared with due dates."""

    date = "date"
    datetime = "datetime"


class CsvStyle(StrEnum):
    """CSV dialect."""

    standard = "standard"
    excel_vi = "excel-vi"


def report_command(
    paths: PathsArgument = None,
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="Q1-2024, 2024-05, T5-2024, 5T-2024, H1-2024, 2024, last-month …"
        ),
    ] = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by", "-b", help="Group by unit, level, field, procedure, channel, month (e.g. level,unit)."
        ),
    ] = None,
    convention: Annotated[
        ConventionChoice, typer.Option("--convention", help="calendar, or nd09 (15th → 14th cut-off).")
    ] = ConventionChoice.calendar,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Today for relative periods (yyyy-mm-dd).")
    ] = None,
    compare_at: Annotated[
        CompareChoice, typer.Option("--compare-at", help="date (calendar days) or datetime (working hours).")
    ] = CompareChoice.date,
    holidays: HolidaysOption = None,
    working_hours: WorkingHoursOption = None,
    unit: Annotated[list[str] | None, typer.Option("--unit", help="Only this unit (repeatable).")] = None,
    level: Annotated[list[str] | None, typer.Option("--level", help="Only this level (repeatable).")] = None,
    field: Annotated[list[str] | None, typer.Option("--field", help="Only this field (repeatable).")] = None,
    no_total: Annotated[bool, typer.Option("--no-total", help="Leave out the total row.")] = False,
    metrics: Annotated[
        str | None, typer.Option("--metrics", help="Table columns: bieu06 (default), rates, all, or names.")
    ] = None,
    fmt: FormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to a file: .csv (UTF-8 BOM), .tsv, .json, .md."),
    ] = None,
    csv_style: Annotated[
        CsvStyle,
        typer.Option("--csv-style", help="excel-vi: ';' and decimal commas for Excel in Vietnamese."),
    ] = CsvStyle.standard,
    sample: Annotated[
        bool, typer.Option("--sample", help="Run on the bundled sample data (DỮ LIỆU MẪU).")
    ] = False,
    set_unit: SetUnitOption = None,
    sheet: SheetOption = None,
    skip_bad_files: SkipBadFilesOption = False,
    duplicate_key: DuplicateKeyOption = DuplicateKeyChoice.unit,
    max_invalid: MaxInvalidOption = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Add the metadata footer to the table.")
    ] = False,
    lang: LangOption = LangChoice.vi,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Báo cáo kết quả giải quyết TTHC / Report the figures for a period (Biểu 06 and every rate).

    Exit 0 when the report is produced (even with rejected rows), 1 when rejected rows pass
    --max-invalid (the report is still printed), 2 on usage, input or configuration errors.
    """
    language = start(lang, debug, quiet)
    from cchc_kpi.cli.report_output import emit_report, write_report_file
    from cchc_kpi.errors import EXIT_DATA, UsageError
    from cchc_kpi.grouping import GROUP_KEYS
    from cchc_kpi.ingest import IngestOptions
    from cchc_kpi.inputs import resolve_inputs
    from cchc_kpi.messages import text
    from cchc_kpi.periods import resolve_period
    from cchc_kpi.report import ReportOptions, report_from_dataset
    from cchc_kpi.report_render import metric_names
    from cchc_kpi.sampledata import is_sample, sample_dir
    from cchc_kpi.validation import parse_threshold

    threshold = parse_threshold(max_invalid) if max_invalid is not None else None
    keys = [k.strip() for item in (by or []) for k in item.split(",") if k.strip()]
    if any(k not in GROUP_KEYS for k in keys) or len(set(keys)) != len(keys):
        raise UsageError("usage.bad_by", value=",".join(keys), choices=list(GROUP_KEYS))
    columns = metric_names(metrics)
    options = ReportOptions(
        period=period,
        convention=convention.value,
        compare_at=compare_at.value,
        as_of=parse_day(as_of, "--as-of"),
        by=keys,  # type: ignore[arg-type]
        units=unit or [],
        levels=level or [],
        fields=field or [],
        total=not no_total,
        holidays_file=holidays,
        working_hours=parse_hours(working_hours),
    )
    resolve_period(options.period, options.convention, options.as_of)
    specs = list(paths or []) + list(inputs or []) + ([str(sample_dir())] if sample else [])
    if not specs:
        raise UsageError("usage.no_input_report")
    files = resolve_inputs(specs)
    if output is not None:
        from cchc_kpi.cli.validate_cmd import check_outputs_are_not_inputs

        check_outputs_are_not_inputs([output], specs)
    ingest_options = IngestOptions(
        set_unit=set_unit, duplicate_key=duplicate_key.value, sheet=sheet, skip_bad_files=skip_bad_files
    )
    from cchc_kpi.ingest import ingest

    dataset = ingest([str(f) for f in files], ingest_options)
    report = report_from_dataset(dataset, options, lang=language, sample=sample or is_sample(files))
    excel_vi = csv_style == CsvStyle.excel_vi
    if output is not None:
        write_report_file(output, report, language, columns, excel_vi)
        note(text("report.written", language, path=str(output)))
    if output is None or fmt is not None:
        emit_report(report, resolve_format(fmt), language, columns, excel_vi, verbose)
    for warning in report.warnings:
        note(warning)
    if threshold is not None and threshold.exceeded(report.accounting):
        note(text("validate.exit_rejected", language, count=report.accounting.rows_rejected))
        raise typer.Exit(EXIT_DATA)


__all__ = ["OutputFormat", "report_command"]
