"""Report rows assembled as one sorted frame: the same tree as walking each level's rows
(subtotals before their members), and the same CSV whether or not the rows were read."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest

from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.metrics import METRIC_NAMES
from cchc_kpi.outputs.report_tables import report_delimited
from cchc_kpi.report.build import SUBTOTAL, _aggregate, period_rows, report_for
from cchc_kpi.report.model import TreeRows
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.run import prepare_dataset
from tests.conftest import SAMPLE_DATA


@pytest.fixture(scope="module")
def prepared():
    """The sample's dossiers prepared for Q1-2024."""
    return prepare_dataset(ingest([SAMPLE_DATA]), ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1)))


def _walked(prepared, by: list[str]) -> list[dict[str, Any]]:
    """The reference: each level's rows grouped under their parent, walked depth first."""
    whole = prepared.partials(prepared.period)
    monthly = prepared.partials(prepared.period, monthly=True)
    levels = [
        _aggregate(monthly if "month" in by[: d + 1] else whole, by[: d + 1], prepared.present)
        for d in range(len(by))
    ]
    children = []
    for depth, frame in enumerate(levels):
        under: dict[tuple, list] = {}
        for row in frame.iter_rows(named=True):
            under.setdefault(tuple(row[k] for k in by[:depth]), []).append(row)
        children.append(under)
    out: list[dict[str, Any]] = []

    def walk(depth: int, prefix: tuple) -> None:
        for row in children[depth].get(prefix, []):
            last = depth == len(by) - 1
            keys = {k: (row[k] if i <= depth else SUBTOTAL) for i, k in enumerate(by)}
            out.append(
                {"row_type": "detail" if last else "subtotal", **keys, **{m: row[m] for m in METRIC_NAMES}}
            )
            if not last:
                walk(depth + 1, (*prefix, row[by[depth]]))

    walk(0, ())
    return out


@pytest.mark.parametrize("by", [["unit"], ["level", "unit"], ["level", "field"], ["field", "month"],
                                ["level", "unit", "channel"]])  # fmt: skip
def test_tree_is_the_walk_of_each_level(prepared, by):
    """Subtotals come before their members, groups in each level's order, for one to three keys."""
    rows, _ = period_rows(prepared, prepared.period, by)
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    assert public == _walked(prepared, by) and public


def test_csv_is_the_same_from_the_frame_and_from_the_rows(prepared):
    """The CSV written from the untouched frame equals the CSV after the rows were read as dictionaries."""
    fresh = report_for(prepared, by=["level", "unit"])
    assert isinstance(fresh.rows, TreeRows) and fresh.rows.untouched_frame() is not None
    from_frame = report_delimited(fresh)
    assert len(list(fresh.rows)) > 0 and fresh.rows.untouched_frame() is None
    assert report_delimited(fresh) == from_frame


def test_tiny_rates_and_formula_text_in_the_csv(prepared):
    """A rate of 1/20000 is written 0.00005 on both paths; text that would start a formula gets its apostrophe."""
    report = report_for(prepared, by=["unit"])
    row = {**report.rows[0], "unit": "=HYPERLINK(1)", "late_rate": 1 / 20000}
    read = report.model_copy(update={"rows": [row]})
    frame = report.model_copy(update={"rows": TreeRows(pl.DataFrame([row]))})
    texts = [report_delimited(r) for r in (read, frame)]
    assert texts[0] == texts[1]
    assert "'=HYPERLINK(1)" in texts[0] and ",0.00005," in texts[0]
