"""Lines of a text export joined into one cell by stray quotes.

A quote that opens a cell and another that closes one further down make one valid quoted
cell of every line between them (applicants' cells among them). Where such a cell is one
that outputs show as text (the code, unit, procedure, field), its row is rejected
(``rows_joined``) so that the text is never shown; the lines lost are counted by
:func:`cchc_kpi.ingestion.warnings.spanned_lines_warnings`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

    from cchc_kpi.read.grid import RawGrid

SHOWN_TEXTS = ("dossier_id", "unit", "procedure_code", "procedure_name", "field")  # shown as text


def joins(grid: RawGrid) -> Callable[[pl.Expr], pl.Expr] | None:
    """The test of a cell of ``grid`` holding a line break and the delimiter: lines joined
    into it (None for inputs that are not delimited text, or hold no double quote: then no
    cell spans lines)."""
    delimiter = grid.details.get("delimiter")
    if not grid.extra or not delimiter or grid.line_count is None:
        return None
    delimiter = {"tab": "\t"}.get(delimiter, delimiter)
    return lambda text: text.str.contains("\n", literal=True) & text.str.contains(delimiter, literal=True)


def code_joined(grid: RawGrid, code: str | None) -> pl.Expr:
    """Whether the row's dossier code (grid column ``code``) holds lines joined into it, row by
    row (the other shown texts have few values: tested once per value)."""
    import polars as pl

    joining = joins(grid)
    return joining(pl.col(code)).fill_null(False) if joining is not None and code else pl.lit(False)
