"""Tests of de-duplication on frames."""

from datetime import datetime

import polars as pl

from cchc_kpi.ingestion.dedupe import deduplicate, with_unit_key
from cchc_kpi.ingestion.parse import canonical_dtypes
from cchc_kpi.ingestion.pipeline import ingest

from .conftest import FIXTURES


def _frame(rows):
    base = ingest([FIXTURES / "comma.csv"]).dossiers.head(0)
    dtypes = canonical_dtypes()
    data = []
    for i, row in enumerate(rows):
        record = {c: None for c in base.columns}
        record.update({"_file": 0, "_row": i + 2, "unit": "UBND xã A", **row})
        data.append(record)
    schema = {**base.schema, **{k: v for k, v in dtypes.items() if k in base.columns}}
    return with_unit_key(pl.DataFrame(data, schema=schema))


def test_latest_finished_wins_then_returned_then_received():
    """Among conflicting rows the latest finished_at wins, then returned_at, then received_at."""
    rows = [
        {"dossier_id": "X", "received_at": datetime(2024, 3, 1), "finished_at": datetime(2024, 3, 5)},
        {"dossier_id": "X", "received_at": datetime(2024, 3, 1), "finished_at": datetime(2024, 3, 9)},
        {"dossier_id": "X", "received_at": datetime(2024, 3, 1), "finished_at": None},
    ]
    result = deduplicate(_frame(rows))
    assert result.dossiers["finished_at"].to_list() == [datetime(2024, 3, 9)]
    assert (result.duplicates, result.identical, result.conflicting) == (2, 0, 1)
    assert result.removed_by_file == {0: 2}


def test_ties_broken_by_values_not_order():
    """Rows equal in dates are decided by their values, so reversing the input changes nothing."""
    rows = [
        {"dossier_id": "Y", "received_at": datetime(2024, 3, 1), "field": "Hộ tịch"},
        {"dossier_id": "Y", "received_at": datetime(2024, 3, 1), "field": "Chứng thực"},
    ]
    forward = deduplicate(_frame(rows)).dossiers["field"].to_list()
    backward = deduplicate(_frame(rows[::-1])).dossiers["field"].to_list()
    assert forward == backward == ["Chứng thực"]


def test_no_duplicates_returns_input():
    """Without repeated keys nothing is removed."""
    rows = [{"dossier_id": "A", "received_at": datetime(2024, 3, 1)}, {"dossier_id": "B"}]
    result = deduplicate(_frame(rows))
    assert result.dossiers.height == 2
    assert result.duplicates == 0
