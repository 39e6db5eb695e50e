"""Tests of the validate job's result and tables."""

from decimal import Decimal

import pytest

from cchc_kpi.errors import UsageError
from cchc_kpi.ingestion.accounting import Accounting
from cchc_kpi.ingestion.validate import Threshold, parse_threshold, validate
from cchc_kpi.outputs.views import accounting_table, rejected_table

from .conftest import FIXTURES


def test_threshold_forms():
    """--max-invalid takes a row count or a percentage with either decimal mark."""
    assert parse_threshold(None) == Threshold(percent=Decimal(1), at_least=10, majority=True)
    assert parse_threshold("10").count == 10
    assert parse_threshold("0,5%").percent == Decimal("0.5")
    assert parse_threshold("2.5 %").percent == Decimal("2.5")
    with pytest.raises(UsageError):
        parse_threshold("ten")


def test_default_threshold_lets_a_handful_pass_and_fails_a_broken_export():
    """By default a few rejected rows pass; over 1% and over 10 rows, or most rows, fail."""
    default = parse_threshold(None)

    def acc(used: int, rejected: int) -> Accounting:
        return Accounting(rows_read=used + rejected, rows_used=used, rows_rejected=rejected)

    assert not default.exceeded(acc(10_000, 10))  # 0.1%
    assert not default.exceeded(acc(100, 8))  # 7%, but a handful
    assert default.exceeded(acc(1_000, 12))  # 1.2% and over 10 rows
    assert default.exceeded(acc(2, 3))  # most of the rows: always
    assert not default.exceeded(acc(3, 3))  # half: a handful
    assert not default.exceeded(acc(5, 0))
    assert not parse_threshold("100%").exceeded(acc(0, 5))  # an explicit threshold is the user's


def test_threshold_exceeded():
    """Counts compare with rejected rows; percentages with dossier rows."""
    acc = Accounting(rows_read=201, rows_used=197, rows_rejected=3, rows_skipped=1, duplicates=0)
    assert not parse_threshold(None).exceeded(acc)  # 1.5%, but only 3 rows
    assert parse_threshold("0").exceeded(acc)
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
