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
    from cchc_kpi.cli.common import deliver, start
    from cchc_kpi.cli.run import prepared_run
    from cchc_kpi.outputs.jobs import dossier_document
    from cchc_kpi.report.dossiers import check_metric, dossier_list

    start(lang, debug, quiet)
    check_metric(metric)  # before any file is read
    prepared, language, _ = prepared_run(
        period=period, paths=paths, inputs=inputs, convention=convention, as_of=as_of, compare_at=compare_at,
        holidays=holidays, working_hours=working_hours, unit=unit, level=level, field=field, sample=sample,
        set_unit=set_unit, sheet=sheet, skip_bad_files=skip_bad_files, duplicate_key=duplicate_key,
        config=config, as_units=as_units, output=output,
    )  # fmt: skip
    deliver(dossier_document(dossier_list(prepared, metric)), output, fmt, language)
