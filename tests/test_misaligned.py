"""Exports whose values do not sit under their headers: refused with the exact message, or read
with loud warnings, and never an applicant's data in any output or message."""

import json
import zipfile

import pytest

from .conftest import FIXTURES

# the status column of this export holds applicants' addresses, ID card and phone numbers
ADDRESS = "12 Nguyễn Trãi, phường 3"
ID_NUMBER = "079123456789"
PHONE = "0912345678"
NAME = "Nguyễn Văn An"
MARKERS = (ADDRESS, "Nguyễn Trãi", ID_NUMBER, PHONE, NAME, "Tổ 5 khu phố 2")
STATUS_HOLDS_APPLICANTS = (
    "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái,Hình thức nộp\n"
    f'A1,UBND xã Vạn Hưng,02/01/2024 08:00,05/01/2024,"{ADDRESS}",Trực tuyến\n'
    f"A2,UBND xã Vạn Hưng,03/01/2024 08:00,04/01/2024,{ID_NUMBER},{NAME}\n"
    f"A3,UBND xã Vạn Hưng,04/01/2024 08:00,05/01/2024,{PHONE},Trực tiếp\n"
    "A4,UBND xã Vạn Hưng,04/01/2024 08:00,05/01/2024,Tổ 5 khu phố 2,Trực tiếp\n"
    f"A5,UBND xã Vạn Hưng,05/01/2024 08:00,06/01/2024,{NAME},Trực tiếp\n"
    "A6,UBND xã Vạn Hưng,05/01/2024 08:00,06/01/2024,chưa rõ,Trực tiếp\n"
)
WARNING_VI = (
    '{file}: cột "Trạng thái" có 6 trạng thái không nhận ra, coi là không rõ: "chưa rõ" (1), '
    "5 giá trị khác không hiển thị (có thể là dữ liệu cá nhân)"
)
MISFIT_VI = (
    '{file}: cột "Trạng thái" được đọc là trạng thái nhưng 6 trong 6 dòng hồ sơ không đọc được như vậy; '
    "tên cột có thể nhầm hoặc giá trị lệch cột — các chỉ số dùng cột này có thể sai; kiểm tra bằng cchc-kpi inspect"
)


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text(STATUS_HOLDS_APPLICANTS, encoding="utf-8")
    return path


def _no_markers(text: str) -> None:
    for marker in MARKERS:
        assert marker not in text, marker


def test_unrecognised_values_are_counted_not_quoted(cli, export):
    """The status warning quotes only the vocabulary-like value and counts the rest, word for word."""
    result = cli("validate", export, "-f", "json")
    warnings = json.loads(result.out)["warnings"]
    assert WARNING_VI.format(file=export) in warnings
    assert MISFIT_VI.format(file=export) in warnings
    english = json.loads(cli("validate", export, "-f", "json", "--lang", "en").out)["warnings"]
    assert (
        f'{export}: column "Trạng thái" has 6 unrecognised statuses, treated as unknown: "chưa rõ" (1), '
        "5 other values not shown (they may be personal data)"
    ) in english


def test_no_applicant_value_in_any_output(cli, export, tmp_path):
    """Report (every format and the workbook), validate, overdue, score766 and inspect never show a marker."""
    period = ("-p", "Q1-2024", "--as-of", "2026-01-01")
    runs = [
        cli("report", *period, export, "-f", fmt, "--by", "unit")
        for fmt in ("json", "csv", "table", "markdown")
    ]
    runs.append(cli("report", *period, export, "-f", "text"))
    runs += [cli("validate", export, "-f", fmt) for fmt in ("json", "table", "csv")]
    runs += [cli("overdue", *period, export, "-f", "json"), cli("score766", *period, export, "-f", "json")]
    runs += [cli("inspect", export, "-f", "json"), cli("inspect", export, "-f", "table")]
    for result in runs:
        assert result.code == 0, result.err
        _no_markers(result.out + result.err)
    workbook = tmp_path / "bc.xlsx"
    rejects = tmp_path / "loi.csv"
    assert cli("report", *period, export, "-o", workbook, "--quiet").code == 0
    assert cli("validate", export, "--rejects", rejects).code == 0
    with zipfile.ZipFile(workbook) as book:
        _no_markers("".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml")))
    _no_markers(rejects.read_text("utf-8-sig"))


RAGGED = FIXTURES / "td_tien_do_766.xls"


def test_a_table_whose_rows_lack_a_cell_is_refused(cli):
    """TD's QĐ 766 drill-down list (12 header cells, 11 per row) is refused: exit 2, the exact line."""
    result = cli("report", "-p", "Q1-2024", RAGGED, "-f", "json")
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"cchc-kpi: lỗi: {RAGGED}: tiêu đề có 12 ô nhưng 6 trong 6 dòng dữ liệu có 11 ô (dòng đầu tiên: 4); "
        "các giá trị lệch khỏi tên cột nên không thể đọc đúng. Hãy xuất lại danh sách, "
        "hoặc khai báo vị trí các cột (positions) trong một hồ sơ cấu hình\n"
    )
    english = cli("validate", RAGGED, "--lang", "en")
    assert english.code == 2
    assert "the header has 12 cells but 6 of 6 data rows have 11 (first: row 4)" in english.err
    _no_markers(result.err + english.err)


def test_a_profile_with_positions_reads_the_ragged_table(cli, tmp_path):
    """Mapping the columns by position in a profile reads the misaligned list right."""
    config = tmp_path / "cchc-kpi.toml"
    config.write_text(
        '[inputs]\nprofile = "td766"\n\n[profiles.td766.positions]\n'
        "unit = 2\nprocedure_name = 3\ndossier_id = 4\nstatus = 5\nsubmitted_at = 8\nreceived_at = 9\n"
        "due_at = 10\nreturned_at = 11\n",
        encoding="utf-8",
    )
    result = cli("report", "-p", "Q1-2024", "--as-of", "2026-01-01", RAGGED, "--config", config, "-f", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["accounting"]["rows_used"] == 6 and report["accounting"]["rows_rejected"] == 0
    assert (report["total"]["received_total"], report["total"]["resolved"]) == (6, 4)


def test_a_code_column_full_of_statuses_is_refused(cli, tmp_path):
    """A dossier-code column holding status words (values shifted under the headers): exit 2, exact line."""
    path = tmp_path / "lech.csv"
    path.write_text(
        "STT,Đơn vị xử lý,Mã hồ sơ,Ngày tiếp nhận\n1,UBND xã A,Đang xử lý,02/01/2024\n"
        "2,UBND xã A,Đã trả kết quả,03/01/2024\n3,UBND xã A,Đang xử lý,04/01/2024\n",
        encoding="utf-8",
    )
    result = cli("validate", path)
    assert result.code == 2
    assert result.err == (
        f'cchc-kpi: lỗi: {path}: cột "Mã hồ sơ" được đọc là mã hồ sơ nhưng hầu hết giá trị của nó trông như '
        "trạng thái hồ sơ; các giá trị có thể nằm lệch khỏi tên cột. Hãy kiểm tra bằng cchc-kpi inspect và "
        "xuất lại danh sách\n"
    )
