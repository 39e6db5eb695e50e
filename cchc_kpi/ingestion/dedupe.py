"""De-duplication (domain.md §2): one row per dossier, whatever the row order.

A dossier is identified by (unit, dossier_id), or by dossier_id alone where
codes are unique across units. Rows that agree on every canonical field are one
dossier; rows that disagree keep the one with the latest finished_at, then
returned_at, then received_at, ties broken by the canonical values themselves,
never by the order rows came in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cchc_kpi.ingestion.parse import FILE, canonical_names
from cchc_kpi.read.grid import ROW
from cchc_kpi.schema.choices import DuplicateKey
from cchc_kpi.schema.textnorm import map_distinct, name_key_expr

if TYPE_CHECKING:
    import polars as pl

UNIT_KEY = "_unit_key"
RECENCY = ("finished_at", "returned_at", "received_at")


@dataclass
class DedupeResult:
    """The kept rows and what was removed."""

    dossiers: pl.DataFrame
    duplicates: int = 0
    identical: int = 0
    conflicting: int = 0
    removed_by_file: dict[int, int] = field(default_factory=dict)


@dataclass
class Duplicates:
    """What de-duplication found: which rows to keep (``keep``: None for every row) and
    what is removed."""

    keep: pl.Expr | None
    duplicates: int = 0
    identical: int = 0
    conflicting: int = 0
    removed_by_file: dict[int, int] = field(default_factory=dict)

    def result(self, dossiers: pl.DataFrame) -> DedupeResult:
        """The result, with the kept ``dossiers``."""
        return DedupeResult(dossiers, self.duplicates, self.identical, self.conflicting, self.removed_by_file)


def key_columns(duplicate_key: DuplicateKey) -> list[str]:
    """Return the columns that identify a dossier."""
    return [UNIT_KEY, "dossier_id"] if duplicate_key == "unit" else ["dossier_id"]


def with_unit_key(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``_unit_key``: the unit name with case, spacing and tone placement folded."""
    return frame.with_columns(map_distinct(frame, "unit", name_key_expr, categorical=True).alias(UNIT_KEY))


def deduplicate(
    frame: pl.DataFrame, duplicate_key: DuplicateKey = "unit", rows: pl.Expr | None = None
) -> DedupeResult:
    """Return one row per dossier of ``frame`` (with ``_unit_key``), of its valid dossier
    rows: the ``rows`` where given (so that keeping the valid rows and dropping the
    duplicates is one filter), else every row."""
    found = find_duplicates(frame, duplicate_key, rows)
    return found.result(frame if found.keep is None else frame.filter(found.keep))


def in_parts(frame: pl.DataFrame) -> list[pl.DataFrame]:
    """``frame`` cut where its columns' chunks end (no copy): the parts a big export was
    parsed in, or the inputs, each of which owns its memory once the frame is let go."""
    column = max(frame.get_columns(), key=lambda s: s.n_chunks(), default=None)
    if column is None or column.n_chunks() == 1:
        return [frame]
    parts, offset = [], 0
    for length in column.chunk_lengths():
        parts.append(frame.slice(offset, length))
        offset += length
    return parts


ONE_PIECE_ROWS = 1_000_000  # up to this many kept rows, put in one piece at once


def kept_rows(parts: list[pl.DataFrame], keep: pl.Expr | None, drop: Sequence[str] = ()) -> pl.DataFrame:
    """The rows of ``parts`` that ``keep`` selects, in order, filtered part by part and put
    in one piece, without the columns ``drop`` names (working columns the filter needs and
    the kept rows do not). The list is emptied as it goes, so that each part is let go once
    filtered.

    One piece, because a frame of parts beside columns in one piece (constant ones, such as
    a column the export lacks) is copied whole into one piece by Polars at the first column
    added to it, and the report adds many: at 10M rows the copies took 2 GB more than this."""
    import polars as pl

    kept = []
    while parts:
        part = parts.pop(0)
        kept.append((part if keep is None else part.filter(keep)).drop(drop))
        del part
    if len(kept) == 1:
        return kept[0].rechunk()
    if sum(k.height for k in kept) <= ONE_PIECE_ROWS:  # a copy of a few rows costs less than the care
        return pl.concat(kept, how="vertical", rechunk=True)
    # put in one piece column by column, each column's parts let go once joined: the memory
    # holds the rows once and one column twice, never the whole frame twice
    columns = []
    for name in kept[0].columns:
        columns.append(pl.concat([k.select(name) for k in kept], how="vertical", rechunk=True))
        kept = [k.drop(name) for k in kept]
    return pl.concat(columns, how="horizontal")


def _key_hashes(frame: pl.DataFrame, keys: list[str]) -> pl.Series:
    """A 64-bit hash of each row's key columns (equal keys, equal hashes; the keys are
    compared exactly afterwards among the rows whose hashes repeat)."""
    hashes = [frame.get_column(k).hash(seed=i + 1) for i, k in enumerate(keys)]
    combined = hashes[0]
    for more in hashes[1:]:
        combined = (combined * 0x100000001B3) ^ more  # wraps around: a mix, not a sum
    return combined


def find_duplicates(
    frame: pl.DataFrame, duplicate_key: DuplicateKey = "unit", rows: pl.Expr | None = None
) -> Duplicates:
    """Find the duplicate dossiers among the ``rows`` of ``frame`` (with ``_unit_key``; every
    row when None): the rows to keep as an expression of each row's own columns (so that it
    can filter the frame part by part), and the counts."""
    import polars as pl

    keys = key_columns(duplicate_key)
    # millions of rows: a 64-bit hash per row, sorted, finds the repeated hashes by comparing
    # neighbours (5× faster than a hash table over all rows at 10M); the exact keys are then
    # compared among the candidates only (a hash collision is not a duplicate)
    # column by column, never a query of the whole frame: a frame parsed in parts has columns
    # cut differently (some are one piece, some constant), and a query over it would first
    # copy it all into one piece (1.9 GB at 10M rows)
    hashes = _key_hashes(frame, keys)
    if rows is not None:
        names = dict.fromkeys(rows.meta.root_names())
        wanted = pl.DataFrame([frame.get_column(n) for n in names]).select(rows)
        hashes = hashes.zip_with(wanted.to_series(), pl.Series([None], dtype=hashes.dtype))
    ordered = hashes.drop_nulls().sort()
    repeated = ordered.filter((ordered == ordered.shift(1)) | (ordered == ordered.shift(-1))).unique()
    if repeated.is_empty():
        return Duplicates(keep=rows)
    maybe = hashes.is_in(repeated.implode()).fill_null(False)
    candidates = frame.filter(maybe)
    exact = candidates.select(pl.struct(keys).is_duplicated()).to_series()
    multi = candidates.filter(exact)
    if multi.is_empty():
        return Duplicates(keep=rows)
    values = [UNIT_KEY] + [c for c in canonical_names() if c != "unit" and c not in keys]
    versions = multi.unique(subset=keys + values).group_by(keys).len()
    # the unit as written last: spellings of one unit are one dossier, yet the one kept never
    # depends on the row order
    order = keys + list(RECENCY) + values + ["unit", FILE, ROW]
    descending = [False] * len(keys) + [True] * len(RECENCY) + [False] * (len(values) + 3)
    kept = multi.sort(order, descending=descending, nulls_last=True).unique(
        subset=keys, keep="first", maintain_order=True
    )
    removed = multi.join(kept.select(FILE, ROW), on=[FILE, ROW], how="anti")
    by_file = dict(removed.group_by(FILE).len().iter_rows())
    gone = pl.struct(FILE, ROW).is_in(removed.select(pl.struct(FILE, ROW)).to_series().implode())
    return Duplicates(
        keep=~gone if rows is None else rows & ~gone,
        duplicates=removed.height,
        identical=multi.height - multi.unique(subset=keys + values).height,
        conflicting=int(versions.filter(pl.col("len") > 1).height),
        removed_by_file={int(k): int(v) for k, v in by_file.items()},
    )
