"""Command-line tests of score766, catalog and report --compare: exit codes, exact
error lines, machine output equal to the library result, the workbook sheets."""

import csv
import io
import json
from datetime import date

import openpyxl

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.report.build import report_from_dataset
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.score766 import score766_report

from .conftest import FIXTURES

DOSSIERS = FIXTURES / "score766_dossiers.csv"
CATALOG = FIXTURES / "catalog.csv"
TWO_YEARS = FIXTURES / "two_years.csv"
AS_OF = ("--as-of", "2024-06-01")


def test_score766_json_equals_library(cli):
    """score766 --format json prints the library's result (the JSON shape of the issue)."""
    result = cli(
        "score766", DOSSIERS, "-p", "Q1-2024", *AS_OF, "--catalog", CATALOG, "--by", "unit", "-f", "json"
    )
    assert result.code == 0
    printed = json.loads(result.out)
    options = ReportOptions(period="Q1-2024", as_of=date(2024, 6, 1), catalog=CATALOG)
    library = score766_report(ingest([str(DOSSIERS)]), options, by_unit=True).model_dump(mode="json")
    for data in (printed, library):
        data.pop("generated_at")
    assert printed == library
    assert list(printed)[:6] == ["period", "estimate", "note", "groups", "total_points", "computable_max"]
    criterion = printed["groups"][1]["criteria"][0]
    assert set(criterion) >= {"name", "rate", "numerator", "denominator", "points", "max", "threshold"}
    assert [u["unit"] for u in printed["units"]] == ["UBND huyện Vạn Ninh", "UBND xã Vạn Hưng"]


def test_score766_table_says_estimate(cli):
    """The table is titled an estimate, gives the total and lists what was not computed."""
    out = cli("score766", DOSSIERS, "-p", "Q1-2024", *AS_OF, "-f", "table").out
    assert "ƯỚC TÍNH" in out
    assert "Tổng điểm ước tính: 38,89 / 53,00 điểm tính được (thang 100,00 điểm)" in out
    assert "Chưa tính được: Mức độ hài lòng của người dân, doanh nghiệp" in out


def test_score766_english(cli):
    """--lang en: English names, points with a decimal point."""
    out = cli("score766", DOSSIERS, "-p", "Q1-2024", *AS_OF, "-f", "markdown", "--lang", "en").out
    assert "Estimated points: 38.89 of the 53.00 computable (out of 100.00)" in out
    assert "| Timeliness |" in out


def test_score766_csv_rows(cli):
    """CSV: one row per criterion of each unit, then the whole (TOTAL)."""
    out = cli("score766", DOSSIERS, "-p", "Q1-2024", *AS_OF, "--by", "unit", "-f", "csv").out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 30
    progress = next(r for r in rows if r["unit"] == "TOTAL" and r["criterion_id"] == "progress")
    assert (progress["numerator"], progress["denominator"], progress["points"]) == ("7", "10", "14.0")


def test_catalog_not_found(cli):
    """A missing catalogue is a one-line input error, exit 2."""
    result = cli("score766", DOSSIERS, "-p", "Q1-2024", "--catalog", "khong-co.csv")
    assert result.code == 2
    assert result.err == "cchc-kpi: lỗi: không tìm thấy danh mục TTHC khong-co.csv\n"


def test_config_overrides_and_catalog(cli, tmp_path):
    """[score766.progress] max and [inputs] catalog in cchc-kpi.toml are used."""
    (tmp_path / "cchc-kpi.toml").write_text(
        f'[inputs]\ncatalog = "{CATALOG.as_posix()}"\n\n[score766.progress]\nmax = 25\n', encoding="utf-8"
    )
    data = json.loads(cli("score766", DOSSIERS, "-p", "Q1-2024", *AS_OF, "-f", "json").out)
    progress = data["groups"][1]
    assert (progress["points"], progress["max"]) == (17.5, 25.0)
    assert data["overridden"] == ["progress"]
    assert data["catalog"][-1]["total"] == 6


def test_config_unknown_criterion(cli, tmp_path):
    """An unknown criterion in [score766] is a configuration error naming it, exit 2."""
    (tmp_path / "cchc-kpi.toml").write_text("[score766.speed]\nmax = 5\n", encoding="utf-8")
    result = cli("score766", DOSSIERS, "-p", "Q1-2024")
    assert result.code == 2
    assert result.err.startswith("cchc-kpi: lỗi: ")
    assert "unknown criterion speed" in result.err


def test_catalog_command_csv(cli):
    """catalog FILE -f csv: counts per tier, raw."""
    result = cli("catalog", CATALOG, "-f", "csv")
    assert result.code == 0
    assert result.out.splitlines() == [
        "tier,full,partial,info,total,fee",
        "district,1,2,1,4,4",
        "commune,1,2,0,3,1",
        "all,2,3,1,6,4",
    ]
    assert "dòng 9" in result.err


def test_score766_workbook(cli, tmp_path):
    """score766 -o .xlsx: the estimate, per unit and the catalogue sheets."""
    target = tmp_path / "diem.xlsx"
    args = ("score766", DOSSIERS, "-p", "Q1-2024", *AS_OF, "--by", "unit", "--catalog", CATALOG, "-o", target)
    assert cli(*args).code == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Điểm QĐ 766 (ước tính)", "Theo đơn vị", "Danh mục TTHC"]
    sheet = book["Điểm QĐ 766 (ước tính)"]
    values = {row[0].strip(): row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    assert values["Tiến độ giải quyết"][4] == 14


def test_report_compare_csv_and_json(cli):
    """report --compare previous: CSV columns <metric>_prev/_change; JSON equals the library."""
    args = ("report", TWO_YEARS, "-p", "Q1-2024", "--as-of", "2025-01-01", "--compare", "previous")
    rows = list(csv.DictReader(io.StringIO(cli(*args, "-f", "csv").out)))
    assert rows[-1]["on_time_rate_prev"] == "1.0" and rows[-1]["on_time_rate_change"] == "-25.0"
    printed = json.loads(cli(*args, "-f", "json").out)
    options = ReportOptions(period="Q1-2024", as_of=date(2025, 1, 1), compare="previous")
    library = report_from_dataset(ingest([str(TWO_YEARS)]), options).model_dump(mode="json")
    for data in (printed, library):
        data["metadata"].pop("generated_at")
    assert printed == library


def test_report_compare_table_shows_changes(cli):
    """The table shows the earlier period and the change with arrows, in percentage points for rates."""
    args = ("report", TWO_YEARS, "-p", "Q1-2024", "--as-of", "2025-01-01", "--compare", "last-year")
    out = cli(*args, "-f", "table").out
    assert "so sánh với cùng kỳ năm trước Q1-2023" in out
    assert "▲ 25,00 điểm %" in out
    assert "Cùng kỳ năm trước" in out


def test_report_workbook_compare_and_trend(cli, tmp_path):
    """-o .xlsx with --compare and --by month: the comparison sheet (changes coloured) and the trend chart."""
    target = tmp_path / "bc.xlsx"
    args = ("report", TWO_YEARS, "-p", "Q1-2024", "--as-of", "2025-01-01", "--compare", "previous",
            "--by", "month", "-o", target)  # fmt: skip
    assert cli(*args).code == 0
    book = openpyxl.load_workbook(target)
    assert {"So sánh", "Xu hướng", "Điểm QĐ 766 (ước tính)"} <= set(book.sheetnames)
    compare = book["So sánh"]
    rows = {r[0].value: r for r in compare.iter_rows(min_row=4)}
    on_time = rows["Tỷ lệ giải quyết trước và đúng hạn"]
    assert (on_time[1].value, on_time[2].value, on_time[3].value) == (0.75, 1.0, -25.0)
    assert on_time[3].fill.fgColor.rgb.endswith("FFC7CE")  # worse: red
    trend = book["Xu hướng"]
    assert len(trend._charts) == 1
    assert [r[0] for r in trend.iter_rows(min_row=4, values_only=True)] == ["2024-01", "2024-02", "2024-03"]
