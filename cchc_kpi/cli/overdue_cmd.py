"""``cchc-kpi overdue``: late and overdue dossiers, and those due soon (apology letters)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    emit_json,
    emit_table,
    note,
    resolve_format,
    start,
    write_stdout,
)
from cchc_kpi.cli.run import (
    AsOfOption,
    AsUnitsOption,
    CompareOption,
    ConfigOption,
    ConventionOption,
    FieldFilter,
    LevelFilter,
    PeriodOption,
    SampleOption,
    UnitFilter,
    build_options,
    load_config,
    read_inputs,
)
from cchc_kpi.cli.validate_cmd import DuplicateKeyOption

if TYPE_CHECKING:
    from cchc_kpi.i18n.numfmt import Lang
    from cchc_kpi.report.overdue import OverdueReport


def overdue_machine_rows(report: OverdueReport) -> list[dict[str, object]]:
    """Rows for CSV/TSV: the list's columns with raw values."""
    from cchc_kpi.report.overdue import COLUMNS

    return [{k: r.get(k) for k in COLUMNS} for r in report.rows]


def _write_file(path: Path, report: OverdueReport, lang: Lang) -> None:
    from cchc_kpi.atomic import atomic_path, write_text_atomic
    from cchc_kpi.errors import UsageError
    from cchc_kpi.outputs.tables import Column, Table, to_delimited, to_markdown
    from cchc_kpi.report.overdue import COLUMNS, overdue_table

    suffix = path.suffix.lower()
    machine = Table(columns=[Column(key=k, label=k) for k in COLUMNS], rows=overdue_machine_rows(report))
    if suffix == ".csv":
        write_text_atomic(path, "\ufeff" + to_delimited(machine, ","))
    elif suffix == ".tsv":
        write_text_atomic(path, to_delimited(machine, "\t"))
    elif suffix == ".json":
        import json

        write_text_atomic(
            path, json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        )
    elif suffix == ".md":
        write_text_atomic(path, to_markdown(overdue_table(report, lang), lang))
    elif suffix == ".xlsx":
        import xlsxwriter

        from cchc_kpi.outputs.workbook.cells import SheetColumn, make_formats, write_table_sheet

        kinds = {"received_at": "when", "due_at": "when", "closed_at": "when", "apology_at": "when"}
        table = overdue_table(report, lang)
        with atomic_path(path) as tmp:
            workbook = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False})
            columns = [SheetColumn(c.key, c.label, kinds.get(c.key, "count" if c.kind == "int" else "text"))
                       for c in table.columns]  # fmt: skip
            rows = [
                {**shown, **{k: raw[k] for k in kinds}}
                for shown, raw in zip(table.rows, report.rows, strict=True)
            ]
            write_table_sheet(
                workbook.add_worksheet(table.title[:31]), columns, rows, make_formats(workbook), table.title
            )
            workbook.close()
    else:
        raise UsageError("usage.bad_output", suffix=suffix or "?")


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
    """Hồ sơ quá hạn / Late and overdue dossiers with working days late and apology status."""
    start(lang, debug, quiet)
    from cchc_kpi.atomic import output_lock
    from cchc_kpi.cli.common import STATE
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.outputs.tables import Column, Table, to_delimited, to_markdown
    from cchc_kpi.report.overdue import COLUMNS, overdue_list, overdue_table

    settings = load_config(config)
    language = STATE.lang
    options = build_options(
        period, convention, as_of, compare_at, holidays, working_hours, unit, level, field,
        config=settings, as_units=as_units,
    )  # fmt: skip
    specs = list(paths or []) + list(inputs or [])
    outputs = [output] if output is not None else []
    key = duplicate_key.value if duplicate_key else None
    dataset, _ = read_inputs(specs, sample, outputs, set_unit, sheet, skip_bad_files, key, settings, options)
    report = overdue_list(dataset, options, due_within)
    if output is not None:
        with output_lock(output):
            _write_file(output, report, language)
        note(text("report.written", language, path=str(output)))
        if fmt is None:
            return
    fmt_ = resolve_format(fmt)
    if fmt_ == OutputFormat.json:
        emit_json(report.model_dump(mode="json"))
    elif fmt_ in (OutputFormat.csv, OutputFormat.tsv):
        machine = Table(columns=[Column(key=k, label=k) for k in COLUMNS], rows=overdue_machine_rows(report))
        write_stdout(to_delimited(machine, "," if fmt_ == OutputFormat.csv else "\t"))
    elif fmt_ in (OutputFormat.markdown, OutputFormat.text):
        write_stdout(to_markdown(overdue_table(report, language), language))
    else:
        emit_table(overdue_table(report, language), fmt_, language)
