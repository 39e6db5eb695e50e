"""A Biểu 06 made by other software (the one-stop platform, the national portal, last
quarter's spreadsheet), read to reconcile with: ``cchc-kpi reconcile --against``.

The sheet is found among the workbook's sheets by its header; the columns (3)–(13) by the
row that numbers them — "(1) … (13)", "1 … 13", or "A B 1 … 11" as some programs number the
count columns only — or else by the words of the merged header band above ("Trực tuyến",
"Trước hạn", "Đúng hạn", "Trong hạn" fix the columns, which keep the form's order). Below
the header, each row with a number is a line of the form: the total ("Tổng cộng", "Tổng số"),
a level's subtotal (a Roman numeral, "Cấp xã") or a unit or field. Title, footer and signature
rows carry no number and are left out. Numbers are read as officers write them (1.245,
1,245, 1 245; "-" and empty as 0)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cchc_kpi.errors import InputError
from cchc_kpi.kpi.metrics import BIEU06_COUNTS
from cchc_kpi.read.grids import open_grids
from cchc_kpi.read.limits import Limits
from cchc_kpi.schema.levels import infer_level
from cchc_kpi.schema.textnorm import clean_text, fold_key

RowKind = Literal["total", "level", "line"]
NUMBER = re.compile(r"^\(?\s*(\d{1,2})\s*\)?$")
ROMAN_NUMERAL = re.compile(r"^(?=[IVXL])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$")
TOTAL_WORDS = ("tongcong", "tongso", "toantinh", "toanhuyen", "tong", "total", "grandtotal")
NEGATIVE = re.compile(r"^[-(]\s*\d")  # "-5", "(55)": a number, unreadable as a count
LEVEL_WORDS = {
    "capxa": "commune", "capxaphuongthitran": "commune", "ubndcapxa": "commune",
    "caphuyen": "district", "ubndcaphuyen": "district",
    "captinh": "province", "ubndcaptinh": "province",
    "sobannganh": "department", "cacsobannganh": "department", "capso": "department",
    "chinhanhvpdkdd": "land_office", "chinhanhvanphongdangkydatdai": "land_office",
}  # fmt: skip
HEADER_SCAN = 40  # rows searched for the header band
MAX_LINES = 50_000  # a form has a line per unit or field: more is a dossier list, not a form
# words under which the form's columns are found, and each one's place after column (3)
ANCHORS = (("tructuyen", 1), ("truochan", 5), ("dunghan", 6), ("tronghan", 9), ("chuadenhan", 9))


@dataclass(frozen=True)
class FormLine:
    """One line of the vendor's form: its spreadsheet row, STT, label, kind and counts."""

    row: int
    number: str
    label: str
    kind: RowKind
    level: str | None
    counts: dict[str, int | None]


@dataclass(frozen=True)
class VendorForm:
    """The lines of a Biểu 06 read from ``path`` (its ``sheet``), with where its header was."""

    path: str
    sheet: str | None
    header_row: int
    lines: tuple[FormLine, ...]


def parse_count(value: str | None) -> int | None:
    """A count as written in a form: "1.245", "1,245", "1 245" → 1245; "", "-", "–" → 0;
    anything else (a word, a fraction) → None."""
    if value is None:
        return 0
    shown = clean_text(value).replace(" ", "").replace("\u00a0", "")
    if shown in ("", "-", "–", "—"):
        return 0
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+|\d+", shown):
        return int(shown.replace(".", "").replace(",", ""))
    if re.fullmatch(r"\d+([.,]0{1,2}|\.0+)", shown):  # a number stored as 12.0, written 48,00
        return int(re.split(r"[.,]", shown)[0])
    return None


def _numbered_columns(cells: Sequence[str | None]) -> dict[int, str] | None:
    """The count columns of a numbering row: exactly "(1)…(13)" or "1…13" (columns 3–13 the
    counts), or the counts alone numbered "1…11" or "(3)…(13)" (after "A", "B"); None for any
    other run of numbers (a dossier list numbering 17 columns, a form missing one)."""
    found = [(i, int(m.group(1))) for i, c in enumerate(cells) if c and (m := NUMBER.match(c.strip()))]
    columns, numbers = [i for i, _ in found], [n for _, n in found]
    if numbers == list(range(1, 14)):
        return {columns[k + 2]: BIEU06_COUNTS[k] for k in range(11)}
    if numbers in (list(range(1, 12)), list(range(3, 14))) and columns[0] >= 1:
        return {columns[k]: BIEU06_COUNTS[k] for k in range(11)}
    return None


def _band_columns(band: list[list[str | None]]) -> dict[int, str] | None:
    """The count columns named by the words of a header band: the form's columns keep their
    order (TT 01/2020), so the column of "Trực tuyến", "Trước hạn", "Đúng hạn" and "Trong hạn"
    ("Chưa đến hạn") fix where column (3) is; at least three of them must agree."""
    width = max(len(r) for r in band)
    words = ["".join(fold_key(r[c] or "") for r in band if c < len(r)) for c in range(width)]
    starts = [col - offset for key, offset in ANCHORS for col, said in enumerate(words) if key in said]
    for first in sorted(set(starts), key=starts.count, reverse=True):
        if starts.count(first) >= 3 and first >= 1 and first + len(BIEU06_COUNTS) <= width:
            return {first + k: metric for k, metric in enumerate(BIEU06_COUNTS)}
    return None


def _header(rows: list[list[str | None]]) -> tuple[int, dict[int, str]] | None:
    """(the last header row's index, count columns) of a sheet, if it holds a Biểu 06: a
    numbering row under a band that names the form's columns, or the band alone."""
    for index, cells in enumerate(rows[:HEADER_SCAN]):
        numbered = _numbered_columns(cells)
        if numbered and _band_columns(rows[max(0, index - 4) : index]) is not None:
            return index, numbered
    for last in range(min(len(rows), HEADER_SCAN)):
        named = _band_columns(rows[max(0, last - 3) : last + 1])
        if named:
            return last, named
    return None


def _label_column(rows: list[list[str | None]], counts: dict[int, str]) -> int:
    """The column of the row labels: the column left of the counts with the most text."""
    first = min(counts)
    scores = [sum(1 for r in rows if c < len(r) and r[c] and parse_count(r[c]) is None) for c in range(first)]
    return max(range(first), key=lambda c: (scores[c], c)) if first else 0


@functools.cache  # once a run, not once a line
def _level_words() -> dict[str, str]:
    """Level subtotal labels (folded) → level: the words above and our own form's, in both languages."""
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.schema.levels import LEVELS

    ours = {fold_key(text(f"level.{level}", lang)): level for level in LEVELS for lang in ("vi", "en")}
    return {**ours, **LEVEL_WORDS}


STT = re.compile(r"^([0-9]{1,4}|[IVXLivxl]{1,6}|[A-Za-z])[.)]?$")  # 12, IV, a)
LEADING_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")  # "1. UBND xã Vạn Phú"
# words that name a level in labels other programs write ("UBND các xã, phường, thị trấn")
LEVEL_HINTS = (("land_office", ("vpdk", "datdai")), ("department", ("sobannganh", "cacso", "banganh")),
               ("district", ("huyen", "thixa", "thanhpho")), ("commune", ("xa", "phuong", "thitran")),
               ("province", ("tinh",)))  # fmt: skip


def _level_of(label: str, key: str) -> str | None:
    """The level a subtotal's label names: exactly ("Cấp xã"), as a unit's name would
    (:func:`infer_level`), or by the words of a group ("UBND các xã, phường, thị trấn")."""
    exact = _level_words().get(key) or infer_level(label)
    if exact != "unknown":
        return exact
    return next((level for level, hints in LEVEL_HINTS if any(h in key for h in hints)), None)


def _is_total(key: str) -> bool:
    return key in TOTAL_WORDS or key.startswith(("tongcong", "tongso", "total"))


def _line(row: int, cells: list[str | None], label_col: int, counts: dict[int, str]) -> FormLine | None:
    """A line of the form, or None for a title, footer or signature row: a row with a figure,
    labelled (a count that cannot be read is None) or, unlabelled, all of whose cells are
    figures (a date written across cells is a footer)."""
    written = [v for c in counts if c < len(cells) and (v := cells[c])]
    filled = [c for c in cells if c]
    if not written or all(NUMBER.match(c.strip()) and c.strip().startswith("(") for c in filled):
        return None  # no figure, or a numbering row of the header
    readable = [v for v in written if parse_count(v) is not None or NEGATIVE.match(v.strip())]
    stt = (cells[0] or "").strip() if cells and label_col > 0 else ""
    labelled = bool(label_col < len(cells) and cells[label_col]) or bool(STT.match(stt))
    if not readable or (len(readable) < len(written) and not labelled):
        return None  # a footer (a date written across cells), a note
    values = {metric: parse_count(cells[c] if c < len(cells) else None) for c, metric in counts.items()}
    label = clean_text(cells[label_col] or "") if label_col < len(cells) else ""
    label = LEADING_NUMBER.sub("", label)
    number = clean_text(cells[0] or "") if label_col > 0 and cells else ""
    key = fold_key(label)
    if _is_total(key) or key == "cong" or (not label and not number):
        kind: RowKind = "total"
        level = None
    elif ROMAN_NUMERAL.match(number) or _level_words().get(key):
        kind, level = "level", _level_of(label, key)
    else:
        kind, level = "line", None
    return FormLine(row=row, number=number, label=label, kind=kind, level=level, counts=values)


def _grand_total(lines: list[FormLine]) -> tuple[FormLine, ...]:
    """Only the last total-like row is the form's total; a "Cộng" or an unlabelled row before
    it sums a group of lines (compared line by line already) and is left out, and so is
    anything after the total (the footer)."""
    totals = [i for i, line in enumerate(lines) if line.kind == "total"]
    if not totals:
        return tuple(lines)
    last = totals[-1]
    return tuple(line for i, line in enumerate(lines[: last + 1]) if line.kind != "total" or i == last)


def read_vendor_form(path: Path, sheet: str | None = None, limits: Limits | None = None) -> VendorForm:
    """The lines of the Biểu 06 in ``path`` (the first sheet that holds one, or ``sheet``)."""
    for grid in open_grids(path, sheet, limits, own_outputs=True):
        frame = grid.read(grid.select(list(range(grid.n_columns))).head(MAX_LINES + 1).collect)
        if frame.height > MAX_LINES:
            raise InputError("reconcile.too_long", file=str(path), limit=MAX_LINES)
        numbers = frame["_row"].to_list()
        rows = [list(r[1:]) for r in frame.iter_rows()]  # a form: tens of rows, not dossiers
        found = _header(rows)
        if found is None:
            continue
        last, counts = found
        label_col = _label_column(rows[last + 1 :], counts)
        lines = [
            line
            for offset, cells in enumerate(rows[last + 1 :], start=last + 1)
            if (line := _line(numbers[offset], cells, label_col, counts)) is not None
        ]
        if not lines:
            raise InputError("reconcile.no_lines", file=str(path), row=numbers[last])
        return VendorForm(
            path=str(path), sheet=grid.sheet, header_row=numbers[last], lines=_grand_total(lines)
        )
    raise InputError("reconcile.no_form", file=str(path))
