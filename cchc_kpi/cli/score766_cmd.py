"""``cchc-kpi score766``: an estimate of the QĐ 766 index from the dossier list, and
``cchc-kpi catalog``: procedures by online service level per tier."""

from __future__ import annotations

from enum import StrEnum
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
    CatalogOption,
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
    from cchc_kpi.report.score766 import Score766Report


class ScoreBy(StrEnum):
    """Per unit, or only the whole."""

    unit = "unit"


def _text(report: Score766Report, fmt: OutputFormat, lang: Lang) -> str:
    """The estimate as a file's or a pipe's text."""
    import json

    from cchc_kpi.outputs.score766_tables import score_machine_table, score_table, unit_score_table
    from cchc_kpi.outputs.tables import to_delimited, to_markdown

    if fmt == OutputFormat.json:
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        return to_delimited(score_machine_table(report), "," if fmt == OutputFormat.csv else "\t")
    parts = [to_markdown(score_table(report, lang), lang)]
    if report.units is not None:
        parts.append(to_markdown(unit_score_table(report, lang), lang))
    return "\n".join(parts)


def _write_file(path: Path, report: Score766Report, lang: Lang) -> None:
    from cchc_kpi.atomic import output_lock, write_text_atomic
    from cchc_kpi.errors import UsageError

    suffix = path.suffix.lower()
    with output_lock(path):
        if suffix == ".xlsx":
            from cchc_kpi.outputs.workbook.score766 import write_score_workbook

            write_score_workbook(path, report, lang)
            return
        fmt = {".json": OutputFormat.json, ".csv": OutputFormat.csv, ".tsv": OutputFormat.tsv,
               ".md": OutputFormat.markdown}.get(suffix)  # fmt: skip
        if fmt is None:
            raise UsageError("usage.bad_output", suffix=suffix or "?")
        content = _text(report, fmt, lang)
        write_text_atomic(path, ("\ufeff" + content) if fmt == OutputFormat.csv else content)


def score766_command(
    paths: PathsArgument = None,
    period: PeriodOption = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
    by: Annotated[ScoreBy | None, typer.Option("--by", "-b", help="unit: an estimate per unit too.")] = None,
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
    """Ước tính điểm QĐ 766 / Estimate the QĐ 766 index from what dossiers allow (an estimate)."""
    start(lang, debug, quiet)
    from cchc_kpi.cli.common import STATE
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.outputs.score766_tables import catalog_table, score_table, unit_score_table
    from cchc_kpi.report.score766 import score766_report

    settings = load_config(config)
    language = STATE.lang
    options = build_options(
        period, convention, as_of, compare_at, holidays, working_hours, unit, level, field,
        config=settings, as_units=as_units, catalog=catalog,
    )  # fmt: skip
    specs = list(paths or []) + list(inputs or [])
    outputs = [output] if output is not None else []
    key = duplicate_key.value if duplicate_key else None
    dataset, is_sample = read_inputs(
        specs, sample, outputs, set_unit, sheet, skip_bad_files, key, settings, options
    )
    report = score766_report(dataset, options, by_unit=by is not None, lang=language, sample=is_sample)
    if output is not None:
        _write_file(output, report, language)
        note(text("report.written", language, path=str(output)))
    if output is None or fmt is not None:
        shown = resolve_format(fmt)
        if shown == OutputFormat.table:
            emit_table(score_table(report, language), shown, language)
            if report.units is not None:
                emit_table(unit_score_table(report, language), shown, language)
            if report.catalog is not None:
                emit_table(catalog_table(report.catalog, language), shown, language)
        else:
            write_stdout(_text(report, shown, language))
    for warning in report.warnings:
        note(warning)


def catalog_command(
    path: Annotated[Path, typer.Argument(help="The procedure catalogue (CSV or Excel).", show_default=False)],
    fmt: FormatOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Danh mục TTHC / Count the procedures of a catalogue by online service level per tier."""
    start(lang, debug, quiet)
    from cchc_kpi.cli.common import STATE
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.kpi.procedure_catalog import catalog_counts, load_catalog
    from cchc_kpi.outputs.score766_tables import catalog_table
    from cchc_kpi.outputs.tables import Column, Table, to_delimited

    catalog = load_catalog(path)
    counts = catalog_counts(catalog)
    shown = resolve_format(fmt)
    if shown == OutputFormat.json:
        emit_json(counts)
    elif shown in (OutputFormat.csv, OutputFormat.tsv):
        machine = Table(columns=[Column(key=k, label=k) for k in counts[0]], rows=counts)
        write_stdout(to_delimited(machine, "," if shown == OutputFormat.csv else "\t"))
    else:
        emit_table(catalog_table(counts, STATE.lang), shown, STATE.lang)
    if catalog.rows_ignored:
        note(text("catalog.ignored", STATE.lang, count=len(catalog.rows_ignored), rows=catalog.rows_ignored))
