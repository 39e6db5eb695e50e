"""Golden tests of the report (domain.md §4, §5): expected values worked out by hand
for tests/fixtures/golden_a.csv (UBND xã Vạn Hưng) and golden_b.csv (UBND phường Lộc
Thọ, which lacks the e-result, service-level, digitisation and apology columns).
The comment beside each fixture row in this file's cases says why it counts where."""

from datetime import date, datetime

import pytest

from cchc_kpi.kpi.metrics import METRIC_NAMES
from cchc_kpi.report.build import build_report

from .conftest import FIXTURES

GOLDEN = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]
LATER = date(2026, 1, 1)

# Calendar Q1-2024 (1/1–31/3):
#  carried: A02 (10/12, closed 5/1, late), A03 (20/12, closed 9/1, early), B01 (28/12, closed 3/1, early)
#  A01, A16 closed in December: outside; A15 received in April: outside
#  A04 closed on the due day at 15:30, due 10:00: on time by date
#  A05 closed 2/4 (status 10 today): pending at 31/3, overdue (due 5/2), apology sent
#  A06 supplement asked 15/2 before due 20/2, not done: pending in time; A07 asked after due: overdue
#  A08 (7, closed 5/3), A09 (8, closed 20/3), A17 (7, no date, received 20/2): withdrawn
#  A10 withdrawn 10/4, after the period: pending, overdue (due 20/3)
#  A11 never accepted; A12 no due date: on time; B02 due at 00:00 on its day: on time
CALENDAR = {
    "received_total": 20, "received_new": 17, "carried_over": 3,
    "received_online": 9, "received_direct": 7, "received_postal": 1, "received_offline": 8,
    "resolved": 11, "resolved_early": 5, "resolved_on_time": 4, "resolved_late": 2, "resolved_in_time": 9,
    "pending": 6, "pending_in_time": 2, "pending_overdue": 4, "withdrawn": 3, "not_accepted": 1,
    "e_result": 3, "digitized": 4, "reused": None, "fee_dossiers": 5, "paid_online": 3,
    "paid_online_amount": 65000, "late_with_apology": 1, "late_without_apology": 4,
}  # fmt: skip
CALENDAR_RATES = {
    "resolved_rate": 11 / 20, "on_time_rate": 9 / 11, "early_rate": 5 / 11, "late_rate": 2 / 11,
    "progress_766_rate": 11 / 17, "online_rate": 9 / 17, "online_rate_eligible": 5 / 10,
    "e_result_rate": 3 / 6, "digitization_rate": 4 / 12, "reuse_rate": None, "online_payment_rate": 3 / 5,
}  # fmt: skip

# nd09 Q1-2024 (15/12/2023–14/3/2024):
#  A16 (16/12, closed 19/12) and A03 (20/12) are new, A02 (10/12) carried; A13, A14 received after 14/3
#  A09 (closed 20/3) and A10 (closed 10/4) are pending at 14/3, in time (due 25/3, 20/3)
#  B05 closed 18/3: pending, in time; B04 due 8/3: overdue
ND09 = {
    "received_total": 19, "received_new": 18, "carried_over": 1,
    "received_online": 9, "received_direct": 8, "received_postal": 1,
    "resolved": 10, "resolved_early": 5, "resolved_on_time": 3, "resolved_late": 2,
    "pending": 7, "pending_in_time": 4, "pending_overdue": 3, "withdrawn": 2, "not_accepted": 1,
}  # fmt: skip

# --by month, calendar: each month classified as its own period
MONTHS = {
    "2024-01": {"received_new": 4, "carried_over": 3, "resolved": 7, "resolved_early": 3, "resolved_on_time": 2,
                "resolved_late": 2, "pending": 0, "withdrawn": 0, "not_accepted": 1},
    "2024-02": {"received_new": 6, "carried_over": 0, "resolved": 2, "resolved_early": 1, "resolved_on_time": 1,
                "resolved_late": 0, "pending": 3, "pending_in_time": 1, "pending_overdue": 2, "withdrawn": 1},
    "2024-03": {"received_new": 7, "carried_over": 3, "resolved": 2, "resolved_early": 1, "resolved_on_time": 1,
                "resolved_late": 0, "pending": 6, "pending_in_time": 2, "pending_overdue": 4, "withdrawn": 2},
}  # fmt: skip


def _check(row, expected):
    for name, value in expected.items():
        if isinstance(value, float):
            assert row[name] == pytest.approx(value), name
        else:
            assert row[name] == value, name


def test_calendar_quarter_golden():
    """Every count and rate of the calendar quarter equals the hand-computed value."""
    report = build_report(GOLDEN, "Q1-2024", as_of=LATER)
    _check(report.total, CALENDAR)
    _check(report.total, CALENDAR_RATES)
    assert report.period.model_dump() == {
        "label": "Q1-2024", "start": date(2024, 1, 1), "end": date(2024, 3, 31),
        "convention": "calendar", "measured_at": None,
    }  # fmt: skip


def test_nd09_quarter_golden():
    """The nd09 quarter (15/12 → 14/3) counts as worked out by hand."""
    report = build_report(GOLDEN, "Q1-2024", convention="nd09", as_of=LATER)
    _check(report.total, ND09)
    assert (report.period.start, report.period.end) == (date(2023, 12, 15), date(2024, 3, 14))


def test_datetime_comparison():
    """By datetime, A04 (closed 15:30, due 10:00) is late; B02 (due 00:00 = end of day) stays on time."""
    report = build_report(GOLDEN, "Q1-2024", compare_at="datetime", as_of=LATER)
    _check(report.total, {"resolved_early": 5, "resolved_on_time": 3, "resolved_late": 3})
    assert report.metadata.comparison == "datetime"


def test_by_month_golden():
    """Each month is its own period; flows add up to the quarter, stocks do not."""
    report = build_report(GOLDEN, "Q1-2024", by=["month"], as_of=LATER)
    rows = {r["month"]: r for r in report.rows}
    assert list(rows) == list(MONTHS)
    for month, expected in MONTHS.items():
        _check(rows[month], expected)
    for flow in (
        "received_new",
        "resolved",
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
        "withdrawn",
    ):
        assert sum(r[flow] for r in report.rows) == report.total[flow]
    assert sum(r["carried_over"] for r in report.rows) != report.total["carried_over"]


def test_by_unit_and_missing_column_per_group():
    """Per unit; a unit whose input lacks a column gets null for its metrics, never 0."""
    report = build_report(GOLDEN, "Q1-2024", by=["unit"], as_of=LATER)
    rows = {r["unit"]: r for r in report.rows}
    vh, lt = rows["UBND xã Vạn Hưng"], rows["UBND phường Lộc Thọ"]
    _check(vh, {"received_total": 14, "resolved": 6, "pending": 5, "withdrawn": 3, "e_result": 3})
    _check(lt, {"received_total": 6, "resolved": 5, "pending": 1, "withdrawn": 0})
    assert lt["e_result"] is None and lt["e_result_rate"] is None and lt["digitized"] is None
    assert lt["online_rate_eligible"] is None
    assert lt["fee_dossiers"] == 2 and lt["paid_online"] == 1


def test_level_unit_subtotals_and_identity():
    """--by level,unit: subtotal rows per level; received_total = resolved + pending + withdrawn everywhere."""
    report = build_report(GOLDEN, "Q1-2024", by=["level", "unit"], as_of=LATER)
    assert [(r["row_type"], r["level"], r["unit"]) for r in report.rows] == [
        ("subtotal", "commune", "SUBTOTAL"),
        ("detail", "commune", "UBND phường Lộc Thọ"),
        ("detail", "commune", "UBND xã Vạn Hưng"),
    ]
    for row in [*report.rows, report.total]:
        assert row["received_total"] == row["resolved"] + row["pending"] + row["withdrawn"]
    assert report.rows[0]["received_total"] == report.total["received_total"]


def test_every_metric_in_every_row():
    """Rows and total carry every metric of §5 by its exact name (private keys hidden in JSON)."""
    report = build_report(GOLDEN, "Q1-2024", by=["unit"], as_of=LATER)
    data = report.model_dump(mode="json")
    for row in [*data["rows"], data["total"]]:
        assert [k for k in row if k in METRIC_NAMES] == list(METRIC_NAMES)
        assert not [k for k in row if k.startswith("_")]
    assert list(data) == ["period", "group_by", "rows", "total", "accounting", "warnings", "metadata"]


def test_warnings_name_missing_and_dateless():
    """Warnings count dossiers without due dates, withdrawals without dates, and partial columns."""
    warnings = build_report(GOLDEN, "Q1-2024", lang="en", as_of=LATER).warnings
    assert "1 resolved dossiers have no due date and count as on time" in warnings
    assert any(
        w.startswith('column "Kết quả điện tử" is missing from some inputs: 5 dossiers') for w in warnings
    )
    assert 'no input has the columns "Tái sử dụng dữ liệu": the metrics that need them are empty' in warnings


def test_filters_and_coverage_warning():
    """--unit filters by name (case and tone placement ignored); coverage gaps are warned."""
    report = build_report(GOLDEN, "2024", units=["ubnd phường lộc thọ"], lang="en", as_of=LATER)
    assert (report.total["received_new"], report.total["carried_over"]) == (5, 1)
    assert any(
        w.startswith("the inputs end on 13/03/2024, before the period end 31/12/2024")
        for w in report.warnings
    )
    early = build_report([FIXTURES / "golden_b.csv"], "2023", lang="en", as_of=LATER)
    assert any(
        w.startswith("the inputs start on 28/12/2023, after the period start 01/01/2023")
        for w in early.warnings
    )


def test_as_of_inside_the_period():
    """A period not yet ended is measured at --as-of: received and closed after it do not count."""
    report = build_report(GOLDEN, "Q1-2024", as_of=date(2024, 1, 31))
    assert report.period.measured_at == date(2024, 1, 31)
    _check(report.total, {"received_new": 4, "carried_over": 3, "resolved": 7, "pending": 0})


def test_generated_at_and_sample_marker():
    """Metadata records the time given and whether the inputs are the sample."""
    stamp = datetime(2024, 4, 1, 8, 0)
    report = build_report(GOLDEN, "Q1-2024", now=stamp, sample=True, lang="en", as_of=LATER)
    assert report.metadata.generated_at == stamp
    assert report.warnings[0].startswith("SAMPLE DATA")
