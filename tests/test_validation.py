"""Tests of the validate job's result and tables."""

from decimal import Decimal

import pytest

from cchc_kpi.errors import UsageError
from cchc_kpi.ingestion.accounting import Accounting
from cchc_kpi.ingestion.validate import parse_threshold, validate
from cchc_kpi.outputs.views import accounting_table, rejected_table

from .conftest import FIXTURES


def test_threshold_forms():
    """--max-invalid takes a row count or a percentage with either decimal mark."""
    assert parse_threshold(None).count == 0
    assert parse_threshold("10").count == 10
    assert parse_threshold("0,5%").percent == Decimal("0.5")
    assert parse_threshold("2.5 %").percent == Decimal("2.5")
    with pytest.raises(UsageError):
        parse_threshold("ten")


def test_threshold_exceeded():
    """Counts compare with rejected rows; percentages with dossier rows."""
    acc = Accounting(rows_read=201, rows_used=197, rows_rejected=3, rows_skipped=1, duplicates=0)
    assert parse_threshold(None).exceeded(acc)
    assert not parse_threshold("3").exceeded(acc)
    assert parse_threshold("1%").exceeded(acc)  # 3 of 200 = 1.5%
    assert not parse_threshold("1,5%").exceeded(acc)


def test_result_shape_and_tables():
    """The result has accounting, files, warnings, rejected; tables show totals and reasons."""
    result = validate([FIXTURES / "bad_dates.csv"], lang="en")
    data = result.model_dump(mode="json")
    assert list(data) == ["accounting", "files", "warnings", "rejected"]
    assert data["files"][0]["path"].endswith("bad_dates.csv")
    assert data["files"][0]["rows_rejected"] == 3
    table = accounting_table(result, "en")
    assert table.rows[-1] == {"file": "TOTAL", **result.accounting.counts()}
    grouped = rejected_table(result, "en")
    assert [(r["column"], r["count"], r["rows"]) for r in grouped.rows] == [
        ("Ngày tiếp nhận", 2, "3, 5"),
        ("Ngày có kết quả", 1, "6"),
    ]
