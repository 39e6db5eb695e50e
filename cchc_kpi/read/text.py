"""Reading delimited text exports (CSV, TSV, "Unicode text") into a raw grid.

The encoding (UTF-8 with or without BOM, UTF-16, Windows-1258) and the delimiter
(``,`` ``;`` tab ``|``) are detected from the file's first megabyte; the file is
then scanned lazily by Polars with every cell as text, so that only the columns
the mapping selects are ever materialised.
"""

from __future__ import annotations

import contextlib
import csv
import io
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from cchc_kpi.errors import InputError
from cchc_kpi.read.grid import HEAD_ROWS, ROW, RawGrid, column_name
from cchc_kpi.schema.headers import count_alias_matches

SAMPLE_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t", "|")


@contextlib.contextmanager
def _long_fields() -> Iterator[None]:
    """Let the csv module read fields as long as the sample (a long cell is data, not an
    error), for the sniffing only; the module's limit is restored after."""
    before = csv.field_size_limit(SAMPLE_BYTES * 4)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def detect_encoding(sample: bytes) -> str:
    """Return the codec of a text export from its first bytes.

    BOMs decide; otherwise UTF-16 without BOM shows as many NUL bytes, strict
    UTF-8 is tried next, and Windows-1258 is the fallback of legacy software.
    Raises :class:`InputError` (``input.binary``) when it is none of these.
    """
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if sample.count(b"\x00") > len(sample) // 4:
        if sample[1::2].count(b"\x00") > len(sample) // 4:
            return "utf-16-le"
        return "utf-16-be"
    cut = sample.rfind(b"\n") + 1 if len(sample) == SAMPLE_BYTES else len(sample)
    try:
        sample[: cut or len(sample)].decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        sample.decode("cp1258")
    except UnicodeDecodeError:
        return "binary"
    return "cp1258"


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    return controls > max(8, len(text) // 100)


def sniff_delimiter(lines: list[str]) -> tuple[str, int]:
    """Return ``(delimiter, number of columns)`` for sample lines of a text export.

    The delimiter whose split names the most canonical fields in one row wins;
    ties go to the one that splits the most rows consistently.
    """
    best: tuple[int, int, int, str] | None = None
    for delimiter in DELIMITERS:
        with _long_fields():
            rows = list(csv.reader(lines, delimiter=delimiter, quotechar='"'))
        widths = [len(r) for r in rows if r]
        if not widths:
            continue
        matches = max(count_alias_matches(r) for r in rows[:HEAD_ROWS])
        common = max(widths.count(w) for w in set(widths) if w > 1) if max(widths) > 1 else 0
        score = (matches, common, max(widths), delimiter)
        if best is None or score[:3] > best[:3]:
            best = score
    if best is None:
        return ",", 1
    return best[3], best[2]


def read_text_grid(path: Path) -> RawGrid:
    """Open a delimited text export as a :class:`RawGrid` (lazy; nothing parsed yet)."""
    import polars as pl

    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise InputError("input.empty_file", file=str(path))
    encoding = detect_encoding(sample)
    if encoding == "binary":
        raise InputError("input.binary", file=str(path))
    source: Path | io.BytesIO = path
    if encoding in ("utf-8", "utf-8-sig"):
        text = sample.decode("utf-8-sig", errors="ignore")
    else:
        try:
            decoded = path.read_bytes().decode(encoding)
        except UnicodeDecodeError:
            raise InputError("input.binary", file=str(path)) from None
        decoded = unicodedata.normalize("NFC", decoded).lstrip("\ufeff")
        source = io.BytesIO(decoded.encode("utf-8"))
        text = decoded[:SAMPLE_BYTES]
    if "\x00" in text or _looks_binary(text):
        raise InputError("input.binary", file=str(path))
    lines = text.splitlines(keepends=True)
    if len(sample) == SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line of a cut sample may be partial
    delimiter, n_columns = sniff_delimiter(lines[:1000])
    schema = {column_name(i): pl.String for i in range(n_columns)}
    scan = pl.scan_csv(
        source,
        separator=delimiter,
        has_header=False,
        schema=schema,
        missing_columns="insert",
        truncate_ragged_lines=True,
        quote_char='"',
        encoding="utf8",
    ).with_row_index(ROW, offset=1)
    head_frame = scan.head(HEAD_ROWS).collect()
    head = [list(r[1:]) for r in head_frame.iter_rows()]
    details = {"format": "csv", "encoding": encoding, "delimiter": {"\t": "tab"}.get(delimiter, delimiter)}

    def loader(indexes: Sequence[int]) -> pl.LazyFrame:
        return scan.select(ROW, *[column_name(i) for i in indexes])

    return RawGrid(path=path, n_columns=n_columns, head=head, loader=loader, details=details)
