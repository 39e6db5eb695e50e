"""The hostile-input battery: every case runs ``report -o report.xlsx`` and gets its
documented exit code, one line on stderr (never a traceback), no output file when
it fails (and no temporary or lock file left), and, when it reads, every row
accounted for. docs/reliability.md lists the same cases."""

from __future__ import annotations

import errno
import json
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import FIXTURES

HEADER = "Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Phí, lệ phí;Thời hạn giải quyết"
ROW = "A{i};UBND xã Vạn Hưng;0{d}/03/2024 08:00;1{d}/03/2024;1{d}/03/2024;20.000;5"


def _csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def _rows(n: int) -> list[str]:
    return [ROW.format(i=i, d=1 + i % 8) for i in range(n)]


# --- builders: tmp folder → the inputs of the case ---------------------------------


def empty_file(tmp: Path) -> list[Path]:
    (tmp / "rong.csv").write_bytes(b"")
    return [tmp / "rong.csv"]


def header_only(tmp: Path) -> list[Path]:
    return [_csv(tmp / "chi-tieu-de.csv")]


def binary_garbage(tmp: Path) -> list[Path]:
    (tmp / "rac.csv").write_bytes(bytes(range(256)) * 64)
    return [tmp / "rac.csv"]


def truncated_xlsx(tmp: Path) -> list[Path]:
    data = (FIXTURES / "merged_header.xlsx").read_bytes()
    (tmp / "cut.xlsx").write_bytes(data[: len(data) // 2])
    return [tmp / "cut.xlsx"]


def nul_bytes(tmp: Path) -> list[Path]:
    text = "\n".join([HEADER, *_rows(3)]) + "\n"
    (tmp / "nul.csv").write_bytes(text.replace("UBND", "UB\x00ND", 1).encode() + b"\x00" * 64)
    return [tmp / "nul.csv"]


def huge_unmapped_cell(tmp: Path) -> list[Path]:
    lines = [f"{row};{'x' * 1_000_000 if i == 1 else 'ghi chú'}" for i, row in enumerate(_rows(3))]
    path = tmp / "o-lon.csv"
    path.write_text("\n".join([HEADER + ";Ghi chú riêng", *lines]) + "\n", encoding="utf-8")
    return [path]


def huge_mapped_cell(tmp: Path) -> list[Path]:
    rows = _rows(3)
    rows[1] = rows[1].replace("UBND xã Vạn Hưng", "UBND " + "x" * 1_000_000)
    return [_csv(tmp / "don-vi-lon.csv", *rows)]


def ten_thousand_columns(tmp: Path) -> list[Path]:
    extra = ";".join(f"Cột {i}" for i in range(10_000))
    lines = [HEADER + ";" + extra] + [row + ";" * 10_000 for row in _rows(5)]
    path = tmp / "rong-ngang.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]


def old_and_far_dates(tmp: Path) -> list[Path]:
    return [_csv(tmp / "ngay.csv", "A1;UBND xã Vạn Hưng;05/03/1900 08:00;;;;", "A2;UBND xã Vạn Hưng;05/03/2099 08:00;;;;",
                 *_rows(2))]  # fmt: skip


def due_before_received(tmp: Path) -> list[Path]:
    return [_csv(tmp / "han.csv", "A1;UBND xã Vạn Hưng;05/03/2024 08:00;01/03/2024;;;", *_rows(2))]


def bad_numbers(tmp: Path) -> list[Path]:
    return [_csv(tmp / "so.csv", "A1;UBND xã Vạn Hưng;05/03/2024 08:00;;;-50.000;ba ngày",
                 "A2;UBND xã Vạn Hưng;05/03/2024 09:00;;;ba mươi nghìn;-2", *_rows(2))]  # fmt: skip


def fixture(name: str) -> Callable[[Path], list[Path]]:
    return lambda tmp: [FIXTURES / name]


def missing_path(tmp: Path) -> list[Path]:
    return [tmp / "khong-co.csv"]


def empty_folder(tmp: Path) -> list[Path]:
    (tmp / "trong").mkdir()
    return [tmp / "trong"]


def zip_bomb(tmp: Path) -> list[Path]:
    """A workbook whose zip directory declares members of 4 GiB each (never unpacked)."""
    path = tmp / "bom.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
        archive.writestr("xl/worksheets/sheet2.xml", "<worksheet/>")
    data = bytearray(path.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:  # central directory: declared sizes
        data[start + 24 : start + 28] = struct.pack("<I", 0xFFFFFFF0)
        start += 4
    path.write_bytes(bytes(data))
    return [path]


# (name, builder, exit code, what stderr's one line says — None when it succeeds)
CASES = [
    ("0-byte file", empty_file, 2, "tệp rỗng"),
    ("header only", header_only, 0, None),
    ("binary garbage named .csv", binary_garbage, 2, "không phải tệp văn bản CSV đọc được"),
    ("truncated .xlsx", truncated_xlsx, 2, "sổ tính bị hỏng hoặc không đọc được"),
    ("password-protected .xlsx", fixture("password.xlsx"), 2, "được bảo vệ bằng mật khẩu"),
    ("legacy .xls", fixture("legacy.xls"), 0, None),
    ("HTML saved as .xls", fixture("html_export.xls"), 0, None),
    ("summary first sheet", fixture("two_sheets.xlsx"), 0, None),
    ("UTF-16 tab-separated text", fixture("unicode_text.txt"), 0, None),
    ("Windows-1258", fixture("legacy_1258.csv"), 0, None),
    ("NFC/NFD and old tone placement", fixture("nfd_tones.csv"), 0, None),
    ("NUL bytes", nul_bytes, 0, None),
    ("1,000,000-character cell, unmapped column", huge_unmapped_cell, 0, None),
    ("1,000,000-character cell, mapped column", huge_mapped_cell, 0, None),
    ("10,000 columns", ten_thousand_columns, 0, None),
    ("duplicated header names", fixture("two_columns_same_field.csv"), 0, None),
    ("dates in 1900 and 2099", old_and_far_dates, 0, None),
    ("due before received", due_before_received, 0, None),
    ("negative money, text in numeric columns", bad_numbers, 0, None),
    ("unit names beginning with = + - @", fixture("injection.csv"), 0, None),
    ("a path that does not exist", missing_path, 2, "không tìm thấy tệp hoặc thư mục"),
    ("a folder with no exports", empty_folder, 2, "không có tệp xuất dữ liệu nào"),
    ("zip bomb", zip_bomb, 2, "giải nén ra 12.0 GiB, vượt giới hạn 2.0 GiB"),
]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize(("name", "build", "code", "says"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input(cli, tmp_path, name, build, code, says):
    """Each hostile input: its exit code, one line, no partial output, every row accounted for."""
    inputs = build(tmp_path)
    out = tmp_path / "bao-cao" / "bao-cao.xlsx"
    out.parent.mkdir()
    result = cli("report", "-p", "Q1-2024", "--as-of", "2026-01-01", *inputs, "-o", out, "--quiet")
    assert result.code == code, result.err
    assert "Traceback" not in result.err
    assert _leftovers(out.parent) == []
    if says is not None:
        assert result.err.count("\n") == 1 and result.err.startswith("cchc-kpi: lỗi: "), result.err
        assert says in result.err
        assert not out.exists()
        return
    assert out.exists()
    checked = cli("validate", *inputs, "-f", "json", "--max-invalid", "100%")
    accounting = json.loads(checked.out)["accounting"]
    assert accounting["rows_read"] == sum(
        accounting[k] for k in ("rows_used", "rows_rejected", "rows_skipped", "duplicates")
    )


def test_long_mapped_cell_rejects_its_row_and_no_limits_lifts_it(cli, tmp_path, monkeypatch):
    """A mapped cell over 32,767 characters rejects its row (named); --no-limits reads it."""
    path = huge_mapped_cell(tmp_path)[0]
    data = json.loads(cli("validate", path, "-f", "json", "--max-invalid", "100%").out)
    assert data["accounting"]["rows_rejected"] == 1
    assert data["rejected"][0]["column"] == "Đơn vị xử lý"
    assert data["rejected"][0]["reason"].startswith("ô dài quá giới hạn (32.767 ký tự)")
    monkeypatch.setenv("CCHC_KPI_NO_LIMITS", "0")  # restored after the test
    lifted = json.loads(cli("--no-limits", "validate", path, "-f", "json").out)
    assert lifted["accounting"]["rows_rejected"] == 0


def test_zip_bomb_refused_before_unpacking_unless_lifted(cli, tmp_path, monkeypatch):
    """The declared sizes are checked first; with --no-limits the (fake) workbook is opened and found damaged."""
    path = zip_bomb(tmp_path)[0]
    assert "vượt giới hạn 2.0 GiB" in cli("validate", path).err
    monkeypatch.setenv("CCHC_KPI_NO_LIMITS", "0")
    lifted = cli("--no-limits", "validate", path)
    assert lifted.code == 2 and "giải nén" not in lifted.err


def test_output_equal_to_input(cli, tmp_path):
    """An output path that is an input is refused (exit 2) and the input is untouched."""
    path = _csv(tmp_path / "ds.csv", *_rows(2))
    before = path.read_bytes()
    result = cli("report", "-p", "Q1-2024", path, "-o", path)
    assert result.code == 2
    assert result.err == f"cchc-kpi: lỗi: tệp kết quả {path} trùng với một tệp đầu vào\n"
    assert path.read_bytes() == before


def test_output_folder_missing_or_unwritable(cli, tmp_path):
    """A missing output folder is exit 2; a read-only one too (skipped as root, which may write anywhere)."""
    path = _csv(tmp_path / "ds.csv", *_rows(2))
    missing = cli("report", "-p", "Q1-2024", path, "-o", tmp_path / "khong-co" / "bc.csv")
    assert missing.code == 2
    assert (
        missing.err
        == f"cchc-kpi: lỗi: không ghi được {tmp_path}/khong-co/bc.csv: thư mục {tmp_path}/khong-co không tồn tại; hãy tạo thư mục hoặc chọn nơi khác\n"
    )
    assert not (tmp_path / "khong-co").exists()
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder is still writable")
    locked = tmp_path / "chi-doc"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = cli("report", "-p", "Q1-2024", path, "-o", locked / "bc.csv")
        assert result.code == 2 and "không ghi được" in result.err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_disk_full_leaves_nothing(cli, tmp_path, monkeypatch, suffix):
    """A write failing with ENOSPC is exit 2 naming the error; no file, no temporary file, old file kept."""
    import cchc_kpi.atomic

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    path = _csv(tmp_path / "ds.csv", *_rows(2))
    out = tmp_path / "ra" / f"bc{suffix}"
    out.parent.mkdir()
    monkeypatch.setattr(cchc_kpi.atomic.os, "fsync", full)
    result = cli("report", "-p", "Q1-2024", path, "-o", out)
    assert result.code == 2
    assert result.err == f"cchc-kpi: lỗi: không ghi được {out}: {os.strerror(errno.ENOSPC)}\n"
    assert list(out.parent.iterdir()) == []


def test_busy_lock(cli, tmp_path):
    """A second run writing the same output while the first holds the lock: exit 4 at once."""
    from cchc_kpi.atomic import output_lock

    path = _csv(tmp_path / "ds.csv", *_rows(2))
    out = tmp_path / "bc.xlsx"
    with output_lock(out):
        result = cli("report", "-p", "Q1-2024", path, "-o", out)
    assert result.code == 4
    assert result.err.startswith(f"cchc-kpi: lỗi: một lần chạy khác đang ghi {out}")
    assert not out.exists()


def test_formula_text_stays_text(cli):
    """Unit names starting with = + - @ are prefixed with ' in CSV and kept as text in JSON."""
    args = ("report", "-p", "Q1-2024", "--as-of", "2026-01-01", FIXTURES / "injection.csv", "--by", "unit")
    csv_text = cli(*args, "-f", "csv").out
    assert "\n\"'=HYPERLINK" in csv_text and "\n'+cmd" in csv_text and "\n'@SUM" in csv_text
    units = [r["unit"] for r in json.loads(cli(*args, "-f", "json").out)["rows"]]
    assert any(u.startswith("=HYPERLINK") for u in units)
