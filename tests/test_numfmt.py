"""Tests of Vietnamese and English number formats."""

from cchc_kpi.numfmt import format_int, format_percent, percent_hundredths


def test_thousands():
    """7.300 in Vietnamese, 7,300 in English."""
    assert format_int(7300) == "7.300"
    assert format_int(7300, "en") == "7,300"
    assert format_int(-1234567) == "-1.234.567"
    assert format_int(12) == "12"


def test_percent_half_up_from_integers():
    """Percentages round half-up from the integer numerator and denominator."""
    assert format_percent(6000 - 14, 6000) == "99,77%"
    assert format_percent(1242, 1245, "en") == "99.76%"
    assert percent_hundredths(1, 8) == 1250  # 12.5% exactly
    assert percent_hundredths(1, 20001) == 0  # just under 0.005% rounds down
    assert percent_hundredths(1, 20000) == 1  # exactly 0.005% rounds half up to 0.01%
    assert percent_hundredths(2, 3) == 6667
    assert format_percent(0, 0) == "–"
