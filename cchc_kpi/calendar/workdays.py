"""Vectorised working-day arithmetic in Polars (domain.md §6), no Python loop over rows.

A :class:`WorkdayIndex` numbers the calendar's working days 0, 1, 2 … and keeps,
for every calendar day of its range, how many working days come before it. Adding
N working days or counting working days between two dates is then two array
lookups (``gather``) per row.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from pydantic import BaseModel

from cchc_kpi.calendar.working_calendar import WorkCalendar

if TYPE_CHECKING:
    import polars as pl


class WorkingHours(BaseModel):
    """Office hours of a working day (default 07:30–17:00)."""

    start: time = time(7, 30)
    end: time = time(17, 0)

    @property
    def label(self) -> str:
        """``07:30-17:00``."""
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


class WorkdayIndex:
    """Lookup tables of one calendar over its years."""

    def __init__(self, calendar: WorkCalendar) -> None:
        import polars as pl

        self.first = date(calendar.first_year, 1, 1)
        self.last = date(calendar.last_year, 12, 31)
        days, is_working = calendar.working_mask()
        # before[i]: working days strictly before calendar day i (one extra entry: the total),
        # which is also the ordinal of the first working day on or after day i
        counts = is_working.cast(pl.Int64).cum_sum()
        self.before = pl.concat([pl.Series([0], dtype=pl.Int64), counts]).alias("before")
        self.working = days.filter(is_working).alias("working")
        self.is_working = is_working

    def _offset(self, day: pl.Expr) -> pl.Expr:
        import polars as pl

        first = pl.lit(self.first, pl.Date)
        return (day.cast(pl.Date) - first).dt.total_days()

    def is_working_day(self, day: pl.Expr) -> pl.Expr:
        """Whether each date is a working day."""
        import polars as pl

        return pl.lit(self.is_working).gather(self._offset(day))

    def ordinal(self, day: pl.Expr) -> pl.Expr:
        """The ordinal of the first working day on or after each date."""
        import polars as pl

        return pl.lit(self.before).gather(self._offset(day))

    def add(self, day: pl.Expr, days: pl.Expr) -> pl.Expr:
        """The date ``days`` working days after the first working day on or after ``day``."""
        import polars as pl

        return pl.lit(self.working).gather(self.ordinal(day) + days.cast(pl.Int64))

    def _up_to(self, day: pl.Expr) -> pl.Expr:
        import polars as pl

        return pl.lit(self.before).gather(self._offset(day) + 1)

    def count(self, start: pl.Expr, end: pl.Expr) -> pl.Expr:
        """Working days in (start, end] — after ``start``, up to and including ``end``
        (negative when end is before start)."""
        return self._up_to(end) - self._up_to(start)
