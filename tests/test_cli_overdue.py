"""Command-line tests of ``cchc-kpi overdue``, ``report --format text`` and ``report -o .xlsx``."""

import json

import openpyxl

from .conftest import FIXTURES

GOLDEN = [str(FIXTURES / "golden_a.csv"), str(FIXTURES / "golden_b.csv")]


def test_overdue_json_and_csv(cli):
    """JSON has the period and rows with dossier_id; CSV has the machine columns."""
    data = json.loads(cli("overdue", "-p", "Q1-2024", *GOLDEN, "-f", "json", "--as-of", "2026-01-01").out)
    assert data["period"]["label"] == "Q1-2024"
    assert [r["dossier_id"] for r in data["rows"]] == ["A05", "A07", "B04", "A10", "A02", "A18"]
    csv_lines = cli("overdue", "-p", "Q1-2024", *GOLDEN, "-f", "csv").out.splitlines()
    assert (
        csv_lines[0]
        == "kind,dossier_id,unit,field,procedure,received_at,due_at,closed_at,working_days_late,apology,apology_at"
    )
    assert csv_lines[1].startswith("overdue,A05,UBND xã Vạn Hưng,")


def test_overdue_xlsx_and_no_personal_data(cli, tmp_path):
    """--output .xlsx writes the list; applicant data never appears."""
    target = tmp_path / "qua-han.xlsx"
    result = cli("overdue", "-p", "Q1-2024", FIXTURES / "bad_dates.csv", *GOLDEN, "-o", target)
    assert result.code == 0
    sheet = openpyxl.load_workbook(target).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "A05" in values
    assert not any("Trần Thị Mai" in str(v) for v in values)


def test_report_text_and_workbook(cli, tmp_path):
    """--format text prints the paragraphs; -o .xlsx writes the workbook."""
    text = cli("report", "-p", "Q1-2024", *GOLDEN, "-f", "text", "--as-of", "2026-01-01").out
    assert text.startswith("Trong quý I năm 2024, UBND cấp xã tiếp nhận 20 hồ sơ")
    assert text.count("\n\n") == 0  # one level only: one paragraph
    target = tmp_path / "bao-cao.xlsx"
    assert cli("report", "-p", "Q1-2024", *GOLDEN, "-o", target).code == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "Biểu 06"
