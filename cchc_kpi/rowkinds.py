"""Rows below the header that are not dossiers: blank rows (and, for report-style
exports, group and total rows). Vectorised over the mapped cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cchc_kpi.values import as_text

if TYPE_CHECKING:
    import polars as pl

SKIP_KINDS = ("title", "header", "numbered", "blank", "group", "total")


def _empty(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    text = as_text(expr, dtype)
    return text.is_null() | (text.str.strip_chars() == "")


def skip_kind_column(cells: Sequence[pl.Expr], dtypes: Sequence[pl.DataType]) -> pl.Expr:
    """Return a string expression: the kind of a skipped row, or null for a dossier row."""
    import polars as pl

    if not cells:
        return pl.lit("blank")
    blank = pl.all_horizontal([_empty(c, d) for c, d in zip(cells, dtypes, strict=True)])
    return pl.when(blank).then(pl.lit("blank")).otherwise(pl.lit(None, pl.String))
