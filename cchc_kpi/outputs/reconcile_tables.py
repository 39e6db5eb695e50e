"""The tables of ``cchc-kpi reconcile``: the differing cells with their likely causes (for
people), and every compared cell — ours, theirs, the difference — for spreadsheets."""

from __future__ import annotations

from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_int
from cchc_kpi.outputs.tables import Column, Table
from cchc_kpi.report.reconcile import COLUMN_NUMBER, Difference, Reconciliation


def _column(metric: str, lang: Lang) -> str:
    """ "(8) Trước hạn": the form's column number and the metric's name."""
    return f"({COLUMN_NUMBER[metric]}) {text(f'metric.{metric}', lang)}"


def _causes(difference: Difference, lang: Lang) -> str:
    if not difference.causes:
        return text("reconcile.no_cause", lang)
    fits = text("reconcile.fits", lang)
    return "; ".join(f"{c.text} ({fits})" if c.fits else c.text for c in difference.causes)


def _signed(value: int | None, lang: Lang) -> str:
    return "–" if value is None else ("+" if value > 0 else "") + format_int(value, lang)


def _label(label: str, matched: str | None, lang: Lang) -> str:
    if matched == "TOTAL":
        return text("reconcile.total", lang)
    return label if matched in (None, label) else f"{label} → {matched}"


def reconcile_table(result: Reconciliation, lang: Lang) -> Table:
    """The differing cells, one row each, with the likely causes (the summary under it)."""
    columns = [
        Column(key="line", label=text("reconcile.line", lang)),
        Column(key="column", label=text("reconcile.column", lang)),
        Column(key="ours", label=text("reconcile.ours", lang), kind="int"),
        Column(key="theirs", label=text("reconcile.theirs", lang), kind="int"),
        Column(key="difference", label=text("reconcile.difference", lang), kind="code"),
        Column(key="causes", label=text("reconcile.causes", lang)),
    ]
    rows: list[dict[str, Any]] = [
        {
            "line": _label(d.label, d.matched, lang),
            "column": _column(d.column, lang),
            "ours": d.ours,
            "theirs": d.theirs if d.theirs is not None else text("reconcile.unreadable", lang),
            "difference": _signed(d.difference, lang),
            "causes": _causes(d, lang),
        }
        for d in result.differences
    ]
    compared = result.compared
    footer = [
        *result.notes,
        text("reconcile.summary", lang, cells=format_int(len(result.differences), lang), lines=compared)
        if result.differences
        else text("reconcile.agree", lang, lines=compared),
    ]
    if result.theirs_only:
        names = "; ".join(result.theirs_only)
        footer.append(text("reconcile.theirs_only", lang, count=len(result.theirs_only), names=names))
    if result.ours_only:
        names = "; ".join(result.ours_only)
        footer.append(text("reconcile.ours_only", lang, count=len(result.ours_only), names=names))
    title = text("reconcile.title", lang, label=result.period.label, file=result.against)
    return Table(title=title, columns=columns, rows=rows, footer=footer)


def reconcile_machine_table(result: Reconciliation, lang: Lang | None = None) -> Table:
    """Every line and column compared: their label, our match, the column, ours, theirs, the
    difference and the causes (CSV/TSV under the keys; the workbook with ``lang``'s labels)."""
    keys = (
        "label",
        "matched",
        "sheet_row",
        "column",
        "column_number",
        "ours",
        "theirs",
        "difference",
        "causes",
    )
    causes = {(d.label, d.column): "; ".join(c.text for c in d.causes) for d in result.differences}
    rows = []
    for line in result.lines:
        for metric, number in COLUMN_NUMBER.items():
            rows.append({
                "label": line.label, "matched": line.matched, "sheet_row": line.sheet_row, "column": metric,
                "column_number": number, "ours": line.ours[metric], "theirs": line.theirs[metric],
                "difference": line.difference[metric],
                "causes": causes.get((line.label, metric), ""),
            })  # fmt: skip
    kinds = {"sheet_row": "int", "column_number": "int", "ours": "int", "theirs": "int", "difference": "int"}
    return Table(
        title=text("reconcile.sheet", lang, label=result.period.label) if lang else "",
        columns=[
            Column(key=k, label=text(f"reconcile.cell_{k}", lang) if lang else k, kind=kinds.get(k, "text"))  # type: ignore[arg-type]
            for k in keys
        ],
        rows=rows,
    )
