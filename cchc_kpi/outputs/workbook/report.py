"""The Excel report an officer files as it is (``report --output report.xlsx``).

Sheets: Biểu 06 (the official form), Chỉ tiêu (every rate with numerator and
denominator, and native charts), Theo đơn vị, Theo lĩnh vực, Hồ sơ quá hạn,
Dữ liệu lỗi (rejected rows, never cell values), Báo cáo (the written-report
paragraphs), Điểm QĐ 766 (the estimate), then as asked: So sánh (--compare),
Xu hướng (--by month: the monthly trend chart), Danh mục TTHC (--catalog); last
Thông tin (period, inputs with size, SHA-256 and coverage, accounting, warnings,
version). "DỮ LIỆU MẪU" on every sheet for the sample.

The writer only writes: every figure and list comes computed in a
:class:`~cchc_kpi.report.bundle.WorkbookContent`. Written with xlsxwriter to a
temporary file beside the target, then renamed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_kpi._version import __version__
from cchc_kpi.atomic import atomic_path
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_date, format_datetime
from cchc_kpi.kpi.metrics import METRICS
from cchc_kpi.outputs.form import FormSignature
from cchc_kpi.outputs.narrative import narrative, period_phrase
from cchc_kpi.outputs.workbook.bieu06 import write_bieu06
from cchc_kpi.outputs.workbook.cells import (
    Formats,
    SheetColumn,
    close_workbook,
    make_formats,
    new_workbook,
    sheet_names,
    write_lines_sheet,
    write_paragraphs,
    write_table_sheet,
)
from cchc_kpi.outputs.workbook.compare import write_compare_sheet, write_trend_sheet
from cchc_kpi.outputs.workbook.rates import write_rates_sheet
from cchc_kpi.outputs.workbook.score766 import write_catalog_sheet, write_score_sheet
from cchc_kpi.report.bundle import WorkbookContent
from cchc_kpi.report.model import Report
from cchc_kpi.report.overdue import COLUMNS as OVERDUE_COLUMNS

SHEET_KEYS = ("bieu06", "rates", "by_unit", "by_field", "overdue", "rejected", "narrative", "score766")


def _metric_columns(lang: Lang) -> list[SheetColumn]:
    kinds = {"count": "count", "money": "money", "rate": "rate"}
    return [SheetColumn(m.name, text(f"metric.{m.name}", lang), kinds[m.kind]) for m in METRICS]


def _target_columns(report: Report, lang: Lang) -> list[SheetColumn]:
    """A "Chỉ tiêu giao" column per targeted metric (the rows' ``<metric>_target``), in the
    order the metrics are listed."""
    row = report.total or (report.rows[0] if report.rows else {})
    by_name = {c.key: c for c in _metric_columns(lang)}
    return [
        SheetColumn(
            f"{key}_target", f"{text('target.header', lang)}: {text(f'short.{key}', lang)}", column.kind
        )
        for key, column in by_name.items()
        if f"{key}_target" in row
    ]


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


def _about(content: WorkbookContent, lang: Lang) -> list[tuple[str, Any]]:
    report = content.report
    meta, period, acc = report.metadata, report.period, report.accounting
    lines: list[tuple[str, Any]] = [
        (
            text("about.period", lang),
            f"{period.label}: {format_date(period.start)} – {format_date(period.end)}",
        ),
        (text("about.convention", lang), period.convention),
        (text("about.comparison", lang), f"{meta.comparison} ({meta.working_hours})"),
        (text("about.due_computed", lang), meta.due_dates_computed),
    ]
    if period.measured_at:
        lines.append((text("about.measured_at", lang), format_date(period.measured_at)))
    for item in content.inputs:
        first = item.received_first or "–"
        last = item.received_last or "–"
        sheet = f" [{item.sheet}]" if item.sheet else ""
        detail = text("about.input_detail", lang, size=item.size, rows=item.rows_used, first=first, last=last)
        lines.append((text("about.input", lang), f"{item.path}{sheet} — {detail} — SHA-256 {item.sha256}"))
    for key, value in acc.counts().items():
        lines.append((text(f"col.{key}", lang), value))
    for skipped in acc.skipped_files:
        lines.append((text("about.skipped", lang), f"{skipped.path}: {skipped.reason}"))
    for warning in report.warnings:
        lines.append((text("validate.warnings", lang), warning))
    for key, choice in meta.choices.items():
        lines.append((text("about.choice", lang, name=key), choice))
    lines.append((text("about.version", lang), f"cchc-kpi {__version__}"))
    lines.append((text("about.generated", lang), format_datetime(meta.generated_at)))
    return lines


def write_report_workbook(
    path: Path, content: WorkbookContent, lang: Lang, form: FormSignature | None = None
) -> None:
    """Write the full workbook of ``content`` to ``path`` (``form``: who reports and signs)."""
    report = content.report
    marker = text("report.sample", lang) if content.sample else None
    phrase = period_phrase(content.written.period, lang)
    phrase = phrase[:1].upper() + phrase[1:]
    keys = [*SHEET_KEYS, *_optional_sheets(content), "about"]
    names = sheet_names([text(f"sheet.{k}", lang) for k in keys])
    with atomic_path(path) as tmp:
        workbook = new_workbook(tmp)
        workbook.set_properties({"title": text("bieu06.title", lang), "comments": f"cchc-kpi {__version__}"})
        formats = make_formats(workbook)
        sheets = dict(zip(keys, (workbook.add_worksheet(n) for n in names), strict=True))
        write_bieu06(sheets["bieu06"], content.form, content.form_by, phrase, formats, lang, marker, form,
                     content.only_unit)  # fmt: skip
        write_rates_sheet(sheets["rates"], workbook, report, content.by_unit, formats, lang, marker)
        _table_sheets(sheets, content, formats, lang, marker)
        paragraphs = narrative(content.written, lang)
        write_paragraphs(sheets["narrative"], text("sheet.narrative", lang), paragraphs, formats, marker)
        write_score_sheet(sheets["score766"], content.score, formats, lang, marker)
        if "compare" in sheets:
            write_compare_sheet(sheets["compare"], workbook, report, formats, lang, marker)
        if "trend" in sheets and content.by_month is not None:
            write_trend_sheet(sheets["trend"], workbook, content.by_month, formats, lang, marker)
        if "catalog" in sheets and content.score.catalog:
            write_catalog_sheet(sheets["catalog"], content.score.catalog, formats, lang, marker)
        write_lines_sheet(sheets["about"], text("sheet.about", lang), _about(content, lang), formats, marker)
        close_workbook(workbook, path, lang)


def _optional_sheets(content: WorkbookContent) -> list[str]:
    """The sheets a run asks for: comparison, monthly trend, catalogue."""
    wanted = [("compare", content.compare_sheet), ("trend", content.by_month is not None),
              ("catalog", content.catalog_sheet)]  # fmt: skip
    return [key for key, asked in wanted if asked]


def _table_sheets(
    sheets: dict[str, Any], content: WorkbookContent, formats: Formats, lang: Lang, marker: str | None
) -> None:
    """The by-unit, by-field, overdue and rejected-rows sheets."""
    by_unit, by_field, overdue = content.by_unit, content.by_field, content.overdue
    level_unit = [SheetColumn("level", text("key.level", lang)), SheetColumn("unit", text("key.unit", lang))]
    unit_rows = _grouped(by_unit, ["level", "unit"], lang)
    unit_title = text("sheet.by_unit", lang)
    unit_columns = [*level_unit, *_metric_columns(lang), *_target_columns(by_unit, lang)]
    write_table_sheet(sheets["by_unit"], unit_columns, unit_rows, formats, unit_title, marker)
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
    title = text("overdue.title", lang, label=overdue.period.label, day=overdue.measured_at)
    write_table_sheet(sheets["overdue"], overdue_columns, overdue_rows, formats, title, marker, lang)
    rejected_columns = [SheetColumn(k, text(f"col.{k}", lang)) for k in ("row", "file", "column", "reason")]
    rejected_rows = [r.model_dump() for r in content.rejected]
    rejected_title = text("validate.rejected", lang)
    write_table_sheet(
        sheets["rejected"], rejected_columns, rejected_rows, formats, rejected_title, marker, lang
    )


def _overdue_kind(key: str) -> str:
    if key in ("received_at", "due_at", "closed_at", "apology_at"):
        return "when"
    return "count" if key == "working_days_late" else "text"
