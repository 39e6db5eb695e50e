"""Unit levels (domain.md §9), inferred from unit names until a configuration says
otherwise: department (Sở, ban, ngành), land_office (Chi nhánh Văn phòng đăng ký
đất đai), district (UBND huyện / quận / thị xã / thành phố thuộc tỉnh and their
desks), commune (UBND xã / phường / thị trấn / đặc khu), province (UBND tỉnh),
unknown. "UBND thành phố X" is a district unless configured as a province.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from cchc_kpi.schema.textnorm import WORD_END

if TYPE_CHECKING:
    import polars as pl

Level = Literal["province", "department", "district", "land_office", "commune", "unknown"]
LEVELS: tuple[Level, ...] = ("province", "department", "district", "land_office", "commune", "unknown")

_ADMIN = (
    r"(?:ubnd|ub|ủy ban nhân dân|uỷ ban nhân dân|"
    r"bộ phận (?:tiếp nhận và trả kết quả|một cửa)(?: của)?(?: ubnd)?)?\s*"
)
# checked in order; the first that matches decides (applied to the lower-case name)
LEVEL_PATTERNS: tuple[tuple[Level, str], ...] = (
    ("land_office", r"(văn phòng đăng ký đất đai|vpđkđđ|vp đkđđ|đăng ký đất đai)"),
    ("commune", rf"^{_ADMIN}(xã|phường|thị trấn|đặc khu){WORD_END}"),
    ("district", rf"^{_ADMIN}(huyện|quận|thị xã|thành phố){WORD_END}"),
    ("province", rf"^{_ADMIN}tỉnh{WORD_END}"),
    ("district", r"^(phòng|bộ phận một cửa|bộ phận tiếp nhận).*[^\w\n]"
                 rf"(huyện|quận|thị xã|thành phố){WORD_END}"),
    ("department", r"^(sở|ban|thanh tra tỉnh|văn phòng ubnd tỉnh|công an tỉnh|bảo hiểm xã hội tỉnh|"
                   r"cục|chi cục|trung tâm phục vụ hành chính công|kho bạc)"),
)  # fmt: skip


def infer_level(name: str) -> Level:
    """The level of one unit name by :data:`LEVEL_PATTERNS` (the Python twin of :func:`level_expr`)."""
    import re

    lower = name.lower().strip()
    return next((level for level, pattern in LEVEL_PATTERNS if re.search(pattern, lower)), "unknown")


def level_expr(unit: pl.Expr) -> pl.Expr:
    """Return the inferred level of each unit name (a string expression; on big frames
    use :func:`~cchc_kpi.schema.textnorm.map_distinct`)."""
    import polars as pl

    lower = unit.cast(pl.String).str.to_lowercase().str.strip_chars()
    result: pl.Expr = pl.lit("unknown")
    for level, pattern in reversed(LEVEL_PATTERNS):
        result = pl.when(lower.str.contains(pattern)).then(pl.lit(level)).otherwise(result)
    return result
