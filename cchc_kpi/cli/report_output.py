"""Printing and writing a report in each format (CLI layer)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_kpi.cli.common import OutputFormat, emit_table, write_stdout
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.report.model import Report

if TYPE_CHECKING:
    from cchc_kpi.config import Config
    from cchc_kpi.ingestion.pipeline import Dataset
    from cchc_kpi.report.build import ReportOptions


def report_text(
    report: Report, fmt: OutputFormat, lang: Lang, columns: Sequence[str] | None, excel_vi: bool
) -> str:
    """The report as text in a machine or Markdown format."""
    from cchc_kpi.outputs.report_tables import report_delimited, report_table
    from cchc_kpi.outputs.tables import to_markdown

    if fmt == OutputFormat.json:
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    if fmt == OutputFormat.tsv:
        return report_delimited(report, "\t")
    if fmt in (OutputFormat.markdown, OutputFormat.text):
        return to_markdown(report_table(report, lang, columns), lang)
    return report_delimited(report, ";" if excel_vi else ",", excel_vi)


def emit_report(
    report: Report,
    fmt: OutputFormat,
    lang: Lang,
    columns: Sequence[str] | None,
    excel_vi: bool,
    verbose: bool,
) -> None:
    """Print the report on stdout."""
    from cchc_kpi.outputs.report_tables import metadata_lines, report_table

    if fmt != OutputFormat.table:
        write_stdout(report_text(report, fmt, lang, columns, excel_vi))
        return
    table = report_table(report, lang, columns, short=True)
    if verbose:
        table.footer = metadata_lines(report, lang)
    emit_table(table, fmt, lang)


def write_report_file(
    path: Path,
    report: Report,
    lang: Lang,
    columns: Sequence[str] | None,
    excel_vi: bool,
    dataset: Dataset,
    options: ReportOptions,
) -> None:
    """Write the report to ``path`` atomically, in the format its extension names."""
    from cchc_kpi.atomic import output_lock, write_text_atomic
    from cchc_kpi.errors import UsageError

    if path.suffix.lower() == ".xlsx":
        from cchc_kpi.outputs.workbook.report import write_report_workbook

        with output_lock(path):
            write_report_workbook(path, dataset, options, report, lang, report.metadata.sample)
        return
    by_suffix = {".csv": OutputFormat.csv, ".tsv": OutputFormat.tsv, ".json": OutputFormat.json,
                 ".md": OutputFormat.markdown}  # fmt: skip
    fmt = by_suffix.get(path.suffix.lower())
    if fmt is None:
        raise UsageError("usage.bad_output", suffix=path.suffix or "?")
    content = report_text(report, fmt, lang, columns, excel_vi)
    if fmt == OutputFormat.csv:
        content = "\ufeff" + content
    with output_lock(path):
        write_text_atomic(path, content)


def output_path(output: Path | None, config: Config | None, options: ReportOptions) -> Path | None:
    """The output file: --output, else the configuration's; {period} {start} {end} {today}
    in either are replaced (the configuration's is relative to its file)."""
    from datetime import date

    from cchc_kpi.calendar.periods import resolve_period

    if output is None and (config is None or not config.report.output):
        return None
    period = resolve_period(options.period, options.convention, options.as_of)
    fields = {"period": period.label.replace("..", "_"), "start": period.start, "end": period.end,
              "today": date.today()}  # fmt: skip
    if output is not None:
        return Path(str(output).format(**fields)) if "{" in str(output) else output
    assert config is not None and config.report.output is not None
    return Path(config.resolve(config.report.output.format(**fields)))
