"""Text normalisation for Vietnamese exports, in Python and as Polars expressions.

Three strengths, each for one job:

- :func:`clean_text`: what a value is shown as (NFC, invisible characters removed,
  control characters made spaces, trimmed, inner runs of whitespace collapsed).
- :func:`name_key`: what makes two unit (field, procedure) spellings one name:
  case, spacing, Unicode form and tone placement (Hoà / Hòa, Uỷ / Ủy) ignored;
  other accents kept, so "Hòa" and "Hoa" stay apart.
- :func:`fold_key`: what header aliases and value vocabularies are matched on:
  accents, case, spacing and punctuation all ignored ("Ngày tiếp nhận" and
  "NgayTiepNhan" are both ``ngaytiepnhan``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

_VOWEL_TONES = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_FIRST_TONES = {"o": "òóỏõọ", "u": "ùúủũụ"}

# Old tone placement (tone on the first vowel of oa, oe, uy) → the second vowel.
TONE_PLACEMENT: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _i, _toned_first in enumerate(_FIRST_TONES[_first]):
        TONE_PLACEMENT[_toned_first + _second] = _first + _VOWEL_TONES[_second][_i]

_WS = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# characters a cell can hold but no one sees: BOM, zero-width space and joiners, word
# joiner, soft hyphen — removed, so "UBND\u200b xã" and "UBND xã" are one name
INVISIBLE = "[\u00ad\u200b-\u200d\u2060\ufeff]"
# a word's end in a Polars pattern: a character not of a word, or the end. To a search it means
# what ``\b`` after a word means, but Polars' regex engine runs ``\b`` on non-ASCII text in its
# slow engine (0.29 s for a million Vietnamese unit names, 0.03 s with this)
WORD_END = r"(?:[^\w]|$)"
# control characters (terminal escapes among them) and bidirectional controls: a space
CONTROL = "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_INVISIBLE = re.compile(INVISIBLE)
_CONTROL = re.compile(CONTROL)


def clean_text(value: str) -> str:
    """Return ``value`` as shown: NFC, invisible characters removed, control characters
    made spaces, trimmed, whitespace runs collapsed to one space."""
    value = _CONTROL.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFC", value)))
    return _WS.sub(" ", value).strip()


def name_key(value: str) -> str:
    """Return the key under which spellings of one unit name are the same."""
    key = clean_text(value).lower()
    for old, new in TONE_PLACEMENT.items():
        key = key.replace(old, new)
    return key


def strip_accents(value: str) -> str:
    """Return ``value`` without Vietnamese diacritics (đ → d)."""
    decomposed = unicodedata.normalize("NFD", value)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


@functools.lru_cache(maxsize=1 << 16)  # headers, statuses and verdicts repeat in every file
def fold_key(value: str) -> str:
    """Return the accent-, case-, spacing- and punctuation-free key of ``value``."""
    return _NOT_ALNUM.sub("", strip_accents(value).lower())


# --- the same as Polars expressions (vectorised, for columns) -----------------


# what clean_text can change: marks (NFC composes them), the characters NFC replaces on their
# own (Ω, Å, CJK compatibility ideographs …: every one, listed from unicodedata by
# tests/test_textnorm.py), Hangul jamo, invisible and control characters, whitespace other
# than one space between words
NFC_SINGLES = (
    r"\u0374\u037e\u0387\u0958-\u095f\u09dc-\u09dd\u09df\u0a33\u0a36\u0a59-\u0a5b\u0a5e\u0b5c-"
    r"\u0b5d\u0f43\u0f4d\u0f52\u0f57\u0f5c\u0f69\u1f71\u1f73\u1f75\u1f77\u1f79\u1f7b\u1f7d\u1fbb"
    r"\u1fbe\u1fc9\u1fcb\u1fd3\u1fdb\u1fe3\u1feb\u1fee-\u1fef\u1ff9\u1ffb\u1ffd\u2000-\u2001"
    r"\u2126\u212a-\u212b\u2329-\u232a\u2adc\uf900-\ufa0d\ufa10\ufa12\ufa15-\ufa1e\ufa20\ufa22"
    r"\ufa25-\ufa26\ufa2a-\ufa6d\ufa70-\ufad9\ufb1d\ufb1f\ufb2a-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-"
    r"\ufb41\ufb43-\ufb44\ufb46-\ufb4e\U0001d15e-\U0001d164\U0001d1bb-\U0001d1c0\U0002f800-"
    r"\U0002fa1d"
)
NEEDS_CLEANING = (
    r"\p{M}|[" + NFC_SINGLES + r"\u1100-\u11ff]|" + INVISIBLE + "|" + CONTROL + r"|[^\S ]|\s\s|^\s|\s$"
)


def _cleaned(expr: pl.Expr) -> pl.Expr:
    return (
        expr.str.normalize("NFC")
        .str.replace_all(INVISIBLE, "")
        .str.replace_all(CONTROL, " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def clean_text_expr(expr: pl.Expr) -> pl.Expr:
    """Polars twin of :func:`clean_text`; empty results become null. The costly part
    (NFC and the replacements) runs only on the values where something can change: most
    texts are clean, and ``when`` evaluates its branch on the rows it selects only."""
    import polars as pl

    text = expr.cast(pl.String)
    # each costly part written once: a repeated one would be computed ahead for every row
    # (Polars' common-subexpression elimination), outside the ``when`` that spares it; a text
    # that cleans to nothing becomes null by the extract of a non-empty match
    return (
        pl.when(text.str.contains(NEEDS_CLEANING))
        .then(_cleaned(text).str.extract(r"(?s)^(.+)$", 1))
        .when(text != "")
        .then(text)
    )


def name_key_expr(expr: pl.Expr) -> pl.Expr:
    """Polars twin of :func:`name_key` (``expr`` already cleaned); on big frames use
    :func:`map_distinct` (names repeat over millions of dossiers)."""
    import polars as pl

    lower = expr.cast(pl.String).str.to_lowercase()
    return lower.str.replace_many(list(TONE_PLACEMENT.keys()), list(TONE_PLACEMENT.values()))


def fold_key_expr(expr: pl.Expr) -> pl.Expr:
    """Polars twin of :func:`fold_key`."""
    return (
        expr.str.to_lowercase()
        .str.normalize("NFD")
        .str.replace_all(r"\p{M}", "")
        .str.replace_all("đ", "d", literal=True)
        .str.replace_all(r"[^0-9a-z]+", "")
    )


def map_distinct(
    frame: pl.DataFrame, column: str, func: Callable[[pl.Expr], pl.Expr], categorical: bool = False
) -> pl.Series:
    """``func`` over a column of an in-memory frame, computed once per distinct value and
    spread back by hash lookup.

    For text columns with few distinct values (units, fields, procedures), costly
    text functions (normalisation, regular expressions) then run on a few dozen
    strings instead of millions. ``func`` must be elementwise; null stays null. The
    column may be text or categorical (``func`` always sees text); with ``categorical``, text
    comes out categorical, made so per distinct value.
    """
    import polars as pl

    if isinstance(frame.schema[column], pl.Categorical):
        return map_categories(frame[column], [func], categorical)[0]
    table = frame.select(pl.col(column).drop_nulls().unique().alias("key"))
    table = table.with_columns(func(pl.col("key").cast(pl.String)).alias("value"))
    if categorical and table.schema["value"] == pl.String:
        table = table.with_columns(pl.col("value").cast(pl.Categorical))
    return frame.select(
        pl.col(column).replace_strict(
            table["key"], table["value"], default=None, return_dtype=table.schema["value"]
        )
    ).to_series()


def map_categories(
    column: pl.Series, funcs: Sequence[Callable[[pl.Expr], pl.Expr]], categorical: bool = False
) -> list[pl.Series]:
    """Each of ``funcs`` over a categorical column, as :func:`map_distinct` does: the distinct
    values found once, a table per function indexed by category id, gathered by each row's
    id (no hashing of the rows). With ``categorical``, a function's text comes out
    categorical: its table is made categorical before the gather (a few strings hashed,
    not one per row)."""
    return CategoryTables(funcs, categorical).gather(column)


class CategoryTables:
    """``funcs`` over the distinct values of categorical columns, as tables indexed by category
    id (ids are the same in every column and frame), kept from one :meth:`gather` to the next:
    the parts of one input share their values, and each is computed once, when first met."""

    def __init__(self, funcs: Sequence[Callable[[pl.Expr], pl.Expr]], categorical: bool = False) -> None:
        self.funcs, self.categorical = list(funcs), categorical
        self.ids: pl.Series | None = None  # the category ids the tables hold
        self.tables: list[pl.Series] = []

    def gather(self, column: pl.Series) -> list[pl.Series]:
        """Each function's value on each row of ``column`` (null where the row is)."""

        distinct = column.drop_nulls().unique()
        if self.ids is None:
            self._add(distinct)
        elif not (new := distinct.filter(~distinct.to_physical().is_in(self.ids.implode()))).is_empty():
            self._add(new)
        physical = column.to_physical()
        return [table.gather(physical).alias(column.name) for table in self.tables]

    def _add(self, distinct: pl.Series) -> None:
        import polars as pl

        named = [f(pl.col("key")).alias(f"v{i}") for i, f in enumerate(self.funcs)]
        # lazily, so that a step several functions share (the lower-case name, say) is computed once
        values = pl.LazyFrame({"key": distinct.cast(pl.String)}).select(named).collect()
        ids = distinct.to_physical()
        known = self.tables[0].len() if self.tables else 0
        size = max(known, int(ids.max() or 0) + 1 if not ids.is_empty() else 1)  # type: ignore[arg-type]
        tables = []
        for i, mapped in enumerate(values.iter_columns()):
            if self.categorical and mapped.dtype == pl.String:
                mapped = mapped.cast(pl.Categorical)
            table = self.tables[i].cast(mapped.dtype) if self.tables else pl.Series([], dtype=mapped.dtype)
            grown = pl.concat([table, pl.repeat(None, size - table.len(), dtype=mapped.dtype, eager=True)])
            tables.append(grown.scatter(ids, mapped))
        self.tables = tables
        self.ids = ids if self.ids is None else pl.concat([self.ids, ids])
