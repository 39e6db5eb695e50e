"""The procedure catalogue (danh mục TTHC): each procedure's code, name, the tiers
of government that carry it out, its online service level and whether it bears a
fee or charge.

Read from CSV or Excel like an export (title rows and a header band are found by
the column names). Used to count procedures by service level per tier (as the
published reports do: "201 TTHC, 79 toàn trình, 114 một phần, 8 cung cấp thông
tin"), to fill a dossier's service level when the export has none, and for the
procedure-level criteria of the QĐ 766 estimate.

Procedures are matched on their code (the national part "1.004227" of a local
code "1.004227.000.00.00.H42"), then on their name (:func:`name_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.header_band import find_header_band
from cchc_kpi.read.grid import ROW, column_name
from cchc_kpi.read.grids import open_grids
from cchc_kpi.read.limits import Limits
from cchc_kpi.schema.headers import AliasTable, HeaderRule
from cchc_kpi.schema.textnorm import clean_text_expr, fold_key, fold_key_expr, map_distinct, name_key_expr
from cchc_kpi.schema.vocab import BOOL_WORDS, SERVICE_LEVEL_WORDS

if TYPE_CHECKING:
    import polars as pl

Tier = Literal["province", "district", "commune"]
TIERS: tuple[Tier, ...] = ("province", "district", "commune")
SERVICE_LEVELS = ("full", "partial", "info")
LEVEL_RANK = {"full": 3, "partial": 2, "info": 1}
# unit level (domain.md §9) → the tier of government whose procedures it carries out
TIER_OF_LEVEL: dict[str, Tier] = {
    "province": "province",
    "department": "province",
    "district": "district",
    "land_office": "district",
    "commune": "commune",
}

CATALOG_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("Mã TTHC", "Mã thủ tục", "MaTTHC", "Mã số TTHC", "Mã số", "Mã"),
    "name": ("Tên TTHC", "Tên thủ tục", "Tên thủ tục hành chính", "TenTTHC", "Thủ tục hành chính"),
    "tier": ("Cấp thực hiện", "Cấp giải quyết", "Cấp", "CapThucHien", "Cơ quan thực hiện"),
    "service_level": ("Mức độ", "Mức độ DVC", "Mức độ DVCTT", "Loại DVC", "Mức độ cung cấp DVC", "DVCTT"),
    "fee": ("Có phí", "Có phí, lệ phí", "Phí, lệ phí", "Phí", "Lệ phí", "Có thu phí", "Phí/lệ phí"),
}
CATALOG_ALIASES: AliasTable = {
    fold_key(alias): HeaderRule(name, priority, source="catalog")
    for name, aliases in CATALOG_HEADERS.items()
    for priority, alias in enumerate(aliases)
}


@dataclass(frozen=True)
class Catalog:
    """The procedures of a catalogue, one row per (procedure, tier).

    ``entries`` columns: code, name, code_key, name_key, tier (null when the
    catalogue has no tier column or the cell names none), service_level, fee.
    """

    path: str
    entries: pl.DataFrame
    rows_ignored: list[int] = field(default_factory=list)

    def procedures(self, tiers: set[str] | None = None) -> pl.DataFrame:
        """One row per procedure (of ``tiers`` when given; all when None), with its
        highest service level and whether it bears a fee."""
        import polars as pl

        entries = self.entries
        if tiers is not None:
            entries = entries.filter(pl.col("tier").is_in(sorted(tiers)))
        return (
            entries.with_columns(_procedure_id())
            .group_by("_id")
            .agg(
                pl.col("code_key").first(),
                pl.col("name_key").first(),
                pl.col("service_level").sort_by(_rank(pl.col("service_level")), descending=True).first(),
                pl.col("fee").any(),
            )
            .drop("_id")
        )


def _procedure_id() -> pl.Expr:
    import polars as pl

    return pl.coalesce(pl.col("code_key"), pl.col("name_key")).alias("_id")


def _rank(level: pl.Expr) -> pl.Expr:
    import polars as pl

    return level.replace_strict(LEVEL_RANK, default=0, return_dtype=pl.Int8)


def code_key_expr(code: pl.Expr) -> pl.Expr:
    """The matching key of a procedure code: upper case without spaces, the national
    part ("1.004227") when the code is a DVCQG code."""
    import polars as pl

    cleaned = code.cast(pl.String).str.to_uppercase().str.replace_all(r"\s", "")
    national = cleaned.str.extract(r"^(\d+\.\d{6})", 1)
    return pl.coalesce(national, pl.when(cleaned != "").then(cleaned))


def _tier_expr(text: pl.Expr) -> pl.Expr:
    """The tiers a "Cấp thực hiện" cell names, as a list ("Cấp tỉnh, Cấp huyện" → both)."""
    import polars as pl

    words = (
        text.str.to_lowercase()
        .str.normalize("NFD")
        .str.replace_all(r"\p{M}", "")
        .str.replace_all("đ", "d", literal=True)
        .str.replace_all(r"thi xa|thanh pho|quan", "huyen")
    )
    found = [
        pl.when(words.str.contains(rf"(^|[^a-z]){word}([^a-z]|$)")).then(pl.lit(tier))
        for tier, word in (("province", "tinh"), ("district", "huyen"), ("commune", "xa"))
    ]
    return pl.concat_list(found).list.drop_nulls()


def _fee_expr(text: pl.Expr) -> pl.Expr:
    """Whether a fee cell says the procedure bears a fee: "Có", "x", an amount
    ("50.000 đồng") or "Có thu phí"; "Không", "Miễn phí" or empty say it does not."""
    import polars as pl

    folded = fold_key_expr(text)
    word = folded.replace_strict(BOOL_WORDS, default=None, return_dtype=pl.Boolean)
    amount = text.str.contains(r"[1-9]") & ~folded.str.starts_with("khong")
    return pl.coalesce(word, amount | folded.str.starts_with("co")).fill_null(False)


def _grid_frame(path: Path, limits: Limits) -> tuple[pl.DataFrame, dict[str, int], int]:
    """The first sheet with a catalogue header: its rows below the header band."""
    import polars as pl

    for grid in open_grids(path, limits=limits):
        band = find_header_band(grid.head, grid.n_columns, CATALOG_ALIASES)
        if band is None:
            continue
        columns: dict[str, int] = {}
        for index, name in enumerate(band.names):
            hit = CATALOG_ALIASES.get(fold_key(name)) if name else None
            if hit and (hit.field not in columns):
                columns[hit.field] = index
        if "service_level" not in columns or not ({"code", "name"} & set(columns)):
            continue
        indexes = sorted(columns.values())
        frame = grid.read(grid.select(indexes).filter(pl.col(ROW) > band.end_row).collect)
        renamed = frame.rename({column_name(i): k for k, i in columns.items()})
        return renamed.with_columns(pl.col(k).cast(pl.String) for k in columns), columns, band.end_row
    raise InputError("catalog.no_header", path=str(path))


def read_catalog(path: Path, limits: Limits | None = None) -> Catalog:
    """Read a catalogue file (once per run); rows without a code or name are skipped,
    rows whose service level cannot be read are ignored and listed."""
    import polars as pl

    if not path.exists():
        raise InputError("catalog.not_found", path=str(path))
    frame, columns, _ = _grid_frame(path, limits or Limits())

    def column(name: str) -> pl.Expr:
        return clean_text_expr(pl.col(name)) if name in columns else pl.lit(None, pl.String)

    code, name = column("code"), column("name")
    level = fold_key_expr(column("service_level")).replace_strict(
        SERVICE_LEVEL_WORDS, default=None, return_dtype=pl.String
    )
    rows = frame.select(
        pl.col(ROW),
        code.alias("code"),
        name.alias("name"),
        level.alias("service_level"),
        _fee_expr(column("fee")).alias("fee") if "fee" in columns else pl.lit(False).alias("fee"),
        _tier_expr(column("tier")).alias("tier")
        if "tier" in columns
        else pl.lit([], pl.List(pl.String)).alias("tier"),
    ).filter(pl.col("code").is_not_null() | pl.col("name").is_not_null())
    rows = rows.filter(~pl.col("code").fill_null("").str.contains(r"(?i)^(tổng|cộng)"))
    ignored = rows.filter(pl.col("service_level").is_null())[ROW].to_list()
    entries = (
        rows.filter(pl.col("service_level").is_not_null())
        .with_columns(
            code_key_expr(pl.col("code")).alias("code_key"),
            name_key_expr(pl.col("name")).alias("name_key"),
            pl.when(pl.col("tier").list.len() > 0)
            .then(pl.col("tier"))
            .otherwise(pl.lit([None], pl.List(pl.String))),
        )
        .explode("tier")
        .select("code", "name", "code_key", "name_key", "tier", "service_level", "fee")
    )
    if entries.is_empty():
        raise InputError("catalog.empty", path=str(path))
    return Catalog(path=str(path), entries=entries, rows_ignored=ignored)


def catalog_counts(catalog: Catalog) -> list[dict[str, object]]:
    """Procedures by service level per tier, then all tiers (each procedure once, at
    its highest level): tier, full, partial, info, total, fee."""
    out: list[dict[str, object]] = []
    present = set(catalog.entries["tier"].drop_nulls().to_list())
    for tier in [t for t in TIERS if t in present] + ["all"]:
        procedures = catalog.procedures(None if tier == "all" else {tier})
        levels = procedures["service_level"].value_counts()
        counts = dict(zip(levels["service_level"].to_list(), levels["count"].to_list(), strict=True))
        out.append(
            {
                "tier": tier,
                **{level: int(counts.get(level, 0)) for level in SERVICE_LEVELS},
                "total": procedures.height,
                "fee": int(procedures["fee"].sum()),
            }
        )
    return out


def _lookup(catalog: Catalog, keys: list[str]) -> pl.DataFrame:
    import polars as pl

    key = keys[0]
    return (
        catalog.entries.filter(pl.col(key).is_not_null())
        .group_by(keys)
        .agg(pl.col("service_level").sort_by(_rank(pl.col("service_level")), descending=True).first())
        .rename({"service_level": f"_sl_{'_'.join(keys)}"})
    )


def with_catalog_levels(frame: pl.DataFrame, catalog: Catalog) -> tuple[pl.DataFrame, int]:
    """Fill missing service levels from the catalogue (by code and tier, code, name and
    tier, name); return the frame and how many dossiers were filled.

    ``frame`` has the group columns (``g_level``)."""
    import polars as pl

    tier = pl.col("g_level").replace_strict(TIER_OF_LEVEL, default=None, return_dtype=pl.String)
    keyed = frame.with_columns(
        map_distinct(frame, "procedure_code", code_key_expr).alias("code_key"),
        map_distinct(frame, "procedure_name", name_key_expr).alias("name_key"),
        tier.alias("tier"),
    )
    found = []
    for keys in (["code_key", "tier"], ["code_key"], ["name_key", "tier"], ["name_key"]):
        keyed = keyed.join(_lookup(catalog, keys), on=keys, how="left")
        found.append(pl.col(f"_sl_{'_'.join(keys)}"))
    missing = pl.col("service_level").is_null()
    filled = keyed.with_columns(
        pl.coalesce(pl.col("service_level"), *found).alias("service_level"),
        (missing & pl.coalesce(*found).is_not_null()).alias("_sl_filled"),
    )
    count = int(filled["_sl_filled"].sum())
    return filled.drop(
        "code_key", "name_key", "tier", "_sl_filled", *[e.meta.output_name() for e in found]
    ), count
