"""Tests of the synthetic sample generator and the committed sample data."""

import polars as pl

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.sample.generate import SampleSpec, generate_dossiers
from cchc_kpi.sample.layouts import write_sample

from .conftest import SAMPLE_DATA


def test_same_seed_same_data():
    """The generator is deterministic for a seed and differs across seeds."""
    a = generate_dossiers(SampleSpec(rows=500, seed=7))
    b = generate_dossiers(SampleSpec(rows=500, seed=7))
    c = generate_dossiers(SampleSpec(rows=500, seed=8))
    assert a.equals(b)
    assert not a.equals(c)


def test_generated_dossiers_are_consistent():
    """Dates are in order and statuses agree with them (the data a real desk would export)."""
    d = generate_dossiers(SampleSpec(rows=5000, seed=1))
    assert d.filter(pl.col("due_at") < pl.col("received_at")).is_empty()
    assert d.filter(pl.col("finished_at") < pl.col("received_at")).is_empty()
    finished = d.filter(pl.col("status").is_in([9, 10]))
    assert finished["finished_at"].null_count() == 0
    open_ = d.filter(pl.col("status").is_in([4, 5]))
    assert open_["finished_at"].null_count() == open_.height
    assert set(d["status"].unique().to_list()) >= {3, 4, 7, 9, 10}
    assert set(d["channel"].unique().to_list()) == {"online", "direct", "postal"}
    assert d["dossier_id"].n_unique() == d.height


def test_layouts_read_back_without_rejects(tmp_path):
    """Both layouts read back completely: every dossier used, none rejected, applicants unread."""
    for fmt, units in (("csv", "khanh-hoa"), ("dvcqg", "van-ninh")):
        path = write_sample(tmp_path, SampleSpec(rows=800, seed=3, units=units), fmt)
        dataset = ingest([path])
        assert dataset.accounting.rows_used == 800, fmt
        assert dataset.accounting.rows_rejected == 0
        assert "applicant" not in dataset.dossiers.columns
        assert "Chủ hồ sơ" in dataset.inputs[0].unmapped or "ChuHoSo" in dataset.inputs[0].unmapped


def test_committed_sample_data():
    """sample_data/ holds a few thousand dossiers of several levels around 2024, none rejected."""
    dataset = ingest([SAMPLE_DATA])
    acc = dataset.accounting
    assert 3000 <= acc.rows_used <= 6000
    assert acc.rows_rejected == 0 and acc.duplicates == 0
    units = set(dataset.dossiers["unit"].to_list())
    assert "UBND thành phố Nha Trang" in units
    assert any(u.startswith("Chi nhánh Văn phòng đăng ký đất đai") for u in units)
    assert any(u.startswith("UBND phường") for u in units) and any(u.startswith("UBND xã") for u in units)
    assert any(u.startswith("Sở ") for u in units)
    years = dataset.dossiers["received_at"].dt.year().unique().to_list()
    assert sorted(years) == [2023, 2024]
