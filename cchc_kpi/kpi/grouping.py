"""Group keys of a report (unit, level, field, procedure, channel, month) and filters.

A unit (field, procedure) is shown as written in the export (NFC, trimmed);
spellings that differ only in case, spacing, Unicode form or tone placement are
one group, shown with its most frequent spelling (ties: the first in Unicode
order).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cchc_kpi.ingestion.dedupe import UNIT_KEY
from cchc_kpi.schema.choices import GroupKey
from cchc_kpi.schema.levels import LEVELS, level_expr
from cchc_kpi.schema.textnorm import map_distinct, name_key_expr

if TYPE_CHECKING:
    import polars as pl

    from cchc_kpi.kpi.units import UnitDirectory

GROUP_KEYS: tuple[GroupKey, ...] = ("unit", "level", "area", "field", "procedure", "channel", "month")
CONFIGURED = ("_conf_unit", "_conf_level", "_conf_area", "_merged")
CHANNEL_ORDER = ("online", "direct", "postal")
PROCEDURE = ("procedure_name", "procedure_code")


def _most_frequent(spellings: pl.DataFrame, text: str, key: str) -> pl.DataFrame:
    """Return ``key → display`` from the ``spellings`` (key, text, len): the most frequent
    spelling per key (ties: Unicode order)."""
    import polars as pl

    return (
        spellings.filter(pl.col(text).is_not_null())
        .sort([key, "len", text], descending=[False, True, False])
        .unique(subset=key, keep="first", maintain_order=True)
        .select(key, pl.col(text).alias(f"{text}__shown"))
    )


def _configured(
    dossiers: pl.DataFrame, directory: UnitDirectory | None, as_units: date | None
) -> pl.DataFrame:
    """Join the configured name, level and area; configured and merged units take their configured name."""
    import polars as pl

    if not directory:
        nulls = [pl.lit(None, pl.String).alias(c) for c in CONFIGURED[:3]]
        return dossiers.with_columns(*nulls, pl.lit(False).alias("_merged"))
    table = directory.table(dossiers[UNIT_KEY].unique().cast(pl.String).to_list(), as_units)
    joined = dossiers.join(
        table.with_columns(pl.col(UNIT_KEY).cast(dossiers.schema[UNIT_KEY])), on=UNIT_KEY, how="left"
    )
    renamed = joined.with_columns(pl.coalesce("_conf_unit", "unit").alias("unit"))
    key = map_distinct(renamed, "unit", name_key_expr, categorical=True).cast(dossiers.schema[UNIT_KEY])
    return renamed.with_columns(key.alias(UNIT_KEY))


def with_group_columns(
    dossiers: pl.DataFrame, directory: UnitDirectory | None = None, as_units: date | None = None
) -> pl.DataFrame:
    """Add the group key columns (display values) to the dossiers."""
    import polars as pl

    cat = pl.Categorical()  # millions of rows, a few hundred names: 4 bytes a row
    # the procedure by its name, else its code: the categorical codes themselves where both are
    # categorical (their text for millions of rows took 1 GB at 10M)
    names = [pl.col(c) if dossiers.schema[c] == cat else pl.col(c).cast(cat) for c in PROCEDURE]
    frame = _configured(dossiers, directory, as_units).with_columns(pl.coalesce(names).alias("_procedure"))
    frame = frame.with_columns(
        map_distinct(frame, "field", name_key_expr, categorical=True).alias("_field_key"),
        map_distinct(frame, "_procedure", name_key_expr, categorical=True).alias("_procedure_key"),
    )
    for text, key in (("unit", UNIT_KEY), ("field", "_field_key"), ("_procedure", "_procedure_key")):
        # a group-by over the categorical codes: a few hundred pairs (a unique() of the rows
        # took 0.5 GB at 10M rows)
        spellings = frame.group_by(key, text).len()
        if spellings.height == spellings[key].n_unique():  # one spelling per name: it is the name shown
            # a cast of a categorical to itself gives one piece, and a column in one piece
            # beside columns read in parts makes Polars copy the whole frame into one (2 GB at 10M)
            shown_as_is = pl.col(text) if frame.schema[text] == cat else pl.col(text).cast(cat)
            frame = frame.with_columns(shown_as_is.alias(f"{text}__shown"))
            continue
        shown = _most_frequent(spellings, text, key)  # a few rows: mapped, not joined (no copy of the frame)
        frame = frame.with_columns(
            pl.col(key)
            .replace_strict(shown[key], shown[f"{text}__shown"], default=None, return_dtype=cat)
            .alias(f"{text}__shown")
        )
    inferred = map_distinct(frame, "unit__shown", level_expr, categorical=True).fill_null("unknown")
    level = pl.coalesce(pl.col("_conf_level"), pl.lit(inferred))
    own_area = pl.when(level.is_in(["district", "province", "department"])).then(pl.col("unit__shown"))
    return frame.with_columns(
        pl.col("unit__shown").alias("g_unit"),
        level.cast(cat).alias("g_level"),
        pl.coalesce(pl.col("_conf_area"), own_area.cast(pl.String)).cast(cat).alias("g_area"),
        pl.col("field__shown").alias("g_field"),
        pl.col("_procedure__shown").alias("g_procedure"),
        pl.col("channel").cast(cat).alias("g_channel"),
    )


def sort_expr(key: str) -> pl.Expr:
    """An expression that orders rows of group key ``key`` as readers expect."""
    import polars as pl

    column = pl.col(key)
    if key == "level":
        return column.replace_strict({v: i for i, v in enumerate(LEVELS)}, default=len(LEVELS))
    if key == "channel":
        return column.replace_strict({v: i for i, v in enumerate(CHANNEL_ORDER)}, default=9)
    if key in ("unit", "area", "field", "procedure"):
        return name_key_expr(column)
    return column
