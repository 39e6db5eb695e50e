"""Matching the row labels of a form made by other software to our units or fields:
"UBND xã Vạn Phú", "Xã Vạn Phú", "UBND XA VAN PHU", "Ủy ban nhân dân xã Vạn Phú" and a
configured alias are one unit. Tried in turn: the exact name, the configuration's names
and aliases, the folded name (no accents, case, spaces or punctuation), then the folded
name without the words every unit shares ("UBND", "Ủy ban nhân dân") and with the usual
abbreviations (TP, TX, TT, CN VPĐKĐĐ), and last the one name that begins so ("Sở Tư pháp"
for "Sở Tư pháp tỉnh Khánh Hòa"). A label two of our names fit stays unmatched."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cchc_kpi.kpi.units import UnitDirectory
from cchc_kpi.schema.textnorm import fold_key, name_key, strip_accents

# folded words → their abbreviation, the longest first
ABBREVIATIONS = (
    ("chi nhanh van phong dang ky dat dai", "cnvpdkdd"),
    ("van phong dang ky dat dai", "vpdkdd"),
    ("chi nhanh vpdk dat dai", "cnvpdkdd"),
    ("chi nhanh vpdkdd", "cnvpdkdd"),
    ("cn vpdkdd", "cnvpdkdd"),
    ("thanh pho", "tp"),
    ("thi xa", "tx"),
    ("thi tran", "tt"),
)
SHARED = ("uy ban nhan dan", "ubnd")


def loose_key(name: str) -> str:
    """The key under which "Ủy ban nhân dân thành phố Nha Trang" and "TP. Nha Trang" are one."""
    words = " ".join(re.sub(r"[^a-z0-9]+", " ", strip_accents(name).lower()).split())
    for shared in SHARED:
        words = re.sub(rf"\b{shared}\b", " ", words)
    words = " ".join(words.split())
    for long, short in ABBREVIATIONS:
        words = re.sub(rf"\b{long}\b", short, words)
    return fold_key(words)


def _unique(index: dict[str, set[str]], key: str) -> str | None:
    found = index.get(key, set())
    return next(iter(found)) if len(found) == 1 else None


def match_names(
    labels: Iterable[str], names: Sequence[str], directory: UnitDirectory | None = None
) -> dict[str, str | None]:
    """Each label → the one name of ``names`` it means, or None."""
    known = set(names)
    folded: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    for name in names:
        folded.setdefault(fold_key(name), set()).add(name)
        loose.setdefault(loose_key(name), set()).add(name)
    out: dict[str, str | None] = {}
    for label in labels:
        configured = directory.canonical(name_key(label)) if directory is not None else None
        if label in known:
            out[label] = label
        elif configured in known:
            out[label] = configured
        else:
            key = loose_key(label)
            out[label] = _unique(folded, fold_key(label)) or _unique(loose, key) or _prefix(loose, key)
    return out


def _prefix(index: dict[str, set[str]], key: str) -> str | None:
    """The one name whose key starts with ``key`` ("Sở Tư pháp" → "Sở Tư pháp tỉnh Khánh Hòa")."""
    if len(key) < 6:
        return None
    found = {name for k, names in index.items() if k.startswith(key) for name in names}
    return next(iter(found)) if len(found) == 1 else None
