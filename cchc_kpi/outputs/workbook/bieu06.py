"""The "Biểu 06" sheet: the report form of TT 01/2020/TT-VPCP (domain.md §8).

Title, "Kỳ báo cáo: … (Từ ngày … đến ngày …)" with dates written as NĐ 30/2020
says, "Đơn vị tính: Số hồ sơ TTHC", the numbered columns (1)–(13) under merged
group headers, one row per lĩnh vực for one unit, or per unit grouped by level
with subtotals, and a total row. A4 landscape, one page wide, header repeated.
"""

from __future__ import annotations

from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, vn_date
from cchc_kpi.outputs.form import BIEU06_COLUMNS, BIEU06_GROUPS, BIEU06_SUBHEADS, FormSignature, bieu06_lines
from cchc_kpi.outputs.workbook.cells import Formats, cell_text, write_cell
from cchc_kpi.outputs.workbook.form_block import write_form_head, write_signatures
from cchc_kpi.report.model import Report

HEADER_TOP = 6  # under the reporting unit, the title, the period, the unit of count, the marker
FIRST_DATA = HEADER_TOP + 4


def _header(sheet: Any, formats: Formats, lang: Lang) -> None:
    h, f = HEADER_TOP, formats.head
    sheet.merge_range(h, 0, h + 2, 0, text("bieu06.stt", lang), f)
    sheet.merge_range(h, 1, h + 2, 1, text("bieu06.row_label", lang), f)
    for key, first, last in BIEU06_GROUPS:
        sheet.merge_range(h, first, h, last, text(f"bieu06.{key}", lang), f)
        sheet.merge_range(h + 1, first, h + 2, first, text("bieu06.total", lang), f)
        sheet.merge_range(h + 1, first + 1, h + 1, last, text("bieu06.of_which", lang), f)
    for col, key in BIEU06_SUBHEADS.items():
        sheet.write_string(h + 2, col, text(f"bieu06.{key}", lang), f)
    for col in range(13):
        sheet.write_string(h + 3, col, f"({col + 1})", f)


def write_bieu06(
    sheet: Any, report: Report, by: str, period_phrase: str, formats: Formats, lang: Lang, sample: str | None,
    form: FormSignature | None = None, unit: str | None = None,
) -> None:  # fmt: skip
    """Fill ``sheet`` with the form for ``report`` (rows by ``by``: field, or level + unit),
    headed by the reporting unit (``unit``: the report's one unit, if so) and signed under it."""
    period, form = report.period, form or FormSignature()
    write_form_head(sheet, form, unit, formats, lang)
    sheet.merge_range(2, 0, 2, 12, text("bieu06.title", lang), formats.title)
    span = text(
        "bieu06.period", lang, phrase=period_phrase, start=vn_date(period.start), end=vn_date(period.end)
    )
    sheet.merge_range(3, 0, 3, 12, span, formats.subtitle)
    sheet.merge_range(4, 0, 4, 12, text("bieu06.unit_of_count", lang), formats.right)
    if sample:
        sheet.write_string(5, 0, sample, formats.sample)
    _header(sheet, formats, lang)
    lines = bieu06_lines(report, by, lang)
    for offset, (number, label, row, bold) in enumerate(lines):
        r = FIRST_DATA + offset
        sheet.write_string(r, 0, number, formats.bold_center if bold else formats.center)
        sheet.write_string(r, 1, cell_text(label), formats.bold_text if bold else formats.text)
        for col, key in enumerate(BIEU06_COLUMNS, start=2):
            write_cell(sheet, r, col, row.get(key), formats.bold_count if bold else formats.count)
    write_signatures(
        sheet, FIRST_DATA + len(lines) + 1, form, report.metadata.generated_at.date(), formats, lang
    )
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 42)
    sheet.set_column(2, 12, 10.5)
    sheet.set_row(HEADER_TOP + 2, 45)
    sheet.freeze_panes(FIRST_DATA, 2)
    sheet.set_landscape()
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(HEADER_TOP, FIRST_DATA - 1)
