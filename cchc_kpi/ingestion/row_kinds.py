"""Rows below the header that are not dossiers, found with vectorised rules:

- blank: no cell filled;
- total: the first filled cell starts with "Tổng cộng" / "Tổng số" / "Tổng" /
  "Cộng" and the row has no received date;
- group: a single filled cell with words ("I. Cấp xã", "UBND xã Vạn Hưng") and no
  received date. When a group row names a unit (UBND …, Sở …, Chi nhánh …) it is
  the unit of the dossier rows below it, until the next group row.

The cells looked at are the mapped columns and a few leading label columns (such
as STT) that are not applicant data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

SKIP_KINDS = ("title", "header", "numbered", "blank", "group", "total")
TOTAL_PATTERN = r"^(tổng\s*cộng|tổng\s*số|tổng|cộng|tong\s*cong|tong\s*so|total)\b"
NUMBERING = r"^\s*(?:[ivxlcdm]+|\d+|[a-zđ])\s*[.)/:-]\s*"
UNIT_PATTERN = (
    r"^(ubnd|ủy ban|uỷ ban|uy ban|sở|chi nhánh|bộ phận|phòng|văn phòng|trung tâm|công an|ban |"
    r"chi cục|cục|kho bạc|bảo hiểm|bhxh|đội|hạt|trạm)"
)


def filled(expr: pl.Expr) -> pl.Expr:
    """Return the cell text trimmed, or null when empty."""
    import polars as pl

    text = expr.str.strip_chars()
    return pl.when(text != "").then(text)


def row_kind_columns(cells: Sequence[pl.Expr], received: pl.Expr | None) -> tuple[pl.Expr, pl.Expr]:
    """Return ``(kind, group unit)``: the kind of a skipped row (null for a dossier
    row) and, on group rows that name a unit, that unit (empty text on other group
    rows, null elsewhere). ``cells`` are text expressions of the row's cells."""
    import polars as pl

    if not cells:
        return pl.lit("blank"), pl.lit(None, pl.String)
    values = [filled(c) for c in cells]
    count = pl.sum_horizontal([v.is_not_null().cast(pl.UInt8) for v in values])
    first = pl.coalesce(values)
    lower = first.str.to_lowercase()
    no_date = filled(received).is_null() if received is not None else pl.lit(True)
    total = lower.str.contains(TOTAL_PATTERN) & no_date
    group = (count == 1) & no_date & first.str.contains(r"\s") & ~total
    kind = (
        pl.when(count == 0)
        .then(pl.lit("blank"))
        .when(total)
        .then(pl.lit("total"))
        .when(group)
        .then(pl.lit("group"))
        .otherwise(pl.lit(None, pl.String))
    )
    name = first.str.replace(NUMBERING, "")
    unit = pl.when(group).then(
        pl.when(name.str.to_lowercase().str.contains(UNIT_PATTERN)).then(name).otherwise(pl.lit(""))
    )
    return kind, unit
