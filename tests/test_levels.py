"""Tests of unit level inference (domain.md §9)."""

import polars as pl

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.grouping import with_group_columns
from cchc_kpi.schema.levels import level_expr

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
}


def test_levels_from_names():
    """Levels are inferred from unit names; anything else is unknown."""
    frame = pl.DataFrame({"unit": list(NAMES)})
    levels = frame.select(level_expr(pl.col("unit")).alias("level"))["level"].to_list()
    assert dict(zip(NAMES, levels, strict=True)) == NAMES


def test_unit_shown_with_most_frequent_spelling():
    """Spellings differing in tone placement are one unit, shown as its most frequent spelling."""
    frame = with_group_columns(ingest([FIXTURES / "nfd_tones.csv"]).dossiers)
    shown = dict(frame.group_by("_unit_key").agg(pl.col("g_unit").first()).iter_rows())
    assert set(shown.values()) == {"UBND phường Vĩnh Hòa", "Uỷ ban phường Vĩnh Hòa"}
