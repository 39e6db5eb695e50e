"""Command-line tests of ``cchc-kpi validate``: exit codes, exact messages, outputs."""

import json
import subprocess
import sys

from cchc_kpi.ingestion.validate import validate

from .conftest import FIXTURES, ROOT, run_process

APPLICANT_VALUES = ["Nguyễn Văn Bình", "Trần Thị Mai", "Phạm Thị Lan", "056123456789", "056987654321"]

MISSING_VI = (
    "cchc-kpi: lỗi: {path}: thiếu cột bắt buộc cho trường received_at (cần một cột tên "
    '"Ngày tiếp nhận", "NgayTiepNhan", "Ngày nhận"); các cột tìm thấy: "Mã hồ sơ", "Chủ hồ sơ", '
    '"Đơn vị xử lý", "Ngày nhận hồ sơ", "Ngày hẹn trả"; có phải ý bạn là "Ngày nhận hồ sơ" → "Ngày nhận"?\n'
)
MISSING_EN = (
    "cchc-kpi: error: {path}: no column for required field received_at (expected a column named "
    '"Ngày tiếp nhận", "NgayTiepNhan", "Ngày nhận"); headers found: "Mã hồ sơ", "Chủ hồ sơ", '
    '"Đơn vị xử lý", "Ngày nhận hồ sơ", "Ngày hẹn trả"; did you mean "Ngày nhận hồ sơ" → "Ngày nhận"?\n'
)


def test_missing_required_column_exact_message(cli):
    """A missing required column: exit 2 and exactly one line naming field, headers and closest alias."""
    path = FIXTURES / "missing_received.csv"
    result = cli("validate", path)
    assert result.code == 2
    assert result.err == MISSING_VI.format(path=path)
    assert result.out == ""
    english = cli("validate", path, "--lang", "en")
    assert english.err == MISSING_EN.format(path=path)


def test_bad_dates_exit_1_names_rows_without_personal_data(cli):
    """Three bad key dates: exit 1 with --max-invalid 0, rows 3, 5, 6 named, no applicant name or ID printed."""
    path = FIXTURES / "bad_dates.csv"
    for fmt in ("table", "csv", "json", "markdown"):
        result = cli("validate", path, "--format", fmt, "--max-invalid", "0")
        assert result.code == 1, fmt
        for value in APPLICANT_VALUES:
            assert value not in result.out + result.err
    shown = cli("validate", path, "--format", "table", "--lang", "en")
    assert "3, 5" in shown.out and "6" in shown.out
    data = json.loads(cli("validate", path, "--format", "json").out)
    assert [r["row"] for r in data["rejected"]] == [3, 5, 6]


def test_max_invalid_raises_the_bar(cli):
    """--max-invalid 3 (or 50%) tolerates the three rejected rows; a bad value is a usage error;
    the default tolerates them (three rows: a handful, not most of the six)."""
    path = FIXTURES / "bad_dates.csv"
    assert cli("validate", path, "-f", "csv").code == 0
    assert cli("validate", path, "--max-invalid", "3", "-f", "csv").code == 0
    assert cli("validate", path, "--max-invalid", "50%", "-f", "csv").code == 0
    assert cli("validate", path, "--max-invalid", "2", "-f", "csv").code == 1
    bad = cli("validate", path, "--max-invalid", "many")
    assert bad.code == 2
    assert bad.err.count("\n") == 1


def test_rejects_file(cli, tmp_path):
    """--rejects writes one line per rejected row: row, file, column, reason; no cell values."""
    target = tmp_path / "loi.csv"
    result = cli(
        "validate",
        FIXTURES / "bad_dates.csv",
        "--rejects",
        target,
        "-f",
        "csv",
        "--lang",
        "en",
        "--max-invalid",
        "0",
    )
    assert result.code == 1
    lines = target.read_text("utf-8-sig").splitlines()
    assert lines[0] == "row,file,column,reason"
    assert [line.split(",")[0] for line in lines[1:]] == ["3", "5", "6"]
    assert lines[1].endswith("Ngày tiếp nhận,date unreadable or outside 1990–2099")
    for value in [*APPLICANT_VALUES, "32/03/2024", "chưa rõ"]:
        assert value not in target.read_text("utf-8-sig")
    assert not list(tmp_path.glob(".loi.csv.*"))


def test_rejects_file_may_not_be_an_input(cli):
    """An output path equal to an input path is refused before anything is written."""
    path = FIXTURES / "comma.csv"
    before = path.read_bytes()
    result = cli("validate", path, "--rejects", path)
    assert result.code == 2
    assert "trùng với một tệp đầu vào" in result.err
    assert path.read_bytes() == before


def test_json_equals_library_result(cli):
    """The CLI JSON is the library's ValidationResult, serialised."""
    paths = [FIXTURES / "vocabulary.csv", FIXTURES / "duplicates.csv"]
    out = json.loads(cli("validate", *paths, "--format", "json", "--lang", "en").out)
    assert out == validate(paths, lang="en").model_dump(mode="json")


def test_csv_and_tsv_twins(cli):
    """--format csv/tsv print the accounting table with machine column names."""
    csv_out = cli("validate", FIXTURES / "comma.csv", "-f", "csv").out.splitlines()
    assert csv_out[0] == "file,rows_read,rows_used,rows_rejected,rows_skipped,duplicates"
    assert csv_out[-1] == "TOTAL,3,2,0,1,0"
    tsv_out = cli("validate", FIXTURES / "comma.csv", "-f", "tsv").out.splitlines()
    assert tsv_out[-1] == "TOTAL\t3\t2\t0\t1\t0"


def test_inputs_from_option_folder_and_glob(cli):
    """Positional paths, --input, folders and globs can be mixed."""
    result = cli("validate", "--input", str(FIXTURES / "comma*.csv"), FIXTURES / "tab.tsv", "-f", "csv")
    assert result.code == 0
    assert len(result.out.splitlines()) == 4


def test_usage_errors_are_one_line(cli, tmp_path):
    """No input, a missing path, an empty folder: exit 2 with one line on stderr."""
    for args in (["validate"], ["validate", str(tmp_path / "nope.csv")], ["validate", str(tmp_path)]):
        result = cli(*args)
        assert result.code == 2, args
        assert result.err.startswith("cchc-kpi: lỗi: ")
        assert result.err.count("\n") == 1


def test_debug_shows_traceback_without_locals():
    """--debug adds the traceback (no local variables) before the one-line message."""
    plain = run_process("validate", "nope.csv")
    assert plain.returncode == 2
    assert "Traceback" not in plain.stderr
    debug = run_process("validate", "nope.csv", "--debug")
    assert debug.returncode == 2
    assert "Traceback (most recent call last)" in debug.stderr
    assert "locals" not in debug.stderr.lower()
    assert debug.stderr.strip().splitlines()[-1] == "cchc-kpi: lỗi: không tìm thấy tệp hoặc thư mục: nope.csv"


def test_piped_output_closed_early():
    """Output piped into a reader that stops early ends without a broken-pipe error."""
    producer = subprocess.Popen(
        [sys.executable, "-m", "cchc_kpi", "validate", "sample_data", "-f", "json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert producer.stdout is not None
    producer.stdout.read(10)
    producer.stdout.close()
    _, err = producer.communicate(timeout=60)
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err


def test_help_and_version():
    """--help lists the commands; --version prints the version."""
    helped = run_process("--help")
    assert helped.returncode == 0
    assert "validate" in helped.stdout and "sample" in helped.stdout
    version = run_process("--version")
    assert version.stdout.startswith("cchc-kpi ")
