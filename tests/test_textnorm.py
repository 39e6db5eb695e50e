"""Tests of text normalisation (display, name keys, folded keys)."""

import unicodedata

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_kpi.schema.textnorm import (
    NEEDS_CLEANING,
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


SPECIALS = "\u00a0\t\n\u200b\ufeff\u00ad\x1b\u202e\u2126\u212b\uf900\u0301\u0323  ́"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from("aăâđeêoôơuưy ÁàUBNDxãphườngLộcThọ" + SPECIALS)
            | st.characters(blacklist_categories=("Cs",)),
            max_size=12,
        ),
        max_size=30,
    )
)
def test_clean_text_expr_is_clean_text_for_any_text(values):
    """The column cleaning (which cleans only what can change) gives clean_text's result for any text."""
    frame = pl.DataFrame({"v": values}, schema={"v": pl.String})
    cleaned = frame.select(clean_text_expr(pl.col("v")))["v"].to_list()
    assert cleaned == [clean_text(v) or None for v in values]


def test_every_character_nfc_changes_is_cleaned():
    """Each character that NFC normalisation changes on its own is among those the cleaning looks at."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    needs = pl.Series(chars).str.contains(NEEDS_CLEANING).to_list()
    missed = [
        hex(ord(c))
        for c, n in zip(chars, needs, strict=True)
        if not n and unicodedata.normalize("NFC", c) != c
    ]
    assert missed == []


def test_map_categories_gives_categorical_text_when_asked():
    """map_categories with categorical=True gives the same text as a categorical column, nulls kept."""
    from cchc_kpi.schema.textnorm import map_categories

    column = pl.Series("c", [" Trực  tuyến", None, "Trực tiếp", " Trực  tuyến"]).cast(pl.Categorical)
    (plain,) = map_categories(column, [clean_text_expr])
    (compact,) = map_categories(column, [clean_text_expr], categorical=True)
    assert plain.dtype == pl.String and compact.dtype == pl.Categorical
    assert (
        compact.cast(pl.String).to_list()
        == plain.to_list()
        == ["Trực tuyến", None, "Trực tiếp", "Trực tuyến"]
    )
