"""The ``inspect`` job: what cchc-kpi sees in one export file.

For each sheet: where the header is, which column is read as which field, the
columns left unread (names only; applicant columns flagged), the rows skipped by
kind, and the first dossier rows as parsed — only mapped fields, never a cell of
an unread column.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from cchc_kpi.errors import InputError
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import band_skips
from cchc_kpi.ingestion.dataset import IngestOptions
from cchc_kpi.ingestion.parse import SKIP, build_query, finish_parse
from cchc_kpi.ingestion.plan import plan_input
from cchc_kpi.ingestion.row_kinds import SKIP_KINDS
from cchc_kpi.read.grid import ROW
from cchc_kpi.read.grids import open_grids
from cchc_kpi.read.limits import Limits
from cchc_kpi.schema.personal import is_personal_header


class ColumnReading(BaseModel):
    """One column of the sheet and how it is read."""

    position: int
    header: str
    field: str | None = None
    personal: bool = False


class SheetInspection(BaseModel):
    """What one sheet holds and how it is read."""

    path: str
    sheet: str | None = None
    details: dict[str, str] = Field(default_factory=dict)
    header_rows: list[int] = Field(default_factory=list)
    numbered_row: int | None = None
    columns: list[ColumnReading] = Field(default_factory=list)
    skipped: dict[str, int] = Field(default_factory=dict)
    dossier_rows: int = 0
    preview: list[dict[str, Any]] = Field(default_factory=list)
    problem: str | None = None


class Inspection(BaseModel):
    """Every sheet of one file."""

    path: str
    sheets: list[SheetInspection]


def _shown(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.second == 0 else value.isoformat(sep=" ")
    return value


def inspect_file(
    path: Path,
    *,
    sheet: str | None = None,
    rows: int = 5,
    set_unit: str | None = None,
    lang: Lang = "vi",
    limits: Limits | None = None,
) -> Inspection:
    """Return how each sheet of ``path`` is read, with its first ``rows`` dossiers parsed."""
    import polars as pl

    sheets = []
    for grid in open_grids(path, sheet, limits or Limits()):
        found = SheetInspection(path=str(path), sheet=grid.sheet, details=grid.details)
        try:
            plan = plan_input(grid, 0, IngestOptions(set_unit=set_unit).reading(path))
        except InputError as err:
            found.problem = err.message.render(lang)
            sheets.append(found)
            continue
        by_index = {c.index: name for name, c in plan.mapping.columns.items()}
        found.header_rows = list(range(plan.band.first_row, plan.band.last_row + 1))
        found.numbered_row = plan.band.numbered_row
        found.columns = [
            ColumnReading(position=i + 1, header=h, field=by_index.get(i), personal=is_personal_header(h))
            for i, h in enumerate(plan.band.names)
            if h or i in by_index
        ]
        frame = finish_parse(plan, build_query(plan).collect())
        skipped = band_skips(plan)
        for kind, count in frame.filter(pl.col(SKIP).is_not_null())[SKIP].value_counts().iter_rows():
            skipped[kind] = skipped.get(kind, 0) + count
        found.skipped = {k: skipped[k] for k in SKIP_KINDS if k in skipped}
        dossiers = frame.filter(pl.col(SKIP).is_null())
        found.dossier_rows = dossiers.height
        fields = list(plan.mapping.columns) + (["unit"] if "unit" not in plan.mapping.columns else [])
        preview = dossiers.head(rows).select(ROW, *fields)
        found.preview = [{k: _shown(v) for k, v in r.items()} for r in preview.to_dicts()]
        sheets.append(found)
    return Inspection(path=str(path), sheets=sheets)
