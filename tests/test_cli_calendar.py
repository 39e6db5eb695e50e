"""Command-line tests of ``cchc-kpi calendar``."""

import json

from .conftest import FIXTURES


def test_calendar_2025_json(cli):
    """--year 2025 --format json lists 2 May 2025 off and 26 April 2025 as a working day, with sources."""
    result = cli("calendar", "--year", "2025", "--format", "json")
    assert result.code == 0
    days = {d["date"]: d for d in json.loads(result.out)}
    assert days["2025-05-02"]["kind"] == "off"
    assert days["2025-04-26"]["kind"] == "workday"
    assert set(days["2025-04-26"]) == {"date", "kind", "name", "source"}
    assert days["2025-01-29"]["name"] == "Tết Nguyên Đán"


def test_calendar_english_names(cli):
    """--lang en gives the holiday names in English."""
    days = {d["date"]: d for d in json.loads(cli("calendar", "-y", "2025", "-f", "json", "--lang", "en").out)}
    assert days["2025-01-29"]["name"] == "Lunar New Year"


def test_count(cli):
    """--count FROM TO counts working days, both ends included."""
    result = cli("calendar", "--count", "25/04/2025", "2025-05-05", "--lang", "en")
    assert result.out == "Working days from 25/04/2025 to 05/05/2025 (both included): 5\n"
    data = json.loads(cli("calendar", "--count", "2024-04-26", "2024-05-06", "-f", "json").out)
    assert data == {"from": "2024-04-26", "to": "2024-05-06", "working_days": 5}


def test_user_table_and_errors(cli, tmp_path):
    """--holidays adds the user's days; a bad table or date is exit 2 with one line."""
    days = {
        d["date"]
        for d in json.loads(
            cli("calendar", "-y", "2024", "-f", "json", "--holidays", FIXTURES / "my_holidays.csv").out
        )
    }
    assert {"2024-03-08", "2024-03-09"} <= days
    bad = tmp_path / "bad.csv"
    bad.write_text("ngay,loai\n", "utf-8")
    result = cli("calendar", "-y", "2024", "--holidays", bad)
    assert result.code == 2 and result.err.count("\n") == 1
    assert cli("calendar", "--count", "2024-13-01", "2024-12-01").code == 2
