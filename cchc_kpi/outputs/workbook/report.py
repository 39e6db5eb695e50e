"""The Excel report an officer files as it is (``report --output report.xlsx``).

Sheets: Biểu 06 (the official form), Chỉ tiêu (every rate with numerator and
denominator, and native charts), Theo đơn vị, Theo lĩnh vực, Hồ sơ quá hạn,
Dữ liệu lỗi (rejected rows, never cell values), Báo cáo (the written-report
paragraphs), Điểm QĐ 766 (the estimate), then as asked: So sánh (--compare),
Xu hướng (--by month: the monthly trend chart), Danh mục TTHC (--catalog); last
Thông tin (period, inputs with size, SHA-256 and coverage, accounting, warnings,
version). "DỮ LIỆU MẪU" on every sheet for the sample.
Written with xlsxwriter to a temporary file, then renamed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from cchc_kpi._version import __version__
from cchc_kpi.atomic import atomic_path
from cchc_kpi.calendar.periods import resolve_period
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.pipeline import Dataset
from cchc_kpi.kpi.metrics import METRICS
from cchc_kpi.outputs.narrative import narrative, period_phrase
from cchc_kpi.outputs.workbook.bieu06 import write_bieu06
from cchc_kpi.outputs.workbook.cells import (
    Formats,
    SheetColumn,
    make_formats,
    sheet_names,
    write_cell,
    write_lines_sheet,
    write_paragraphs,
    write_table_sheet,
)
from cchc_kpi.outputs.workbook.score766 import (
    write_catalog_sheet,
    write_compare_sheet,
    write_score_sheet,
    write_trend_sheet,
)
from cchc_kpi.report.build import ReportOptions, prepared_dossiers, report_from_dataset, unit_names
from cchc_kpi.report.model import Report
from cchc_kpi.report.overdue import COLUMNS as OVERDUE_COLUMNS
from cchc_kpi.report.overdue import OverdueReport, overdue_list
from cchc_kpi.report.score766 import score766_report

SHEET_KEYS = ("bieu06", "rates", "by_unit", "by_field", "overdue", "rejected", "narrative", "score766")
MAX_CHART_UNITS = 30


def file_digest(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _metric_columns(lang: Lang) -> list[SheetColumn]:
    kinds = {"count": "count", "money": "money", "rate": "rate"}
    return [SheetColumn(m.name, text(f"metric.{m.name}", lang), kinds[m.kind]) for m in METRICS]


def _grouped(report: Report, keys: list[str], lang: Lang) -> list[dict[str, Any]]:
    rows = []
    for row in report.rows:
        shown = dict(row)
        if "level" in keys and row.get("level") not in (None, "SUBTOTAL"):
            shown["level"] = text(f"level.{row['level']}", lang)
        for key in keys:
            if shown.get(key) == "SUBTOTAL":
                shown[key] = text("label.subtotal", lang)
        rows.append(shown)
    if report.total is not None:
        rows.append({**report.total, **dict.fromkeys(keys, text("label.total", lang))})
    return rows


def _rates_sheet(
    sheet: Any,
    workbook: Any,
    report: Report,
    by_unit: Report,
    formats: Formats,
    lang: Lang,
    sample: str | None,
) -> None:
    total = report.total or {}
    rows = []
    for metric in (m for m in METRICS if m.kind == "rate"):
        assert metric.numerator is not None and metric.denominator is not None
        passed = total.get(f"{metric.name}_pass")
        rows.append(
            {
                "metric": text(f"metric.{metric.name}", lang),
                "numerator": total.get(metric.numerator),
                "denominator": total.get(metric.denominator),
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
    bars.set_x_axis({"num_format": "0%", "min": 0, "max": 1})
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


def _about(dataset: Dataset, report: Report, lang: Lang) -> list[tuple[str, Any]]:
    meta, period, acc = report.metadata, report.period, report.accounting
    lines: list[tuple[str, Any]] = [
        (text("about.period", lang), f"{period.label}: {period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"),
        (text("about.convention", lang), period.convention),
        (text("about.comparison", lang), f"{meta.comparison} ({meta.working_hours})"),
        (text("about.due_computed", lang), meta.due_dates_computed),
    ]
    if period.measured_at:
        lines.append((text("about.measured_at", lang), f"{period.measured_at:%d/%m/%Y}"))
    for item in dataset.inputs:
        path = Path(item.path)
        size = path.stat().st_size if path.is_file() else 0
        first = f"{item.received_first:%d/%m/%Y}" if item.received_first else "–"
        last = f"{item.received_last:%d/%m/%Y}" if item.received_last else "–"
        sheet = f" [{item.sheet}]" if item.sheet else ""
        detail = text("about.input_detail", lang, size=size, rows=item.rows_used, first=first, last=last)
        lines.append(
            (text("about.input", lang), f"{item.path}{sheet} — {detail} — SHA-256 {file_digest(path)}")
        )
    for key, value in acc.counts().items():
        lines.append((text(f"col.{key}", lang), value))
    for skipped in acc.skipped_files:
        lines.append((text("about.skipped", lang), f"{skipped.path}: {skipped.reason}"))
    for warning in report.warnings:
        lines.append((text("validate.warnings", lang), warning))
    for key, choice in meta.choices.items():
        lines.append((text("about.choice", lang, name=key), choice))
    lines.append((text("about.version", lang), f"cchc-kpi {__version__}"))
    lines.append((text("about.generated", lang), meta.generated_at.strftime("%d/%m/%Y %H:%M")))
    return lines


def write_report_workbook(
    path: Path, dataset: Dataset, options: ReportOptions, report: Report, lang: Lang, sample: bool
) -> None:
    """Write the full workbook for ``report`` (computed from ``dataset`` with ``options``)."""
    import xlsxwriter

    prepared = prepared_dossiers(dataset, options)  # once for every sheet's grouping

    def grouped(by: list[str]) -> Report:
        regrouped = options.model_copy(update={"by": by, "total": True})
        return report_from_dataset(dataset, regrouped, lang=lang, prepared=prepared)

    form_by = ["field"] if len(unit_names(dataset, options, prepared)) == 1 else ["level", "unit"]
    form, by_unit, by_field = grouped(form_by), grouped(["level", "unit"]), grouped(["field"])
    overdue = overdue_list(dataset, options, prepared=prepared)
    paragraphs = narrative(dataset, options, lang, prepared=prepared)
    marker = text("report.sample", lang) if sample else None
    period = resolve_period(options.period, options.convention, options.as_of)
    phrase = period_phrase(period, lang)
    phrase = phrase[:1].upper() + phrase[1:]
    score = score766_report(dataset, options, lang=lang, sample=sample, prepared=prepared)
    keys = [*SHEET_KEYS, *_optional_sheets(options), "about"]
    names = sheet_names([text(f"sheet.{k}", lang) for k in keys])
    with atomic_path(path) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        )
        workbook.set_properties({"title": text("bieu06.title", lang), "comments": f"cchc-kpi {__version__}"})
        formats = make_formats(workbook)
        sheets = dict(zip(keys, (workbook.add_worksheet(n) for n in names), strict=True))
        write_bieu06(sheets["bieu06"], form, form_by[-1], phrase, formats, lang, marker)
        _rates_sheet(sheets["rates"], workbook, report, by_unit, formats, lang, marker)
        _table_sheets(sheets, dataset, by_unit, by_field, overdue, formats, lang, marker)
        write_paragraphs(sheets["narrative"], text("sheet.narrative", lang), paragraphs, formats, marker)
        write_score_sheet(sheets["score766"], score, formats, lang, marker)
        if "compare" in sheets:
            write_compare_sheet(sheets["compare"], workbook, report, formats, lang, marker)
        if "trend" in sheets:
            by_month = grouped(["month"])
            write_trend_sheet(sheets["trend"], workbook, by_month, formats, lang, marker)
        if "catalog" in sheets and score.catalog:
            write_catalog_sheet(sheets["catalog"], score.catalog, formats, lang, marker)
        write_lines_sheet(
            sheets["about"], text("sheet.about", lang), _about(dataset, report, lang), formats, marker
        )
        workbook.close()


def _optional_sheets(options: ReportOptions) -> list[str]:
    """The sheets a run asks for: comparison, monthly trend, catalogue."""
    wanted = [("compare", options.compare is not None), ("trend", "month" in options.by),
              ("catalog", options.catalog is not None)]  # fmt: skip
    return [key for key, asked in wanted if asked]


def _table_sheets(
    sheets: dict[str, Any],
    dataset: Dataset,
    by_unit: Report,
    by_field: Report,
    overdue: OverdueReport,
    formats: Formats,
    lang: Lang,
    marker: str | None,
) -> None:
    """The by-unit, by-field, overdue and rejected-rows sheets."""
    level_unit = [SheetColumn("level", text("key.level", lang)), SheetColumn("unit", text("key.unit", lang))]
    unit_rows = _grouped(by_unit, ["level", "unit"], lang)
    unit_title = text("sheet.by_unit", lang)
    write_table_sheet(
        sheets["by_unit"], [*level_unit, *_metric_columns(lang)], unit_rows, formats, unit_title, marker
    )
    field_columns = [SheetColumn("field", text("key.field", lang)), *_metric_columns(lang)]
    field_rows = _grouped(by_field, ["field"], lang)
    write_table_sheet(
        sheets["by_field"], field_columns, field_rows, formats, text("sheet.by_field", lang), marker
    )
    overdue_columns = [SheetColumn(k, text(f"overdue.{k}", lang), _overdue_kind(k)) for k in OVERDUE_COLUMNS]
    overdue_rows = [
        {
            **r,
            "kind": text(f"overdue.kind_{r['kind']}", lang),
            "apology": text(f"overdue.apology_{r['apology']}", lang) if r["apology"] else None,
        }
        for r in overdue.rows
    ]
    title = text("overdue.title", lang, label=overdue.period.label, day=f"{overdue.measured_at:%d/%m/%Y}")
    write_table_sheet(sheets["overdue"], overdue_columns, overdue_rows, formats, title, marker)
    rejected_columns = [SheetColumn(k, text(f"col.{k}", lang)) for k in ("row", "file", "column", "reason")]
    rejected_rows = [r.model_dump() for r in dataset.rejected_rows(lang)]
    rejected_title = text("validate.rejected", lang)
    write_table_sheet(sheets["rejected"], rejected_columns, rejected_rows, formats, rejected_title, marker)


def _overdue_kind(key: str) -> str:
    if key in ("received_at", "due_at", "closed_at", "apology_at"):
        return "when"
    return "count" if key == "working_days_late" else "text"
