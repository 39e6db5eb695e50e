"""Unit names shortened for a narrow terminal ("UBND xã Vạn Phú" → "Xã Vạn Phú"), as
officers abbreviate them in tables; CSV, JSON and workbooks keep the full names."""

from __future__ import annotations

# the longest first: "Chi nhánh Văn phòng đăng ký đất đai" before "Văn phòng đăng ký đất đai"
PREFIXES = (
    ("Chi nhánh Văn phòng đăng ký đất đai", "CN VPĐKĐĐ"),
    ("Văn phòng đăng ký đất đai", "VPĐKĐĐ"),
    ("UBND thành phố", "TP"),
    ("UBND thị xã", "TX"),
    ("UBND thị trấn", "TT"),
    ("UBND huyện", "Huyện"),
    ("UBND phường", "Phường"),
    ("UBND xã", "Xã"),
    ("Ủy ban nhân dân", "UBND"),
    ("Uỷ ban nhân dân", "UBND"),
)
INNER = ((" thành phố ", " TP "), (" thị xã ", " TX "), (" huyện ", " H. "))
LEGEND = (("TP", "thành phố"), ("TX", "thị xã"), ("TT", "thị trấn"), ("H.", "huyện"),
          ("CN VPĐKĐĐ", "Chi nhánh Văn phòng đăng ký đất đai"))  # fmt: skip


def short_unit(name: str) -> str:
    """``name`` as a narrow table shows it."""
    short = name
    for long, abbreviation in PREFIXES:
        if short.startswith(long + " "):
            short = abbreviation + short[len(long) :]
            break
    for long, abbreviation in INNER:
        short = short.replace(long, abbreviation)
    return short


def legend_of(names: list[str]) -> list[tuple[str, str]]:
    """The abbreviations the shortened ``names`` use, with what each stands for."""
    shortened = [short_unit(n) for n in names if short_unit(n) != n]
    words = {w for s in shortened for w in s.split()} | {
        s.split(" ", 2)[0] + " " + s.split(" ", 2)[1] for s in shortened if s.startswith("CN ")
    }
    return [(a, full) for a, full in LEGEND if a in words]
