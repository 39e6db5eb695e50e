"""Classifying each dossier for a period (domain.md §4), as Polars expressions.

By dates, not by the status on export day. The close date is finished_at, or
returned_at when finished_at is empty; a withdrawn (status 7/8) dossier without
a close date closes on its received date. For a period [start, end] measured at
E (the end, or ``as_of`` when the period has not ended):

- in scope: accepted, received by E, not closed before start;
- received_new / carried_over: in scope, received from / before start;
- withdrawn / resolved: in scope and closed by E, status 7/8 or a filled withdrawal
  reason / otherwise;
- not accepted (status 1/3): in the period of its received date, or else of its
  submission date;
- pending: in scope and not closed by E.

So received_total = resolved + pending + withdrawn, for every group, by construction.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from pydantic import BaseModel

from cchc_kpi.schema.choices import CompareAt
from cchc_kpi.schema.fields import NEVER_ACCEPTED, WITHDRAWN_STATUSES

if TYPE_CHECKING:
    import polars as pl


FLAGS = (
    "k_new",
    "k_carried",
    "k_resolved",
    "k_early",
    "k_on_time",
    "k_late",
    "k_pending",
    "k_pending_in_time",
    "k_pending_overdue",
    "k_withdrawn",
    "k_not_accepted",
    "k_no_due",
    "k_withdrawn_no_date",
)


class Comparison(BaseModel):
    """How a close date is compared with the due date."""

    mode: CompareAt = "date"
    day_start: time = time(7, 30)
    day_end: time = time(17, 0)


def _on(day: pl.Expr, at: time) -> pl.Expr:
    import polars as pl

    return day.cast(pl.Datetime("us")) + pl.duration(hours=at.hour, minutes=at.minute)


def _timeliness(close: pl.Expr, due_at: pl.Expr, comparison: Comparison) -> tuple[pl.Expr, pl.Expr]:
    """Return ``(early, late)`` for a closed dossier; on time is neither. With datetime
    comparison the classes exclude each other: late when closed after due_at (00:00 meaning
    the end of that day's working hours), otherwise early when closed before the start of
    the due day's working hours (domain.md §4)."""
    import polars as pl

    if comparison.mode == "date":
        return close.dt.date() < due_at.dt.date(), close.dt.date() > due_at.dt.date()
    due_day = due_at.dt.date()
    midnight = due_at.dt.time() == pl.lit(time(0, 0))
    limit = pl.when(midnight).then(_on(due_day, comparison.day_end)).otherwise(due_at)
    late = close > limit
    return ~late & (close < _on(due_day, comparison.day_start)), late


def prepare() -> list[pl.Expr]:
    """Period-independent columns the classification reads (computed once per dataset)."""
    import polars as pl

    status = pl.col("status")
    # a filled withdrawal reason makes a dossier withdrawn whatever its status text says (TD
    # keeps returned and withdrawn dossiers at "Đã trả kết quả")
    withdrawn_status = status.is_in(WITHDRAWN_STATUSES).fill_null(False) | pl.col(
        "withdrawal_reason"
    ).fill_null(False)
    closed_at = pl.coalesce(pl.col("finished_at"), pl.col("returned_at"))
    close = pl.coalesce(closed_at, pl.when(withdrawn_status).then(pl.col("received_at")))
    return [
        withdrawn_status.alias("_withdrawn_status"),
        (~status.is_in(NEVER_ACCEPTED).fill_null(False)).alias("_accepted"),
        closed_at.is_null().alias("_no_close_date"),
        close.alias("_close"),
        close.dt.date().alias("_closed"),
        pl.col("received_at").dt.date().alias("_received"),
        pl.coalesce(pl.col("received_at"), pl.col("submitted_at")).dt.date().alias("_arrived"),
        pl.col("due_at").dt.date().alias("_due"),
        pl.col("supplement_requested_at").dt.date().alias("_supplement"),
        pl.col("supplement_done_at").dt.date().alias("_supplement_done"),
    ]


def classify(start: date, end: date, comparison: Comparison | None = None) -> list[pl.Expr]:
    """Return boolean columns ``k_*`` classifying each dossier for [start, end].

    Reads the columns of :func:`prepare`.
    """
    import polars as pl

    comparison = comparison or Comparison()
    c = pl.col
    received, closed, due = c("_received"), c("_closed"), c("_due")
    scope = (
        c("_accepted") & received.is_not_null() & (received <= end) & (closed.is_null() | (closed >= start))
    )
    closed_in = scope & closed.is_not_null() & (closed <= end)
    withdrawn = closed_in & c("_withdrawn_status")
    resolved = closed_in & ~c("_withdrawn_status")
    pending = scope & ~closed_in
    early, late = _timeliness(c("_close"), c("due_at"), comparison)
    has_due = due.is_not_null()
    paused = (
        (c("_supplement") <= due) & (c("_supplement_done").is_null() | (c("_supplement_done") > end))
    ).fill_null(False)
    in_time = ~has_due | (due >= end) | paused
    flags = {
        "k_new": scope & (received >= start),
        "k_carried": scope & (received < start),
        "k_resolved": resolved,
        "k_early": resolved & has_due & early,
        "k_on_time": resolved & (~has_due | (~early & ~late)),
        "k_late": resolved & has_due & late,
        "k_pending": pending,
        "k_pending_in_time": pending & in_time,
        "k_pending_overdue": pending & ~in_time,
        "k_withdrawn": withdrawn,
        "k_not_accepted": ~c("_accepted") & (c("_arrived") >= start) & (c("_arrived") <= end),
        "k_no_due": resolved & ~has_due,
        "k_withdrawn_no_date": withdrawn & c("_no_close_date"),
    }
    return [expr.fill_null(False).alias(name) for name, expr in flags.items()]
