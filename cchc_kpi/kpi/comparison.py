"""Comparison with an earlier period (``report --compare previous|last-year``).

``previous`` is the period of the same kind just before (month, quarter, half,
year); for "first N months" and date ranges, the same length just before.
``last-year`` is the same dates a year earlier (29 February → 28 February).
Every metric gets ``<metric>_prev`` and ``<metric>_change``: the difference for
counts and money, percentage points for rates. Both are null where the earlier
period has no dossier for the group.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Literal

from cchc_kpi.calendar.periods import Period, make_period, months_within
from cchc_kpi.kpi.metrics import METRICS, METRICS_BY_NAME
from cchc_kpi.schema.choices import CompareWith

COMPARE_CHOICES: tuple[CompareWith, ...] = ("previous", "last-year")
PREV, CHANGE = "_prev", "_change"

# which way is better; metrics not listed (volumes) have no better direction
LOWER_IS_BETTER = frozenset({"resolved_late", "pending_overdue", "late_rate", "late_without_apology"})
HIGHER_IS_BETTER = frozenset(m.name for m in METRICS if m.kind == "rate") - LOWER_IS_BETTER
# the bases of rates that are not public metrics: kept (privately) for the earlier period too
PRIVATE_BASES = tuple(
    sorted({k for m in METRICS for k in (m.numerator, m.denominator) if k and k.startswith("_")})
)


def _year_back(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def _range(start: date, end: date, period: Period) -> Period:
    return Period(
        label=f"{start.isoformat()}..{end.isoformat()}", start=start, end=end, convention=period.convention
    )


def _months_before(period: Period, year: int, count: int) -> Period:
    """The ``count`` months of the convention just before January of ``year``."""
    first, last = year * 12 - count, year * 12 - 1
    begin = make_period("month", first // 12, first % 12 + 1, period.convention)
    end = make_period("month", last // 12, last % 12 + 1, period.convention)
    return _range(begin.start, end.end, period)


def _previous(period: Period) -> Period:
    kind, year, number = period.kind, period.year, period.number
    if kind in ("month", "quarter", "half") and year is not None and number is not None:
        per_year = {"month": 12, "quarter": 4, "half": 2}[kind]
        index = year * per_year + number - 2
        return make_period(kind, index // per_year, index % per_year + 1, period.convention)
    if kind == "year" and year is not None:
        return make_period("year", year - 1, 12, period.convention)
    if kind == "months" and year is not None and number is not None:
        return _months_before(period, year, number)
    length = (period.end - period.start).days + 1
    end = period.start - timedelta(days=1)
    return _range(end - timedelta(days=length - 1), end, period)


def earlier_period(period: Period, compare: CompareWith) -> Period:
    """The period a report compares with."""
    if compare == "previous":
        return _previous(period)
    if period.kind != "range" and period.year is not None and period.number is not None:
        earlier = make_period(period.kind, period.year - 1, period.number, period.convention)
    else:
        earlier = _range(_year_back(period.start), _year_back(period.end), period)
    if period.measured_at is not None:
        earlier = earlier.model_copy(update={"measured_at": _year_back(period.measured_at)})
    return earlier


def month_labels(period: Period, earlier: Period) -> dict[str, str]:
    """Earlier month labels → the current month labels they compare with, by position."""
    return {
        old.label: new.label for old, new in zip(months_within(earlier), months_within(period), strict=False)
    }


def change(name: str, current: Any, previous: Any) -> float | int | None:
    """The change of one metric: a difference, in percentage points for rates."""
    if current is None or previous is None:
        return None
    if METRICS_BY_NAME[name].kind == "rate":
        return round(float(current - previous) * 100, 6)
    return int(current - previous)


def has_data(row: dict[str, Any] | None) -> bool:
    """Whether a group had any dossier in a period."""
    return row is not None and bool(row.get("received_total") or row.get("not_accepted"))


def add_comparison(row: dict[str, Any], earlier: dict[str, Any] | None) -> None:
    """Add ``<metric>_prev`` and ``<metric>_change`` to a row (null without earlier data)."""
    known = earlier if has_data(earlier) else None
    for metric in METRICS:
        previous = known.get(metric.name) if known else None
        row[metric.name + PREV] = previous
        row[metric.name + CHANGE] = change(metric.name, row.get(metric.name), previous)
    for base in PRIVATE_BASES:
        row[base + PREV] = known.get(base) if known else None


def compare_rows(
    rows: list[dict[str, Any]],
    earlier_rows: list[dict[str, Any]],
    keys: Sequence[str],
    months: dict[str, str],
) -> int:
    """Add the comparison to each row from the earlier row of the same group; return
    how many groups had no earlier data."""
    earlier = {tuple(months.get(r[k], r[k]) if k == "month" else r[k] for k in keys): r for r in earlier_rows}
    missing = 0
    for row in rows:
        match = earlier.get(tuple(row[k] for k in keys))
        missing += not has_data(match)
        add_comparison(row, match)
    return missing


def direction(name: str, delta: float | int | None) -> Literal["better", "worse"] | None:
    """Whether a change is an improvement, a worsening, or neither (volumes, no change)."""
    if not delta:
        return None
    if name in HIGHER_IS_BETTER:
        return "better" if delta > 0 else "worse"
    if name in LOWER_IS_BETTER:
        return "worse" if delta > 0 else "better"
    return None
