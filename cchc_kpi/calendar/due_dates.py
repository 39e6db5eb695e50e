"""Due dates computed from processing days (domain.md §6), only where the export has none.

An exported due date already carries holidays, pauses and resets: it is used as
it is and never changed. When it is empty and the processing time (working days)
is known, the due date is that many working days after the day counting starts —
the day of receipt, or the next working day when the dossier came after working
hours or on a day off — at the end of that day's working hours; for such computed
dates only, a supplement pause (requested → done, in working days) extends it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cchc_kpi.calendar.workdays import WorkdayIndex, WorkingHours
from cchc_kpi.calendar.working_calendar import CalendarDay, WorkCalendar

if TYPE_CHECKING:
    import polars as pl

COMPUTED = "_due_computed"
DATE_COLUMNS = (
    "received_at",
    "due_at",
    "finished_at",
    "returned_at",
    "supplement_requested_at",
    "supplement_done_at",
)


def date_span(frame: pl.DataFrame) -> tuple[date, date] | None:
    """The first and last day of any date in the dossiers (None when there is none)."""
    import polars as pl

    bounds = frame.select(
        pl.min_horizontal([pl.col(c).min() for c in DATE_COLUMNS]).alias("first"),
        pl.max_horizontal([pl.col(c).max() for c in DATE_COLUMNS]).alias("last"),
    ).row(0)
    if bounds[0] is None:
        return None
    return bounds[0].date(), bounds[1].date()


def workday_index(frame: pl.DataFrame, extra: list[CalendarDay] | None = None) -> WorkdayIndex | None:
    """A working-day index covering every date of the dossiers."""
    span = date_span(frame)
    return WorkdayIndex(WorkCalendar.covering(span[0], span[1], extra)) if span else None


def computed_due(index: WorkdayIndex, hours: WorkingHours) -> pl.Expr:
    """The due date computed from received_at and processing_days (a datetime expression)."""
    import polars as pl

    received = pl.col("received_at")
    day = received.dt.date()
    late = received.dt.time() > pl.lit(hours.end)
    counts_from = (
        pl.when(index.is_working_day(day) & ~late)
        .then(day)
        .otherwise(index.add(day.dt.offset_by("1d"), pl.lit(0)))
    )
    requested, done = pl.col("supplement_requested_at").dt.date(), pl.col("supplement_done_at").dt.date()
    pause = (
        pl.when(requested.is_not_null() & done.is_not_null())
        .then(index.count(requested, done).clip(0))
        .otherwise(0)
    )
    days = pl.col("processing_days").ceil().cast(pl.Int64) + pause
    due_day = index.add(counts_from, days)
    return due_day.cast(pl.Datetime("us")) + pl.duration(hours=hours.end.hour, minutes=hours.end.minute)


def with_computed_due(frame: pl.DataFrame, index: WorkdayIndex, hours: WorkingHours) -> pl.DataFrame:
    """Fill empty due dates from processing days; ``_due_computed`` marks the rows filled."""
    import polars as pl

    needed = (
        pl.col("due_at").is_null()
        & pl.col("processing_days").is_not_null()
        & pl.col("received_at").is_not_null()
    )
    return frame.with_columns(needed.alias(COMPUTED)).with_columns(
        pl.when(pl.col(COMPUTED)).then(computed_due(index, hours)).otherwise(pl.col("due_at")).alias("due_at")
    )
