"""Rows below the header that are not dossiers, found with vectorised rules:

- blank: no cell filled;
- total: the first filled cell starts with "Tổng cộng" / "Tổng số" / "Tổng" /
  "Cộng" (as a word: not "Cộng đồng") and the row has no received date;
- group: a single filled cell with words ("I. Cấp xã", "UBND xã Vạn Hưng") and no
  received date. When a group row names a unit (UBND …, Sở …, Chi nhánh …) it is
  the unit of the dossier rows below it, until the next group row. A count after the
  name ("UBND xã Tân Hòa ( 64 ) ", as OpenCPS writes it) is not part of the name: it is
  kept to be checked against the dossier rows below.
- footer: below the last dossier, rows without a code or a date (the signature block
  "Nơi nhận:", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký và ghi rõ họ tên)"); found once the rows are read
  (:func:`cchc_kpi.ingestion.parse.finish_parse`).

The cells looked at are the mapped columns and a few leading label columns (such
as STT) that are not applicant data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cchc_kpi.schema.textnorm import WORD_END

if TYPE_CHECKING:
    import polars as pl

SKIP_KINDS = ("title", "header", "numbered", "blank", "group", "total", "footer")
TOTAL_PATTERN = r"^(tổng\s*cộng|tổng\s*số|tổng|cộng|tong\s*cong|tong\s*so|total)" + WORD_END
# a label that starts with a total word and is none: "Cộng đồng dân cư" (community) is no "Cộng"
NOT_TOTAL_PATTERN = r"^(cộng|cong)\s*(đồng|dong)" + WORD_END
NUMBERING = r"^\s*(?:[ivxlcdm]+|\d+|[a-zđ])\s*[.)/:-]\s*"
GROUP_COUNT = r"\s*\(\s*(\d{1,7})\s*\)\s*$"  # "UBND xã Tân Hòa ( 64 ) "
UNIT_PATTERN = (
    r"^(ubnd|ủy ban|uỷ ban|uy ban|sở|chi nhánh|bộ phận|phòng|văn phòng|trung tâm|công an|ban |"
    r"chi cục|cục|kho bạc|bảo hiểm|bhxh|đội|hạt|trạm)"
)


def filled(expr: pl.Expr) -> pl.Expr:
    """Return the cell text trimmed, or null when empty."""
    import polars as pl

    text = expr.str.strip_chars()
    return pl.when(text != "").then(text)


FIRST_CELL, FILLED_CELLS, NO_DATE = "_first_cell", "_filled_cells", "_no_date"  # row_kind_inputs
ROW_KIND_INPUTS = (FIRST_CELL, FILLED_CELLS, NO_DATE)


def row_kind_inputs(cells: Sequence[pl.Expr], received: pl.Expr | None) -> list[pl.Expr]:
    """The columns the row-kind rules read (:func:`row_kind_columns` with ``staged``): the
    row's first filled cell, how many cells are filled, and whether the received date is
    empty. Computed once as columns, so that the rules, which read the first cell a dozen
    times over, do not compute it a dozen times (Polars does not share it between them).
    ``cells`` are text expressions of the row's cells."""
    import polars as pl

    values = [filled(c) for c in cells]
    if not values:
        values = [pl.lit(None, pl.String)]
    return [
        pl.coalesce(values).alias(FIRST_CELL),
        pl.sum_horizontal([v.is_not_null().cast(pl.UInt8) for v in values]).alias(FILLED_CELLS),
        (filled(received).is_null() if received is not None else pl.lit(True)).alias(NO_DATE),
    ]


def row_kind_columns(
    cells: Sequence[pl.Expr], received: pl.Expr | None, staged: bool = False
) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """Return ``(kind, group unit, group count)``: the kind of a skipped row (null for a
    dossier row); on group rows that name a unit, that unit (empty text on other group
    rows, null elsewhere); on group rows that state one, their dossier count.
    ``cells`` are text expressions of the row's cells. With ``staged``, the expressions read
    the columns of :func:`row_kind_inputs` (computed before) instead of computing them."""
    import polars as pl

    if not cells:
        return pl.lit("blank"), pl.lit(None, pl.String), pl.lit(None, pl.UInt32)
    if staged:
        first, count, no_date = pl.col(FIRST_CELL), pl.col(FILLED_CELLS), pl.col(NO_DATE)
    else:
        first, count, no_date = row_kind_inputs(cells, received)
    lower = first.str.to_lowercase()
    total = lower.str.contains(TOTAL_PATTERN) & ~lower.str.contains(NOT_TOTAL_PATTERN) & no_date
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
    named = first.str.replace(NUMBERING, "")
    name = named.str.replace(GROUP_COUNT, "")
    unit = pl.when(group).then(
        pl.when(name.str.to_lowercase().str.contains(UNIT_PATTERN)).then(name).otherwise(pl.lit(""))
    )
    count = pl.when(group).then(named.str.extract(GROUP_COUNT, 1).cast(pl.UInt32, strict=False))
    return kind, unit, count


def with_footers(
    parsed: pl.DataFrame,
    skip: str,
    row: str,
    file: str,
    date_fields: Sequence[str],
    rejected: Sequence[str] = (),
) -> pl.DataFrame:
    """Mark as ``footer`` the rows below a file's last dossier that hold no code and no date
    (signature blocks, "Nơi nhận:", place and date lines), and the group rows down there; a
    footer row is no longer a rejected dossier row (the ``rejected`` columns are cleared).

    ``parsed``: parsed rows with the canonical columns, ``skip`` the row-kind column."""
    import polars as pl

    c = pl.col
    dossier = c(skip).is_null() & (c("dossier_id").is_not_null() | c("received_at").is_not_null())
    last = pl.when(dossier).then(c(row)).max().over(file)
    undated = pl.all_horizontal([c(name).is_null() for name in date_fields])
    footer = (
        last.is_not_null()
        & (c(row) > last)
        & ((c(skip).is_null() & c("dossier_id").is_null() & undated) | (c(skip) == "group"))
    )
    marked = parsed.with_columns(footer.alias("_footer"))
    return marked.with_columns(
        pl.when(c("_footer")).then(pl.lit("footer")).otherwise(c(skip)).alias(skip),
        *[pl.when(c("_footer")).then(None).otherwise(c(name)).alias(name) for name in rejected],
    ).drop("_footer")
