"""Unit tests of the HTML-table reader (exports saved as .xls): spans, line breaks,
nested tables, one grid per table."""

import polars as pl

from cchc_kpi.read.grid import ROW
from cchc_kpi.read.html import _TableParser, looks_like_html, read_html_grids
from cchc_kpi.read.limits import Limits
from cchc_kpi.read.source import open_source


def _tables(html: str) -> list[list[list[str]]]:
    parser = _TableParser()
    parser.feed(html)
    return parser.tables


def test_colspan_and_rowspan_cover_their_cells():
    """A merged cell keeps its text in the first cell and leaves the covered cells empty."""
    html = """<table>
    <tr><td rowspan="2">STT</td><td colspan="2">Ngày</td></tr>
    <tr><td>Tiếp nhận</td><td>Hẹn trả</td></tr>
    <tr><td>1</td><td>02/01/2024</td><td>10/01/2024</td></tr>
    </table>"""
    assert _tables(html) == [
        [["STT", "Ngày", ""], ["", "Tiếp nhận", "Hẹn trả"], ["1", "02/01/2024", "10/01/2024"]]
    ]


def test_line_breaks_and_spaces_inside_a_cell_become_one_space():
    """<br> and runs of whitespace inside a cell read as single spaces; <strong> headers as their text."""
    html = "<table><tr><td><strong>Mã\n   hồ sơ</strong></td><td>Đơn vị<br>xử lý</td></tr></table>"
    assert _tables(html) == [[["Mã hồ sơ", "Đơn vị xử lý"]]]


def test_a_nested_table_is_not_read_as_rows():
    """Only top-level tables are grids; a table inside a cell adds no rows (its text stays in the cell)."""
    html = "<table><tr><td>a<table><tr><td>inner</td></tr></table></td><td>b</td></tr></table>"
    tables = _tables(html)
    assert len(tables) == 1 and len(tables[0]) == 1
    assert tables[0][0][0].startswith("a") and tables[0][0][1] == "b"


def test_each_top_level_table_is_a_grid_with_row_numbers(tmp_path):
    """Two tables give two grids (named "table 1", "table 2"); rows are numbered from 1."""
    path = tmp_path / "export.xls"
    path.write_text(
        "<html><body><table><tr><td>Mã hồ sơ</td><td>Ngày tiếp nhận</td></tr><tr><td>A01</td><td>02/01/2024</td></tr>"
        "</table><table><tr><td>x</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert looks_like_html(path.read_bytes())
    grids = read_html_grids(open_source(path), Limits())
    assert [g.sheet for g in grids] == ["table 1", "table 2"]
    first = grids[0].select([0, 1]).collect()
    assert first.rows() == [(1, "Mã hồ sơ", "Ngày tiếp nhận"), (2, "A01", "02/01/2024")]
    assert first.schema[ROW] in (pl.UInt32, pl.UInt64, pl.Int64)


def test_a_csv_is_not_html(tmp_path):
    """A CSV whose first cell starts with "<" but holds no table is not taken for HTML."""
    path = tmp_path / "x.csv"
    path.write_text("<b>;Mã hồ sơ\n1;A01\n", encoding="utf-8")
    assert not looks_like_html(path.read_bytes())
