"""Tests of text normalisation (display, name keys, folded keys)."""

import unicodedata

import polars as pl

from cchc_kpi.schema.textnorm import (
    clean_text,
    clean_text_expr,
    fold_key,
    fold_key_expr,
    name_key,
    name_key_expr,
    strip_accents,
)


def test_clean_text_nfc_and_spacing():
    """clean_text composes NFD input to NFC and collapses whitespace."""
    nfd = unicodedata.normalize("NFD", "  UBND  phường\tLộc Thọ ")
    assert clean_text(nfd) == "UBND phường Lộc Thọ"
    assert unicodedata.is_normalized("NFC", clean_text(nfd))


def test_name_key_tone_placement_and_case():
    """Old and new tone placement and case give one key; other accents stay."""
    assert name_key("UBND phường Vĩnh Hòa") == name_key("ubnd PHƯỜNG  Vĩnh Hoà")
    assert name_key("Ủy ban") == name_key("Uỷ ban")
    assert name_key("khỏe") == name_key("khoẻ")
    assert name_key("Vĩnh Hòa") != name_key("Vĩnh Hoa")


def test_fold_key_ignores_accents_case_spacing_punctuation():
    """fold_key makes "Ngày tiếp nhận" and "NgayTiepNhan" the same key."""
    assert fold_key("Ngày tiếp nhận") == fold_key("NgayTiepNhan") == "ngaytiepnhan"
    assert fold_key("Phí, lệ phí") == "philephi"
    assert strip_accents("Đơn vị") == "Don vi"


def test_polars_twins_match_python():
    """The Polars expressions give the same results as the Python functions."""
    values = ["  Ủy ban  nhân dân ", "Vĩnh Hoà", unicodedata.normalize("NFD", "Trực tuyến"), "Đã"]
    frame = pl.DataFrame({"v": values})
    cleaned = frame.select(clean_text_expr(pl.col("v")))["v"].to_list()
    assert cleaned == [clean_text(v) for v in values]
    keys = frame.select(name_key_expr(clean_text_expr(pl.col("v"))))["v"].to_list()
    assert keys == [name_key(v) for v in values]
    folded = frame.select(fold_key_expr(pl.col("v")))["v"].to_list()
    assert folded == [fold_key(v) for v in values]


def test_clean_text_expr_empty_is_null():
    """Blank cells become null, not empty strings."""
    frame = pl.DataFrame({"v": ["  ", "", None, "x"]})
    assert frame.select(clean_text_expr(pl.col("v")))["v"].to_list() == [None, None, None, "x"]
