"""Building blocks of the Excel report (xlsxwriter): formats, safe cell writing,
table sheets, the information sheet and the text sheet.

Text from the inputs is always written with ``write_string`` (the workbook is
also opened with ``strings_to_formulas`` off), so a unit called "=HYPERLINK(…)"
stays text; cell text is cut to Excel's 32 767 characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang

EXCEL_TEXT_LIMIT = 32767
EXCEL_ROWS = 1_048_576
SHEET_NAME_LIMIT = 31
FONT = "Times New Roman"


def new_workbook(path: Path) -> Any:
    """An xlsxwriter workbook that never turns text into formulas, links or numbers, and
    keeps its temporary parts beside ``path`` (not in the system's temporary folder)."""
    import xlsxwriter

    from cchc_kpi.atomic import parts_dir

    parts = parts_dir(path)
    parts.mkdir(exist_ok=True)
    options = {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "tmpdir": str(parts),
    }
    from cchc_kpi._version import __version__
    from cchc_kpi.read.own_outputs import GENERATOR, GENERATOR_PROPERTY

    workbook = xlsxwriter.Workbook(str(path), options)
    workbook.set_custom_property(GENERATOR_PROPERTY, f"{GENERATOR} {__version__}")  # read back as ours
    return workbook


A4 = 9  # xlsxwriter's paper code
PARAGRAPH_WIDTH = 92  # characters: an A4 portrait page between its margins
PARAGRAPH_CHARS = 100  # Times New Roman 11 fits about this many per line in that width
LINE_POINTS = 15.5


def print_setup(sheet: Any, lang: Lang) -> None:
    """Every sheet prints on A4, one page wide, with its page number in the footer (the
    orientation and margins are the sheet's own)."""
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.set_footer("&C" + text("workbook.page_footer", lang))


def close_workbook(workbook: Any, target: Path, lang: Lang = "vi") -> None:
    """Set every sheet up for printing and write the workbook out; a failure (a full disk)
    is one output error, not a traceback."""
    import xlsxwriter.exceptions

    from cchc_kpi.errors import OutputError

    for sheet in workbook.worksheets():
        print_setup(sheet, lang)
    try:
        workbook.close()
    except (OSError, xlsxwriter.exceptions.XlsxWriterException) as exc:
        cause = exc if isinstance(exc, OSError) else exc.__context__
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else type(exc).__name__
        raise OutputError("output.failed", path=str(target), reason=reason) from None


@dataclass
class Formats:
    """The workbook's cell formats."""

    title: Any
    subtitle: Any
    right: Any
    head: Any
    text: Any
    bold_text: Any
    center: Any
    bold_center: Any
    count: Any
    bold_count: Any
    rate: Any
    bold_rate: Any
    money: Any
    when: Any
    wrap: Any
    sample: Any
    miss_rate: Any
    miss_count: Any
    points: Any
    bold_points: Any
    plain: Any  # text without borders (the form's head and signature block)
    bold_plain: Any
    bold_center_plain: Any
    italic_center: Any


def make_formats(workbook: Any) -> Formats:
    """Create the formats: Times New Roman, borders, 0.00% and #,##0 number formats."""
    base = {"font_name": FONT, "font_size": 11}
    cell = {**base, "border": 1, "valign": "vcenter"}

    def fmt(**extra: Any) -> Any:
        return workbook.add_format({**cell, **extra})

    return Formats(
        title=workbook.add_format({**base, "bold": True, "font_size": 13, "align": "center"}),
        subtitle=workbook.add_format({**base, "italic": True, "align": "center"}),
        right=workbook.add_format({**base, "italic": True, "align": "right"}),
        head=fmt(bold=True, align="center", text_wrap=True, bg_color="#F2F2F2"),
        text=fmt(text_wrap=True),
        bold_text=fmt(bold=True, text_wrap=True),
        center=fmt(align="center"),
        bold_center=fmt(align="center", bold=True),
        count=fmt(num_format="#,##0"),
        bold_count=fmt(num_format="#,##0", bold=True),
        rate=fmt(num_format="0.00%"),
        bold_rate=fmt(num_format="0.00%", bold=True),
        money=fmt(num_format="#,##0"),
        when=fmt(num_format="dd/mm/yyyy hh:mm"),
        wrap=workbook.add_format({**base, "text_wrap": True, "valign": "top"}),
        sample=workbook.add_format({**base, "bold": True, "font_color": "#C00000"}),
        miss_rate=fmt(num_format="0.00%", bold=True, font_color="#9C0006", bg_color="#FFC7CE"),
        miss_count=fmt(num_format="#,##0", bold=True, font_color="#9C0006", bg_color="#FFC7CE"),
        points=fmt(num_format="0.00"),
        bold_points=fmt(num_format="0.00", bold=True),
        plain=workbook.add_format(base),
        bold_plain=workbook.add_format({**base, "bold": True}),
        bold_center_plain=workbook.add_format({**base, "bold": True, "align": "center", "text_wrap": True}),
        italic_center=workbook.add_format({**base, "italic": True, "align": "center"}),
    )


def cell_text(value: Any) -> str:
    """Text for a cell, cut to Excel's limit."""
    shown = str(value)
    return shown if len(shown) <= EXCEL_TEXT_LIMIT else shown[: EXCEL_TEXT_LIMIT - 1] + "…"


def write_cell(sheet: Any, row: int, col: int, value: Any, fmt: Any, number_fmt: Any | None = None) -> None:
    """Write one value by its type: text always as text, numbers as numbers, dates as dates."""
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, number_fmt or fmt)
    elif isinstance(value, datetime):
        sheet.write_datetime(row, col, value, number_fmt or fmt)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, datetime.combine(value, datetime.min.time()), number_fmt or fmt)
    else:
        sheet.write_string(row, col, cell_text(value), fmt)


def sheet_names(names: Sequence[str]) -> list[str]:
    """Excel-valid, unique sheet names (31 characters, no []:*?/\\)."""
    out: list[str] = []
    for name in names:
        clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:SHEET_NAME_LIMIT] or "Sheet"
        candidate, n = clean, 2
        while candidate.lower() in {o.lower() for o in out}:
            suffix = f" ({n})"
            candidate, n = clean[: SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
        out.append(candidate)
    return out


@dataclass
class SheetColumn:
    """A column of a table sheet: key, header, kind (text, count, rate, money, when)."""

    key: str
    label: str
    kind: str = "text"
    width: float | None = None


def _number_format(kind: str, formats: Formats, bold: bool) -> Any:
    return {
        "count": formats.bold_count if bold else formats.count,
        "money": formats.bold_count if bold else formats.money,
        "rate": formats.bold_rate if bold else formats.rate,
        "points": formats.bold_points if bold else formats.points,
        "when": formats.when,
    }.get(kind)


def write_table_sheet(
    sheet: Any,
    columns: Sequence[SheetColumn],
    rows: Sequence[dict[str, Any]],
    formats: Formats,
    title: str,
    sample: str | None = None,
    lang: Lang = "vi",
) -> None:
    """A titled table: bold header frozen, autofilter, widths fitting the content. Rows past
    Excel's last row are not written: a last line says how many, and where they all are."""
    header = write_top(sheet, title, formats, sample)
    for col, column in enumerate(columns):
        sheet.write_string(header, col, column.label, formats.head)
    room = EXCEL_ROWS - header - 2  # the header row and the line that says what is left out
    if len(rows) > room:
        note = text("workbook.rows_cut", lang, shown=room, total=len(rows))
        sheet.write_string(header + room + 1, 0, note, formats.bold_text)
        rows = rows[:room]
    for offset, row in enumerate(rows, start=1):
        bold = row.get("row_type") in ("subtotal", "total")
        for col, column in enumerate(columns):
            fmt = formats.bold_text if bold else formats.text
            number = _number_format(column.kind, formats, bold)
            if row.get(f"{column.key}_pass") is False:  # a missed target: red
                number = formats.miss_rate if column.kind == "rate" else formats.miss_count
            write_cell(sheet, header + offset, col, row.get(column.key), fmt, number)
    for col, column in enumerate(columns):
        longest = max(
            [len(column.label) // 2, *(len(str(r.get(column.key) or "")) for r in rows[:500])], default=8
        )
        sheet.set_column(col, col, column.width or min(max(longest + 2, 9), 60))
    sheet.freeze_panes(header + 1, 0)
    if rows:
        sheet.autofilter(header, 0, header + len(rows), len(columns) - 1)
    sheet.set_landscape()
    sheet.repeat_rows(header)


def write_lines_sheet(
    sheet: Any, title: str, lines: Sequence[tuple[str, Any]], formats: Formats, sample: str | None
) -> None:
    """Two columns of labels and values (the information sheet)."""
    for offset, (label, value) in enumerate(lines, start=write_top(sheet, title, formats, sample)):
        sheet.write_string(offset, 0, cell_text(label), formats.text)
        write_cell(sheet, offset, 1, value, formats.text, formats.count if isinstance(value, int) else None)
    sheet.set_column(0, 0, 38)
    sheet.set_column(1, 1, 100)
    sheet.set_landscape()


def write_paragraphs(
    sheet: Any, title: str, paragraphs: Sequence[str], formats: Formats, sample: str | None
) -> None:
    """The written-report paragraphs, one per row, wrapped in a column as wide as an A4 page
    in portrait (so nothing runs past the page's edge), each row as tall as its lines."""
    sheet.set_column(0, 0, PARAGRAPH_WIDTH)
    for offset, paragraph in enumerate(paragraphs, start=write_top(sheet, title, formats, sample)):
        sheet.write_string(offset, 0, cell_text(paragraph), formats.wrap)
        lines = 1 + len(paragraph) // PARAGRAPH_CHARS
        sheet.set_row(offset, LINE_POINTS * lines)
    sheet.set_portrait()
    sheet.set_margins(left=0.8, right=0.6, top=0.8, bottom=0.8)


def write_top(sheet: Any, title: str, formats: Formats, marker: str | None) -> int:
    """Write the sample marker and the title; return the next free row."""
    row = 0
    if marker:
        sheet.write_string(row, 0, marker, formats.sample)
        row += 1
    sheet.write_string(row, 0, cell_text(title), formats.bold_text)
    return row + 2
