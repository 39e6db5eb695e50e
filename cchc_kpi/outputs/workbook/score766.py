"""The QĐ 766 sheets: the estimate (groups and criteria), the per-unit scores and the
procedure catalogue counts; and the stand-alone workbook of ``score766 --output file.xlsx``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_kpi.atomic import atomic_path
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.score766_tables import score_lines
from cchc_kpi.outputs.workbook.cells import (
    LINE_POINTS,
    Formats,
    SheetColumn,
    cell_text,
    close_workbook,
    make_formats,
    new_workbook,
    sheet_names,
    write_cell,
    write_table_sheet,
    write_top,
)
from cchc_kpi.report.score766 import Score766Report

NOTE_CHARS = 170  # a landscape A4 line of the notes under the table


def write_score_sheet(
    sheet: Any, report: Score766Report, formats: Formats, lang: Lang, marker: str | None
) -> None:
    """The estimate: each group (bold) and its criteria with rate, numerator,
    denominator, points, maximum, threshold and the reason when not computed."""
    from cchc_kpi.outputs.score766_tables import score_title

    row = write_top(sheet, score_title(report, lang, marked=False), formats, marker)
    header = row
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
    for line in [*score_lines(report, lang), report.note]:  # across the table's width, wrapped
        sheet.merge_range(row, 0, row, 7, cell_text(line), formats.wrap)
        sheet.set_row(row, LINE_POINTS * (1 + len(line) // NOTE_CHARS))
        row += 1
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 6, 11)
    sheet.set_column(7, 7, 40)
    sheet.set_row(header, 32)
    sheet.repeat_rows(header)
    sheet.set_landscape()
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)


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


def write_score_workbook(path: Path, report: Score766Report, lang: Lang) -> None:
    """``score766 --output file.xlsx``: the estimate, per unit, and the catalogue counts."""
    marker = text("report.sample", lang) if report.sample else None
    keys = (
        ["score766"]
        + (["by_unit"] if report.units is not None else [])
        + (["catalog"] if report.catalog else [])
    )
    names = sheet_names([text(f"sheet.{k}", lang) for k in keys])
    with atomic_path(path) as tmp:
        workbook = new_workbook(tmp)
        formats = make_formats(workbook)
        sheets = dict(zip(keys, (workbook.add_worksheet(n) for n in names), strict=True))
        write_score_sheet(sheets["score766"], report, formats, lang, marker)
        if "by_unit" in sheets:
            write_unit_scores(sheets["by_unit"], report, formats, lang, marker)
        if report.catalog:
            write_catalog_sheet(sheets["catalog"], report.catalog, formats, lang, marker)
        close_workbook(workbook, path, lang)
