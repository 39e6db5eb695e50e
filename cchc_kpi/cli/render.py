"""Rich rendering of tables and messages for terminals (CLI layer only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.outputs.tables import Column, Table, display_value

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from cchc_kpi.i18n.numfmt import Lang

TEXT_MAX_WIDTH = 24  # a unit's name wraps between words beyond this
TEXT_MIN_WIDTH = 12
PADDING = 3  # rich's space on each side of a cell, and the column separator


def console() -> Console:
    """A console on the current stdout (colour off when NO_COLOR is set or TERM is dumb)."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:  # the reader left (`| head`): the caller ends with exit 0
            self.quiet = True
            raise BrokenPipeError

    return PipeConsole(highlight=False, soft_wrap=False)


CHANGE_STYLES = {"better": "green", "worse": "red"}


def _change(row: dict[str, Any], column: Column, lang: Lang) -> str | None:
    from cchc_kpi.kpi.metrics import METRICS_BY_NAME
    from cchc_kpi.outputs.report_tables import change_label

    return change_label(row, column.key, lang, short=True) if column.key in METRICS_BY_NAME else None


def _cell(row: dict[str, Any], column: Column, lang: Lang, basis: bool, width: int | None = None) -> str:
    shown = display_value(row, column, lang)
    if width is not None and column.kind == "text" and len(shown) > width:
        import textwrap

        indent = shown[: len(shown) - len(shown.lstrip(" "))]  # a unit under its level keeps its indent
        shown = textwrap.fill(
            shown, width=width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
        )
    if column.kind == "rate" and " (" in shown:
        rate, numbers = shown.split(" (", 1)
        shown = f"{rate}\n{numbers.rstrip(')')}" if basis else rate
    delta = _change(row, column, lang)
    return shown if delta is None else f"{shown}\n{delta}"


def _styled(row: dict[str, Any], column: Column, lang: Lang, basis: bool, width: int | None = None) -> Text:
    """A cell as rich text: green when its target is met, red when missed, and
    "không đủ dữ liệu" for a targeted metric without data."""
    from rich.text import Text

    passed = row.get(f"{column.key}_pass")
    if passed is None and row.get(f"{column.key}_target") is not None and row.get(column.key) is None:
        return Text(text("target.no_data", lang), style="yellow")
    style = {True: "green", False: "bold red"}.get(passed) if passed is not None else None
    cell = _cell(row, column, lang, basis, width)
    if column.key == "change" and "_direction" in row:  # the one-line-per-metric view
        return Text(cell, style=CHANGE_STYLES.get(row["_direction"] or "", ""))
    delta = _change(row, column, lang)
    if delta is None:
        return Text(cell, style=style or "")
    from cchc_kpi.kpi.comparison import direction

    value = cell[: -len(delta) - 1]
    moved = CHANGE_STYLES.get(direction(column.key, row.get(f"{column.key}_change")) or "", "")
    return Text.assemble((value, style or ""), "\n", (delta, moved))


def _natural_widths(table: Table, lang: Lang, basis: bool) -> list[int]:
    """Each column's width: numbers and codes as wide as their widest value (never cut), text
    as wide as its longest line up to TEXT_MAX_WIDTH, and every column at least as wide as the
    longest word of its label and its cells (so nothing is cut inside a word)."""
    widths = []
    for column in table.columns:
        cells = [_cell(r, column, lang, basis) for r in table.rows]
        lines = [line for c in cells for line in c.split("\n")]
        words = [w for line in [*lines, column.label] for w in line.split()]
        longest_word = max((len(w) for w in words), default=1)
        widest = max((len(line) for line in lines), default=0)
        if column.kind == "text":
            widths.append(max(min(widest, TEXT_MAX_WIDTH), longest_word))
        else:
            widths.append(max(widest, longest_word))
    return widths


def _desired_widths(table: Table, lang: Lang, basis: bool) -> list[int]:
    """Each column's width with room to spare: text as wide as its longest line and every
    label on one line."""
    widths = []
    for column in table.columns:
        lines = [line for r in table.rows for line in _cell(r, column, lang, basis).split("\n")]
        widths.append(max([len(column.label), *(len(line) for line in lines)]))
    return widths


def _spread(table: Table, widths: list[int], desired: list[int], band: list[int], room: int) -> list[int]:
    """The band's widths grown towards ``desired`` with the room it leaves: first so that
    every label stays on one line, then so that text does."""
    spare = room - _needed([widths[i] for i in band])
    grown = list(widths)
    for goal in ([max(w, len(c.label)) for w, c in zip(widths, table.columns, strict=True)], desired):
        for index in band:
            extra = min(max(0, goal[index] - grown[index]), max(0, spare))
            grown[index] += extra
            spare -= extra
    return grown


def _needed(widths: list[int]) -> int:
    """The printed width of columns this wide (PADDING between neighbours, none outside)."""
    return sum(widths) + PADDING * max(0, len(widths) - 1)


def bands(widths: list[int], room: int, keys: int = 1) -> list[list[int]]:
    """The columns of each band of a table too wide for ``room``: the first ``keys`` columns
    (what a row is) in every band, the others in order, as many as fit."""
    out: list[list[int]] = []
    current: list[int] = []
    for index in range(keys, len(widths)):
        if current and _needed([*widths[:keys], *(widths[i] for i in [*current, index])]) > room:
            out.append(current)
            current = []
        current.append(index)
    if current or not out:
        out.append(current)
    if len(out) > 1:  # as many bands, of about as many columns each (room for the labels)
        rest = list(range(keys, len(widths)))
        size = -(-len(rest) // len(out))
        even = [rest[i : i + size] for i in range(0, len(rest), size)]
        if len(even) == len(out) and all(
            _needed([*widths[:keys], *(widths[i] for i in b)]) <= room for b in even
        ):
            out = even
    return [[*range(keys), *band] for band in out]


def print_table(table: Table, lang: Lang) -> None:
    """Print a table with labels and numbers formatted for the language, fitting the terminal.

    Nothing is cut: no word, number or code is broken or cropped. Rates carry their
    numerator/denominator on a second line when that still fits; a table wider than the
    terminal is printed in bands (each with the rows' labels), and a line says so.
    """
    from rich import box
    from rich.markup import escape
    from rich.table import Table as RichTable
    from rich.text import Text

    out = console()
    room = out.width
    has_rates = any(c.kind == "rate" for c in table.columns)
    plain = _fitted(_natural_widths(table, lang, False), table, lang, room)
    with_basis = _fitted(_natural_widths(table, lang, True), table, lang, room)
    basis = has_rates and len(bands(with_basis, room)) <= len(bands(plain, room))
    widths = with_basis if basis else plain
    parts = bands(widths, room)
    desired = _desired_widths(table, lang, basis)
    if table.title:
        out.print(Text(table.title, style="italic"))
    for number, band in enumerate(parts, start=1):
        rich_table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        grown = _spread(table, widths, desired, band, room)
        for index in band:
            column, width = table.columns[index], grown[index]
            if column.kind == "text":
                rich_table.add_column(escape(column.label), width=width, overflow="fold")
            elif column.kind == "code":
                rich_table.add_column(escape(column.label), width=width, no_wrap=True)
            else:
                rich_table.add_column(escape(column.label), justify="right", width=width)
        for row in table.rows:
            cells = [_styled(row, table.columns[i], lang, basis, grown[i]) for i in band]
            total = row.get("row_type") in ("subtotal", "total") or "TOTAL" in row.values()
            rich_table.add_row(*cells, style="bold" if total else None)
        if len(parts) > 1:
            out.print(Text(text("table.band", lang, number=number, count=len(parts)), style="dim"))
        out.print(rich_table)
    if len(parts) > 1:
        out.print(escape(text("table.bands", lang, count=len(parts))))
    if has_rates and not basis:
        out.print(escape(text("report.basis_hidden", lang)))
    for line in table.footer:
        out.print(escape(line))


def _fitted(widths: list[int], table: Table, lang: Lang, room: int) -> list[int]:
    """The widths with the label column narrowed (to its longest word, at least
    TEXT_MIN_WIDTH) when that saves a band, then widened to what the widest band leaves."""
    if not widths or table.columns[0].kind != "text" or len(bands(widths, room)) == 1:
        return widths
    narrow = [max(TEXT_MIN_WIDTH, _longest_word(table, 0, lang)), *widths[1:]]
    parts = bands(narrow, room)
    widest_band = max(_needed([narrow[i] for i in band[1:]]) for band in parts)
    narrow[0] = max(narrow[0], min(widths[0], room - widest_band - PADDING))
    return narrow


def _longest_word(table: Table, index: int, lang: Lang) -> int:
    column = table.columns[index]
    texts = [display_value(r, column, lang) for r in table.rows] + [column.label]
    return max((len(w) for t in texts for w in t.split()), default=1)


def print_lines(title: str, lines: list[str]) -> None:
    """Print a titled list (warnings, notes)."""
    from rich.markup import escape

    if not lines:
        return
    out = console()
    out.print(f"[bold]{escape(title)}[/bold]")
    for line in lines:
        out.print(f"  • {escape(line)}")
