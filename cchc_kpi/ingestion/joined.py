"""Lines of a text export joined into one cell by stray quotes.

A quote that opens a cell and another that closes one further down make one valid quoted
cell of every line between them (applicants' cells among them). Where such a cell is one
that outputs show as text (the code, unit, procedure, field), its row is rejected
(``rows_joined``), and a group row's label so joined names no unit (the dossiers under it are
rejected for their missing unit), so that the text is never shown; the lines lost are counted by
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
    """The test of a cell of ``grid`` holding lines joined into it: a line break, and about a
    record's worth of delimiters (a cell that runs from one line to the next holds the
    delimiters of the rest of one record and the start of the other: one fewer than the
    header's cells; half of them are asked, while a real cell written on two lines, a
    procedure name with a comma, holds one or two). None for inputs that are not delimited
    text, or hold no double quote: then no cell spans lines."""
    delimiter = grid.details.get("delimiter")
    if not grid.extra or not delimiter or grid.line_count is None:
        return None
    delimiter = {"tab": "\t"}.get(delimiter, delimiter)
    least = max(2, (grid.n_columns - 1) // 2)
    return lambda text: (
        text.str.contains("\n", literal=True) & (text.str.count_matches(delimiter, literal=True) >= least)
    )


def code_joined(grid: RawGrid, code: str | None) -> pl.Expr:
    """Whether the row's dossier code (grid column ``code``) holds lines joined into it, row by
    row (the other shown texts have few values: tested once per value)."""
    import polars as pl

    joining = joins(grid)
    return joining(pl.col(code)).fill_null(False) if joining is not None and code else pl.lit(False)
