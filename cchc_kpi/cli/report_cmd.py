"""``cchc-kpi report``: the Biểu 06 figures and every rate, per group and period."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_kpi.cli.options import (
    AsOfOption,
    AsUnitsOption,
    CatalogOption,
    CompareOption,
    CompareWithOption,
    ConfigOption,
    ConventionOption,
    DebugOption,
    DuplicateKeyOption,
    FieldFilter,
    FormatOption,
    HolidaysOption,
    InputOption,
    LangOption,
    LevelFilter,
    MaxInvalidOption,
    PathsArgument,
    PeriodOption,
    QuietOption,
    SampleOption,
    SetUnitOption,
    SheetOption,
    SkipBadFilesOption,
    UnitFilter,
    WorkingHoursOption,
)
from cchc_kpi.schema.choices import NarrativeBy

CsvStyle = Literal["standard", "excel-vi"]


def report_command(
    paths: PathsArgument = None,
    period: PeriodOption = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            "-b",
            help="Group by unit, level, area, field, procedure, channel, month (e.g. level,unit).",
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
            help=("Write to a file: .xlsx (workbook), .docx (report), .csv (UTF-8 BOM), .tsv, .json, .md."),
        ),
    ] = None,
    csv_style: Annotated[
        CsvStyle,
        typer.Option("--csv-style", help="excel-vi: ';' and decimal commas for Excel in Vietnamese."),
    ] = "standard",
    narrative_by: Annotated[
        NarrativeBy,
        typer.Option("--narrative-by", help="--format text: one paragraph per level (default) or per unit."),
    ] = "level",
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
    """Report the figures for a period (Biểu 06 and every rate); rejected rows do not stop it."""
    from cchc_kpi.cli.common import announce_skipped, emit, note, start
    from cchc_kpi.cli.progress import progress_display
    from cchc_kpi.cli.run import (
        ingest_options,
        input_specs,
        load_settings,
        miss_line,
        output_path,
        read_sample,
        report_options,
    )
    from cchc_kpi.errors import EXIT_DATA, EXIT_TARGETS
    from cchc_kpi.i18n.messages import Message, text
    from cchc_kpi.ingestion.validate import parse_threshold
    from cchc_kpi.outputs.documents import FileWriter
    from cchc_kpi.outputs.files import write_output
    from cchc_kpi.outputs.jobs import report_document
    from cchc_kpi.outputs.report_tables import metric_names
    from cchc_kpi.report.build import report_for
    from cchc_kpi.report.run import open_run, run_period

    start(lang, debug, quiet)
    threshold = parse_threshold(max_invalid)
    columns = metric_names(metrics)
    settings, language = load_settings(config)
    options = report_options(
        period, convention, as_of, compare_at, holidays, working_hours, unit, level, field, by, not no_total,
        settings, as_units, compare, catalog,
    )  # fmt: skip
    resolved = run_period(options)
    output = output_path(output, settings, resolved)
    if fmt is None and settings is not None and settings.report.format:
        fmt = settings.report.format
    specs = input_specs(paths, inputs, settings, sample)
    reading = ingest_options(set_unit, sheet, skip_bad_files, duplicate_key, settings)
    with progress_display(language) as step:
        prepared = open_run(
            specs, options, reading, period=resolved, outputs=[output] if output else [], progress=step
        )
        step(Message("progress.report"))
        is_sample = sample or read_sample([i.path for i in prepared.dataset.inputs])
        report = report_for(prepared, lang=language, sample=is_sample)
        writers: dict[str, FileWriter] = {}
        form = settings.form if settings is not None else None
        suffix = output.suffix.lower() if output is not None else ""
        if suffix == ".xlsx":
            from cchc_kpi.outputs.workbook.report import write_report_workbook
            from cchc_kpi.report.bundle import workbook_content

            content = workbook_content(prepared, report, language, is_sample)
            writers[".xlsx"] = lambda path, lang_: write_report_workbook(path, content, lang_, form)
        elif suffix == ".docx":
            from cchc_kpi.outputs.word.report import write_word_report
            from cchc_kpi.report.bundle import written_document

            letter = written_document(prepared, report, language, is_sample, narrative_by)
            writers[".docx"] = lambda path, lang_: write_word_report(path, letter, lang_, form)
        written = None
        if fmt == "text":
            from cchc_kpi.report.written import units_in_period, written_report

            written = written_report(
                prepared, narrative_by, language, units_in_period(prepared), compare=options.compare
            )
        document = report_document(
            report, columns=columns, excel_vi=csv_style == "excel-vi", verbose=verbose, written=written,
            writers=writers,
        )  # fmt: skip
        if output is not None:
            step(Message("progress.write", {"path": str(output)}))
            write_output(output, document, language)
    announce_skipped(prepared.dataset.skipped(language), language)
    if output is not None:
        note(text("report.written", language, path=str(output)))
    if output is None or fmt is not None:
        emit(document, fmt, language)
    for warning in report.warnings:
        note(warning)
    if report.accounting.rows_rejected and not report.accounting.rows_used:
        note(text("report.all_rejected", language, count=report.accounting.rows_rejected), always=True)
        raise typer.Exit(EXIT_DATA)
    if threshold.exceeded(report.accounting):
        note(text("validate.exit_rejected", language, count=report.accounting.rows_rejected))
        raise typer.Exit(EXIT_DATA)
    if fail_on_target_miss and report.target_misses:
        for miss in report.target_misses:
            sys.stderr.write(miss_line(miss, language) + "\n")
        raise typer.Exit(EXIT_TARGETS)
