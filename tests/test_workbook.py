"""Tests of the Excel report, opened back with openpyxl."""

import json
from datetime import date

import openpyxl
import pytest

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.outputs.workbook.report import write_report_workbook
from cchc_kpi.report.build import report_for
from cchc_kpi.report.bundle import workbook_content
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.run import prepare_dataset

from .conftest import FIXTURES

GOLDEN = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]
LATER = date(2026, 1, 1)


def _workbook(paths, tmp_path, lang="vi", sample=False, **extra):
    options = ReportOptions(period="Q1-2024", as_of=LATER, by=["level", "unit"], **extra)
    prepared = prepare_dataset(ingest(paths), options)
    report = report_for(prepared, lang=lang, sample=sample)
    target = tmp_path / "bao-cao.xlsx"
    write_report_workbook(target, workbook_content(prepared, report, lang, sample), lang)
    return openpyxl.load_workbook(target), report


def test_sheets_form_and_totals(tmp_path):
    """Sheet names, the 13 numbered columns, totals equal to the JSON report, formats, a chart."""
    book, report = _workbook(GOLDEN, tmp_path)
    assert book.sheetnames == [
        "Biểu 06", "Chỉ tiêu", "Theo đơn vị", "Theo lĩnh vực", "Hồ sơ quá hạn", "Dữ liệu lỗi", "Báo cáo",
        "Điểm QĐ 766 (ước tính)", "Thông tin",
    ]  # fmt: skip
    form = book["Biểu 06"]
    assert [c.value for c in form[10]] == [f"({i})" for i in range(1, 14)]
    assert form["A4"].value == "Kỳ báo cáo: Quý I năm 2024 (Từ ngày 01/01/2024 đến ngày 31/3/2024)"
    assert form["A5"].value == "Đơn vị tính: Số hồ sơ TTHC"
    last = [c.value for c in next(r for r in form.iter_rows() if r[1].value == "Tổng cộng")]
    total = report.total
    assert last[1] == "Tổng cộng"
    assert last[2:] == [total[k] for k in ("received_total", "received_online", "received_offline", "carried_over",
                        "resolved", "resolved_early", "resolved_on_time", "resolved_late", "pending",
                        "pending_in_time", "pending_overdue")]  # fmt: skip
    assert form["A11"].value == "I" and form["B11"].value == "Cấp xã"
    assert form.page_setup.orientation == "landscape" and form.print_title_rows == "$7:$10"
    rates = book["Chỉ tiêu"]
    on_time = next(
        r for r in rates.iter_rows(min_row=1) if r[0].value == "Tỷ lệ giải quyết trước và đúng hạn"
    )
    assert (on_time[1].value, on_time[2].value, on_time[3].value) == (9, 11, pytest.approx(9 / 11))
    assert on_time[3].number_format == "0.00%" and on_time[1].number_format == "#,##0"
    assert len(rates._charts) == 2
    assert book["Theo đơn vị"].auto_filter.ref and book["Theo đơn vị"].freeze_panes == "A4"


def test_other_sheets(tmp_path):
    """Overdue list, rejected rows, narrative and information sheets are filled."""
    book, _ = _workbook([*GOLDEN, FIXTURES / "bad_dates.csv"], tmp_path)
    overdue = [r[1].value for r in book["Hồ sơ quá hạn"].iter_rows(min_row=4)]
    assert overdue == ["A05", "A07", "B04", "A10", "A02", "A18"]
    rejected = [r[0].value for r in book["Dữ liệu lỗi"].iter_rows(min_row=4)]
    assert rejected == [3, 5, 6]
    assert book["Báo cáo"]["A3"].value.startswith("Trong quý I năm 2024, UBND cấp xã tiếp nhận")
    about = {r[0].value: r[1].value for r in book["Thông tin"].iter_rows(min_row=3)}
    assert any("SHA-256" in str(v) for v in about.values())
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert "Nguyễn Văn Bình" not in str(cell.value or "")


def test_sample_marker_on_every_sheet(tmp_path):
    """A sample run says DỮ LIỆU MẪU on every sheet."""
    book, _ = _workbook(GOLDEN, tmp_path, sample=True)
    for sheet in book.worksheets:
        values = [c.value for row in sheet.iter_rows(max_row=6) for c in row]
        assert "DỮ LIỆU MẪU" in values, sheet.title


def test_no_formula_from_input_text(tmp_path):
    """Unit and field names starting with = + - @ are written as text, never as formulas."""
    book, _ = _workbook([FIXTURES / "injection.csv"], tmp_path)
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(
                    ("=HYPERLINK", "+cmd", "@SUM", "-2+3")
                ):
                    found.append(cell.value)
    assert {'=HYPERLINK("http://example.com","bấm vào đây")', "@SUM(A1:A9)", "-2+3"} <= set(found)


def test_csv_neutralises_formulas(cli):
    """CSV output prefixes cells that would start a formula with an apostrophe (OWASP)."""
    out = cli("report", "-p", "Q1-2024", "--by", "unit,field", FIXTURES / "injection.csv", "-f", "csv").out
    assert "'=HYPERLINK" in out and "'@SUM(A1:A9)" in out and "'-2+3" in out and "'+cmd" in out
    assert "\n=HYPERLINK" not in out and ",=HYPERLINK" not in out
    data = json.loads(
        cli("report", "-p", "Q1-2024", "--by", "unit", FIXTURES / "injection.csv", "-f", "json").out
    )
    assert data["rows"][0]["unit"].startswith(("+", "-", "=", "@"))  # JSON keeps the value as it is


def test_many_units(tmp_path):
    """300 communes: the form, the per-unit sheet and a per-level chart are written."""
    lines = ["Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả"]
    for i in range(300):
        lines.append(f"X{i};UBND xã Số {i:03d};05/03/2024 08:30;08/03/2024;07/03/2024")
    path = tmp_path / "300.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    book, _ = _workbook([path], tmp_path)
    form = book["Biểu 06"]
    total_row = next(r[0].row for r in form.iter_rows() if r[1].value == "Tổng cộng")
    assert total_row == 10 + 1 + 300 + 1  # head, the level's row, the communes, the total
    assert book["Theo đơn vị"].max_row >= 300
    chart_rows = [r[6].value for r in book["Chỉ tiêu"].iter_rows(min_row=4, max_row=6)]
    assert chart_rows[0] == "Cấp xã"  # per level when units are many
