"""A list as a workbook of its own: ``overdue --output hoso-qua-han.xlsx``, ``dossiers
--metric … --output ds.xlsx``: one titled sheet, dates as dates, counts as numbers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cchc_kpi.atomic import atomic_path
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.tables import Table
from cchc_kpi.outputs.workbook.cells import (
    SheetColumn,
    close_workbook,
    make_formats,
    new_workbook,
    write_table_sheet,
)

WHEN_COLUMNS = ("received_at", "due_at", "closed_at", "apology_at")


def write_list_workbook(path: Path, table: Table, raw: Sequence[dict[str, Any]], lang: Lang) -> None:
    """A list as a one-sheet workbook: the table's labels and words, its dates as dates."""

    def kind(column: Any) -> str:
        return "when" if column.key in WHEN_COLUMNS else ("count" if column.kind == "int" else "text")

    columns = [SheetColumn(c.key, c.label, kind(c)) for c in table.columns]
    dates = [{k: r[k] for k in WHEN_COLUMNS if k in r} for r in raw]
    rows = [{**shown, **when} for shown, when in zip(table.rows, dates, strict=True)]
    with atomic_path(path) as tmp:
        workbook = new_workbook(tmp)
        sheet = workbook.add_worksheet((table.title or "")[:31] or "Sheet1")
        write_table_sheet(sheet, columns, rows, make_formats(workbook), table.title or "", lang=lang)
        close_workbook(workbook, path, lang)
