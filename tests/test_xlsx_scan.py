"""Tests of the XLSX pre-scan: the columns and rows a sheet's cells really span."""

import io
import zipfile

import pytest

from cchc_kpi.read import xlsx_scan
from cchc_kpi.read.xlsx_scan import EXCEL_COLUMNS, sheet_extent

MEMBER = "xl/worksheets/sheet1.xml"


def _book(cells: list[str], dimension: str | None, prefix: str = "") -> zipfile.ZipFile:
    """A workbook of one sheet with a cell at each of ``cells``, its elements written with the
    namespace ``prefix`` (``"x:"``, as the Open XML SDK writes them) when given."""
    p = prefix
    rows = "".join(
        f'<{p}row r="{int("".join(filter(str.isdigit, c)))}"><{p}c r="{c}"><{p}v>1</{p}v></{p}c></{p}row>'
        for c in cells
    )
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    xmlns = f' xmlns:{p[:-1]}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if p else ""
    xml = f'<?xml version="1.0"?><{p}worksheet{xmlns}>{dim}<{p}sheetData>{rows}</{p}sheetData></{p}worksheet>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(MEMBER, xml)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


@pytest.mark.parametrize(
    ("cells", "dimension", "columns", "last_row"),
    [
        (["A1", "C2"], "A1:C2", 3, 2),  # true dimension: taken as declared
        (["A1", "E2"], "A1:C2", 5, 2),  # a one-letter column past the declared one
        (["A1", "C2"], None, 26, 2),  # no dimension: up to Z, without a second pass
        (["A1", "AB3"], "A1:C3", 28, 3),  # two letters, first within the declared range
        (["A1", "RA3"], "A1:Q3", 469, 3),  # two letters, first past it
        (["A1", "AR3"], "A1:Q3", 44, 3),  # second letter past it
        (["A1", "XFD3"], None, EXCEL_COLUMNS, 3),  # Excel's last column
        (["A1", "ABCDE3"], "A1:C3", EXCEL_COLUMNS + 1, 3),  # five letters: past Excel
        (["A1", "B99999999"], "A1:B2", 2, 99999999),  # a far row, whatever the dimension says
    ],
)
def test_extent_is_what_the_cells_span(cells, dimension, columns, last_row):
    """The columns and last row are those the cells reach, whatever the <dimension> declares."""
    extent = sheet_extent(_book(cells, dimension), MEMBER)
    assert (extent.columns, extent.last_row) == (columns, last_row)


def test_a_reference_cut_between_two_pieces_is_found(monkeypatch):
    """A wide reference split across two pieces of the stream is still seen."""
    cells = ["A1", "B2", "AC3"]
    book = _book(cells, "A1:B3")
    xml = book.read(MEMBER)
    cut = xml.index(b'<c r="AC') + 7  # between the two letters
    monkeypatch.setattr(xlsx_scan, "CHUNK", cut)
    assert sheet_extent(book, MEMBER).columns == 29


@pytest.mark.parametrize("prefix", ["x:", "X1:"])
@pytest.mark.parametrize(
    ("cells", "dimension", "columns", "last_row"),
    [
        (["A1", "C2"], "A1:C2", 3, 2),
        (["A1", "AB3"], "A1:C3", 28, 3),
        (["A1", "XFD3"], None, EXCEL_COLUMNS, 3),
        (["A1", "B99999999"], "A1:B2", 2, 99999999),
    ],
)
def test_prefixed_elements_are_scanned_as_plain_ones(prefix, cells, dimension, columns, last_row):
    """A sheet whose elements carry a namespace prefix (<x:c>, which calamine reads) spans what its
    cells reach, as an unprefixed one does: a far row or wide column is not missed."""
    extent = sheet_extent(_book(cells, dimension, prefix), MEMBER)
    assert (extent.columns, extent.last_row) == (columns, last_row)
    assert extent.declared_rows == (int(dimension.split(":")[1][1:]) if dimension else 0)


def test_a_prefixed_root_over_unprefixed_cells_is_scanned():
    """A root written <x:worksheet> whose rows and cells are in the default namespace: their span is found."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (
        f'<x:worksheet xmlns:x="{main}" xmlns="{main}"><dimension ref="A1:B5"/><sheetData>'
        '<row r="1"><c r="A1"/></row><row r="5"><c r="XFD5"/></row></sheetData></x:worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(MEMBER, xml)
    extent = sheet_extent(zipfile.ZipFile(io.BytesIO(out.getvalue())), MEMBER)
    assert (extent.first_row, extent.last_row, extent.columns) == (1, 5, EXCEL_COLUMNS)
