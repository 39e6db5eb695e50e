"""Tests of the report's tables, CSV and Markdown."""

from datetime import date

import pytest

from cchc_kpi.errors import UsageError
from cchc_kpi.kpi.metrics import METRIC_NAMES
from cchc_kpi.outputs.report_tables import metric_names, report_delimited, report_table
from cchc_kpi.outputs.tables import display_value, to_markdown
from cchc_kpi.report.build import build_report

from .conftest import FIXTURES

GOLDEN = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]
LATER = date(2026, 1, 1)


@pytest.fixture(scope="module")
def by_level_unit():
    """The golden report by level and unit."""
    return build_report(GOLDEN, "Q1-2024", by=["level", "unit"], as_of=LATER)


def test_csv_header_is_exactly_the_contract(by_level_unit):
    """The CSV header is the group keys, row_type, then every §5 metric name; TOTAL last."""
    lines = report_delimited(by_level_unit).splitlines()
    assert lines[0].split(",") == ["level", "unit", "row_type", *METRIC_NAMES]
    assert lines[1].startswith("commune,SUBTOTAL,subtotal,20,17,")
    assert lines[-1].startswith("TOTAL,TOTAL,total,20,17,")
    assert lines[-1].split(",")[METRIC_NAMES.index("on_time_rate") + 3] == repr(9 / 11)


def test_excel_vi_csv(by_level_unit):
    """--csv-style excel-vi: ';' separator and decimal commas."""
    line = report_delimited(by_level_unit, ";", excel_vi=True).splitlines()[-1]
    assert line.split(";")[METRIC_NAMES.index("resolved_rate") + 3] == "0,55"


def test_no_total():
    """--no-total leaves out the total row and object."""
    report = build_report(GOLDEN, "Q1-2024", by=["unit"], total=False, as_of=LATER)
    assert report.total is None
    assert "TOTAL" not in report_delimited(report)


def test_people_table_labels_and_formats(by_level_unit):
    """The table shows Vietnamese labels, 7.300-style counts and 99,77%-style rates with their basis."""
    table = report_table(by_level_unit, "vi")
    assert [c.label for c in table.columns][:3] == [
        "Cấp / Đơn vị",
        "Tổng số hồ sơ nhận giải quyết",
        "Trực tuyến",
    ]
    labels = [r["group"] for r in table.rows]
    assert labels == ["Cấp xã", "  UBND phường Lộc Thọ", "  UBND xã Vạn Hưng", "TOTAL"]
    rate = next(c for c in table.columns if c.key == "on_time_rate")
    assert display_value(table.rows[-1], rate, "vi") == "81,82% (9/11)"
    assert display_value(table.rows[-1], rate, "en") == "81.82% (9/11)"
    english = report_table(by_level_unit, "en")
    assert english.rows[0]["group"] == "Commune"


def test_vertical_table_without_groups():
    """A report without groups lists every metric, one per line."""
    table = report_table(build_report(GOLDEN, "Q1-2024", as_of=LATER), "vi")
    assert len(table.rows) == len(METRIC_NAMES)
    assert table.rows[0] == {"metric": "Tổng số hồ sơ nhận giải quyết", "value": "20"}
    assert table.rows[METRIC_NAMES.index("reused")]["value"] == "–"


def test_markdown(by_level_unit):
    """Markdown twin: a pipe table with the same labels."""
    text = to_markdown(report_table(by_level_unit, "en"), "en")
    assert "| Level / Unit |" in text
    assert "| Total |" in text


def test_metric_views():
    """--metrics takes a view name or metric names; anything else is a usage error."""
    assert metric_names(None) is None
    assert metric_names("rates")[0] == "resolved_rate"
    assert metric_names("resolved,late_rate") == ("resolved", "late_rate")
    with pytest.raises(UsageError):
        metric_names("resolved,nope")
