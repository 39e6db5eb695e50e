"""Tests of due dates computed from processing days (domain.md §6)."""

from datetime import date, datetime

from cchc_kpi.calendar.workdays import WorkingHours
from cchc_kpi.report.build import build_report

from .conftest import FIXTURES

LATER = date(2026, 1, 1)


def test_due_dates_computed_for_processing_days_only():
    """Due dates are computed on the working calendar and counted in the report."""
    report = build_report([FIXTURES / "processing_days.csv"], "2024", by=["unit"], lang="en", as_of=LATER)
    assert report.metadata.due_dates_computed == 4
    assert any(w.startswith("4 due dates were computed from processing days") for w in report.warnings)
    # P1: received Fri 17:30 before Tết, 3 days → due 15/2 17:00, closed 15/2: on time
    # P2: received Fri 10:00, 3 days → due 7/2, closed 15/2: late
    # P3: 26/4 + 2 days + pause 2/5→6/5 (3 working days: 3/5, Sat 4/5, 6/5) → due 7/5: closed 7/5, on time
    # P4: received Saturday 4/5 (a make-up working day), 1 day → due 6/5, closed 6/5: on time
    assert (report.total["resolved_on_time"], report.total["resolved_late"]) == (3, 1)


def test_computed_due_end_of_working_hours():
    """A computed due date is at the end of that day's working hours (configurable)."""
    from cchc_kpi.calendar.due_dates import with_computed_due, workday_index
    from cchc_kpi.ingestion.pipeline import ingest

    dossiers = ingest([FIXTURES / "processing_days.csv"]).dossiers
    filled = with_computed_due(
        dossiers, workday_index(dossiers), WorkingHours(end=datetime(2000, 1, 1, 16, 30).time())
    )
    assert filled.sort("dossier_id")["due_at"].to_list() == [
        datetime(2024, 2, 15, 16, 30),
        datetime(2024, 2, 7, 16, 30),
        datetime(2024, 5, 7, 16, 30),
        datetime(2024, 5, 6, 16, 30),
    ]


def test_exported_due_untouched_beside_a_supplement_pause():
    """An exported due date is never changed, even with a supplement pause next to it."""
    report = build_report([FIXTURES / "supplement_with_due.csv"], "Q1-2024", lang="en", as_of=LATER)
    assert report.metadata.due_dates_computed == 0
    assert report.total["resolved_late"] == 1


def test_working_hours_option():
    """--working-hours moves the datetime limits of --compare-at datetime."""
    golden = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]
    narrow = WorkingHours(start=datetime(2000, 1, 1, 7, 30).time(), end=datetime(2000, 1, 1, 8, 30).time())
    report = build_report(golden, "Q1-2024", compare_at="datetime", working_hours=narrow, as_of=LATER)
    assert report.total["resolved_late"] == 5  # B02 (09:00, due 00:00 = 08:30) and B05 (16:00) become late
    assert report.metadata.working_hours == "07:30-08:30"


def test_holidays_file_shifts_computed_due(tmp_path):
    """A user's day off (8/3/2024, made up on Saturday 9/3) moves a computed due date."""
    export = tmp_path / "one.csv"
    export.write_text(
        "Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Thời hạn giải quyết;Ngày có kết quả\n"
        "H1;UBND xã Vạn Hưng;07/03/2024 09:00;1;08/03/2024 10:00\n",
        "utf-8",
    )
    plain = build_report([export], "Q1-2024", as_of=LATER)
    assert (plain.total["resolved_on_time"], plain.total["resolved_early"]) == (1, 0)  # due 8/3
    shifted = build_report([export], "Q1-2024", holidays_file=FIXTURES / "my_holidays.csv", as_of=LATER)
    assert (shifted.total["resolved_on_time"], shifted.total["resolved_early"]) == (0, 1)  # due 9/3
