"""What the layout of an export says beyond its header, found before the full read:
the unit a title line names for the whole list, a column whose values are a verdict
rather than the field its header names, and rows that do not line up with the header.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cchc_kpi.ingestion.header_band import HeaderBand
from cchc_kpi.schema.textnorm import clean_text, fold_key

# "Đơn vị chủ trì giải quyết: UBND xã …", "Đơn vị thống kê: …" (TD), folded
TITLE_UNIT_LABELS = ("donvichutrigiaiquyet", "donvithongke", "donvibaocao", "coquanbaocao")
_LABEL_VALUE = re.compile(r"^([^:：]{4,60})[:：]\s*(.+)$")
# OpenCPS "Hạn xử lý": Sớm hạn, Đúng hạn, Quá hạn, Quá 3 ngày, Còn 2 ngày, Tạm dừng xử lý
VERDICT_WORDS = frozenset(
    {"somhan", "dunghan", "quahan", "truochan", "tronghan", "tamdungxuly", "chuadenhan"}
)
_VERDICT_COUNT = re.compile(r"^(qua|con)\d")
_HAS_LETTER = re.compile(r"[^\W\d_]")
VERDICT_SHARE = 0.8
RAGGED_SHARE = 0.5


def title_unit(head: Sequence[Sequence[object | None]], band: HeaderBand) -> str | None:
    """The unit a line above the header names for the whole list, if any."""
    for row in head[: band.first_row - 1]:
        for cell in row:
            if cell is None:
                continue
            match = _LABEL_VALUE.match(clean_text(str(cell)))
            if match and fold_key(match.group(1)) in TITLE_UNIT_LABELS:
                return match.group(2).strip() or None
    return None


def is_verdict(value: str) -> bool:
    """Whether a cell holds a timeliness verdict ("Quá hạn", "Còn 2 ngày") rather than a date."""
    key = fold_key(value)
    return key in VERDICT_WORDS or bool(_VERDICT_COUNT.match(key))


def is_verdict_column(values: Sequence[str | None]) -> bool:
    """Whether most filled cells of a column are verdicts."""
    filled = Counter(str(v) for v in values if v is not None and str(v).strip())
    if not filled:
        return False
    # every verdict has letters: a date (all digits and separators) is never folded and looked up
    verdicts = sum(n for v, n in filled.items() if _HAS_LETTER.search(v) and is_verdict(v))
    return verdicts >= VERDICT_SHARE * filled.total()


def ragged_rows(
    cells: dict[int, tuple[int, int]], band: HeaderBand
) -> tuple[int, list[tuple[int, int]], int]:
    """``(header width, [(row, width)] of the body rows whose width differs, body rows)``.

    ``cells``: row → (cells the row has, cells filled), from the reader (the cells an HTML
    row really has). Only rows with at least two filled cells count: group, title and
    blank rows hold one or none."""
    header_rows = range(band.first_row, band.last_row + 1)
    header_width = max((cells.get(r, (0, 0))[0] for r in header_rows), default=0)
    odd: list[tuple[int, int]] = []
    body = 0
    for row, (width, filled) in sorted(cells.items()):
        if row <= band.end_row or filled < 2:
            continue
        body += 1
        if width != header_width:
            odd.append((row, width))
    return header_width, odd, body


def usual_width(odd: list[tuple[int, int]]) -> int:
    """The most common width among the rows that do not line up."""
    return Counter(w for _, w in odd).most_common(1)[0][0]


LOOKALIKE_SHARE = 0.8
LOOKALIKE_MIN = 3


def key_lookalike(values: Sequence[str | None], words: dict[str, object]) -> str | None:
    """What a key column's values look like when they are plainly another field's: "date"
    (a dossier code or unit column full of dates) or "status" (full of status words) — the
    mark of an export whose values sit under the wrong headers. None when they look fine."""
    from cchc_kpi.ingestion.dates import format_of_shape, shape_of

    filled = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if len(filled) < LOOKALIKE_MIN:
        return None
    dates = sum(1 for v in filled if format_of_shape(shape_of(v)) is not None and not v.isdigit())
    statuses = sum(1 for v in filled if fold_key(v) in words and not v.isdigit())
    for kind, count in (("date", dates), ("status", statuses)):
        if count >= LOOKALIKE_SHARE * len(filled):
            return kind
    return None
