"""Reading workbooks (XLSX, XLSM, XLSB, XLS, ODS) through calamine (``fastexcel``).

Cells are read as they are shown: every cell as text, dates as their ISO text
(parsed exactly later), numbers without a spurious ".0"; no type is guessed from
a sample of rows, so no value is silently dropped. Leading blank rows are kept so
that row numbers are those the spreadsheet shows. Only the columns the mapping
needs are loaded (``use_columns``), once per sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_kpi.errors import InputError
from cchc_kpi.read.grid import HEAD_ROWS, ROW, RawGrid, column_name

if TYPE_CHECKING:
    import polars as pl

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # the OLE stream of an encrypted OOXML workbook
SNIFF_BYTES = 1 << 20


def is_encrypted(path: Path) -> bool:
    """Whether a workbook is password-protected, by its structure (not by an error text):
    an OOXML workbook saved with a password is an OLE container holding "EncryptedPackage"."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.startswith(OLE_MAGIC):
        return False
    return path.suffix.lower() != ".xls" or ENCRYPTED_STREAM in head


def _open_error(path: Path, exc: Exception) -> InputError:
    """The error of a workbook calamine cannot open: encrypted, or damaged. The library's
    text is kept for --debug only (it may quote the workbook's content)."""
    if is_encrypted(path):
        return InputError("input.encrypted", file=str(path))
    return InputError("input.corrupt", file=str(path))


def _load(reader: Any, sheet: str, indexes: Sequence[int] | None, n_rows: int | None) -> pl.DataFrame:
    import polars as pl

    options: dict[str, Any] = {"header_row": None, "skip_rows": 0, "dtypes": "string"}
    if indexes is not None:
        options["use_columns"] = list(indexes)
    if n_rows is not None:
        options["n_rows"] = n_rows
    frame: pl.DataFrame = reader.load_sheet(sheet, **options).to_polars()
    return frame.cast(pl.String) if frame.width else frame


def _calamine_head(path: Path, reader: Any, sheet: str) -> tuple[list[list[str | None]], list[int]] | None:
    """The first rows through calamine (which parses the whole sheet to give them)."""
    import fastexcel

    try:
        first = reader.load_sheet(sheet, header_row=None, skip_rows=0, n_rows=HEAD_ROWS, dtypes="string")
        available = first.available_columns()
        head_frame = first.to_polars()
    except fastexcel.FastExcelError as exc:
        raise _open_error(path, exc) from exc
    if head_frame.width == 0:
        return None
    return [list(row) for row in head_frame.iter_rows()], [c.absolute_index for c in available]


def _sheet_grid(path: Path, reader: Any, sheet: str, n_sheets: int) -> RawGrid | None:
    from cchc_kpi.read.xlsx_head import read_head

    xml = read_head(path, sheet, HEAD_ROWS) if path.suffix.lower() in (".xlsx", ".xlsm") else None
    if xml is not None:  # the sheet is parsed once, not twice
        head, width, first = xml
        absolute = list(range(width))
    else:
        found = _calamine_head(path, reader, sheet)
        if found is None:
            return None
        head, absolute = found
        first = min(absolute, default=0)

    def loader(indexes: Sequence[int]) -> pl.LazyFrame:
        import fastexcel
        import polars as pl

        present = [i for i in indexes if absolute[i] >= first]  # columns before the used range are empty
        try:
            frame = _load(reader, sheet, [absolute[i] for i in present], None)
        except fastexcel.FastExcelError as exc:
            raise _open_error(path, exc) from exc
        frame.columns = [column_name(i) for i in present]
        empty = [pl.lit(None, pl.String).alias(column_name(i)) for i in indexes if i not in present]
        return (
            frame.with_columns(empty)
            .select([column_name(i) for i in indexes])
            .with_row_index(ROW, offset=1)
            .lazy()
        )

    return RawGrid(
        path=path,
        n_columns=len(absolute),
        head=head,
        loader=loader,
        sheet=sheet if n_sheets > 1 else None,
        details={"format": path.suffix.lower().lstrip(".")},
        eager=True,
    )


def read_excel_grids(path: Path, sheet: str | None = None) -> list[RawGrid]:
    """Return one grid per non-empty sheet of a workbook (or only ``sheet``)."""
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
    except fastexcel.FastExcelError as exc:
        raise _open_error(path, exc) from exc
    names = list(reader.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise InputError("input.no_sheet", file=str(path), sheet=sheet, sheets=names)
        names = [sheet]
    grids = [g for name in names if (g := _sheet_grid(path, reader, name, len(reader.sheet_names)))]
    if not grids:
        raise InputError("input.empty_file", file=str(path))
    return grids
