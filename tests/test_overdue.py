"""Tests of the overdue / apology list."""

from datetime import date

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.overdue import overdue_list
from cchc_kpi.report.run import prepare_dataset

from .conftest import FIXTURES

GOLDEN = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]


def _prepared(options: ReportOptions):
    return prepare_dataset(ingest(GOLDEN), options)


def test_exactly_late_and_overdue_with_working_days():
    """The list holds exactly the late and pending-overdue dossiers, with working days late."""
    report = overdue_list(_prepared(ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1))))
    rows = [(r["kind"], r["dossier_id"], r["working_days_late"], r["apology"]) for r in report.rows]
    # A05 due 5/2, open at 31/3: 34 working days (Tết 8–14/2 excluded); A02 due 20/12/2023, closed 5/1/2024: 11
    assert rows == [
        ("overdue", "A05", 34, "yes"),
        ("overdue", "A07", 28, "no"),
        ("overdue", "B04", 15, None),
        ("overdue", "A10", 7, "no"),
        ("late", "A02", 11, "no"),
        ("late", "A18", 2, "no"),
    ]
    assert report.measured_at == date(2024, 3, 31)
    assert all("dossier_id" in r for r in report.rows)


def test_due_within():
    """--due-within N adds pending dossiers due within N working days (negative: days left)."""
    report = overdue_list(_prepared(ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1))), due_within=5)
    soon = [(r["dossier_id"], r["working_days_late"]) for r in report.rows if r["kind"] == "due_soon"]
    assert soon == [
        ("A14", -5)
    ]  # due 5/4: five working days after 31/3; A06 (supplement pause) is not listed
    none = overdue_list(_prepared(ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1))), due_within=4)
    assert not [r for r in none.rows if r["kind"] == "due_soon"]
