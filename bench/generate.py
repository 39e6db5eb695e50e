"""Benchmark inputs: the sample generator's one-stop CSV (semicolon, Vietnamese headers,
``dd/mm/yyyy HH:MM`` dates) at any size, written in chunks so that 10 million rows
need no more memory than one chunk; and a vendor-style XLSX.

    python bench/generate.py csv 1000000 bench/data/dossiers-1m.csv
    python bench/generate.py units 1000000 bench/data/dossiers-1M-units.csv   # every dossier its own unit
    python bench/generate.py xlsx 200000 bench/data/dossiers-200k.xlsx
"""

from __future__ import annotations

import sys
from pathlib import Path

CHUNK = 500_000


def write_csv(rows: int, target: Path, seed: int = 7, distinct_units: bool = False) -> Path:
    """Write ``rows`` dossiers; each chunk has its own seed and dossier-code prefix
    (``distinct_units``: each dossier of its own unit, "UBND xã Số N": a million groups)."""
    import polars as pl

    from cchc_kpi.sample.generate import SampleSpec, generate_dossiers
    from cchc_kpi.sample.layouts import vietnamese_table

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with partial.open("wb") as handle:
        handle.write("\ufeff".encode())
        done, chunk = 0, 0
        while done < rows:
            size = min(CHUNK, rows - done)
            dossiers = generate_dossiers(SampleSpec(rows=size, seed=seed + chunk, units="khanh-hoa"))
            dossiers = dossiers.with_columns(
                pl.format("K{}-{}", pl.lit(chunk), "dossier_id").alias("dossier_id")
            )
            table = vietnamese_table(dossiers).with_columns(
                (pl.col("STT").cast(pl.Int64) + done).cast(pl.String)
            )
            if distinct_units:
                number = (pl.int_range(pl.len()) + done).cast(pl.String)
                table = table.with_columns((pl.lit("UBND xã Số ") + number).alias("Đơn vị xử lý"))
            table.write_csv(handle, separator=";", include_header=chunk == 0)
            done, chunk = done + size, chunk + 1
    partial.replace(target)
    return target


def write_xlsx(rows: int, target: Path, seed: int = 7) -> Path:
    """Write ``rows`` dossiers as the vendor-style workbook of the sample."""
    from cchc_kpi.sample.generate import SampleSpec, generate_dossiers
    from cchc_kpi.sample.workbook import write_workbook

    target.parent.mkdir(parents=True, exist_ok=True)
    spec = SampleSpec(rows=rows, seed=seed, units="khanh-hoa")
    partial = target.with_name(target.stem + ".partial.xlsx")
    write_workbook(partial, generate_dossiers(spec), spec.first_day, spec.last_day)
    partial.replace(target)
    return target


if __name__ == "__main__":
    kind, count, path = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    if kind == "units":
        write_csv(count, path, distinct_units=True)
    else:
        (write_csv if kind == "csv" else write_xlsx)(count, path)
    print(path)
