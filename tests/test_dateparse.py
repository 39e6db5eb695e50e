"""Tests of date format detection and parsing."""

from datetime import datetime

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def _received(tmp_path, rows):
    from cchc_kpi.ingestion.pipeline import ingest

    path = tmp_path / "d.csv"
    path.write_text(
        "MaHoSo,DonViXuLy,NgayTiepNhan\n" + "".join(f"{i},UBND xa A,{v}\n" for i, v in rows), "utf-8"
    )
    frame = ingest([path]).dossiers.sort("dossier_id")
    return dict(zip(frame["dossier_id"].to_list(), frame["received_at"].to_list(), strict=True))


def test_serial_numbers_and_compact_dates_read_the_same_in_any_order(tmp_path):
    """A column mixing Excel serials and yyyyMMddHHmmss reads each cell the same whichever comes first."""
    rows = [("A1", "45292.35"), ("A2", "20240102083000")]
    first = _received(tmp_path, rows)
    assert first == _received(tmp_path, rows[::-1])
    assert first["A2"] == datetime(2024, 1, 2, 8, 30)
    assert first["A1"] == datetime(2024, 1, 1, 8, 24)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(6)))
def test_mixed_formats_do_not_depend_on_row_order(tmp_path, order):
    """Every date format of §2 mixed in one column: each cell's value is the same in every row order."""
    values = ["02/01/2024 08:15", "2024-01-03", "20240104093000", "45296", "05.01.2024", "06-01-2024 10:00"]
    rows = [(f"A{i}", values[i]) for i in order]
    got = _received(tmp_path, rows)
    assert got == {
        "A0": datetime(2024, 1, 2, 8, 15), "A1": datetime(2024, 1, 3), "A2": datetime(2024, 1, 4, 9, 30),
        "A3": datetime(2024, 1, 5), "A4": datetime(2024, 1, 5), "A5": datetime(2024, 1, 6, 10),
    }  # fmt: skip
