"""The written report an officer signs (``report -o bao-cao.docx``): "Báo cáo kết quả giải
quyết thủ tục hành chính quý I năm 2024" in the layout of NĐ 30/2020 — the head block,
the title, the paragraphs of figures (with the targets and the comparison when asked),
Biểu 06, the overdue dossiers in a sentence, "Nơi nhận" and the signature, then the
overdue list as an appendix on landscape pages. And the QĐ 766 estimate written the
same way (``score766 -o diem-766.docx``).

Writing only: the figures come computed in a
:class:`~cchc_kpi.report.bundle.WrittenDocument` (the same form rows, paragraphs and list
as the workbook) or a :class:`~cchc_kpi.report.score766.Score766Report`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_kpi._version import __version__
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_int, vn_date
from cchc_kpi.outputs.form import (
    BIEU06_COLUMNS,
    BIEU06_GROUPS,
    BIEU06_SUBHEADS,
    FormSignature,
    bieu06_lines,
    document_date,
)
from cchc_kpi.outputs.narrative import narrative, period_phrase
from cchc_kpi.outputs.score766_tables import score_lines, score_table, unit_score_table
from cchc_kpi.outputs.tables import Column, Table
from cchc_kpi.outputs.views import overdue_table
from cchc_kpi.outputs.word.layout import (
    body,
    cell_words,
    head_block,
    heading,
    landscape_section,
    new_document,
    paragraph,
    save,
    set_widths,
    signature_block,
    title,
    write_table,
)
from cchc_kpi.report.bundle import WrittenDocument
from cchc_kpi.report.model import PeriodInfo, Report
from cchc_kpi.report.score766 import Score766Report
from cchc_kpi.schema.choices import Convention

GENERATOR = f"cchc-kpi {__version__}"
BIEU06_PT, BIEU06_HEAD_PT = 9, 8
BIEU06_WIDTHS = (9, 34, *(11,) * 11)  # mm: 164 of the 165 between the margins
OVERDUE_WIDTHS = (10, 22, 33, 36, 22, 37, 20, 20, 20, 17, 20)  # mm: No., then the list; landscape 257


def _sample_mark(document: Any, sample: bool, lang: Lang) -> None:
    if sample:
        paragraph(document, text("report.sample", lang), bold=True, align="center", before=6)


def write_bieu06_table(document: Any, report: Report, by: str, phrase: str, lang: Lang) -> None:
    """Biểu 06 as a Word table: its title and period, the merged heads, the numbered columns,
    the lines of the form (the workbook's lines, :func:`bieu06_lines`)."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    period = report.period
    paragraph(document, text("bieu06.title", lang), size=12, bold=True, align="center", before=6, keep=True)
    span = text("bieu06.period", lang, phrase=phrase, start=vn_date(period.start), end=vn_date(period.end))
    paragraph(document, span, size=12, italic=True, align="center", keep=True)
    paragraph(document, text("bieu06.unit_of_count", lang), size=11, italic=True, align="right", keep=True)
    lines = bieu06_lines(report, by, lang)
    table = document.add_table(rows=4 + len(lines), cols=13)
    table.style = "Table Grid"
    center = WD_ALIGN_PARAGRAPH.CENTER
    cells = table.rows

    def head(
        row: int, col: int, words: str, last_row: int | None = None, last_col: int | None = None
    ) -> None:
        cell = cells[row].cells[col]
        if last_row is not None or last_col is not None:
            cell = cell.merge(cells[last_row if last_row is not None else row].cells[last_col or col])
        cell_words(cell, words, BIEU06_HEAD_PT, bold=True, align=center)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    head(0, 0, text("bieu06.stt", lang), last_row=2)
    head(0, 1, text("bieu06.row_label", lang), last_row=2)
    for key, first, last in BIEU06_GROUPS:
        head(0, first, text(f"bieu06.{key}", lang), last_col=last)
        head(1, first, text("bieu06.total", lang), last_row=2)
        head(1, first + 1, text("bieu06.of_which", lang), last_col=last)
    for col, key in BIEU06_SUBHEADS.items():
        head(2, col, text(f"bieu06.{key}", lang))
    for col in range(13):
        head(3, col, f"({col + 1})")
    for head_row in range(4):
        cells[head_row]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    right, left = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
    for offset, (number, label, row, bold) in enumerate(lines):
        out = cells[4 + offset].cells
        cell_words(out[0], number, BIEU06_PT, bold=bold, align=center)
        cell_words(out[1], label, BIEU06_PT, bold=bold, align=left)
        for col, key in enumerate(BIEU06_COLUMNS, start=2):
            value = row.get(key)
            shown = format_int(int(value), lang) if value is not None else "–"
            cell_words(out[col], shown, BIEU06_PT, bold=bold, align=right)
    set_widths(table, BIEU06_WIDTHS)


def _overdue_sentence(content: WrittenDocument, lang: Lang) -> str:
    count = len(content.overdue.rows)
    return (
        text("doc.overdue_some", lang, count=format_int(count, lang))
        if count
        else text("doc.overdue_none", lang)
    )


def write_word_report(
    path: Path, content: WrittenDocument, lang: Lang, form: FormSignature | None = None
) -> None:
    """Write the written report of ``content`` to ``path`` (.docx)."""
    form = form or FormSignature()
    report, rows = content.report, content.rows
    day = report.metadata.generated_at.date()
    phrase = period_phrase(content.written.period, lang)
    document = new_document()
    unit = head_block(document, form, rows.only_unit, day, lang)
    title(document, text("doc.kind", lang), text("doc.title", lang, phrase=phrase))
    _sample_mark(document, content.sample, lang)
    body(document, [text("doc.intro", lang, unit=unit, phrase=phrase)])
    heading(document, text("doc.section_results", lang))
    body(document, [*narrative(content.written, lang), text("doc.see_bieu06", lang)])
    write_bieu06_table(document, rows.form, rows.form_by, phrase, lang)
    heading(document, text("doc.section_overdue", lang))  # kept with its sentence and the signature
    paragraph(document, _overdue_sentence(content, lang), indent=True, after=6, keep=True)
    signature_block(document, form, lang)
    if content.overdue.rows:
        landscape_section(document)
        paragraph(document, text("doc.appendix", lang), bold=True, align="center")
        listed = overdue_table(content.overdue, lang)
        paragraph(
            document, text("doc.appendix_title", lang, phrase=phrase), bold=True, align="center", upper=True
        )
        note = text("doc.appendix_note", lang, code=form.document_code or "…", day=document_date(day, lang),
                    unit=unit)  # fmt: skip
        paragraph(document, note, size=12, italic=True, align="center", after=6)
        numbered = Table(columns=[Column(key="_n", label=text("bieu06.stt", lang)), *listed.columns],
                         rows=[{"_n": str(i), **r} for i, r in enumerate(listed.rows, start=1)])  # fmt: skip
        write_table(document, numbered, lang, OVERDUE_WIDTHS, size=9)
    save(document, path, GENERATOR)


def _phrase_of(period: PeriodInfo, lang: Lang) -> str:
    """The period as documents name it ("quý I năm 2024"), from its label as resolved."""
    from cchc_kpi.calendar.periods import resolve_period
    from cchc_kpi.errors import UsageError

    try:
        convention: Convention = "nd09" if period.convention == "nd09" else "calendar"
        return period_phrase(resolve_period(period.label, convention), lang)
    except UsageError:  # a label only the run could resolve: its dates
        return text("narrative.range", lang, start=vn_date(period.start), end=vn_date(period.end))


def write_score_word(
    path: Path, report: Score766Report, lang: Lang, form: FormSignature | None = None
) -> None:
    """Write the QĐ 766 estimate as a report in the same layout: the criteria with their
    rates and points, the total and what could not be computed, the points per unit."""
    form = form or FormSignature()
    phrase = _phrase_of(report.period, lang)
    day = report.generated_at.date()
    document = new_document()
    unit = head_block(document, form, None, day, lang)
    title(document, text("doc.kind", lang), text("doc.score_title", lang, phrase=phrase))
    _sample_mark(document, report.sample, lang)
    body(document, [text("doc.score_intro", lang, unit=unit, phrase=phrase)])
    criteria = score_table(report, lang)
    write_table(document, criteria.model_copy(update={"footer": []}), lang, (75, 35, 18, 18, 19), size=11)
    body(document, [*score_lines(report, lang), report.note])
    if report.units:
        heading(document, text("doc.score_units", lang))
        units = unit_score_table(report, lang)
        others = len(units.columns) - 1
        write_table(document, units, lang, (50, *((165 - 50) / max(others, 1),) * others), size=10)
    signature_block(document, form, lang)
    save(document, path, GENERATOR)
