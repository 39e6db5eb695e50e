"""Command-line tests of ``cchc-kpi inspect`` and of reading real-export layouts."""

import json

from .conftest import FIXTURES, SAMPLE_DATA


def test_inspect_json_shows_mapping_skips_and_preview_without_personal_data(cli):
    """inspect: header rows, mapping, applicant columns flagged unread, skipped rows, parsed first rows."""
    result = cli("inspect", FIXTURES / "merged_header.xlsx", "--format", "json", "--rows", "2")
    assert result.code == 0
    data = json.loads(result.out)
    sheet = data["sheets"][0]
    assert sheet["header_rows"] == [4, 5] and sheet["numbered_row"] == 6
    applicant = next(c for c in sheet["columns"] if c["header"] == "Chủ hồ sơ")
    assert applicant == {
        "position": 3, "header": "Chủ hồ sơ", "field": None, "personal": True, "source": None, "vocabulary": None,
        "adds_to": None,
    }  # fmt: skip
    assert sheet["skipped"] == {"title": 2, "blank": 1, "header": 2, "numbered": 1, "total": 1}
    assert sheet["preview"][0] == {
        "_row": 7, "dossier_id": "MH-01", "unit": "UBND phường Lộc Thọ", "received_at": "2024-03-05 08:30",
        "due_at": "2024-03-08 00:00", "finished_at": "2024-03-07 10:00", "status": 10,
    }  # fmt: skip
    assert "Nguyễn Văn Bình" not in result.out


def test_inspect_table_names_summary_sheet(cli):
    """A summary sheet is listed with why it is not read."""
    result = cli("inspect", FIXTURES / "two_sheets.xlsx", "--format", "table", "--lang", "en")
    assert result.code == 0
    assert "sheet Tổng hợp" in result.out
    assert "no column for required field dossier_id" in result.out
    assert "Chi tiết" in result.out


def test_inspect_missing_file(cli):
    """inspect on a missing file: exit 2, one line."""
    result = cli("inspect", FIXTURES / "nope.xlsx")
    assert result.code == 2
    assert result.err.count("\n") == 1


def test_password_protected_workbook_exit_2(cli):
    """A password-protected workbook: exit 2 and one line naming the file."""
    result = cli("validate", FIXTURES / "password.xlsx", "--lang", "en")
    assert result.code == 2
    assert result.err == (
        f"cchc-kpi: error: {FIXTURES / 'password.xlsx'}: the workbook is password-protected or encrypted; "
        "remove the password and save it again\n"
    )


def test_skip_bad_files(cli):
    """--skip-bad-files reads the rest, lists the skipped file in the accounting, exits 0."""
    plain = cli("validate", FIXTURES / "comma.csv", FIXTURES / "password.xlsx", "-f", "json")
    assert plain.code == 2
    kept = cli(
        "validate", FIXTURES / "comma.csv", FIXTURES / "password.xlsx", "-f", "json", "--skip-bad-files"
    )
    assert kept.code == 0
    data = json.loads(kept.out)
    assert data["accounting"]["rows_used"] == 2
    assert [s["path"] for s in data["accounting"]["skipped_files"]] == [str(FIXTURES / "password.xlsx")]
    assert "password.xlsx" in kept.err


def test_sample_workbook_validates(cli):
    """validate --format json on the sample workbook: every dossier used, none rejected."""
    data = json.loads(cli("validate", SAMPLE_DATA / "bao-cao-ho-so-cam-ranh.xlsx", "-f", "json").out)
    assert data["accounting"]["rows_used"] == 1000
    assert data["accounting"]["rows_rejected"] == 0
    assert data["rejected"] == []


def test_sample_xlsx_command(cli, tmp_path):
    """sample --format xlsx writes the vendor-style workbook that reads back completely."""
    result = cli("sample", "--out", tmp_path, "--rows", "300", "--format", "xlsx", "--units", "van-ninh")
    assert result.code == 0
    written = tmp_path / "bao-cao-ho-so-van-ninh.xlsx"
    data = json.loads(cli("validate", written, "-f", "json").out)
    assert data["accounting"]["rows_used"] == 300
    assert data["files"][0]["skipped"]["group"] == 6


def test_inspect_speaks_vietnamese(cli):
    """The details, skipped row kinds and fields are said in Vietnamese (the field key beside its name)."""
    out = cli("inspect", str(FIXTURES / "html_export.xls"), "-f", "table").out
    assert "  định dạng: html" in out and "  bảng mã: utf-8" in out
    assert "dòng bỏ qua: tiêu đề 1, dòng tiêu đề cột 2" in out
    assert "mã hồ sơ (dossier_id)" in out
