"""What makes Biểu 06 a form an office can file: the reporting unit above the title, and
under the table the place and date line and the signature block (NGƯỜI LẬP BIỂU /
THỦ TRƯỞNG ĐƠN VỊ), as Vietnamese forms carry them. Names come from the configuration's
``[form]`` table; the reporting unit defaults to the report's one unit, and whatever is
not known is left as dots to fill in by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.form import DOTS, FormSignature, document_date
from cchc_kpi.outputs.workbook.cells import LINE_POINTS, Formats, cell_text

SIGN_ROWS = 4  # room for the signature and the seal


def write_form_head(sheet: Any, form: FormSignature, unit: str | None, formats: Formats, lang: Lang) -> None:
    """Row 0: the reporting unit (left) and the form's name (right); row 1: the receiving unit."""
    reporting = form.reporting_unit or unit or DOTS
    sheet.merge_range(
        0, 0, 0, 6, cell_text(text("form.reporting_unit", lang, unit=reporting)), formats.bold_plain
    )
    sheet.merge_range(0, 9, 0, 12, text("form.name", lang), formats.right)
    if form.receiving_unit:
        receiving = text("form.receiving_unit", lang, unit=form.receiving_unit)
        sheet.merge_range(1, 0, 1, 6, cell_text(receiving), formats.plain)


def write_signatures(
    sheet: Any, row: int, form: FormSignature, day: date, formats: Formats, lang: Lang
) -> int:
    """From ``row``: the place and date line (right), then the two signature columns; returns
    the last row written."""
    place = form.place or DOTS
    sheet.merge_range(
        row, 8, row, 12, cell_text(f"{place}, {document_date(day, lang)}"), formats.italic_center
    )
    titles = (form.preparer_title or text("form.preparer", lang), form.head_title or text("form.head", lang))
    hints = (text("form.preparer_hint", lang), text("form.head_hint", lang))
    names = (form.preparer, form.head)
    lines = max(title.count("\n") for title in titles) + 1  # "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    if lines > 1:
        sheet.set_row(row + 1, LINE_POINTS * lines)
    for (first, last), title, hint, name in zip(((0, 4), (8, 12)), titles, hints, names, strict=True):
        sheet.merge_range(row + 1, first, row + 1, last, cell_text(title), formats.bold_center_plain)
        sheet.merge_range(row + 2, first, row + 2, last, hint, formats.italic_center)
        if name:
            sheet.merge_range(row + 3 + SIGN_ROWS, first, row + 3 + SIGN_ROWS, last, cell_text(name),
                              formats.bold_center_plain)  # fmt: skip
    return row + 3 + SIGN_ROWS
