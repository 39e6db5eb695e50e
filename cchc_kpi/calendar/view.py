"""The ``calendar`` job: a year's days off and make-up working days, and counting
working days between two dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel

from cchc_kpi.calendar.working_calendar import WorkCalendar, load_overrides
from cchc_kpi.i18n.numfmt import Lang


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
