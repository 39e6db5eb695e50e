"""Workbooks ready to file, read back with openpyxl: every sheet on A4 one page wide with
page numbers, Biểu 06 headed by its reporting unit and signed under the table, the
written report inside a portrait page, charts scaled to their data, no phantom months."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from tests.conftest import FIXTURES, SAMPLE_DATA

FORM = """
[form]
reporting_unit = "UBND tỉnh Khánh Hòa"
receiving_unit = "Văn phòng Chính phủ"
place = "Khánh Hòa"
preparer = "Nguyễn Văn A"
head_title = "KT. CHỦ TỊCH"
head = "Trần Thị B"
"""


@pytest.fixture
def workbook(cli, tmp_path):
    """The sample's report workbook with a [form] configuration."""
    config = tmp_path / "cchc-kpi.toml"
    config.write_text(FORM, encoding="utf-8")
    target = tmp_path / "bc.xlsx"
    result = cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), "--config", str(config), "-o", str(target))
    assert result.code == 0
    return target


def _values(sheet) -> list[list]:
    return [[c.value for c in row if c.value is not None] for row in sheet.iter_rows()]


def test_every_sheet_prints_on_a4_with_page_numbers(workbook):
    """Each sheet: A4, fitted one page wide, the page number in the footer."""
    book = openpyxl.load_workbook(workbook)
    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.page_setup.fitToHeight == 0, sheet.title
        assert sheet.oddFooter.center.text == "Trang &P/&N", sheet.title
    assert book["Biểu 06"].page_setup.orientation == "landscape"
    assert book["Điểm QĐ 766 (ước tính)"].page_setup.orientation == "landscape"
    assert book["Điểm QĐ 766 (ước tính)"].print_title_rows is not None


def test_bieu06_names_its_unit_and_is_signed(workbook):
    """Biểu 06: reporting and receiving unit above the title; place and date, the two
    signature titles, their hints and the names under the table."""
    rows = _values(openpyxl.load_workbook(workbook)["Biểu 06"])
    assert rows[0] == ["Đơn vị báo cáo: UBND tỉnh Khánh Hòa", "Biểu 06 (TT 01/2020/TT-VPCP)"]
    assert rows[1] == ["Đơn vị nhận báo cáo: Văn phòng Chính phủ"]
    assert rows[2] == ["TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"]
    tail = [r for r in rows if r][-4:]
    assert re.fullmatch(r"Khánh Hòa, ngày \d{2} tháng \d{1,2} năm \d{4}", tail[0][0])
    assert tail[1] == ["NGƯỜI LẬP BIỂU", "KT. CHỦ TỊCH"]
    assert tail[2] == ["(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"]
    assert tail[3] == ["Nguyễn Văn A", "Trần Thị B"]


def test_one_unit_reports_itself_without_configuration(cli, tmp_path):
    """With --unit and no [form], the form names that unit and leaves dots for the place."""
    target = tmp_path / "xa.xlsx"
    assert (
        cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), "--unit", "UBND xã Vạn Phú", "-o", str(target)).code
        == 0
    )
    rows = [r for r in _values(openpyxl.load_workbook(target)["Biểu 06"]) if r]
    assert rows[0][0] == "Đơn vị báo cáo: UBND xã Vạn Phú"
    assert rows[-3][0].startswith("…………………………, ngày ")
    assert rows[-2] == ["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"]


def test_written_report_fits_a_portrait_page(workbook):
    """Báo cáo: portrait, one column as wide as the page, rows as tall as their lines."""
    sheet = openpyxl.load_workbook(workbook)["Báo cáo"]
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.column_dimensions["A"].width <= 95
    first = next(r for r in sheet.iter_rows() if r[0].value and str(r[0].value).startswith("Trong quý"))
    lines = 1 + len(first[0].value) // 100
    assert sheet.row_dimensions[first[0].row].height == pytest.approx(15.5 * lines)


def test_on_time_chart_starts_near_the_lowest_rate(workbook):
    """The on-time chart's axis starts a tenth below the lowest unit (97–100 % → 90 %), not at 0."""
    with zipfile.ZipFile(workbook) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/chart")]
    bar = next(c for c in charts if "<c:barChart>" in c)
    assert '<c:min val="0.9"/>' in bar


def test_trend_has_no_months_after_the_data(cli, tmp_path):
    """A year asked with --by month stops its trend at the last month with dossiers."""
    target = tmp_path / "nam.xlsx"
    args = ("report", "-p", "2024", str(FIXTURES / "golden_a.csv"), "--by", "month", "--as-of", "2026-01-01")
    assert cli(*args, "-o", str(target)).code == 0
    months = [r[0] for r in _values(openpyxl.load_workbook(target)["Xu hướng"])[3:] if r]
    assert months and months[-1] == "2024-04"  # the last month a dossier came in
