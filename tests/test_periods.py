"""Tests of period names and conventions (domain.md §3)."""

from datetime import date

import pytest

from cchc_kpi.calendar.periods import months_within, resolve_period
from cchc_kpi.errors import UsageError

LATER = date(2026, 1, 1)
CASES = [
    ("2024-05", "2024-05-01", "2024-05-31", "2024-04-15", "2024-05-14"),
    ("T5-2024", "2024-05-01", "2024-05-31", "2024-04-15", "2024-05-14"),
    ("T5/2024", "2024-05-01", "2024-05-31", "2024-04-15", "2024-05-14"),
    ("05/2024", "2024-05-01", "2024-05-31", "2024-04-15", "2024-05-14"),
    ("Q1-2024", "2024-01-01", "2024-03-31", "2023-12-15", "2024-03-14"),
    ("2024-Q1", "2024-01-01", "2024-03-31", "2023-12-15", "2024-03-14"),
    ("Q4-2024", "2024-10-01", "2024-12-31", "2024-09-15", "2024-12-14"),
    ("H1-2024", "2024-01-01", "2024-06-30", "2023-12-15", "2024-06-14"),
    ("6T-2024", "2024-01-01", "2024-06-30", "2023-12-15", "2024-06-14"),
    ("6M-2024", "2024-01-01", "2024-06-30", "2023-12-15", "2024-06-14"),
    ("H2-2024", "2024-07-01", "2024-12-31", "2024-06-15", "2024-12-14"),
    ("9M-2024", "2024-01-01", "2024-09-30", "2023-12-15", "2024-09-14"),
    ("9T-2024", "2024-01-01", "2024-09-30", "2023-12-15", "2024-09-14"),
    ("5M-2024", "2024-01-01", "2024-05-31", "2023-12-15", "2024-05-14"),
    ("5T-2024", "2024-01-01", "2024-05-31", "2023-12-15", "2024-05-14"),
    ("2024", "2024-01-01", "2024-12-31", "2023-12-15", "2024-12-14"),
    ("Y2024", "2024-01-01", "2024-12-31", "2023-12-15", "2024-12-14"),
    ("2024-02", "2024-02-01", "2024-02-29", "2024-01-15", "2024-02-14"),
    ("T1-2024", "2024-01-01", "2024-01-31", "2023-12-15", "2024-01-14"),
    ("2023-12-15..2024-08-07", "2023-12-15", "2024-08-07", "2023-12-15", "2024-08-07"),
]


@pytest.mark.parametrize(("name", "start", "end", "nd09_start", "nd09_end"), CASES)
def test_every_named_form(name, start, end, nd09_start, nd09_end):
    """Each period name resolves to the dates of the table, in both conventions."""
    calendar = resolve_period(name, "calendar", LATER)
    assert (calendar.start.isoformat(), calendar.end.isoformat()) == (start, end)
    assert calendar.measured_at is None
    nd09 = resolve_period(name, "nd09", LATER)
    assert (nd09.start.isoformat(), nd09.end.isoformat()) == (nd09_start, nd09_end)


def test_t5_and_5t_differ():
    """T5 is May; 5T is the first five months."""
    assert resolve_period("T5-2024", as_of=LATER).label == "2024-05"
    assert resolve_period("5T-2024", as_of=LATER).label == "5M-2024"


def test_relative_names():
    """last-month, last-quarter, this-year, ytd resolve against --as-of."""
    as_of = date(2024, 5, 20)
    assert resolve_period("last-month", as_of=as_of).label == "2024-04"
    assert resolve_period("last-quarter", as_of=as_of).label == "Q1-2024"
    this_year = resolve_period("this-year", as_of=as_of)
    assert (this_year.start, this_year.end, this_year.measured_at) == (
        date(2024, 1, 1),
        date(2024, 12, 31),
        as_of,
    )
    ytd = resolve_period("ytd", as_of=as_of)
    assert (ytd.start, ytd.end, ytd.label) == (date(2024, 1, 1), as_of, "2024-01-01..2024-05-20")


def test_relative_names_nd09():
    """In nd09, the month containing 20 May is T6 (15/5–14/6), so last-month is T5."""
    as_of = date(2024, 5, 20)
    last = resolve_period("last-month", "nd09", as_of)
    assert (last.label, last.start, last.end) == ("2024-05", date(2024, 4, 15), date(2024, 5, 14))
    assert resolve_period("ytd", "nd09", date(2024, 12, 20)).start == date(2024, 12, 15)


def test_period_not_ended_is_measured_at_as_of():
    """A period that has not ended is measured at --as-of (the effective end)."""
    period = resolve_period("Q2-2024", as_of=date(2024, 5, 20))
    assert period.measured_at == date(2024, 5, 20)
    assert period.effective_end == date(2024, 5, 20)


@pytest.mark.parametrize(
    "name", ["Q5-2024", "T13-2024", "quý 1", "2024-13", "2024-03-31..2024-01-01", "13M-2024", ""]
)
def test_wrong_names(name):
    """A wrong name is a usage error whose message lists the forms and the T5 / 5T hint."""
    with pytest.raises(UsageError) as err:
        resolve_period(name, as_of=LATER)
    message = err.value.message.render("en")
    assert "Q1-2024" in message and "note T5 is May, 5T is the first five months" in message


def test_months_within():
    """A period splits into its months, clipped; nd09 months run 15th → 14th."""
    calendar = [
        (m.label, m.start.isoformat(), m.end.isoformat())
        for m in months_within(resolve_period("Q1-2024", as_of=LATER))
    ]
    assert calendar == [
        ("2024-01", "2024-01-01", "2024-01-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2024-03", "2024-03-01", "2024-03-31"),
    ]
    nd09 = months_within(resolve_period("Q1-2024", "nd09", LATER))
    assert (nd09[0].start.isoformat(), nd09[0].end.isoformat()) == ("2023-12-15", "2024-01-14")
    ranged = months_within(resolve_period("2024-01-20..2024-02-10", as_of=LATER))
    assert [(m.start.isoformat(), m.end.isoformat()) for m in ranged] == [
        ("2024-01-20", "2024-01-31"),
        ("2024-02-01", "2024-02-10"),
    ]
