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
    # stored as text, as stores always held them (categorical in memory only)
    assert columns["channel"] == pl.String and columns["service_level"] == pl.String
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


def _reach_export(tmp_path: Path) -> Path:
    return _export(tmp_path / "reach.csv", [
        "B1;UBND xã Vạn Hưng;02/03/2022 08:00;10/03/2022;05/03/2022;Đã trả kết quả;Trực tuyến",  # closed long before
        "B2;UBND xã Vạn Hưng;02/12/2023 08:00;10/12/2023;;Đang xử lý;Trực tiếp",  # carried over
        "B3;UBND xã Vạn Hưng;20/12/2023 08:00;10/01/2024;05/01/2024;Đã trả kết quả;Trực tuyến",  # closed in Q1
        "B4;UBND xã Vạn Hưng;10/02/2024 08:00;20/02/2024;25/02/2024;Đã trả kết quả;Trực tuyến",  # received in Q1
        "B5;UBND xã Vạn Hưng;10/08/2024 08:00;20/08/2024;;Đang xử lý;Trực tuyến",  # received after Q1
        "B6;UBND xã Vạn Hưng;05/03/2023 08:00;10/03/2023;08/03/2023;Đã trả kết quả;Trực tiếp",  # Q1 a year before
    ])  # fmt: skip


def test_a_store_run_leaves_out_the_dossiers_out_of_its_reach(tmp_path):
    """A store read for Q1-2024 leaves out the dossiers closed before it or received after it, counted as skipped."""
    write_store(ingest([_reach_export(tmp_path)]), tmp_path / "kho")
    stored = store_dataset(tmp_path / "kho", date(2024, 3, 31), "unit", since=date(2024, 1, 1))
    assert sorted(stored.dossiers["dossier_id"].to_list()) == ["B2", "B3", "B4"]
    info = stored.inputs[0]
    assert (info.rows_read, info.rows_used, info.rows_skipped) == (6, 3, 3)
    assert info.skipped == {"out_of_reach": 3} and info.balanced
    assert (info.received_first, info.received_last) == (date(2022, 3, 2), date(2024, 8, 10))


@pytest.mark.parametrize("compare", [None, "last-year", "previous"])
def test_a_store_run_within_its_reach_equals_the_export_run(tmp_path, compare):
    """The report from a store, read within the run's reach, equals the report from the exports (with comparisons)."""
    from cchc_kpi.report.run import open_run

    export = _reach_export(tmp_path)
    write_store(ingest([export]), tmp_path / "kho")
    options = ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1), compare=compare)
    a = report_from_dataset(ingest([export]), options).model_dump(mode="json")
    prepared = open_run([tmp_path / "kho"], options)
    b = report_from_dataset(prepared.dataset, options).model_dump(mode="json")
    assert (a["rows"], a["total"], a.get("compared")) == (b["rows"], b["total"], b.get("compared"))
    assert prepared.dataset.inputs[0].skipped == {"out_of_reach": 2 if compare == "last-year" else 3}


def test_reach_spans_both_conventions_and_the_earlier_period():
    """A run's reach starts at the earliest start of its period under either convention and of its comparison."""
    from cchc_kpi.report.run import reach, run_period

    options = ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1))
    assert reach(run_period(options), options) == (date(2023, 12, 15), date(2024, 3, 31))
    yearly = options.model_copy(update={"compare": "last-year"})
    assert reach(run_period(yearly), yearly) == (date(2022, 12, 15), date(2024, 3, 31))


def test_a_year_split_in_several_files_is_read_whole_and_upserted(tmp_path):
    """A year the description lists as several files (one per province) is read whole; a convert merges it into one file."""
    store = tmp_path / "kho"
    write_store(ingest([_reach_export(tmp_path)]), store)
    meta = json.loads((store / "cchc-kpi-store.json").read_text(encoding="utf-8"))
    name = meta["partitions"]["2024"]
    rows = pl.read_parquet(store / name)
    parts = [name.replace(".parquet", f"-p{k}.parquet") for k in (1, 2)]
    rows.head(1).write_parquet(store / parts[0])
    rows.tail(rows.height - 1).write_parquet(store / parts[1])
    (store / name).unlink()
    meta["partitions"]["2024"] = parts
    (store / "cchc-kpi-store.json").write_text(json.dumps(meta), encoding="utf-8")
    assert sorted(read_store(store)[0]["dossier_id"].to_list()) == ["B1", "B2", "B3", "B4", "B5", "B6"]
    again = _export(
        tmp_path / "again.csv",
        ["B5;UBND xã Vạn Hưng;10/08/2024 08:00;20/08/2024;22/08/2024;Đã trả kết quả;Trực tuyến"],
    )
    result = write_store(ingest([again]), store)
    assert (result.inserted, result.replaced) == (0, 1)
    assert isinstance(
        json.loads((store / "cchc-kpi-store.json").read_text(encoding="utf-8"))["partitions"]["2024"], str
    )
    frame = read_store(store)[0]
    assert frame.height == 6 and frame.filter(pl.col("dossier_id") == "B5")["finished_at"].is_not_null().all()
    assert not any((store / p).exists() for p in parts)
