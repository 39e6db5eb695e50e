"""Tests of recognising applicant columns by header."""

import json

import polars as pl

from cchc_kpi.schema.personal import is_personal_header


def test_applicant_headers():
    """Applicant name, ID, phone and address headers are personal; dossier headers are not."""
    for header in ["Chủ hồ sơ", "Họ và tên", "Số CCCD", "CMND/CCCD", "Số điện thoại", "SĐT", "Địa chỉ", "Email",
                   "ChuHoSo", "SoDienThoai"]:  # fmt: skip
        assert is_personal_header(header), header
    for header in ["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận", "STT", "Lĩnh vực", None, ""]:
        assert not is_personal_header(header), header


MARKERS = ("Trần Thị Bímậtxyz", "079199912345", "0912345678", "Ngõ Bímật")


def _export(tmp_path):
    header = "Mã hồ sơ;Chủ hồ sơ;Số CCCD;Số điện thoại;Địa chỉ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả"
    person = ";".join(MARKERS)
    rows = [
        f"P1;{person};UBND xã Vạn Hưng;05/03/2024 08:00;08/03/2024;07/03/2024",
        f"P2;{person};UBND xã Vạn Hưng;không rõ;08/03/2024;",  # rejected: its applicant cells stay unread
        f"P3;{person};UBND xã Vạn Hưng;06/03/2024 08:00;07/03/2024;12/03/2024",  # late: in the overdue list
        f"P3;{person};UBND xã Vạn Hưng;06/03/2024 08:00;07/03/2024;12/03/2024",  # a duplicate
    ]
    path = tmp_path / "ho-so.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_no_applicant_value_reaches_any_output(cli, tmp_path):
    """Names, ID numbers, phones and addresses appear in no output, message, rejects file, workbook or document."""
    import zipfile

    path = _export(tmp_path)
    out = tmp_path / "ra"
    out.mkdir()
    runs = [
        cli("report", "-p", "Q1-2024", "--as-of", "2026-01-01", path, "-f", "json", "--by", "unit"),
        cli("report", "-p", "Q1-2024", "--as-of", "2026-01-01", path, "-f", "text"),
        cli("report", "-p", "Q1-2024", "--as-of", "2026-01-01", path, "-o", out / "bc.xlsx"),
        cli("validate", path, "-f", "json", "--rejects", out / "loi.csv"),
        cli("overdue", "-p", "Q1-2024", "--as-of", "2026-01-01", path, "-f", "json"),
        cli("inspect", path, "-f", "json"),
        cli("score766", "-p", "Q1-2024", "--as-of", "2026-01-01", path, "-f", "json"),
        cli("convert", path, "--out", out / "kho"),
        cli("report", "-p", "Q1-2024", "--as-of", "2026-01-01", path, "-o", out / "bc.docx"),
        cli("report", "-p", "Q1-2024", "--as-of", "2026-01-01", path, "--debug", "-o", out / "bc.pdf"),
    ]
    texts = [r.out + r.err for r in runs]
    texts.append((out / "loi.csv").read_text(encoding="utf-8"))
    for written in (out / "bc.xlsx", out / "bc.docx"):
        with zipfile.ZipFile(written) as book:
            texts += [book.read(n).decode("utf-8", "replace") for n in book.namelist() if n.endswith(".xml")]
    for part in (out / "kho").rglob("*.parquet"):  # every stored value, decompressed
        frame = pl.read_parquet(part)
        texts += [" ".join(map(str, frame[c].to_list())) for c in frame.columns]
    assert json.loads(runs[3].out)["accounting"]["rows_rejected"] == 1
    assert "Traceback" in runs[-1].err  # --debug: a traceback, yet no values from the locals
    for marker in MARKERS:
        for text in texts:
            assert marker not in text, marker
