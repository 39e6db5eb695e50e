"""The dossiers behind a figure: ``cchc-kpi dossiers --metric resolved_late`` lists the
dossiers a count of the report counts, for the run's period and filters, with why each
counts. The list is selected by the very condition the figure sums
(:func:`~cchc_kpi.kpi.metrics.listed_condition`), so its length is the figure. Only
dossier fields under their canonical names, never applicant data."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from cchc_kpi.errors import UsageError
from cchc_kpi.kpi.metrics import LISTED, listed_condition
from cchc_kpi.report.build import period_info
from cchc_kpi.report.model import PeriodInfo
from cchc_kpi.report.prepare import PreparedDossiers
from cchc_kpi.schema.fields import Status

COLUMNS = (
    "dossier_id", "unit", "field", "procedure", "received_at", "due_at", "closed_at", "status", "channel",
    "working_days_late",
)  # fmt: skip
STATUS_NAMES = {s.value: s.name.lower() for s in Status}


class DossierList(BaseModel):
    """What ``cchc-kpi dossiers --format json`` prints."""

    period: PeriodInfo
    metric: str
    measured_at: date
    rows: list[dict[str, Any]]


def check_metric(metric: str) -> str:
    """The metric, if its dossiers can be listed (a count of the report); a usage error otherwise."""
    if metric not in LISTED:
        raise UsageError("usage.bad_list_metric", value=metric, choices=list(LISTED))
    return metric


def dossier_list(prepared: PreparedDossiers, metric: str) -> DossierList:
    """The dossiers counted in ``metric`` for the run's period, filters and units, late ones
    with their working days late; ordered by unit, then received date, then code."""
    import polars as pl

    check_metric(metric)
    period = prepared.period
    end = pl.lit(period.effective_end, pl.Date)
    frame = prepared.classified(period).filter(listed_condition(metric)).collect()
    index = prepared.workdays
    due = pl.col("due_at").dt.date()
    late_by: pl.Expr = pl.lit(None, pl.Int64)
    if index is not None:
        late_by = (
            pl.when(pl.col("k_late"))
            .then(index.count(due, pl.col("_closed")))
            .when(pl.col("k_pending_overdue"))
            .then(index.count(due, end))
        )
    listed = frame.select(
        "dossier_id",
        pl.col("g_unit").cast(pl.String).alias("unit"),
        pl.col("g_field").cast(pl.String).alias("field"),
        pl.col("g_procedure").cast(pl.String).alias("procedure"),
        "received_at",
        "due_at",
        pl.when(pl.col("k_resolved")).then(pl.col("_close")).alias("closed_at"),
        pl.col("status").replace_strict(STATUS_NAMES, default=None, return_dtype=pl.String).alias("status"),
        pl.col("channel").cast(pl.String).alias("channel"),
        late_by.alias("working_days_late"),
    ).sort(["unit", "received_at", "dossier_id"], nulls_last=True)
    return DossierList(
        period=period_info(period), metric=metric, measured_at=period.effective_end, rows=listed.to_dicts()
    )
