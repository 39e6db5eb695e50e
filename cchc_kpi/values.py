"""Cell values → canonical values, as Polars expressions (domain.md §2).

Each parser takes the raw column expression and its dtype and returns
``(value, bad)``: the canonical value, and a boolean that is true where a
non-empty cell could not be read. What an unreadable cell becomes follows the
meaning of an empty cell for that kind (no / direct / unknown / 0 VND); only the
key fields reject the row, which :mod:`cchc_kpi.rowchecks` decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from cchc_kpi.dateparse import parse_dates_expr
from cchc_kpi.schema import FieldSpec
from cchc_kpi.textnorm import clean_text_expr, fold_key_expr
from cchc_kpi.vocab import VOCABULARIES

if TYPE_CHECKING:
    import polars as pl

Parsed = tuple["pl.Expr", "pl.Expr"]

_CURRENCY = r"(?i)\s*(vnđ|vnd|đồng|dong|đ|d)\.?\s*$"
_PLAIN_INT = r"^-?\d+$"
_GROUPED_INT = r"^-?\d{1,3}(?:[.,]\d{3})+$"
_ZERO_DECIMALS = r"[.,]0{1,2}$"
_LEADING_NUMBER = r"^\s*(\d+(?:[.,]\d+)?)"


def as_text(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """Return a raw column as text; whole numbers from Excel lose their ".0"."""
    import polars as pl

    if dtype == pl.String:
        return expr
    if dtype.is_float():
        whole = expr == expr.round(0)
        return (
            pl.when(whole)
            .then(expr.cast(pl.Int64, strict=False).cast(pl.String))
            .otherwise(expr.cast(pl.String))
        )
    if dtype.is_temporal():
        return expr.dt.strftime("%Y-%m-%d %H:%M:%S")
    return expr.cast(pl.String)


def _present(text: pl.Expr) -> pl.Expr:
    return text.is_not_null() & (text.str.strip_chars() != "")


def parse_text(expr: pl.Expr, dtype: pl.DataType) -> Parsed:
    """Text: NFC, trimmed, inner whitespace collapsed; empty → null. Never bad."""
    import polars as pl

    return clean_text_expr(as_text(expr, dtype)), pl.lit(False)


def parse_vocabulary(
    expr: pl.Expr,
    dtype: pl.DataType,
    vocabulary: str | Mapping[str, object],
    empty: object,
    return_dtype: pl.DataType,
) -> Parsed:
    """Map words of a vocabulary; empty cells and unknown words become ``empty``."""
    import polars as pl

    text = as_text(expr, dtype)
    mapped = fold_key_expr(text).replace_strict(
        VOCABULARIES[vocabulary] if isinstance(vocabulary, str) else dict(vocabulary),
        default=None,
        return_dtype=return_dtype,
    )
    present = _present(text)
    bad = present & mapped.is_null()
    value = pl.when(mapped.is_not_null()).then(mapped).otherwise(pl.lit(empty, return_dtype))
    return value, bad


def parse_bool(expr: pl.Expr, dtype: pl.DataType, vocabulary: str | Mapping[str, object] = "bool") -> Parsed:
    """Yes / no (Có / Không, x / empty, Đã / Chưa, 1 / 0 …); empty and unknown = no."""
    import polars as pl

    if dtype == pl.Boolean:
        return expr.fill_null(False), pl.lit(False)
    return parse_vocabulary(expr, dtype, vocabulary, False, pl.Boolean())


def parse_money(expr: pl.Expr, dtype: pl.DataType) -> Parsed:
    """VND amounts: 35000, 35.000, 35,000, "35.000 đ", "35.000 VNĐ" → 35000; empty → 0."""
    import polars as pl

    if dtype.is_numeric():
        amount = expr.cast(pl.Float64).round(0).cast(pl.Int64)
        bad = amount < 0
        return pl.when(bad | amount.is_null()).then(0).otherwise(amount), bad.fill_null(False)
    text = as_text(expr, dtype).str.replace(_CURRENCY, "").str.replace_all(r"\s", "")
    text = text.str.replace(_ZERO_DECIMALS, "")
    readable = text.str.contains(_PLAIN_INT) | text.str.contains(_GROUPED_INT)
    amount = pl.when(readable).then(text.str.replace_all(r"[.,]", "").cast(pl.Int64, strict=False))
    ok = amount.is_not_null() & (amount >= 0)
    bad = _present(as_text(expr, dtype)) & ~ok.fill_null(False)
    return pl.when(ok).then(amount).otherwise(pl.lit(0, pl.Int64)), bad.fill_null(False)


def parse_number(expr: pl.Expr, dtype: pl.DataType) -> Parsed:
    """A count of days: "15", "15 ngày", "1,5" → 15.0, 15.0, 1.5; empty → null."""
    import polars as pl

    if dtype.is_numeric():
        value = expr.cast(pl.Float64)
    else:
        text = as_text(expr, dtype)
        number = text.str.extract(_LEADING_NUMBER, 1).str.replace(",", ".", literal=True)
        value = number.cast(pl.Float64, strict=False)
    value = pl.when(value >= 0).then(value)
    bad = _present(as_text(expr, dtype)) & value.is_null()
    return value, bad.fill_null(False)


def parse_date(expr: pl.Expr, dtype: pl.DataType, formats: list[str]) -> Parsed:
    """A date or date-time (see :mod:`cchc_kpi.dateparse`); empty → null."""
    value = parse_dates_expr(expr, formats, dtype)
    if dtype.is_temporal():
        return value, expr.is_not_null() & value.is_null()
    present = _present(as_text(expr, dtype))
    return value, (present & value.is_null()).fill_null(False)


def parse_field(
    spec: FieldSpec,
    expr: pl.Expr,
    dtype: pl.DataType,
    formats: list[str],
    words: Mapping[str, Mapping[str, object]] = VOCABULARIES,
) -> dict[str, Parsed]:
    """Return the canonical column(s) one export column yields, by the field's kind.

    ``words`` holds the vocabularies (built-in ones, plus a vendor profile's).
    """
    import polars as pl

    kind = spec.kind
    if kind == "text":
        return {spec.name: parse_text(expr, dtype)}
    if kind == "datetime":
        return {spec.name: parse_date(expr, dtype, formats)}
    if kind == "bool":
        return {spec.name: parse_bool(expr, dtype, words[spec.vocabulary])}
    if kind == "money":
        return {spec.name: parse_money(expr, dtype)}
    if kind == "number":
        return {spec.name: parse_number(expr, dtype)}
    if kind == "channel":
        return {spec.name: parse_vocabulary(expr, dtype, words["channel"], "direct", pl.String())}
    if kind == "status":
        return {spec.name: parse_vocabulary(expr, dtype, words["status"], None, pl.Int8())}
    if kind == "service_level":
        return {spec.name: parse_vocabulary(expr, dtype, words["service_level"], None, pl.String())}
    if kind == "datetime_or_bool":
        date, _ = parse_date(expr, dtype, formats)
        flag, flag_bad = parse_bool(expr, dtype, words["bool"])
        return {
            spec.name: (date, pl.lit(False)),
            "apology": (date.is_not_null() | flag, flag_bad & date.is_null()),
        }
    raise AssertionError(f"unknown kind {kind}")
