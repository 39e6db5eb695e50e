"""Planning one input before the full read: header band, column mapping, the
required fields, and the date formats each date column uses (from a sample).
"""

from __future__ import annotations

from cchc_kpi.dateparse import detect_formats, month_first_example
from cchc_kpi.errors import InputError
from cchc_kpi.grid import ROW, RawGrid
from cchc_kpi.headerband import find_header_band
from cchc_kpi.headers import DEFAULT_ALIASES, AliasTable, closest_header, map_headers
from cchc_kpi.messages import quoted
from cchc_kpi.parse import ParsePlan
from cchc_kpi.schema import FIELDS, FIELDS_BY_NAME, REQUIRED_FIELDS

DATE_SAMPLE_ROWS = 5000


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


def plan_input(
    grid: RawGrid,
    file_index: int,
    *,
    set_unit: str | None = None,
    aliases: AliasTable = DEFAULT_ALIASES,
) -> ParsePlan:
    """Find the header band and mapping of ``grid`` and check the required fields.

    Raises :class:`InputError` when no header is found or a required field has
    no column (naming the field, the headers found and the closest alias).
    """
    band = find_header_band(grid.head, grid.n_columns, aliases)
    if band is None:
        first = next((row for row in grid.head if any(row)), [])
        cells = [str(c) for c in first if c not in (None, "")]
        raise InputError("input.no_header", file=grid.label, cells=quoted(cells))
    mapping = map_headers(band.names, aliases)
    for field in REQUIRED_FIELDS:
        if field in mapping.columns or (field == "unit" and set_unit):
            continue
        raise _missing_required(grid, band.names, mapping.unmapped, field)
    plan = ParsePlan(grid=grid, band=band, mapping=mapping, file_index=file_index, set_unit=set_unit)
    plan.date_formats = sample_date_formats(plan)
    return plan


def date_columns(plan: ParsePlan) -> dict[str, str]:
    """Return ``field → grid column`` for the mapped date fields held as text."""
    import polars as pl

    schema = plan.grid.frame.collect_schema()
    out = {}
    for spec in FIELDS:
        raw = plan.raw_column(spec.name)
        if raw and spec.kind in ("datetime", "datetime_or_bool") and schema[raw] == pl.String:
            out[spec.name] = raw
    return out


def check_month_first(plan: ParsePlan, field: str, values: list[str | None]) -> None:
    """Raise :class:`InputError` when a date column is written month-first."""
    example = month_first_example(values)
    if example is not None:
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
    sample = (
        plan.grid.frame.filter(pl.col(ROW) > plan.band.end_row)
        .select(list(columns.values()))
        .head(DATE_SAMPLE_ROWS)
        .collect()
    )
    formats = {}
    for field, raw in columns.items():
        values = sample[raw].to_list()
        check_month_first(plan, field, values)
        formats[field] = detect_formats(values)
    return formats
