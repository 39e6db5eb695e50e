"""Sheets of the Excel report beyond the Biểu 06 form and the tables: the QĐ 766
estimate, the procedure catalogue counts, the comparison with an earlier period
(improvements green, worsenings red) and the monthly trend with a line chart.
Also the stand-alone workbook of ``score766 --output file.xlsx``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_kpi.atomic import atomic_path
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.kpi.comparison import direction
from cchc_kpi.kpi.metrics import METRICS
from cchc_kpi.outputs.score766_tables import score_lines
from cchc_kpi.outputs.workbook.cells import (
    FONT,
    Formats,
    SheetColumn,
    cell_text,
    make_formats,
    sheet_names,
    write_cell,
    write_table_sheet,
)
from cchc_kpi.report.model import Report
from cchc_kpi.report.score766 import Score766Report

CHANGE_COLOURS = {"better": ("#006100", "#C6EFCE"), "worse": ("#9C0006", "#FFC7CE"), None: (None, None)}
TREND_METRICS = ("received_new", "resolved", "on_time_rate", "online_rate")


def _top(sheet: Any, title: str, formats: Formats, marker: str | None) -> int:
    """Write the sample marker and the title; return the next free row."""
    row = 0
    if marker:
        sheet.write_string(row, 0, marker, formats.sample)
        row += 1
    sheet.write_string(row, 0, cell_text(title), formats.bold_text)
    return row + 2


def write_score_sheet(
    sheet: Any, report: Score766Report, formats: Formats, lang: Lang, marker: str | None
) -> None:
    """The estimate: each group (bold) and its criteria with rate, numerator,
    denominator, points, maximum, threshold and the reason when not computed."""
    from cchc_kpi.outputs.score766_tables import score_title

    row = _top(sheet, score_title(report, lang, marked=False), formats, marker)
    heads = ["score.group", "score.rate", "workbook.numerator", "workbook.denominator", "score.points",
             "score.max", "score.threshold", "score.not_computable"]  # fmt: skip
    for col, key in enumerate(heads):
        sheet.write_string(row, col, text(key, lang), formats.head)
    for group in report.groups:
        row += 1
        sheet.write_string(row, 0, group.group, formats.bold_text)
        for col in (1, 2, 3, 6, 7):
            sheet.write_blank(row, col, None, formats.bold_text)
        write_cell(sheet, row, 4, group.points, formats.bold_text, formats.bold_points)
        write_cell(sheet, row, 5, group.max, formats.bold_text, formats.bold_points)
        for c in group.criteria:
            row += 1
            sheet.write_string(row, 0, "   " + c.name, formats.text)
            write_cell(sheet, row, 1, c.rate, formats.text, formats.rate)
            write_cell(sheet, row, 2, c.numerator, formats.text, formats.count)
            write_cell(sheet, row, 3, c.denominator, formats.text, formats.count)
            write_cell(sheet, row, 4, c.points, formats.text, formats.points)
            write_cell(sheet, row, 5, c.max, formats.text, formats.points)
            write_cell(sheet, row, 6, c.threshold, formats.text, formats.rate)
            write_cell(sheet, row, 7, c.reason, formats.text)
    row += 2
    for line in [*score_lines(report, lang), report.note]:
        sheet.write_string(row, 0, cell_text(line), formats.wrap)
        row += 1
    sheet.set_column(0, 0, 62)
    sheet.set_column(1, 6, 12)
    sheet.set_column(7, 7, 60)


def write_unit_scores(
    sheet: Any, report: Score766Report, formats: Formats, lang: Lang, marker: str | None
) -> None:
    """One row per unit with its points per group."""
    columns = [SheetColumn("unit", text("key.unit", lang)), SheetColumn("level", text("unit.level", lang))]
    columns += [SheetColumn(g.id, g.group, "points") for g in report.groups]
    columns += [SheetColumn("total", text("score.points", lang), "points"),
                SheetColumn("computable", text("score.max", lang), "points")]  # fmt: skip
    rows = [
        {
            "unit": u.unit,
            "level": text(f"level.{u.level}", lang),
            **{g.id: g.points for g in u.groups},
            "total": u.total_points,
            "computable": u.computable_max,
        }
        for u in report.units or []
    ]
    write_table_sheet(sheet, columns, rows, formats, text("score.title_unit", lang), marker)


def write_catalog_sheet(
    sheet: Any, counts: list[dict[str, Any]], formats: Formats, lang: Lang, marker: str | None
) -> None:
    """Procedures by service level per tier."""
    keys = ("full", "partial", "info", "total", "fee")
    columns = [SheetColumn("tier", text("catalog.tier", lang), width=28)]
    columns += [SheetColumn(k, text(f"catalog.{k}", lang), "count", 16) for k in keys]
    rows = [{**r, "tier": text(f"tier.{r['tier']}", lang)} for r in counts]
    write_table_sheet(sheet, columns, rows, formats, text("catalog.title", lang), marker)


def _change_format(workbook: Any, cache: dict[tuple[str, Any], Any], kind: str, moved: Any) -> Any:
    key = (kind, moved)
    if key not in cache:
        font, fill = CHANGE_COLOURS[moved]
        spec: dict[str, Any] = {"font_name": FONT, "font_size": 11, "border": 1}
        spec["num_format"] = "+0.00;-0.00;0" if kind == "rate" else "+#,##0;-#,##0;0"
        if font:
            spec.update(font_color=font, bg_color=fill, bold=True)
        cache[key] = workbook.add_format(spec)
    return cache[key]


def write_compare_sheet(
    sheet: Any, workbook: Any, report: Report, formats: Formats, lang: Lang, marker: str | None
) -> None:
    """Every metric this period and in the earlier one, with the change (percentage
    points for rates): improvements green, worsenings red."""
    assert report.compare is not None
    earlier = report.compare.period
    title = text(
        f"compare.title_{report.compare.kind}",
        lang,
        label=earlier.label,
        start=f"{earlier.start:%d/%m/%Y}",
        end=f"{earlier.end:%d/%m/%Y}",
    )
    row = _top(sheet, title[:1].upper() + title[1:], formats, marker)
    heads = [text("report.metric", lang), text("compare.current", lang),
             text(f"compare.label_{report.compare.kind}", lang), text("compare.change", lang)]  # fmt: skip
    for col, head in enumerate(heads):
        sheet.write_string(row, col, head, formats.head)
    total = report.total or {}
    cache: dict[tuple[str, Any], Any] = {}
    for metric in METRICS:
        row += 1
        number = {"rate": formats.rate, "money": formats.money}.get(metric.kind, formats.count)
        sheet.write_string(row, 0, text(f"metric.{metric.name}", lang), formats.text)
        write_cell(sheet, row, 1, total.get(metric.name), formats.text, number)
        write_cell(sheet, row, 2, total.get(f"{metric.name}_prev"), formats.text, number)
        delta = total.get(f"{metric.name}_change")
        fmt = _change_format(workbook, cache, metric.kind, direction(metric.name, delta))
        write_cell(sheet, row, 3, delta, formats.text, fmt)
    sheet.set_column(0, 0, 48)
    sheet.set_column(1, 3, 16)
    sheet.freeze_panes(3 if not marker else 4, 1)


def write_trend_sheet(
    sheet: Any, workbook: Any, by_month: Report, formats: Formats, lang: Lang, marker: str | None
) -> None:
    """Dossiers received and resolved per month (lines), and the on-time and online
    rates on a second axis."""
    columns = [SheetColumn("month", text("key.month", lang), width=12)]
    kinds = {"count": "count", "rate": "rate", "money": "money"}
    columns += [
        SheetColumn(m.name, text(f"metric.{m.name}", lang), kinds[m.kind], 18)
        for m in METRICS
        if m.name in TREND_METRICS
    ]
    rows = [r for r in by_month.rows if r.get("row_type") == "detail"]
    write_table_sheet(sheet, columns, rows, formats, text("trend.title", lang), marker)
    if len(rows) < 2:
        return
    name = sheet.get_name()
    header = 3 if marker else 2
    first, last = header + 1, header + len(rows)
    lines = workbook.add_chart({"type": "line"})
    rates = workbook.add_chart({"type": "line"})
    for col, column in enumerate(columns[1:], start=1):
        series = {
            "name": [name, header, col],
            "categories": [name, first, 0, last, 0],
            "values": [name, first, col, last, col],
            "marker": {"type": "circle"},
        }
        if column.kind == "rate":
            rates.add_series({**series, "y2_axis": True, "line": {"dash_type": "dash"}})
        else:
            lines.add_series(series)
    rates.set_y2_axis({"num_format": "0%", "min": 0, "max": 1})
    lines.combine(rates)
    lines.set_title({"name": text("trend.title", lang)})
    lines.set_size({"width": 760, "height": 380})
    lines.set_legend({"position": "bottom"})
    sheet.insert_chart(header, len(columns) + 1, lines)


def write_score_workbook(path: Path, report: Score766Report, lang: Lang) -> None:
    """``score766 --output file.xlsx``: the estimate, per unit, and the catalogue counts."""
    import xlsxwriter

    marker = text("report.sample", lang) if report.sample else None
    keys = (
        ["score766"]
        + (["by_unit"] if report.units is not None else [])
        + (["catalog"] if report.catalog else [])
    )
    names = sheet_names([text(f"sheet.{k}", lang) for k in keys])
    with atomic_path(path) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        )
        formats = make_formats(workbook)
        sheets = dict(zip(keys, (workbook.add_worksheet(n) for n in names), strict=True))
        write_score_sheet(sheets["score766"], report, formats, lang, marker)
        if "by_unit" in sheets:
            write_unit_scores(sheets["by_unit"], report, formats, lang, marker)
        if report.catalog:
            write_catalog_sheet(sheets["catalog"], report.catalog, formats, lang, marker)
        workbook.close()
