"""Tests of the canonical Parquet store: convert, upsert, reading by period, the
same report as from the exports, no personal columns."""

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.dataset import IngestOptions
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.ingestion.store import read_store, store_dataset
from cchc_kpi.ingestion.store_write import write_store
from cchc_kpi.report.build import report_from_dataset
from cchc_kpi.report.options import ReportOptions

from .conftest import FIXTURES

GOLDEN = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]
HEADER = "Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái;Hình thức nộp\n"


def _export(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_store_report_equals_export_report(tmp_path):
    """A report from the store has the same rows and total as from the exports."""
    dataset = ingest(GOLDEN)
    write_store(dataset, tmp_path / "kho")
    stored = store_dataset(tmp_path / "kho", None, "unit")
    for by in ([], ["level", "unit"], ["month"]):
        options = ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1), by=by)
        a = report_from_dataset(dataset, options).model_dump(mode="json")
        b = report_from_dataset(stored, options).model_dump(mode="json")
        assert (a["rows"], a["total"]) == (b["rows"], b["total"])


def test_upsert_replaces_older_versions(tmp_path):
    """Re-converting an overlapping export adds no duplicates; the finished version wins."""
    first = _export(tmp_path / "t1.csv", [
        "A1;UBND xã Vạn Hưng;02/01/2024 08:00;10/01/2024;;Đang xử lý;Trực tuyến",
        "A2;UBND xã Vạn Hưng;03/01/2024 08:00;10/01/2024;05/01/2024;Đã trả kết quả;Trực tiếp",
    ])  # fmt: skip
    second = _export(tmp_path / "t2.csv", [
        "A1;UBND xã Vạn Hưng;02/01/2024 08:00;10/01/2024;08/01/2024 09:00;Đã trả kết quả;Trực tuyến",
        "A3;UBND xã Vạn Hưng;04/02/2025 08:00;10/02/2025;;Đang xử lý;Trực tuyến",
    ])  # fmt: skip
    store = tmp_path / "kho"
    one = write_store(ingest([first]), store)
    two = write_store(ingest([second]), store)
    assert (one.inserted, one.replaced) == (2, 0)
    assert (two.inserted, two.replaced) == (1, 1)
    assert two.partitions == {2024: 2, 2025: 1}
    frame, _ = read_store(store)
    assert sorted(frame["dossier_id"].to_list()) == ["A1", "A2", "A3"]
    a1 = frame.filter(pl.col("dossier_id") == "A1").row(0, named=True)
    assert a1["finished_at"].date() == date(2024, 1, 8)
    again = write_store(ingest([second]), store)
    assert (again.inserted, again.replaced) == (0, 2)
    assert read_store(store)[0].height == 3


def test_reading_stops_at_the_period_year(tmp_path):
    """Only partitions up to the period's end are read (carried-over dossiers are in earlier ones)."""
    export = _export(tmp_path / "t.csv", [
        "A1;UBND xã Vạn Hưng;20/12/2023 08:00;10/01/2024;05/01/2024;Đã trả kết quả;Trực tuyến",
        "A2;UBND xã Vạn Hưng;03/01/2024 08:00;10/01/2024;05/01/2024;Đã trả kết quả;Trực tiếp",
        "A3;UBND xã Vạn Hưng;04/02/2025 08:00;10/02/2025;;Đang xử lý;Trực tuyến",
    ])  # fmt: skip
    write_store(ingest([export]), tmp_path / "kho")
    assert read_store(tmp_path / "kho", until=date(2024, 3, 31))[0].height == 2
    stored = store_dataset(tmp_path / "kho", date(2024, 3, 31), "unit")
    total = report_from_dataset(stored, ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1))).total
    assert (total["carried_over"], total["received_new"]) == (1, 1)


def test_no_personal_columns_and_partition_files(tmp_path):
    """The store holds canonical columns only, one file per year received."""
    write_store(ingest([FIXTURES.parent.parent / "sample_data"]), tmp_path / "kho")
    files = sorted((tmp_path / "kho").glob("received_year=*/dossiers-g*.parquet"))
    assert [f.parent.name for f in files] == ["received_year=2023", "received_year=2024"]
    columns = pl.read_parquet_schema(files[0])
    assert not {"Chủ hồ sơ", "Số CCCD", "Số điện thoại", "Địa chỉ", "applicant", "phone"} & set(columns)
    meta = json.loads((tmp_path / "kho" / "cchc-kpi-store.json").read_text(encoding="utf-8"))
    assert "e_result" in meta["fields_present"] and meta["duplicate_key"] == "unit"


def test_duplicate_key_must_match(tmp_path):
    """A store written with one duplicate key refuses another."""
    write_store(ingest(GOLDEN), tmp_path / "kho")
    with pytest.raises(InputError) as err:
        write_store(ingest(GOLDEN, IngestOptions(duplicate_key="id")), tmp_path / "kho")
    assert err.value.message.key == "store.key_mismatch"


def test_cli_convert_then_report(cli, tmp_path):
    """convert -f json reports what it did; report reads the store; a store with exports is exit 2."""
    store = tmp_path / "kho"
    result = cli("convert", *GOLDEN, "--out", store, "-f", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["inserted"] == data["rows_in"] and data["accounting"]["rows_rejected"] >= 0
    from_store = json.loads(cli("report", store, "-p", "Q1-2024", "--as-of", "2026-01-01", "-f", "json").out)
    from_exports = json.loads(
        cli("report", *GOLDEN, "-p", "Q1-2024", "--as-of", "2026-01-01", "-f", "json").out
    )
    assert from_store["total"] == from_exports["total"]
    mixed = cli("report", store, GOLDEN[0], "-p", "Q1-2024")
    assert mixed.code == 2
    assert mixed.err.startswith("cchc-kpi: lỗi: một kho Parquet (thư mục do convert ghi) phải được đọc riêng")
