"""The raw grid: an input's cells as the spreadsheet shows them, before mapping.

Every reader (CSV / text, Excel, HTML) turns one sheet into a :class:`RawGrid`:
a lazy frame with ``_row`` (the row number a spreadsheet shows, 1 = the first
line) and one column per sheet column named ``c0``, ``c1`` …, plus the first
rows as text for finding the header band. Nothing is typed or mapped here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

ROW = "_row"
HEAD_ROWS = 40


def column_name(index: int) -> str:
    """Return the grid column name of sheet column ``index`` (0-based)."""
    return f"c{index}"


@dataclass
class RawGrid:
    """One sheet of one input, unread beyond its first rows."""

    path: Path
    frame: pl.LazyFrame
    n_columns: int
    head: list[list[str | None]]
    sheet: str | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The input as users name it: the path, and the sheet when there are several."""
        return f"{self.path}[{self.sheet}]" if self.sheet else str(self.path)
