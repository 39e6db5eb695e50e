"""Tests of Vietnamese and English number formats."""

from cchc_kpi.i18n.numfmt import format_int, format_percent, percent_hundredths


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


def test_vietnamese_document_dates():
    """NĐ 30/2020: leading zero on days under 10 and on months 1 and 2 only."""
    from datetime import date

    from cchc_kpi.i18n.numfmt import vn_date

    assert [vn_date(date(2024, 8, 7)), vn_date(date(2023, 12, 15)), vn_date(date(2024, 2, 5))] == [
        "07/8/2024",
        "15/12/2023",
        "05/02/2024",
    ]


def test_money_as_reports_write_it():
    """434,25 triệu đồng; 3,81 tỷ đồng; small amounts in đồng."""
    from cchc_kpi.i18n.numfmt import format_money

    assert format_money(434_250_000) == "434,25 triệu đồng"
    assert format_money(3_812_000_000) == "3,81 tỷ đồng"
    assert format_money(35_000) == "35.000 đồng"
    assert format_money(55_573_000, "en") == "55.57 million VND"
