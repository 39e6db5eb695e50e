"""One input's grid → canonical dossier rows, as a single lazy Polars query.

Only the mapped columns are selected (unmapped ones, which may hold personal
data, are never materialised). Every row below the header band is kept, with
``_skip`` naming why it is not a dossier (blank, group, total) and ``_reject``
naming why a dossier row is invalid, so that every row is accounted for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cchc_kpi.grid import ROW, RawGrid, column_name
from cchc_kpi.headerband import HeaderBand
from cchc_kpi.headers import HeaderMapping
from cchc_kpi.rowchecks import bad_flag, reject_columns
from cchc_kpi.rowkinds import skip_kind_column
from cchc_kpi.schema import FIELDS, FieldSpec
from cchc_kpi.values import parse_field

if TYPE_CHECKING:
    import polars as pl

FILE = "_file"
SKIP = "_skip"
EXTRA_COLUMNS = ("apology",)


def canonical_dtypes() -> dict[str, pl.DataType]:
    """Return the dtype of every canonical column (including derived ``apology``)."""
    import polars as pl

    by_kind: dict[str, pl.DataType] = {
        "text": pl.String(),
        "datetime": pl.Datetime("us"),
        "datetime_or_bool": pl.Datetime("us"),
        "bool": pl.Boolean(),
        "money": pl.Int64(),
        "number": pl.Float64(),
        "channel": pl.String(),
        "status": pl.Int8(),
        "service_level": pl.String(),
    }
    dtypes = {spec.name: by_kind[spec.kind] for spec in FIELDS}
    dtypes["apology"] = pl.Boolean()
    return dtypes


def canonical_names() -> list[str]:
    """Return the canonical column names in schema order (with derived ones)."""
    return [spec.name for spec in FIELDS] + list(EXTRA_COLUMNS)


@dataclass
class ParsePlan:
    """Everything needed to build one input's query, decided before any full read."""

    grid: RawGrid
    band: HeaderBand
    mapping: HeaderMapping
    file_index: int
    set_unit: str | None = None
    date_formats: dict[str, list[str]] = field(default_factory=dict)

    def raw_column(self, name: str) -> str | None:
        """Return the grid column that holds canonical field ``name``, if mapped."""
        mapped = self.mapping.columns.get(name)
        return column_name(mapped.index) if mapped else None


def _absent(spec: FieldSpec, plan: ParsePlan) -> dict[str, tuple[pl.Expr, pl.Expr]]:
    import polars as pl

    dtypes = canonical_dtypes()
    if spec.name == "unit" and plan.set_unit:
        value: pl.Expr = pl.lit(plan.set_unit, pl.String)
    else:
        value = pl.lit(None, dtypes[spec.name])
    out = {spec.name: (value, pl.lit(False))}
    if spec.kind == "datetime_or_bool":
        out["apology"] = (pl.lit(None, pl.Boolean), pl.lit(False))
    return out


def build_query(plan: ParsePlan) -> pl.LazyFrame:
    """Return the lazy query of one input's rows below the header band."""
    import polars as pl

    schema = plan.grid.frame.collect_schema()
    dtypes = canonical_dtypes()
    mapped = [c for name in plan.mapping.columns if (c := plan.raw_column(name))]
    frame = plan.grid.frame.select(ROW, *mapped).filter(pl.col(ROW) > plan.band.end_row)
    values: list[pl.Expr] = []
    flags: list[pl.Expr] = []
    for spec in FIELDS:
        raw = plan.raw_column(spec.name)
        if raw is None:
            parsed = _absent(spec, plan)
        else:
            formats = plan.date_formats.get(spec.name, [])
            parsed = parse_field(spec, pl.col(raw), schema[raw], formats)
        for name, (value, bad) in parsed.items():
            values.append(value.cast(dtypes[name]).alias(name))
            flags.append(bad.fill_null(False).alias(bad_flag(name)))
    skip = skip_kind_column([pl.col(c) for c in mapped], [schema[c] for c in mapped])
    return (
        frame.select(
            pl.lit(plan.file_index, pl.UInt32).alias(FILE),
            pl.col(ROW).cast(pl.UInt32),
            skip.alias(SKIP),
            *values,
            *flags,
        )
        .with_columns(reject_columns())
        .with_columns(
            pl.when(pl.col(SKIP).is_null()).then(pl.col("_reject")).alias("_reject"),
            pl.when(pl.col(SKIP).is_null()).then(pl.col("_reject_field")).alias("_reject_field"),
        )
    )
