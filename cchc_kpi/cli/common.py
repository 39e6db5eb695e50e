"""What every command shares: the run's state, printing results and diagnostics, and
parsing dates and hours written on the command line.

Kept free of heavy imports (Polars, Pydantic models) so that ``--help`` is instant.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from cchc_kpi.calendar.workdays import WorkingHours
    from cchc_kpi.ingestion.accounting import SkippedFile
    from cchc_kpi.outputs.documents import Document
    from cchc_kpi.schema.choices import Format, Lang

NO_LIMITS_ENV = "CCHC_KPI_NO_LIMITS"


@dataclass
class RunState:
    """Settings of the current run that error handling needs."""

    lang: Lang = "vi"
    lang_given: bool = False
    debug: bool = False
    quiet: bool = False
    no_limits: bool = False


STATE = RunState()


def start(lang: Lang | None, debug: bool, quiet: bool = False) -> Lang:
    """Record the run's settings; return the language of --lang (or vi). A configuration's
    language applies when --lang is not given: see :func:`cchc_kpi.cli.run.load_settings`."""
    STATE.lang = lang or "vi"
    STATE.lang_given = lang is not None
    STATE.debug = debug
    STATE.quiet = quiet
    return STATE.lang


def no_limits() -> bool:
    """Whether the input limits are lifted (``--no-limits`` or ``CCHC_KPI_NO_LIMITS=1``)."""
    return STATE.no_limits or os.environ.get(NO_LIMITS_ENV, "") not in ("", "0")


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (tables) or a pipe / file (CSV)."""
    return sys.stdout.isatty()


def resolve_format(fmt: Format | None) -> Format:
    """Return the format asked for, or table on a terminal and CSV otherwise."""
    if fmt is not None:
        return fmt
    return "table" if stdout_is_terminal() else "csv"


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
        _reader_gone()


def _reader_gone() -> None:
    """The reader of stdout closed it (``| head``): the run ends quietly with exit 0."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(0) from None


def emit(document: Document, fmt: Format | None, lang: Lang) -> None:
    """Print a result in ``fmt`` (a table on a terminal, CSV when piped, by default)."""
    from cchc_kpi.outputs.documents import Lines, render_text

    shown = resolve_format(fmt)
    if shown != "table":
        write_stdout(render_text(document, shown, lang))
        return
    from cchc_kpi.cli.render import print_lines, print_table

    try:
        for block in document.blocks(lang, True):
            if isinstance(block, Lines):
                if block.title is None:
                    write_stdout("\n".join(block.items) + "\n")
                else:
                    print_lines(block.title, block.items)
            else:
                print_table(block, lang)
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()


def deliver(document: Document, output: Path | None, fmt: Format | None, lang: Lang) -> None:
    """Write the result to ``output`` (saying so), and print it unless only a file was asked."""
    if output is not None:
        from cchc_kpi.i18n.messages import text
        from cchc_kpi.outputs.files import write_output

        write_output(output, document, lang)
        note(text("report.written", lang, path=str(output)))
    if output is None or fmt is not None:
        emit(document, fmt, lang)


def note(message: str, always: bool = False) -> None:
    """Print a diagnostic line on stderr (not with --quiet, unless ``always``): one line for
    cron and pipes, wrapped between words on a terminal."""
    if STATE.quiet and not always:
        return
    if sys.stderr.isatty():
        import shutil
        import textwrap

        width = shutil.get_terminal_size().columns
        message = textwrap.fill(
            message,
            width=max(40, width - 1),
            subsequent_indent="  ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def announce_skipped(skipped: list[SkippedFile], lang: Lang) -> None:
    """One stderr line per file left out with --skip-bad-files, even with --quiet."""
    from cchc_kpi.i18n.messages import text

    for item in skipped:
        note(text("validate.skipped_file", lang, reason=item.reason), always=True)


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
