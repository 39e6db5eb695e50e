"""Open an input file as one raw grid per sheet, by what the file is."""

from __future__ import annotations

from pathlib import Path

from cchc_kpi.errors import InputError
from cchc_kpi.grid import RawGrid
from cchc_kpi.inputs import TEXT_SUFFIXES
from cchc_kpi.textread import read_text_grid


def open_grids(path: Path, sheet: str | None = None) -> list[RawGrid]:
    """Return the grids of ``path`` (one for a text export)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [read_text_grid(path)]
    raise InputError("input.unsupported", file=str(path), suffix=suffix or "?")
