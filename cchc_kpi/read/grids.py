"""Open an input file as one raw grid per sheet, by what the file is (its content
decides over its name: HTML saved as ``.xls`` is read as HTML, JSON records as records).

The file is opened once (:func:`~cchc_kpi.read.source.open_source`); every reader takes
that one open input, never the path again."""

from __future__ import annotations

from pathlib import Path

from cchc_kpi.read.excel import OLE_MAGIC, ZIP_MAGIC, read_excel_grids
from cchc_kpi.read.grid import RawGrid
from cchc_kpi.read.html import HTML_SNIFF_BYTES, looks_like_html, read_html_grids
from cchc_kpi.read.limits import Limits, check_source
from cchc_kpi.read.records import looks_like_json, read_json_grid
from cchc_kpi.read.source import Source, open_source
from cchc_kpi.read.text import read_text_grid


def open_grids(
    path: Path, sheet: str | None = None, limits: Limits | None = None, own_outputs: bool = False
) -> list[RawGrid]:
    """Return the grids of ``path``: one for a text export, one per sheet of a workbook
    (after the size limits are checked, before anything is unpacked); ``own_outputs``:
    cchc-kpi's own workbooks too (a form to reconcile with)."""
    limits = limits if limits is not None else Limits()
    source = open_source(path)
    try:
        check_source(source, limits)
        grids = _read(source, sheet, limits, own_outputs)
    except BaseException:
        source.close()
        raise
    if all(g.source is None for g in grids):
        source.close()  # read whole, or a corrected copy in memory is scanned
    return grids


def _read(source: Source, sheet: str | None, limits: Limits, own_outputs: bool = False) -> list[RawGrid]:
    path = source.path
    start = source.head(HTML_SNIFF_BYTES)
    if start.startswith(ZIP_MAGIC) or start[:8] == OLE_MAGIC:
        return read_excel_grids(source, sheet, limits, own_outputs)
    if looks_like_html(start):
        return read_html_grids(source, limits)
    if path.suffix.lower() == ".json" or looks_like_json(start):
        return [read_json_grid(source)]
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        return read_excel_grids(source, sheet, limits)  # not a zip: calamine names the problem
    return [read_text_grid(source, limits)]
