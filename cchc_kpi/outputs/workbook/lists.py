"""A list as a workbook of its own: ``overdue --output hoso-qua-han.xlsx`` (and later lists
of dossiers): one titled sheet, dates as dates, counts as numbers."""

from __future__ import annotations

from pathlib import Path

from cchc_kpi.atomic import atomic_path
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.views import overdue_table
from cchc_kpi.outputs.workbook.cells import (
    SheetColumn,
    close_workbook,
    make_formats,
    new_workbook,
    write_table_sheet,
)
from cchc_kpi.report.overdue import OverdueReport

WHEN_COLUMNS = ("received_at", "due_at", "closed_at", "apology_at")


def write_overdue_workbook(path: Path, report: OverdueReport, lang: Lang) -> None:
    """The overdue list as a one-sheet workbook (the table's labels, raw dates)."""
    table = overdue_table(report, lang)
    columns = [
        SheetColumn(
            c.key, c.label, "when" if c.key in WHEN_COLUMNS else ("count" if c.kind == "int" else "text")
        )
        for c in table.columns
    ]
    rows = [
        {**shown, **{k: raw[k] for k in WHEN_COLUMNS}}
        for shown, raw in zip(table.rows, report.rows, strict=True)
    ]
    with atomic_path(path) as tmp:
        workbook = new_workbook(tmp)
        sheet = workbook.add_worksheet(table.title[:31])
        write_table_sheet(sheet, columns, rows, make_formats(workbook), table.title, lang=lang)
        close_workbook(workbook, path, lang)
