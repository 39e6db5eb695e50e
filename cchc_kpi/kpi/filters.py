"""The report's filters (--unit, --level, --field), checked against the data.

A value that names nothing in the data is a usage error (exit 2), never an all-zero
report: the message suggests the name meant, matched without diacritics, case or
spacing ("UBND xa Van Hung" → "UBND xã Vạn Hưng"). Levels are accepted as their keys
(``commune``) or in Vietnamese, with or without diacritics (``xã``, ``cấp xã``, ``xa``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cchc_kpi.errors import UsageError
from cchc_kpi.ingestion.dedupe import UNIT_KEY
from cchc_kpi.schema.levels import LEVELS
from cchc_kpi.schema.personal import may_quote
from cchc_kpi.schema.textnorm import fold_key, name_key
from cchc_kpi.schema.unit_names import short_unit

if TYPE_CHECKING:
    import polars as pl

    from cchc_kpi.kpi.units import UnitDirectory

# Vietnamese (and English) words for the levels, as fold_key gives them.
LEVEL_WORDS: dict[str, str] = {
    fold_key(word): level
    for level, words in {
        "province": ("tỉnh", "cấp tỉnh", "province", "thành phố trực thuộc trung ương"),
        "department": ("sở", "sở, ban, ngành", "sở ban ngành", "cấp sở", "department", "departments"),
        "district": ("huyện", "cấp huyện", "quận", "thị xã", "district"),
        "land_office": (
            "đất đai", "chi nhánh", "vpđkđđ", "chi nhánh vpđk đất đai", "chi nhánh văn phòng đăng ký đất đai",
            "land_office", "land office",
        ),
        "commune": ("xã", "cấp xã", "phường", "thị trấn", "xã, phường, thị trấn", "commune"),
        "unknown": ("unknown", "không rõ", "chưa xác định"),
    }.items()
    for word in words
}  # fmt: skip


def level_of(value: str) -> str:
    """The level key a --level value names (its key or a Vietnamese word); a usage error
    with the accepted words otherwise."""
    if value in LEVELS:
        return value
    found = LEVEL_WORDS.get(fold_key(value))
    if found is None:
        raise UsageError("usage.unknown_level", value=value, choices=list(LEVELS))
    return found


def _suggestion(value: str, known: Sequence[str], spelled: Sequence[str]) -> str | None:
    """The name meant by ``value``: one of ``known`` spelt the same without diacritics, case
    or spacing, else the closest of ``spelled`` (names that may be shown: configured names
    and data values that read as a unit or field name, never any other cell)."""
    wanted = fold_key(value)
    same = [name for name in known if wanted in (fold_key(name), fold_key(short_unit(name)))]
    if same:
        return same[0]  # it says nothing the user did not type (or a table's short name showed)
    by_fold = {fold_key(name): name for name in spelled}
    close = difflib.get_close_matches(wanted, list(by_fold), n=1, cutoff=0.75)
    return by_fold[close[0]] if close else None


def _check_names(option: str, values: Sequence[str], keys: set[str], known: Sequence[str],
                 spelled: Sequence[str]) -> None:  # fmt: skip
    for value in values:
        if name_key(value) in keys:
            continue
        meant = _suggestion(value, known, spelled)
        if meant is not None:
            raise UsageError("usage.unknown_filter_meant", option=option, value=value, meant=meant)
        raise UsageError("usage.unknown_filter", option=option, value=value, by=option.removeprefix("--"))


def _names(frame: pl.DataFrame, column: str) -> list[str]:
    import polars as pl

    return frame.select(pl.col(column).drop_nulls().unique().cast(pl.String).sort()).to_series().to_list()


def _reads_as_unit(name: str) -> bool:
    """Whether a data value names a unit (UBND …, Sở …, Chi nhánh …): such a value may be
    suggested; a cell of a misaligned export (an applicant's name) never reads so."""
    from cchc_kpi.schema.levels import LEVEL_PATTERNS

    lowered = name.lower()
    return any(re.search(pattern, lowered) for _, pattern in LEVEL_PATTERNS)


def apply_filters(
    frame: pl.DataFrame,
    units: Sequence[str],
    levels: Sequence[str],
    fields: Sequence[str],
    directory: UnitDirectory | None = None,
) -> pl.DataFrame:
    """Keep the dossiers of the given units / levels / fields (names matched like units: case,
    spacing, Unicode form and tone placement aside; a configured alias stands for its unit)."""
    import polars as pl

    configured = (
        [name for u in directory.units.values() for name in (u.name, *u.aliases)] if directory else []
    )
    if units:
        shown = _names(frame, "g_unit")
        keys = {*map(name_key, [*shown, *configured]), *_names(frame, UNIT_KEY)}
        spelled = [*configured, *(n for n in shown if _reads_as_unit(n))]
        _check_names("--unit", units, keys, [*shown, *configured], spelled)
    if fields:
        shown = _names(frame, "g_field")
        keys = {*map(name_key, shown), *_names(frame, "_field_key")}
        _check_names("--field", fields, keys, shown, [f for f in shown if may_quote(f)])
    if units:
        wanted = [name_key(_canonical(u, directory)) for u in units]
        frame = frame.filter(pl.col(UNIT_KEY).cast(pl.String).is_in(wanted))
    if levels:
        frame = frame.filter(pl.col("g_level").is_in([level_of(level) for level in levels]))
    if fields:
        frame = frame.filter(pl.col("_field_key").is_in([name_key(f) for f in fields]))
    return frame


def _canonical(name: str, directory: UnitDirectory | None) -> str:
    """The unit a --unit value names: its configured name when it is an alias."""
    found = directory.canonical(name_key(name)) if directory else None
    return found or name
