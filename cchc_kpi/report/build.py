"""Report assembly: dossiers → classified for the period → aggregated per group,
with subtotals for outer groups, a grand total, warnings and metadata.

``build_report(...)`` is the library entry point; its result serialised is
exactly what ``cchc-kpi report --format json`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from cchc_kpi._version import __version__
from cchc_kpi.calendar.due_dates import COMPUTED, with_computed_due, workday_index
from cchc_kpi.calendar.periods import Convention, Period, months_within, resolve_period
from cchc_kpi.calendar.workdays import WorkingHours
from cchc_kpi.calendar.working_calendar import CalendarDay, load_overrides
from cchc_kpi.config import CalendarDayConfig, MergeConfig, Score766Override, TargetConfig, UnitConfig
from cchc_kpi.i18n.messages import Message, render_all, text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import RunAccounting
from cchc_kpi.ingestion.pipeline import Dataset, IngestOptions, ingest
from cchc_kpi.kpi.classify import CompareAt, Comparison, classify, prepare
from cchc_kpi.kpi.comparison import CompareWith, compare_rows, earlier_period, month_labels
from cchc_kpi.kpi.grouping import GroupKey, apply_filters, sort_expr, with_group_columns
from cchc_kpi.kpi.metrics import METRIC_NAMES, OPTIONAL, aggregations, finish
from cchc_kpi.kpi.targets import apply_targets
from cchc_kpi.kpi.units import UnitDirectory
from cchc_kpi.report.model import CompareInfo, InputCoverage, PeriodInfo, Report, ReportMetadata
from cchc_kpi.report.warnings import report_warnings, unit_warnings

if TYPE_CHECKING:
    import polars as pl

SUBTOTAL, TOTAL = "SUBTOTAL", "TOTAL"
FIELD_OF_OPTIONAL = {"apology": "apology_at"}
CHOICES = ("close_date", "no_due", "pending", "withdrawn_no_date", "rates", "missing_columns")


class ReportOptions(BaseModel):
    """What to report: the period, how to compare, how to group and filter."""

    period: str
    convention: Convention = "calendar"
    compare_at: CompareAt = "date"
    as_of: date | None = None
    by: list[GroupKey] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    levels: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    total: bool = True
    holidays_file: Path | None = None
    working_hours: WorkingHours = Field(default_factory=WorkingHours)
    calendar_days: list[CalendarDayConfig] = Field(default_factory=list)
    units_config: list[UnitConfig] = Field(default_factory=list)
    merges: list[MergeConfig] = Field(default_factory=list)
    as_units: date | None = None
    targets: list[TargetConfig] = Field(default_factory=list)
    compare: CompareWith | None = None
    catalog: Path | None = None
    score766: dict[str, Score766Override] = Field(default_factory=dict)

    def directory(self) -> UnitDirectory:
        """The configured unit hierarchy and merges."""
        return UnitDirectory(self.units_config, self.merges)

    def extra_days(self) -> list[CalendarDay]:
        """Calendar days from --holidays and from the configuration."""
        days = load_overrides(self.holidays_file) if self.holidays_file else []
        return days + [CalendarDay(d.date, d.kind, d.name, d.source) for d in self.calendar_days]


def _present_columns(dataset: Dataset, options: ReportOptions) -> list[str]:
    present = [c for c in OPTIONAL if dataset.fields_present(FIELD_OF_OPTIONAL.get(c, c))]
    if options.catalog is not None and "service_level" not in present:
        present.append("service_level")  # filled from the catalogue
    return present


def _classified(frame: pl.DataFrame, period: Period, comparison: Comparison, monthly: bool) -> pl.LazyFrame:
    import polars as pl

    if not monthly:
        return frame.lazy().with_columns(classify(period.start, period.effective_end, comparison))
    parts = [
        frame.lazy().with_columns(*classify(m.start, m.end, comparison), pl.lit(m.label).alias("g_month"))
        for m in months_within(period)
    ]
    return pl.concat(parts) if parts else frame.lazy().with_columns(pl.lit(None, pl.String).alias("g_month"))


def _aggregate(classified: pl.LazyFrame, keys: Sequence[str], present: list[str]) -> pl.DataFrame:
    import polars as pl

    columns = [pl.col(f"g_{k}").alias(k) for k in keys]
    if keys:
        grouped = classified.group_by(columns).agg(aggregations())
        grouped = grouped.sort([sort_expr(k) for k in keys], nulls_last=True)
    else:
        grouped = classified.select(aggregations())
    finished = finish(grouped, present)
    if keys and "month" not in keys:  # groups with nothing in the period (e.g. units before they existed)
        finished = finished.filter((pl.col("received_total") > 0) | (pl.col("not_accepted") > 0))
    return finished.collect()


def _ordered(row: dict[str, Any], keys: Sequence[str], row_type: str) -> dict[str, Any]:
    public = {"row_type": row_type, **{k: row[k] for k in keys}, **{m: row[m] for m in METRIC_NAMES}}
    return public | {k: v for k, v in row.items() if k.startswith("_")}


def _assemble(levels: list[pl.DataFrame], by: Sequence[str]) -> list[dict[str, Any]]:
    """Order rows as a tree: each outer group's subtotal row, then its members."""
    children: list[dict[tuple[Any, ...], list[dict[str, Any]]]] = []
    for depth, frame in enumerate(levels):
        by_parent: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        for row in frame.iter_rows(named=True):
            by_parent.setdefault(tuple(row[k] for k in by[:depth]), []).append(row)
        children.append(by_parent)
    out: list[dict[str, Any]] = []

    def walk(depth: int, prefix: tuple[Any, ...]) -> None:
        for row in children[depth].get(prefix, []):
            if depth == len(by) - 1:
                out.append(_ordered(row, by, "detail"))
                continue
            subtotal = {**row, **{k: SUBTOTAL for k in by[depth + 1 :]}}
            out.append(_ordered(subtotal, by, "subtotal"))
            walk(depth + 1, (*prefix, row[by[depth]]))

    walk(0, ())
    return out


def _period_rows(
    frame: pl.DataFrame, period: Period, comparison: Comparison, by: Sequence[str], present: list[str]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The grouped rows (a tree, subtotals first) and the total row of one period."""
    whole = _classified(frame, period, comparison, monthly=False)
    monthly = _classified(frame, period, comparison, monthly=True) if "month" in by else None
    levels = []
    for depth in range(1, len(by) + 1):
        keys = by[:depth]
        source = monthly if "month" in keys and monthly is not None else whole
        levels.append(_aggregate(source, keys, present))
    total_row = _aggregate(whole, [], present).row(0, named=True)
    return (_assemble(levels, by) if by else []), _ordered(total_row, [], "total")


def _compare(
    frame: pl.DataFrame,
    period: Period,
    options: ReportOptions,
    comparison: Comparison,
    present: list[str],
    current: tuple[list[dict[str, Any]], dict[str, Any]],
) -> tuple[Period, list[Message]]:
    """Add the earlier period's figures to the rows and total; warn where it has none."""
    import polars as pl

    assert options.compare is not None
    earlier = earlier_period(period, options.compare)
    rows, total = _period_rows(frame, earlier, comparison, options.by, present)
    months = month_labels(period, earlier)
    missing = compare_rows(current[0], rows, options.by, months)
    compare_rows([current[1]], [total], [], months)
    shown = {"label": earlier.label, "start": f"{earlier.start:%d/%m/%Y}", "end": f"{earlier.end:%d/%m/%Y}"}
    messages = []
    if not (total["received_total"] or total["not_accepted"]):
        messages.append(Message("compare.no_data", shown))
    elif missing:
        messages.append(Message("compare.groups_missing", {**shown, "count": missing}))
    first = frame.select(pl.col("received_at").min()).item()
    if (
        first is not None
        and first.date() > earlier.start
        and (total["received_total"] or total["not_accepted"])
    ):
        messages.append(Message("compare.partial", {**shown, "first": f"{first:%d/%m/%Y}"}))
    if period.measured_at is not None and options.compare == "previous":
        messages.append(
            Message("compare.current_partial", {**shown, "day": f"{period.measured_at:%d/%m/%Y}"})
        )
    return earlier, messages


def report_from_dataset(
    dataset: Dataset,
    options: ReportOptions,
    *,
    lang: Lang = "vi",
    now: datetime | None = None,
    sample: bool = False,
    prepared: Prepared | None = None,
) -> Report:
    """Build the report of an ingested dataset (``prepared``: its :func:`prepared_dossiers`)."""
    period = resolve_period(options.period, options.convention, options.as_of)
    hours = options.working_hours
    comparison = Comparison(mode=options.compare_at, day_start=hours.start, day_end=hours.end)
    frame, computed, from_catalog = prepared or prepared_dossiers(dataset, options)
    present = _present_columns(dataset, options)
    rows, total_row = _period_rows(frame, period, comparison, options.by, present)
    messages = report_warnings(dataset, frame, period, total_row, present, sample)
    compared = None
    if options.compare:
        earlier, notes = _compare(frame, period, options, comparison, present, (rows, total_row))
        compared = CompareInfo(kind=options.compare, period=_period_info(earlier))
        messages += notes
    total = total_row if options.total else None
    misses = []
    if options.targets:
        unit_levels = dict(frame.select("g_unit", "g_level").unique().iter_rows())
        misses = apply_targets([*rows, *([total] if total else [])], options.targets, unit_levels)
    messages += unit_warnings(frame, options.directory())
    if computed:
        messages.append(Message("warn.due_computed", {"count": computed, "hours": hours.label}))
    if from_catalog:
        messages.append(Message("catalog.filled", {"count": from_catalog}))
    return Report(
        period=_period_info(period),
        compare=compared,
        group_by=list(options.by),
        rows=rows,
        total=total,
        accounting=RunAccounting(**dataset.accounting.counts(), skipped_files=dataset.skipped(lang)),
        warnings=render_all(messages, lang),
        metadata=_metadata(dataset, options, comparison, lang, now, sample).model_copy(
            update={"due_dates_computed": computed, "service_levels_from_catalog": from_catalog}
        ),
        target_misses=misses,
    )


def _period_info(period: Period) -> PeriodInfo:
    return PeriodInfo(**period.model_dump(include={"label", "start", "end", "convention", "measured_at"}))


def classified_for(frame: pl.DataFrame, period: Period, options: ReportOptions) -> pl.LazyFrame:
    """Prepared dossiers with the classification flags of ``period``."""
    hours = options.working_hours
    comparison = Comparison(mode=options.compare_at, day_start=hours.start, day_end=hours.end)
    return _classified(frame, period, comparison, monthly=False)


Prepared = tuple["pl.DataFrame", int, int]


def prepared_dossiers(dataset: Dataset, options: ReportOptions) -> Prepared:
    """The dossiers with group columns, filters applied, due dates completed, service
    levels filled from the catalogue and the period-independent classification
    columns; and how many due dates were computed and service levels filled."""
    grouped = with_group_columns(dataset.dossiers, options.directory(), options.as_units)
    frame = apply_filters(grouped, options.units, options.levels, options.fields)
    frame, computed = _due_dates(frame, options)
    from_catalog = 0
    if options.catalog is not None:
        from cchc_kpi.kpi.procedure_catalog import load_catalog, with_catalog_levels

        frame, from_catalog = with_catalog_levels(frame, load_catalog(options.catalog))
    return frame.with_columns(prepare()), computed, from_catalog


def unit_names(dataset: Dataset, options: ReportOptions, prepared: Prepared) -> list[str]:
    """The units ``--by unit`` shows for the options' period (those with dossiers in it)."""
    by_unit = options.model_copy(update={"by": ["unit"], "total": False, "compare": None, "targets": []})
    return [r["unit"] for r in report_from_dataset(dataset, by_unit, prepared=prepared).rows]


def _due_dates(frame: pl.DataFrame, options: ReportOptions) -> tuple[pl.DataFrame, int]:
    """Compute missing due dates from processing days on the working calendar."""
    import polars as pl

    needed = (
        pl.col("due_at").is_null()
        & pl.col("processing_days").is_not_null()
        & ~pl.col("status").is_in([1, 3]).fill_null(False)
    )
    if not frame.select(needed.any()).item():
        return frame, 0
    index = workday_index(frame, options.extra_days())
    assert index is not None
    filled = with_computed_due(frame, index, options.working_hours)
    return filled, int(filled[COMPUTED].sum())


def _metadata(
    dataset: Dataset,
    options: ReportOptions,
    comparison: Comparison,
    lang: Lang,
    now: datetime | None,
    sample: bool,
) -> ReportMetadata:
    hours = options.working_hours.label
    filters = {
        k: v for k, v in (("unit", options.units), ("level", options.levels), ("field", options.fields)) if v
    }
    return ReportMetadata(
        tool_version=__version__,
        generated_at=now or datetime.now().astimezone(),
        sample=sample,
        comparison=comparison.mode,
        compare=options.compare,
        catalog=str(options.catalog) if options.catalog else None,
        working_hours=hours,
        convention=options.convention,
        duplicate_key=dataset.duplicate_key,
        filters=filters,
        inputs=[
            InputCoverage(
                path=i.path,
                sheet=i.sheet,
                rows_used=i.rows_used,
                received_first=i.received_first,
                received_last=i.received_last,
            )
            for i in dataset.inputs
        ],
        choices={k: text(f"choice.{k}", lang) for k in CHOICES},
    )


def build_report(
    inputs: Sequence[str | Path],
    period: str,
    *,
    by: Sequence[GroupKey] = (),
    convention: Convention = "calendar",
    compare_at: CompareAt = "date",
    as_of: date | None = None,
    units: Sequence[str] = (),
    levels: Sequence[str] = (),
    fields: Sequence[str] = (),
    total: bool = True,
    holidays_file: Path | None = None,
    working_hours: WorkingHours | None = None,
    ingest_options: IngestOptions | None = None,
    lang: Lang = "vi",
    now: datetime | None = None,
    sample: bool = False,
) -> Report:
    """Read ``inputs`` and return the report for ``period`` (what ``report --format json`` prints)."""
    options = ReportOptions(
        period=period,
        convention=convention,
        compare_at=compare_at,
        as_of=as_of,
        by=list(by),
        units=list(units),
        levels=list(levels),
        fields=list(fields),
        total=total,
        holidays_file=holidays_file,
        working_hours=working_hours or WorkingHours(),
    )
    resolve_period(period, convention, as_of)  # a wrong period fails before any file is read
    return report_from_dataset(ingest(inputs, ingest_options), options, lang=lang, now=now, sample=sample)
