"""``cchc-kpi calendar``: the working calendar of a year, and counting working days."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from cchc_kpi.cli.options import DebugOption, FormatOption, HolidaysOption, LangOption, QuietOption


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
    """Days off and make-up working days of a year, with their source."""
    from cchc_kpi.calendar.view import calendar_entries, count_working_days
    from cchc_kpi.cli.common import emit, parse_day, start
    from cchc_kpi.errors import UsageError
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.outputs.jobs import calendar_document, line_document

    language = start(lang, debug, quiet)
    if count is not None:
        first, last = parse_day(count[0], "--count"), parse_day(count[1], "--count")
        if first is None or last is None:
            raise UsageError("usage.bad_date", option="--count", value=" ".join(count))
        days = count_working_days(first, last, holidays)
        data = {"from": first.isoformat(), "to": last.isoformat(), "working_days": days}
        emit(
            line_document(data, text("calendar.count", language, first=first, last=last, days=days)),
            fmt,
            language,
        )
        return
    emit(calendar_document(calendar_entries(year, holidays, language), year), fmt, language)
