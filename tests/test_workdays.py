"""Tests of vectorised working-day arithmetic and computed due dates."""

from datetime import date, datetime, timedelta

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_kpi.calendar.due_dates import computed_due
from cchc_kpi.calendar.workdays import WorkdayIndex, WorkingHours
from cchc_kpi.calendar.working_calendar import WorkCalendar

INDEX = WorkdayIndex(WorkCalendar(2022, 2027))


def _add(day, n):
    return pl.DataFrame({"d": [day], "n": [n]}).select(INDEX.add(pl.col("d"), pl.col("n")).alias("x"))["x"][0]


def test_add_over_holidays_and_make_up_day():
    """Friday 26/4/2024 + 1 working day is 2/5 (29/4, 30/4, 1/5 off); + 3 is Saturday 4/5 (make-up day)."""
    assert _add(date(2024, 4, 26), 1) == date(2024, 5, 2)
    assert _add(date(2024, 4, 26), 3) == date(2024, 5, 4)
    assert _add(date(2024, 4, 27), 0) == date(2024, 5, 2)  # a Saturday counts from the next working day


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2022, 1, 1), date(2025, 12, 31)), st.integers(0, 120))
def test_add_then_count_gives_n(day, n):
    """From a working day, adding N working days and counting back gives N."""
    frame = pl.DataFrame({"d": [day], "n": [n]}).with_columns(INDEX.add(pl.col("d"), pl.col("n")).alias("e"))
    out = frame.select(
        INDEX.is_working_day(pl.col("d")).alias("w"), INDEX.count(pl.col("d"), pl.col("e")).alias("c")
    )
    working, counted = out.row(0)
    if working:
        assert counted == n
    else:
        assert counted == n + 1  # the first working day after a day off is itself counted


def test_friday_evening_before_tet():
    """Received Friday 2/2/2024 at 17:30, 3 working days: counting starts Monday 5/2 and skips Tết (8–14/2)."""
    frame = pl.DataFrame(
        {
            "received_at": [datetime(2024, 2, 2, 17, 30), datetime(2024, 2, 2, 10, 0)],
            "processing_days": [3.0, 3.0],
            "supplement_requested_at": [None, None],
            "supplement_done_at": [None, None],
        },
        schema_overrides={
            "supplement_requested_at": pl.Datetime("us"),
            "supplement_done_at": pl.Datetime("us"),
        },
    )
    due = frame.select(computed_due(INDEX, WorkingHours()).alias("due"))["due"].to_list()
    assert due == [datetime(2024, 2, 15, 17, 0), datetime(2024, 2, 7, 17, 0)]


def test_count_many_rows_matches_python():
    """The vectorised count equals a day-by-day count on a range of pairs."""
    calendar = WorkCalendar(2022, 2027)
    starts = [date(2024, 1, 1) + timedelta(days=7 * i) for i in range(40)]
    ends = [s + timedelta(days=3 * i) for i, s in enumerate(starts)]
    frame = pl.DataFrame({"s": starts, "e": ends})
    counted = frame.select(INDEX.count(pl.col("s"), pl.col("e")).alias("c"))["c"].to_list()
    expected = [
        sum(calendar.is_working_day(s + timedelta(k)) for k in range(1, (e - s).days + 1))
        for s, e in zip(starts, ends, strict=True)
    ]
    assert counted == expected
