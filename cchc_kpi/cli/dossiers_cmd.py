"""``cchc-kpi dossiers``: the dossiers counted in one figure of the report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.options import (
    AsOfOption,
    AsUnitsOption,
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


def dossiers_command(
    paths: PathsArgument = None,
    period: PeriodOption = ...,  # type: ignore[assignment]
    metric: Annotated[
        str,
        typer.Option(
            "--metric", "-m", help="The count whose dossiers to list (resolved_late, carried_over …)."
        ),
    ] = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
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
        Path | None, typer.Option("--output", "-o", help="Write to a file: .xlsx, .csv, .tsv, .json, .md.")
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
    """List the dossiers counted in one figure of the report, with why each counts."""
    from cchc_kpi.cli.common import announce_skipped, emit, note, start
    from cchc_kpi.cli.progress import progress_display
    from cchc_kpi.cli.run import ingest_options, input_specs, load_settings, report_options
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.outputs.files import write_output
    from cchc_kpi.outputs.jobs import dossier_document
    from cchc_kpi.report.dossiers import check_metric, dossier_list
    from cchc_kpi.report.run import open_run

    start(lang, debug, quiet)
    check_metric(metric)  # before any file is read
    settings, language = load_settings(config)
    options = report_options(
        period, convention, as_of, compare_at, holidays, working_hours, unit, level, field,
        config=settings, as_units=as_units,
    )  # fmt: skip
    specs = input_specs(paths, inputs, settings, sample)
    reading = ingest_options(set_unit, sheet, skip_bad_files, duplicate_key, settings)
    with progress_display(language) as step:
        prepared = open_run(specs, options, reading, outputs=[output] if output else [], progress=step)
    announce_skipped(prepared.dataset.skipped(language), language)
    document = dossier_document(dossier_list(prepared, metric))
    if output is not None:
        write_output(output, document, language)
        note(text("report.written", language, path=str(output)))
        if fmt is None:
            return
    emit(document, fmt, language)
