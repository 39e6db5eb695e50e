"""Cell values → canonical values, as Polars expressions (domain.md §2).

Each parser takes the raw column expression and its dtype and returns a
:class:`Parsed`: the *core* (the parsed value, null where the cell is empty or
unreadable — the costly part), from which the canonical value (the core with
what an empty cell means for that kind: no / direct / unknown / 0 VND) and the
*bad* flag (a non-empty cell that could not be read) follow cheaply. The query
computes every core once, as a column, then the values and flags from it. Only
the key fields reject the row, which :mod:`cchc_kpi.ingestion.row_checks` decides.

Columns with few distinct values (units, statuses, channels, yes/no, fees …)
carry their elementwise ``per_value`` parser, from which the query builds a
lookup table (:class:`cchc_kpi.ingestion.parse.Lookup`) instead of parsing every row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cchc_kpi.ingestion.dates import date_parse_stages
from cchc_kpi.schema.fields import FieldSpec
from cchc_kpi.schema.textnorm import clean_text_expr, fold_key_expr
from cchc_kpi.schema.vocab import VOCABULARIES

if TYPE_CHECKING:
    import polars as pl
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


def present(text: pl.Expr) -> pl.Expr:
    """Whether a cell holds anything but spaces."""
    return text.is_not_null() & (text.str.strip_chars() != "")


@dataclass(frozen=True)
class Parsed:
    """One canonical column from one raw column: the core and how value and flag follow.

    ``default`` is what an empty or unreadable cell means (None: null); ``checked``
    False means the kind can never be unreadable (text). Iterating gives
    ``(value, bad)`` computed from the core expression itself.
    """

    core: pl.Expr
    raw: pl.Expr
    raw_dtype: Any
    default: object = None
    checked: bool = True
    per_value: Callable[[pl.Expr], pl.Expr] | None = None  # set: few distinct values, parse per value
    # set: ``core`` is ``check(parse)``; a query computes ``parse`` as a column, then checks it
    stages: tuple[pl.Expr, Callable[[pl.Expr], pl.Expr]] | None = None

    def value(self, core: pl.Expr) -> pl.Expr:
        """The canonical value from the computed core."""
        return core if self.default is None else core.fill_null(self.default)

    def bad(self, core: pl.Expr) -> pl.Expr:
        """True where a non-empty cell could not be read."""
        import polars as pl

        if not self.checked:
            return pl.lit(False)
        if self.raw_dtype != pl.String:
            return (self.raw.is_not_null() & core.is_null()).fill_null(False)
        # the text looked at only where the parse gave nothing (``when`` asks its branch of
        # those rows alone): a cell of spaces is empty, not unreadable
        return pl.when(core.is_null() & self.raw.is_not_null()).then(present(self.raw)).otherwise(False)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter((self.value(self.core), self.bad(self.core)))


def _by_value(
    text: pl.Expr,
    parse: Callable[[pl.Expr], pl.Expr],
    few: bool,
    default: object = None,
    checked: bool = True,
) -> Parsed:
    """A text column parsed by an elementwise ``parse`` (which a lookup table may apply
    once per distinct value when ``few``)."""
    import polars as pl

    return Parsed(parse(text), text, pl.String(), default, checked, per_value=parse if few else None)


def parse_text(expr: pl.Expr, dtype: pl.DataType, few: bool = False) -> Parsed:
    """Text: NFC, trimmed, inner whitespace collapsed; empty → null. Never bad."""
    return _by_value(as_text(expr, dtype), clean_text_expr, few, checked=False)


def parse_vocabulary(
    expr: pl.Expr,
    dtype: pl.DataType,
    vocabulary: str | Mapping[str, object],
    empty: object,
    return_dtype: pl.DataType,
    few: bool = True,
) -> Parsed:
    """Map words of a vocabulary; empty cells and unknown words become ``empty``."""
    words = VOCABULARIES[vocabulary] if isinstance(vocabulary, str) else dict(vocabulary)

    def lookup(text: pl.Expr) -> pl.Expr:
        return fold_key_expr(text).replace_strict(words, default=None, return_dtype=return_dtype)

    return _by_value(as_text(expr, dtype), lookup, few, empty)


def parse_bool(
    expr: pl.Expr, dtype: pl.DataType, vocabulary: str | Mapping[str, object] = "bool", few: bool = True
) -> Parsed:
    """Yes / no (Có / Không, x / empty, Đã / Chưa, 1 / 0 …); empty and unknown = no."""
    import polars as pl

    if dtype == pl.Boolean:
        return Parsed(expr, expr, dtype, default=False)
    return parse_vocabulary(expr, dtype, vocabulary, False, pl.Boolean(), few)


def _amount(text: pl.Expr) -> pl.Expr:
    import polars as pl

    plain = text.str.replace(_CURRENCY, "").str.replace_all(r"\s", "").str.replace(_ZERO_DECIMALS, "")
    readable = plain.str.contains(_PLAIN_INT) | plain.str.contains(_GROUPED_INT)
    amount = pl.when(readable).then(plain.str.replace_all(r"[.,]", "").cast(pl.Int64, strict=False))
    return pl.when(amount >= 0).then(amount)


def parse_money(expr: pl.Expr, dtype: pl.DataType, few: bool = True) -> Parsed:
    """VND amounts: 35000, 35.000, 35,000, "35.000 đ", "35.000 VNĐ" → 35000; empty → 0;
    unreadable or negative → 0 and flagged."""
    import polars as pl

    if dtype.is_numeric():
        amount = expr.cast(pl.Float64).round(0).cast(pl.Int64)
        return Parsed(pl.when(amount >= 0).then(amount), expr, dtype, default=0)
    return _by_value(as_text(expr, dtype), _amount, few, default=0)


def _days(text: pl.Expr) -> pl.Expr:
    import polars as pl

    number = text.str.extract(_LEADING_NUMBER, 1).str.replace(",", ".", literal=True)
    value = number.cast(pl.Float64, strict=False)
    return pl.when(value >= 0).then(value)


def parse_number(expr: pl.Expr, dtype: pl.DataType, few: bool = True) -> Parsed:
    """A count of days: "15", "15 ngày", "1,5" → 15.0, 15.0, 1.5; empty → null."""
    import polars as pl

    if dtype.is_numeric():
        value = expr.cast(pl.Float64)
        return Parsed(pl.when(value >= 0).then(value), expr, dtype)
    return _by_value(as_text(expr, dtype), _days, few)


def parse_date(expr: pl.Expr, dtype: pl.DataType, formats: list[str]) -> Parsed:
    """A date or date-time (see :mod:`cchc_kpi.ingestion.dates`); empty → null."""
    import polars as pl

    raw = expr if dtype.is_temporal() else as_text(expr, dtype)
    raw_dtype = dtype if dtype.is_temporal() else pl.String()
    parse, check = date_parse_stages(expr, formats, dtype)
    return Parsed(check(parse), raw, raw_dtype, stages=(parse, check))


def parse_field(
    spec: FieldSpec,
    expr: pl.Expr,
    dtype: pl.DataType,
    formats: list[str],
    words: Mapping[str, Mapping[str, object]] = VOCABULARIES,
    few: bool = True,
    vocabulary: str | None = None,
) -> dict[str, Parsed]:
    """Return the canonical column(s) one export column yields, by the field's kind.

    ``words`` holds the vocabularies (built-in ones, plus a vendor profile's);
    ``few``: the column has few distinct values (parse each once); ``vocabulary``: the
    column's own words instead of the field's (OpenCPS's true / false "Trực tuyến").
    """
    import polars as pl

    kind = spec.kind
    own = words[vocabulary] if vocabulary else None
    if kind == "text":
        return {spec.name: parse_text(expr, dtype, few)}
    if kind == "datetime":
        return {spec.name: parse_date(expr, dtype, formats)}
    if kind == "bool":
        return {spec.name: parse_bool(expr, dtype, words[spec.vocabulary], few)}
    if kind == "money":
        return {spec.name: parse_money(expr, dtype, few)}
    if kind == "number":
        return {spec.name: parse_number(expr, dtype, few)}
    if kind == "channel":
        return {spec.name: parse_vocabulary(expr, dtype, own or words["channel"], "direct", pl.String(), few)}
    if kind == "status":
        return {spec.name: parse_vocabulary(expr, dtype, words["status"], None, pl.Int8(), few)}
    if kind == "service_level":
        return {spec.name: parse_vocabulary(expr, dtype, words["service_level"], None, pl.String(), few)}
    if kind == "datetime_or_bool":
        date = parse_date(expr, dtype, formats)
        flag = parse_bool(expr, dtype, words["bool"], few)
        said = pl.when(date.core.is_not_null()).then(pl.lit(True)).otherwise(flag.core)
        return {
            spec.name: Parsed(date.core, date.raw, date.raw_dtype, checked=False),
            "apology": Parsed(said, flag.raw, flag.raw_dtype, default=False),
        }
    if kind == "filled":  # free text reduced at once to "filled or not"; the text is never kept
        text = as_text(expr, dtype)
        return {spec.name: Parsed(present(text), text, pl.String(), default=False, checked=False)}
    raise ValueError(f"unknown kind {kind}")
