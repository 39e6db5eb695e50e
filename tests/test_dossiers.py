"""`cchc-kpi dossiers --metric M`: the dossiers behind any count of the report — exactly as
many as the figure, for the whole and for every unit and level, under canonical names."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import openpyxl
import pytest

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.metrics import LISTED
from cchc_kpi.report.build import report_for
from cchc_kpi.report.dossiers import COLUMNS, dossier_list
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.run import prepare_dataset
from tests.conftest import FIXTURES, SAMPLE_DATA


@pytest.fixture(scope="module")
def prepared():
    """The sample's dossiers prepared for Q1-2024."""
    return prepare_dataset(ingest([SAMPLE_DATA]), ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1)))


@pytest.mark.parametrize("metric", LISTED)
def test_list_length_is_the_figure_for_every_group(prepared, metric):
    """For each count, the list has as many dossiers as the figure: in total, per unit and per level."""
    report = report_for(prepared, by=["level", "unit"], total=True)
    listed = dossier_list(prepared, metric).rows
    assert len(listed) == (report.total[metric] or 0)
    per_unit = Counter(r["unit"] for r in listed)
    for row in report.rows:
        if row["row_type"] == "detail":
            assert per_unit.get(row["unit"], 0) == (row[metric] or 0), row["unit"]
    levels = {r["unit"]: r["level"] for r in report.rows if r["row_type"] == "detail"}
    per_level = Counter(levels[r["unit"]] for r in listed)
    for row in report.rows:
        if row["row_type"] == "subtotal":
            assert per_level.get(row["level"], 0) == (row[metric] or 0), row["level"]


def test_json_rows_use_canonical_names_and_no_applicant_data(cli):
    """JSON rows carry exactly the canonical dossier columns, nothing of the applicant."""
    result = cli("dossiers", "-p", "Q1-2024", str(FIXTURES / "golden_a.csv"), "--metric", "resolved_late",
                 "--as-of", "2026-01-01", "-f", "json")  # fmt: skip
    assert result.code == 0
    data = json.loads(result.out)
    assert data["metric"] == "resolved_late"
    assert data["rows"] and all(list(r) == list(COLUMNS) for r in data["rows"])
    text = result.out
    for personal in ("Nguyễn", "applicant", "phone", "CCCD"):
        assert personal not in text


def test_unit_filter_and_workbook(cli, tmp_path):
    """--unit narrows the list to that unit's figure; -o .xlsx writes it as one titled sheet."""
    target = tmp_path / "ds.xlsx"
    args = (
        "dossiers",
        "-p",
        "Q1-2024",
        str(SAMPLE_DATA),
        "--metric",
        "carried_over",
        "--unit",
        "UBND xã Vạn Hưng",
    )
    assert cli(*args, "-o", str(target), "--quiet").code == 0
    sheet = openpyxl.load_workbook(target).worksheets[0]
    title = sheet["A1"].value
    assert title.startswith("Hồ sơ được tính vào chỉ tiêu “Từ kỳ trước chuyển qua” — Q1-2024")
    assert title.endswith(": 1 hồ sơ")
    data = json.loads(cli(*args, "-f", "json", "--quiet").out)
    assert [r["unit"] for r in data["rows"]] == ["UBND xã Vạn Hưng"]


def test_a_rate_cannot_be_listed(cli):
    """--metric on_time_rate is a usage error naming the counts that can be listed."""
    result = cli("dossiers", "-p", "Q1-2024", str(SAMPLE_DATA), "--metric", "on_time_rate")
    assert result.code == 2
    assert result.err.startswith(
        'cchc-kpi: lỗi: --metric "on_time_rate" không liệt kê được; dùng một chỉ tiêu đếm'
    )
