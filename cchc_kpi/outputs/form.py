"""What the forms share, in the workbook and in Word: who reports and signs (the
configuration's ``[form]`` table), dates as NĐ 30/2020 writes them in documents, and the
lines of Biểu 06 (numbered, levels in Roman numerals, bold subtotals and total)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.kpi.metrics import BIEU06_COUNTS
from cchc_kpi.report.model import Report
from cchc_kpi.schema.strict import Strict

DOTS = "…………………………"
BIEU06_COLUMNS = BIEU06_COUNTS  # columns (3)–(13)
# the three groups of columns (first and last column, 0-based) and the sub-heads under "Trong đó"
BIEU06_GROUPS = (("received", 2, 5), ("resolved", 6, 9), ("pending", 10, 12))
BIEU06_SUBHEADS = {3: "online", 4: "offline", 5: "carried", 7: "early", 8: "on_time", 9: "late",
                   11: "in_time", 12: "overdue"}  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class FormSignature(Strict):
    """``[form]``: who reports and signs (all optional; what is not known is left as dots)."""

    issuing_body: str | None = None  # the body above the reporting unit: "UBND TỈNH KHÁNH HÒA"
    reporting_unit: str | None = None  # "UBND huyện Vạn Ninh"
    receiving_unit: str | None = None  # "Văn phòng UBND tỉnh Khánh Hòa"
    document_code: str | None = None  # "UBND" in "Số: …/BC-UBND"
    place: str | None = None  # "Vạn Ninh" in "Vạn Ninh, ngày 05 tháng 4 năm 2024"
    preparer_title: str | None = None  # default NGƯỜI LẬP BIỂU
    preparer: str | None = None
    head_title: str | None = None  # default THỦ TRƯỞNG ĐƠN VỊ
    head: str | None = None
    recipients: list[str] = Field(default_factory=list)  # "Nơi nhận" of the written report


def document_date(day: date, lang: Lang) -> str:
    """A date as NĐ 30/2020 writes it in documents: "ngày 05 tháng 02 năm 2024" (a zero
    before days under 10 and months 1 and 2)."""
    if lang == "en":
        return f"{day:%d %B %Y}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def bieu06_lines(report: Report, by: str, lang: Lang) -> list[tuple[str, str, dict[str, Any], bool]]:
    """(number, label, row, bold) for each line of the form."""
    lines: list[tuple[str, str, dict[str, Any], bool]] = []
    level_number, unit_number = 0, 0
    for row in report.rows:
        if row["row_type"] == "subtotal":
            level_number += 1
            unit_number = 0
            lines.append((ROMAN[(level_number - 1) % 10], text(f"level.{row['level']}", lang), row, True))
            continue
        unit_number += 1
        value = row.get(by)
        label = str(value) if value is not None else text("bieu06.no_field", lang)
        lines.append((str(unit_number), label, row, False))
    if report.total is not None:
        lines.append(("", text("label.total", lang), report.total, True))
    return lines
