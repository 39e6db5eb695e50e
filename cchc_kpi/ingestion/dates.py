"""Dates as exports write them (domain.md §2), detected per column from its values.

A column's values are reduced to shapes (digits → ``9``): ``99/99/9999 99:99``,
``9999-99-99``, ``99999999999999`` (DVCQG), ``99999`` (an Excel serial) …
Each shape names one exact format; the column is then parsed with only the
formats its values use, by Polars ``strptime`` (vectorised, no per-cell trial).
Day first always: a day-first column whose values show a month above 12 is a
month-first export, which is an error for the user to fix, not to guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

EXCEL_SERIAL = "excel-serial"
EXCEL_SERIAL_1904 = "excel-serial-1904"  # a workbook saved with the 1904 date system
EARLIEST = datetime(1990, 1, 1)
LATEST = datetime(2099, 12, 31, 23, 59, 59)

_DATE_PART = r"(?P<date>9{1,2}(?P<sep>[/.-])9{1,2}(?P=sep)9{4}|9{4}(?P<isep>[-/.])9{1,2}(?P=isep)9{1,2})"
_TIME_PART = r"(?P<time>9{1,2}:9{1,2}(?::9{1,2}(?:\.9+)?)?)"
_DATE_TIME = re.compile(rf"^{_DATE_PART}(?:(?P<gap>T| +|, *){_TIME_PART})?$")
_TIME_DATE = re.compile(rf"^{_TIME_PART}(?P<gap> +|, *){_DATE_PART}$")
_COMPACT = {14: "%Y%m%d%H%M%S", 12: "%Y%m%d%H%M", 8: "%Y%m%d"}
_SERIAL = re.compile(r"^9{5}(?:\.9+)?$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def shape_of(value: str) -> str:
    """Return the shape of a date text: digits become ``9``, outer spaces dropped."""
    return re.sub(r"\d", "9", value.strip())


def _time_format(time_shape: str) -> str:
    parts = time_shape.split(":")
    fmt = "%H:%M"
    if len(parts) == 3:
        fmt += ":%S"
        if "." in parts[2]:
            fmt += "%.f"
    return fmt


def _date_format(match: re.Match[str]) -> str:
    if match.group("sep"):
        sep = match.group("sep")
        return f"%d{sep}%m{sep}%Y"
    sep = match.group("isep")
    return f"%Y{sep}%m{sep}%d"


def format_of_shape(shape: str) -> str | None:
    """Return the strptime format (or :data:`EXCEL_SERIAL`) that a shape stands for."""
    if shape and set(shape) == {"9"} and len(shape) in _COMPACT:
        return _COMPACT[len(shape)]
    if _SERIAL.match(shape):
        return EXCEL_SERIAL
    match = _DATE_TIME.match(shape)
    if match:
        fmt = _date_format(match)
        if match.group("time"):
            fmt += match.group("gap") + _time_format(match.group("time"))
        return fmt
    match = _TIME_DATE.match(shape)
    if match:
        return _time_format(match.group("time")) + match.group("gap") + _date_format(match)
    return None


def detect_formats(values: Iterable[str | None]) -> list[str]:
    """Return the formats that ``values`` use, the most frequent first (vectorised: the
    shape of every value in Polars, the format of each distinct shape in Python)."""
    import polars as pl

    texts = pl.Series("v", list(values), dtype=pl.String).str.strip_chars()
    shapes = texts.filter(texts.is_not_null() & (texts != "")).str.replace_all(r"\d", "9")
    counts: Counter[str] = Counter()
    for shape, count in shapes.value_counts(sort=True).iter_rows():
        fmt = format_of_shape(shape)
        if fmt is not None:
            counts[fmt] += count
    return [fmt for fmt, _ in counts.most_common()]


def month_first_values(values: Iterable[str | None]) -> list[str]:
    """The values that are only valid month-first (their middle number above 12)."""
    found = []
    for value in values:
        if value is None:
            continue
        match = _DMY.match(value)
        if match and int(match.group(2)) > 12 and 1 <= int(match.group(1)) <= 12:
            found.append(value.strip())
    return found


def month_first_example(values: Iterable[str | None]) -> str | None:
    """Return a value that is only valid month-first (its middle number above 12), if any."""
    found = month_first_values(values)
    return found[0] if found else None


MONTH_FIRST_SHARE = 0.02  # of a column's filled cells: above it the column is month-first


def is_month_first_column(month_first: int, filled: int) -> bool:
    """Whether a column with ``month_first`` month-first-only values among ``filled`` is
    written month-first (a US-locale re-save), rather than holding a stray typo or two."""
    return month_first >= max(1, MONTH_FIRST_SHARE * filled)


def parse_dates_expr(expr: pl.Expr, formats: list[str], dtype: pl.DataType) -> pl.Expr:
    """Return ``expr`` parsed as ``Datetime("us")``; unreadable or implausible dates are null.

    Real date cells (Excel) pass through; numbers are Excel serial days; text is
    parsed with exactly the detected ``formats``.
    """
    parse, check = date_parse_stages(expr, formats, dtype)
    return check(parse).alias(expr.meta.output_name(raise_if_undetermined=False) or "date")


def _plausible(parsed: pl.Expr) -> pl.Expr:
    import polars as pl

    return pl.when(parsed.is_between(EARLIEST, LATEST)).then(parsed)


def _as_is(parsed: pl.Expr) -> pl.Expr:
    return parsed


def date_parse_stages(
    expr: pl.Expr, formats: list[str], dtype: pl.DataType
) -> tuple[pl.Expr, Callable[[pl.Expr], pl.Expr]]:
    """:func:`parse_dates_expr` in two stages: the parse, and the check that keeps only
    plausible dates, to be applied to the parse once it is a column (so that the costly
    parse is asked once per cell, not once for the check and once for the value)."""
    import polars as pl

    target = pl.Datetime("us")
    if dtype.is_temporal():
        return expr.cast(target), _plausible
    if dtype.is_numeric():
        return _from_serial(expr.cast(pl.Float64)), _plausible
    text = expr.str.strip_chars()
    attempts = []
    for fmt in formats:
        if fmt in (EXCEL_SERIAL, EXCEL_SERIAL_1904):
            days = text.cast(pl.Float64, strict=False)
            attempts.append(_from_serial(days, from_1904=fmt == EXCEL_SERIAL_1904))
        else:
            attempts.append(text.str.strptime(target, fmt, strict=False))
    if not attempts:
        return pl.lit(None, dtype=target), _as_is
    if len(attempts) == 1:
        return attempts[0], _plausible
    # each format is tried on its own and kept only when it gives a plausible date, so the
    # order of the formats (which came first in the file) never changes what a cell means
    return pl.coalesce([_plausible(a) for a in attempts]), _as_is


SERIAL_RANGE = (32_874.0, 73_415.0)  # 1990-01-01 … 2100-12-31 as Excel serial days


SYSTEM_1904_DAYS = 1462  # 1904-01-01 is day 1462 of the 1900 system


def _from_serial(days: pl.Expr, from_1904: bool = False) -> pl.Expr:
    """Excel serial day number → datetime, to the second (1900 system, or 1904 for a workbook
    saved so); a number outside the serial range of plausible dates (a yyyyMMddHHmmss read
    as a number) is no serial."""
    import polars as pl

    if from_1904:
        days = days + SYSTEM_1904_DAYS
    in_range = pl.when(days.is_between(*SERIAL_RANGE)).then(days)
    seconds = (in_range * 86400).round(0).cast(pl.Int64, strict=False)
    return pl.datetime(1899, 12, 30, time_unit="us") + pl.duration(seconds=seconds)
