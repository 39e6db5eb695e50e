"""The first rows of an XLSX sheet, read straight from the workbook's XML.

Finding the header band needs only the first few dozen rows, but calamine parses a
whole sheet to give any of it; reading the head here means a big sheet is parsed
once (by calamine, for the mapped columns only) instead of twice. Shared strings
are read only as far as the head needs them. Returns None when the workbook does
not look as expected, and the caller falls back to calamine.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from xml.etree.ElementTree import iterparse

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL = re.compile(r"^([A-Z]+)(\d+)$")
MAX_HEAD_COLUMNS = 16_384


def column_index(letters: str) -> int:
    """A column's letters → its 0-based index (A → 0, Z → 25, AA → 26)."""
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def sheet_paths(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the sheet's XML member in the workbook."""
    targets = {}
    for _, el in iterparse(book.open("xl/_rels/workbook.xml.rels")):
        if el.tag == f"{PKG_REL}Relationship":
            target = el.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            targets[el.get("Id", "")] = path
    sheets = {}
    for _, el in iterparse(book.open("xl/workbook.xml")):
        if el.tag == f"{MAIN}sheet":
            sheets[el.get("name", "")] = targets.get(el.get(f"{REL}id", ""), "")
    return sheets


def _text(el: object) -> str:
    return "".join(t.text or "" for t in el.iter(f"{MAIN}t"))  # type: ignore[attr-defined]


def _shared(book: zipfile.ZipFile, wanted: set[int]) -> dict[int, str]:
    if not wanted or "xl/sharedStrings.xml" not in book.namelist():
        return {}
    found: dict[int, str] = {}
    last = max(wanted)
    index = 0
    for _, el in iterparse(book.open("xl/sharedStrings.xml")):
        if el.tag != f"{MAIN}si":
            continue
        if index in wanted:
            found[index] = _text(el)
        el.clear()
        if index >= last:
            break
        index += 1
    return found


def read_head(workbook: Path | BinaryIO, sheet: str, rows: int) -> tuple[list[list[str | None]], int] | None:
    """The first ``rows`` rows of ``sheet`` as text (row 1 first, blank rows kept) and the
    width they span (the ``<dimension>`` is not trusted); None when the workbook cannot
    be read this way."""
    try:
        with zipfile.ZipFile(workbook) as book:
            member = sheet_paths(book).get(sheet)
            if not member or member not in book.namelist():
                return None
            cells: dict[tuple[int, int], tuple[str, str]] = {}
            for _, el in iterparse(book.open(member)):
                if el.tag == f"{MAIN}c":
                    match = _CELL.match(el.get("r", ""))
                    if match is None:
                        return None
                    row, col = int(match.group(2)), column_index(match.group(1))
                    if row > rows:
                        break
                    kind = el.get("t", "n")
                    value = el.find(f"{MAIN}v")
                    text = (
                        _text(el) if kind == "inlineStr" else (value.text or "" if value is not None else "")
                    )
                    cells[(row, col)] = (kind, text)
                elif el.tag == f"{MAIN}row":
                    if int(el.get("r", "0")) >= rows:
                        break
                    el.clear()
            shared = _shared(book, {int(t) for k, t in cells.values() if k == "s" and t.isdigit()})
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError):
        return None
    width = max([c + 1 for _, c in cells], default=0)
    if width > MAX_HEAD_COLUMNS:
        return None  # calamine reads it
    head: list[list[str | None]] = [[None] * width for _ in range(rows)]
    for (row, col), (kind, text) in cells.items():
        shown = shared.get(int(text)) if kind == "s" and text.isdigit() else text
        head[row - 1][col] = shown or None
    while head and not any(head[-1]):
        head.pop()
    return (head, width) if head else None
