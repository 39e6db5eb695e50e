"""``cchc-kpi overdue``: late and overdue dossiers, and those due soon (apology letters)."""

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


def overdue_command(
    paths: PathsArgument = None,
    period: PeriodOption = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
    due_within: Annotated[
        int | None,
        typer.Option("--due-within", min=0, help="Also list pending dossiers due within N working days."),
    ] = None,
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
    """Late and overdue dossiers with working days late and apology status."""
    from cchc_kpi.cli.common import deliver, start
    from cchc_kpi.cli.run import prepared_run
    from cchc_kpi.outputs.jobs import overdue_document
    from cchc_kpi.report.overdue import overdue_list

    start(lang, debug, quiet)
    prepared, language, _ = prepared_run(
        period=period, paths=paths, inputs=inputs, convention=convention, as_of=as_of, compare_at=compare_at,
        holidays=holidays, working_hours=working_hours, unit=unit, level=level, field=field, sample=sample,
        set_unit=set_unit, sheet=sheet, skip_bad_files=skip_bad_files, duplicate_key=duplicate_key,
        config=config, as_units=as_units, output=output,
    )  # fmt: skip
    deliver(overdue_document(overdue_list(prepared, due_within)), output, fmt, language)
