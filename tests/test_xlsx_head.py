"""The first rows of an XLSX sheet read from its XML equal what calamine reads."""

from datetime import datetime

import fastexcel
import pytest
import xlsxwriter

from cchc_kpi.read.xlsx_head import column_index, read_head


def _calamine_head(path, sheet, rows):
    loaded = fastexcel.read_excel(str(path)).load_sheet(
        sheet, header_row=None, skip_rows=0, n_rows=rows, dtypes="string"
    )
    first = min(c.absolute_index for c in loaded.available_columns())
    return [[None] * first + list(r) for r in loaded.to_polars().iter_rows()]


@pytest.mark.parametrize(("letters", "index"), [("A", 0), ("Z", 25), ("AA", 26), ("AZ", 51), ("XFD", 16383)])
def test_column_letters(letters, index):
    """Column letters become 0-based indexes as Excel numbers them."""
    assert column_index(letters) == index


def test_head_equals_calamine_for_text_numbers_blank_rows_and_merges(tmp_path):
    """Shared and inline strings, numbers, a blank row, merged title cells: the same rows as calamine."""
    path = tmp_path / "head.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Danh sách")
    sheet.merge_range(0, 0, 0, 3, "DANH SÁCH HỒ SƠ")
    sheet.write_row(2, 0, ["STT", "Mã hồ sơ", "Ngày tiếp nhận", "Phí"])
    sheet.write_row(3, 0, [1, "A01", "02/01/2024", 35000])
    sheet.write_row(4, 0, [2, "A02", "03/01/2024", 0])
    book.close()
    head, width = read_head(path, "Danh sách", 40)
    assert width == 4
    expected = _calamine_head(path, "Danh sách", 40)
    assert [[c for c in r] for r in head] == [[c or None for c in r] for r in expected]
    assert head[1] == [None, None, None, None]  # the blank row is kept: row numbers as Excel shows them


def test_head_keeps_cells_in_their_columns(tmp_path):
    """A sheet whose cells start in column B: the cells stay in their sheet columns (A empty)."""
    path = tmp_path / "offset.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    sheet.write_row(0, 1, ["Mã hồ sơ", "Ngày tiếp nhận"])
    sheet.write_datetime(1, 2, datetime(2024, 1, 2), book.add_format({"num_format": "dd/mm/yyyy"}))
    sheet.write_string(1, 1, "A01")
    book.close()
    head, width = read_head(path, "S", 40)
    assert width == 3
    assert head[0] == [None, "Mã hồ sơ", "Ngày tiếp nhận"]
    assert head[1][1] == "A01"


def test_not_an_xlsx_gives_none(tmp_path):
    """A file that is not a workbook is left to calamine (None)."""
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a zip")
    assert read_head(path, "S", 40) is None
