"""Reading workbooks (XLSX, XLSM, XLSB, XLS, ODS) through calamine (``fastexcel``).

Cells are read as they are shown: every cell as text, dates as their ISO text
(parsed exactly later), numbers without a spurious ".0"; no type is guessed from
a sample of rows, so no value is silently dropped. Leading blank rows are kept so
that row numbers are those the spreadsheet shows. Only the columns the mapping
needs are loaded (``use_columns``), once per sheet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_kpi.errors import InputError, OwnOutputError
from cchc_kpi.read.grid import HEAD_ROWS, ROW, RawGrid, column_name
from cchc_kpi.read.limits import Limits
from cchc_kpi.read.own_outputs import is_own_workbook
from cchc_kpi.read.source import Source

if TYPE_CHECKING:
    import polars as pl

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # the OLE stream of an encrypted OOXML workbook
SNIFF_BYTES = 1 << 20


def is_encrypted(path: Path, head: bytes) -> bool:
    """Whether a workbook is password-protected, by its structure (not by an error text):
    an OOXML workbook saved with a password is an OLE container holding "EncryptedPackage"."""
    head = head[:SNIFF_BYTES]
    if not head.startswith(OLE_MAGIC):
        return False
    return path.suffix.lower() != ".xls" or ENCRYPTED_STREAM in head


def _open_error(path: Path, data: bytes) -> InputError:
    """The error of a workbook calamine cannot open: encrypted, or damaged. The library's
    text is never shown (it may quote the workbook's content)."""
    if is_encrypted(path, data):
        return InputError("input.encrypted", file=str(path))
    return InputError("input.corrupt", file=str(path))


def _calamine_head(
    path: Path, data: bytes, reader: Any, sheet: str
) -> tuple[list[list[str | None]], list[int]] | None:
    """The first rows through calamine (which parses the whole sheet to give them)."""
    import fastexcel

    try:
        first = reader.load_sheet(sheet, header_row=None, skip_rows=0, n_rows=HEAD_ROWS, dtypes="string")
        available = first.available_columns()
        head_frame = first.to_polars()
    except fastexcel.FastExcelError:
        raise _open_error(path, data) from None
    if head_frame.width == 0:
        return None
    return [list(row) for row in head_frame.iter_rows()], [c.absolute_index for c in available]


def _sheet_grid(
    path: Path, data: bytes, reader: Any, sheet: str, n_sheets: int, details: dict[str, str]
) -> RawGrid | None:
    from cchc_kpi.read.xlsx_head import read_head

    xml = read_head(io.BytesIO(data), sheet, HEAD_ROWS) if details.get("xml") else None
    if xml is not None:  # the sheet is parsed once, not twice
        head, width = xml
        absolute = list(range(width))
    else:
        found = _calamine_head(path, data, reader, sheet)
        if found is None:
            return None
        head, absolute = found

    def loader(indexes: Sequence[int]) -> pl.LazyFrame:
        import fastexcel
        import polars as pl

        wanted = {absolute[i]: i for i in indexes}
        try:  # columns outside the cells' range are simply not returned: empty
            loaded = reader.load_sheet(
                sheet, header_row=None, skip_rows=0, dtypes="string",
                use_columns=lambda column: column.absolute_index in wanted,
            )  # fmt: skip
            got = [wanted[c.absolute_index] for c in loaded.selected_columns]
            frame = loaded.to_polars()
        except fastexcel.FastExcelError:
            raise _open_error(path, data) from None
        frame = frame.cast(pl.String) if frame.width else frame
        lazy: pl.LazyFrame
        frame.columns = [column_name(i) for i in got]
        empty = [pl.lit(None, pl.String).alias(column_name(i)) for i in indexes if i not in got]
        lazy = (
            frame.with_columns(empty)
            .select([column_name(i) for i in indexes])
            .with_row_index(ROW, offset=1)
            .lazy()
        )
        return lazy

    return RawGrid(
        path=path,
        n_columns=len(absolute),
        head=head,
        loader=loader,
        sheet=sheet if n_sheets > 1 else None,
        details={k: v for k, v in details.items() if k not in ("xml", "rewritten")},
        eager=True,
    )


def read_excel_grids(
    source: Source, sheet: str | None, limits: Limits, own_outputs: bool = False
) -> list[RawGrid]:
    """Return one grid per non-empty sheet of a workbook (or only ``sheet``), read from
    the one copy of the file in memory; cchc-kpi's own workbooks only with ``own_outputs``
    (a form to reconcile with, never a dossier export)."""
    import fastexcel

    path = source.path
    data = source.read_all()
    try:
        reader = fastexcel.read_excel(data)
    except fastexcel.FastExcelError:
        raise _open_error(path, data) from None
    names = list(reader.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise InputError("input.no_sheet", file=str(path), sheet=sheet, sheets=names)
        names = [sheet]
    details = {"format": path.suffix.lower().lstrip(".")}
    if data.startswith(ZIP_MAGIC) and not own_outputs and is_own_workbook(data):
        raise OwnOutputError("input.own_output", file=str(path))
    if data.startswith(ZIP_MAGIC):
        data, details = _checked_xlsx(path, data, names, limits, details)
        if "rewritten" in details:
            reader = fastexcel.read_excel(data)
    count = len(reader.sheet_names)
    grids = [g for name in names if (g := _sheet_grid(path, data, reader, name, count, details))]
    if not grids:
        raise InputError("input.empty_file", file=str(path))
    return grids


def _checked_xlsx(
    path: Path, data: bytes, names: list[str], limits: Limits, details: dict[str, str]
) -> tuple[bytes, dict[str, str]]:
    """Check an XLSX workbook's sheets before calamine loads them: their real extent
    against the limits, their date system; drop a ``<dimension>`` that disagrees with the
    cells. Workbooks that are not laid out as XLSX (ODS, a damaged zip) pass as they are."""
    import zipfile

    from cchc_kpi.read.xlsx_head import sheet_paths
    from cchc_kpi.read.xlsx_scan import check_extent, sheet_extent, uses_1904, without_dimension

    details = dict(details)
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        members = sheet_paths(book)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError):
        return data, details
    details["xml"] = "1"
    if uses_1904(book):
        details["date_system"] = "1904"
    lying = set()
    for name in names:
        member = members.get(name)
        if not member or member not in book.namelist():
            continue
        try:
            extent = sheet_extent(book, member)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise InputError("input.corrupt", file=str(path)) from None
        check_extent(extent, str(path), name, limits)
        if extent.dimension_lies and extent.declared_rows:
            lying.add(member)
    if lying:
        data = without_dimension(data, lying)
        details["rewritten"] = "1"
    return data, details
