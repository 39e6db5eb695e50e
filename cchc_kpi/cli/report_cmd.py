"""``cchc-kpi report``: the Biểu 06 figures and every rate, per group and period."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.common import (
    DebugOption,
    FormatOption,
    HolidaysOption,
    InputOption,
    LangOption,
    OutputFormat,
    PathsArgument,
    QuietOption,
    SetUnitOption,
    SheetOption,
    SkipBadFilesOption,
    WorkingHoursOption,
    note,
    resolve_format,
    start,
    write_stdout,
)
from cchc_kpi.cli.run import (
    AsOfOption,
    AsUnitsOption,
    CatalogOption,
    CompareOption,
    CompareWithOption,
    ConfigOption,
    ConventionOption,
    FieldFilter,
    LevelFilter,
    PeriodOption,
    SampleOption,
    UnitFilter,
    build_options,
    load_config,
    miss_line,
    read_inputs,
)
from cchc_kpi.cli.validate_cmd import DuplicateKeyOption, MaxInvalidOption


class NarrativeChoice(StrEnum):
    """Paragraphs of the written report per level or per unit."""

    level = "level"
    unit = "unit"


class CsvStyle(StrEnum):
    """CSV dialect."""

    standard = "standard"
    excel_vi = "excel-vi"


def report_command(
    paths: PathsArgument = None,
    period: PeriodOption = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by", "-b", help="Group by unit, level, field, procedure, channel, month (e.g. level,unit)."
        ),
    ] = None,
    convention: ConventionOption = None,
    as_of: AsOfOption = None,
    compare_at: CompareOption = None,
    compare: CompareWithOption = None,
    catalog: CatalogOption = None,
    holidays: HolidaysOption = None,
    working_hours: WorkingHoursOption = None,
    unit: UnitFilter = None,
    level: LevelFilter = None,
    field: FieldFilter = None,
    no_total: Annotated[bool, typer.Option("--no-total", help="Leave out the total row.")] = False,
    metrics: Annotated[
        str | None, typer.Option("--metrics", help="Table columns: bieu06 (default), rates, all, or names.")
    ] = None,
    fmt: FormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to a file: .xlsx (full workbook), .csv (UTF-8 BOM), .tsv, .json, .md.",
        ),
    ] = None,
    csv_style: Annotated[
        CsvStyle,
        typer.Option("--csv-style", help="excel-vi: ';' and decimal commas for Excel in Vietnamese."),
    ] = CsvStyle.standard,
    narrative_by: Annotated[
        NarrativeChoice,
        typer.Option("--narrative-by", help="--format text: one paragraph per level (default) or per unit."),
    ] = NarrativeChoice.level,
    sample: SampleOption = False,
    set_unit: SetUnitOption = None,
    sheet: SheetOption = None,
    skip_bad_files: SkipBadFilesOption = False,
    duplicate_key: DuplicateKeyOption = None,
    max_invalid: MaxInvalidOption = None,
    config: ConfigOption = None,
    as_units: AsUnitsOption = None,
    fail_on_target_miss: Annotated[
        bool, typer.Option("--fail-on-target-miss", help="Exit 3 when a target is missed (for cron alerts).")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Add the metadata footer to the table.")
    ] = False,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Báo cáo kết quả giải quyết TTHC / Report the figures for a period (Biểu 06 and every rate).

    Exit 0 when the report is produced (even with rejected rows), 1 when rejected rows pass
    --max-invalid (the report is still printed), 2 on usage, input or configuration errors.
    """
    start(lang, debug, quiet)
    from cchc_kpi.cli.common import STATE
    from cchc_kpi.cli.report_output import emit_report, output_path, write_report_file
    from cchc_kpi.errors import EXIT_DATA, EXIT_TARGETS
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.ingestion.validate import parse_threshold
    from cchc_kpi.outputs.report_tables import metric_names
    from cchc_kpi.report.build import report_from_dataset

    threshold = parse_threshold(max_invalid) if max_invalid is not None else None
    columns = metric_names(metrics)
    settings = load_config(config)
    language = STATE.lang
    options = build_options(
        period, convention, as_of, compare_at, holidays, working_hours, unit, level, field, by, not no_total,
        settings, as_units, compare, catalog,
    )  # fmt: skip
    output = output_path(output, settings, options)
    if fmt is None and settings is not None and settings.report.format:
        fmt = OutputFormat(settings.report.format)
    specs = list(paths or []) + list(inputs or [])
    outputs = [output] if output is not None else []
    key = duplicate_key.value if duplicate_key else None
    dataset, is_sample = read_inputs(
        specs, sample, outputs, set_unit, sheet, skip_bad_files, key, settings, options
    )
    report = report_from_dataset(dataset, options, lang=language, sample=is_sample)
    excel_vi = csv_style == CsvStyle.excel_vi
    if output is not None:
        write_report_file(output, report, language, columns, excel_vi, dataset, options)
        note(text("report.written", language, path=str(output)))
    if fmt == OutputFormat.text:
        from cchc_kpi.outputs.narrative import narrative

        write_stdout("\n\n".join(narrative(dataset, options, language, narrative_by.value)) + "\n")
    elif output is None or fmt is not None:
        emit_report(report, resolve_format(fmt), language, columns, excel_vi, verbose)
    for warning in report.warnings:
        note(warning)
    if threshold is not None and threshold.exceeded(report.accounting):
        note(text("validate.exit_rejected", language, count=report.accounting.rows_rejected))
        raise typer.Exit(EXIT_DATA)
    if fail_on_target_miss and report.target_misses:
        for miss in report.target_misses:
            sys.stderr.write(miss_line(miss, language) + "\n")
        raise typer.Exit(EXIT_TARGETS)
