"""A report as tables and text: the people's table (labels, 7.300, 99,77% with
numerator and denominator) and the machine CSV / TSV of domain.md §7 (group keys
first, ``SUBTOTAL`` / ``TOTAL`` markers, every metric, rates as fractions).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_fixed, format_int
from cchc_kpi.kpi.comparison import direction
from cchc_kpi.kpi.metrics import BIEU06_COUNTS, METRIC_NAMES, METRICS, METRICS_BY_NAME
from cchc_kpi.outputs.tables import FORMULA_START, Column, Table, display_value, machine_value
from cchc_kpi.report.build import TOTAL
from cchc_kpi.report.model import Report, TreeRows
from cchc_kpi.schema.unit_names import legend_of, short_unit

BIEU06_VIEW = (*BIEU06_COUNTS, "on_time_rate", "online_rate")
VIEWS = {
    "bieu06": BIEU06_VIEW,
    "rates": tuple(m.name for m in METRICS if m.kind == "rate"),
    "all": METRIC_NAMES,
}
TRANSLATED_KEYS = ("level", "channel")


def metric_names(choice: str | None) -> tuple[str, ...] | None:
    """Return the metrics of a view name (bieu06, rates, all) or a comma-separated list;
    ``None`` (the default view) when nothing is chosen."""
    from cchc_kpi.errors import UsageError

    if not choice:
        return None
    if choice in VIEWS:
        return VIEWS[choice]
    names = tuple(n.strip() for n in choice.split(",") if n.strip())
    unknown = [n for n in names if n not in METRICS_BY_NAME]
    if unknown or not names:
        raise UsageError("usage.bad_metrics", value=choice, choices=[*VIEWS, *METRIC_NAMES])
    return names


def _metric_column(name: str, lang: Lang, short: bool = False) -> Column:
    metric = METRICS_BY_NAME[name]
    kind = {"count": "int", "money": "int", "rate": "rate"}[metric.kind]
    return Column(
        key=name,
        label=text(f"{'short' if short else 'metric'}.{name}", lang),
        kind=kind,  # type: ignore[arg-type]
        numerator=metric.numerator,
        denominator=metric.denominator,
    )


def _shown_keys(row: dict[str, Any], keys: Sequence[str], lang: Lang) -> dict[str, Any]:
    shown = dict(row)
    for key in keys:
        value = row.get(key)
        if key in TRANSLATED_KEYS and value not in (None, "SUBTOTAL", TOTAL):
            shown[key] = text(f"{key}.{value}", lang)
    return shown


def report_title(report: Report, lang: Lang) -> str:
    """The title line: what, which period, and the sample marker."""
    period = report.period
    title = text(
        "report.title",
        lang,
        label=period.label,
        start=period.start,
        end=period.end,
    )
    if period.measured_at:
        title += " " + text("report.measured_at", lang, day=period.measured_at)
    if report.compare is not None:
        earlier = report.compare.period
        title += " — " + text(
            f"compare.title_{report.compare.kind}",
            lang,
            label=earlier.label,
            start=earlier.start,
            end=earlier.end,
        )
    if report.metadata.sample:
        title = text("report.sample", lang) + " — " + title
    return title


def _vertical(report: Report, lang: Lang, metrics: Sequence[str]) -> Table:
    """A report without groups: one line per metric (all of them unless chosen), with
    the earlier period and the change when comparing."""
    total = report.total or {}
    columns = [
        Column(key="metric", label=text("report.metric", lang)),
        Column(key="value", label=text("report.value", lang)),
    ]
    if report.compare is not None:
        columns += [
            Column(key="previous", label=text(f"compare.label_{report.compare.kind}", lang)),
            Column(key="change", label=text("compare.change", lang)),
        ]
    rows = []
    for name in metrics:
        row: dict[str, Any] = {
            "metric": text(f"metric.{name}", lang),
            "value": display_value(total, _metric_column(name, lang), lang),
        }
        if report.compare is not None:
            earlier = _earlier_view(total)
            row["previous"] = display_value(earlier, _metric_column(name, lang), lang)
            row["change"] = change_label(total, name, lang)
            row["_direction"] = direction(name, total.get(f"{name}_change"))
        rows.append(row)
    return Table(title=report_title(report, lang), columns=columns, rows=rows)


def _earlier_view(row: dict[str, Any]) -> dict[str, Any]:
    """The earlier period's values under the metric names (for formatting rates)."""
    return {k.removesuffix("_prev"): v for k, v in row.items() if k.endswith("_prev")}


GROUP = "group"
INDENT = "  "


def _tree_label(row: dict[str, Any], keys: Sequence[str]) -> str:
    """One label for a row of nested groups: a subtotal shows its own group, a detail
    row its innermost key, indented by depth (as in the Biểu 06 form)."""
    depth = next((i for i, k in enumerate(keys) if row.get(k) == "SUBTOTAL"), len(keys))
    value = row.get(keys[depth - 1]) if depth else None
    return INDENT * (depth - 1) + ("–" if value is None else str(value))


def report_table(
    report: Report, lang: Lang, metrics: Sequence[str] | None = None, short: bool = False
) -> Table:
    """The report as people read it: group labels, chosen metrics, the total row.

    Without groups, one line per metric; ``short`` labels suit narrow terminals.
    """
    keys = report.group_by
    if not keys:
        return _vertical(report, lang, metrics or METRIC_NAMES)
    label = " / ".join(text(f"key.{k}", lang) for k in keys)
    columns = [Column(key=GROUP, label=label)]
    columns += [_metric_column(name, lang, short) for name in metrics or BIEU06_VIEW]
    rows = []
    for row in report.rows:
        shown = _shown_keys(row, keys, lang)
        if short and "unit" in keys and shown.get("unit") not in (None, "SUBTOTAL", TOTAL):
            shown["unit"] = short_unit(str(shown["unit"]))
        rows.append({**row, GROUP: _tree_label(shown, keys)})
    if report.total is not None:
        rows.append({**report.total, GROUP: TOTAL})
    footer = [text("compare.rate_note", lang)] if report.compare is not None else []
    if short and "unit" in keys:
        legend = legend_of(
            [str(r.get("unit")) for r in report.rows if r.get("unit") not in (None, "SUBTOTAL")]
        )
        if legend:
            pairs = ", ".join(f"{a} = {full}" for a, full in legend)
            footer.insert(0, text("table.unit_legend", lang, pairs=pairs))
    return Table(title=report_title(report, lang), columns=columns, rows=rows, footer=footer)


def _excel_vi(value: Any) -> Any:
    """A cell for Excel in Vietnamese: a number with a decimal comma (a number, never
    guarded as formula text — a negative change stays a number); the rest as machines write it."""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return machine_value(value)


def change_label(row: dict[str, Any], key: str, lang: Lang, short: bool = False) -> str | None:
    """The change of a metric as people read it ("▲ 1,20 điểm %", "▼ 35"; ``short``: "▲ 1,20"
    for rates too, the table's footer names the unit); None when the row has no
    comparison, "–" when the earlier period has no data."""
    if f"{key}_change" not in row:
        return None
    delta = row[f"{key}_change"]
    if delta is None:
        return "–"
    sign = "▲ " if delta > 0 else ("▼ " if delta < 0 else "= ")
    if METRICS_BY_NAME[key].kind == "rate":
        value = format_fixed(math.floor(abs(delta) * 100 + 0.5), lang)
        return sign + value if short else text("compare.rate_change", lang, sign=sign, value=value)
    return sign + format_int(abs(int(delta)), lang)


def _machine_type(key: str, keys: Sequence[str]) -> Any:
    """The column type of a CSV column: keys are text, counts and money integers, rates
    fractions, targets fractions and their verdicts booleans; a comparison follows its metric."""
    import polars as pl

    if key in keys or key == "row_type":
        return pl.String
    name, _, suffix = key.rpartition("_")
    if suffix == "target" and name in METRICS_BY_NAME:
        return pl.Float64
    if suffix == "pass" and name in METRICS_BY_NAME:
        return pl.Boolean
    metric = METRICS_BY_NAME.get(name if suffix in ("prev", "change") else key)
    return pl.Float64 if metric is not None and metric.kind == "rate" else pl.Int64


def report_delimited(report: Report, delimiter: str = ",", excel_vi: bool = False) -> str:
    """The machine CSV / TSV of §7: group keys, row_type, every metric; a TOTAL row last.
    Written from one frame of the rows (a million groups cost about a second); text cells
    that would start a formula get their apostrophe as :func:`safe_cell` gives it."""
    import polars as pl

    keys = report.group_by
    targeted = [
        k
        for k in (report.total or (report.rows[0] if report.rows else {}))
        if k.endswith(("_target", "_pass", "_prev", "_change")) and not k.startswith("_")
    ]
    header = [*keys, "row_type", *METRIC_NAMES, *targeted]
    total = [{**report.total, **dict.fromkeys(keys, TOTAL)}] if report.total is not None else []
    if excel_vi:
        rows = [*report.rows, *total]
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([_excel_vi(row.get(k)) for k in header] for row in rows)
        return buffer.getvalue()
    schema = {k: _machine_type(k, keys) for k in header}
    tree = report.rows.untouched_frame() if isinstance(report.rows, TreeRows) else None
    if tree is not None and set(header) <= set(tree.columns):  # no row read as a dict: the frame as it is
        frame = pl.concat([tree.select(header).cast(schema), pl.from_dicts(total, schema=schema)])
    else:
        frame = pl.from_dicts([*report.rows, *total], schema=schema)
    formula = pl.lit("^[" + "".join(re.escape(c) for c in FORMULA_START) + "]")
    guarded = [
        pl.when(pl.col(k).str.contains(formula)).then(pl.lit("'") + pl.col(k)).otherwise(pl.col(k)).alias(k)
        for k, kind in schema.items()
        if kind == pl.String
    ]
    return frame.with_columns(guarded).write_csv(separator=delimiter, line_terminator="\n")


def metadata_lines(report: Report, lang: Lang) -> list[str]:
    """The footer printed with --verbose: period, comparison, inputs, accounting, version."""
    meta, period, acc = report.metadata, report.period, report.accounting
    lines = [
        text(
            "report.meta_period",
            lang,
            label=period.label,
            start=period.start,
            end=period.end,
            convention=period.convention,
        ),
        text("report.meta_comparison", lang, mode=meta.comparison, hours=meta.working_hours),
    ]
    for item in meta.inputs:
        first = item.received_first or "–"
        last = item.received_last or "–"
        name = f"{item.path}[{item.sheet}]" if item.sheet else item.path
        lines.append(text("report.meta_input", lang, path=name, rows=item.rows_used, first=first, last=last))
    lines.append(text("report.meta_accounting", lang, **acc.counts()))
    lines.append(text("report.meta_version", lang, version=meta.tool_version))
    return lines
