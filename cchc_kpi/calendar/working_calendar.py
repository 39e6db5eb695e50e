"""The Vietnamese working calendar (domain.md §6): which days are working days.

Statutory public holidays come from the ``holidays`` package (country VN, with
Vietnamese names); a bundled override table adds the government's day swaps
(extra days off) and make-up working Saturdays, each with the document that
decided it or marked unverified; a user's table (same columns) goes on top.
Working days are Monday–Friday minus days off, plus make-up days.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_kpi.errors import ConfigError
from cchc_kpi.read.source import SMALL_FILE_BYTES, read_small_file
from cchc_kpi.schema.strict import Strict

if TYPE_CHECKING:
    import polars as pl

DayKind = Literal["off", "workday"]
OVERRIDE_COLUMNS = ("date", "kind", "name", "source")


class CalendarDay(Strict):
    """A day that is not as its weekday says: a day off, or a make-up working day (a row of
    the bundled table, of ``--holidays`` or of the configuration's ``[[calendar]]``)."""

    model_config = Strict.model_config | {"frozen": True}

    date: date
    kind: DayKind
    name: str = ""
    source: str = "unverified"


def _read_overrides(text: str, origin: str) -> list[CalendarDay]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("date", "kind") if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError("config.calendar_columns", file=origin, columns=list(OVERRIDE_COLUMNS))
    days = []
    for line, row in enumerate(reader, start=2):
        kind = (row.get("kind") or "").strip()
        try:
            day = date.fromisoformat((row.get("date") or "").strip())
        except ValueError:
            raise ConfigError("config.calendar_row", file=origin, line=line, value=row.get("date")) from None
        if kind not in ("off", "workday"):
            raise ConfigError("config.calendar_row", file=origin, line=line, value=kind)
        source = (row.get("source") or "").strip() or "unverified"
        days.append(CalendarDay(date=day, kind=kind, name=(row.get("name") or "").strip(), source=source))  # type: ignore[arg-type]
    return days


def bundled_overrides() -> list[CalendarDay]:
    """Return the day swaps and make-up days shipped with cchc-kpi."""
    text = resources.files("cchc_kpi").joinpath("data/calendar_overrides.csv").read_text("utf-8")
    return _read_overrides(text, "calendar_overrides.csv")


def load_overrides(path: Path) -> list[CalendarDay]:
    """Read a user's override table (CSV: date,kind,name,source)."""
    try:
        text = read_small_file(path, SMALL_FILE_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("config.calendar_not_utf8", file=str(path)) from None
    return _read_overrides(text, str(path))


class WorkCalendar:
    """Working days of the years ``first_year`` … ``last_year``."""

    def __init__(
        self,
        first_year: int,
        last_year: int,
        extra: list[CalendarDay] | None = None,
        language: str | None = None,
    ) -> None:
        """``language`` names the statutory holidays (vi, en); without it they keep the
        package's own names, which costs no translation catalogue (reports need the dates only)."""
        import holidays

        self.first_year, self.last_year = first_year, last_year
        years = range(first_year, last_year + 1)
        statutory = (
            holidays.country_holidays("VN", years=years, language=language)
            if language
            else holidays.country_holidays("VN", years=years)
        )
        special: dict[date, CalendarDay] = {
            d: CalendarDay(
                date=d, kind="off", name=str(name), source="holidays (VN), Bộ luật Lao động 2019 Điều 112"
            )
            for d, name in statutory.items()
        }
        for day in bundled_overrides() + list(extra or []):
            special[day.date] = day
        self.special = dict(sorted(special.items()))

    @classmethod
    def covering(cls, first: date, last: date, extra: list[CalendarDay] | None = None) -> WorkCalendar:
        """A calendar wide enough for dates from ``first`` to ``last`` (and due dates after them)."""
        return cls(first.year - 1, last.year + 2, extra)

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        override = self.special.get(day)
        if override is not None:
            return override.kind == "workday"
        return day.weekday() < 5

    def working_mask(self) -> tuple[pl.Series, pl.Series]:
        """Every calendar day of the calendar's years and whether it is a working day:
        Monday–Friday, then the days off and make-up days set (vectorised, in Polars)."""
        import polars as pl

        days = pl.date_range(date(self.first_year, 1, 1), date(self.last_year, 12, 31), "1d", eager=True)
        off = [d.date for d in self.special.values() if d.kind == "off"]
        work = [d.date for d in self.special.values() if d.kind == "workday"]
        weekday = days.dt.weekday() <= 5  # Monday = 1 … Sunday = 7
        off_days, work_days = (
            pl.Series(off, dtype=pl.Date).implode(),
            pl.Series(work, dtype=pl.Date).implode(),
        )
        working = (weekday & ~days.is_in(off_days)) | days.is_in(work_days)
        return days.alias("day"), working.alias("working")

    def working_dates(self) -> pl.Series:
        """Every working day of the calendar's years, sorted (a Polars date series)."""
        days, working = self.working_mask()
        return days.filter(working)

    def days_of(self, year: int) -> list[CalendarDay]:
        """The year's days off and make-up working days, with their names and sources."""
        return [d for d in self.special.values() if d.date.year == year]
