"""Tests of finding the header band."""

from cchc_kpi.ingestion.header_band import find_header_band, is_numbered_row, join_two_rows


def test_header_below_title_rows():
    """Title rows above the header are passed over."""
    head = [
        ["UBND THÀNH PHỐ NHA TRANG", None, None],
        ["DANH SÁCH HỒ SƠ", None, None],
        [None, None, None],
        ["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"],
        ["H1", "UBND xã A", "05/03/2024"],
    ]
    band = find_header_band(head, 3)
    assert band is not None
    assert (band.first_row, band.last_row, band.numbered_row) == (4, 4, None)


def test_two_row_header_joined():
    """A header over two merged rows ("Ngày" over "Tiếp nhận") is joined."""
    head = [
        ["Mã hồ sơ", "Đơn vị xử lý", "Ngày", None, "Trạng thái"],
        [None, None, "Tiếp nhận", "Hẹn trả", None],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["H1", "UBND xã A", "05/03/2024", "08/03/2024", "4"],
    ]
    band = find_header_band(head, 5)
    assert band is not None
    assert band.names == ["Mã hồ sơ", "Đơn vị xử lý", "Ngày Tiếp nhận", "Ngày Hẹn trả", "Trạng thái"]
    assert (band.first_row, band.last_row, band.numbered_row, band.end_row) == (1, 2, 3, 3)


def test_join_two_rows_forward_fills_merged_group():
    """A merged top cell covers the sub-headers to its right until the next top cell."""
    assert join_two_rows(["A", "Ngày", "", "B"], ["", "Nhận", "Trả", ""]) == [
        "A",
        "Ngày Nhận",
        "Ngày Trả",
        "B",
    ]


def test_numbered_row_detection():
    """ "(1) (2) (3)" and "1 2 3" are numbered rows; dossier rows are not."""
    assert is_numbered_row(["(1)", "(2)", "(3)"])
    assert is_numbered_row(["1", "2", "3", ""])
    assert not is_numbered_row(["1", "H1", "05/03/2024"])
    assert not is_numbered_row(["1", "3"])


def test_no_header_found():
    """Rows that name fewer than two fields give no header."""
    assert find_header_band([["a", "b"], ["Mã hồ sơ", "x"]], 2) is None
