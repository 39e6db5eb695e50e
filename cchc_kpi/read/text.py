"""Reading delimited text exports (CSV, TSV, "Unicode text") into a raw grid.

The encoding (UTF-8 with or without BOM, UTF-16, Windows-1258) and the delimiter
(``,`` ``;`` tab ``|``) are detected from the file's first megabyte; line ends, NUL
bytes and line lengths are settled before the scanner sees the file; the file is then
scanned lazily by Polars with every cell as text, so that only the columns the mapping
selects are ever materialised.
"""

from __future__ import annotations

import contextlib
import csv
import io
import mmap
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cchc_kpi.errors import InputError
from cchc_kpi.i18n.messages import Message
from cchc_kpi.read.grid import EXTRA, HEAD_ROWS, ROW, RawGrid, column_name
from cchc_kpi.read.limits import Limits
from cchc_kpi.read.source import Source
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
    head = sample[: cut or len(sample)]
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(head):
        return "utf-8"  # a stray byte or two in a UTF-8 export: read, and warned as U+FFFD
    try:
        sample.decode("cp1258")
    except UnicodeDecodeError:
        return "binary"
    return "cp1258"


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text with a few stray bytes (at most one in a thousand of its
    multi-byte characters): Vietnamese text decodes to many multi-byte characters."""
    decoded = data.decode("utf-8", errors="replace")
    stray = decoded.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    # the characters past ASCII, U+FFFD apart (counted in C, not character by character)
    wide = len(decoded) - len(decoded.encode("ascii", "ignore")) - decoded.count("\ufffd")
    return 0 < stray <= max(2, wide // 1000)


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # below space: tab and line ends apart


def _looks_binary(text: str) -> bool:
    """Whether ``text`` holds more control characters (tab and line ends apart) than text does."""
    controls = len(_CONTROLS.findall(text))
    return controls > max(8, len(text) // 100)


def sniff_delimiter(lines: list[str]) -> tuple[str, list[list[str]]]:
    """Return ``(delimiter, the sample rows split by it)`` for sample lines of a text export.

    The delimiter whose split names the most canonical fields in one row wins;
    ties go to the one that splits the most rows consistently.
    """
    best: tuple[int, int, int, str] | None = None
    split: dict[str, list[list[str]]] = {}
    for delimiter in DELIMITERS:
        with _long_fields():
            rows = list(csv.reader(lines, delimiter=delimiter, quotechar='"'))
        widths = [len(r) for r in rows if r]
        if not widths:
            continue
        split[delimiter] = rows
        matches = max(count_alias_matches(r) for r in rows[:HEAD_ROWS])
        common = max(widths.count(w) for w in set(widths) if w > 1) if max(widths) > 1 else 0
        score = (matches, common, max(widths), delimiter)
        if best is None or score[:3] > best[:3]:
            best = score
    if best is None:
        return ",", [[]]
    return best[3], split[best[3]]


def _header_width(rows: list[list[str]]) -> int:
    """The width rows should have: the header's (the row naming the most fields), or the
    most common width when it is wider (a trailing delimiter); the widest row otherwise."""
    widths = [len(r) for r in rows if len(r) > 1]
    if not widths:
        return max((len(r) for r in rows), default=1)
    matches = [count_alias_matches(r) for r in rows[:HEAD_ROWS]]
    usual = Counter(widths).most_common(1)[0][0]
    if max(matches, default=0) == 0:
        return max(widths)
    header = rows[matches.index(max(matches))]
    return max(len(header), usual)


@dataclass
class _Prepared:
    """What the scanner reads: the open file, or one corrected copy of it in memory."""

    data: bytes | None  # None: the file as it is
    encoding: str
    notes: list[Message]
    quoted: bool = True  # whether the file holds a double quote (a cell may then span lines)


def _prepare(source: Source, sample: bytes, limits: Limits) -> _Prepared:
    """Decide, before the scanner, what it must not see: another encoding than UTF-8 (decoded),
    NUL bytes (removed, counted), lone CR line ends (made line ends, counted), lines longer than
    the limit (refused)."""
    path = source.path
    encoding = detect_encoding(sample)
    if encoding == "binary":
        raise InputError("input.binary", file=str(path))
    data: bytes | None = None
    if encoding not in ("utf-8", "utf-8-sig"):
        try:
            decoded = source.read_all().decode(encoding)
        except UnicodeDecodeError:
            raise InputError("input.binary", file=str(path)) from None
        data = unicodedata.normalize("NFC", decoded).lstrip("\ufeff").encode("utf-8")
    mapped = source.mapped() if data is None else None
    view: bytes | mmap.mmap = data if data is not None else (mapped or b"")
    try:
        _check_lines(view, path, limits)
        nul, lone_cr, quoted = _search_faults(view)
        notes: list[Message] = []
        if nul or lone_cr:
            data = bytes(view) if data is None else data
            if nul:
                notes.append(Message("warn.nul_removed", {"file": str(path), "count": data.count(b"\x00")}))
                data = data.replace(b"\x00", b"")
            if lone_cr:
                count = len(_LONE_CR.findall(data))
                notes.append(Message("warn.lone_cr", {"file": str(path), "count": count}))
                data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    finally:
        if mapped is not None:
            mapped.close()
    return _Prepared(data=data, encoding=encoding, notes=notes, quoted=quoted)


_LONE_CR = re.compile(rb"\r(?!\n)")
SEARCH_WINDOW = 64 * 2**20


def _windows(view: bytes | mmap.mmap) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each window of :data:`SEARCH_WINDOW` bytes over ``view``; once the
    caller is done with a window, a mapped file's pages up to its end are let go, so that a
    gigabyte export never sits whole in the process's memory (its pages stay in the system's
    file cache)."""
    size, released = len(view), 0  # the pages let go so far (whole pages only)
    for start in range(0, size, SEARCH_WINDOW):
        end = min(start + SEARCH_WINDOW, size)
        yield start, end
        upto = end - end % mmap.PAGESIZE
        if isinstance(view, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED") and upto > released:
            with contextlib.suppress(OSError):  # only memory at stake (and no madvise on Windows)
                view.madvise(mmap.MADV_DONTNEED, released, upto - released)
            released = upto


def _search_faults(view: bytes | mmap.mmap) -> tuple[bool, bool, bool]:
    """Whether the file holds NUL bytes, line ends made of a lone CR, and a double quote,
    searched a window at a time (:func:`_windows`)."""
    size = len(view)
    nul = lone_cr = quoted = False
    for start, end in _windows(view):
        nul = nul or view.find(b"\x00", start, end) != -1
        quoted = quoted or view.find(b'"', start, end) != -1
        if not lone_cr and view.find(b"\r", start, end) != -1:
            # one byte past the window, so a CR LF cut between two windows is seen whole
            found = _LONE_CR.search(view, start, min(end + 1, size))
            lone_cr = found is not None and found.start() < end
    return nul, lone_cr, quoted


def count_lines(view: bytes | mmap.mmap) -> int:
    """The lines of a text file as the CSV scanner counts them (a last line without its line
    end counts), a window at a time (:func:`_windows`)."""
    import numpy as np

    lines = 0
    for start, end in _windows(view):
        window = np.frombuffer(view, dtype=np.uint8, count=end - start, offset=start)
        lines += int(np.count_nonzero(window == ord("\n")))
        del window  # a mapping cannot be let go while an array views it
    size = len(view)
    return lines + (1 if size and view[size - 1 : size] != b"\n" else 0)


def _check_lines(view: bytes | mmap.mmap, path: Path, limits: Limits) -> None:
    """Refuse a line longer than ``limits.line_bytes``: every window of half that size must
    hold a line end (a few hundred searches for gigabytes, each stopping at once)."""
    if limits.line_bytes is None or len(view) <= limits.line_bytes:
        return
    window = limits.line_bytes // 2
    for start in range(0, len(view) - window, window):
        if view.find(b"\n", start, start + window) == -1 and view.find(b"\r", start, start + window) == -1:
            raise InputError("input.long_line", file=str(path), limit=f"{limits.line_bytes // 2**20} MiB")


def read_text_grid(source: Source, limits: Limits) -> RawGrid:
    """Open a delimited text export as a :class:`RawGrid` (lazy; nothing parsed yet).

    Everything is read from ``source`` — the one open handle, or one corrected copy of it.
    The scan has one column more than the header: a row with a value there holds more
    cells than the header names (two records run together), and is rejected, never cut.
    """
    import polars as pl

    path = source.path
    sample = source.head(SAMPLE_BYTES)
    if not sample.strip():
        raise InputError("input.empty_file", file=str(path))
    if sample.count(b"\n") + sample.count(b"\r") < 2 and source.size > SAMPLE_BYTES:
        sample = source.head(SAMPLE_BYTES + (limits.line_bytes or 64 * SAMPLE_BYTES))  # a long header line
    prepared = _prepare(source, sample, limits)
    data = prepared.data
    if data is not None:
        text = data[: len(sample)].decode("utf-8", errors="ignore")
    else:
        text = sample.decode("utf-8-sig", errors="ignore")
    text = text.lstrip("\ufeff")
    if not text.replace("\x00", "").strip():  # a byte-order mark alone, or NUL bytes
        raise InputError("input.empty_file", file=str(path))
    if _looks_binary(text.replace("\x00", "")):
        raise InputError("input.binary", file=str(path))
    lines = text.splitlines(keepends=True)
    if len(text) >= SAMPLE_BYTES // 2 and len(lines) > 1:
        lines = lines[:-1]  # the last line of a cut sample may be partial
    delimiter, rows = sniff_delimiter(lines[:1000])
    n_columns = _header_width(rows)

    def make_scan(quote: str | None) -> pl.LazyFrame:
        schema = {column_name(i): pl.String for i in range(n_columns)} | {EXTRA: pl.String}
        if data is None:
            source.handle.seek(0)  # the scan reads from where the handle stands when it is made
        return pl.scan_csv(
            io.BytesIO(data) if data is not None else source.handle,
            separator=delimiter,
            has_header=False,
            schema=schema,
            missing_columns="insert",
            truncate_ragged_lines=True,
            quote_char=quote,
            encoding="utf8-lossy",
        ).with_row_index(ROW, offset=1)

    scans = [make_scan('"')]
    try:
        head_frame = scans[-1].head(HEAD_ROWS).drop(EXTRA).collect()
        if head_frame.is_empty():  # a quote in the header line swallowed the file: no row read
            raise pl.exceptions.NoDataError("no rows")
    except pl.exceptions.PolarsError:  # its text quotes the file: never shown
        # quotes as plain characters from the header on: a quoted header cell holding the
        # delimiter is then several cells, so the width is counted again
        plain = list(csv.reader(lines[:1000], delimiter=delimiter, quoting=csv.QUOTE_NONE))
        n_columns = max(n_columns, _header_width(plain))
        scans.append(make_scan(None))
        prepared.notes.append(Message("warn.quotes_as_text", {"file": str(path)}))
        try:
            head_frame = scans[-1].head(HEAD_ROWS).drop(EXTRA).collect()
        except pl.exceptions.PolarsError:
            raise InputError("input.unreadable", file=str(path)) from None
    head = [list(r[1:]) for r in head_frame.iter_rows()]
    details = {
        "format": "csv",
        "encoding": prepared.encoding,
        "delimiter": {"\t": "tab"}.get(delimiter, delimiter),
    }

    def loader(indexes: Sequence[int]) -> pl.LazyFrame:
        return scans[-1].select(ROW, *[column_name(i) for i in indexes], EXTRA)

    def line_count() -> int | None:
        """The file's lines; None once quotes are read as plain characters (every line a row)."""
        if len(scans) > 1:
            return None
        if data is not None:
            return count_lines(data)
        mapped = source.mapped()
        try:
            return count_lines(mapped) if mapped is not None else 0
        finally:
            if mapped is not None:
                mapped.close()

    def quotes_as_text() -> Message | None:
        """Read quotes as plain characters from now on (a stray quote broke the quoted
        reading); None when they already are."""
        if len(scans) > 1:
            return None
        scans.append(make_scan(None))
        return Message("warn.quotes_as_text", {"file": str(path)})

    return RawGrid(
        path=path,
        n_columns=n_columns,
        head=head,
        loader=loader,
        details=details,
        extra=True,
        size_bytes=len(data) if data is not None else source.size,
        source=source if data is None else None,
        notes=prepared.notes,
        fallback=quotes_as_text,
        line_count=line_count if prepared.quoted else None,  # no quote: no cell spans lines
    )
