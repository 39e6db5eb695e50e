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
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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
    partitions: dict[int, str | list[str]] = Field(default_factory=dict)  # a year: one file, or several


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


def year_files(meta: StoreMeta, year: int) -> list[str]:
    """The files of ``year`` (relative to the store): one as ``convert`` writes it, or several
    (a year split by province, as a national roll-up writes it)."""
    name = meta.partitions[year]
    return [name] if isinstance(name, str) else list(name)


def listed_files(meta: StoreMeta) -> list[str]:
    """Every file the description lists."""
    return [name for year in meta.partitions for name in year_files(meta, year)]


def out_of_reach(since: date | None, until: date | None) -> pl.Expr:
    """Whether a stored dossier lies outside the reach of a run whose periods start on or
    after ``since`` and end by ``until``: closed and arrived before ``since``, or arrived
    after ``until``. No figure of such a period counts it (it is neither received in the
    period nor carried into it), so the run leaves it out. A dossier missing its dates is
    always read."""
    import polars as pl

    closed = pl.coalesce(pl.col("finished_at"), pl.col("returned_at"))
    arrived = pl.coalesce(pl.col("received_at"), pl.col("submitted_at"))
    out = pl.lit(False)
    if since is not None:
        moment = datetime.combine(since, time())
        out = out | ((closed < moment) & (arrived < moment)).fill_null(False)
    if until is not None:
        out = out | (arrived >= datetime.combine(until + timedelta(days=1), time())).fill_null(False)
    return out


@dataclass(frozen=True)
class StoreRead:
    """What a run read of a store: the dossiers, the description, and the extent of the
    files read (their rows and received dates, including the dossiers left unread)."""

    frame: pl.DataFrame
    meta: StoreMeta
    rows_in_files: int
    received: tuple[datetime | None, datetime | None]


def read_store(
    path: Path, until: date | None = None, since: date | None = None
) -> tuple[pl.DataFrame, StoreMeta]:
    """The store's dossiers (see :func:`read_store_extent`)."""
    read = read_store_extent(path, until, since)
    return read.frame, read.meta


def read_store_extent(path: Path, until: date | None = None, since: date | None = None) -> StoreRead:
    """The store's dossiers: the files its description lists (only the years up to
    ``until``'s year when given; without the dossiers :func:`out_of_reach` of ``since`` and
    ``until``), as one lazy query over the files with the row filter pushed into each file's
    scan, run by the streaming engine. Read again from a fresh description when a
    concurrent convert removed a listed file in between, so the result is one generation,
    never a mix."""
    import polars as pl

    for attempt in range(READ_ATTEMPTS):
        meta = read_meta(path)
        years = sorted(y for y in meta.partitions if until is None or y <= until.year)
        files = [path / name for year in years for name in year_files(meta, year)]
        try:
            return _read_files(files, meta, since, until)
        except (OSError, pl.exceptions.PolarsError):  # its text may quote the file: never shown
            if attempt + 1 < READ_ATTEMPTS and read_meta(path).generation != meta.generation:
                continue
            missing = next((f for f in files if not f.is_file()), files[0] if files else path)
            name = missing.relative_to(path).as_posix() if missing != path else META
            raise InputError("store.damaged", path=str(path), file=name) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _read_files(files: Sequence[Path], meta: StoreMeta, since: date | None, until: date | None) -> StoreRead:
    import polars as pl

    if not files:
        empty = pl.DataFrame(schema={**canonical_dtypes(), ROW: pl.UInt32, UNIT_KEY: pl.String})
        return StoreRead(_loaded(empty.lazy()).collect(), meta, 0, (None, None))
    scans = [pl.scan_parquet(file) for file in files]
    received = pl.col("received_at")
    extent_of = [pl.len().alias("n"), received.min().alias("a"), received.max().alias("b")]
    each = [s.select(extent_of) for s in scans]
    extent = pl.concat(each).select(pl.col("n").sum(), pl.col("a").min(), pl.col("b").max())
    kept = [_loaded(s).filter(~out_of_reach(since, until)) for s in scans]
    frame, counts = pl.collect_all([pl.concat(kept, how="vertical"), extent], engine="streaming")
    rows, first, last = counts.row(0)
    return StoreRead(frame, meta, int(rows), (first, last))


def _loaded(scan: pl.LazyFrame) -> pl.LazyFrame:
    """Stored rows in the shape of ingested dossiers (one input: the store)."""
    import polars as pl

    dtypes = canonical_dtypes()
    columns = scan.collect_schema().names()
    # a store written before a field existed holds no column for it: unknown, as in an export without it
    fields = [
        pl.col(n).cast(dtypes[n]) if n in columns else pl.lit(None, dtypes[n]).alias(n)
        for n in canonical_names()
    ]
    return scan.select(
        pl.lit(0, pl.UInt32).alias(FILE),
        pl.col(ROW).cast(pl.UInt32),
        *fields,
        pl.col(UNIT_KEY).cast(pl.Categorical),
    )


def store_dataset(
    path: Path, until: date | None, duplicate_key: DuplicateKey, since: date | None = None
) -> Dataset:
    """A store read as a dataset: every stored dossier read used, nothing rejected here (the
    rejected rows were reported by ``convert``); the dossiers out of the run's reach (see
    :func:`out_of_reach`) are counted as skipped (``out_of_reach``), never loaded."""
    import polars as pl

    read = read_store_extent(path, until, since)
    frame, meta = read.frame, read.meta
    if meta.duplicate_key != duplicate_key:
        raise InputError("store.key_mismatch", path=str(path), which=meta.duplicate_key)
    first, last = read.received
    unread = read.rows_in_files - frame.height
    info = InputFile(
        path=str(path),
        format="parquet",
        rows_read=read.rows_in_files,
        rows_used=frame.height,
        rows_skipped=unread,
        skipped={"out_of_reach": unread} if unread else {},
        columns={name: name for name in meta.fields_present},
        received_first=first.date() if first else None,
        received_last=last.date() if last else None,
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
    return [path / META, *(path / name for name in listed_files(meta))]


def find_stores(specs: Sequence[str | Path]) -> tuple[list[Path], list[str | Path]]:
    """Split input specs into stores and exports."""
    stores = [Path(s) for s in specs if is_store(Path(s))]
    return stores, [s for s in specs if not is_store(Path(s))]
