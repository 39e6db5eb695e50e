"""Tests of cell value parsing: vocabularies, money, numbers."""

import polars as pl
import pytest

from cchc_kpi.ingestion.values import as_text, parse_bool, parse_money, parse_number, parse_vocabulary


def _run(parser, values, dtype=None, **kw):
    dtype = dtype or pl.String()
    frame = pl.DataFrame({"v": values}, schema={"v": dtype})
    value, bad = parser(pl.col("v"), dtype, **kw)
    out = frame.select(value.alias("value"), bad.alias("bad"))
    return out["value"].to_list(), out["bad"].to_list()


@pytest.mark.parametrize(
    ("word", "channel"),
    [
        ("Trực tuyến", "online"), ("Qua mạng", "online"), ("Online", "online"),
        ("Cổng dịch vụ công", "online"), ("DVC trực tuyến", "online"), ("2", "online"),
        ("Trực tiếp", "direct"), ("Tại bộ phận một cửa", "direct"), ("1", "direct"), ("", "direct"),
        ("Bưu chính", "postal"), ("BCCI", "postal"), ("Dịch vụ bưu chính công ích", "postal"), ("3", "postal"),
        ("TRUC TUYEN", "online"),
    ],
)  # fmt: skip
def test_channel_words(word, channel):
    """Every channel word of domain.md §2 (any case or accents) maps to its channel; empty is direct."""
    values, bad = _run(
        parse_vocabulary, [word], vocabulary="channel", empty="direct", return_dtype=pl.String()
    )
    assert values == [channel]
    assert bad == [False]


def test_unknown_channel_is_direct_and_flagged():
    """An unknown channel counts as direct and is flagged for the warning."""
    values, bad = _run(
        parse_vocabulary, ["Zalo"], vocabulary="channel", empty="direct", return_dtype=pl.String()
    )
    assert (values, bad) == (["direct"], [True])


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("1", 1), ("Mới đăng ký", 1), ("Được tiếp nhận", 2), ("Không được tiếp nhận", 3), ("Đang xử lý", 4),
        ("Yêu cầu bổ sung giấy tờ", 5), ("Yêu cầu thực hiện nghĩa vụ tài chính", 6),
        ("Công dân yêu cầu rút hồ sơ", 7), ("Trả lại", 7), ("Rút hồ sơ", 7), ("Dừng xử lý", 8),
        ("Đã xử lý xong", 9), ("Hoàn thành", 9), ("Đã trả kết quả", 10), ("10", 10),
    ],
)  # fmt: skip
def test_status_words(word, code):
    """DVCQG status codes and their names map to the code."""
    values, bad = _run(parse_vocabulary, [word], vocabulary="status", empty=None, return_dtype=pl.Int8())
    assert (values, bad) == ([code], [False])


def test_booleans():
    """Có/Không, x/empty, Đã/Chưa, 1/0, true/false, yes/no; unknown is no and flagged."""
    words = ["Có", "Không", "x", "", None, "Đã", "Chưa", "1", "0", "true", "FALSE", "yes", "no", "?"]
    values, bad = _run(parse_bool, words)
    assert values == [
        True,
        False,
        True,
        False,
        False,
        True,
        False,
        True,
        False,
        True,
        False,
        True,
        False,
        False,
    ]
    assert bad == [False] * 13 + [True]


def test_paid_online_two_means_yes():
    """DVCQG DuocThanhToanTrucTuyen: 1 and 2 both mean paid online."""
    values, _ = _run(parse_bool, ["1", "2", "0"], vocabulary="paid_online")
    assert values == [True, True, False]


def test_money_forms():
    """35000, 35.000, 35,000, "35.000 đ", "35.000 VNĐ" are all 35 000; empty is 0."""
    words = ["35000", "35.000", "35,000", "35.000 đ", "35.000 VNĐ", "1.250.000", "35.000,00", "", None]
    values, bad = _run(parse_money, words)
    assert values == [35000, 35000, 35000, 35000, 35000, 1250000, 35000, 0, 0]
    assert not any(bad)


def test_money_unreadable_or_negative():
    """Unreadable or negative amounts become 0 and are flagged."""
    values, bad = _run(parse_money, ["ba mươi nghìn", "-5000", "35.5"])
    assert values == [0, 0, 0]
    assert bad == [True, True, True]


def test_money_numeric_cells():
    """Numeric cells (Excel) are rounded VND; negative ones flagged."""
    values, bad = _run(parse_money, [35000.0, -1.0, None], dtype=pl.Float64())
    assert (values, bad) == ([35000, 0, 0], [False, True, False])


def test_numbers_of_days():
    """ "15", "15 ngày", "1,5" are 15, 15, 1.5; words are empty and flagged."""
    values, bad = _run(parse_number, ["15", "15 ngày", "1,5", "", "ba ngày"])
    assert values == [15.0, 15.0, 1.5, None, None]
    assert bad == [False, False, False, False, True]


def test_service_levels():
    """Toàn trình / một phần / cung cấp thông tin, and the old mức độ 4/3/2."""
    words = ["Toàn trình", "Một phần", "Cung cấp thông tin", "Mức độ 4", "Mức độ 3", "mức độ 2", "Mức độ 9"]
    values, bad = _run(
        parse_vocabulary, words, vocabulary="service_level", empty=None, return_dtype=pl.String()
    )
    assert values == ["full", "partial", "info", "full", "partial", "info", None]
    assert bad == [False] * 6 + [True]


def test_as_text_whole_floats():
    """Whole numbers from Excel lose their ".0" when read as text."""
    frame = pl.DataFrame({"v": [12345.0, 1.5, None]})
    assert frame.select(as_text(pl.col("v"), pl.Float64()))["v"].to_list() == ["12345", "1.5", None]
