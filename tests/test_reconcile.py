"""`cchc-kpi reconcile --against BIEU06.xlsx`: our Biểu 06 against one made by other software —
none against our own, exactly the edited cells (with causes that fit) against an edited copy,
and a form laid out by another program read and matched correctly."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import polars as pl
import pytest

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.metrics import BIEU06_COUNTS
from cchc_kpi.kpi.name_match import match_names
from cchc_kpi.report.build import report_for
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.run import prepare_dataset
from cchc_kpi.report.vendor_form import parse_count
from tests.conftest import SAMPLE_DATA

AS_OF = "2026-01-01"
# how another program spells our units
SPELT = {
    "UBND xã Vạn Phú": "Xã Vạn Phú",
    "UBND xã Vạn Thắng": "UBND XÃ VẠN THẮNG",
    "UBND thành phố Nha Trang": "TP. Nha Trang",
    "UBND huyện Vạn Ninh": "Ủy ban nhân dân huyện Vạn Ninh",
    "Chi nhánh Văn phòng đăng ký đất đai thành phố Cam Ranh": "Chi nhánh VPĐKĐĐ TP Cam Ranh",
    "UBND thị trấn Vạn Giã": "TT Vạn Giã",
    "UBND phường Lộc Thọ": "Phuong Loc Tho",
}


@pytest.fixture(scope="module")
def prepared():
    """The sample's dossiers prepared for Q1-2024."""
    return prepare_dataset(ingest([SAMPLE_DATA]), ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1)))


@pytest.fixture(scope="module")
def ours(tmp_path_factory):
    """Our own Biểu 06 of the sample (the workbook cchc-kpi writes)."""
    from typer.testing import CliRunner

    from cchc_kpi.cli import app

    target = tmp_path_factory.mktemp("ours") / "bc.xlsx"
    result = CliRunner().invoke(app, ["report", "-p", "Q1-2024", str(SAMPLE_DATA), "--as-of", AS_OF,
                                      "-o", str(target), "-q"])  # fmt: skip
    assert result.exit_code == 0
    return target


def _run(cli, against, *extra):
    return cli(
        "reconcile", "-p", "Q1-2024", str(SAMPLE_DATA), "--as-of", AS_OF, "--against", str(against), *extra
    )


def _edit(source, target, changes):
    """A copy of our form with the cells of ``changes`` ({(label, column number): value}) set."""
    book = openpyxl.load_workbook(source)
    sheet = book["Biểu 06"]
    for row in sheet.iter_rows(min_row=11):
        for (label, number), value in changes.items():
            if row[1].value == label:
                row[number - 1].value = value
    book.save(target)


def test_our_own_form_agrees(cli, ours):
    """Against the Biểu 06 cchc-kpi wrote itself: no difference, exit 0, every line matched."""
    result = _run(cli, ours, "-f", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["agree"] and data["differences"] == [] and not data["theirs_only"] and not data["ours_only"]
    assert data["by"] == "unit" and {line["kind"] for line in data["lines"]} == {"line", "level", "total"}
    table = _run(cli, ours, "-f", "table")
    assert "Khớp hoàn toàn: 27 dòng × 11 cột, không có chênh lệch." in table.out


def test_edited_cells_are_exactly_the_differences(cli, ours, tmp_path, prepared):
    """Three edited cells are the three differences, with ours, theirs and the difference; exit 1."""
    report = report_for(prepared, by=["level", "unit"], total=True)
    rows = {r["unit"]: r for r in report.rows if r["row_type"] == "detail"}
    edited = tmp_path / "edited.xlsx"
    changes = {
        ("UBND xã Vạn Phú", 3): rows["UBND xã Vạn Phú"]["received_total"] + 7,
        ("UBND huyện Vạn Ninh", 10): rows["UBND huyện Vạn Ninh"]["resolved_late"] + 2,
        ("Tổng cộng", 11): report.total["pending"] - 3,
    }
    _edit(ours, edited, changes)
    result = _run(cli, edited, "-f", "json")
    assert result.code == 1
    found = {(d["matched"], d["column_number"]): (d["ours"], d["theirs"], d["difference"])
             for d in json.loads(result.out)["differences"]}  # fmt: skip
    assert found == {
        ("UBND xã Vạn Phú", 3): (rows["UBND xã Vạn Phú"]["received_total"], changes[("UBND xã Vạn Phú", 3)], -7),
        ("UBND huyện Vạn Ninh", 10): (rows["UBND huyện Vạn Ninh"]["resolved_late"],
                                      changes[("UBND huyện Vạn Ninh", 10)], -2),
        ("TOTAL", 11): (report.total["pending"], changes[("Tổng cộng", 11)], 3),
    }  # fmt: skip
    assert "3 ô chênh lệch trên" in result.err


def test_a_cause_that_fits_is_said_to_fit(cli, ours, tmp_path, prepared):
    """Theirs set to what the nd09 cut-off gives, and a unit's resolved to ours plus its withdrawn
    dossiers: each difference names the cause that closes it, marked "fits" — after saying that
    their edited line no longer adds up."""
    nd09 = prepare_dataset(prepared.dataset, prepared.options.model_copy(update={"convention": "nd09"}))
    theirs = report_for(nd09, by=["level", "unit"], total=True).total["received_total"]
    withdrawn = (
        prepared.classified()
        .filter(pl.col("k_withdrawn"))
        .group_by(pl.col("g_unit").cast(pl.String))
        .len()
        .sort("len", descending=True)
        .collect()
    )
    unit, count = withdrawn.row(0)
    ours_row = next(r for r in report_for(prepared, by=["unit"]).rows if r["unit"] == unit)
    edited = tmp_path / "fits.xlsx"
    _edit(ours, edited, {("Tổng cộng", 3): theirs, (unit, 7): ours_row["resolved"] + count})
    data = json.loads(_run(cli, edited, "-f", "json").out)
    by_cell = {(d["matched"], d["column"]): d for d in data["differences"]}
    total = [c for c in by_cell[("TOTAL", "received_total")]["causes"] if c["kind"] != "their_sums"]
    assert total[0]["kind"] == "convention_nd09" and total[0]["fits"] and total[0]["value"] == theirs
    resolved = by_cell[(unit, "resolved")]["causes"]
    assert resolved[0]["kind"] == "their_sums" and "(7) ≠ (8)+(9)+(10)" in resolved[0]["text"]
    assert resolved[1]["fits"]  # after their own arithmetic, the causes that fit come first
    assert any(c["kind"] == "withdrawn" and c["dossiers"] == count and c["fits"] for c in resolved)
    table = _run(cli, edited, "-f", "table").out
    assert "(khớp)" in table


def _other_program(path, report, numbering: str, spell=SPELT, extra_rows=(), lead_rows=()):
    """A Biểu 06 as another program lays it out: its own title block, the merged header band
    (numbered "(1)…(13)", "A B 1…11" or not at all), units spelt its way in its own order,
    no level subtotals, a total and a signature footer."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BC06"
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"])
    sheet.append(["HỆ THỐNG THÔNG TIN GIẢI QUYẾT TTHC"])
    sheet.append([])
    sheet.append(["BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"])
    sheet.append(["Từ ngày 01/01/2024 đến ngày 31/03/2024"])
    top = sheet.max_row + 1
    sheet.append(["STT", "Tên đơn vị", "Số hồ sơ nhận giải quyết", None, None, None, "Kết quả giải quyết",
                  None, None, None, "Số hồ sơ đang giải quyết", None, None])  # fmt: skip
    sheet.append([None, None, "Tổng số", "Trong đó", None, None, "Tổng số hồ sơ đã giải quyết", "Trong đó",
                  None, None, "Tổng số", "Trong đó", None])  # fmt: skip
    sheet.append([None, None, None, "Số mới tiếp nhận trực tuyến", "Số mới tiếp nhận trực tiếp, bưu chính",
                  "Số kỳ trước chuyển qua", None, "Trả trước hạn", "Trả đúng hạn", "Trả quá hạn", None,
                  "Chưa đến hạn (trong hạn)", "Quá hạn"])  # fmt: skip
    for first, last in ((3, 6), (7, 10), (11, 13)):
        sheet.merge_cells(start_row=top, start_column=first, end_row=top, end_column=last)
    sheet.merge_cells(start_row=top, start_column=1, end_row=top + 2, end_column=1)
    sheet.merge_cells(start_row=top, start_column=2, end_row=top + 2, end_column=2)
    if numbering == "parentheses":
        sheet.append([f"({n})" for n in range(1, 14)])
    elif numbering == "letters":
        sheet.append(["A", "B", *range(1, 12)])
    for lead in lead_rows:
        sheet.append(lead)
    units = [r for r in report.rows if r["row_type"] == "detail"]
    for number, row in enumerate(reversed(units), start=1):
        label = spell.get(row["unit"], row["unit"])
        sheet.append([number, label, *[f"{row[k]:,}".replace(",", ".") for k in BIEU06_COUNTS]])
    for extra in extra_rows:
        sheet.append(extra)
    sheet.append([None, "TỔNG CỘNG", *[report.total[k] for k in BIEU06_COUNTS]])
    sheet.append([])
    sheet.append([None, "Người lập biểu", None, None, None, None, None, None, None, "Thủ trưởng đơn vị"])
    book.save(path)


@pytest.mark.parametrize("numbering", ["none", "parentheses", "letters"])
def test_another_programs_layout_is_read_and_matched(cli, tmp_path, prepared, numbering):
    """Another title block, a merged header band (numbered or not), units spelt otherwise and
    in another order: every column and unit is matched, and the figures agree."""
    target = tmp_path / "vendor.xlsx"
    _other_program(target, report_for(prepared, by=["level", "unit"], total=True), numbering)
    result = _run(cli, target, "-f", "json")
    data = json.loads(result.out)
    matched = {line["label"]: line["matched"] for line in data["lines"]}
    for name, spelt in SPELT.items():
        assert matched[spelt] == name
    assert data["agree"] and result.code == 0, data["differences"][:3]


def test_configured_alias_and_a_line_only_they_have(cli, tmp_path, prepared):
    """A unit named by a configured alias is matched; a line that names none of ours is listed, exit 1."""
    config = tmp_path / "cchc-kpi.toml"
    config.write_text('[[units]]\nname = "UBND xã Vạn Hưng"\nlevel = "commune"\naliases = ["Xã VH (cũ)"]\n',
                      encoding="utf-8")  # fmt: skip
    target = tmp_path / "vendor.xlsx"
    report = report_for(prepared, by=["level", "unit"], total=True)
    _other_program(target, report, "parentheses", {**SPELT, "UBND xã Vạn Hưng": "Xã VH (cũ)"},
                   extra_rows=[[99, "UBND xã Không Có", *[0] * 11]])  # fmt: skip
    result = _run(cli, target, "--config", str(config), "-f", "json")
    data = json.loads(result.out)
    assert {line["label"]: line["matched"] for line in data["lines"]}["Xã VH (cũ)"] == "UBND xã Vạn Hưng"
    assert data["theirs_only"] == ["UBND xã Không Có"] and data["differences"] == []
    assert result.code == 1


def test_filtered_run_compares_only_its_lines(cli, ours):
    """With --unit only that unit's line is compared, not the whole; it agrees."""
    data = json.loads(_run(cli, ours, "--unit", "UBND xã Vạn Phú", "-f", "json").out)
    assert [line["matched"] for line in data["lines"]] == ["UBND xã Vạn Phú"] and data["agree"]


def test_a_form_by_field(cli, tmp_path):
    """One unit's Biểu 06 (rows per lĩnh vực) is compared per field."""
    target = tmp_path / "xa.xlsx"
    args = ["-p", "Q1-2024", str(SAMPLE_DATA), "--as-of", AS_OF, "--unit", "UBND huyện Vạn Ninh"]
    assert cli("report", *args, "-o", str(target)).code == 0
    result = cli("reconcile", *args, "--against", str(target), "-f", "json")
    data = json.loads(result.out)
    assert data["by"] == "field" and data["agree"] and result.code == 0


def test_a_file_without_a_form_is_a_clear_error(cli, tmp_path):
    """A sheet with no Biểu 06 header: one line naming the file, exit 2, before the exports are read."""
    target = tmp_path / "khac.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Mã hồ sơ", "Ngày tiếp nhận"])
    book.save(target)
    result = _run(cli, target)
    assert result.code == 2
    assert result.err.strip().endswith(
        "không tìm thấy Biểu 06 (không có dòng đánh số cột (1)…(13) hoặc dòng "
        'tiêu đề "Số hồ sơ nhận giải quyết / đã giải quyết / đang giải quyết")'
    )


def test_counts_as_officers_write_them():
    """1.245, 1,245 and 1 245 are 1245; a dash or nothing is 0; a word is not a count."""
    assert [parse_count(v) for v in ("1.245", "1,245", "1 245", "-", "", None, "12.0", "7")] == [
        1245,
        1245,
        1245,
        0,
        0,
        0,
        12,
        7,
    ]
    assert parse_count("khoảng 10") is None


def test_unit_spellings_match_one_name():
    """Abbreviations, case, accents and 'Ủy ban nhân dân' do not stop a match; an ambiguous one stays unmatched."""
    names = ["UBND xã Vạn Phú", "UBND thành phố Nha Trang", "UBND phường Vạn Phú"]
    found = match_names(["XA VAN PHU", "Thành phố Nha Trang", "TP. Nha Trang", "Vạn Phú", "Sở Tư pháp"],
                        [*names, "Sở Tư pháp tỉnh Khánh Hòa"])  # fmt: skip
    assert found == {"XA VAN PHU": "UBND xã Vạn Phú", "Thành phố Nha Trang": "UBND thành phố Nha Trang",
                     "TP. Nha Trang": "UBND thành phố Nha Trang", "Vạn Phú": None,
                     "Sở Tư pháp": "Sở Tư pháp tỉnh Khánh Hòa"}  # fmt: skip


def test_a_dossier_export_is_not_a_form(cli, tmp_path):
    """An export numbering its 17 columns (1)…(17) is no Biểu 06: exit 2, and no cell of it shown."""
    target = tmp_path / "ho-so.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Mã hồ sơ", "Chủ hồ sơ", "Số điện thoại", *[f"Cột {i}" for i in range(13)]])
    sheet.append([f"({i})" for i in range(1, 18)])
    for i in range(5):
        sheet.append([i + 1, f"H{i}", "Nguyễn Văn Bí Mật", "0912345678", *range(13)])
    book.save(target)
    result = _run(cli, target)
    assert result.code == 2 and "không tìm thấy Biểu 06" in result.err
    assert "Bí Mật" not in result.out + result.err and "0912345678" not in result.out + result.err


def test_group_sums_footers_and_english_totals(cli, tmp_path, prepared):
    """A "Cộng" row after a group and a date written across cells in the footer are no lines; "Total"
    (our own English form) is the total: the figures agree."""
    report = report_for(prepared, by=["level", "unit"], total=True)
    target = tmp_path / "vendor.xlsx"
    extra = [[None, "Cộng", *[1] * 11], ["ngày", None, "15", "tháng", "4", "năm", "2024"]]
    _other_program(target, report, "parentheses", extra_rows=extra)
    book = openpyxl.load_workbook(target)
    sheet = book.active
    for row in sheet.iter_rows():
        if row[1].value == "TỔNG CỘNG":
            row[1].value = "Total"
    footer = [*sheet.iter_rows(values_only=True)]
    book.save(target)
    data = json.loads(_run(cli, target, "-f", "json").out)
    assert data["agree"], (data["differences"][:2], data["theirs_only"], len(footer))
    assert [line["label"] for line in data["lines"] if line["kind"] == "total"] == ["Total"]


def test_output_over_the_form_and_the_form_among_the_exports(cli, tmp_path, ours):
    """-o naming the --against file is refused (exit 2, the form intact); a form kept in the
    exports folder is not read as an export."""
    import shutil

    folder = tmp_path / "xuat"
    shutil.copytree(SAMPLE_DATA, folder)
    form = folder / "bieu06-phan-mem.xlsx"
    shutil.copy(ours, form)
    before = form.read_bytes()
    refused = cli("reconcile", "-p", "Q1-2024", str(folder), "--as-of", AS_OF, "--against", str(form),
                  "-o", str(form))  # fmt: skip
    assert refused.code == 2 and form.read_bytes() == before
    result = cli(
        "reconcile", "-p", "Q1-2024", str(folder), "--as-of", AS_OF, "--against", str(form), "-f", "json"
    )
    assert result.code == 0 and json.loads(result.out)["agree"]


def test_exact_name_wins_over_an_earlier_loose_one(cli, tmp_path, prepared):
    """A loose spelling listed first does not take the unit its exact name names later; an unreadable cell is None."""
    report = report_for(prepared, by=["level", "unit"], total=True)
    target = tmp_path / "vendor.xlsx"
    _other_program(target, report, "parentheses", spell={},
                   lead_rows=[[98, "Xã Vạn Phú", *[9] * 10, "55.5"]])  # fmt: skip
    data = json.loads(_run(cli, target, "-f", "json").out)
    matched = [(line["label"], line["matched"]) for line in data["lines"] if "Vạn Phú" in line["label"]]
    assert ("UBND xã Vạn Phú", "UBND xã Vạn Phú") in matched and ("Xã Vạn Phú", None) in matched
    assert data["theirs_only"] == ["Xã Vạn Phú"] and data["differences"] == []
    loose = next(line for line in data["lines"] if line["label"] == "Xã Vạn Phú")
    assert loose["theirs"]["pending_overdue"] is None


def test_every_compared_cell_as_csv_and_as_a_workbook(cli, ours, tmp_path):
    """CSV and -o .xlsx hold every compared cell — 11 per line — under the documented columns."""
    result = _run(cli, ours, "-f", "csv")
    lines = result.out.splitlines()
    assert lines[0] == "label,matched,sheet_row,column,column_number,ours,theirs,difference,causes"
    assert len(lines) == 1 + 27 * 11
    target = tmp_path / "doi-chieu.xlsx"
    assert _run(cli, ours, "-o", str(target)).code == 0
    sheet = openpyxl.load_workbook(target).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(values) if "Chênh lệch" in row)
    assert len([row for row in values[header + 1 :] if row]) == 27 * 11
