"""The metrics of domain.md §5, aggregated in one Polars pass per grouping.

Counts are sums of the classification flags. Metrics that need an optional
column (channel, service level, e-result, digitisation, reuse, fees, online
payment, apology) count only dossiers whose input has that column; a group
whose dossiers all lack it gets null, never 0. Every rate is a fraction at full
precision with its numerator and denominator, null when the denominator is 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import polars as pl

MetricKind = Literal["count", "rate", "money"]


@dataclass(frozen=True)
class Metric:
    """One output metric; a rate names its numerator and denominator keys."""

    name: str
    kind: MetricKind = "count"
    numerator: str | None = None
    denominator: str | None = None
    flow: bool = True  # flows add up over months; stocks (carried over, pending …) do not


def _rate(name: str, numerator: str, denominator: str) -> Metric:
    return Metric(name, "rate", numerator, denominator)


METRICS: tuple[Metric, ...] = (
    Metric("received_total", flow=False),
    Metric("received_new"),
    Metric("received_online"),
    Metric("received_offline"),
    Metric("received_direct"),
    Metric("received_postal"),
    Metric("carried_over", flow=False),
    Metric("resolved"),
    Metric("resolved_early"),
    Metric("resolved_on_time"),
    Metric("resolved_late"),
    Metric("resolved_in_time"),
    Metric("pending", flow=False),
    Metric("pending_in_time", flow=False),
    Metric("pending_overdue", flow=False),
    Metric("withdrawn"),
    Metric("not_accepted"),
    _rate("resolved_rate", "resolved", "received_total"),
    _rate("on_time_rate", "resolved_in_time", "resolved"),
    _rate("early_rate", "resolved_early", "resolved"),
    _rate("late_rate", "resolved_late", "resolved"),
    _rate("progress_766_rate", "_in_time_766", "_all_766"),
    _rate("online_rate", "received_online", "_channel_known"),
    _rate("online_rate_eligible", "_online_eligible", "_eligible"),
    Metric("e_result"),
    _rate("e_result_rate", "e_result", "_e_result_known"),
    Metric("digitized"),
    _rate("digitization_rate", "digitized", "_digitized_known"),
    Metric("reused"),
    _rate("reuse_rate", "reused", "_reused_known"),
    Metric("fee_dossiers"),
    Metric("paid_online"),
    Metric("paid_online_amount", "money"),
    # over the dossiers whose inputs have both the fee and the payment column (so in [0, 1])
    _rate("online_payment_rate", "_paid_with_fee", "_fee_paid_known"),
    Metric("late_with_apology", flow=False),
    Metric("late_without_apology", flow=False),
)
METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
# the counts of the Biểu 06 form, columns (3) to (13)
BIEU06_COUNTS: tuple[str, ...] = (
    "received_total", "received_online", "received_offline", "carried_over", "resolved", "resolved_early",
    "resolved_on_time", "resolved_late", "pending", "pending_in_time", "pending_overdue",
)  # fmt: skip
METRICS_BY_NAME = {m.name: m for m in METRICS}
RATES = tuple(m for m in METRICS if m.kind == "rate")

# optional column → (base flag the metric counts among, metrics it feeds)
OPTIONAL: dict[str, tuple[str, tuple[str, ...]]] = {
    "channel": ("k_new", ("received_online", "received_direct", "received_postal")),
    "service_level": ("k_new", ("_online_eligible", "_eligible")),
    "e_result": ("k_resolved", ("e_result", "_e_result_known")),
    "digitized": ("k_new", ("digitized", "_digitized_known")),
    "reused": ("k_new", ("reused", "_reused_known")),
    "fee_amount": ("k_new", ("fee_dossiers", "paid_online_amount")),
    "paid_online": ("k_new", ("paid_online", "paid_online_amount")),
    "apology": ("_late_any", ("late_with_apology", "late_without_apology")),
}
# the amount paid online needs the fee and the payment on the same dossiers: unknown when no
# input has both columns ("fee_paid" is then not among the present columns), or when none of a
# group's new dossiers has both
FEE_PAID = "fee_paid"
PAIRED = ("paid_online_amount",)


def _count(condition: pl.Expr) -> pl.Expr:
    import polars as pl

    return condition.fill_null(False).sum().cast(pl.Int64)


def paid_online_expr() -> pl.Expr:
    """Whether a dossier counts as paid online (domain.md §5): received in the period,
    marked paid online, and bearing a fee where its input has the fee column."""
    import polars as pl

    c = pl.col
    fee = c("fee_amount")
    return c("k_new") & (c("paid_online") == True) & (fee.is_null() | (fee > 0))  # noqa: E712


def count_conditions() -> dict[str, pl.Expr]:
    """Each count's condition on a classified dossier: the count is the number of dossiers
    for which it holds (the one definition both the figures and the lists behind them use)."""
    import polars as pl

    c = pl.col
    new, resolved = c("k_new"), c("k_resolved")
    channel = c("channel")
    eligible = c("service_level").is_in(["full", "partial"])
    paid = paid_online_expr()
    late_any = c("k_late") | c("k_pending_overdue")
    return {
        "received_new": new,
        "carried_over": c("k_carried"),
        "received_online": new & (channel == "online"),
        "received_direct": new & (channel == "direct"),
        "received_postal": new & (channel == "postal"),
        "resolved": resolved,
        "resolved_early": c("k_early"),
        "resolved_on_time": c("k_on_time"),
        "resolved_late": c("k_late"),
        "pending": c("k_pending"),
        "pending_in_time": c("k_pending_in_time"),
        "pending_overdue": c("k_pending_overdue"),
        "withdrawn": c("k_withdrawn"),
        "not_accepted": c("k_not_accepted"),
        "_channel_known": new & channel.is_not_null(),
        "_online_eligible": new & eligible & (channel == "online"),
        "_eligible": new & eligible & channel.is_not_null(),
        "e_result": resolved & (c("e_result") == True),  # noqa: E712
        "_e_result_known": resolved & c("e_result").is_not_null(),
        "digitized": new & (c("digitized") == True),  # noqa: E712
        "_digitized_known": new & c("digitized").is_not_null(),
        "reused": new & (c("reused") == True),  # noqa: E712
        "_reused_known": new & c("reused").is_not_null(),
        "fee_dossiers": new & (c("fee_amount") > 0),
        "paid_online": paid,
        "_paid_with_fee": paid & (c("fee_amount") > 0),
        "_fee_paid_known": new & (c("fee_amount") > 0) & c("paid_online").is_not_null(),
        "late_with_apology": late_any & (c("apology") == True),  # noqa: E712
        "late_without_apology": late_any & (c("apology") == False),  # noqa: E712
        "_no_due": c("k_no_due"),
        "_withdrawn_no_date": c("k_withdrawn_no_date"),
        "_withdrawn_by_reason": (
            c("k_withdrawn")
            & c("withdrawal_reason").fill_null(False)
            & ~c("status").is_in([7, 8]).fill_null(False)
        ),
    }


# counts that are sums of others (finish derives them): their dossiers are the union
SUMS: dict[str, tuple[str, ...]] = {
    "received_total": ("received_new", "carried_over"),
    "received_offline": ("received_direct", "received_postal"),
    "resolved_in_time": ("resolved_early", "resolved_on_time"),
}
LISTED = tuple(m.name for m in METRICS if m.kind == "count")  # the figures whose dossiers can be listed


def listed_condition(name: str) -> pl.Expr:
    """The condition of a count metric of the report, sums included."""
    import functools
    import operator

    conditions = count_conditions()
    parts = [conditions[part] for part in SUMS.get(name, (name,))]
    return functools.reduce(operator.or_, parts).fill_null(False)


def aggregations() -> list[pl.Expr]:
    """Return the group-by aggregations of every count (public and helper) and base."""
    import polars as pl

    c = pl.col
    conditions = count_conditions()
    counts = {name: _count(condition) for name, condition in conditions.items()}
    paid = conditions["paid_online"]
    counts["paid_online_amount"] = c("fee_amount").filter(paid).sum().cast(pl.Int64)
    new, resolved = c("k_new"), c("k_resolved")
    late_any = c("k_late") | c("k_pending_overdue")
    bases = {"k_new": new, "k_resolved": resolved, "_late_any": late_any}
    for column, (base, _) in OPTIONAL.items():
        counts[f"_base_{column}"] = _count(bases[base])
        counts[f"_known_{column}"] = _count(bases[base] & c(column).is_not_null())
    counts[f"_known_{FEE_PAID}"] = _count(
        new & c("fee_amount").is_not_null() & c("paid_online").is_not_null()
    )
    return [expr.alias(name) for name, expr in counts.items()]


def has_data_expr() -> pl.Expr:
    """Whether a group of aggregated counts had anything in the period: a dossier received
    (new or carried over) or one refused (the frame twin of ``comparison.has_data``)."""
    import polars as pl

    c = pl.col
    return (c("received_new") + c("carried_over") > 0) | (c("not_accepted") > 0)


def summed(names: Sequence[str]) -> list[pl.Expr]:
    """Every count of :func:`aggregations` is a sum, so counts aggregated per fine group add
    up to any coarser group: the re-aggregation of a table of partial counts."""
    import polars as pl

    return [pl.col(n).sum().cast(pl.Int64) for n in names]


def finish(frame: pl.LazyFrame, present: Sequence[str]) -> pl.LazyFrame:
    """Derive sums and rates from the aggregated counts; null what cannot be known.

    ``present`` names the optional columns that at least one input has.
    """
    import polars as pl

    c = pl.col
    unknown_when: dict[str, pl.Expr] = {}  # a metric fed by several columns is unknown when any is
    for column, (_, fed) in OPTIONAL.items():
        known_none = (c(f"_known_{column}") == 0) & (c(f"_base_{column}") > 0)
        unknown = known_none if column in present else pl.lit(True)
        for name in fed:
            unknown_when[name] = unknown_when[name] | unknown if name in unknown_when else unknown
    paired_none = (c(f"_known_{FEE_PAID}") == 0) & (c("_base_fee_amount") > 0)
    for name in PAIRED:
        unknown_when[name] = unknown_when[name] | (paired_none if FEE_PAID in present else pl.lit(True))
    nulls = [
        pl.when(unknown).then(None).otherwise(c(name)).alias(name) for name, unknown in unknown_when.items()
    ]
    derived = frame.with_columns(nulls).with_columns(
        (c("received_new") + c("carried_over")).alias("received_total"),
        (c("received_direct") + c("received_postal")).alias("received_offline"),
        (c("resolved_early") + c("resolved_on_time")).alias("resolved_in_time"),
        (c("resolved_early") + c("resolved_on_time") + c("pending_in_time")).alias("_in_time_766"),
        (c("resolved") + c("pending")).alias("_all_766"),
    )
    rates = [
        pl.when(c(m.denominator) > 0)  # type: ignore[arg-type]
        .then(c(m.numerator) / c(m.denominator))  # type: ignore[arg-type]
        .otherwise(None)
        .alias(m.name)
        for m in RATES
    ]
    return derived.with_columns(rates)
