"""Tests of the procedure catalogue: reading, counting by service level per tier,
filling dossiers' service levels."""

from datetime import date

import polars as pl
import pytest

from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.procedure_catalog import catalog_counts, code_key_expr, read_catalog, with_catalog_levels
from cchc_kpi.report.build import report_from_dataset
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.sample.layouts import catalog_text

from .conftest import FIXTURES

CATALOG = FIXTURES / "catalog.csv"
DOSSIERS = FIXTURES / "score766_dossiers.csv"


def test_counts_by_tier_golden():
    """Counts per tier (a procedure of two tiers counts in both) and all tiers once each."""
    counts = {row["tier"]: row for row in catalog_counts(read_catalog(CATALOG))}
    assert list(counts) == ["district", "commune", "all"]
    assert counts["commune"] == {"tier": "commune", "full": 1, "partial": 2, "info": 0, "total": 3, "fee": 1}
    assert counts["district"] == {
        "tier": "district",
        "full": 1,
        "partial": 2,
        "info": 1,
        "total": 4,
        "fee": 4,
    }
    assert counts["all"] == {"tier": "all", "full": 2, "partial": 3, "info": 1, "total": 6, "fee": 4}


def test_unreadable_level_rows_listed():
    """A row whose service level cannot be read is ignored and named by its spreadsheet row."""
    assert read_catalog(CATALOG).rows_ignored == [9]


@pytest.mark.parametrize(
    ("cell", "fee"),
    [("Không", False), ("Miễn phí", False), ("10.000 đồng", True), ("Có", True), ("Có thu phí", True),
     ("x", True), ("", False), ("Không thu", False)],
)  # fmt: skip
def test_fee_words(tmp_path, cell, fee):
    """Fee cells: words, amounts and "Có thu phí" bear a fee; "Không", "Miễn phí", empty do not."""
    path = tmp_path / "c.csv"
    path.write_text(f"Mã TTHC;Tên TTHC;Mức độ;Phí\n1.000001;Thủ tục A;Toàn trình;{cell}\n", encoding="utf-8")
    assert read_catalog(path).entries["fee"].to_list() == [fee]


def test_catalog_without_tier_column(tmp_path):
    """Without a Cấp thực hiện column every procedure counts once, under all tiers."""
    path = tmp_path / "c.csv"
    path.write_text("Mã TTHC;Tên TTHC;Mức độ\n1.000001;A;Toàn trình\n1.000002;B;Một phần\n", encoding="utf-8")
    assert catalog_counts(read_catalog(path)) == [
        {"tier": "all", "full": 1, "partial": 1, "info": 0, "total": 2, "fee": 0}
    ]


def test_no_header_is_an_input_error(tmp_path):
    """A file without catalogue columns is refused with the catalogue's message."""
    path = tmp_path / "c.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_catalog(path)
    assert err.value.message.key == "catalog.no_header"


def test_code_key_national_part():
    """A local DVCQG code matches the national code; other codes are upper-cased, spaces removed."""
    codes = pl.Series(["1.004227.000.00.00.H42", "1.004227", " btp-kha 27 ", None, ""])
    keys = pl.select(code_key_expr(pl.lit(codes))).to_series().to_list()
    assert keys == ["1.004227", "1.004227", "BTP-KHA27", None, None]


def test_service_levels_filled_by_code_then_name():
    """Dossiers without service level get the catalogue's, by code (local codes too) or by name."""
    from cchc_kpi.kpi.grouping import with_group_columns

    frame = with_group_columns(ingest([DOSSIERS]).dossiers)
    filled, count = with_catalog_levels(frame, read_catalog(CATALOG))
    levels = dict(zip(filled["dossier_id"].to_list(), filled["service_level"].to_list(), strict=True))
    assert count == 10
    assert levels["C1"] == "full"  # 1.001193.000.00.00.H34 → 1.001193
    assert levels["C4"] == "partial"  # no code: by name
    assert levels["D2"] == "full"  # Mức độ 4
    assert filled.height == frame.height


def test_online_rate_eligible_through_catalogue():
    """online_rate_eligible is null without service levels and computed with the catalogue."""
    dataset = ingest([DOSSIERS])
    plain = ReportOptions(period="Q1-2024", as_of=date(2024, 6, 1))
    assert report_from_dataset(dataset, plain).total["online_rate_eligible"] is None
    total = report_from_dataset(dataset, plain.model_copy(update={"catalog": CATALOG})).total
    assert total["online_rate_eligible"] == pytest.approx(5 / 10)


def test_sample_catalogue_reads_back(tmp_path):
    """The sample world's catalogue is read back with every procedure."""
    path = tmp_path / "danh-muc.csv"
    path.write_text(catalog_text(), encoding="utf-8")
    counts = catalog_counts(read_catalog(path))
    assert counts[-1]["total"] == 18
    assert sum(counts[-1][k] for k in ("full", "partial", "info")) == 18
