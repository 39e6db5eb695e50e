"""The canonical Parquet store: validated, de-duplicated dossiers partitioned by the
year they were received (``received_year=2024/dossiers.parquet``), for inputs too
big to re-read from exports every run.

``cchc-kpi convert INPUT… --out DIR`` reads exports exactly as ``report`` does
(every row accounted for), then *upserts* into the store: a dossier already
there (same duplicate key) is replaced by the newer version under the same rule
as duplicates within a run, so that re-converting overlapping monthly exports
creates no duplicates. Each partition is written to a temporary file and
renamed. ``report DIR`` reads the store directly, only the partitions up to the
period's end (carried-over dossiers come from the earlier ones).

The store keeps canonical columns only — never applicant names, ID numbers or
phones, which are never read in the first place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from cchc_kpi.atomic import atomic_path, write_text_atomic
from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.accounting import InputFile
from cchc_kpi.ingestion.dataset import Dataset
from cchc_kpi.ingestion.dedupe import UNIT_KEY, deduplicate, with_unit_key
from cchc_kpi.ingestion.parse import FILE, canonical_dtypes, canonical_names
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD
from cchc_kpi.read.grid import ROW
from cchc_kpi.schema.choices import DuplicateKey

if TYPE_CHECKING:
    import polars as pl

PARTITION = "received_year"
META = "cchc-kpi-store.json"
DATA = "dossiers.parquet"
UNDATED = 0  # never-accepted dossiers without a received date


class StoreMeta(BaseModel):
    """What the store holds: the fields its exports had and the duplicate key it uses."""

    format: int = 1
    duplicate_key: DuplicateKey = "unit"
    fields_present: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class ConvertResult(BaseModel):
    """What one ``convert`` run did to the store."""

    store: str
    rows_in: int
    inserted: int
    replaced: int
    partitions: dict[int, int]


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder written by ``convert``."""
    return path.is_dir() and (path / META).is_file()


def read_meta(path: Path) -> StoreMeta:
    """The store's description."""
    try:
        return StoreMeta.model_validate_json((path / META).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError("store.unreadable", path=str(path), reason=str(exc).splitlines()[0]) from exc


def _partition_file(store: Path, year: int) -> Path:
    return store / f"{PARTITION}={year}" / DATA


def _year() -> pl.Expr:
    import polars as pl

    return pl.col("received_at").dt.year().fill_null(UNDATED).cast(pl.Int32)


def _stored(frame: pl.DataFrame) -> pl.DataFrame:
    """The columns a store keeps: canonical ones, where each row came from, the unit key."""
    import polars as pl

    return frame.select(*canonical_names(), pl.col(ROW).cast(pl.UInt32), pl.col(UNIT_KEY).cast(pl.String))


def write_store(dataset: Dataset, out: Path) -> ConvertResult:
    """Upsert the dataset's dossiers into the store at ``out`` (created when missing)."""
    import polars as pl

    out.mkdir(parents=True, exist_ok=True)
    meta = read_meta(out) if is_store(out) else StoreMeta(duplicate_key=dataset.duplicate_key)
    if meta.duplicate_key != dataset.duplicate_key:
        raise InputError("store.key_mismatch", path=str(out), which=meta.duplicate_key)
    incoming = _stored(dataset.dossiers).with_columns(_year().alias(PARTITION))
    partitions: dict[int, int] = {}
    inserted = replaced = 0
    for (year,), rows in incoming.partition_by(PARTITION, as_dict=True).items():
        target = _partition_file(out, int(year))
        fresh = rows.drop(PARTITION).with_columns(pl.lit(1, pl.UInt32).alias(FILE))
        if target.is_file():
            old = pl.read_parquet(target).with_columns(pl.lit(0, pl.UInt32).alias(FILE))
            merged = deduplicate(
                with_unit_key(pl.concat([old, fresh], how="diagonal_relaxed")), meta.duplicate_key
            )
            replaced += merged.duplicates
            inserted += fresh.height - merged.duplicates
            kept = merged.dossiers
        else:
            inserted += fresh.height
            kept = fresh
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            _stored(kept).write_parquet(tmp, compression="zstd", statistics=True)
        partitions[int(year)] = kept.height
    present = {name for name in canonical_names() if dataset.fields_present(name)}
    meta.fields_present = sorted(set(meta.fields_present) | present)
    meta.sources = sorted(set(meta.sources) | {i.path for i in dataset.inputs})
    write_text_atomic(out / META, meta.model_dump_json(indent=2) + "\n")
    return ConvertResult(
        store=str(out), rows_in=incoming.height, inserted=inserted, replaced=replaced, partitions=partitions
    )


def read_store(path: Path, until: date | None = None) -> tuple[pl.DataFrame, StoreMeta]:
    """The store's dossiers, read as a hive-partitioned dataset (only the partitions up to
    ``until``'s year when given: the filter on the partition column prunes the others)."""
    import polars as pl

    meta = read_meta(path)
    if not any(path.glob(f"{PARTITION}=*/{DATA}")):
        empty = pl.DataFrame(schema={**canonical_dtypes(), ROW: pl.UInt32, UNIT_KEY: pl.String})
        return _loaded(empty), meta
    scan = pl.scan_parquet(
        path / f"{PARTITION}=*" / DATA,
        hive_partitioning=True,
        hive_schema={PARTITION: pl.Int32},
    )
    if until is not None:
        scan = scan.filter(pl.col(PARTITION) <= until.year)
    return _loaded(scan.collect()), meta


def _loaded(frame: pl.DataFrame) -> pl.DataFrame:
    """Stored rows in the shape of ingested dossiers (one input: the store)."""
    import polars as pl

    dtypes = canonical_dtypes()
    # a store written before a field existed holds no column for it: unknown, as in an export without it
    fields = [
        pl.col(n).cast(dtypes[n]) if n in frame.columns else pl.lit(None, dtypes[n]).alias(n)
        for n in canonical_names()
    ]
    return frame.select(
        pl.lit(0, pl.UInt32).alias(FILE),
        pl.col(ROW).cast(pl.UInt32),
        *fields,
        pl.col(UNIT_KEY).cast(pl.Categorical),
    )


def store_dataset(path: Path, until: date | None, duplicate_key: DuplicateKey) -> Dataset:
    """A store read as a dataset: every stored dossier used, nothing rejected here (the
    rejected rows were reported by ``convert``)."""
    import polars as pl

    frame, meta = read_store(path, until)
    if meta.duplicate_key != duplicate_key:
        raise InputError("store.key_mismatch", path=str(path), which=meta.duplicate_key)
    received = frame.select(
        pl.col("received_at").min().alias("a"), pl.col("received_at").max().alias("b")
    ).row(0)
    info = InputFile(
        path=str(path),
        format="parquet",
        rows_read=frame.height,
        rows_used=frame.height,
        columns={name: name for name in meta.fields_present},
        received_first=received[0].date() if received[0] else None,
        received_last=received[1].date() if received[1] else None,
    )
    rejected = pl.DataFrame(
        schema={FILE: pl.UInt32, ROW: pl.UInt32, REJECT: pl.String, REJECT_FIELD: pl.String}
    )
    return Dataset(
        dossiers=frame,
        inputs=[info],
        plans=[],
        rejected=rejected,
        duplicate_key=duplicate_key,
        stored_fields=frozenset(meta.fields_present),
    )


def find_stores(specs: Sequence[str | Path]) -> tuple[list[Path], list[str | Path]]:
    """Split input specs into stores and exports."""
    stores = [Path(s) for s in specs if is_store(Path(s))]
    return stores, [s for s in specs if not is_store(Path(s))]
