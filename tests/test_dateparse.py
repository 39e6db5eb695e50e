"""Tests of date format detection and parsing."""

from datetime import datetime

import polars as pl
import pytest

from cchc_kpi.ingestion.dates import (
    EXCEL_SERIAL,
    detect_formats,
    format_of_shape,
    month_first_example,
    parse_dates_expr,
    shape_of,
)

CASES = [
    ("05/03/2024", "%d/%m/%Y", datetime(2024, 3, 5)),
    ("5/3/2024", "%d/%m/%Y", datetime(2024, 3, 5)),
    ("05/03/2024 08:30", "%d/%m/%Y %H:%M", datetime(2024, 3, 5, 8, 30)),
    ("05/03/2024 08:30:15", "%d/%m/%Y %H:%M:%S", datetime(2024, 3, 5, 8, 30, 15)),
    ("05-03-2024", "%d-%m-%Y", datetime(2024, 3, 5)),
    ("05.03.2024", "%d.%m.%Y", datetime(2024, 3, 5)),
    ("2024-03-05", "%Y-%m-%d", datetime(2024, 3, 5)),
    ("2024-03-05 08:30", "%Y-%m-%d %H:%M", datetime(2024, 3, 5, 8, 30)),
    ("2024-03-05 08:30:15", "%Y-%m-%d %H:%M:%S", datetime(2024, 3, 5, 8, 30, 15)),
    ("2024-03-05T08:30:15", "%Y-%m-%dT%H:%M:%S", datetime(2024, 3, 5, 8, 30, 15)),
    ("20240305083015", "%Y%m%d%H%M%S", datetime(2024, 3, 5, 8, 30, 15)),
    ("08:30 05/03/2024", "%H:%M %d/%m/%Y", datetime(2024, 3, 5, 8, 30)),
    ("45356.35416666667", EXCEL_SERIAL, datetime(2024, 3, 5, 8, 30)),
    ("45356", EXCEL_SERIAL, datetime(2024, 3, 5)),
]


@pytest.mark.parametrize(("text", "fmt", "expected"), CASES)
def test_every_format(text, fmt, expected):
    """Each supported way of writing a date is detected and parsed to the right instant."""
    assert format_of_shape(shape_of(text)) == fmt
    frame = pl.DataFrame({"d": [text]})
    parsed = frame.select(parse_dates_expr(pl.col("d"), [fmt], pl.String()))["d"][0]
    assert parsed == expected


def test_detect_formats_by_frequency():
    """A column's formats come from its values, the most used first."""
    values = ["05/03/2024 08:30", "06/03/2024 09:00", "07/03/2024", None, "", "junk"]
    assert detect_formats(values) == ["%d/%m/%Y %H:%M", "%d/%m/%Y"]


def test_mixed_column_parses_with_detected_formats():
    """A column with two formats parses every value; garbage and impossible dates are null."""
    values = ["05/03/2024 08:30", "07/03/2024", "31/02/2024", "junk", None]
    formats = detect_formats(values)
    out = pl.DataFrame({"d": values}).select(parse_dates_expr(pl.col("d"), formats, pl.String()))["d"]
    assert out.to_list() == [datetime(2024, 3, 5, 8, 30), datetime(2024, 3, 7), None, None, None]


def test_out_of_range_dates_are_null():
    """Dates before 1990 or after 2099 are treated as unreadable."""
    values = ["01/01/1900", "01/01/2099", "01/01/2100"]
    out = pl.DataFrame({"d": values}).select(parse_dates_expr(pl.col("d"), ["%d/%m/%Y"], pl.String()))["d"]
    assert out.to_list() == [None, datetime(2099, 1, 1), None]


def test_month_first_detected():
    """A middle number above 12 in a day-first shaped column reveals month-first dates."""
    assert month_first_example(["03/05/2024", "03/25/2024"]) == "03/25/2024"
    assert month_first_example(["25/03/2024", "05/03/2024"]) is None


def test_real_date_cells_and_serial_numbers():
    """Excel date cells pass through; numeric cells are serial days."""
    frame = pl.DataFrame({"d": [datetime(2024, 3, 5, 8, 30)], "n": [45356.5]})
    out = frame.select(
        parse_dates_expr(pl.col("d"), [], pl.Datetime("ms")),
        parse_dates_expr(pl.col("n"), [], pl.Float64()),
    )
    assert out.row(0) == (datetime(2024, 3, 5, 8, 30), datetime(2024, 3, 5, 12, 0))
