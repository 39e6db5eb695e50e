"""Reporting periods (domain.md §3): names users write → inclusive date ranges.

Two conventions: ``calendar`` (months as on the calendar) and ``nd09`` (the data
cut-off of Nghị định 09/2019: a month runs from the 15th of the month before to
the 14th). Relative names resolve against ``as_of`` (today by default); a period
that has not ended yet is measured at ``as_of``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel

from cchc_kpi.errors import UsageError
from cchc_kpi.schema.choices import Convention

PeriodKind = Literal["month", "quarter", "half", "months", "year", "range"]
CUTOFF_DAY = 15


class Period(BaseModel):
    """An inclusive date range with the name it was resolved from."""

    label: str
    start: date
    end: date
    convention: Convention = "calendar"
    kind: PeriodKind = "range"
    year: int | None = None
    number: int | None = None  # month 1-12, quarter 1-4, half 1-2, or N of "first N months"
    measured_at: date | None = None

    @property
    def effective_end(self) -> date:
        """The last day counted: the end, or ``measured_at`` when the period has not ended."""
        return min(self.end, self.measured_at) if self.measured_at else self.end


def _last_day(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def month_range(year: int, first: int, last: int, convention: Convention) -> tuple[date, date]:
    """Return the range covering months ``first``..``last`` of ``year`` in a convention."""
    if convention == "calendar":
        return date(year, first, 1), _last_day(year, last)
    start_year, start_month = (year - 1, 12) if first == 1 else (year, first - 1)
    return date(start_year, start_month, CUTOFF_DAY), date(year, last, CUTOFF_DAY - 1)


def month_of(day: date, convention: Convention) -> tuple[int, int]:
    """Return ``(year, month)`` of the convention's month that contains ``day``."""
    if convention == "calendar" or day.day < CUTOFF_DAY:
        return day.year, day.month
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def make_period(kind: PeriodKind, year: int, number: int, convention: Convention) -> Period:
    """Return the named period of a kind (month, quarter, half, first N months, year)."""
    first, last = {
        "month": (number, number),
        "quarter": (3 * number - 2, 3 * number),
        "half": (6 * number - 5, 6 * number),
        "months": (1, number),
        "year": (1, 12),
    }[kind]
    start, end = month_range(year, first, last, convention)
    label = {
        "month": f"{year}-{number:02d}",
        "quarter": f"Q{number}-{year}",
        "half": f"H{number}-{year}",
        "months": f"{number}M-{year}",
        "year": f"{year}",
    }[kind]
    return Period(
        label=label, start=start, end=end, convention=convention, kind=kind, year=year, number=number
    )


PartsOf = Callable[[re.Match[str]], tuple[int, int]]
_FORMS: list[tuple[re.Pattern[str], str, PartsOf]] = [
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month", lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"^T(\d{1,2})[-/](\d{4})$"), "month", lambda m: (int(m[2]), int(m[1]))),
    (re.compile(r"^(\d{1,2})/(\d{4})$"), "month", lambda m: (int(m[2]), int(m[1]))),
    (re.compile(r"^Q([1-4])-(\d{4})$"), "quarter", lambda m: (int(m[2]), int(m[1]))),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter", lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"^H([12])-(\d{4})$"), "half", lambda m: (int(m[2]), int(m[1]))),
    (re.compile(r"^(\d{1,2})[MT]-(\d{4})$"), "months", lambda m: (int(m[2]), int(m[1]))),
    (re.compile(r"^Y?(\d{4})$"), "year", lambda m: (int(m[1]), 12)),
]
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


def _relative(name: str, convention: Convention, as_of: date) -> Period | None:
    year, month = month_of(as_of, convention)
    if name == "last-month":
        y, m = _shift_month(year, month, -1)
        return make_period("month", y, m, convention)
    if name == "last-quarter":
        y, m = _shift_month(year, 3 * ((month - 1) // 3) + 1, -3)
        return make_period("quarter", y, (m - 1) // 3 + 1, convention)
    if name == "this-year":
        return make_period("year", year, 12, convention)
    if name == "ytd":
        start = month_range(year, 1, 1, convention)[0]
        return Period(
            label=f"{start.isoformat()}..{as_of.isoformat()}", start=start, end=as_of, convention=convention
        )
    return None


def resolve_period(name: str, convention: Convention = "calendar", as_of: date | None = None) -> Period:
    """Resolve a period name; raise :class:`UsageError` listing the valid forms when it is wrong."""
    today = as_of or date.today()
    text = name.strip()
    period = _relative(text.lower(), convention, today)
    if period is None:
        period = _named(text, convention)
    if period.end > today:
        period = period.model_copy(update={"measured_at": today})
    return period


def _named(text: str, convention: Convention) -> Period:
    ranged = _RANGE.match(text)
    if ranged:
        try:
            start, end = date.fromisoformat(ranged[1]), date.fromisoformat(ranged[2])
        except ValueError:
            raise UsageError("usage.bad_period", value=text) from None
        if end < start:
            raise UsageError("usage.bad_period", value=text)
        return Period(label=text, start=start, end=end, convention=convention)
    upper = text.upper()
    for pattern, kind, parts in _FORMS:
        match = pattern.match(upper)
        if not match:
            continue
        year, number = parts(match)
        limit = {"month": 12, "quarter": 4, "half": 2, "months": 12, "year": 12}[kind]
        if 1 <= number <= limit and 1990 <= year <= 2099:
            return make_period(kind, year, number, convention)  # type: ignore[arg-type]
    raise UsageError("usage.bad_period", value=text)


def months_within(period: Period) -> list[Period]:
    """Split a period into the convention's months it overlaps, each clipped to the period."""
    end = period.effective_end
    year, month = month_of(period.start, period.convention)
    out = []
    while True:
        piece = make_period("month", year, month, period.convention)
        if piece.start > end:
            break
        out.append(
            piece.model_copy(update={"start": max(piece.start, period.start), "end": min(piece.end, end)})
        )
        year, month = _shift_month(year, month, 1)
    return out
