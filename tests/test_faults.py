"""Trust under faults and hostile files: each class of fault with a small generated input,
its exit code, its exact one-line message, no cell text in it, nothing lost or doubled, no
stray file, and bounded memory for the inputs built to take gigabytes."""

from __future__ import annotations

import io
import json
import os
import re
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.pipeline import ingest

from .conftest import ROOT

HEADER = "Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái"
UNIT = "UBND xã Vạn Hưng"


def _row(i: int, unit: str = UNIT) -> str:
    return f"A{i};{unit};0{1 + i % 8}/03/2024 08:00;1{1 + i % 8}/03/2024;1{i % 8}/03/2024;Đã trả kết quả"


def _csv(path: Path, rows: list[str], end: str = "\n", header: str = HEADER) -> Path:
    path.write_bytes((end.join([header, *rows]) + end).encode("utf-8"))
    return path


def _one_line(result) -> str:
    """The whole of stderr, which must be one line."""
    assert result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    return result.err.rstrip("\n")


def _peak_mb(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the command line in a child process; its peak resident memory in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = subprocess.run(
        [sys.executable, "-m", "cchc_kpi", *args], capture_output=True, text=True, cwd=ROOT, check=False,
        timeout=120,
    )  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return run, max(peak, before) / 1024


# --- line ends, ragged records, NUL bytes, encodings ---------------------------------------


def test_a_lone_cr_inside_an_lf_export_ends_a_line(tmp_path):
    """One bare CR between two records of an LF export: both dossiers are read (not joined), and a warning counts it."""
    text = "\n".join([HEADER, _row(1), _row(2)]) + "\r" + _row(3) + "\n"
    path = tmp_path / "cr.csv"
    path.write_bytes(text.encode("utf-8"))
    dataset = ingest([path])
    assert sorted(dataset.dossiers["dossier_id"].to_list()) == ["A1", "A2", "A3"]
    assert dataset.accounting.rows_rejected == 0
    assert [w.render("en") for w in dataset.warnings if w.key == "warn.lone_cr"] == [
        f"{path}: 1 line ends written as a lone CR (no LF) read as line ends, as Excel does"
    ]


def test_a_cr_only_export_is_read(cli, tmp_path):
    """An export with old Mac line ends (CR only) reads every row, with their row numbers."""
    path = _csv(tmp_path / "mac.csv", [_row(i) for i in range(5)], end="\r")
    data = json.loads(cli("validate", path, "-f", "json").out)
    assert (data["accounting"]["rows_read"], data["accounting"]["rows_used"]) == (6, 5)


def test_two_records_run_together_are_a_rejected_row(tmp_path):
    """A row holding more cells than the header (two records joined) is rejected with its row number, never cut to fit."""
    rows = [_row(i) for i in range(30)]
    rows[9] = _row(9) + ";" + _row(99)
    dataset = ingest([_csv(tmp_path / "joined.csv", rows)])
    assert dataset.rejected.rows() == [(0, 11, "ragged", "*")]
    assert dataset.accounting.rows_used == 29
    assert "A99" not in dataset.dossiers["dossier_id"].to_list()


def test_an_export_whose_rows_mostly_overflow_is_refused(cli, tmp_path):
    """Most rows holding more cells than the header (unquoted delimiters in a text, a different number in each row):
    exit 2, one line naming the counts and the first row."""
    rows = [_row(i) for i in range(3)] + [_row(i) + ";x" * (1 + i % 4) for i in range(3, 11)]
    path = _csv(tmp_path / "lech.csv", rows)
    result = cli("validate", path)
    assert result.code == 2
    assert _one_line(result) == (
        f"cchc-kpi: lỗi: {path}: 8 trong 11 dòng dữ liệu có nhiều ô hơn dòng tiêu đề (6 ô) (dòng đầu tiên: 5); "
        "các giá trị lệch khỏi tên cột nên không thể đọc đúng. Hãy xuất lại danh sách, hoặc khai báo vị trí các "
        "cột (positions) trong một hồ sơ cấu hình"
    )


def test_nul_bytes_are_removed_and_counted(tmp_path):
    """NUL bytes padding cells (legacy exporters) are removed with a warning counting them; the unit is one name."""
    text = "\n".join([HEADER, _row(1), _row(2).replace("UBND", "UB\x00\x00ND"), _row(3) + "\x00" * 10]) + "\n"
    path = tmp_path / "nul.csv"
    path.write_bytes(text.encode("utf-8"))
    dataset = ingest([path])
    assert dataset.dossiers["unit"].unique().to_list() == [UNIT]
    assert dataset.accounting.rows_used == 3
    assert [w.render("vi") for w in dataset.warnings if w.key == "warn.nul_removed"] == [
        f"{path}: đã bỏ 12 ký tự NUL (phần mềm cũ dùng để đệm ô)"
    ]


def test_a_stray_byte_after_the_first_megabyte_is_a_warning(tmp_path):
    """A byte that is not UTF-8 deep in an export: no library error; the rows are read and a warning counts the cells."""
    rows = [_row(i) for i in range(20_000)]
    data = ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")
    at = data.index(b"A18000;UBND x") + len("A18000;UBND x")
    path = tmp_path / "byte.csv"
    path.write_bytes(data[:at] + b"\xff" + data[at + 2 :])  # "ã" (two bytes) → one byte that is no UTF-8
    assert at > 1 << 20
    dataset = ingest([path])
    assert dataset.accounting.rows_used == 20_000
    assert [w.key for w in dataset.warnings].count("warn.invalid_text") == 1
    assert [w.params["count"] for w in dataset.warnings if w.key == "warn.invalid_text"] == [1]


def test_a_stray_byte_in_the_first_rows_keeps_the_export_utf8(tmp_path):
    """One byte that is no UTF-8 near the top of a UTF-8 export: still read as UTF-8 (names intact), with the warning."""
    data = ("\n".join([HEADER, *(_row(i) for i in range(50))]) + "\n").encode("utf-8")
    at = data.index(b"A3;UBND x") + len("A3;UBND x")
    path = tmp_path / "byte.csv"
    path.write_bytes(data[:at] + b"\xff" + data[at + 2 :])
    dataset = ingest([path])
    assert dataset.accounting.rows_used == 50
    assert dataset.dossiers.filter(pl.col("dossier_id") == "A4")["unit"].item() == UNIT
    assert [w.params["count"] for w in dataset.warnings if w.key == "warn.invalid_text"] == [1]


def test_a_header_line_over_a_megabyte_is_read(tmp_path):
    """A header line longer than the sniffing sample (a 1.5 MB unmapped header cell) is still found."""
    header = HEADER + ";" + "Ghi chú " * 200_000
    path = _csv(tmp_path / "dai.csv", [_row(i) + ";x" for i in range(3)], header=header)
    assert ingest([path]).accounting.rows_used == 3


def test_a_line_over_the_limit_is_refused(cli, tmp_path):
    """A line longer than 16 MiB (a one-line file): exit 2 before the scanner takes the memory; --no-limits reads it."""
    path = tmp_path / "mot-dong.csv"
    path.write_bytes((HEADER + "\n" + _row(1) + ";" + "x" * (17 * 2**20)).encode())
    result = cli("validate", path)
    assert result.code == 2
    assert _one_line(result) == (
        f"cchc-kpi: lỗi: {path}: có dòng dài hơn 16 MiB (không phải danh sách hồ sơ, hoặc tệp bị hỏng); "
        "dùng cchc-kpi --no-limits nếu tệp đáng tin cậy"
    )


def test_invisible_and_control_characters_leave_names(tmp_path, cli):
    """A BOM, a zero-width space, a word joiner or a terminal escape inside unit names: one unit, and no escape in any output."""
    units = [UNIT, "UBND\u200b xã Vạn Hưng", "\ufeffUBND xã Vạn\u2060 Hưng", "UBND xã \x1b[31mVạn Hưng"]
    path = _csv(tmp_path / "an.csv", [_row(i, units[i % 4]) for i in range(8)])
    dataset = ingest([path])
    assert sorted(set(dataset.dossiers["unit"].to_list())) == [UNIT, "UBND xã [31mVạn Hưng"]
    result = cli("report", "-p", "Q1-2024", path, "--by", "unit", "-f", "csv")
    assert "\x1b" not in result.out and "\x1b" not in result.err


# --- one snapshot of each input ----------------------------------------------------------


def test_an_export_replaced_while_a_run_reads_it_gives_one_version(tmp_path, monkeypatch):
    """The export is replaced (renamed over) between the planning and the full read: every row comes from the file opened first."""
    import cchc_kpi.ingestion.pipeline as pipeline

    path = _csv(tmp_path / "ds.csv", [_row(i) for i in range(5)])
    newer = _csv(tmp_path / "moi.csv", [_row(i) for i in range(100, 140)])
    real = pipeline._collect_skipping

    def replace_then_collect(*args, **kwargs):
        os.replace(newer, path)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_collect_skipping", replace_then_collect)
    dataset = ingest([path])
    assert sorted(dataset.dossiers["dossier_id"].to_list()) == [f"A{i}" for i in range(5)]


def test_an_export_rewritten_in_place_while_read_is_an_error(cli, tmp_path, monkeypatch):
    """The export is rewritten in place while the run reads it: exit 2, one line saying so, no output."""
    import cchc_kpi.ingestion.pipeline as pipeline

    path = _csv(tmp_path / "ds.csv", [_row(i) for i in range(5)])
    real = pipeline._collect_skipping

    def rewrite_then_collect(*args, **kwargs):
        with path.open("ab") as handle:
            handle.write((_row(77) + "\n").encode())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_collect_skipping", rewrite_then_collect)
    out = tmp_path / "bc.csv"
    result = cli("report", "-p", "Q1-2024", path, "-o", out)
    assert result.code == 2
    assert _one_line(result) == (
        f"cchc-kpi: lỗi: {path}: tệp bị thay đổi trong khi đang đọc; hãy chờ phần mềm xuất xong rồi chạy lại"
    )
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    """A FIFO named as an export is refused at once (exit 2), not waited on."""
    fifo = tmp_path / "ong.csv"
    os.mkfifo(fifo)
    run, _ = _peak_mb("validate", str(fifo))
    assert run.returncode == 2
    assert (
        run.stderr
        == f"cchc-kpi: lỗi: {fifo}: không phải một tệp thông thường (thư mục, thiết bị, FIFO hay socket); hãy chỉ đến tệp xuất\n"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("option", ["--holidays", "--catalog", "--config"])
def test_a_device_is_refused_for_every_path_read(cli, tmp_path, option):
    """/dev/zero as the holidays table, the catalogue or the configuration: exit 2 at once, never read without end."""
    export = _csv(tmp_path / "ds.csv", [_row(1)])
    result = cli("report", "-p", "Q1-2024", export, option, "/dev/zero")
    assert result.code == 2
    assert _one_line(result) == (
        "cchc-kpi: lỗi: /dev/zero: không phải một tệp thông thường (thư mục, thiết bị, FIFO hay socket); "
        "hãy chỉ đến tệp xuất"
    )


# --- workbooks ---------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]], options: dict | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path), options or {})
    sheet = book.add_worksheet("Danh sách")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    return path


def _rewrite_member(path: Path, member: str, change) -> None:
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, change(data) if info.filename == member else data)
    path.write_bytes(out.getvalue())


def test_serial_dates_of_a_1904_workbook(tmp_path):
    """Serial-number dates in a workbook saved with the 1904 date system are read on the right day, not four years off."""
    serial_1904 = (pl.date(2024, 3, 4) - pl.date(1904, 1, 1)).dt.total_days()
    days = pl.select(serial_1904).item()
    rows = [["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"], ["A1", UNIT, days]]
    path = _workbook(tmp_path / "1904.xlsx", rows, {"date_1904": True})
    received = ingest([path]).dossiers["received_at"].dt.date().to_list()
    assert [str(d) for d in received] == ["2024-03-04"]


def test_a_dimension_that_starts_late_cuts_nothing(tmp_path):
    """A <dimension> that claims the sheet starts at column C while the cells start at A: every row is read."""
    rows = [
        ["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"],
        *[[f"A{i}", UNIT, "02/03/2024"] for i in range(5)],
    ]
    path = _workbook(tmp_path / "dim.xlsx", rows)
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b'<dimension ref="A1:C6"/>', b'<dimension ref="C1:C6"/>'),
    )
    dataset = ingest([path])
    assert dataset.accounting.rows_used == 5 and dataset.accounting.rows_rejected == 0


def test_a_cell_past_excels_last_row_is_refused_in_little_memory(tmp_path):
    """A 2 KB workbook with a cell in row 99,999,999: exit 2 naming it, before calamine lays out the range (peak memory small)."""
    path = _workbook(
        tmp_path / "xa.xlsx", [["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"], ["A1", UNIT, "02/03/2024"]]
    )
    _rewrite_member(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</sheetData>", b'<row r="99999999"><c r="A99999999" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))  # fmt: skip
    assert path.stat().st_size < 8192
    run, peak = _peak_mb("validate", str(path))
    assert run.returncode == 2
    assert run.stderr == (
        f'cchc-kpi: lỗi: {path}: trang "Danh sách" có ô ở dòng 99.999.999 hoặc cột 3, vượt quá kích thước của '
        "Excel (1.048.576 dòng × 16.384 cột); tệp bị hỏng hoặc không phải do phần mềm một cửa tạo\n"
    )
    assert peak < 400


def test_a_huge_declared_dimension_is_only_a_hint(tmp_path):
    """A <dimension> of A1:ZZZZZ1 on a small sheet: the sheet is read, in little memory (the dimension is dropped)."""
    path = _workbook(
        tmp_path / "rong.xlsx", [["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"], ["A1", UNIT, "02/03/2024"]]
    )
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:ZZZZZ1"/>'),
    )
    run, peak = _peak_mb("validate", str(path), "-f", "json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["accounting"]["rows_used"] == 1
    assert peak < 400


def test_a_sheet_of_whitespace_is_a_zip_bomb(cli, tmp_path):
    """A sheet padded with megabytes of whitespace (compressed a thousand times) is refused before unpacking."""
    path = _workbook(tmp_path / "trang.xlsx", [["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"]])
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b"<sheetData>", b"<sheetData>" + b" " * (24 * 2**20)),
    )
    result = cli("validate", path)
    assert result.code == 2
    assert "xl/worksheets/sheet1.xml" in _one_line(result)


# --- HTML --------------------------------------------------------------------------------


def test_html_without_closing_cell_and_row_tags(tmp_path):
    """An HTML list that leaves out </td> and </tr> (as HTML allows) gives every row."""
    cells = "".join(f"<tr><td>A{i}<td>{UNIT}<td>0{1 + i}/03/2024" for i in range(4))
    path = tmp_path / "ds.xls"
    path.write_text(
        f"<html><table><tr><td>Mã hồ sơ<td>Đơn vị xử lý<td>Ngày tiếp nhận{cells}</table></html>", "utf-8"
    )
    dataset = ingest([path])
    assert dataset.dossiers["dossier_id"].to_list() == ["A0", "A1", "A2", "A3"]


def test_html_spans_cannot_take_the_memory(tmp_path):
    """A few hundred bytes of rowspan × colspan: exit 2 naming the cell budget, in little memory."""
    bomb = "<td rowspan=1000000 colspan=16384>x</td>" * 4
    path = tmp_path / "bom.xls"
    path.write_text(f"<table><tr><td>Mã hồ sơ</td><td>Ngày tiếp nhận</td>{bomb}</tr></table>", "utf-8")
    assert path.stat().st_size < 600
    run, peak = _peak_mb("validate", str(path))
    assert run.returncode == 2
    assert run.stderr == (
        f"cchc-kpi: lỗi: {path}: bảng HTML chiếm hơn 20.000.000 ô (kể cả các ô gộp rowspan / colspan); không đọc "
        "để tránh hết bộ nhớ; dùng cchc-kpi --no-limits nếu tệp đáng tin cậy\n"
    )
    assert peak < 400


# --- messages ----------------------------------------------------------------------------


APPLICANT = "Nguyễn Thị Hoa;079123456789;0912345678;12 Lê Lợi, Nha Trang"


def test_no_header_error_quotes_no_cell(cli, tmp_path):
    """An export without a header row: the error names the file and the rows looked at, no cell of it."""
    path = tmp_path / "khong-tieu-de.csv"
    path.write_text("\n".join(APPLICANT for _ in range(5)) + "\n", "utf-8")
    result = cli("validate", path)
    assert result.code == 2
    line = _one_line(result)
    assert line == (
        f"cchc-kpi: lỗi: {path}: không tìm thấy dòng tiêu đề: không dòng nào trong 5 dòng đầu có ít nhất hai tên cột "
        'như "Mã hồ sơ", "Ngày tiếp nhận"; xem tên các cột bằng cchc-kpi inspect'
    )
    for value in APPLICANT.split(";"):
        assert value not in result.err


def test_a_library_failure_prints_no_text_of_it(cli, tmp_path, monkeypatch):
    """An unexpected library exception quoting a cell: one line naming its kind; --debug shows where, never the text."""
    import cchc_kpi.ingestion.pipeline as pipeline

    cell = " ".join(APPLICANT.split(";")[:2])

    def fail(*args, **kwargs):
        raise ValueError(f"could not parse {cell!r}")

    monkeypatch.setattr(pipeline, "_collect_skipping", fail)
    path = _csv(tmp_path / "ds.csv", [_row(1)])
    result = cli("validate", path)
    assert result.code == 2
    assert _one_line(result) == (
        "cchc-kpi: lỗi: lỗi không mong đợi (ValueError); hãy chạy lại với --debug để xem nơi xảy ra lỗi và báo "
        "cho người phát triển"
    )
    debug = cli("validate", path, "--debug")
    assert "Traceback (most recent call last)" in debug.err and "builtins.ValueError" in debug.err
    assert "Nguyễn" not in debug.err and "079123456789" not in debug.err and cell not in debug.err


def test_messages_are_bounded_and_free_of_control_characters():
    """A file name with terminal escapes and 10,000 characters becomes a short message without control characters."""
    from cchc_kpi.i18n.messages import Message

    line = Message("input.empty_file", {"file": "\x1b[2J\x1b]0;x\x07" + "a" * 10_000}).render("vi")
    assert "\x1b" not in line and "\x07" not in line
    assert len(line) < 300 and "…" in line


# --- outputs -----------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--catalog", "--holidays"])
def test_an_output_over_another_input_is_refused(cli, tmp_path, option):
    """-o naming the catalogue or the holidays table: exit 2, the file untouched."""
    export = _csv(tmp_path / "ds.csv", [_row(1)])
    other = tmp_path / "khac.csv"
    content = (
        "date,kind,name,source\n" if option == "--holidays" else "Mã TTHC,Tên TTHC,Cấp thực hiện,Mức độ\n"
    )
    other.write_text(content, "utf-8")
    result = cli("report", "-p", "Q1-2024", export, option, other, "-o", other)
    assert result.code == 2
    assert _one_line(result) == f"cchc-kpi: lỗi: tệp kết quả {other} trùng với một tệp đầu vào"
    assert other.read_text("utf-8") == content


def test_an_output_over_the_configuration_or_a_hard_link_is_refused(cli, tmp_path):
    """-o naming the configuration file, or a hard link to an export: exit 2, nothing changed."""
    export = _csv(tmp_path / "ds.csv", [_row(1)])
    config = tmp_path / "cchc-kpi.toml"
    config.write_text("[report]\n", "utf-8")
    assert cli("report", "-p", "Q1-2024", export, "--config", config, "-o", config).code == 2
    assert config.read_text("utf-8") == "[report]\n"
    link = tmp_path / "lien-ket.csv"
    os.link(export, link)
    before = export.read_bytes()
    assert cli("report", "-p", "Q1-2024", export, "-o", link).code == 2
    assert export.read_bytes() == before


def test_leftovers_of_a_killed_run_are_removed_by_the_next(cli, tmp_path):
    """Temporary files and xlsxwriter parts a killed run left beside the output are removed by the next run writing it."""
    export = _csv(tmp_path / "ds.csv", [_row(1)])
    out = tmp_path / "bc.xlsx"
    (tmp_path / ".bc.xlsx.abc123.tmp").write_bytes(b"half")
    parts = tmp_path / ".bc.xlsx.abc123.tmp.parts"
    parts.mkdir()
    (parts / "tmp1").write_bytes(b"sheet")
    assert cli("report", "-p", "Q1-2024", export, "-o", out).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bc.xlsx", "ds.csv"]


def test_a_full_disk_inside_xlsxwriter_leaves_no_part(cli, tmp_path, monkeypatch):
    """ENOSPC while xlsxwriter assembles the workbook: exit 2 on one line, no part file anywhere, no output."""
    import errno

    export = _csv(tmp_path / "ds.csv", [_row(1)])
    out_dir = tmp_path / "ra"
    out_dir.mkdir()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    result = cli("report", "-p", "Q1-2024", export, "-o", out_dir / "bc.xlsx")
    assert result.code == 2
    assert (
        _one_line(result)
        == f"cchc-kpi: lỗi: không ghi được {out_dir / 'bc.xlsx'}: {os.strerror(errno.ENOSPC)}"
    )
    assert list(out_dir.iterdir()) == []


def test_a_sheet_past_excels_last_row_says_where_the_rest_is(tmp_path, monkeypatch):
    """A list longer than a sheet holds: the rows that fit, then a line saying how many are left out and where they are."""
    import openpyxl

    import cchc_kpi.outputs.workbook.cells as cells

    monkeypatch.setattr(cells, "EXCEL_ROWS", 12)
    path = tmp_path / "dai.xlsx"
    book = cells.new_workbook(path)
    sheet = book.add_worksheet("S")
    rows = [{"a": f"r{i}"} for i in range(20)]
    cells.write_table_sheet(
        sheet, [cells.SheetColumn("a", "A")], rows, cells.make_formats(book), "T", lang="en"
    )
    cells.close_workbook(book, path)
    values = [r[0] for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]
    assert values[-1] == (
        "This sheet holds 8 of 20 rows (Excel's row limit); all 20 rows are in the CSV (-o name.csv) or JSON output"
    )
    assert values[-2] == "r7" and len(values) == 12


def test_output_templates_take_only_their_four_names(cli, tmp_path):
    """-o with {period.__class__} or {0}: exit 2 naming the allowed names; {period} and {today} work."""
    export = _csv(tmp_path / "ds.csv", [_row(1)])
    for bad in ("{period.__class__}.csv", "{0}.csv", "{period!r}.csv", "{start:%Y}.csv"):
        result = cli("report", "-p", "Q1-2024", export, "-o", tmp_path / bad)
        assert result.code == 2
        assert _one_line(result) == (
            f'cchc-kpi: lỗi: mẫu tên tệp kết quả "{tmp_path / bad}" chỉ được dùng {{period}}, {{start}}, {{end}}, {{today}}'
        )
    assert cli("report", "-p", "Q1-2024", export, "-o", tmp_path / "bc-{period}-{start}.csv").code == 0
    assert (tmp_path / "bc-Q1-2024-2024-01-01.csv").is_file()


def test_a_configured_output_stays_in_the_configurations_folder(cli, tmp_path):
    """A configuration whose output leaves its folder is refused (exit 2) unless output_anywhere = true."""
    export = _csv(tmp_path / "ds.csv", [_row(1)])
    folder = tmp_path / "cau-hinh"
    folder.mkdir()
    config = folder / "cchc-kpi.toml"
    config.write_text('[report]\noutput = "../ngoai/bc-{period}.csv"\n', "utf-8")
    (tmp_path / "ngoai").mkdir()
    result = cli("report", "-p", "Q1-2024", export, "--config", config)
    assert result.code == 2
    assert _one_line(result) == (
        f"cchc-kpi: lỗi: {config}: [report] output ghi ra {folder / '../ngoai/bc-Q1-2024.csv'}, ngoài thư mục "
        f"{folder} của tệp cấu hình; đặt output_anywhere = true trong [report] nếu đúng ý"
    )
    config.write_text('[report]\noutput = "../ngoai/bc-{period}.csv"\noutput_anywhere = true\n', "utf-8")
    assert cli("report", "-p", "Q1-2024", export, "--config", config).code == 0
    assert (tmp_path / "ngoai" / "bc-Q1-2024.csv").is_file()


def test_excel_vi_negative_changes_stay_numbers(cli, tmp_path):
    """--csv-style excel-vi writes a negative change as a number with a decimal comma, not as formula-guarded text."""
    rows = [_row(i) for i in range(4)] + [r.replace("/03/2024", "/12/2023") for r in (_row(10), _row(11))]
    export = _csv(tmp_path / "ds.csv", rows)
    out = cli(
        "report", "-p", "Q1-2024", export, "--compare", "previous", "--csv-style", "excel-vi", "-f", "csv"
    ).out
    assert "'-" not in out
    header, total = out.splitlines()[0].split(";"), out.splitlines()[-1].split(";")
    change = total[header.index("received_new_change")]
    assert change.startswith("-") or change.lstrip("-").isdigit()


def test_repeated_header_rows_are_skipped(tmp_path):
    """A print-paged export repeating its header every few rows: the repeats are header rows, not rejected dossiers."""
    rows = []
    for i in range(12):
        rows.append(_row(i))
        if i % 4 == 3:
            rows.append(HEADER)
    dataset = ingest([_csv(tmp_path / "trang.csv", rows)])
    assert dataset.accounting.rows_rejected == 0 and dataset.accounting.rows_used == 12
    assert dataset.inputs[0].skipped == {"header": 4}


@pytest.mark.parametrize("name", ['Nguyễn "Văn A', '"Nguyễn Văn A'])
def test_a_stray_quote_in_an_applicant_column_loses_nothing(cli, tmp_path, name):
    """A stray double quote in an unmapped applicant cell: every row read (quotes then read as text, warned), the name in no output."""
    header = "Mã hồ sơ;Chủ hồ sơ;Đơn vị xử lý;Ngày tiếp nhận"
    rows = [
        f"A1;{name};{UNIT};02/03/2024",
        f"A2;Trần Văn B;{UNIT};03/03/2024",
        f"A3;Lê Thị C;{UNIT};04/03/2024",
    ]
    path = _csv(tmp_path / "ngoac.csv", rows, header=header)
    result = cli("validate", path, "-f", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["accounting"]["rows_used"] == 3
    assert "Nguyễn" not in result.out + result.err and "Văn A" not in result.out + result.err


def test_a_dimension_that_ends_early_cuts_nothing_and_a_true_one_is_kept(tmp_path):
    """A <dimension> ending at column B (or starting at C) while cells span A–C is a lie to drop; a true one is kept."""
    from cchc_kpi.read.xlsx_scan import sheet_extent

    rows = [
        ["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"],
        *[[f"A{i}", UNIT, "02/03/2024"] for i in range(5)],
    ]
    lies = {}
    for name, declared in (("dung", b"A1:C6"), ("ngan", b"A1:B6"), ("muon", b"C1:C6")):
        path = _workbook(tmp_path / f"{name}.xlsx", rows)
        _rewrite_member(path, "xl/worksheets/sheet1.xml", lambda d, r=declared: d.replace(b"A1:C6", r))
        with zipfile.ZipFile(path) as book:
            lies[name] = sheet_extent(book, "xl/worksheets/sheet1.xml").dimension_lies
        assert ingest([path]).accounting.rows_used == 5
    assert lies == {"dung": False, "ngan": True, "muon": True}


def _prefixed(xml: bytes) -> bytes:
    """A sheet's XML with its elements written with the prefix ``x:``, as the Open XML SDK writes them."""
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    xml = xml.replace(main, main.replace(b"xmlns=", b"xmlns:x="))
    return re.sub(rb"<(/?)(?=[a-zA-Z])(?!\?)", rb"<\1x:", xml)


def test_a_sheet_written_with_a_namespace_prefix_is_read_and_checked(tmp_path):
    """A sheet of <x:row>/<x:c> elements is read like any other, and a cell in Excel's last column and
    row is refused before calamine lays out the range."""
    rows = [
        ["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận"],
        *[[f"A{i}", UNIT, "02/03/2024"] for i in range(5)],
    ]
    path = _workbook(tmp_path / "sdk.xlsx", rows)
    _rewrite_member(path, "xl/worksheets/sheet1.xml", _prefixed)
    assert b"<x:c " in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert ingest([path]).accounting.rows_used == 5
    _rewrite_member(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</x:sheetData>", b'<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row></x:sheetData>'))  # fmt: skip
    with pytest.raises(InputError) as err:  # Excel's last cell: 17 billion cells laid out, were it read
        ingest([path])
    assert err.value.message.key == "input.sheet_cells"


def test_a_stray_quote_below_the_head_rows_is_read_as_text_not_a_crash(cli, tmp_path):
    """A stray quote in row 100 (past the header's 40 rows, inside the date sample): quotes read as text, warned, that row rejected."""
    rows = [_row(i) for i in range(150)]
    rows[98] = rows[98].replace(";0", ';"0', 1)
    result = cli("validate", _csv(tmp_path / "ngoac.csv", rows), "-f", "json", "--max-invalid", "5")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert any('dấu ngoặc kép (") trong tệp không khép đúng' in w for w in report["warnings"])
    assert (report["accounting"]["rows_used"], report["accounting"]["rows_rejected"]) == (149, 1)


def test_a_catalogue_unreadable_below_its_head_is_a_one_line_error(cli, tmp_path):
    """A catalogue whose quotes break below its first rows: exit 2 and the unreadable-file line, no 'unexpected error'."""
    lines = (ROOT / "tests" / "fixtures" / "catalog.csv").read_text("utf-8").splitlines()
    body = [f"{i};1.00{i:04d};Thủ tục {i};Cấp xã;Một phần;Không" for i in range(10, 200)]
    body[80] = body[80].replace(";Thủ tục", ';"Thủ tục')
    path = tmp_path / "danh-muc.csv"
    path.write_text("\n".join([*lines, *body]) + "\n", "utf-8")
    result = cli("catalog", path, "-f", "csv")
    assert result.code == 2
    assert _one_line(result) == (
        f"cchc-kpi: lỗi: {path}: không đọc được tệp (nội dung không đúng dạng một danh sách CSV / Excel); "
        "chạy với --debug để xem chi tiết kỹ thuật"
    )


def test_inspect_reads_again_with_quotes_as_text_when_the_full_read_fails(monkeypatch, tmp_path):
    """inspect: a full read that fails (as a stray quote far down makes it) is read again with quotes as text, said in the notes; one that fails again is the sheet's problem."""
    from cchc_kpi.ingestion import inspection

    path = _csv(tmp_path / "ds.csv", [_row(i) for i in range(6)])
    real, calls = inspection.parse_rows, []

    def failing(plan, times):
        calls.append(1)
        if len(calls) <= times:
            raise pl.exceptions.ComputeError("Nguyễn Văn A")  # as Polars' text may quote a cell
        return real(plan)

    monkeypatch.setattr(inspection, "parse_rows", lambda plan: failing(plan, 1))
    (sheet,) = inspection.inspect_file(path).sheets
    assert sheet.dossier_rows == 6 and sheet.problem is None
    assert any("dấu ngoặc kép" in note for note in sheet.notes)
    calls.clear()
    monkeypatch.setattr(inspection, "parse_rows", lambda plan: failing(plan, 2))
    (sheet,) = inspection.inspect_file(path).sheets
    assert (
        sheet.problem
        == f"{path}: không đọc được tệp (nội dung không đúng dạng một danh sách CSV / Excel); chạy với --debug để xem chi tiết kỹ thuật"
    )
    assert "Nguyễn" not in str(sheet.model_dump())


PERSONAL_HEADER = "Mã hồ sơ;Chủ hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả"


# commands whose output shows shown-text cells (units, codes, a preview of the rows)
SHOWING = (
    ("report", "-p", "Q1-2024", "-b", "unit", "-f", "csv"),
    ("dossiers", "-p", "Q1-2024", "-m", "received_total", "-f", "csv"),
    ("inspect", "-n", "20", "-f", "csv"),
)


def _shows_no_applicant(cli, path: Path, *commands: tuple[str, ...]) -> None:
    """Each command on ``path`` ends as it should (0 or 1) and shows no applicant's name."""
    for args in commands:
        result = cli(*args, path)
        assert result.code in (0, 1), result.err
        assert "Nguyễn" not in result.out + result.err, args


def _personal_rows(n: int) -> list[str]:
    return [f"A{i};Nguyễn Văn {i};{UNIT};0{1 + i % 8}/03/2024 08:00;2{i % 8}/03/2024" for i in range(n)]


def test_two_stray_quotes_joining_lines_are_warned_with_the_lines_lost(cli, tmp_path):
    """A quote opening an applicant cell on line 11 and one closing another on line 31 join 20 lines into one cell: warned with that count, no name shown."""
    rows = _personal_rows(40)
    rows[9] = rows[9].replace(";Nguyễn", ';"Nguyễn')
    rows[29] = rows[29].replace(f";{UNIT}", f'";{UNIT}')
    result = cli("validate", _csv(tmp_path / "ngoac.csv", rows, header=PERSONAL_HEADER), "-f", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["accounting"]["rows_used"] == 20
    assert (
        f"{tmp_path / 'ngoac.csv'}: 20 dòng của tệp nằm bên trong ô có dấu ngoặc kép trải nhiều dòng; "
        "nếu tệp không có ô xuống dòng"
    ) in " ".join(report["warnings"])
    assert "Nguyễn" not in result.out + result.err


@pytest.mark.parametrize("column", [0, 2, 3], ids=["code", "procedure", "unit"])
def test_lines_joined_into_a_shown_cell_reject_the_row_and_show_no_applicant(cli, tmp_path, column):
    """Stray quotes joining lines into a code, procedure or unit cell: that row rejected as rows joined; no report, list or inspect shows the joined text."""
    header = "Mã hồ sơ;Chủ hồ sơ;Tên thủ tục;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả"
    rows = [
        f"A{i};Nguyễn Văn {i};Đăng ký khai sinh;{UNIT};0{1 + i % 8}/03/2024 08:00;2{i % 8}/03/2024"
        for i in range(12)
    ]
    for line, edit in ((3, lambda cell: '"' + cell), (5, lambda cell: cell + '"')):
        cells = rows[line].split(";")
        cells[column] = edit(cells[column])
        rows[line] = ";".join(cells)
    path = _csv(tmp_path / "ngoac.csv", rows, header=header)
    checked = json.loads(cli("validate", path, "-f", "json").out)
    assert [(r["row"], r["column"]) for r in checked["rejected"]] == [(5, "(cả dòng)")]
    assert checked["rejected"][0]["reason"].startswith("một ô chứa cả xuống dòng và dấu phân cách")
    _shows_no_applicant(cli, path, *SHOWING, ("report", "-p", "Q1-2024", "-b", "procedure", "-f", "csv"))


def test_a_quote_in_the_header_line_reads_quotes_as_text(cli, tmp_path):
    """A header cell ending in a stray quote (which swallows the file in a quoted reading): quotes read as text, warned, every row read."""
    header = HEADER.replace("Trạng thái", 'Trạng thái"')
    result = cli(
        "validate", _csv(tmp_path / "tieu-de.csv", [_row(i) for i in range(5)], header=header), "-f", "json"
    )
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["accounting"]["rows_used"] == 5
    assert any("dấu ngoặc kép" in w for w in report["warnings"])


def test_a_file_of_a_byte_order_mark_alone_is_empty(cli, tmp_path):
    """A file holding only a UTF-8 byte-order mark is the empty-file error, not a missing header."""
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf\n")
    result = cli("validate", path)
    assert result.code == 2
    assert _one_line(result) == f"cchc-kpi: lỗi: {path}: tệp rỗng"


@pytest.mark.parametrize(
    "data",
    [b"a;b\n1;2\n\n\n", b"a;b\n1;2", b"a;b\n\n1;2\n", b"a;b\r\n1;2\r\n\r\n", b"", b"x", b"\n"],
)
def test_lines_are_counted_as_the_csv_scanner_counts_its_rows(data):
    """count_lines gives the rows Polars' scanner reads with quotes as plain characters (trailing blank lines, a last line without its end)."""
    from cchc_kpi.read.text import count_lines

    scanned = pl.scan_csv(
        io.BytesIO(data), separator=";", has_header=False, schema={"a": pl.String, "b": pl.String},
        quote_char=None, truncate_ragged_lines=True,
    ).select(pl.len()).collect().item() if data else 0  # fmt: skip
    assert count_lines(data) == scanned


def test_a_header_cell_on_two_lines_is_no_lost_line(cli, tmp_path):
    """A quoted header cell written on two lines (Excel's Alt+Enter) is read as one header cell, with no warning of lines inside cells."""
    header = HEADER.replace("Ngày hẹn trả", '"Ngày hẹn\ntrả"')
    result = cli(
        "validate", _csv(tmp_path / "tieu-de.csv", [_row(i) for i in range(5)], header=header), "-f", "json"
    )
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["accounting"]["rows_used"] == 5
    assert not any("trải nhiều dòng" in w for w in report["warnings"]), report["warnings"]


def test_a_group_label_holding_joined_lines_names_no_unit(cli, tmp_path):
    """Units from group rows, a stray quote opening a group label and one closing a later line: the label names no unit, the dossiers under it are rejected for it, no applicant shown."""
    header = "STT;Mã hồ sơ;Chủ hồ sơ;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái"
    rows = ['"UBND xã An Phú;;;;;;']
    rows += [
        f"{i};H-{i};Nguyễn Văn {i};0{1 + i}/03/2024 08:00;2{i}/03/2024;1{i}/03/2024;Đã trả kết quả"
        for i in range(8)
    ]
    rows[3] += '"'
    path = _csv(tmp_path / "nhom.csv", rows, header=header)
    _shows_no_applicant(cli, path, *SHOWING, ("validate", "-f", "json"))
    accounting = json.loads(cli("validate", "-f", "json", path).out)["accounting"]
    assert (accounting["rows_used"], accounting["rows_rejected"]) == (0, 5)


def test_a_real_cell_on_two_lines_with_a_comma_is_kept(cli, tmp_path):
    """A comma export's procedure name written on two lines and holding a comma is a dossier's cell, not lines joined: the row is used."""
    header = "Mã hồ sơ,Tên thủ tục,Đơn vị xử lý,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái"
    rows = [
        f'A1,"Cấp phép xây dựng, sửa chữa\ncải tạo",{UNIT},01/03/2024 08:00,20/03/2024,10/03/2024,Đã trả kết quả',
        f"A2,Đăng ký khai sinh,{UNIT},01/03/2024 08:00,20/03/2024,10/03/2024,Đã trả kết quả",
    ]
    result = cli("validate", _csv(tmp_path / "phay.csv", rows, header=header), "-f", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert (report["accounting"]["rows_used"], report["accounting"]["rows_rejected"]) == (2, 0)


def test_a_quote_opening_a_middle_header_cell_reads_quotes_as_text(cli, tmp_path):
    """A stray quote opening a header cell before the last (the quoted reading sees too few header cells): the header counted again with quotes as text, every row read."""
    header = HEADER.replace("Ngày hẹn trả", '"Ngày hẹn trả')
    result = cli(
        "validate", _csv(tmp_path / "giua.csv", [_row(i) for i in range(5)], header=header), "-f", "json"
    )
    assert result.code == 0, result.err
    assert json.loads(result.out)["accounting"]["rows_used"] == 5
