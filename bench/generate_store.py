"""A synthetic national store for the scale benchmark: ``rows`` dossiers received over
five years (2020–2024) in 63 provinces, written straight as a cchc-kpi Parquet store
partitioned by year and province (one file per province in each year's folder, listed by
the store's description), without going through exports (a 100M-row CSV would be 33 GB).

Every value is a vectorised function of the row number (no Python loop over rows):
30 units per province, 40 procedures, the three channels, due dates 1–15 days after
receipt, nine dossiers in ten resolved within 20 days, the rest of the last two months
still pending at the export.

    python bench/generate_store.py 100000000 bench/data/store-100M
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

YEARS = range(2020, 2025)
PROVINCES = 63
UNITS_PER_PROVINCE = 30
PROCEDURES = 40
EXPORTED = datetime(2024, 12, 31, 17, 0)
SECONDS_A_YEAR = 365 * 86400


def _draw(n: int, salt: int, modulo: int):  # type: ignore[no-untyped-def]
    """A pseudo-random integer in [0, modulo) per row, from the row number (reproducible)."""
    import polars as pl

    return (pl.int_range(n, dtype=pl.UInt64).hash(seed=salt) % modulo).cast(pl.Int64)


def province_year(year: int, province: int, n: int):  # type: ignore[no-untyped-def]
    """The dossiers one province received in one year, in the store's columns."""
    import polars as pl

    from cchc_kpi.ingestion.dedupe import with_unit_key
    from cchc_kpi.ingestion.parse import canonical_dtypes, canonical_names
    from cchc_kpi.read.grid import ROW

    salt = year * 100 + province
    start = pl.lit(datetime(year, 1, 1, 7, 30))
    received = start + pl.duration(seconds=_draw(n, salt, SECONDS_A_YEAR))
    due = received + pl.duration(days=1 + _draw(n, salt + 1, 15))
    finished = received + pl.duration(days=_draw(n, salt + 2, 20), hours=_draw(n, salt + 3, 8))
    late_in_data = received > pl.lit(datetime(2024, 11, 1))
    pending = late_in_data & (_draw(n, salt + 4, 10) == 0) | (finished > pl.lit(EXPORTED))
    unit = pl.format("UBND xã Số {} tỉnh {}", _draw(n, salt + 5, UNITS_PER_PROVINCE), pl.lit(province))
    procedure = _draw(n, salt + 6, PROCEDURES)
    channel = pl.lit(["online", "direct", "postal"]).list.get(_draw(n, salt + 7, 3))
    level = pl.lit(["full", "partial", "info"]).list.get(procedure % 3)
    frame = pl.select(
        pl.format("T{}-{}-{}", pl.lit(province), pl.lit(year), pl.int_range(n)).alias("dossier_id"),
        unit.alias("unit"),
        received.alias("received_at"),
        due.alias("due_at"),
        pl.when(~pending).then(finished).alias("finished_at"),
        pl.when(~pending).then(finished + pl.duration(days=_draw(n, salt + 8, 3))).alias("returned_at"),
        pl.when(pending).then(4).otherwise(10).cast(pl.Int8).alias("status"),
        channel.alias("channel"),
        pl.format("1.{}", procedure).alias("procedure_code"),
        pl.format("Thủ tục số {}", procedure).alias("procedure_name"),
        pl.format("Lĩnh vực {}", procedure % 8).alias("field"),
        level.alias("service_level"),
        (1 + procedure % 15).cast(pl.Float64).alias("processing_days"),
        (_draw(n, salt + 9, 4) > 0).alias("e_result"),
        (_draw(n, salt + 10, 5) > 0).alias("digitized"),
        (_draw(n, salt + 11, 3) == 0).alias("reused"),
        (_draw(n, salt + 12, 4) * 25_000).alias("fee_amount"),
        (channel == "online").alias("paid_online"),
        (pl.int_range(n) + 1).cast(pl.UInt32).alias(ROW),
    ).with_columns(pl.col("unit").cast(pl.Categorical))
    dtypes = canonical_dtypes()
    frame = frame.with_columns(
        pl.lit(None, dtypes[name]).alias(name) for name in canonical_names() if name not in frame.columns
    )
    frame = with_unit_key(frame)
    return frame.select(*canonical_names(), ROW, pl.col("_unit_key").cast(pl.String)).sort("received_at")


def write_store(rows: int, target: Path) -> Path:
    """Write the store of ``rows`` dossiers (about the same number per year and province)."""
    from cchc_kpi.ingestion.store import META, PARTITION, StoreMeta

    target.mkdir(parents=True, exist_ok=True)
    files: dict[int, list[str]] = {}
    parts = len(YEARS) * PROVINCES
    for year in YEARS:
        for province in range(1, PROVINCES + 1):
            name = f"{PARTITION}={year}/dossiers-g1-p{province:02d}.parquet"
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            province_year(year, province, rows // parts).write_parquet(target / name, compression="zstd")
            files.setdefault(year, []).append(name)
    fields = ["dossier_id", "unit", "received_at", "due_at", "finished_at", "returned_at", "status",
              "channel", "procedure_code", "procedure_name", "field", "service_level", "processing_days",
              "e_result", "digitized", "reused", "fee_amount", "paid_online"]  # fmt: skip
    meta = StoreMeta(generation=1, fields_present=sorted(fields), sources=["synthetic"], partitions=files)  # type: ignore[arg-type]
    (target / META).write_text(json.dumps(meta.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write_store(int(sys.argv[1]), Path(sys.argv[2])))
