"""The raw grid: an input's cells as the spreadsheet shows them, before mapping.

Every reader (CSV / text, Excel, HTML) turns one sheet into a :class:`RawGrid`:
its first rows as text (to find the header band), and :meth:`RawGrid.select`,
a lazy frame of the requested sheet columns named ``c0``, ``c1`` … plus
``_row`` (the row number a spreadsheet shows, 1 = the first line). Columns that
are never requested (applicant data among them) are never materialised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cchc_kpi.errors import InputError

if TYPE_CHECKING:
    import polars as pl

    from cchc_kpi.i18n.messages import Message
    from cchc_kpi.read.source import Source

ROW = "_row"
EXTRA = "_extra"  # a text row's cell beyond the header's last: the row does not line up
HEAD_ROWS = 40

# Loads the given sheet columns (0-based) as a frame with ROW and column_name(i).
Loader = Callable[[Sequence[int]], "pl.LazyFrame"]
T = TypeVar("T")


def column_name(index: int) -> str:
    """Return the grid column name of sheet column ``index`` (0-based)."""
    return f"c{index}"


@dataclass
class RawGrid:
    """One sheet of one input, unread beyond its first rows."""

    path: Path
    n_columns: int
    head: list[list[str | None]]
    loader: Loader
    sheet: str | None = None
    details: dict[str, str] = field(default_factory=dict)
    eager: bool = False
    # row → (cells the row really has, cells filled), where the format tells (HTML tables)
    row_cells: dict[int, tuple[int, int]] | None = None
    # text exports: the loader also gives EXTRA, a row's first cell beyond the header's width
    extra: bool = False
    size_bytes: int = 0  # the input's size, as opened
    source: Source | None = None  # the open input a lazy grid reads from (checked at the end)
    notes: list[Message] = field(default_factory=list)  # what the reader changed (NUL bytes, line ends)
    # a second way to read the file when the full read fails (text: quotes as plain characters)
    fallback: Callable[[], Message | None] | None = None
    # text holding a double quote: the file's lines, where a cell may span several (else None)
    line_count: Callable[[], int | None] | None = None
    _cache: pl.DataFrame | None = None
    _cached: frozenset[int] = frozenset()

    @property
    def label(self) -> str:
        """The input as users name it: the path, and the sheet when there are several."""
        return f"{self.path}[{self.sheet}]" if self.sheet else str(self.path)

    def prepare(self, indexes: Sequence[int]) -> None:
        """Load ``indexes`` once for sources that cannot be scanned lazily (workbooks)."""
        if self.eager and not set(indexes) <= self._cached:
            wanted = sorted(self._cached | set(indexes))
            self._cache = self.loader(wanted).collect()
            self._cached = frozenset(wanted)

    def select(self, indexes: Sequence[int], with_extra: bool = False) -> pl.LazyFrame:
        """Return a lazy frame of ``_row`` and the requested columns (and :data:`EXTRA`,
        with ``with_extra``, for grids that have it)."""
        names = [ROW] + [column_name(i) for i in indexes]
        if not self.eager:
            return self.loader(indexes).select(names + ([EXTRA] if with_extra and self.extra else []))
        self.prepare(indexes)
        if self._cache is None:  # prepare() always loads for an eager grid
            raise RuntimeError(f"{self.label}: the sheet was not loaded")
        return self._cache.lazy().select(names)

    def read(self, run: Callable[[], T], notes: list[Message] | None = None) -> T:
        """Return ``run()``, a read of this grid's rows. When the read fails (a stray quote in a
        text export), and ``notes`` is given, read quotes as plain characters from then on,
        said in ``notes``, and run it again; a read that still fails is an unreadable input
        (Polars' own error text may quote cells: it is never shown)."""
        import polars as pl

        try:
            return run()
        except pl.exceptions.PolarsError as exc:
            failure: Exception = exc
        note = self.fallback() if self.fallback is not None and notes is not None else None
        if note is not None and notes is not None:
            notes.append(note)
            try:
                return run()
            except pl.exceptions.PolarsError as exc:
                failure = exc
        raise InputError("input.unreadable", file=self.label) from failure
