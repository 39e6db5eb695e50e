"""The ``inspect`` job: what cchc-kpi sees in one export file.

For each sheet: where the header is, which column is read as which field, the
columns left unread (names only; applicant columns flagged), the rows skipped by
kind, and the first dossier rows as parsed — only mapped fields, never a cell of
an unread column.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from cchc_kpi.errors import InputError
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import band_skips
from cchc_kpi.ingestion.dataset import IngestOptions
from cchc_kpi.ingestion.parse import FILE, SKIP, ParsePlan, parse_rows
from cchc_kpi.ingestion.plan import plan_input
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD
from cchc_kpi.ingestion.row_kinds import SKIP_KINDS, with_footers
from cchc_kpi.read.grid import ROW
from cchc_kpi.read.grids import open_grids
from cchc_kpi.read.limits import Limits
from cchc_kpi.schema.fields import DATE_FIELDS
from cchc_kpi.schema.headers import AliasTable
from cchc_kpi.schema.personal import is_personal_header
from cchc_kpi.schema.platforms import platform_by_id
from cchc_kpi.schema.textnorm import fold_key


class ColumnReading(BaseModel):
    """One column of the sheet and how it is read: as which field, from whose table of
    header texts (the domain's, a platform's, a profile's), with which words, added to
    which column."""

    position: int
    header: str
    field: str | None = None
    personal: bool = False
    source: str | None = None
    vocabulary: str | None = None
    adds_to: int | None = None  # a part of a field read from several columns: the first one's position


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
    platform: str | None = None  # the platform the headers look like
    notes: list[str] = Field(default_factory=list)


def _columns(plan: ParsePlan, aliases: AliasTable) -> list[ColumnReading]:
    """Each named column of the header and how it is read."""
    read: dict[int, tuple[str | None, str | None, int | None]] = {}
    for field, mapped in plan.mapping.columns.items():
        read[mapped.index] = (field, mapped.vocabulary, None)
        for part in mapped.parts:
            read[part.index] = (field, part.vocabulary, mapped.index + 1)
    out = []
    for i, header in enumerate(plan.band.names):
        if not header and i not in read:
            continue
        name, vocabulary, adds_to = read.get(i, (None, None, None))
        rule = aliases.get(fold_key(header)) if header and name else None
        out.append(
            ColumnReading(
                position=i + 1,
                header=header,
                field=name,
                personal=is_personal_header(header),
                source=rule.source if rule else ("profile" if name else None),
                vocabulary=vocabulary,
                adds_to=adds_to,
            )
        )
    return out


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
        reading = IngestOptions(set_unit=set_unit).reading(path)
        try:
            plan = plan_input(grid, 0, reading)
        except InputError as err:
            found.problem = err.message.render(lang)
            sheets.append(found)
            continue
        found.header_rows = list(range(plan.band.first_row, plan.band.last_row + 1))
        found.numbered_row = plan.band.numbered_row
        found.columns = _columns(plan, reading.aliases)
        platform = platform_by_id(plan.platform) if plan.platform else None
        found.platform = platform.name if platform else None
        try:  # a stray quote further down: read again with quotes as text (said in the notes)
            parsed = plan.grid.read(partial(parse_rows, plan), plan.notes)
        except InputError as err:
            found.problem = err.message.render(lang)
            sheets.append(found)
            continue
        found.notes = [m.render(lang) for m in plan.notes]
        frame = with_footers(parsed, SKIP, ROW, FILE, DATE_FIELDS, (REJECT, REJECT_FIELD))
        skipped = band_skips(plan)
        for kind, count in frame.filter(pl.col(SKIP).is_not_null())[SKIP].value_counts().iter_rows():
            skipped[kind] = skipped.get(kind, 0) + count
        found.skipped = {k: skipped[k] for k in SKIP_KINDS if k in skipped}
        dossiers = frame.filter(pl.col(SKIP).is_null())
        found.dossier_rows = dossiers.height
        fields = list(plan.mapping.columns) + (["unit"] if "unit" not in plan.mapping.columns else [])
        # rows whose cells are not under their names (out of line, lines joined into a cell) are
        # not shown: their text may be any column's, applicants' among them
        laid_out = dossiers.filter(~pl.col(REJECT).is_in(["ragged", "rows_joined"]).fill_null(False))
        preview = laid_out.head(rows).select(ROW, *fields)
        found.preview = [{k: _shown(v) for k, v in r.items()} for r in preview.to_dicts()]
        sheets.append(found)
    return Inspection(path=str(path), sheets=sheets)
