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
from cchc_kpi.rowkinds import row_kind_columns
from cchc_kpi.schema import FIELDS, FieldSpec
from cchc_kpi.values import parse_field
from cchc_kpi.vocab import VOCABULARIES

if TYPE_CHECKING:
    import polars as pl

FILE = "_file"
SKIP = "_skip"
GROUP_UNIT = "_group_unit"
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
    label_indexes: list[int] = field(default_factory=list)
    date_formats: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, dict[str, object]] = field(default_factory=lambda: dict(VOCABULARIES))

    def raw_column(self, name: str) -> str | None:
        """Return the grid column that holds canonical field ``name``, if mapped."""
        mapped = self.mapping.columns.get(name)
        return column_name(mapped.index) if mapped else None

    @property
    def indexes(self) -> list[int]:
        """The sheet columns read: the mapped ones and the row-label ones."""
        mapped = [c.index for c in self.mapping.columns.values()]
        return sorted(set(mapped) | set(self.label_indexes))

    @property
    def units_from_groups(self) -> bool:
        """Whether units come from group rows (no unit column, no --set-unit)."""
        return "unit" not in self.mapping.columns and not self.set_unit

    def row_kind_exprs(self) -> tuple[pl.Expr, pl.Expr]:
        """The ``(kind, group unit)`` expressions over this input's read columns."""
        import polars as pl

        cells = [pl.col(column_name(i)) for i in self.indexes]
        received = self.raw_column("received_at")
        return row_kind_columns(cells, pl.col(received) if received else None)

    def rows(self) -> pl.LazyFrame:
        """The rows below the header band, with ``_skip`` and ``_group_unit`` (forward-filled)."""
        import polars as pl

        frame = self.grid.select(self.indexes).filter(pl.col(ROW) > self.band.end_row)
        kind, unit = self.row_kind_exprs()
        return frame.with_columns(kind.alias(SKIP), unit.alias(GROUP_UNIT)).with_columns(
            pl.col(GROUP_UNIT).forward_fill()
        )


def _absent(spec: FieldSpec, plan: ParsePlan) -> dict[str, tuple[pl.Expr, pl.Expr]]:
    import polars as pl

    dtypes = canonical_dtypes()
    if spec.name == "unit" and plan.set_unit:
        value: pl.Expr = pl.lit(plan.set_unit, pl.String)
    elif spec.name == "unit":
        value = parse_field(spec, pl.col(GROUP_UNIT), pl.String(), [])[spec.name][0]
    else:
        value = pl.lit(None, dtypes[spec.name])
    out = {spec.name: (value, pl.lit(False))}
    if spec.kind == "datetime_or_bool":
        out["apology"] = (pl.lit(None, pl.Boolean), pl.lit(False))
    return out


def build_query(plan: ParsePlan) -> pl.LazyFrame:
    """Return the lazy query of one input's rows below the header band."""
    import polars as pl

    dtypes = canonical_dtypes()
    values: list[pl.Expr] = []
    flags: list[pl.Expr] = []
    for spec in FIELDS:
        raw = plan.raw_column(spec.name)
        if raw is None:
            parsed = _absent(spec, plan)
        else:
            formats = plan.date_formats.get(spec.name, [])
            parsed = parse_field(spec, pl.col(raw), pl.String(), formats, plan.words)
        for name, (value, bad) in parsed.items():
            values.append(value.cast(dtypes[name]).alias(name))
            flags.append(bad.fill_null(False).alias(bad_flag(name)))
    return (
        plan.rows()
        .select(
            pl.lit(plan.file_index, pl.UInt32).alias(FILE),
            pl.col(ROW).cast(pl.UInt32),
            pl.col(SKIP),
            *values,
            *flags,
        )
        .with_columns(reject_columns())
        .with_columns(
            pl.when(pl.col(SKIP).is_null()).then(pl.col("_reject")).alias("_reject"),
            pl.when(pl.col(SKIP).is_null()).then(pl.col("_reject_field")).alias("_reject_field"),
        )
    )
