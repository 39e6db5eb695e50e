"""``cchc-kpi calendar``: the working calendar of a year, and counting working days."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from cchc_kpi.cli.common import (
    DebugOption,
    FormatOption,
    HolidaysOption,
    LangOption,
    OutputFormat,
    QuietOption,
    emit_json,
    emit_table,
    parse_day,
    resolve_format,
    start,
    write_stdout,
)


def calendar_command(
    year: Annotated[
        int, typer.Option("--year", "-y", min=1990, max=2099, help="The year to list.")
    ] = date.today().year,
    count: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--count", help="Count working days from FROM to TO, both included (yyyy-mm-dd or dd/mm/yyyy)."
        ),
    ] = None,
    holidays: HolidaysOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Lịch làm việc / Days off and make-up working days of a year, with their source."""
    language = start(lang, debug, quiet)
    from cchc_kpi.calendar.view import calendar_entries, calendar_table, count_working_days
    from cchc_kpi.i18n.messages import text

    fmt_ = resolve_format(fmt)
    if count is not None:
        first, last = parse_day(count[0], "--count"), parse_day(count[1], "--count")
        assert first is not None and last is not None
        days = count_working_days(first, last, holidays)
        if fmt_ == OutputFormat.json:
            emit_json({"from": first.isoformat(), "to": last.isoformat(), "working_days": days})
        else:
            line = text(
                "calendar.count", language, first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}", days=days
            )
            write_stdout(line + "\n")
        return
    entries = calendar_entries(year, holidays, language)
    if fmt_ == OutputFormat.json:
        emit_json([e.model_dump(mode="json") for e in entries])
    else:
        emit_table(calendar_table(entries, year, language), fmt_, language)
