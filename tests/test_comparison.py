"""Tests of comparisons with an earlier period: which period, golden values on a
two-year fixture for both kinds, nulls and warnings without earlier data."""

from datetime import date

import pytest

from cchc_kpi.calendar.periods import resolve_period
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.comparison import change, direction, earlier_period
from cchc_kpi.report.build import report_from_dataset
from cchc_kpi.report.options import ReportOptions

from .conftest import FIXTURES

TWO_YEARS = FIXTURES / "two_years.csv"
LATER = date(2025, 1, 1)


@pytest.mark.parametrize(
    ("name", "compare", "label", "start", "end"),
    [
        ("2024-01", "previous", "2023-12", date(2023, 12, 1), date(2023, 12, 31)),
        ("Q1-2024", "previous", "Q4-2023", date(2023, 10, 1), date(2023, 12, 31)),
        ("H2-2024", "previous", "H1-2024", date(2024, 1, 1), date(2024, 6, 30)),
        ("2024", "previous", "2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("5T-2024", "previous", "2023-08-01..2023-12-31", date(2023, 8, 1), date(2023, 12, 31)),
        (
            "2024-03-01..2024-03-10",
            "previous",
            "2024-02-20..2024-02-29",
            date(2024, 2, 20),
            date(2024, 2, 29),
        ),
        ("Q1-2024", "last-year", "Q1-2023", date(2023, 1, 1), date(2023, 3, 31)),
        ("5T-2024", "last-year", "5M-2023", date(2023, 1, 1), date(2023, 5, 31)),
        (
            "2024-02-29..2024-03-05",
            "last-year",
            "2023-02-28..2023-03-05",
            date(2023, 2, 28),
            date(2023, 3, 5),
        ),
    ],
)
def test_earlier_period(name, compare, label, start, end):
    """previous = same kind just before (same length for first-N-months and ranges); last-year = a year back."""
    earlier = earlier_period(resolve_period(name, as_of=LATER), compare)
    assert (earlier.label, earlier.start, earlier.end) == (label, start, end)


def test_earlier_period_nd09():
    """Under the ND 09 cut-off the previous quarter runs 15/9 → 14/12."""
    earlier = earlier_period(resolve_period("Q1-2024", "nd09", LATER), "previous")
    assert (earlier.start, earlier.end) == (date(2023, 9, 15), date(2023, 12, 14))


def test_last_year_of_unfinished_period_measured_a_year_back():
    """A period still running is compared with the same dates a year earlier, measured a year back."""
    earlier = earlier_period(resolve_period("Q4-2026", as_of=date(2026, 11, 22)), "last-year")
    assert earlier.measured_at == date(2025, 11, 22)


def _total(compare, period="Q1-2024", by=()):
    options = ReportOptions(period=period, as_of=LATER, compare=compare, by=list(by))
    return report_from_dataset(ingest([TWO_YEARS]), options)


def test_previous_golden():
    """Q1-2024 vs Q4-2023: received 4 vs 2, resolved 4 vs 1, on-time 75% vs 100% (−25 points),
    online 2/3 vs 1/2 (+16,67 points), pending 0 vs 1."""
    report = _total("previous")
    t = report.total
    assert report.compare.kind == "previous" and report.compare.period.label == "Q4-2023"
    assert (t["received_total"], t["received_total_prev"], t["received_total_change"]) == (4, 2, 2)
    assert (t["resolved"], t["resolved_prev"], t["resolved_change"]) == (4, 1, 3)
    assert (t["pending"], t["pending_prev"], t["pending_change"]) == (0, 1, -1)
    assert (t["on_time_rate"], t["on_time_rate_prev"], t["on_time_rate_change"]) == (0.75, 1.0, -25.0)
    assert t["online_rate_change"] == pytest.approx(100 * (2 / 3 - 1 / 2), abs=1e-6)


def test_last_year_golden():
    """Q1-2024 vs Q1-2023: received 4 vs 2, resolved 4 vs 2, on-time 75% vs 50% (+25 points)."""
    t = _total("last-year").total
    assert (t["received_total_prev"], t["received_total_change"]) == (2, 2)
    assert (t["resolved_prev"], t["resolved_change"]) == (2, 2)
    assert (t["on_time_rate_prev"], t["on_time_rate_change"]) == (0.5, 25.0)
    assert (t["carried_over"], t["carried_over_prev"]) == (1, 0)


def test_first_months_previous_golden():
    """2M-2024 vs the two months before (Nov–Dec 2023): new 2 vs 2, resolved 3 vs 1."""
    t = _total("previous", "2M-2024").total
    assert (t["received_new"], t["received_new_prev"]) == (2, 2)
    assert (t["resolved"], t["resolved_prev"], t["resolved_change"]) == (3, 1, 2)


def test_every_metric_has_prev_and_change():
    """Every public metric gets _prev and _change in every row and the total."""
    from cchc_kpi.kpi.metrics import METRIC_NAMES

    data = _total("previous", by=["unit"]).model_dump(mode="json")
    for row in [*data["rows"], data["total"]]:
        for name in METRIC_NAMES:
            assert f"{name}_prev" in row and f"{name}_change" in row
    assert data["compare"]["period"]["label"] == "Q4-2023"


def test_no_earlier_data_nulls_and_warns():
    """Without dossiers in the earlier period: _prev and _change null, one warning."""
    report = _total("previous", "Q1-2023")
    t = report.total
    assert t["received_total_prev"] is None and t["received_total_change"] is None
    assert t["on_time_rate_change"] is None
    assert any(
        w.startswith("kỳ so sánh Q4-2022 (01/10/2022 – 31/12/2022) không có hồ sơ nào")
        for w in report.warnings
    )


def test_months_compared_by_position():
    """--by month: each month is compared with the month at the same place in the earlier period."""
    report = _total("last-year", by=["month"])
    rows = {r["month"]: r for r in report.rows}
    assert rows["2024-01"]["received_new_prev"] == 1  # January 2023: Y1
    assert rows["2024-02"]["received_new_prev"] == 1  # February 2023: Y2
    assert rows["2024-03"]["received_new_prev"] is None  # March 2023: nothing
    assert any("1 nhóm không có hồ sơ trong kỳ so sánh Q1-2023" in w for w in report.warnings)


def test_without_compare_no_keys():
    """Without --compare the rows carry no _prev / _change and the JSON no compare key."""
    data = _total(None).model_dump(mode="json")
    assert "compare" not in data
    assert not [k for k in data["total"] if k.endswith(("_prev", "_change"))]


def test_change_and_direction():
    """Counts change by difference, rates in percentage points; late going up is worse."""
    assert change("resolved", 10, 7) == 3
    assert change("on_time_rate", 0.9977, 0.99) == pytest.approx(0.77)
    assert change("resolved", None, 7) is None
    assert direction("on_time_rate", 0.5) == "better"
    assert direction("late_rate", 0.5) == "worse"
    assert direction("pending_overdue", -2) == "better"
    assert direction("received_total", 5) is None
    assert direction("on_time_rate", 0) is None
