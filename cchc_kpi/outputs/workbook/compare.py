"""The comparison and trend sheets of the Excel report: every metric this period and in
the earlier one with the change (improvements green, worsenings red), and the monthly
trend with a line chart."""

from __future__ import annotations

from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.kpi.comparison import direction
from cchc_kpi.kpi.metrics import METRICS
from cchc_kpi.outputs.workbook.cells import (
    FONT,
    Formats,
    SheetColumn,
    write_cell,
    write_table_sheet,
    write_top,
)
from cchc_kpi.outputs.workbook.rates import axis_floor
from cchc_kpi.report.model import Report

CHANGE_COLOURS = {"better": ("#006100", "#C6EFCE"), "worse": ("#9C0006", "#FFC7CE"), None: (None, None)}
TREND_METRICS = ("received_new", "resolved", "on_time_rate", "online_rate")


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
    if report.compare is None:
        return
    earlier = report.compare.period
    title = text(
        f"compare.title_{report.compare.kind}",
        lang,
        label=earlier.label,
        start=earlier.start,
        end=earlier.end,
    )
    row = write_top(sheet, title[:1].upper() + title[1:], formats, marker)
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
    shown = [r.get(c.key) for r in rows for c in columns[1:] if c.kind == "rate"]
    rates.set_y2_axis({"num_format": "0%", "min": axis_floor(shown), "max": 1})
    lines.combine(rates)
    lines.set_title({"name": text("trend.title", lang)})
    lines.set_size({"width": 760, "height": 380})
    lines.set_legend({"position": "bottom"})
    sheet.insert_chart(header, len(columns) + 1, lines)
