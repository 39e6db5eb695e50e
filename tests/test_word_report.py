"""`report -o bao-cao.docx` and `score766 -o .docx`: the written report in the layout of
NĐ 30/2020, read back with python-docx; its figures are the JSON report's and its
paragraphs the narrative's; LibreOffice renders it (when installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date

import docx
import pytest

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.metrics import BIEU06_COUNTS
from cchc_kpi.outputs.narrative import narrative
from cchc_kpi.outputs.word.layout import xml_safe
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.run import prepare_dataset
from cchc_kpi.report.written import written_report
from tests.conftest import SAMPLE_DATA

FORM = """
[form]
issuing_body = "UBND tỉnh Khánh Hòa"
reporting_unit = "Sở Nội vụ tỉnh Khánh Hòa"
document_code = "SNV"
place = "Khánh Hòa"
head_title = "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC"
head = "Trần Thị B"
recipients = ["UBND tỉnh (b/c)", "Văn phòng UBND tỉnh"]
"""


def _texts(document) -> list[str]:
    """Every paragraph's text, in the body and inside the head and signature tables."""
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        if len(table.rows) == 1:  # the head and the signature (laid out as one-row tables)
            out += [p.text for cell in table.rows[0].cells for p in cell.paragraphs]
    return out


def _form(document):
    """The Biểu 06 table: the one whose fourth row numbers the columns (1)–(13)."""
    return next(t for t in document.tables if len(t.rows) > 4 and t.rows[3].cells[0].text == "(1)")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The sample's Q1-2024 report as .docx (with a [form] and --compare previous) and as JSON."""
    from typer.testing import CliRunner

    from cchc_kpi.cli import app

    folder = tmp_path_factory.mktemp("word")
    config = folder / "cchc-kpi.toml"
    config.write_text(FORM, encoding="utf-8")
    target = folder / "bao-cao.docx"
    args = ["report", "-p", "Q1-2024", str(SAMPLE_DATA), "--config", str(config), "--as-of", "2026-01-01",
            "--compare", "previous"]  # fmt: skip
    runner = CliRunner()
    assert runner.invoke(app, [*args, "-o", str(target), "-q"]).exit_code == 0
    shown = runner.invoke(app, [*args, "--by", "level,unit", "-f", "json"])
    return target, json.loads(shown.stdout)


def test_layout_is_nd30(written):
    """A4 portrait, margins 20/20/30/15 mm, Times New Roman 14, no page number on page 1, a PAGE field after."""
    document = docx.Document(str(written[0]))
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    margins = (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 14)
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header._element.xml and "PAGE" not in first.first_page_header._element.xml


def test_head_title_and_signature_from_the_configuration(written):
    """Quốc hiệu, Tiêu ngữ, the bodies, "Số: …/BC-SNV", place and date, the title, Nơi nhận and the signer."""
    texts = _texts(docx.Document(str(written[0])))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH KHÁNH HÒA",
        "SỞ NỘI VỤ TỈNH KHÁNH HÒA",
        "Số:       /BC-SNV",
        "BÁO CÁO",
        "Kết quả giải quyết thủ tục hành chính quý I năm 2024",
        "Nơi nhận:",
        "- UBND tỉnh (b/c);",
        "- Văn phòng UBND tỉnh;",
        "- Lưu: VT.",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        "Trần Thị B",
    ):
        assert expected in texts, expected
    assert any(t.startswith("Khánh Hòa, ngày ") for t in texts)


def test_paragraphs_are_the_narrative_with_the_comparison(written):
    """The body says exactly the narrative (the whole first, then each level), ending with the comparison."""
    prepared = prepare_dataset(
        ingest([SAMPLE_DATA]), ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1), compare="previous")
    )
    said = narrative(written_report(prepared, "level", "vi", compare="previous"), "vi")
    body = [p.text for p in docx.Document(str(written[0])).paragraphs]
    start = body.index(said[0])
    assert body[start : start + len(said)] == said
    assert "So với quý IV năm 2023, số hồ sơ tiếp nhận" in said[0]


def test_bieu06_table_figures_equal_the_json_report(written):
    """Every unit row, level subtotal and the total row of the Word Biểu 06 equal the JSON report's counts."""
    target, report = written
    form = _form(docx.Document(str(target)))
    values = {}
    for row in form.rows[4:]:
        cells = [c.text for c in row.cells]
        values[cells[1]] = [int(v.replace(".", "")) for v in cells[2:]]
    expected = {r["unit"]: r for r in report["rows"] if r["row_type"] == "detail"}
    assert expected and all(values[name] == [row[k] for k in BIEU06_COUNTS] for name, row in expected.items())
    assert values["Tổng cộng"] == [report["total"][k] for k in BIEU06_COUNTS]
    assert values["Cấp xã"] == [
        next(r for r in report["rows"] if r["row_type"] == "subtotal" and r["level"] == "commune")[k]
        for k in BIEU06_COUNTS
    ]


def test_overdue_appendix_is_the_overdue_list(written, cli):
    """The appendix, on landscape pages, lists the overdue dossiers of `overdue`, one row each."""
    target, _ = written
    document = docx.Document(str(target))
    appendix = document.sections[-1]
    assert appendix.page_width > appendix.page_height
    listed = json.loads(
        cli("overdue", "-p", "Q1-2024", str(SAMPLE_DATA), "--as-of", "2026-01-01", "-f", "json").out
    )["rows"]
    table = document.tables[-1]
    codes = [row.cells[2].text for row in table.rows[1:]]
    assert codes == [r["dossier_id"] for r in listed] and codes
    body = [p.text for p in document.paragraphs]
    assert f"Có {len(listed)} hồ sơ quá hạn" in " ".join(body)


def test_no_configuration_leaves_dots_and_one_unit_names_itself(cli, tmp_path):
    """Without [form] the unit, code and place are dots; with --unit the report is that unit's, by field."""
    target = tmp_path / "xa.docx"
    assert (
        cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), "--unit", "UBND xã Vạn Phú", "-o", str(target)).code
        == 0
    )
    document = docx.Document(str(target))
    texts = _texts(document)
    assert "UBND XÃ VẠN PHÚ" in texts and "Số:       /BC-…" in texts
    assert any(re.match(r"^…{4,}, ngày \d\d tháng \d+ năm \d{4}$", t) for t in texts)
    assert "THỦ TRƯỞNG CƠ QUAN" in texts
    form = _form(document)
    assert form.rows[4].cells[1].text != "UBND xã Vạn Phú"  # the form's rows are the unit's fields


def test_english_document(cli, tmp_path):
    """--lang en writes the same document in English."""
    target = tmp_path / "report.docx"
    assert cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), "--lang", "en", "-o", str(target)).code == 0
    texts = _texts(docx.Document(str(target)))
    assert "SOCIALIST REPUBLIC OF VIETNAM" in texts
    assert "Results of handling administrative procedures, the first quarter of 2024" in texts


def test_score766_as_a_document(cli, tmp_path):
    """score766 -o .docx writes the estimate in the same layout: its criteria, total line and units."""
    target = tmp_path / "diem.docx"
    result = cli("score766", "-p", "Q1-2024", str(SAMPLE_DATA), "--by", "unit", "-o", str(target))
    assert result.code == 0
    data = json.loads(cli("score766", "-p", "Q1-2024", str(SAMPLE_DATA), "-f", "json").out)
    document = docx.Document(str(target))
    names = [row.cells[0].text.strip() for row in document.tables[1].rows]
    assert data["groups"][0]["criteria"][0]["name"] in names
    assert any("QĐ 766" in p.text for p in document.paragraphs)
    assert len(document.tables) == 4  # head, criteria, units, signature


def test_control_characters_never_break_the_document():
    """Text with control characters (a unit name from a bad export) is written without them."""
    assert xml_safe("UBND\x00 xã\x0b A\tB") == "UBND xã A\tB"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_it_to_pdf(written, tmp_path):
    """LibreOffice converts the document to a PDF of several pages (portrait body, landscape appendix)."""
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(written[0])],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = (tmp_path / "bao-cao.pdf").read_bytes()
    pages = max(int(n) for n in re.findall(rb"/Count (\d+)", pdf))
    assert pdf.startswith(b"%PDF") and pages >= 3
