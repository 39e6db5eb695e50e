"""``convert``'s write into the Parquet store, as one transaction.

1. Lock the store itself (``.cchc-kpi-store.lock`` inside its resolved folder), so two
   runs naming the store by different paths (a symlink, a relative path) still exclude
   each other.
2. Remove the leftovers of an interrupted convert (files the description does not list).
3. *Upsert*: a dossier already stored under the duplicate key is found in whichever
   year it sits (a corrected export may move its received date across a new year) and
   compared with the incoming version under the rule of duplicates within a run.
4. Write every year the upsert touches as a new file of the next generation.
5. Replace the description in one atomic rename — the switch: before it the store is
   the old one, after it the new one. A failure before the switch removes the new files.
6. Remove the files the new description no longer lists.

A reader (:func:`~cchc_kpi.ingestion.store.read_store`) reads a description and then
exactly its files, so it sees the old store or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_kpi.atomic import atomic_path, exclusive_lock, write_text_atomic
from cchc_kpi.errors import InputError, OutputError
from cchc_kpi.ingestion.dataset import Dataset
from cchc_kpi.ingestion.dedupe import UNIT_KEY, deduplicate, key_columns, with_unit_key
from cchc_kpi.ingestion.parse import FILE, canonical_names
from cchc_kpi.ingestion.store import (
    LEGACY_DATA,
    LOCK,
    META,
    PARTITION,
    UNDATED,
    ConvertResult,
    StoreMeta,
    is_store,
    listed_files,
    partition_name,
    read_meta,
    year_files,
)
from cchc_kpi.read.grid import ROW

if TYPE_CHECKING:
    import polars as pl


def write_store(dataset: Dataset, out: Path) -> ConvertResult:
    """Upsert the dataset's dossiers into the store at ``out`` (created when missing)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("output.failed", path=str(out), reason=exc.strerror or type(exc).__name__) from None
    store = out.resolve()
    with exclusive_lock(store / LOCK, out):
        meta = read_meta(store) if is_store(store) else StoreMeta(duplicate_key=dataset.duplicate_key)
        if meta.duplicate_key != dataset.duplicate_key:
            raise InputError("store.key_mismatch", path=str(out), which=meta.duplicate_key)
        remove_leftovers(store, meta)
        return _upsert(dataset, store, meta, shown=str(out))


def remove_leftovers(store: Path, meta: StoreMeta) -> list[Path]:
    """Remove the files of interrupted converts: data and temporary files in the year
    folders that the description does not list (called under the store's lock)."""
    listed = {(store / name).resolve() for name in listed_files(meta)}
    removed = []
    for folder in store.glob(f"{PARTITION}=*"):
        for file in folder.iterdir():
            ours = file.name.startswith((".dossiers", "dossiers-g")) or file.name == LEGACY_DATA
            if file.is_file() and ours and file.resolve() not in listed:
                with contextlib.suppress(OSError):
                    file.unlink()
                    removed.append(file)
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    for file in store.glob(f".{META}.*.tmp"):
        with contextlib.suppress(OSError):
            file.unlink()
            removed.append(file)
    return removed


def _year() -> pl.Expr:
    import polars as pl

    return pl.col("received_at").dt.year().fill_null(UNDATED).cast(pl.Int32)


# held as categoricals in memory, stored as text: as every store written before they were, so that
# the files of one year (one per province, written by different versions) agree on their types
STORED_AS_TEXT = ("channel", "service_level")


def _stored(frame: pl.DataFrame) -> pl.DataFrame:
    """The columns a store keeps: canonical ones, where each row came from, the unit key."""
    import polars as pl

    fields = [pl.col(n).cast(pl.String) if n in STORED_AS_TEXT else pl.col(n) for n in canonical_names()]
    return frame.select(*fields, pl.col(ROW).cast(pl.UInt32), pl.col(UNIT_KEY).cast(pl.String))


def _holds_any(files: list[Path], wanted: pl.DataFrame, keys: list[str]) -> bool:
    """Whether a stored year holds one of the ``wanted`` dossiers (only the key columns read)."""
    import polars as pl

    scan = pl.scan_parquet(files).select(keys).join(wanted.lazy(), on=keys, how="semi")
    return scan.head(1).collect().height > 0


def _upsert(dataset: Dataset, store: Path, meta: StoreMeta, shown: str) -> ConvertResult:
    import polars as pl

    keys = key_columns(meta.duplicate_key)
    incoming = _stored(dataset.dossiers)
    wanted = incoming.select(keys).unique()
    # the stored years holding an earlier version of an incoming dossier, whatever its year
    holding = {}
    for year in meta.partitions:
        files = [store / name for name in year_files(meta, year)]
        if _holds_any(files, wanted, keys):
            holding[year] = pl.read_parquet(files)
    earlier = [frame.join(wanted, on=keys, how="semi") for frame in holding.values()]
    candidates = pl.concat(
        [*(f.with_columns(pl.lit(0, pl.UInt32).alias(FILE)) for f in earlier),
         incoming.with_columns(pl.lit(1, pl.UInt32).alias(FILE))],
        how="diagonal_relaxed",
    )  # fmt: skip
    merged = deduplicate(with_unit_key(candidates), meta.duplicate_key)
    winners = _stored(merged.dossiers).with_columns(_year().alias(PARTITION))
    split = winners.partition_by(PARTITION, as_dict=True)
    by_year = {int(y): rows.drop(PARTITION) for (y,), rows in split.items()}
    years: dict[int, pl.DataFrame] = {}
    for year in sorted(set(holding) | set(by_year)):
        stored = holding.get(year)
        if stored is None and year in meta.partitions:  # a year that only gains dossiers
            stored = pl.read_parquet([store / name for name in year_files(meta, year)])
        kept = [stored.join(wanted, on=keys, how="anti")] if stored is not None else []
        gained = [by_year[year]] if year in by_year else []
        years[year] = pl.concat([*kept, *gained], how="diagonal_relaxed")
    switched = _switch(dataset, store, meta, years)
    remove_leftovers(store, switched)  # the files of the generations before
    return ConvertResult(
        store=shown,
        rows_in=incoming.height,
        inserted=incoming.height - merged.duplicates,
        replaced=merged.duplicates,
        partitions={y: rows.height for y, rows in years.items() if rows.height},
    )


def _switch(dataset: Dataset, store: Path, meta: StoreMeta, years: dict[int, pl.DataFrame]) -> StoreMeta:
    """Write each changed year as a file of the next generation, then the description that
    lists them (the switch); on any failure before the switch, remove the new files."""
    switched = meta.model_copy(deep=True)
    switched.format, switched.generation = 2, meta.generation + 1
    written: list[Path] = []
    try:
        for year, rows in years.items():
            if rows.is_empty():
                switched.partitions.pop(year, None)
                continue
            name = partition_name(year, switched.generation)
            target = store / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(target) as tmp:
                _stored(rows).write_parquet(tmp, compression="zstd", statistics=True)
            written.append(target)
            switched.partitions[year] = name
        present = {n for n in canonical_names() if dataset.fields_present(n)}
        switched.fields_present = sorted(set(meta.fields_present) | present)
        switched.sources = sorted(set(meta.sources) | {i.path for i in dataset.inputs})
        switched.partitions = dict(sorted(switched.partitions.items()))
        write_text_atomic(store / META, switched.model_dump_json(indent=2) + "\n")  # the switch
    except BaseException:
        for file in written:
            with contextlib.suppress(OSError):
                file.unlink()
        raise
    return switched
