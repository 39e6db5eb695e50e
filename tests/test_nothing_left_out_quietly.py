"""Nothing left out quietly: skipped files said even with --quiet, filters checked against
the data, an all-rejected report fails, cchc-kpi's own outputs among the exports skipped."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import FIXTURES, SAMPLE_DATA

OWN = "tệp do cchc-kpi tạo ra (báo cáo, danh sách), không phải tệp xuất hồ sơ"


def test_skipped_file_said_with_quiet_and_in_the_report(cli):
    """--skip-bad-files leaves a file out with one stderr line even with --quiet, and a warning in the JSON."""
    result = cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), str(FIXTURES / "password.xlsx"),
                 "--skip-bad-files", "--quiet", "-f", "json")  # fmt: skip
    assert result.code == 0
    assert result.err.splitlines() == [
        f"đã bỏ qua: {FIXTURES / 'password.xlsx'}: sổ tính được bảo vệ bằng mật khẩu hoặc mã hóa; "
        "hãy bỏ mật khẩu rồi lưu lại"
    ]
    report = json.loads(result.out)
    assert (
        "1 tệp bị bỏ qua: số liệu không gồm hồ sơ của các tệp đó (xem danh sách tệp bị bỏ qua)"
        in report["warnings"]
    )
    assert [s["path"] for s in report["accounting"]["skipped_files"]] == [str(FIXTURES / "password.xlsx")]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--unit", "UBND xa Van Hung", '--unit "UBND xa Van Hung": không có trong dữ liệu; có phải "UBND xã Vạn Hưng"?'),
        ("--unit", "ubnd xã vạn hung", '--unit "ubnd xã vạn hung": không có trong dữ liệu; có phải "UBND xã Vạn Hưng"?'),
        ("--unit", "UBND xã Vạn Hùng", '--unit "UBND xã Vạn Hùng": không có trong dữ liệu; có phải "UBND xã Vạn Hưng"?'),
        ("--field", "ho tich", '--field "ho tich": không có trong dữ liệu; có phải "Hộ tịch"?'),
        ("--unit", "TP Nha Trang", '--unit "TP Nha Trang": không có trong dữ liệu; có phải "UBND thành phố Nha Trang"?'),
        ("--unit", "Sở Ngoại vụ",
         '--unit "Sở Ngoại vụ": không có trong dữ liệu; xem các tên có trong dữ liệu bằng cchc-kpi report --by unit'),
        ("--level", "ấp", '--level "ấp" không hợp lệ; dùng: xã, huyện, tỉnh, sở, đất đai (hoặc province, department, '
         "district, land_office, commune, unknown)"),
    ],
)  # fmt: skip
def test_unknown_filter_is_a_usage_error(cli, option, value, message):
    """A --unit/--field/--level that names nothing in the data exits 2 with the name meant."""
    result = cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), option, value, "-f", "csv")
    assert result.code == 2
    assert result.err == f"cchc-kpi: lỗi: {message}\n"
    assert result.out == ""


@pytest.mark.parametrize("word", ["xã", "xa", "cấp xã", "Cấp Xã", "commune"])
def test_levels_in_vietnamese(cli, word):
    """--level accepts the level's key and its Vietnamese words, with or without diacritics."""
    result = cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), "--level", word, "-f", "json", "--quiet")
    assert result.code == 0
    assert json.loads(result.out)["total"]["received_total"] == 949


def test_filter_matches_spellings_of_a_unit(cli):
    """A unit named in another case or Unicode form is the same unit (no error, its figures)."""
    result = cli(
        "report", "-p", "Q1-2024", str(SAMPLE_DATA), "--unit", "ubnd XÃ vạn hưng", "-f", "json", "--quiet"
    )
    assert result.code == 0
    assert json.loads(result.out)["total"]["received_total"] == 56


def test_all_rows_rejected_fails(cli, tmp_path):
    """A report whose every dossier row is rejected exits 1, even with --max-invalid 100%."""
    path = tmp_path / "bad.csv"
    path.write_text("Mã hồ sơ,Đơn vị,Ngày tiếp nhận\nA1,UBND xã X,zz\nA2,UBND xã X,qq\n", encoding="utf-8")
    result = cli("report", "-p", "Q1-2024", str(path), "-f", "csv", "--max-invalid", "100%", "--quiet")
    assert result.code == 1
    assert result.err == (
        "cả 2 dòng hồ sơ đều bị loại, không có số liệu nào để báo cáo (mã thoát 1); xem lý do bằng cchc-kpi validate\n"
    )


def test_own_outputs_in_the_exports_folder_are_skipped(cli, tmp_path):
    """Reports, lists and workbooks written by cchc-kpi into the exports folder are skipped with a line each."""
    folder = tmp_path / "exports"
    shutil.copytree(SAMPLE_DATA, folder)
    before = json.loads(cli("report", "-p", "Q1-2024", str(folder), "-f", "json", "--quiet").out)["total"]
    outputs = {
        "bc.xlsx": ("report", "-o"), "qh.xlsx": ("overdue", "-o"), "bc.csv": ("report", "-f", "csv"),
        "bc.json": ("report", "-f", "json"), "qh.csv": ("overdue", "-f", "csv"), "qh.json": ("overdue", "-f", "json"),
    }  # fmt: skip
    for name, (command, *how) in outputs.items():
        target = tmp_path / name
        if how == ["-o"]:
            assert cli(command, "-p", "Q1-2024", str(folder), "-o", str(target), "--quiet").code == 0
        else:
            target.write_text(
                cli(command, "-p", "Q1-2024", str(folder), *how, "--quiet").out, encoding="utf-8"
            )
    assert cli("validate", str(folder), "--rejects", str(tmp_path / "loi.csv"), "-f", "csv").code == 0
    for name in [*outputs, "loi.csv"]:
        shutil.move(tmp_path / name, folder / name)
    result = cli("report", "-p", "Q1-2024", str(folder), "-f", "json", "--quiet")
    assert result.code == 0
    assert json.loads(result.out)["total"] == before
    assert sorted(result.err.splitlines()) == sorted(
        f"đã bỏ qua: {folder / n}: {OWN}" for n in [*outputs, "loi.csv"]
    )


def test_configured_alias_names_its_unit(cli, tmp_path):
    """--unit with a configured alias gives that unit's figures (not an empty report)."""
    config = tmp_path / "cchc-kpi.toml"
    config.write_text('[[units]]\nname = "UBND thành phố Nha Trang"\nlevel = "district"\n'
                      'aliases = ["Bộ phận Một cửa TP Nha Trang"]\n', encoding="utf-8")  # fmt: skip
    args = ("report", "-p", "Q1-2024", str(SAMPLE_DATA), "--config", str(config), "-f", "json", "--quiet")
    by_alias = json.loads(cli(*args, "--unit", "Bộ phận Một cửa TP Nha Trang").out)["total"]
    by_name = json.loads(cli(*args, "--unit", "UBND thành phố Nha Trang").out)["total"]
    assert by_alias == by_name and by_name["received_total"] == 136


def test_other_outputs_of_cchc_kpi_are_skipped_too(cli, tmp_path):
    """score766 and validate outputs (CSV and JSON) among the exports are skipped with a line."""
    folder = tmp_path / "exports"
    shutil.copytree(SAMPLE_DATA, folder)
    outputs = {"diem.csv": ("score766", "-p", "Q1-2024", "-f", "csv"), "diem.json": ("score766", "-p", "Q1-2024", "-f", "json"),
               "kiem-tra.csv": ("validate", "-f", "csv"), "kiem-tra.json": ("validate", "-f", "json")}  # fmt: skip
    for name, (command, *how) in outputs.items():
        (tmp_path / name).write_text(cli(command, str(folder), *how, "--quiet").out, encoding="utf-8")
    for name in outputs:
        shutil.move(tmp_path / name, folder / name)
    result = cli("validate", str(folder), "-f", "json", "--quiet")
    assert result.code == 0
    assert sorted(result.err.splitlines()) == sorted(f"đã bỏ qua: {folder / n}: {OWN}" for n in outputs)


def test_only_own_outputs_is_said_so(cli, tmp_path):
    """A folder holding only cchc-kpi's outputs: exit 2 saying so (not "--skip-bad-files")."""
    report = tmp_path / "bc.csv"
    report.write_text(
        cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), "-f", "csv", "--quiet").out, encoding="utf-8"
    )
    result = cli("report", "-p", "Q1-2024", str(report))
    assert result.code == 2
    assert result.err == f"cchc-kpi: lỗi: {report}: {OWN}; không có tệp xuất nào để đọc (1 tệp)\n"


def test_inspect_a_folder_says_what_to_do(cli):
    """inspect on a folder names it as a folder and the commands to use."""
    result = cli("inspect", str(SAMPLE_DATA))
    assert result.code == 2
    assert result.err == (
        f"cchc-kpi: lỗi: {SAMPLE_DATA} là thư mục; inspect xem từng tệp một: cchc-kpi inspect {SAMPLE_DATA}/TÊN-TỆP "
        f"(cả thư mục: cchc-kpi validate {SAMPLE_DATA})\n"
    )
