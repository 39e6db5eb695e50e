"""Planning one input before the full read: header band, column mapping, the
required fields, and the date formats each date column uses (from a sample).
"""

from __future__ import annotations

from pathlib import Path

from cchc_kpi.errors import InputError, OwnOutputError
from cchc_kpi.i18n.messages import Message, Term, quoted
from cchc_kpi.ingestion.dataset import Reading
from cchc_kpi.ingestion.dates import detect_formats, is_month_first_column, month_first_values
from cchc_kpi.ingestion.header_band import HeaderBand, find_header_band
from cchc_kpi.ingestion.layout import (
    RAGGED_SHARE,
    is_verdict_column,
    key_lookalike,
    ragged_rows,
    title_unit,
    usual_width,
)
from cchc_kpi.ingestion.parse import ParsePlan
from cchc_kpi.read.grid import HEAD_ROWS, ROW, RawGrid, column_name
from cchc_kpi.read.grids import open_grids
from cchc_kpi.read.limits import Limits
from cchc_kpi.read.own_outputs import is_own_header
from cchc_kpi.schema.fields import FIELDS, FIELDS_BY_NAME, REQUIRED_FIELDS
from cchc_kpi.schema.headers import HeaderMapping, closest_header, map_headers, map_positions
from cchc_kpi.schema.personal import is_personal_header
from cchc_kpi.schema.platforms import detect_platform

DATE_SAMPLE_ROWS = 5000
LABEL_COLUMNS = 3  # leading sheet columns read as row labels (STT, group and total texts)


def _missing_required(grid: RawGrid, names: list[str], unmapped: list[str], field: str) -> InputError:
    headers = [n for n in names if n]
    hint = closest_header(unmapped, field)
    params = {
        "file": grid.label,
        "field": field,
        "aliases": quoted(FIELDS_BY_NAME[field].aliases),
        "headers": quoted(headers),
    }
    if hint:
        return InputError("input.missing_required_hint", header=hint[0], alias=hint[1], **params)
    return InputError("input.missing_required", **params)


def plan_input(grid: RawGrid, file_index: int, reading: Reading) -> ParsePlan:
    """Find the header band and mapping of ``grid`` and check the required fields.

    Raises :class:`InputError` when no header is found, when most rows do not line up with
    the header, or when a required field has no column (naming the field, the headers
    found and the closest alias).
    """
    band = find_header_band(grid.head, grid.n_columns, reading.aliases)
    if band is None:
        raise InputError("input.no_header", file=grid.label, rows=min(len(grid.head), HEAD_ROWS))
    ragged: frozenset[int] = frozenset()
    if reading.positions:  # the user says where each field is: rows are read as they are
        mapping = map_positions(band.names, reading.positions)
        grid.extra = False
    else:
        mapping = map_headers(band.names, reading.aliases)
        ragged = _ragged(grid, band)
    notes: list[Message] = list(grid.notes)
    mapping = _without_verdict_conflicts(mapping, grid, band, notes)
    set_unit = reading.unit
    if set_unit is None and "unit" not in mapping.columns:
        set_unit = title_unit(grid.head, band)
        if set_unit:
            notes.append(Message("warn.title_unit", {"file": grid.label, "unit": set_unit}))
    mapped = {c.index for c in mapping.columns.values()}
    labels = [i for i in range(min(LABEL_COLUMNS, grid.n_columns)) if i not in mapped]
    platform = detect_platform(band.names)
    plan = ParsePlan(
        grid=grid,
        band=band,
        mapping=mapping,
        file_index=file_index,
        set_unit=set_unit,
        label_indexes=[i for i in labels if not is_personal_header(band.names[i])],
        words=reading.words,
        ragged=ragged,
        notes=notes,
        platform=platform.id if platform else None,
    )
    for field in REQUIRED_FIELDS:
        if field in mapping.columns or (field == "unit" and (set_unit or _head_has_unit_groups(plan))):
            continue
        raise _missing_required(grid, band.names, mapping.unmapped, field)
    _check_keys(plan)
    grid.prepare(plan.indexes)
    plan.date_formats = sample_date_formats(plan)
    return plan


def _without_verdict_conflicts(
    mapping: HeaderMapping, grid: RawGrid, band: HeaderBand, notes: list[Message]
) -> HeaderMapping:
    """A column left aside for a due-date column that holds verdicts ("Quá hạn", OpenCPS's
    "Hạn xử lý") is said to be a verdict column, not a conflicting due date."""
    body = grid.head[band.end_row :]
    conflicts = []
    for used, ignored in mapping.conflicts:
        if used.field != "due_at":
            conflicts.append((used, ignored))
            continue
        kept = []
        for column in ignored:
            values = [row[column.index] if column.index < len(row) else None for row in body]
            if is_verdict_column(values):
                params = {"file": grid.label, "column": column.header, "used": used.header}
                notes.append(Message("warn.verdict_ignored", params))
            else:
                kept.append(column)
        if kept:
            conflicts.append((used, kept))
    return HeaderMapping(columns=mapping.columns, conflicts=conflicts, unmapped=mapping.unmapped)


def _check_keys(plan: ParsePlan) -> None:
    """Refuse an export whose code or unit column is plainly full of another field's values."""
    body = plan.grid.head[plan.band.end_row :]
    for field in ("dossier_id", "unit"):
        mapped = plan.mapping.columns.get(field)
        if mapped is None:
            continue
        values = [row[mapped.index] if mapped.index < len(row) else None for row in body]
        kind = key_lookalike(values, plan.words["status"])
        if kind is not None:
            raise InputError(
                "input.key_misfit",
                file=plan.grid.label,
                column=mapped.header,
                field=Term(f"field.{field}"),
                kind=Term(f"looks.{kind}"),
            )


def _ragged(grid: RawGrid, band: HeaderBand) -> frozenset[int]:
    """The rows that do not line up with the header (refused when they are most rows)."""
    if grid.row_cells is None:
        return frozenset()
    header, odd, body = ragged_rows(grid.row_cells, band)
    if odd and len(odd) >= RAGGED_SHARE * body:
        first = odd[0][0]
        raise InputError(
            "input.ragged", file=grid.label, header=header, cells=usual_width(odd), count=len(odd), rows=body,
            first=first,
        )  # fmt: skip
    return frozenset(r for r, _ in odd)


NOT_DOSSIER_SHEET = ("input.no_header", "input.missing_required", "input.missing_required_hint")


def plan_file(
    path: Path, first_index: int, reading: Reading, limits: Limits | None = None
) -> tuple[list[ParsePlan], list[Message]]:
    """Plan every sheet of ``path`` that holds dossiers.

    In a workbook with several sheets, a sheet without the dossier columns (a
    summary, a chart's data) is skipped and said so; when no sheet qualifies, or
    a sheet is named with --sheet, its error is raised.
    """
    limits = limits if limits is not None else Limits()
    grids = open_grids(path, reading.sheet, limits)
    if any(grid.head and is_own_header(grid.head[0]) for grid in grids):
        raise OwnOutputError("input.own_output", file=str(path))
    plans: list[ParsePlan] = []
    notes: list[Message] = []
    first_error: InputError | None = None
    for grid in grids:
        try:
            plan = plan_input(grid, first_index + len(plans), reading)
            plan.cell_bytes = limits.cell_bytes
            plans.append(plan)
        except InputError as err:
            if len(grids) == 1 or err.message.key not in NOT_DOSSIER_SHEET:
                raise
            first_error = first_error or err
            notes.append(Message("warn.sheet_skipped", {"file": str(path), "sheet": grid.sheet or ""}))
    if not plans and first_error is not None:
        raise first_error
    return plans, notes


def _head_has_unit_groups(plan: ParsePlan) -> bool:
    """Whether the first rows hold a group row naming a unit ("UBND xã …" above its dossiers)."""
    import polars as pl

    from cchc_kpi.ingestion.parse import GROUP_UNIT

    columns = {
        column_name(i): [row[i] if i < len(row) else None for row in plan.grid.head[plan.band.end_row :]]
        for i in plan.indexes
    }
    head = pl.DataFrame(
        {ROW: list(range(plan.band.end_row + 1, len(plan.grid.head) + 1)), **columns},
        schema={ROW: pl.UInt32, **dict.fromkeys(columns, pl.String)},
    )
    _, unit, _ = plan.row_kind_exprs()
    units = head.select(unit.alias(GROUP_UNIT))[GROUP_UNIT]
    return bool((units.fill_null("") != "").any())


def date_columns(plan: ParsePlan) -> dict[str, str]:
    """Return ``field → grid column`` for the mapped date fields."""
    out = {}
    for spec in FIELDS:
        raw = plan.raw_column(spec.name)
        if raw and spec.kind in ("datetime", "datetime_or_bool"):
            out[spec.name] = raw
    return out


def check_month_first(
    plan: ParsePlan, field: str, values: list[str | None], filled: int | None = None
) -> None:
    """Raise :class:`InputError` when a date column is written month-first: more than a
    stray value or two among its ``filled`` cells (default: the filled ``values``). A stray
    one is an unreadable date: its row is rejected."""
    found = month_first_values(values)
    count = filled if filled is not None else sum(1 for v in values if v is not None and str(v).strip())
    if found and is_month_first_column(len(found), count):
        example = found[0]
        raise InputError(
            "input.month_first",
            file=plan.grid.label,
            column=plan.mapping.header_of(field) or field,
            value=example,
        )


def sample_date_formats(plan: ParsePlan) -> dict[str, list[str]]:
    """Detect each text date column's formats from its first rows."""
    import polars as pl

    columns = date_columns(plan)
    if not columns:
        return {}

    def sample() -> pl.DataFrame:
        rows = plan.grid.select(plan.indexes).filter(pl.col(ROW) > plan.band.end_row)
        return rows.select(list(columns.values())).head(DATE_SAMPLE_ROWS).collect()

    first_rows = plan.grid.read(sample, plan.notes)
    formats = {}
    for field, raw in columns.items():
        values = first_rows[raw].to_list()
        if field == "due_at" and is_verdict_column(values):
            header = plan.mapping.header_of(field)
            plan.mapping = plan.mapping.without(field)
            plan.notes.append(
                Message("warn.verdict_column", {"file": plan.grid.label, "column": header or field})
            )
            continue
        check_month_first(plan, field, values)
        formats[field] = detect_formats(values)
    return formats
