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
        Path | None,
        typer.Option("--output", "-o", help="Write to a file: .xlsx, .docx, .json, .csv, .tsv, .md."),
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
    from cchc_kpi.cli.common import deliver, note, start
    from cchc_kpi.cli.run import prepared_run, read_sample
    from cchc_kpi.outputs.jobs import score_document
    from cchc_kpi.report.score766 import score766_for, score_basis

    start(lang, debug, quiet)
    prepared, language, form = prepared_run(
        period=period, paths=paths, inputs=inputs, convention=convention, as_of=as_of, compare_at=compare_at,
        holidays=holidays, working_hours=working_hours, unit=unit, level=level, field=field, sample=sample,
        set_unit=set_unit, sheet=sheet, skip_bad_files=skip_bad_files, duplicate_key=duplicate_key,
        config=config, as_units=as_units, output=output, catalog=catalog,
    )  # fmt: skip
    is_sample = sample or read_sample([i.path for i in prepared.dataset.inputs])
    basis = score_basis(prepared, by is not None, language, sample=is_sample)
    report = score766_for(prepared, basis, by_unit=by is not None, lang=language, sample=is_sample)
    deliver(score_document(report, form), output, fmt, language)
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
