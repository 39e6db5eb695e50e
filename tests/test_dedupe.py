"""Tests of de-duplication on frames."""

from datetime import datetime

import polars as pl
import pytest

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


def test_ties_keep_the_smallest_value_field_by_field_blanks_last():
    """Equal dates: the first field that differs decides (channel before field), smallest first, blank last."""
    day = datetime(2024, 3, 1)
    rows = [
        {"dossier_id": "Z", "received_at": day, "channel": "postal", "field": "A"},
        {"dossier_id": "Z", "received_at": day, "channel": "online", "field": "B"},
        {"dossier_id": "Z", "received_at": day, "channel": None, "field": "A"},
    ]
    for order in (rows, rows[::-1], rows[1:] + rows[:1]):
        kept = deduplicate(_frame(order)).dossiers
        assert kept.select("channel", "field").rows() == [("online", "B")]


def test_unit_spellings_of_one_dossier_keep_one_spelling_whatever_the_order():
    """Two spellings of a unit are one dossier (identical), and the spelling kept does not depend on row order."""
    rows = [
        {"dossier_id": "U", "received_at": datetime(2024, 3, 1), "unit": "UBND xã Hoà An"},
        {"dossier_id": "U", "received_at": datetime(2024, 3, 1), "unit": "UBND xã Hòa An"},
    ]
    forward = deduplicate(_frame(rows))
    backward = deduplicate(_frame(rows[::-1]))
    assert (
        forward.dossiers["unit"].to_list()
        == backward.dossiers["unit"].to_list()
        == [min(r["unit"] for r in rows)]
    )
    assert (forward.identical, forward.conflicting) == (1, 0)


@pytest.mark.parametrize("one_piece_rows", [0, 1_000_000])
def test_rows_kept_part_by_part_equal_one_filter(monkeypatch, one_piece_rows):
    """A frame parsed in parts, filtered part by part (each part let go), keeps the rows one filter keeps, in order, in one piece
    (put in one piece column by column for many rows, at once for few)."""
    from cchc_kpi.ingestion import dedupe
    from cchc_kpi.ingestion.dedupe import find_duplicates, in_parts, kept_rows

    monkeypatch.setattr(dedupe, "ONE_PIECE_ROWS", one_piece_rows)

    day = datetime(2024, 3, 1)
    first = _frame([{"dossier_id": "A", "received_at": day}, {"dossier_id": "B", "received_at": day}])
    second = _frame([{"dossier_id": "A", "received_at": day}, {"dossier_id": "C", "received_at": None}])
    second = second.with_columns(pl.lit(1, pl.UInt32).alias("_file"))
    frame = pl.concat([first, second], rechunk=False)
    rows = pl.col("received_at").is_not_null()
    found = find_duplicates(frame, "unit", rows)
    parts = in_parts(frame)
    assert len(parts) == 2
    kept = kept_rows(parts, found.keep)
    assert parts == []
    assert kept.equals(deduplicate(frame, "unit", rows).dossiers)
    assert kept.select("_file", "dossier_id").rows() == [(0, "A"), (0, "B")]
    assert (found.duplicates, found.removed_by_file) == (1, {1: 1})
    assert {kept[c].n_chunks() for c in kept.columns} == {1}
