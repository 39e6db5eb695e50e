"""What an XLSX sheet really spans, found before calamine loads it.

calamine lays a sheet out as a dense range from its first to its last used cell, and
reserves room for the range its ``<dimension>`` declares. A workbook of a few kilobytes
with one cell in row 99,999,999, or a ``<dimension>`` of ``A1:ZZZZZ1``, would take
gigabytes. :func:`sheet_extent` streams the sheet's XML once (decompressed in pieces,
never whole) and finds the rows and columns its cells span; :func:`check_extent` refuses
a sheet beyond Excel's own size or the cell budget. A ``<dimension>`` is only a hint:
one that disagrees with the cells is removed from the copy calamine reads
(:func:`without_dimension`), so it neither cuts the sheet nor reserves memory.

Also here: the workbook's date system (:func:`uses_1904`): serial-number dates in a
workbook saved with the 1904 system count from 1904-01-01.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from cchc_kpi.errors import InputError
from cchc_kpi.read.limits import Limits

EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
CHUNK = 4 << 20
_LETTERS = bytes(range(ord("A"), ord("Z") + 1))
_DIGITS = b"123456789"
# the sheet's elements may carry a namespace prefix (``<x:row>``, ``<x:c>``: workbooks written
# with the Open XML SDK), which calamine reads as plain ``<row>`` / ``<c>``
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROOT = re.compile(rb"<(" + _PREFIX + rb")worksheet\b")
_ROW = re.compile(rb"<" + _PREFIX + rb'row[^>]*?\br="(\d+)"')
_BIG = re.compile(rb'\br="[A-Z]*(\d{7,})"')  # a row or cell reference past row 999,999
_REF = re.compile(rb"<" + _PREFIX + rb'c r="([A-Z]+)\d')
_DIMENSION = re.compile(rb"<" + _PREFIX + rb'dimension ref="([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?"\s*/>')


@dataclass(frozen=True)
class Extent:
    """The rows and columns a sheet's cells span, and what its ``<dimension>`` declares."""

    first_row: int
    last_row: int
    columns: int  # the widest column used (1 = A)
    declared_rows: int
    declared_columns: int
    declared_from_a1: bool = True  # the declared range starts at column A and the first row

    @property
    def rows(self) -> int:
        return max(0, self.last_row - self.first_row + 1)

    @property
    def dimension_lies(self) -> bool:
        """Whether the declared range differs from the cells' (a hint to drop)."""
        spans = (self.declared_rows, self.declared_columns) == (self.last_row, self.columns)
        return not (spans and self.declared_from_a1)


def column_number(letters: bytes) -> int:
    """A column's letters → its number (A → 1, AA → 27)."""
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def uses_1904(book: zipfile.ZipFile) -> bool:
    """Whether the workbook counts dates from 1904 (``<workbookPr date1904="1"/>``)."""
    try:
        head = book.open("xl/workbook.xml").read(1 << 16)
    except (KeyError, zipfile.BadZipFile, OSError):
        return False
    match = re.search(rb'<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"', head)
    return match is not None


def _shape(declared_columns: int) -> bytes:
    """The translation that shapes a sheet's XML for the searches of :func:`sheet_extent`:
    every digit but 0 → 0; every column letter up to the declared last one → A, every
    letter past it → B (with no declared range within A–Z, every letter → A). So
    ``<c r="B`` is a one-letter column past the declared range or a longer reference, and
    ``<c r="AA`` / ``<c r="AB`` a reference of two letters or more."""
    within = declared_columns if 0 < declared_columns < 26 else 26
    classes = b"A" * within + b"B" * (26 - within)
    return bytes.maketrans(_LETTERS + _DIGITS, classes + b"0" * len(_DIGITS))


def sheet_extent(book: zipfile.ZipFile, member: str) -> Extent:
    """Stream ``member`` (a sheet's XML) once and return the range its cells span: one
    translation of each piece and a few plain substring searches (no regular expression over
    the cells)."""
    first_row = last_row = 0
    declared_rows = declared_columns = 0
    tail = b""
    shape = _shape(0)
    past = False  # a reference of two letters or more, or one letter past the declared last column
    seen = False  # any cell written as <c r="…" (the form searched for; <x:c r="…" with a prefix)
    first_letters, first_digits = b"A", b""
    prefixes: tuple[bytes, ...] = (b"",)
    wide, cells = _needles(prefixes, shape)
    with book.open(member) as stream:
        start = True
        while chunk := stream.read(CHUNK):
            piece = tail + chunk
            if start:
                start = False
                root = _ROOT.search(piece[:4096])
                if root and root.group(1):  # the root's prefix; the cells may be written either way
                    prefixes = (b"", root.group(1))
                dimension = _DIMENSION.search(piece[:4096])
                if dimension:
                    last_letters = dimension.group(3) or dimension.group(1)
                    last_digits = dimension.group(4) or dimension.group(2)
                    declared_columns = column_number(last_letters or b"A")
                    declared_rows = int(last_digits or 0)
                    first_letters, first_digits = dimension.group(1) or b"A", dimension.group(2) or b""
                    shape = _shape(declared_columns)
                wide, cells = _needles(prefixes, shape)
            if not first_row and (found := _ROW.search(piece)):
                first_row = int(found.group(1))
            at = max(piece.rfind(b"<" + p + b"row ") for p in prefixes)  # the last row begun in the piece
            if at != -1 and (found := _ROW.match(piece, at)):
                last_row = max(last_row, int(found.group(1)))
            far, *hits = _found(piece.translate(shape), (_FAR_ROW, *wide, *cells))
            if far:  # rows are in order in any real sheet; a far one anywhere counts
                last_row = max([last_row, *(int(n) for n in _BIG.findall(piece))])
            past = past or any(hits[: len(wide)])
            seen = seen or any(hits[len(wide) :])
            # a reference cut between two pieces is seen whole in the next
            tail = chunk[-(64 + len(prefixes[-1])) :]
    if past:  # past column Z or past the declared range: the widest column, read exactly
        columns = _widest(book, member)
    else:  # within A–Z: the declared last column (or Z without one, or when no cell is seen)
        columns = declared_columns if 0 < declared_columns < 26 and seen else 26
    from_a1 = first_letters == b"A" and (not first_digits or int(first_digits) <= max(first_row, 1))
    return Extent(first_row, last_row, columns, declared_rows, declared_columns, from_a1)


_FAR_ROW = b'0000000"'  # a row number of 7 digits or more, translated


def _needles(prefixes: tuple[bytes, ...], shape: bytes) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """What each translated piece is searched for, with each namespace prefix (none, and the
    root element's: the root may be prefixed and its children not): references of two letters
    or more or past the declared last column, and any cell reference (``<c r="``), translated
    as the pieces are."""
    starts = [(b"<" + p + b'c r="').translate(shape) for p in prefixes]
    return tuple(c + end for c in starts for end in (b"B", b"AA", b"AB")), tuple(starts)


def _found(piece: bytes, needles: tuple[bytes, ...]) -> list[bool]:
    """Whether each of ``needles`` occurs in ``piece``: the searches run in Polars (SIMD
    substring search, in parallel), several times faster than Python's on megabytes."""
    import polars as pl

    text = pl.lit(pl.Series([piece], dtype=pl.Binary))
    found = pl.select([text.bin.contains(n).alias(str(i)) for i, n in enumerate(needles)])
    return [bool(v) for v in found.row(0)]


def _widest(book: zipfile.ZipFile, member: str) -> int:
    """The widest column referenced, read exactly (a second pass, for sheets past column Z
    or past their declared range; a reference of more than three letters is past Excel's
    last column, so its number is not worked out)."""
    widest, tail = 1, b""
    with book.open(member) as stream:
        while chunk := stream.read(CHUNK):
            refs = _REF.findall(tail + chunk)
            if refs:
                longest = max(refs, key=len)
                if len(longest) > 3:
                    return EXCEL_COLUMNS + 1
                widest = max(widest, max(column_number(r) for r in set(refs)))
            tail = chunk[-64:]
    return widest


def check_extent(extent: Extent, file: str, sheet: str, limits: Limits) -> None:
    """Refuse a sheet past Excel's own size, or whose dense range passes the cell budget."""
    if extent.last_row > EXCEL_ROWS or extent.columns > EXCEL_COLUMNS:
        raise InputError(
            "input.sheet_too_big", file=file, sheet=sheet, rows=extent.last_row, columns=extent.columns,
        )  # fmt: skip
    if limits.sheet_cells is not None and extent.rows * extent.columns > limits.sheet_cells:
        raise InputError(
            "input.sheet_cells", file=file, sheet=sheet, rows=extent.rows, columns=extent.columns,
            limit=limits.sheet_cells,
        )  # fmt: skip


def without_dimension(data: bytes, members: set[str]) -> bytes:
    """The workbook ``data`` with the ``<dimension>`` of ``members`` removed (rewritten in
    memory; only for the rare workbook whose declared range is wrong)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in members:
                content = _DIMENSION.sub(b"", content, count=1)
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
