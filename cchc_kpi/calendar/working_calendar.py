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
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_kpi.errors import ConfigError
from cchc_kpi.schema.strict import Strict

if TYPE_CHECKING:
    import numpy as np

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
        text = path.read_text("utf-8-sig")
    except OSError as exc:
        raise ConfigError(
            "config.calendar_unreadable", file=str(path), reason=exc.strerror or str(exc)
        ) from exc
    return _read_overrides(text, str(path))


class WorkCalendar:
    """Working days of the years ``first_year`` … ``last_year``."""

    def __init__(
        self, first_year: int, last_year: int, extra: list[CalendarDay] | None = None, language: str = "vi"
    ) -> None:
        import holidays

        self.first_year, self.last_year = first_year, last_year
        statutory = holidays.country_holidays("VN", years=range(first_year, last_year + 1), language=language)
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

    def working_dates(self) -> np.ndarray:
        """Return every working day of the calendar's years, sorted (``datetime64[D]``)."""
        import numpy as np

        start, end = date(self.first_year, 1, 1), date(self.last_year, 12, 31)
        days = [start + timedelta(n) for n in range((end - start).days + 1)]
        return np.array([d for d in days if self.is_working_day(d)], dtype="datetime64[D]")

    def days_of(self, year: int) -> list[CalendarDay]:
        """The year's days off and make-up working days, with their names and sources."""
        return [d for d in self.special.values() if d.date.year == year]
