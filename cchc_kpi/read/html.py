"""Reading HTML tables saved with an ``.xls`` name, as several one-stop packages
export their lists. Parsed with the standard library; ``colspan`` and ``rowspan``
cells are spread over the cells they cover (the first keeps the text, as Excel
shows a merged cell). Each ``<table>`` is one sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser

from cchc_kpi.errors import InputError
from cchc_kpi.read.grid import HEAD_ROWS, ROW, RawGrid, column_name
from cchc_kpi.read.limits import Limits
from cchc_kpi.read.source import Source
from cchc_kpi.read.text import detect_encoding

HTML_SNIFF_BYTES = 4096


def looks_like_html(start: bytes) -> bool:
    """Whether a file (whatever its name) is an HTML document or fragment, from its first bytes."""
    start = start[:HTML_SNIFF_BYTES]
    encoding = detect_encoding(start)
    if encoding == "binary":
        return False
    text = start.decode(encoding, errors="ignore").lstrip("\ufeff \r\n\t").lower()
    return text.startswith("<") and ("<table" in text or "<html" in text or "<!doctype" in text)


class TooManyCells(Exception):
    """The cells a table's spans cover passed the budget."""


MAX_COLUMNS = 16_384  # Excel's widest sheet
MAX_ROWSPAN = 1_048_576  # Excel's longest sheet


class _TableParser(HTMLParser):
    """The top-level tables of a document, as rows of cell texts. Closing tags are optional
    (``</td>``, ``</tr>`` may be left out, as HTML allows): a new cell or row closes the open
    one. The cells the spans cover are counted against ``budget`` as they are laid out, so a
    few bytes of ``rowspan`` × ``colspan`` cannot take the machine's memory."""

    def __init__(self, budget: int | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.widths: list[list[int]] = []  # per table, per row: the cells the row really has
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._spans: list[tuple[int, int]] = []  # per cell of the row: (colspan, rowspan)
        self._pending: dict[tuple[int, int], str] = {}  # (row, col) covered by a rowspan
        self._budget = budget

    def _spend(self, cells: int) -> None:
        if self._budget is not None:
            self._budget -= cells
            if self._budget < 0:
                raise TooManyCells

    def _close_cell(self) -> None:
        if self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is not None:
            placed = self._place(self._row, self._spans)
            self.tables[-1].append(placed)
            self.widths[-1].append(len(placed))
        self._row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            if self._depth == 0:
                self.tables.append([])
                self.widths.append([])
                self._pending = {}
            self._depth += 1
        elif self._depth != 1:
            return
        elif tag == "tr":
            self._close_row()
            self._row, self._spans = [], []
        elif tag in ("td", "th"):
            self._close_cell()
            if self._row is None:  # a cell before any <tr>: the row starts here
                self._row, self._spans = [], []
            self._cell = []
            values = dict(attrs)
            colspan = _span(values.get("colspan"), MAX_COLUMNS)
            rowspan = _span(values.get("rowspan"), MAX_ROWSPAN)
            self._spend(colspan * rowspan)
            self._spans.append((colspan, rowspan))
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self._depth == 1:
                self._close_row()
            self._depth = max(0, self._depth - 1)
        elif self._depth != 1:
            return
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag in ("tr", "tbody", "thead", "tfoot"):
            self._close_row()

    def close(self) -> None:
        super().close()
        if self._depth >= 1:  # a table never closed: its last row still counts
            self._close_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _place(self, cells: list[str], spans: list[tuple[int, int]]) -> list[str]:
        """Lay out one row's cells, skipping columns covered by rowspans from above."""
        row_index = len(self.tables[-1])
        out: list[str] = []
        for text, (colspan, rowspan) in zip(cells, spans, strict=True):
            while (row_index, len(out)) in self._pending:
                out.append(self._pending.pop((row_index, len(out))))
            start = len(out)
            out.extend([text] + [""] * (colspan - 1))
            for below in range(1, rowspan):
                for col in range(start, start + colspan):
                    self._pending[(row_index + below, col)] = ""
        while (row_index, len(out)) in self._pending:
            out.append(self._pending.pop((row_index, len(out))))
        if len(out) > MAX_COLUMNS:
            raise TooManyCells
        return out


def _span(value: str | None, most: int) -> int:
    try:
        return max(1, min(int(value or 1), most))
    except ValueError:
        return 1


def read_html_grids(source: Source, limits: Limits) -> list[RawGrid]:
    """Return one grid per top-level ``<table>`` of an HTML export."""
    import polars as pl

    path = source.path
    raw = source.read_all()
    encoding = detect_encoding(raw[: 1 << 20])
    if encoding == "binary":
        raise InputError("input.binary", file=str(path))
    parser = _TableParser(limits.html_cells)
    try:
        codec = encoding.replace("-sig", "") if encoding != "utf-8-sig" else "utf-8-sig"
        parser.feed(raw.decode(codec, errors="replace"))
        parser.close()
    except TooManyCells:
        raise InputError("input.html_too_big", file=str(path), limit=limits.html_cells or 0) from None
    found = [(t, w) for t, w in zip(parser.tables, parser.widths, strict=True) if t]
    if not found:
        raise InputError("input.no_table", file=str(path))
    tables = [t for t, _ in found]
    grids = []
    for number, (rows, widths) in enumerate(found, start=1):
        width = max(len(r) for r in rows)
        if limits.html_cells is not None and width * len(rows) > limits.html_cells:
            raise InputError("input.html_too_big", file=str(path), limit=limits.html_cells or 0)
        padded = [r + [""] * (width - len(r)) for r in rows]
        frame = pl.DataFrame(
            {column_name(i): [r[i] or None for r in padded] for i in range(width)},
            schema={column_name(i): pl.String for i in range(width)},
        ).with_row_index(ROW, offset=1)

        def loader(indexes: Sequence[int], frame: pl.DataFrame = frame) -> pl.LazyFrame:
            return frame.lazy().select(ROW, *[column_name(i) for i in indexes])

        grids.append(
            RawGrid(
                path=path,
                n_columns=width,
                head=[list(r) for r in padded[:HEAD_ROWS]],
                loader=loader,
                sheet=f"table {number}" if len(tables) > 1 else None,
                details={"format": "html", "encoding": encoding},
                row_cells={
                    i: (width, sum(1 for c in r if c))
                    for i, (r, width) in enumerate(zip(rows, widths, strict=True), 1)
                },
            )
        )
    return grids
