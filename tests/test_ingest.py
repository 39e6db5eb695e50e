"""Tests of ingest: read → map → parse → validate → de-duplicate, every row accounted for."""

from datetime import datetime

import polars as pl
import pytest

from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.dataset import IngestOptions
from cchc_kpi.ingestion.pipeline import ingest

from .conftest import FIXTURES

FAILING = {"month_first.csv": "input.month_first", "missing_received.csv": "input.missing_required_hint",
           "no_unit_column.csv": "input.missing_required", "td_tien_do_766.xls": "input.ragged"}  # fmt: skip
UNREADABLE = {"password.xlsx", "my_holidays.csv", "catalog.csv"}  # not a dossier export
READABLE = sorted(
    p
    for p in FIXTURES.iterdir()
    if p.suffix in (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods", ".json")
    and p.name not in {*FAILING, *UNREADABLE}
)


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_accounting_identity_on_every_fixture(path):
    """rows_read = used + rejected + skipped + duplicates, per file and in total, on every fixture."""
    dataset = ingest([path])
    for item in [*dataset.inputs, dataset.accounting]:
        assert item.balanced, item
    if path.suffix in (".csv", ".tsv") and dataset.inputs[0].encoding in ("utf-8", "utf-8-sig"):
        lines = len(path.read_bytes().decode("utf-8-sig").splitlines())
        assert dataset.accounting.rows_read == lines
    assert dataset.dossiers.height == dataset.accounting.rows_used


@pytest.mark.parametrize(("name", "key"), sorted(FAILING.items()))
def test_unusable_fixtures_raise(name, key):
    """Month-first dates and missing required columns stop the run with the right message."""
    with pytest.raises(InputError) as err:
        ingest([FIXTURES / name])
    assert err.value.message.key == key


def test_bad_key_dates_reject_exactly_those_rows():
    """Three unreadable key dates reject exactly spreadsheet rows 3, 5 and 6."""
    dataset = ingest([FIXTURES / "bad_dates.csv"])
    rejected = dataset.rejected_rows("en")
    assert [(r.row, r.column) for r in rejected] == [
        (3, "Ngày tiếp nhận"),
        (5, "Ngày tiếp nhận"),
        (6, "Ngày có kết quả"),
    ]
    assert {r.reason for r in rejected} == {"date unreadable or outside 1990–2099"}
    assert dataset.dossiers["dossier_id"].to_list() == ["B01", "B03", "B06"]


def test_row_checks_reasons():
    """Date order, finished without date, missing keys; never-accepted rows need no date."""
    dataset = ingest([FIXTURES / "date_order.csv"])
    reasons = {(r.row, r.column): r.reason for r in dataset.rejected_rows("en")}
    assert reasons == {
        (2, "Ngày hẹn trả"): "due date before the received date",
        (3, "Ngày có kết quả"): "closed (finished, or returned) before the received date",
        (
            4,
            "Trạng thái",
        ): "finished without a date (status 9/10 but no finished or returned date; DVCQG sync records often carry 9 for paused or pending dossiers)",
        (6, "Ngày tiếp nhận"): "required value missing",
        (7, "Đơn vị xử lý"): "required value missing",
        (8, "Mã hồ sơ"): "required value missing",
    }
    assert sorted(dataset.dossiers["dossier_id"].to_list()) == ["O4", "O8", "O9"]


def test_title_block_rows_skipped_by_kind():
    """Title, blank, header and numbered rows are skipped and counted by kind."""
    dataset = ingest([FIXTURES / "title_block.csv"])
    assert dataset.inputs[0].skipped == {"title": 2, "blank": 2, "header": 1, "numbered": 1}
    assert dataset.inputs[0].header_rows == [4]
    assert dataset.dossiers["_row"].to_list() == [6, 7, 9]


def test_every_date_format_parsed():
    """Each date format in the fixture becomes the right instant."""
    dossiers = ingest([FIXTURES / "dates_all_formats.csv"]).dossiers.sort("dossier_id")
    received = dossiers["received_at"].to_list()
    assert received[0] == datetime(2024, 3, 5)
    assert received[1] == datetime(2024, 3, 5, 8, 30)
    assert received[8] == datetime(2024, 3, 5, 8, 30, 15)
    assert received[9] == datetime(2024, 3, 5, 8, 30)
    assert received[10] == datetime(2024, 3, 5, 8, 30)
    assert {d.date() for d in dossiers["due_at"].to_list()} == {datetime(2024, 3, 8).date()}


def test_vocabulary_fixture():
    """Statuses, channels and flags of the vocabulary fixture are read as domain.md says."""
    dossiers = ingest([FIXTURES / "vocabulary.csv"]).dossiers.sort("dossier_id")
    assert dossiers["status"].to_list() == [1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 9, 10, 9, None, None, 4]
    assert dossiers["channel"].to_list() == ["online"] * 6 + ["direct"] * 3 + ["postal"] * 4 + ["direct"] * 3
    assert dossiers["fee_amount"].to_list()[:6] == [35000] * 5 + [0]
    assert dossiers["processing_days"].to_list()[:3] == [15.0, 15.0, 1.5]


def test_unreadable_cells_warned_per_column_and_value():
    """Unreadable non-key cells keep the dossier and are warned with their values and counts."""
    warnings = [w.render("en") for w in ingest([FIXTURES / "vocabulary.csv"]).warnings]
    assert 'column "Hình thức nộp" has 2 unrecognised values, counted as direct: "Zalo" (2)' in " ".join(
        warnings
    )
    assert any('"ba mươi nghìn" (1), "-5000" (1)' in w for w in warnings)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_duplicates_in_any_order(tmp_path, seed):
    """Identical rows count once; conflicting rows keep the latest; the row order never matters."""
    lines = (FIXTURES / "duplicates.csv").read_text("utf-8").splitlines()
    body = pl.Series(lines[1:]).shuffle(seed=seed).to_list()
    path = tmp_path / "dups.csv"
    path.write_text("\n".join([lines[0], *body]) + "\n", "utf-8")
    dataset = ingest([path])
    kept = dataset.dossiers.sort("dossier_id", "unit").select("dossier_id", "unit", "finished_at", "status")
    assert kept.rows() == [
        ("K1", "UBND phường Vĩnh Hoà", datetime(2024, 3, 7, 10, 0), 9),
        ("K2", "UBND phường Vĩnh Hòa", None, 4),
        ("K3", "UBND phường Vĩnh Hòa", None, 4),
        ("K3", "UBND xã Vĩnh Lương", None, 4),
    ]
    assert dataset.accounting.duplicates == 3
    assert [w.key for w in dataset.warnings] == ["warn.duplicates_identical", "warn.duplicates_conflicting"]


def test_duplicate_key_id_alone():
    """With --duplicate-key id, the same code in two units is one dossier."""
    dataset = ingest([FIXTURES / "duplicates.csv"], IngestOptions(duplicate_key="id"))
    assert sorted(dataset.dossiers["dossier_id"].to_list()) == ["K1", "K2", "K3"]
    assert dataset.accounting.balanced


def test_set_unit_for_exports_without_unit_column():
    """--set-unit supplies the unit of an export that has no unit column."""
    dataset = ingest([FIXTURES / "no_unit_column.csv"], IngestOptions(set_unit="UBND xã Vạn Hưng"))
    assert set(dataset.dossiers["unit"].to_list()) == {"UBND xã Vạn Hưng"}
    other = ingest([FIXTURES / "comma.csv"], IngestOptions(set_unit="X"))
    assert set(other.dossiers["unit"].to_list()) == {"UBND phường Lộc Thọ"}
    assert [w.key for w in other.warnings] == ["warn.set_unit_ignored"]


def test_column_conflicts_warned():
    """Two columns for one field: the first alias wins and the report says so."""
    dataset = ingest([FIXTURES / "two_columns_same_field.csv"])
    assert dataset.dossiers["unit"].to_list() == ["UBND phường Lộc Thọ"]
    keys = [w.key for w in dataset.warnings]
    assert keys.count("warn.column_conflict") == 2


def test_column_present_in_one_input_only():
    """A field one input lacks is null (unknown) for its rows, present for the other's."""
    dataset = ingest([FIXTURES / "vocabulary.csv", FIXTURES / "comma.csv"])
    assert dataset.fields_present("e_result") == [0]
    by_file = dataset.dossiers.group_by("_file").agg(pl.col("e_result").is_null().all())
    assert dict(by_file.iter_rows()) == {0: False, 1: True}


def test_date_formats_beyond_the_sample(tmp_path):
    """A format first used after the sampled rows is still recognised."""
    rows = [f"A{i};UBND xã A;05/03/2024 08:30" for i in range(6000)] + ["Z;UBND xã A;2024-03-06"]
    path = tmp_path / "late_format.csv"
    path.write_text("Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận\n" + "\n".join(rows) + "\n", "utf-8")
    dataset = ingest([path])
    assert dataset.accounting.rows_rejected == 0
    last = dataset.dossiers.filter(pl.col("dossier_id") == "Z")["received_at"][0]
    assert last == datetime(2024, 3, 6)


def test_month_first_beyond_the_sample(tmp_path):
    """Month-first dates that show only after the sampled rows still stop the run."""
    rows = [f"A{i};UBND xã A;03/05/2024" for i in range(6000)]
    rows += [f"Z{i};UBND xã A;03/{13 + i % 15}/2024" for i in range(200)]
    path = tmp_path / "late_month_first.csv"
    path.write_text("Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận\n" + "\n".join(rows) + "\n", "utf-8")
    with pytest.raises(InputError) as err:
        ingest([path])
    assert err.value.message.key == "input.month_first"


def test_one_stray_month_first_value_is_a_rejected_row(tmp_path):
    """One month-first-looking typo among thousands of day-first dates rejects its row, not the file."""
    rows = [f"A{i};UBND xã A;{1 + i % 28:02d}/03/2024" for i in range(8000)] + ["Z;UBND xã A;03/25/2024"]
    path = tmp_path / "stray.csv"
    path.write_text("Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận\n" + "\n".join(rows) + "\n", "utf-8")
    dataset = ingest([path])
    assert dataset.accounting.rows_used == 8000
    assert dataset.rejected.rows() == [(0, 8002, "bad_date", "received_at")]


def test_dossiers_hold_repeated_words_as_categoricals():
    """Channel, service level, units and procedures are categorical (4 bytes a row, not a string view);
    the rejected rows' reasons come out as text."""
    data = ingest([FIXTURES / "bad_dates.csv"])
    schema = data.dossiers.schema
    for name in ("unit", "channel", "service_level", "procedure_code", "procedure_name", "field"):
        assert schema[name] == pl.Categorical, name
    assert data.rejected.schema["_reject"] == pl.String and data.rejected.height > 0
