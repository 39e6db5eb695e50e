"""``cchc-kpi reconcile``: our Biểu 06 against one made by other software, with the likely
causes of every difference."""

from __future__ import annotations

import sys
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


def reconcile_command(
    paths: PathsArgument = None,
    period: PeriodOption = ...,  # type: ignore[assignment]
    against: Annotated[
        Path,
        typer.Option(
            "--against",
            "-a",
            help="The Biểu 06 made by other software (.xlsx, .xls, .csv).",
            show_default=False,
        ),
    ] = ...,  # type: ignore[assignment]
    against_sheet: Annotated[
        str | None,
        typer.Option(
            "--against-sheet", help="Its sheet (default: the first that holds a Biểu 06).", show_default=False
        ),
    ] = None,
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
    """Compare our Biểu 06 with one made by other software; say the likely causes of each difference."""
    from cchc_kpi.cli.common import deliver, note, start
    from cchc_kpi.cli.run import prepared_run
    from cchc_kpi.errors import EXIT_DATA
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.outputs.jobs import reconcile_document
    from cchc_kpi.report.reconcile import reconcile
    from cchc_kpi.report.vendor_form import read_vendor_form

    start(lang, debug, quiet)
    form = read_vendor_form(against, against_sheet)  # before the exports are read
    prepared, language, _ = prepared_run(
        period=period, paths=paths, inputs=inputs, convention=convention, as_of=as_of, compare_at=compare_at,
        holidays=holidays, working_hours=working_hours, unit=unit, level=level, field=field, sample=sample,
        set_unit=set_unit, sheet=sheet, skip_bad_files=skip_bad_files, duplicate_key=duplicate_key,
        config=config, as_units=as_units, output=output, exclude=[against],
    )  # fmt: skip
    result = reconcile(prepared, form, language)
    deliver(reconcile_document(result), output, fmt, language)
    if not result.agree:
        if output is not None or not sys.stdout.isatty():  # on a terminal the table says it
            note(text("reconcile.summary", language, cells=len(result.differences), lines=result.compared))
        raise typer.Exit(EXIT_DATA)
