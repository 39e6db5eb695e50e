"""The "Chỉ tiêu" sheet: every rate with its numerator, denominator, target and verdict,
and two native charts (the on-time rate per unit, or per level when units are many;
the channel mix)."""

from __future__ import annotations

from typing import Any

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.kpi.metrics import RATES
from cchc_kpi.outputs.workbook.cells import Formats, SheetColumn, write_cell, write_table_sheet
from cchc_kpi.report.model import Report

MAX_CHART_UNITS = 30


def write_rates_sheet(
    sheet: Any,
    workbook: Any,
    report: Report,
    by_unit: Report,
    formats: Formats,
    lang: Lang,
    sample: str | None,
) -> None:
    """Every rate of the total with numerator, denominator, target and verdict; then the charts."""
    total = report.total or {}
    rows = []
    for metric in RATES:
        passed = total.get(f"{metric.name}_pass")
        rows.append(
            {
                "metric": text(f"metric.{metric.name}", lang),
                "numerator": total.get(metric.numerator or ""),
                "denominator": total.get(metric.denominator or ""),
                "rate": total.get(metric.name),
                "rate_pass": passed,
                "target": total.get(f"{metric.name}_target"),
                "passed": None if passed is None else text("target.pass" if passed else "target.fail", lang),
            }
        )
    columns = [
        SheetColumn("metric", text("report.metric", lang), width=48),
        SheetColumn("numerator", text("workbook.numerator", lang), "count", 14),
        SheetColumn("denominator", text("workbook.denominator", lang), "count", 14),
        SheetColumn("rate", text("workbook.rate", lang), "rate", 12),
        SheetColumn("target", text("target.header", lang), "rate", 14),
        SheetColumn("passed", text("target.pass", lang), "text", 12),
    ]
    write_table_sheet(sheet, columns, rows, formats, text("workbook.rates_title", lang), sample)
    _charts(sheet, workbook, total, by_unit, formats, lang)


def axis_floor(rates: list[float | None]) -> float:
    """Where a rate axis starts: a tenth below the lowest rate (0.97–1 → from 90%), so that
    differences between units show; from 0 when a rate is below 20%."""
    import math

    known = [r for r in rates if r is not None]
    if not known or min(known) < 0.2:
        return 0.0
    return math.floor((min(known) - 0.02) * 10) / 10


def _charts(
    sheet: Any, workbook: Any, total: dict[str, Any], by_unit: Report, formats: Formats, lang: Lang
) -> None:
    """Native charts: on-time rate per unit (per level when units are many) and the channel mix."""
    details = [r for r in by_unit.rows if r["row_type"] == "detail"]
    if len(details) > MAX_CHART_UNITS:
        points = [
            (text(f"level.{r['level']}", lang), r["on_time_rate"])
            for r in by_unit.rows
            if r["row_type"] == "subtotal"
        ]
    else:
        points = [(str(r["unit"]), r["on_time_rate"]) for r in details]
    col, top = 6, 2
    sheet.write_string(top, col, text("key.unit", lang), formats.head)
    sheet.write_string(top, col + 1, text("metric.on_time_rate", lang), formats.head)
    for i, (name, rate) in enumerate(points, start=1):
        sheet.write_string(top + i, col, name, formats.text)
        write_cell(sheet, top + i, col + 1, rate, formats.text, formats.rate)
    name = sheet.get_name()
    bars = workbook.add_chart({"type": "bar"})
    bars.add_series(
        {
            "name": text("metric.on_time_rate", lang),
            "categories": [name, top + 1, col, top + len(points), col],
            "values": [name, top + 1, col + 1, top + len(points), col + 1],
        }
    )
    bars.set_x_axis({"num_format": "0%", "min": axis_floor([rate for _, rate in points]), "max": 1})
    bars.set_title({"name": text("metric.on_time_rate", lang)})
    bars.set_legend({"none": True})
    bars.set_size({"width": 620, "height": max(300, 22 * len(points))})
    sheet.insert_chart(top, col + 3, bars)
    mix_top = top + len(points) + 3
    channels = [
        ("channel.online", "received_online"),
        ("channel.direct", "received_direct"),
        ("channel.postal", "received_postal"),
    ]
    for i, (label, key) in enumerate(channels):
        sheet.write_string(mix_top + i, col, text(label, lang), formats.text)
        write_cell(sheet, mix_top + i, col + 1, total.get(key), formats.count)
    pie = workbook.add_chart({"type": "pie"})
    pie.add_series(
        {
            "name": text("workbook.channel_mix", lang),
            "categories": [name, mix_top, col, mix_top + 2, col],
            "values": [name, mix_top, col + 1, mix_top + 2, col + 1],
            "data_labels": {"percentage": True},
        }
    )
    pie.set_title({"name": text("workbook.channel_mix", lang)})
    sheet.insert_chart(mix_top + 4, col + 3, pie)
