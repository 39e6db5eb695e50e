"""Tables as data, and their plain-text twins (CSV, TSV, Markdown).

A :class:`Table` is what every command shows; the Rich rendering for terminals
lives in the CLI layer. Machine formats carry raw values under the column keys;
people's formats carry labels and numbers formatted for the language.
Text cells that a spreadsheet would run as a formula (=, +, -, @ …) are
neutralised with a leading apostrophe, as OWASP recommends for CSV.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Literal

from pydantic import BaseModel, Field

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_int, format_percent

# text wraps between words; code (a dossier code, a date) is never broken; the rest are numbers
ColumnKind = Literal["text", "code", "int", "rate", "float"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# machine values of total rows → catalogue labels people see
SENTINELS = {"TOTAL": "label.total", "SUBTOTAL": "label.subtotal"}


class Column(BaseModel):
    """One column: its machine key, its label for people, and its kind."""

    key: str
    label: str
    kind: ColumnKind = "text"
    numerator: str | None = None
    denominator: str | None = None


class Table(BaseModel):
    """Rows of values under named columns."""

    title: str = ""
    columns: list[Column]
    rows: list[dict[str, Any]] = Field(default_factory=list)
    footer: list[str] = Field(default_factory=list)


def safe_cell(value: Any) -> Any:
    """Return ``value`` made inert for spreadsheets when it is text that starts a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def machine_value(value: Any) -> Any:
    """Return a value as machine formats write it (None → empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return safe_cell(value)


def display_value(row: dict[str, Any], column: Column, lang: Lang) -> str:
    """Return a cell as people read it: 7.300, 99,77%, "–" for nothing."""
    value = row.get(column.key)
    if value in SENTINELS:
        return text(SENTINELS[value], lang)
    if column.kind == "rate" and column.numerator and column.denominator:
        num, den = row.get(column.numerator), row.get(column.denominator)
        if num is None or den is None or den == 0:
            return "–"
        basis = f"{format_int(int(num), lang)}/{format_int(int(den), lang)}"
        return f"{format_percent(int(num), int(den), lang)} ({basis})"
    if value is None:
        return "–"
    if column.kind == "int" and isinstance(value, int):
        return format_int(value, lang)
    return str(value)


def to_delimited(table: Table, delimiter: str = ",") -> str:
    """Return the table as CSV/TSV: a header of column keys, raw values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow([c.key for c in table.columns])
    for row in table.rows:
        writer.writerow([machine_value(row.get(c.key)) for c in table.columns])
    return buffer.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(table: Table, lang: Lang) -> str:
    """Return the table as a Markdown pipe table with labels and formatted numbers."""
    lines = []
    if table.title:
        lines += [f"**{_md_cell(table.title)}**", ""]
    lines.append("| " + " | ".join(_md_cell(c.label) for c in table.columns) + " |")
    aligns = ["---" if c.kind in ("text", "code") else "---:" for c in table.columns]
    lines.append("| " + " | ".join(aligns) + " |")
    for row in table.rows:
        cells = [_md_cell(str(safe_cell(display_value(row, c, lang)))) for c in table.columns]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", *table.footer] if table.footer else []
    return "\n".join(lines) + "\n"
