"""``cchc-kpi score766``: an estimate of the QĐ 766 index from the dossier list, and
``cchc-kpi catalog``: procedures by online service level per tier."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_kpi.cli.options import (
    AsOfOption,
    AsUnitsOption,
    CatalogOption,
    CompareOption,
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


def score766_command(
    paths: PathsArgument = None,
    period: PeriodOption = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
    by: Annotated[
        Literal["unit"] | None, typer.Option("--by", "-b", help="unit: an estimate per unit too.")
    ] = None,
    catalog: CatalogOption = None,
    convention: ConventionOption = None,
    as_of: AsOfOption = None,
    compare_at: CompareOption = None,
    holidays: HolidaysOption = None,
    working_hours: WorkingHoursOption = None,
    unit: UnitFilter = None,
    level: LevelFilter = None,
    field: FieldFilter = None,
    fmt: FormatOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to a file: .xlsx, .json, .csv, .tsv, .md.")
    ] = None,
    sample: SampleOption = False,
    set_unit: SetUnitOption = None,
    sheet: SheetOption = None,
    skip_bad_files: SkipBadFilesOption = False,
    duplicate_key: DuplicateKeyOption = None,
    config: ConfigOption = None,
    as_units: AsUnitsOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Estimate the QĐ 766 index from what dossiers allow (an estimate)."""
    from cchc_kpi.cli.common import announce_skipped, emit, note, start
    from cchc_kpi.cli.progress import progress_display
    from cchc_kpi.cli.run import ingest_options, input_specs, load_settings, read_sample, report_options
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.outputs.files import write_output
    from cchc_kpi.outputs.jobs import score_document
    from cchc_kpi.report.run import open_run
    from cchc_kpi.report.score766 import score766_for, score_basis

    start(lang, debug, quiet)
    settings, language = load_settings(config)
    options = report_options(
        period, convention, as_of, compare_at, holidays, working_hours, unit, level, field,
        config=settings, as_units=as_units, catalog=catalog,
    )  # fmt: skip
    specs = input_specs(paths, inputs, settings, sample)
    reading = ingest_options(set_unit, sheet, skip_bad_files, duplicate_key, settings)
    with progress_display(language) as step:
        prepared = open_run(specs, options, reading, outputs=[output] if output else [], progress=step)
    announce_skipped(prepared.dataset.skipped(language), language)
    is_sample = sample or read_sample([i.path for i in prepared.dataset.inputs])
    basis = score_basis(prepared, by is not None, language, sample=is_sample)
    report = score766_for(prepared, basis, by_unit=by is not None, lang=language, sample=is_sample)
    document = score_document(report)
    if output is not None:
        write_output(output, document, language)
        note(text("report.written", language, path=str(output)))
    if output is None or fmt is not None:
        emit(document, fmt, language)
    for warning in report.warnings:
        note(warning)


def catalog_command(
    path: Annotated[Path, typer.Argument(help="The procedure catalogue (CSV or Excel).", show_default=False)],
    fmt: FormatOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Count the procedures of a catalogue by online service level per tier."""
    from cchc_kpi.cli.common import emit, no_limits, note, start
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.kpi.procedure_catalog import catalog_counts, read_catalog
    from cchc_kpi.outputs.jobs import catalog_document
    from cchc_kpi.read.limits import Limits

    language = start(lang, debug, quiet)
    catalog = read_catalog(path, Limits.none() if no_limits() else Limits())
    emit(catalog_document(catalog_counts(catalog)), fmt, language)
    if catalog.rows_ignored:
        note(text("catalog.ignored", language, count=len(catalog.rows_ignored), rows=catalog.rows_ignored))
