"""Vectorised row checks: which dossier rows are rejected, and why (domain.md §2, §4).

Derived from the schema: a key field (``rejects_row``) that is empty when
required, or that holds a date that cannot be read, rejects the row; so do
impossible date orders and a finished status without a close date. The first
failing check names the column and the reason; other cells never reject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_kpi.schema.fields import FIELDS, FINISHED_STATUSES, NEVER_ACCEPTED

if TYPE_CHECKING:
    import polars as pl

REJECT = "_reject"
REJECT_FIELD = "_reject_field"

# reason codes → catalogue keys "reject.<code>"
REASONS = (
    "missing",
    "bad_date",
    "due_before_received",
    "finished_before_received",
    "finished_without_date",
    "too_long",
    "ragged",
    "rows_joined",
)
WHOLE_ROW = "*"  # the column a ragged row is rejected for: all of them
JOINED = "_joined"  # a shown text cell holds line breaks and delimiters: rows run together


def bad_flag(name: str) -> str:
    """Return the name of the column that flags unreadable cells of field ``name``."""
    return f"_bad_{name}"


def _checks() -> list[tuple[pl.Expr, str, str]]:
    import polars as pl

    status = pl.col("status")
    received = pl.col("received_at")
    checks: list[tuple[pl.Expr, str, str]] = []
    for spec in FIELDS:
        if not spec.rejects_row:
            continue
        col = pl.col(spec.name)
        if spec.kind == "datetime":
            checks.append((pl.col(bad_flag(spec.name)), "bad_date", spec.name))
        if spec.name == "received_at":
            never_accepted = status.is_in(NEVER_ACCEPTED).fill_null(False)
            checks.append((col.is_null() & ~never_accepted, "missing", spec.name))
        elif spec.required:
            checks.append((col.is_null(), "missing", spec.name))
    checks += [
        (pl.col("due_at").dt.date() < received.dt.date(), "due_before_received", "due_at"),
        (
            pl.col("finished_at").dt.date() < received.dt.date(),
            "finished_before_received",
            "finished_at",
        ),
        (  # the close date is the returned date when the finished date is empty (domain.md §4)
            pl.col("finished_at").is_null() & (pl.col("returned_at").dt.date() < received.dt.date()),
            "finished_before_received",
            "returned_at",
        ),
        (
            status.is_in(FINISHED_STATUSES)
            & pl.col("finished_at").is_null()
            & pl.col("returned_at").is_null(),
            "finished_without_date",
            "status",
        ),
    ]
    return checks


def long_flag(name: str) -> str:
    """Return the name of the column that flags an over-long cell of field ``name``."""
    return f"_long_{name}"


def reject_columns(long_fields: list[str] | None = None) -> list[pl.Expr]:
    """Return the expressions for ``_reject`` (reason code) and ``_reject_field``; null = valid.

    The first failing check wins (``coalesce`` of the checks in order): a row whose cells
    do not line up with the header first, then one whose rows run together into a cell, then a
    cell over the length limit
    (``long_fields`` have a ``_long_`` flag), then the checks of the fields.
    """
    import polars as pl

    checks = [(pl.col("_ragged"), "ragged", WHOLE_ROW), (pl.col(JOINED), "rows_joined", WHOLE_ROW)]
    checks += [(pl.col(long_flag(n)), "too_long", n) for n in long_fields or []] + _checks()
    reason = pl.coalesce([pl.when(c.fill_null(False)).then(pl.lit(code)) for c, code, _ in checks])
    where = pl.coalesce([pl.when(c.fill_null(False)).then(pl.lit(name)) for c, _, name in checks])
    return [reason.alias(REJECT), where.alias(REJECT_FIELD)]
