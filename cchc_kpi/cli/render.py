"""Rich rendering of tables and messages for terminals (CLI layer only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_kpi.tables import Table, display_value

if TYPE_CHECKING:
    from rich.console import Console

    from cchc_kpi.numfmt import Lang


def console() -> Console:
    """A console on the current stdout (colour off when NO_COLOR is set or TERM is dumb)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_table(table: Table, lang: Lang) -> None:
    """Print a table with labels and numbers formatted for the language."""
    from rich.markup import escape
    from rich.table import Table as RichTable

    rich_table = RichTable(title=escape(table.title) if table.title else None, title_justify="left")
    for column in table.columns:
        rich_table.add_column(
            escape(column.label), justify="left" if column.kind == "text" else "right", overflow="fold"
        )
    for row in table.rows:
        cells = [escape(display_value(row, c, lang)) for c in table.columns]
        style = "bold" if "TOTAL" in row.values() else None
        rich_table.add_row(*cells, style=style)
    out = console()
    out.print(rich_table)
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
