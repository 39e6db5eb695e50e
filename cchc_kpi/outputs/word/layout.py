"""The administrative document of NĐ 30/2020/NĐ-CP (Phụ lục I) in python-docx: A4, margins
20/20/30/15 mm, Times New Roman, the head block (issuing body, reporting unit and
"Số: …/BC-…" on the left; Quốc hiệu, Tiêu ngữ and the place and date on the right), the
title, body paragraphs, "Nơi nhận" beside the signature block, page numbers centred at the
top from page 2, landscape sections for wide tables, and tables from
:class:`~cchc_kpi.outputs.tables.Table`. Writing only: the words come computed."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.form import DOTS, FormSignature, document_date
from cchc_kpi.outputs.tables import Table, display_value

FONT = "Times New Roman"
BODY_PT, HEAD_PT, NATION_PT, TABLE_PT, SMALL_PT = 14, 13, 12, 11, 12
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}  # NĐ 30/2020, Phụ lục I, mục I.2
LANDSCAPE_MARGINS_MM = {"top": 20, "bottom": 15, "left": 20, "right": 20}  # a wide appendix: 257 mm of table
A4_MM = (210, 297)
# characters XML 1.0 cannot hold (python-docx refuses them): control characters but tab/newline
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: Any) -> str:
    """Text a Word document can hold (control characters dropped)."""
    return NOT_XML.sub("", str(value))


def new_document() -> Any:
    """An empty A4 portrait document in Times New Roman 14, NĐ 30 margins, page numbers from page 2."""
    from docx import Document
    from docx.shared import Mm, Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    _every_script(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    _margins(section, MARGINS_MM)
    section.different_first_page_header_footer = True  # no number on page 1
    _page_number(section.header.paragraphs[0])
    return document


def _margins(section: Any, margins: dict[str, int]) -> None:
    from docx.shared import Mm

    for side, mm in margins.items():
        setattr(section, f"{side}_margin", Mm(mm))


def _page_number(paragraph: Any) -> None:
    """A centred PAGE field."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, instruction in (("begin", None), (None, "PAGE"), ("end", None)):
        if instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind or "")
        run._r.append(element)


def landscape_section(document: Any) -> None:
    """Start a landscape A4 page (a wide table); its pages keep their numbers."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(A4_MM[1]), Mm(A4_MM[0])
    section.different_first_page_header_footer = False
    _margins(section, LANDSCAPE_MARGINS_MM)


def _every_script(properties: Any) -> None:
    """Times New Roman for every script of a style or run (Vietnamese letters such as ư, ơ included)."""
    from docx.oxml.ns import qn

    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _font(run: Any, size: int) -> None:
    from docx.shared import Pt

    run.font.size = Pt(size)
    _every_script(run._r.get_or_add_rPr())


def paragraph(
    container: Any,
    words: str,
    *,
    size: int = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    indent: bool = False,
    before: int = 0,
    after: int = 0,
    upper: bool = False,
    keep: bool = False,
) -> Any:
    """One paragraph (a line break for each newline in ``words``; ``keep``: on the page of
    what follows, as a table's title)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    aligns = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
              "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}  # fmt: skip
    shown = xml_safe(words.upper() if upper else words)
    para = container.add_paragraph()
    para.alignment = aligns[align]
    fmt = para.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep or None
    if indent:
        fmt.first_line_indent = Cm(1.27)
    for number, line in enumerate(shown.split("\n")):
        run = para.add_run(line)
        run.bold, run.italic = bold, italic
        _font(run, size)
        if number < shown.count("\n"):
            run.add_break()
    return para


def rule(container: Any, width_mm: float, container_mm: float) -> None:
    """A short centred line (under the unit name, the motto, the title): a bottom border
    on an empty paragraph narrowed to ``width_mm``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    para = container.add_paragraph()
    side = max((container_mm - width_mm) / 2, 0)
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = Mm(side)
    para.paragraph_format.space_after = Pt(6)
    line = para.runs[0] if para.runs else para.add_run("")
    line.font.size = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    para._p.get_or_add_pPr().append(borders)


def set_widths(table: Any, widths_mm: Sequence[float]) -> None:
    """Fixed column widths, cells 0.6 mm from their borders (narrow columns keep whole words:
    "Trực tuyến" breaks between its words, never inside one), rows never split over pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "34")  # twentieths of a point: 0.6 mm
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):  # the grid LibreOffice reads
        column.width = Mm(width)
    for row in table.rows:  # each cell as wide as the columns it spans (merged heads)
        column = 0
        for tc in row._tr.tc_lst:
            span = tc.grid_span
            tc.width = Mm(sum(widths_mm[column : column + span]))
            column += span


def _two_columns(document: Any, fill: Callable[[Any, Any], None], widths_mm: tuple[float, float]) -> None:
    """A borderless one-row table of two cells filled by ``fill(left, right)`` (without the empty
    first paragraph python-docx puts in every cell)."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    fill(left, right)
    for cell in (left, right):
        first = cell.paragraphs[0]
        if not first.text and len(cell.paragraphs) > 1:
            first._p.getparent().remove(first._p)
    set_widths(table, widths_mm)


def head_block(document: Any, form: FormSignature, unit: str | None, day: date, lang: Lang) -> str:
    """The head of the document; returns the reporting unit's name as the text says it."""
    reporting = form.reporting_unit or unit or DOTS
    _two_columns(document, lambda left, right: _head(left, right, form, reporting, day, lang), (62, 103))
    return reporting


def _head(left: Any, right: Any, form: FormSignature, reporting: str, day: date, lang: Lang) -> None:
    if form.issuing_body:
        paragraph(left, form.issuing_body, size=HEAD_PT, align="center", upper=True)
    paragraph(left, reporting, size=HEAD_PT, bold=True, align="center", upper=True)
    rule(left, 25, 62)
    code = form.document_code or "…"
    paragraph(left, text("doc.number", lang, code=code), size=HEAD_PT, align="center")
    paragraph(right, text("doc.nation", lang), size=NATION_PT, bold=True, align="center")
    paragraph(right, text("doc.motto", lang), size=BODY_PT, bold=True, align="center")
    rule(right, 60, 103)
    place = form.place or DOTS[: len(DOTS) // 2]  # room to write it by hand, on the date's line
    paragraph(right, f"{place}, {document_date(day, lang)}", italic=True, align="center")


def title(document: Any, kind: str, subject: str) -> None:
    """ "BÁO CÁO" and what it reports on, centred and bold, with a short line under."""
    paragraph(document, kind, bold=True, align="center", before=18)
    paragraph(document, subject, bold=True, align="center")
    rule(document, 40, 165)


def body(document: Any, paragraphs: Sequence[str]) -> None:
    """Body paragraphs: justified, first line indented, 6 pt apart."""
    for words in paragraphs:
        paragraph(document, words, indent=True, after=6)


def heading(document: Any, words: str) -> None:
    """A section heading ("I. KẾT QUẢ …"), on the page of what follows it."""
    paragraph(document, words, bold=True, indent=True, before=6, after=6, keep=True)


def signature_block(document: Any, form: FormSignature, lang: Lang) -> None:
    """ "Nơi nhận" (left, 12 and 11 pt) beside the signer's title, room to sign and the name (right)."""
    _two_columns(document, lambda left, right: _signature(left, right, form, lang), (80, 85))


def _signature(left: Any, right: Any, form: FormSignature, lang: Lang) -> None:
    paragraph(left, text("doc.recipients", lang), size=SMALL_PT, bold=True, italic=True, align="left")
    names = [f"- {r.strip().lstrip('-').strip().rstrip(';.').strip()};" for r in form.recipients] or [
        text("doc.recipient_above", lang)
    ]
    for name in [*names, text("doc.recipient_archive", lang)]:
        paragraph(left, name, size=11, align="left")
    signer = form.head_title or text("doc.signer", lang)
    paragraph(right, signer, bold=True, align="center", upper=True)
    paragraph(right, "\n\n\n\n", align="center")
    paragraph(right, form.head or DOTS, bold=bool(form.head), align="center")


def write_table(
    document: Any, table: Table, lang: Lang, widths_mm: Sequence[float], size: int = TABLE_PT
) -> None:
    """A bordered table of ``table``'s columns and rows as people read them (bold subtotal
    and total rows), its header repeated on every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    out = document.add_table(rows=1, cols=len(table.columns))
    out.style = "Table Grid"
    header = out.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, column in zip(header.cells, table.columns, strict=True):
        cell_words(cell, column.label, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in table.rows:
        bold = row.get("row_type") in ("subtotal", "total")
        cells = out.add_row().cells
        for cell, column in zip(cells, table.columns, strict=True):
            numeric = column.kind in ("int", "rate", "float")
            align = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
            cell_words(cell, display_value(row, column, lang), size, bold=bold, align=align)
    set_widths(out, widths_mm)
    for element in out._tbl.iter(qn("w:tblHeader")):
        element.set(qn("w:val"), "true")


def cell_words(cell: Any, words: str, size: int, *, bold: bool = False, align: Any = None) -> None:

    para = cell.paragraphs[0]
    para.alignment = align
    run = para.add_run(xml_safe(words))
    run.bold = bold
    _font(run, size)


def save(document: Any, path: Path, generator: str) -> None:
    """Save atomically (a temporary file beside the target, then renamed), marked as ours."""
    from cchc_kpi.atomic import atomic_path

    document.core_properties.author = generator
    document.core_properties.comments = generator
    with atomic_path(path) as tmp:
        document.save(str(tmp))
