"""Reading JSON records: the national portal's dossier sync (DongBoHoSoMC) as one-stop
packages send it — a list of records, or a list under a key ("data", "HoSo" …), or one
record per line (JSON Lines).

Each record becomes a row under its field names (the first row holds the names, as in
a CSV export of the same data, so row 2 is the first record). Applicant fields (ChuHoSo,
SoGiayToChuHoSo, SoDienThoai, Email …) are dropped as the records are read and never
reach a frame. The nested lists give derived columns: ``Gia`` the sum of the fees of
``DanhSachLePhi``, ``DuocLayTuKhoDMQG`` whether a document of ``TaiLieuNop`` was taken
from the national data store or reused, ``HoSoCoThanhPhanSoHoa`` (when absent) whether one
was digitised.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from cchc_kpi.errors import InputError, OwnOutputError
from cchc_kpi.read.grid import HEAD_ROWS, ROW, RawGrid, column_name
from cchc_kpi.read.own_outputs import is_own_json
from cchc_kpi.read.source import Source
from cchc_kpi.schema.personal import is_personal_header

JSON_SNIFF_BYTES = 4096
TRUE = {"1", "true", "True", "yes"}


def looks_like_json(start: bytes) -> bool:
    """Whether a file holds JSON (an array or an object first), from its first bytes."""
    return start[:JSON_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \r\n\t")[:1] in (b"[", b"{")


def _records(data: Any) -> list[dict[str, Any]] | None:
    """The list of records in a parsed document: the document, or its first list of objects."""
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)] if any(isinstance(r, dict) for r in data) else None
    if isinstance(data, dict):
        for value in data.values():
            found = _records(value) if isinstance(value, (list, dict)) else None
            if found:
                return found
    return None


def _truthy(value: Any) -> bool:
    return value is True or str(value).strip() in TRUE


def _flat(record: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
    """A record's scalar fields as text (applicant fields left out), then the derived ones."""
    for key, value in record.items():
        if is_personal_header(key) or isinstance(value, (list, dict)):
            continue
        yield key, None if value is None else str(value)
    fees = record.get("DanhSachLePhi")
    if isinstance(fees, list) and "Gia" not in record:
        amounts = [f.get("Gia") for f in fees if isinstance(f, dict)]
        total = sum(int(float(a)) for a in amounts if isinstance(a, (int, float, str)) and str(a).strip())
        yield "Gia", str(total)
    documents = record.get("TaiLieuNop")
    if isinstance(documents, list):
        items = [d for d in documents if isinstance(d, dict)]
        if "DuocLayTuKhoDMQG" not in record:
            reused = any(_truthy(d.get("DuocLayTuKhoDMQG")) or _truthy(d.get("DuocTaiSuDung")) for d in items)
            yield "DuocLayTuKhoDMQG", "1" if reused else "0"
        if "HoSoCoThanhPhanSoHoa" not in record:
            yield "HoSoCoThanhPhanSoHoa", "1" if any(_truthy(d.get("DuocSoHoa")) for d in items) else "0"


def _parse(path: Path, data: bytes) -> list[dict[str, Any]]:
    raw = data.decode("utf-8-sig", errors="strict")
    try:
        document = json.loads(raw)
        if is_own_json(document):
            raise OwnOutputError("input.own_output", file=str(path))
        found = _records(document)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError; nesting too deep
        lines = [line for line in raw.splitlines() if line.strip()]
        try:
            found = _records([json.loads(line) for line in lines])
        except (ValueError, RecursionError):
            raise InputError("input.bad_json", file=str(path)) from None
    if not found:
        raise InputError("input.no_records", file=str(path))
    return found


def read_json_grid(source: Source) -> RawGrid:
    """One grid of the records of a JSON file (names in row 1, records from row 2)."""
    import polars as pl

    path = source.path
    try:
        records = _parse(path, source.read_all())
    except UnicodeDecodeError:
        raise InputError("input.binary", file=str(path)) from None
    rows = [dict(_flat(r)) for r in records]
    names: list[str] = list(dict.fromkeys(k for row in rows for k in row))
    data = {column_name(i): [name, *(row.get(name) for row in rows)] for i, name in enumerate(names)}
    frame = pl.DataFrame(data, schema=dict.fromkeys(data, pl.String)).with_row_index(ROW, offset=1)

    def loader(indexes: Sequence[int]) -> pl.LazyFrame:
        return frame.lazy().select(ROW, *[column_name(i) for i in indexes])

    head: list[list[str | None]] = [[*names]]
    head += [[row.get(n) for n in names] for row in rows[: HEAD_ROWS - 1]]
    return RawGrid(path=path, n_columns=len(names), head=head, loader=loader, details={"format": "json"})
