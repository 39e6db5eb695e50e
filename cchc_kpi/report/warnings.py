"""What a report must say about itself: sample data, files left out, rejected rows, input coverage,
dossiers without due dates, withdrawn dossiers without dates, metrics that lack
their column in some or all inputs, units of unknown level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_kpi.i18n.messages import Message
from cchc_kpi.kpi.metrics import OPTIONAL
from cchc_kpi.schema.fields import FIELDS_BY_NAME

if TYPE_CHECKING:
    import polars as pl

    from cchc_kpi.calendar.periods import Period
    from cchc_kpi.kpi.units import UnitDirectory
    from cchc_kpi.report.prepare import PreparedDossiers


def column_label(column: str) -> str:
    """The usual export header of an optional column (its first alias), quoted."""
    name = "apology_at" if column == "apology" else column
    return f'"{FIELDS_BY_NAME[name].aliases[0]}"'


def _coverage(frame: pl.DataFrame, period: Period) -> list[Message]:
    received = frame["received_at"].drop_nulls()
    if received.is_empty():
        return [Message("warn.no_dossiers")]
    first, last = received.min().date(), received.max().date()  # type: ignore[union-attr]
    out = []
    if first > period.start:
        out.append(Message("warn.coverage_start", {"first": first, "start": period.start}))
    if last < period.effective_end:
        out.append(Message("warn.coverage_end", {"last": last, "end": period.effective_end}))
    return out


def report_warnings(prepared: PreparedDossiers, total: dict[str, Any], sample: bool) -> list[Message]:
    """Return the report's warnings, the reading warnings first."""
    import polars as pl

    dataset, frame, present = prepared.dataset, prepared.frame, prepared.present

    out = [Message("warn.sample")] if sample else []
    if dataset.skipped_files:
        out.append(Message("warn.files_skipped", {"count": len(dataset.skipped_files)}))
    out += dataset.warnings
    if dataset.accounting.rows_rejected:
        out.append(Message("warn.rejected_rows", {"count": dataset.accounting.rows_rejected}))
    out += _coverage(frame, prepared.period)
    if total["_no_due"]:
        out.append(Message("warn.no_due", {"count": total["_no_due"]}))
    if total["_withdrawn_no_date"]:
        out.append(Message("warn.withdrawn_no_date", {"count": total["_withdrawn_no_date"]}))
    if total["_withdrawn_by_reason"]:
        out.append(Message("warn.withdrawn_by_reason", {"count": total["_withdrawn_by_reason"]}))
    for column in (c for c in present if c in OPTIONAL):
        unknown = total[f"_base_{column}"] - total[f"_known_{column}"]
        if unknown:
            out.append(Message("warn.partial_column", {"column": column_label(column), "count": unknown}))
    absent = [column_label(c) for c in OPTIONAL if c not in present]
    if absent:
        out.append(Message("warn.absent_columns", {"columns": absent}))
    levels = frame.select("g_unit", "g_level").filter(pl.col("g_level") == "unknown")
    unknown_units = levels["g_unit"].unique().cast(pl.String).sort().to_list()
    if unknown_units:
        out.append(Message("warn.unknown_level", {"count": len(unknown_units), "units": unknown_units}))
    return out


def unit_warnings(frame: pl.DataFrame, directory: UnitDirectory) -> list[Message]:
    """With a unit hierarchy: units it does not know (kept, never dropped), merged units,
    dossiers outside a unit's validity."""
    import polars as pl

    if not directory:
        return []
    out = []
    unlisted = frame.select("g_unit", "_conf_unit").filter(pl.col("_conf_unit").is_null())
    unknown = unlisted["g_unit"].unique().cast(pl.String).sort().to_list()
    if unknown and directory.units:
        out.append(Message("warn.unit_unknown", {"count": len(unknown), "units": unknown}))
    merged = frame.select(pl.col("_merged").sum()).item()
    if merged:
        out.append(Message("warn.units_merged", {"count": merged}))
    outside = directory.outside_validity(frame)
    if outside:
        out.append(Message("warn.unit_validity", {"count": outside}))
    return out
