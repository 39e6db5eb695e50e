"""Finding the header band of an export: title rows, one or two header rows,
and the numbered row "(1) (2) (3) …" that often sits under them.

Works on the first rows of a :class:`~cchc_kpi.read.grid.RawGrid` as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cchc_kpi.schema.headers import DEFAULT_ALIASES, AliasTable, count_alias_matches
from cchc_kpi.schema.textnorm import clean_text

_NUMBERED_CELL = re.compile(r"^\(?\s*\d{1,3}\s*\)?$")
MIN_HEADER_MATCHES = 2


@dataclass(frozen=True)
class HeaderBand:
    """Where the header is: spreadsheet rows (1-based) and the joined column names."""

    first_row: int
    last_row: int
    names: list[str]
    numbered_row: int | None = None

    @property
    def end_row(self) -> int:
        """The last row that belongs to the band (the numbered row when there is one)."""
        return self.numbered_row or self.last_row


def _texts(row: Sequence[object | None], width: int) -> list[str]:
    cells = [clean_text(str(c)) if c is not None else "" for c in row]
    return (cells + [""] * width)[:width]


def join_two_rows(top: list[str], bottom: list[str]) -> list[str]:
    """Join a header spread over two rows ("Ngày" over "Tiếp nhận" → "Ngày tiếp nhận").

    A merged top cell is forward-filled over the columns that have a sub-header.
    """
    names: list[str] = []
    group = ""
    for upper, lower in zip(top, bottom, strict=True):
        if upper:
            group = upper
        elif not lower:
            group = ""
        if lower:
            names.append(f"{group} {lower}" if group else lower)
        else:
            names.append(upper)
    return names


def is_sub_header(top: Sequence[str], below: Sequence[str]) -> bool:
    """Whether ``below`` names the parts of merged header cells above it ("Trạng thái, kết quả"
    over "Đang giải quyết / Đã gửi kết quả …"): text only under merged top cells, nothing under
    the others (covered by their row span), no date or number."""
    filled = [i for i, cell in enumerate(below) if cell]
    if len(filled) < 2:
        return False
    for i in filled:
        merged_start = bool(top[i]) and i + 1 < len(top) and not top[i + 1]
        if top[i] and not merged_start:
            return False
        if re.fullmatch(r"[\d/.:\s-]+", below[i]):
            return False
    return True


def is_numbered_row(cells: Sequence[str]) -> bool:
    """Whether a row is the column numbering "(1) (2) (3) …" or "1 2 3 …"."""
    values = [c for c in cells if c]
    if len(values) < 2 or not all(_NUMBERED_CELL.match(v) for v in values):
        return False
    numbers = [int(re.sub(r"\D", "", v)) for v in values]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def find_header_band(
    head: Sequence[Sequence[object | None]], width: int, aliases: AliasTable = DEFAULT_ALIASES
) -> HeaderBand | None:
    """Return the header band among the first rows, or ``None`` when no row names
    at least two canonical fields."""
    rows = [_texts(r, width) for r in head]
    best: tuple[int, int] | None = None  # (matches, index)
    for index, cells in enumerate(rows):
        matches = count_alias_matches(cells, aliases)
        if matches >= MIN_HEADER_MATCHES and (best is None or matches > best[0]):
            best = (matches, index)
    if best is None:
        return None
    matches, index = best
    names, last = rows[index], index
    if index + 1 < len(rows):
        joined = join_two_rows(rows[index], rows[index + 1])
        more = count_alias_matches(joined, aliases)
        if more > matches or (more == matches and is_sub_header(rows[index], rows[index + 1])):
            names, last = joined, index + 1
    if index > 0:
        joined = join_two_rows(rows[index - 1], rows[index])
        if count_alias_matches(joined, aliases) > count_alias_matches(names, aliases):
            names, index, last = joined, index - 1, index
    numbered = None
    if last + 1 < len(rows) and is_numbered_row(rows[last + 1]):
        numbered = last + 2
    return HeaderBand(first_row=index + 1, last_row=last + 1, names=names, numbered_row=numbered)
