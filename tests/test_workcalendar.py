"""Tests of the working calendar (domain.md §6)."""

from datetime import date, timedelta

import pytest

from cchc_kpi.calendar.working_calendar import WorkCalendar, bundled_overrides, load_overrides
from cchc_kpi.errors import ConfigError, InputError

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def calendar():
    """Calendar of 2019–2026."""
    return WorkCalendar(2019, 2026)


def test_2024_swap(calendar):
    """2024: Monday 29/4 off (swap), Saturday 4/5 a working day."""
    assert not calendar.is_working_day(date(2024, 4, 29))
    assert calendar.is_working_day(date(2024, 5, 4))
    assert not calendar.is_working_day(date(2024, 4, 30)) and not calendar.is_working_day(date(2024, 5, 1))


def test_2025_swap(calendar):
    """2025: Friday 2/5 off (swap), Saturday 26/4 a working day."""
    assert not calendar.is_working_day(date(2025, 5, 2))
    assert calendar.is_working_day(date(2025, 4, 26))


def _off_weekdays(calendar, first, last):
    days = [first + timedelta(n) for n in range((last - first).days + 1)]
    return [d for d in days if d.weekday() < 5 and not calendar.is_working_day(d)]


def test_tet_2025_and_2026(calendar):
    """Tết Ất Tỵ 2025 (27/1–31/1 off on weekdays) and Tết Bính Ngọ 2026 (16/2–20/2)."""
    assert _off_weekdays(calendar, date(2025, 1, 20), date(2025, 2, 7)) == [
        date(2025, 1, d) for d in range(27, 32)
    ]
    assert calendar.is_working_day(date(2025, 2, 3))
    assert _off_weekdays(calendar, date(2026, 2, 9), date(2026, 2, 27)) == [
        date(2026, 2, d) for d in range(16, 21)
    ]
    assert calendar.is_working_day(date(2026, 2, 23))


def test_every_override_has_a_source():
    """Each bundled swap or make-up day names its document or says unverified; every make-up day is a Saturday."""
    days = bundled_overrides()
    assert {d.date.year for d in days} >= {2019, 2024, 2025, 2026}
    for day in days:
        assert day.source and day.name
        if day.kind == "workday":
            assert day.date.weekday() == 5
    assert {d.source for d in days if d.date.year == 2024} == {
        "Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ"
    }


def test_user_table_on_top():
    """A user's table adds days off and make-up days over the bundled ones."""
    extra = load_overrides(FIXTURES / "my_holidays.csv")
    calendar = WorkCalendar(2024, 2024, extra)
    assert not calendar.is_working_day(date(2024, 3, 8))
    assert calendar.is_working_day(date(2024, 3, 9))
    assert calendar.days_of(2024)[0].date == date(2024, 1, 1)


def test_bad_user_table(tmp_path):
    """A malformed table is a configuration error naming the line."""
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind\n2024-03-08,holiday\n", "utf-8")
    with pytest.raises(ConfigError) as err:
        load_overrides(bad)
    assert err.value.message.params["line"] == 2
    with pytest.raises(InputError) as missing:
        load_overrides(tmp_path / "missing.csv")
    assert missing.value.message.key == "input.not_found"
