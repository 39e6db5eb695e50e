"""What every command shares: common options, run state, and emitting tables.

Kept free of heavy imports (Polars, Pydantic models) so that ``--help`` is instant.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from cchc_kpi.calendar.workdays import WorkingHours
    from cchc_kpi.i18n.numfmt import Lang
    from cchc_kpi.outputs.tables import Table


class LangChoice(StrEnum):
    """Language of labels, numbers and messages."""

    vi = "vi"
    en = "en"


class OutputFormat(StrEnum):
    """How a command prints its result."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    markdown = "markdown"
    text = "text"


@dataclass
class RunState:
    """Settings of the current run that error handling needs."""

    lang: Lang = "vi"
    lang_given: bool = False
    debug: bool = False
    quiet: bool = False


STATE = RunState()

LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang", envvar="CCHC_KPI_LANG", help="Ngôn ngữ / language: vi (default), en.", show_default=False
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the traceback of an error (no local variables).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors and the result.")]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal default), csv (piped default), tsv, json, markdown; report: also text.",
    ),
]
PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Export files, folders or glob patterns.", show_default=False),
]
InputOption = Annotated[
    list[str] | None,
    typer.Option("--input", "-i", help="An export file, folder or glob (repeatable).", show_default=False),
]
SetUnitOption = Annotated[
    str | None,
    typer.Option("--set-unit", help="Unit name for exports that have no unit column."),
]

SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", help="Read only this sheet of each workbook (default: every dossier sheet)."),
]
SkipBadFilesOption = Annotated[
    bool,
    typer.Option(
        "--skip-bad-files", help="Leave out unreadable files (listed in the accounting) instead of stopping."
    ),
]


def start(lang: LangChoice | None, debug: bool, quiet: bool = False) -> Lang:
    """Record the run's settings; return the language (a configuration may change it later
    when --lang is not given: read ``STATE.lang`` after loading it)."""
    STATE.lang = "en" if lang == LangChoice.en else "vi"
    STATE.lang_given = lang is not None
    STATE.debug = debug
    STATE.quiet = quiet
    return STATE.lang


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (tables) or a pipe / file (CSV)."""
    return sys.stdout.isatty()


def resolve_format(fmt: OutputFormat | None) -> OutputFormat:
    """Return the format asked for, or table on a terminal and CSV otherwise."""
    if fmt is not None:
        return fmt
    return OutputFormat.table if stdout_is_terminal() else OutputFormat.csv


def write_stdout(text: str) -> None:
    """Write to stdout as UTF-8 whatever the locale; a closed pipe ends quietly."""
    try:
        out = sys.stdout
        if hasattr(out, "buffer"):
            out.buffer.write(text.encode("utf-8"))
        else:
            out.write(text)
        out.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def emit_json(data: Any) -> None:
    """Print a JSON document (UTF-8, not ASCII-escaped)."""
    write_stdout(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def emit_table(table: Table, fmt: OutputFormat, lang: Lang) -> None:
    """Print one table in the chosen format."""
    from cchc_kpi.outputs.tables import to_delimited, to_markdown

    if fmt == OutputFormat.csv:
        write_stdout(to_delimited(table, ","))
    elif fmt == OutputFormat.tsv:
        write_stdout(to_delimited(table, "\t"))
    elif fmt == OutputFormat.markdown:
        write_stdout(to_markdown(table, lang))
    elif fmt == OutputFormat.json:
        emit_json(table.rows)
    else:
        from cchc_kpi.cli.render import print_table

        print_table(table, lang)


def note(message: str) -> None:
    """Print a diagnostic line on stderr (not with --quiet)."""
    if not STATE.quiet:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def parse_day(value: str | None, option: str) -> date | None:
    """Parse a date option written yyyy-mm-dd or dd/mm/yyyy."""
    from datetime import datetime

    from cchc_kpi.errors import UsageError

    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise UsageError("usage.bad_date", option=option, value=value)


def parse_hours(value: str | None) -> WorkingHours:
    """Parse ``--working-hours 07:30-17:00``."""
    from datetime import datetime

    from cchc_kpi.calendar.workdays import WorkingHours
    from cchc_kpi.errors import UsageError

    if value is None:
        return WorkingHours()
    try:
        start, end = (datetime.strptime(part.strip(), "%H:%M").time() for part in value.split("-"))
    except ValueError:
        raise UsageError("usage.bad_hours", value=value) from None
    if end <= start:
        raise UsageError("usage.bad_hours", value=value)
    return WorkingHours(start=start, end=end)


HolidaysOption = Annotated[
    Path | None,
    typer.Option(
        "--holidays", help="Your own calendar table (CSV: date,kind,name,source) on top of the bundled one."
    ),
]
WorkingHoursOption = Annotated[
    str | None, typer.Option("--working-hours", help="Office hours, default 07:30-17:00.")
]
