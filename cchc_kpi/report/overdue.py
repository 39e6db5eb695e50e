"""The overdue list: dossiers resolved late in the period and dossiers pending past
their due date at its end — and, with ``due_within``, pending dossiers due within N
working days (their apology letter must go out before the deadline). Working days
late are counted on the working calendar. Only dossier fields, never applicant data.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from cchc_kpi.report.build import period_info
from cchc_kpi.report.model import PeriodInfo
from cchc_kpi.report.prepare import PreparedDossiers

if TYPE_CHECKING:
    import polars as pl

COLUMNS = (
    "kind",
    "dossier_id",
    "unit",
    "field",
    "procedure",
    "received_at",
    "due_at",
    "closed_at",
    "working_days_late",
    "apology",
    "apology_at",
)
KIND_ORDER = {"overdue": 0, "late": 1, "due_soon": 2}


class OverdueReport(BaseModel):
    """What ``cchc-kpi overdue --format json`` prints."""

    period: PeriodInfo
    measured_at: date
    due_within: int | None = None
    rows: list[dict[str, Any]]


def _apology(frame: pl.DataFrame) -> pl.Expr:
    import polars as pl

    return pl.when(pl.col("apology")).then(pl.lit("yes")).when(pl.col("apology") == False).then(pl.lit("no"))  # noqa: E712


def overdue_list(prepared: PreparedDossiers, due_within: int | None = None) -> OverdueReport:
    """The overdue list of a run's prepared dossiers for its period."""
    import polars as pl

    period = prepared.period
    end = period.effective_end
    frame = prepared.classified(period).collect()
    index = prepared.workdays
    rows: list[dict[str, Any]] = []
    if index is not None:
        day_end = pl.lit(end, pl.Date)
        due = pl.col("due_at").dt.date()
        soon = pl.lit(False)
        if due_within is not None:
            ahead = due.is_not_null() & (due >= day_end)
            soon = pl.col("k_pending_in_time") & ahead & (index.count(day_end, due) <= due_within)
        kind = (
            pl.when(pl.col("k_late"))
            .then(pl.lit("late"))
            .when(pl.col("k_pending_overdue"))
            .then(pl.lit("overdue"))
            .when(soon)
            .then(pl.lit("due_soon"))
        )
        late_by = (
            pl.when(pl.col("k_late"))
            .then(index.count(due, pl.col("_closed")))
            .when(pl.col("k_pending_overdue"))
            .then(index.count(due, day_end))
            .when(soon)
            .then(-index.count(day_end, due))
        )
        listed = (
            frame.with_columns(kind.alias("kind"))
            .filter(pl.col("kind").is_not_null())
            .select(
                "kind",
                "dossier_id",
                pl.col("g_unit").alias("unit"),
                pl.col("g_field").alias("field"),
                pl.col("g_procedure").alias("procedure"),
                "received_at",
                "due_at",
                pl.when(pl.col("k_late")).then(pl.col("_close")).alias("closed_at"),
                late_by.alias("working_days_late"),
                _apology(frame).alias("apology"),
                "apology_at",
            )
            .sort(
                [pl.col("kind").replace_strict(KIND_ORDER), "working_days_late", "unit", "dossier_id"],
                descending=[False, True, False, False],
                nulls_last=True,
            )
        )
        rows = listed.to_dicts()
    return OverdueReport(period=period_info(period), measured_at=end, due_within=due_within, rows=rows)
