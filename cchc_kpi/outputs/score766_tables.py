"""The QĐ 766 estimate and the catalogue counts as tables: for people (labels,
99,77%, points with two decimals) and for machines (one flat row per criterion
and scope, raw values)."""

from __future__ import annotations

from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_fixed, format_percent
from cchc_kpi.outputs.tables import Column, Table
from cchc_kpi.report.score766 import Score, Score766Report

MACHINE_COLUMNS = (
    "unit", "level", "group_id", "group", "criterion_id", "criterion",
    "rate", "numerator", "denominator", "points", "max", "threshold", "reason",
)  # fmt: skip
TOTAL = "TOTAL"


def format_points(value: float | None, lang: Lang) -> str:
    """Points with two decimals (18,50); "–" when not computed."""
    return "–" if value is None else format_fixed(int(value * 100 + 0.5), lang)


def _share(value: float | None, lang: Lang) -> str:
    return "–" if value is None else format_fixed(int(value * 10000 + 0.5), lang) + "%"


def score_title(report: Score766Report, lang: Lang, marked: bool = True) -> str:
    """The title: an estimate, of which period; marked when it is the sample (unless
    ``marked`` is False: a sheet marks the sample on its own line)."""
    period = report.period
    title = text(
        "score.title",
        lang,
        label=period.label,
        start=period.start,
        end=period.end,
    )
    return (text("report.sample", lang) + " — " + title) if report.sample and marked else title


def score_lines(score: Score, lang: Lang) -> list[str]:
    """The total line and the criteria left out with their reasons."""
    lines = [
        text(
            "score.total",
            lang,
            points=format_points(score.total_points, lang),
            computable=format_points(score.computable_max, lang),
            max=format_points(score.max_points, lang),
        )
    ]
    lines += [
        f"{text('score.not_computable', lang)}: {n.criterion} — {n.reason}" for n in score.not_computable
    ]
    return lines


def score_table(report: Score766Report, lang: Lang) -> Table:
    """Groups (bold, with their points) and their criteria, then the total and the note."""
    columns = [
        Column(key="name", label=text("score.group", lang)),
        Column(key="rate", label=text("score.rate", lang), kind="float"),
        Column(key="points", label=text("score.points", lang), kind="float"),
        Column(key="max", label=text("score.max", lang), kind="float"),
        Column(key="threshold", label=text("score.threshold", lang), kind="float"),
    ]
    rows: list[dict[str, Any]] = []
    for group in report.groups:
        rows.append(
            {
                "name": group.group,
                "rate": "",
                "points": format_points(group.points, lang),
                "max": format_points(group.max, lang),
                "threshold": "",
                "row_type": "subtotal",
            }
        )
        for c in group.criteria:
            rate = "–"
            if c.numerator is not None and c.denominator:
                basis = _basis(c.numerator, c.denominator, lang)
                rate = f"{format_percent(c.numerator, c.denominator, lang)} {basis}"
            rows.append(
                {
                    "name": "  " + c.name,
                    "rate": rate,
                    "points": format_points(c.points, lang),
                    "max": format_points(c.max, lang),
                    "threshold": _share(c.threshold, lang) if c.threshold is not None else "",
                }
            )
    footer = score_lines(report, lang)
    if report.overridden:
        footer.append(text("score.overridden", lang, criteria=report.overridden))
    footer.append(report.note)
    return Table(title=score_title(report, lang), columns=columns, rows=rows, footer=footer)


def _basis(numerator: int, denominator: int, lang: Lang) -> str:
    from cchc_kpi.i18n.numfmt import format_int

    return f"({format_int(numerator, lang)}/{format_int(denominator, lang)})"


def unit_score_table(report: Score766Report, lang: Lang) -> Table:
    """One row per unit: its points per group, total and computable maximum."""
    groups = [g.id for g in report.groups]
    columns = [
        Column(key="unit", label=text("key.unit", lang)),
        Column(key="level", label=text("unit.level", lang)),
        *[Column(key=g.id, label=g.group, kind="float") for g in report.groups],
        Column(key="total", label=text("score.points", lang), kind="float"),
        Column(key="computable", label=text("score.max", lang), kind="float"),
    ]
    rows = []
    for unit in report.units or []:
        points = {g.id: format_points(g.points, lang) for g in unit.groups}
        rows.append(
            {
                "unit": unit.unit,
                "level": text(f"level.{unit.level}", lang),
                **{g: points.get(g, "–") for g in groups},
                "total": format_points(unit.total_points, lang),
                "computable": format_points(unit.computable_max, lang),
            }
        )
    return Table(title=text("score.title_unit", lang), columns=columns, rows=rows)


def _machine_rows(score: Score, unit: str, level: str | None) -> list[dict[str, Any]]:
    return [
        {
            "unit": unit,
            "level": level,
            "group_id": g.id,
            "group": g.group,
            "criterion_id": c.id,
            "criterion": c.name,
            "rate": c.rate,
            "numerator": c.numerator,
            "denominator": c.denominator,
            "points": c.points,
            "max": c.max,
            "threshold": c.threshold,
            "reason": c.reason,
        }
        for g in score.groups
        for c in g.criteria
    ]


def score_machine_table(report: Score766Report) -> Table:
    """CSV/TSV rows: one per criterion of each unit, then of the whole (unit TOTAL)."""
    rows = []
    for unit in report.units or []:
        rows += _machine_rows(unit, unit.unit, unit.level)
    rows += _machine_rows(report, TOTAL, None)
    return Table(columns=[Column(key=k, label=k) for k in MACHINE_COLUMNS], rows=rows)


def catalog_table(counts: list[dict[str, Any]], lang: Lang) -> Table:
    """Procedures by service level per tier (as the published reports count them)."""
    keys = ("full", "partial", "info", "total", "fee")
    columns = [Column(key="tier", label=text("catalog.tier", lang))]
    columns += [Column(key=k, label=text(f"catalog.{k}", lang), kind="int") for k in keys]
    rows = [{**row, "tier": text(f"tier.{row['tier']}", lang)} for row in counts]
    return Table(title=text("catalog.title", lang), columns=columns, rows=rows)
