"""Real-export layouts end to end: workbooks, title blocks, merged headers, group and
total rows, legacy encodings, HTML saved as .xls. Each asserts the mapping, the rows
used, the spreadsheet row numbers of rejects and the accounting identity."""

from datetime import datetime

import polars as pl
import pytest

from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.dataset import IngestOptions
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.schema.textnorm import name_key

from .conftest import FIXTURES, SAMPLE_DATA

APPLICANTS = ["Nguyễn Văn Bình", "Trần Thị Mai", "Võ Minh Tâm", "Hoàng Thị Thảo", "0912345678"]


def _read(name, **options):
    dataset = ingest([FIXTURES / name], IngestOptions(**options))
    assert dataset.accounting.balanced
    for item in dataset.inputs:
        assert item.balanced
    for value in APPLICANTS:
        assert not dataset.dossiers.select(
            pl.all().cast(pl.String).str.contains(value, literal=True).any()
        ).row(0)[0]
    return dataset


def _rejected(dataset):
    return [(r.row, r.column) for r in dataset.rejected_rows("en")]


def test_title_block_merged_header_numbered_and_total_rows():
    """Title rows, a header over two merged rows, the numbered row and a total row are recognised."""
    dataset = _read("merged_header.xlsx")
    info = dataset.inputs[0]
    assert info.columns == {
        "dossier_id": "Mã hồ sơ",
        "unit": "Đơn vị xử lý",
        "received_at": "Ngày Tiếp nhận",
        "due_at": "Ngày Hẹn trả",
        "finished_at": "Ngày Có kết quả",
        "status": "Trạng thái",
    }
    assert info.header_rows == [4, 5]
    assert info.skipped == {"title": 2, "blank": 1, "header": 2, "numbered": 1, "total": 1}
    assert (info.rows_read, info.rows_used, info.rows_rejected) == (11, 3, 1)
    assert _rejected(dataset) == [(9, "Ngày Tiếp nhận")]
    assert not [w for w in dataset.warnings if w.key == "warn.total_mismatch"]
    mh = dataset.dossiers.sort("dossier_id").select("received_at", "due_at").rows()
    assert mh[0] == (datetime(2024, 3, 5, 8, 30), datetime(2024, 3, 8))  # real date cells
    assert mh[2] == (datetime(2024, 3, 7, 10, 30), datetime(2024, 3, 11))  # serial numbers


def test_unit_group_rows_give_the_unit_and_total_mismatch_is_warned():
    """Group rows name the unit of the rows below; a total row stating 6 when 4 were read warns."""
    dataset = _read("unit_groups.xlsx")
    info = dataset.inputs[0]
    assert "unit" not in info.columns
    assert info.skipped == {"title": 1, "blank": 1, "header": 1, "group": 3, "total": 1}
    units = dict(dataset.dossiers.select("dossier_id", "unit").iter_rows())
    assert units == {"VH-01": "UBND xã Vạn Hưng", "VH-02": "UBND xã Vạn Hưng", "VT-02": "UBND xã Vạn Thắng"}
    assert _rejected(dataset) == [(9, "Ngày tiếp nhận")]
    mismatch = [w for w in dataset.warnings if w.key == "warn.total_mismatch"]
    assert (
        mismatch[0]
        .render("en")
        .endswith(
            "the total row (row 11) says 6 dossiers, 4 dossier rows were read; the export may be truncated"
        )
    )


def test_summary_sheet_skipped_and_said_so():
    """Of two sheets, the summary one is skipped with a warning; the dossier sheet is read."""
    dataset = _read("two_sheets.xlsx")
    assert [i.sheet for i in dataset.inputs] == ["Chi tiết"]
    assert dataset.warnings[0].key == "warn.sheet_skipped"
    assert dataset.warnings[0].params["sheet"] == "Tổng hợp"
    assert _rejected(dataset) == [(3, "Ngày hẹn trả")]
    assert dataset.accounting.rows_used == 1


def test_sheet_option():
    """--sheet reads only the named sheet; a sheet that does not exist is an input error."""
    with pytest.raises(InputError) as err:
        ingest([FIXTURES / "two_sheets.xlsx"], IngestOptions(sheet="Tổng hợp"))
    assert err.value.message.key == "input.missing_required"
    with pytest.raises(InputError) as err:
        ingest([FIXTURES / "two_sheets.xlsx"], IngestOptions(sheet="Không có"))
    assert err.value.message.key == "input.no_sheet"
    assert ingest([FIXTURES / "two_sheets.xlsx"], IngestOptions(sheet="Chi tiết")).accounting.rows_used == 1


@pytest.mark.parametrize(
    ("name", "encoding"), [("unicode_text.txt", "utf-16"), ("legacy_1258.csv", "cp1258")]
)
def test_legacy_encodings(name, encoding):
    """UTF-16 "Unicode text" and Windows-1258 are detected and read to NFC text."""
    dataset = _read(name)
    info = dataset.inputs[0]
    assert info.encoding == encoding
    assert info.columns["channel"] == "Hình thức nộp"
    assert _rejected(dataset) == [(4, "Ngày tiếp nhận")]
    rows = dataset.dossiers.sort("dossier_id").select("dossier_id", "unit", "channel").rows()
    assert rows == [
        ("E-01", "UBND xã Vạn Hưng", "online"),
        ("E-02", "Ủy ban nhân dân xã Vạn Thắng", "direct"),
    ]


def test_nfd_and_old_tone_placement_are_one_unit():
    """NFD text is read as NFC; Hòa / Hoà and Ủy / Uỷ fall under one name key."""
    dataset = _read("nfd_tones.csv")
    units = dataset.dossiers["unit"].to_list()
    assert all(u == u.strip() for u in units)
    assert units[1] == "UBND phường Vĩnh Hòa"  # the NFD row, composed
    assert len({name_key(u) for u in units}) == 2
    assert dataset.dossiers["_unit_key"].n_unique() == 2


def test_html_saved_as_xls():
    """An HTML table named .xls is read as a table, spans and &nbsp; included."""
    dataset = _read("html_export.xls")
    info = dataset.inputs[0]
    assert info.format == "html"
    assert info.header_rows == [2, 3]
    assert info.columns["received_at"] == "Ngày Tiếp nhận"
    assert _rejected(dataset) == [(6, "Ngày Tiếp nhận")]
    received = dataset.dossiers.sort("dossier_id")["received_at"].to_list()
    assert received == [datetime(2024, 3, 5, 8, 30), datetime(2024, 3, 6, 9, 0)]


@pytest.mark.parametrize("name", ["legacy.xls", "sheet.ods"])
def test_legacy_xls_and_ods(name):
    """Old BIFF .xls and OpenDocument sheets read like XLSX."""
    dataset = _read(name)
    assert dataset.accounting.rows_used == 2
    assert dataset.dossiers.sort("dossier_id")["received_at"][0] == datetime(2024, 3, 5, 8, 30)


def test_password_protected_and_truncated_workbooks(tmp_path):
    """A password-protected or truncated workbook is an input error naming the file."""
    with pytest.raises(InputError) as err:
        ingest([FIXTURES / "password.xlsx"])
    assert err.value.message.key == "input.encrypted"
    truncated = tmp_path / "cut.xlsx"
    data = (FIXTURES / "merged_header.xlsx").read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        ingest([truncated])
    assert err.value.message.key == "input.corrupt"
    assert err.value.message.params["file"] == str(truncated)


def test_leading_blank_rows_keep_spreadsheet_numbers(tmp_path):
    """A sheet whose data starts at B3 still reports rows as the spreadsheet numbers them."""
    import xlsxwriter

    path = tmp_path / "offset.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(2, 1, ["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"])
    sheet.write_row(3, 1, ["A1", "UBND xã A", "05/03/2024"])
    sheet.write_row(5, 1, ["A2", "UBND xã A", "không rõ"])
    workbook.close()
    dataset = ingest([path])
    assert dataset.inputs[0].header_rows == [3]
    assert dataset.dossiers["_row"].to_list() == [4]
    assert _rejected(dataset) == [(6, "Ngày tiếp nhận")]
    assert dataset.inputs[0].rows_read == 6


def test_header_only_file_is_valid(tmp_path):
    """A file with a header and no dossiers is valid: zeros."""
    path = tmp_path / "empty_list.csv"
    path.write_text("Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận\n", "utf-8")
    dataset = ingest([path])
    assert dataset.accounting.counts() == {
        "rows_read": 1, "rows_used": 0, "rows_rejected": 0, "rows_skipped": 1, "duplicates": 0,
    }  # fmt: skip
    assert dataset.dossiers.height == 0


def test_one_unreadable_file_among_several():
    """One bad file stops the run naming it, unless --skip-bad-files lists it and reads the rest."""
    paths = [FIXTURES / "comma.csv", FIXTURES / "password.xlsx"]
    with pytest.raises(InputError) as err:
        ingest(paths)
    assert err.value.message.params["file"] == str(FIXTURES / "password.xlsx")
    dataset = ingest(paths, IngestOptions(skip_bad_files=True))
    assert dataset.accounting.rows_used == 2
    assert [s.path for s in dataset.skipped("en")] == [str(FIXTURES / "password.xlsx")]


def test_sample_workbook_reads_completely():
    """The committed vendor-style sample workbook: every dossier used, none rejected."""
    dataset = ingest([SAMPLE_DATA / "bao-cao-ho-so-cam-ranh.xlsx"])
    info = dataset.inputs[0]
    assert (info.rows_used, info.rows_rejected, info.duplicates) == (1000, 0, 0)
    assert info.skipped["group"] == 6 and info.skipped["total"] == 1
    assert not dataset.warnings
