"""Tests of unit level inference (domain.md §9)."""

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.grouping import with_group_columns
from cchc_kpi.schema.levels import infer_level, level_expr

from .conftest import FIXTURES

NAMES = {
    "UBND phường Lộc Thọ": "commune",
    "Ủy ban nhân dân xã Vạn Hưng": "commune",
    "UBND thị trấn Vạn Giã": "commune",
    "UBND đặc khu Phú Quốc": "commune",
    "Xã Vạn Phú": "commune",
    "UBND thành phố Nha Trang": "district",
    "UBND huyện Vạn Ninh": "district",
    "UBND thị xã Ninh Hòa": "district",
    "Bộ phận Một cửa UBND thành phố Cam Ranh": "district",
    "Phòng Tư pháp huyện Vạn Ninh": "district",
    "Chi nhánh Văn phòng đăng ký đất đai thành phố Nha Trang": "land_office",
    "Sở Tư pháp tỉnh Khánh Hòa": "department",
    "Trung tâm Phục vụ hành chính công tỉnh": "department",
    "UBND tỉnh Khánh Hòa": "province",
    "Công ty ABC": "unknown",
    # a level word counts only as a whole word: followed by a space, a sign or the end
    "UBND xã": "commune",
    "UBND xã-Vạn Hưng": "commune",
    "UBND xãa Hưng": "unknown",
    "UBND tỉnhx": "unknown",
    "Phòng Tư pháp huyện": "district",
    "Phòng Tư pháp-huyện Vạn Ninh": "district",
    "Phòng Tư pháphuyện Vạn Ninh": "unknown",
    "Phòng Tư pháp huyện_Vạn": "unknown",
}


def test_levels_from_names():
    """Levels are inferred from unit names; anything else is unknown."""
    frame = pl.DataFrame({"unit": list(NAMES)})
    levels = frame.select(level_expr(pl.col("unit")).alias("level"))["level"].to_list()
    assert dict(zip(NAMES, levels, strict=True)) == NAMES


PIECES = ["UBND ", "xã", "ã", "phường", " ", "-", "_", "\n", "tỉnh", "huyện", "Phòng ", "thị xã", "1", "sở",
          "bộ phận một cửa ", "văn phòng đăng ký đất đai", "thành phố"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join), min_size=1, max_size=20)
)
def test_level_twins_agree(names):
    """The Polars level expression and its Python twin infer the same level for any name."""
    frame = pl.DataFrame({"unit": names}, schema={"unit": pl.String})
    assert frame.select(level_expr(pl.col("unit"))).to_series().to_list() == [infer_level(n) for n in names]


def test_unit_shown_with_most_frequent_spelling():
    """Spellings differing in tone placement are one unit, shown as its most frequent spelling."""
    frame = with_group_columns(ingest([FIXTURES / "nfd_tones.csv"]).dossiers)
    shown = dict(frame.group_by("_unit_key").agg(pl.col("g_unit").first()).iter_rows())
    assert set(shown.values()) == {"UBND phường Vĩnh Hòa", "Uỷ ban phường Vĩnh Hòa"}
