"""The overdue list: dossiers resolved late in the period and dossiers pending past
their due date at its end — and, with ``due_within``, pending dossiers due within N
working days (their apology letter must go out before the deadline). Working days
late are counted on the working calendar. Only dossier fields, never applicant data.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from cchc_kpi.calendar.due_dates import workday_index
from cchc_kpi.calendar.periods import resolve_period
from cchc_kpi.i18n.numfmt import Lang, vn_date
from cchc_kpi.ingestion.pipeline import Dataset
from cchc_kpi.kpi.classify import Comparison, classify
from cchc_kpi.outputs.tables import Column, Table
from cchc_kpi.report.build import Prepared, ReportOptions, prepared_dossiers
from cchc_kpi.report.model import PeriodInfo

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


def overdue_list(
    dataset: Dataset, options: ReportOptions, due_within: int | None = None, prepared: Prepared | None = None
) -> OverdueReport:
    """Build the overdue list of ``dataset`` for the options' period (``prepared``: its
    :func:`~cchc_kpi.report.build.prepared_dossiers`, when already computed)."""
    import polars as pl

    period = resolve_period(options.period, options.convention, options.as_of)
    end = period.effective_end
    hours = options.working_hours
    frame, _, _ = prepared or prepared_dossiers(dataset, options)
    comparison = Comparison(mode=options.compare_at, day_start=hours.start, day_end=hours.end)
    frame = frame.with_columns(classify(period.start, end, comparison))
    index = workday_index(frame, options.extra_days()) if frame.height else None
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
    info = PeriodInfo(**period.model_dump(include={"label", "start", "end", "convention", "measured_at"}))
    return OverdueReport(period=info, measured_at=end, due_within=due_within, rows=rows)


def shown_datetime(value: datetime | None) -> str:
    """A timestamp as people read it in lists (dd/mm/yyyy HH:MM)."""
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def overdue_table(report: OverdueReport, lang: Lang) -> Table:
    """The list as people read it: labels, dates, the kind and apology in words."""
    from cchc_kpi.i18n.messages import text

    kinds = ("working_days_late",)
    columns = [
        Column(key=k, label=text(f"overdue.{k}", lang), kind="int" if k in kinds else "text")
        for k in COLUMNS
        if k != "apology_at"
    ]
    rows = []
    for row in report.rows:
        shown = dict(row)
        shown["kind"] = text(f"overdue.kind_{row['kind']}", lang)
        shown["apology"] = text(f"overdue.apology_{row['apology']}", lang) if row["apology"] else "–"
        for key in ("received_at", "due_at", "closed_at"):
            shown[key] = shown_datetime(row[key])
        rows.append(shown)
    title = text("overdue.title", lang, label=report.period.label, day=vn_date(report.measured_at))
    return Table(title=title, columns=columns, rows=rows)
