"""Open an input file as one raw grid per sheet, by what the file is (its content
decides over its name: HTML saved as ``.xls`` is read as HTML, JSON records as records)."""

from __future__ import annotations

from pathlib import Path

from cchc_kpi.read.excel import OLE_MAGIC, ZIP_MAGIC, read_excel_grids
from cchc_kpi.read.grid import RawGrid
from cchc_kpi.read.html import looks_like_html, read_html_grids
from cchc_kpi.read.limits import Limits, check_file
from cchc_kpi.read.records import looks_like_json, read_json_grid
from cchc_kpi.read.text import read_text_grid


def open_grids(path: Path, sheet: str | None = None, limits: Limits | None = None) -> list[RawGrid]:
    """Return the grids of ``path``: one for a text export, one per sheet of a workbook
    (after the size limits are checked, before anything is unpacked)."""
    check_file(path, limits if limits is not None else Limits())
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic.startswith(ZIP_MAGIC) or magic == OLE_MAGIC:
        return read_excel_grids(path, sheet)
    if looks_like_html(path):
        return read_html_grids(path)
    if path.suffix.lower() == ".json" or looks_like_json(path):
        return [read_json_grid(path)]
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        return read_excel_grids(path, sheet)  # not a zip: calamine names the problem
    return [read_text_grid(path)]
