"""Tests of a big export parsed part by part (as one over 400 MB is): the same result as whole."""

import polars as pl
import pytest

from cchc_kpi.ingestion import pipeline
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.schema.textnorm import CategoryTables

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.mark.parametrize(
    ("path", "rows"),
    [
        *((FIXTURES / n, 2) for n in ("bad_dates.csv", "duplicates.csv", "vocabulary.csv", "two_years.csv")),
        (ROOT / "sample_data" / "danh-sach-ho-so-khanh-hoa.csv", 700),
    ],
    ids=lambda value: value.name if hasattr(value, "name") else str(value),
)
def test_an_export_read_in_parts_gives_what_it_gives_whole(monkeypatch, path, rows):
    """Parsed in parts (the few-valued fields' tables shared by the parts), an export gives the same dossiers, rejected rows, warnings and accounting as read whole."""
    whole = ingest([path])
    monkeypatch.setattr(pipeline, "CHUNKED_BYTES", 0)
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", rows)
    parts = ingest([path])
    assert parts.dossiers.height > rows
    assert parts.dossiers.equals(whole.dossiers)
    assert parts.rejected.equals(whole.rejected)
    assert [w.render() for w in parts.warnings] == [w.render() for w in whole.warnings]
    assert parts.accounting == whole.accounting


def test_category_tables_compute_a_value_once_over_parts():
    """CategoryTables gives each part what map_categories gives it, computing only the values not met in an earlier part."""
    calls = []

    def upper(text: pl.Expr) -> pl.Expr:
        calls.append(1)  # the function is asked once per table extension: over the values new to it
        return text.str.to_uppercase()

    tables = CategoryTables([upper], categorical=True)
    first = pl.Series(["a", None, "b", "a"]).cast(pl.Categorical)
    again = pl.Series(["b", "a", None]).cast(pl.Categorical)
    new = pl.Series(["c", "a"]).cast(pl.Categorical)
    results = [tables.gather(part)[0] for part in (first, again, new)]
    assert [r.cast(pl.String).to_list() for r in results] == [
        ["A", None, "B", "A"],
        ["B", "A", None],
        ["C", "A"],
    ]
    assert len(calls) == 2  # the first part, and the part with "c"; not the part of known values
    assert len(tables.ids) == 3  # "a", "b", "c": each value taken in once
    expected = [part.cast(pl.String).str.to_uppercase().cast(pl.Categorical) for part in (first, again, new)]
    assert all(r.equals(e.alias(r.name)) for r, e in zip(results, expected, strict=True))
