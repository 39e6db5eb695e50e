"""The report's filters (--unit, --level, --field), checked against the data.

A value that names nothing in the data is a usage error (exit 2), never an all-zero
report: the message suggests the name meant, matched without diacritics, case or
spacing ("UBND xa Van Hung" → "UBND xã Vạn Hưng"). Levels are accepted as their keys
(``commune``) or in Vietnamese, with or without diacritics (``xã``, ``cấp xã``, ``xa``).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cchc_kpi.errors import UsageError
from cchc_kpi.ingestion.dedupe import UNIT_KEY
from cchc_kpi.schema.levels import LEVELS
from cchc_kpi.schema.textnorm import fold_key, name_key

if TYPE_CHECKING:
    import polars as pl

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


def _suggestion(value: str, known: Sequence[str]) -> str | None:
    """The known name meant by ``value``: the same without diacritics, case or spacing, else
    the closest spelling."""
    by_fold: dict[str, str] = {}
    for name in known:
        by_fold.setdefault(fold_key(name), name)
    wanted = fold_key(value)
    if wanted in by_fold:
        return by_fold[wanted]
    close = difflib.get_close_matches(wanted, list(by_fold), n=1, cutoff=0.75)
    return by_fold[close[0]] if close else None


def _check_names(option: str, values: Sequence[str], keys: set[str], shown: Sequence[str]) -> None:
    for value in values:
        if name_key(value) in keys:
            continue
        meant = _suggestion(value, shown)
        if meant is not None:
            raise UsageError("usage.unknown_filter_meant", option=option, value=value, meant=meant)
        raise UsageError("usage.unknown_filter", option=option, value=value, by=option.removeprefix("--"))


def _names(frame: pl.DataFrame, column: str) -> list[str]:
    import polars as pl

    return frame.select(pl.col(column).cast(pl.String).drop_nulls().unique().sort()).to_series().to_list()


def apply_filters(
    frame: pl.DataFrame,
    units: Sequence[str],
    levels: Sequence[str],
    fields: Sequence[str],
    configured: Sequence[str] = (),
) -> pl.DataFrame:
    """Keep the dossiers of the given units / levels / fields (names matched like units: case,
    spacing, Unicode form and tone placement aside). ``configured``: unit names (and aliases)
    of the configuration, known even when they have no dossier."""
    import polars as pl

    from cchc_kpi.schema.textnorm import name_key_expr

    if units:
        shown = sorted({*_names(frame, "g_unit"), *configured})
        _check_names("--unit", units, {*map(name_key, shown), *_names(frame, UNIT_KEY)}, shown)
    if fields:
        shown = _names(frame, "g_field")
        _check_names("--field", fields, {*map(name_key, shown), *_names(frame, "_field_key")}, shown)
    if units:
        wanted = [name_key(u) for u in units]
        unit_key = name_key_expr(pl.col("g_unit").cast(pl.String))
        frame = frame.filter(pl.col(UNIT_KEY).cast(pl.String).is_in(wanted) | unit_key.is_in(wanted))
    if levels:
        frame = frame.filter(pl.col("g_level").is_in([level_of(level) for level in levels]))
    if fields:
        frame = frame.filter(pl.col("_field_key").is_in([name_key(f) for f in fields]))
    return frame
