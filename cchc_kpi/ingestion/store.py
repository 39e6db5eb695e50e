"""The canonical Parquet store: validated, de-duplicated dossiers partitioned by the
year they were received, for inputs too big to re-read from exports every run.

Layout::

    kho/cchc-kpi-store.json                       the description: which file holds each year
    kho/received_year=2024/dossiers-g7.parquet    a year's dossiers, generation 7
    kho/.cchc-kpi-store.lock                      held while a convert writes

The description is the store: a reader reads it, then exactly the files it lists, so a
convert that writes new files and then replaces the description in one rename (see
:mod:`cchc_kpi.ingestion.store_write`) is seen whole or not at all. Files no description
lists are leftovers of an interrupted convert; the next convert removes them.

The store keeps canonical columns only — never applicant names, ID numbers or phones,
which are never read in the first place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.accounting import InputFile
from cchc_kpi.ingestion.dataset import Dataset
from cchc_kpi.ingestion.dedupe import UNIT_KEY
from cchc_kpi.ingestion.parse import FILE, canonical_dtypes, canonical_names
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD
from cchc_kpi.read.grid import ROW
from cchc_kpi.schema.choices import DuplicateKey

if TYPE_CHECKING:
    import polars as pl

PARTITION = "received_year"
META = "cchc-kpi-store.json"
LOCK = ".cchc-kpi-store.lock"
LEGACY_DATA = "dossiers.parquet"  # format 1: one unnamed file per year, found by listing
UNDATED = 0  # never-accepted dossiers without a received date
READ_ATTEMPTS = 3  # a convert may remove the files of the generation a reader had just listed


class StoreMeta(BaseModel):
    """What the store holds: the file of each year (relative to the store), the
    generation that wrote it, the fields its exports had and the duplicate key."""

    format: int = 2
    generation: int = 0
    duplicate_key: DuplicateKey = "unit"
    fields_present: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    partitions: dict[int, str] = Field(default_factory=dict)


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
    """The store's description (a format-1 store's files found by listing its folders)."""
    try:
        meta = StoreMeta.model_validate_json((path / META).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise InputError("store.unreadable", path=str(path), reason=reason) from None
    if meta.format < 2:
        found = sorted(path.glob(f"{PARTITION}=*/{LEGACY_DATA}"))
        meta.partitions = {int(f.parent.name.split("=", 1)[1]): f.relative_to(path).as_posix() for f in found}
    return meta


def partition_name(year: int, generation: int) -> str:
    """The file of ``year`` written by ``generation``, relative to the store."""
    return f"{PARTITION}={year}/dossiers-g{generation}.parquet"


def read_store(path: Path, until: date | None = None) -> tuple[pl.DataFrame, StoreMeta]:
    """The store's dossiers: the files its description lists (only the years up to
    ``until``'s year when given). Read again from a fresh description when a concurrent
    convert removed a listed file in between, so the result is one generation, never a mix."""
    import polars as pl

    for attempt in range(READ_ATTEMPTS):
        meta = read_meta(path)
        years = sorted(y for y in meta.partitions if until is None or y <= until.year)
        frames = []
        try:
            for year in years:
                frames.append(pl.read_parquet(path / meta.partitions[year]))
        except (OSError, pl.exceptions.PolarsError):
            if attempt + 1 < READ_ATTEMPTS and read_meta(path).generation != meta.generation:
                continue
            raise InputError("store.damaged", path=str(path), file=meta.partitions[year]) from None
        if not frames:
            empty = pl.DataFrame(schema={**canonical_dtypes(), ROW: pl.UInt32, UNIT_KEY: pl.String})
            return _loaded(empty), meta
        return _loaded(pl.concat(frames, how="diagonal_relaxed")), meta
    raise AssertionError("unreachable")  # pragma: no cover


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


def store_files(path: Path) -> list[Path]:
    """The files that make up a store (its description and the files it lists)."""
    meta = read_meta(path)
    return [path / META, *(path / name for name in meta.partitions.values())]


def find_stores(specs: Sequence[str | Path]) -> tuple[list[Path], list[str | Path]]:
    """Split input specs into stores and exports."""
    stores = [Path(s) for s in specs if is_store(Path(s))]
    return stores, [s for s in specs if not is_store(Path(s))]
