"""Report assembly: prepared dossiers → classified for the period → aggregated per
group, with subtotals for outer groups, a grand total, the comparison with an earlier
period, targets, warnings and metadata.

:func:`report_for` builds a report from a run's :class:`PreparedDossiers`;
:func:`report_from_dataset` and :func:`build_report` are the library's entry points.
The result serialised is exactly what ``cchc-kpi report --format json`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from cchc_kpi._version import __version__
from cchc_kpi.calendar.periods import Period
from cchc_kpi.calendar.workdays import WorkingHours
from cchc_kpi.i18n.messages import Message, render_all, text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import RunAccounting
from cchc_kpi.ingestion.dataset import Dataset, IngestOptions
from cchc_kpi.kpi.comparison import compare_rows, earlier_period, has_data, month_labels
from cchc_kpi.kpi.grouping import sort_expr
from cchc_kpi.kpi.metrics import METRIC_NAMES, finish, has_data_expr, summed
from cchc_kpi.kpi.targets import TargetConfig, TargetMiss, apply_targets
from cchc_kpi.report.model import CompareInfo, InputCoverage, PeriodInfo, Report, ReportMetadata, TreeRows
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.prepare import PreparedDossiers
from cchc_kpi.report.warnings import report_warnings, unit_warnings
from cchc_kpi.schema.choices import CompareAt, CompareWith, Convention, GroupKey

if TYPE_CHECKING:
    import polars as pl

SUBTOTAL, TOTAL = "SUBTOTAL", "TOTAL"
CHOICES = ("close_date", "no_due", "pending", "withdrawn_no_date", "rates", "missing_columns")
Rows = list[dict[str, Any]]


def _aggregate(partials: pl.DataFrame, keys: Sequence[str], present: Sequence[str]) -> pl.DataFrame:
    """The counts per group of ``keys`` from the period's partial counts, then the rates —
    groups with nothing in the period (units before they existed) left out before the rates
    and the sort, which then cost what the period's groups cost."""
    import polars as pl

    counts = summed([c for c in partials.columns if not c.startswith("g_")])
    columns = [pl.col(f"g_{k}").alias(k) for k in keys]
    if not keys:
        return finish(partials.lazy().select(counts), present).collect()
    grouped = partials.lazy().group_by(columns).agg(counts)
    if "month" not in keys:
        grouped = grouped.filter(has_data_expr())
    grouped = grouped.sort([sort_expr(k) for k in keys], nulls_last=True)
    return finish(grouped, present).collect()


def _ordered(row: dict[str, Any], keys: Sequence[str], row_type: str) -> dict[str, Any]:
    public = {"row_type": row_type, **{k: row[k] for k in keys}, **{m: row[m] for m in METRIC_NAMES}}
    return public | {k: v for k, v in row.items() if k.startswith("_")}


def _assemble(levels: list[pl.DataFrame], by: Sequence[str]) -> Rows:
    """Order rows as a tree: each outer group's subtotal row, then its members — as one
    sort of all levels by their ranks (a subtotal's deeper ranks are null, so it comes
    first), with no loop over rows or groups."""
    import polars as pl

    depth_last = len(by) - 1
    ranks = [frame.select(by[: d + 1]).with_row_index(f"_o{d}") for d, frame in enumerate(levels)]
    parts = []
    for depth, frame in enumerate(levels):
        ranked = frame.with_row_index(f"_o{depth}")
        for ancestor in range(depth):  # the ranks of its parents: a row without parents is left out
            ranked = ranked.join(ranks[ancestor], on=list(by[: ancestor + 1]), how="inner", nulls_equal=True,
                                 maintain_order="left")  # fmt: skip
        inner = {k: pl.lit(SUBTOTAL) for k in by[depth + 1 :]}
        row_type = "detail" if depth == depth_last else "subtotal"
        parts.append(
            ranked.with_columns(
                *[pl.col(k).cast(pl.String) for k in by[: depth + 1]],
                *[value.alias(k) for k, value in inner.items()],
                pl.lit(row_type).alias("row_type"),
            )
        )
    order = [f"_o{d}" for d in range(len(by))]
    tree = pl.concat(parts, how="diagonal_relaxed").sort(order, nulls_last=False, maintain_order=True)
    private = [c for c in tree.columns if c.startswith("_") and c not in order]
    return cast(Rows, TreeRows(tree.select("row_type", *by, *METRIC_NAMES, *private)))


def period_rows(prepared: PreparedDossiers, period: Period, by: Sequence[str]) -> tuple[Rows, dict[str, Any]]:
    """The grouped rows of one period (a tree, subtotals first) and its total row."""
    whole = prepared.partials(period)
    monthly = prepared.partials(period, monthly=True) if "month" in by else None
    levels = []
    for depth in range(1, len(by) + 1):
        keys = by[:depth]
        source = monthly if "month" in keys and monthly is not None else whole
        levels.append(_aggregate(source, keys, prepared.present))
    total_row = _aggregate(whole, [], prepared.present).row(0, named=True)
    return (_assemble(levels, by) if by else []), _ordered(total_row, [], "total")


def _compare(
    prepared: PreparedDossiers, compare: CompareWith, by: Sequence[str], current: tuple[Rows, dict[str, Any]]
) -> tuple[Period, list[Message]]:
    """Add the earlier period's figures to the rows and total; warn where it has none."""
    import polars as pl

    period = prepared.period
    earlier = earlier_period(period, compare)
    rows, total = period_rows(prepared, earlier, by)
    months = month_labels(period, earlier)
    missing = compare_rows(current[0], rows, by, months)
    compare_rows([current[1]], [total], [], months)
    shown = {"label": earlier.label, "start": earlier.start, "end": earlier.end}
    messages = []
    if not has_data(total):
        messages.append(Message("compare.no_data", shown))
    elif missing:
        messages.append(Message("compare.groups_missing", {**shown, "count": missing}))
    first = prepared.frame.select(pl.col("received_at").min()).item()
    if first is not None and first.date() > earlier.start and has_data(total):
        messages.append(Message("compare.partial", {**shown, "first": first.date()}))
    if period.measured_at is not None and compare == "previous":
        messages.append(Message("compare.current_partial", {**shown, "day": period.measured_at}))
    return earlier, messages


def target_misses(
    prepared: PreparedDossiers,
    targets: Sequence[TargetConfig],
    unit_levels: dict[str, str],
    total: dict[str, Any],
) -> list[TargetMiss]:
    """Every miss of the targets in the period, whatever the report shows: the whole, then each
    level, then each unit (in the report's order). With --unit only the units are judged, with
    --level the levels and their units: the whole of a filtered report is not the whole."""
    options = prepared.options
    scopes = [] if options.units or options.levels else [dict(total)]
    for key in ("unit",) if options.units else ("level", "unit"):
        scopes += [dict(row) for row in period_rows(prepared, prepared.period, [key])[0]]
    return apply_targets(scopes, targets, unit_levels)


def period_info(period: Period) -> PeriodInfo:
    """The period as reports show it."""
    return PeriodInfo(**period.model_dump(include={"label", "start", "end", "convention", "measured_at"}))


def report_for(
    prepared: PreparedDossiers,
    *,
    by: Sequence[GroupKey] | None = None,
    total: bool | None = None,
    compare: CompareWith | None = None,
    targets: Sequence[TargetConfig] | None = None,
    lang: Lang = "vi",
    now: datetime | None = None,
    sample: bool = False,
) -> Report:
    """The report of a run's prepared dossiers, grouped ``by`` (the options' by default;
    ``compare`` and ``targets`` as the options say unless given)."""
    options = prepared.options
    keys: list[str] = list(options.by if by is None else by)
    compare = options.compare if compare is None else compare
    chosen_targets = list(options.targets if targets is None else targets)
    rows, total_row = period_rows(prepared, prepared.period, keys)
    messages = report_warnings(prepared, total_row, sample)
    compared = None
    if compare:
        earlier, notes = _compare(prepared, compare, keys, (rows, total_row))
        compared = CompareInfo(kind=compare, period=period_info(earlier))
        messages += notes
    shown_total = total_row if (options.total if total is None else total) else None
    misses = []
    if chosen_targets:
        unit_levels = prepared.unit_levels
        apply_targets([*rows, *([shown_total] if shown_total else [])], chosen_targets, unit_levels)
        misses = target_misses(prepared, chosen_targets, unit_levels, total_row)
    messages += unit_warnings(prepared.frame, options.directory())
    if prepared.due_dates_computed:
        hours = options.working_hours.label
        messages.append(Message("warn.due_computed", {"count": prepared.due_dates_computed, "hours": hours}))
    if prepared.service_levels_from_catalog:
        messages.append(Message("catalog.filled", {"count": prepared.service_levels_from_catalog}))
    return Report(
        period=period_info(prepared.period),
        compare=compared,
        group_by=keys,
        rows=rows,
        total=shown_total,
        accounting=run_accounting(prepared.dataset, lang),
        warnings=render_all(messages, lang),
        metadata=_metadata(prepared, compare, lang, now, sample),
        target_misses=misses,
    )


def run_accounting(dataset: Dataset, lang: Lang) -> RunAccounting:
    """The run's row accounting, with the files left out."""
    return RunAccounting(**dataset.accounting.counts(), skipped_files=dataset.skipped(lang))


def _metadata(
    prepared: PreparedDossiers, compare: CompareWith | None, lang: Lang, now: datetime | None, sample: bool
) -> ReportMetadata:
    options, dataset = prepared.options, prepared.dataset
    filters = {
        k: v for k, v in (("unit", options.units), ("level", options.levels), ("field", options.fields)) if v
    }
    return ReportMetadata(
        tool_version=__version__,
        generated_at=now or datetime.now().astimezone(),
        sample=sample,
        comparison=options.compare_at,
        compare=compare,
        catalog=str(options.catalog) if options.catalog else None,
        service_levels_from_catalog=prepared.service_levels_from_catalog,
        working_hours=options.working_hours.label,
        convention=options.convention,
        duplicate_key=dataset.duplicate_key,
        due_dates_computed=prepared.due_dates_computed,
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


def report_from_dataset(
    dataset: Dataset,
    options: ReportOptions,
    *,
    lang: Lang = "vi",
    now: datetime | None = None,
    sample: bool = False,
) -> Report:
    """Build the report of an ingested dataset (the library's one-call form)."""
    from cchc_kpi.report.run import prepare_dataset

    return report_for(prepare_dataset(dataset, options), lang=lang, now=now, sample=sample)


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
    from cchc_kpi.report.run import open_run

    prepared = open_run(inputs, options, ingest_options)  # a wrong period fails before any file is read
    return report_for(prepared, lang=lang, now=now, sample=sample)
