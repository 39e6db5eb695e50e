"""Rich rendering of tables and messages for terminals (CLI layer only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.outputs.tables import Column, Table, display_value

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from cchc_kpi.i18n.numfmt import Lang

TEXT_MIN_WIDTH = 24
PADDING = 2


def console() -> Console:
    """A console on the current stdout (colour off when NO_COLOR is set or TERM is dumb)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


CHANGE_STYLES = {"better": "green", "worse": "red"}


def _change(row: dict[str, Any], column: Column, lang: Lang) -> str | None:
    from cchc_kpi.kpi.metrics import METRICS_BY_NAME
    from cchc_kpi.outputs.report_tables import change_label

    return change_label(row, column.key, lang, short=True) if column.key in METRICS_BY_NAME else None


def _cell(row: dict[str, Any], column: Column, lang: Lang, basis: bool) -> str:
    shown = display_value(row, column, lang)
    if column.kind == "rate" and " (" in shown:
        rate, numbers = shown.split(" (", 1)
        shown = f"{rate}\n{numbers.rstrip(')')}" if basis else rate
    delta = _change(row, column, lang)
    return shown if delta is None else f"{shown}\n{delta}"


def _styled(row: dict[str, Any], column: Column, lang: Lang, basis: bool) -> Text:
    """A cell as rich text: green when its target is met, red when missed, and
    "không đủ dữ liệu" for a targeted metric without data."""
    from rich.text import Text

    passed = row.get(f"{column.key}_pass")
    if passed is None and row.get(f"{column.key}_target") is not None and row.get(column.key) is None:
        return Text(text("target.no_data", lang), style="yellow")
    style = {True: "green", False: "bold red"}.get(passed) if passed is not None else None
    cell = _cell(row, column, lang, basis)
    if column.key == "change" and "_direction" in row:  # the one-line-per-metric view
        return Text(cell, style=CHANGE_STYLES.get(row["_direction"] or "", ""))
    delta = _change(row, column, lang)
    if delta is None:
        return Text(cell, style=style or "")
    from cchc_kpi.kpi.comparison import direction

    value = cell[: -len(delta) - 1]
    moved = CHANGE_STYLES.get(direction(column.key, row.get(f"{column.key}_change")) or "", "")
    return Text.assemble((value, style or ""), "\n", (delta, moved))


def _widths(table: Table, lang: Lang, basis: bool) -> list[int]:
    widths = []
    for column in table.columns:
        cells = [_cell(r, column, lang, basis) for r in table.rows]
        widest = max((len(line) for c in cells for line in c.split("\n")), default=0)
        if column.kind == "text":
            widths.append(min(widest, TEXT_MIN_WIDTH))
        else:
            widths.append(max(widest, max((len(w) for w in column.label.split()), default=1)))
    return widths


def _needed(widths: list[int]) -> int:
    return sum(w + PADDING + 1 for w in widths) + 1


def print_table(table: Table, lang: Lang) -> None:
    """Print a table with labels and numbers formatted for the language.

    Rates carry their numerator/denominator on a second line when the terminal is
    wide enough; otherwise a note says where to find them.
    """
    from rich import box
    from rich.markup import escape
    from rich.table import Table as RichTable

    out = console()
    has_rates = any(c.kind == "rate" for c in table.columns)
    basis = _needed(_widths(table, lang, True)) <= out.width
    widths = _widths(table, lang, basis)
    excess = _needed(widths) - out.width
    if excess > 0:  # let the text columns wrap more before rich crops numbers
        widths = [
            max(12, w - excess) if c.kind == "text" else w for c, w in zip(table.columns, widths, strict=True)
        ]
    rich_table = RichTable(
        title=escape(table.title) if table.title else None, title_justify="left", box=box.SIMPLE_HEAD
    )
    for column, width in zip(table.columns, widths, strict=True):
        if column.kind == "text":
            rich_table.add_column(escape(column.label), min_width=width, overflow="fold")
        else:
            rich_table.add_column(escape(column.label), justify="right", min_width=width, max_width=width)
    for row in table.rows:
        cells = [_styled(row, c, lang, basis) for c in table.columns]
        style = "bold" if row.get("row_type") in ("subtotal", "total") or "TOTAL" in row.values() else None
        rich_table.add_row(*cells, style=style)
    out.print(rich_table)
    if has_rates and not basis:
        out.print(escape(text("report.basis_hidden", lang)))
    for line in table.footer:
        out.print(escape(line))


def print_lines(title: str, lines: list[str]) -> None:
    """Print a titled list (warnings, notes)."""
    from rich.markup import escape

    if not lines:
        return
    out = console()
    out.print(f"[bold]{escape(title)}[/bold]")
    for line in lines:
        out.print(f"  • {escape(line)}")
