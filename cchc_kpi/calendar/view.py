"""The ``calendar`` job: a year's days off and make-up working days, and counting
working days between two dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel

from cchc_kpi.calendar.working_calendar import WorkCalendar, load_overrides
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.tables import Column, Table

WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


class CalendarEntry(BaseModel):
    """One special day, as ``calendar --format json`` lists it."""

    date: date
    kind: str  # off | workday
    name: str
    source: str


def _calendar(first: int, last: int, holidays_file: Path | None, lang: Lang) -> WorkCalendar:
    extra = load_overrides(holidays_file) if holidays_file else None
    return WorkCalendar(first, last, extra, language=lang)


def calendar_entries(year: int, holidays_file: Path | None = None, lang: Lang = "vi") -> list[CalendarEntry]:
    """The year's days off and make-up working days with their source."""
    calendar = _calendar(year, year, holidays_file, lang)
    return [
        CalendarEntry(date=d.date, kind=d.kind, name=d.name, source=d.source) for d in calendar.days_of(year)
    ]


def count_working_days(first: date, last: date, holidays_file: Path | None = None) -> int:
    """Working days from ``first`` to ``last``, both included (0 when last is before first)."""
    calendar = _calendar(first.year, last.year, holidays_file, "vi")
    days = (last - first).days + 1
    return sum(1 for n in range(max(days, 0)) if calendar.is_working_day(first + timedelta(n)))


def calendar_table(entries: list[CalendarEntry], year: int, lang: Lang) -> Table:
    """The special days as a table with weekdays."""
    from cchc_kpi.i18n.messages import text

    columns = [
        Column(key="date", label=text("calendar.date", lang)),
        Column(key="weekday", label=text("calendar.weekday", lang)),
        Column(key="kind", label=text("calendar.kind", lang)),
        Column(key="name", label=text("calendar.name", lang)),
        Column(key="source", label=text("calendar.source", lang)),
    ]
    rows = [
        {
            "date": f"{e.date:%d/%m/%Y}",
            "weekday": WEEKDAYS[lang][e.date.weekday()],
            "kind": text(f"calendar.{e.kind}", lang),
            "name": e.name,
            "source": e.source,
        }
        for e in entries
    ]
    return Table(title=text("calendar.title", lang, year=str(year)), columns=columns, rows=rows)
