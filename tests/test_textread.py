"""Tests of reading delimited text exports into a raw grid."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_kpi.errors import InputError
from cchc_kpi.read.grids import open_grids
from cchc_kpi.read.text import detect_encoding, sniff_delimiter

from .conftest import FIXTURES
from .helpers import to_cp1258


@pytest.mark.parametrize(
    ("name", "delimiter"),
    [("comma.csv", ","), ("semicolon_bom.csv", ";"), ("tab.tsv", "tab"), ("pipe_crlf.csv", "|")],
)
def test_delimiter_detected(name, delimiter):
    """Each delimiter is detected from the file itself."""
    grid = open_grids(FIXTURES / name)[0]
    assert grid.details["delimiter"] == delimiter
    assert grid.n_columns >= 4


def test_bom_stripped_and_encoding_reported():
    """A UTF-8 BOM is recognised and not part of the first header."""
    grid = open_grids(FIXTURES / "semicolon_bom.csv")[0]
    assert grid.details["encoding"] == "utf-8-sig"
    assert grid.head[0][0] == "Mã hồ sơ"


def test_rows_numbered_as_spreadsheet():
    """Row numbers count every line from 1, blank lines included."""
    grid = open_grids(FIXTURES / "title_block.csv")[0]
    rows = grid.select([0]).collect()["_row"].to_list()
    assert rows == list(range(1, 10))


def test_detect_encoding_rules():
    """BOMs decide; NUL-heavy text is UTF-16; invalid UTF-8 falls back to Windows-1258."""
    assert detect_encoding(b"\xef\xbb\xbfabc") == "utf-8-sig"
    assert detect_encoding("abc".encode("utf-16")) == "utf-16"
    assert detect_encoding("Mã hồ sơ".encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding("Mã hồ sơ".encode()) == "utf-8"
    assert detect_encoding(to_cp1258("Mã hồ sơ;Đơn vị xử lý")) == "cp1258"


def test_sniff_prefers_the_delimiter_that_finds_the_header():
    """A comma inside a header ("Phí, lệ phí") does not beat the real semicolon."""
    lines = ["Mã hồ sơ;Phí, lệ phí;Ngày tiếp nhận\n", "A;35,000;05/03/2024\n"]
    delimiter, rows = sniff_delimiter(lines)
    assert (delimiter, len(rows[0])) == (";", 3)


def test_empty_and_binary_files_rejected(tmp_path):
    """A 0-byte file and binary data named .csv give clear input errors."""
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as err:
        open_grids(empty)[0]
    assert err.value.message.key == "input.empty_file"
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError) as err:
        open_grids(garbage)[0]
    assert err.value.message.key == "input.binary"


@pytest.mark.parametrize(
    ("data", "faults"),
    [
        (b"ab\r\ncd\r\nef\n", (False, False, False)),  # CR LF cut between two windows: not a lone CR
        (b"abc\rd\r\nef\n", (False, True, False)),  # a lone CR at the last byte of a window
        (b"abcdefgh\x00ij\n", (True, False, False)),  # a NUL byte in a later window
        (b"abcdefgh\nij\r", (False, True, False)),  # a lone CR ending the file
        (b'abcdefgh\ni"j\n', (False, False, True)),  # a double quote in a later window
    ],
)
def test_faults_are_found_across_search_windows(tmp_path, monkeypatch, data, faults):
    """NUL bytes, lone CRs and double quotes are found a window at a time, in memory or mapped, wherever the windows cut."""
    import mmap

    from cchc_kpi.read import text

    monkeypatch.setattr(text, "SEARCH_WINDOW", 4)
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
        assert text._search_faults(view) == faults
    assert text._search_faults(data) == faults


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x4FFF), max_size=400), st.binary(max_size=4))
def test_text_checks_count_as_their_definitions_do(text, stray_bytes):
    """The binary and stray-byte checks count control and wide characters as a character-by-character
    count does (they count in C)."""
    from cchc_kpi.read.text import _looks_binary, _mostly_utf8

    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    assert _looks_binary(text) == (controls > max(8, len(text) // 100))
    data = text.encode("utf-8") + stray_bytes
    decoded = data.decode("utf-8", errors="replace")
    stray = decoded.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    wide = sum(1 for ch in decoded if ch > "\x7f" and ch != "\ufffd")
    assert _mostly_utf8(data) == (0 < stray <= max(2, wide // 1000))


def test_lines_are_counted_a_window_at_a_time(tmp_path, monkeypatch):
    """count_lines over a mapped file, in windows of 4 bytes, counts every line end and a last line without one."""
    import mmap

    from cchc_kpi.read import text

    monkeypatch.setattr(text, "SEARCH_WINDOW", 4)
    path = tmp_path / "x.csv"
    path.write_bytes(b"ab\ncd\r\n\nefghij\nk")
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
        assert text.count_lines(view) == 5
