"""The Vietnamese working calendar (domain.md §6): which days are working days.

Statutory public holidays come from the ``holidays`` package (country VN);
a bundled override table adds the government's day swaps (extra days off) and
make-up working Saturdays, each with the document that decided it; users can
add their own table. Working days are Monday–Friday minus days off, plus
make-up days.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np

DayKind = Literal["off", "workday"]


@dataclass(frozen=True)
class CalendarDay:
    """A day that is not as the weekday says: a day off, or a make-up working day."""

    date: date
    kind: DayKind
    name: str
    source: str


def _read_overrides(text: str, origin: str) -> list[CalendarDay]:
    days = []
    for row in csv.DictReader(io.StringIO(text)):
        kind = row["kind"].strip()
        if kind not in ("off", "workday"):
            raise ValueError(f"{origin}: kind must be off or workday, not {kind!r}")
        days.append(
            CalendarDay(
                date=date.fromisoformat(row["date"].strip()),
                kind=kind,  # type: ignore[arg-type]
                name=row.get("name", "").strip(),
                source=(row.get("source") or "").strip() or "unverified",
            )
        )
    return days


def bundled_overrides() -> list[CalendarDay]:
    """Return the day swaps and make-up days shipped with cchc-kpi."""
    text = resources.files("cchc_kpi").joinpath("data/calendar_overrides.csv").read_text("utf-8")
    return _read_overrides(text, "calendar_overrides.csv")


def load_overrides(path: Path) -> list[CalendarDay]:
    """Read a user's override table (CSV: date,kind,name,source)."""
    return _read_overrides(path.read_text("utf-8-sig"), str(path))


class WorkCalendar:
    """Working days of the years ``first_year`` … ``last_year``."""

    def __init__(self, first_year: int, last_year: int, extra: list[CalendarDay] | None = None) -> None:
        import holidays

        self.first_year, self.last_year = first_year, last_year
        statutory = holidays.country_holidays("VN", years=range(first_year, last_year + 1))
        special: dict[date, CalendarDay] = {
            d: CalendarDay(d, "off", str(name), "holidays (VN)") for d, name in statutory.items()
        }
        for day in bundled_overrides() + list(extra or []):
            special[day.date] = day
        self.special = dict(sorted(special.items()))

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        override = self.special.get(day)
        if override is not None:
            return override.kind == "workday"
        return day.weekday() < 5

    def working_dates(self) -> np.ndarray:
        """Return every working day of the calendar's years, sorted (``datetime64[D]``)."""
        import numpy as np

        start, end = date(self.first_year, 1, 1), date(self.last_year, 12, 31)
        days = [start + timedelta(n) for n in range((end - start).days + 1)]
        return np.array([d for d in days if self.is_working_day(d)], dtype="datetime64[D]")
