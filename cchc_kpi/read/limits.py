"""Limits on what an input may make the tool do: a workbook that unpacks to gigabytes
(a zip bomb), an absurdly big file, a cell longer than any real cell.

Checked before anything is loaded: a workbook's declared uncompressed sizes are
read from its zip directory, not by unpacking it. A cell over the limit rejects
its row (named, counted), it does not stop the run. All limits can be lifted for
trusted inputs with ``cchc-kpi --no-limits …`` (or ``CCHC_KPI_NO_LIMITS=1``): the
command line passes :meth:`Limits.none` in the options, nothing is read from the
environment here.
"""

from __future__ import annotations

import zipfile

from pydantic import BaseModel

from cchc_kpi.errors import InputError
from cchc_kpi.read.source import Source

GIB = 2**30
RATIO_CHECKED_BYTES = 10 * 2**20


class Limits(BaseModel):
    """The limits in force (None: no limit)."""

    workbook_unpacked_bytes: int | None = 2 * GIB  # a 1M-row export unpacks to about 1 GB
    workbook_ratio: float | None = 100.0  # unpacked / packed, for members over 10 MB (real: 5–15)
    file_bytes: int | None = 64 * GIB
    cell_chars: int | None = 32_767  # Excel's own limit for a cell
    line_bytes: int | None = 16 * 2**20  # a text line (a thousand full cells fit)
    html_cells: int | None = 20_000_000  # the cells an HTML table's rows and spans cover
    sheet_cells: int | None = 60_000_000  # an XLSX sheet's range (a million rows × 60 columns)

    @classmethod
    def none(cls) -> Limits:
        """No limits (trusted inputs)."""
        return cls(
            workbook_unpacked_bytes=None,
            workbook_ratio=None,
            file_bytes=None,
            cell_chars=None,
            line_bytes=None,
            html_cells=None,
            sheet_cells=None,
        )

    @property
    def cell_bytes(self) -> int | None:
        """The byte length a cell of ``cell_chars`` characters can reach in UTF-8."""
        return None if self.cell_chars is None else 4 * self.cell_chars


def check_source(source: Source, limits: Limits) -> None:
    """Refuse a file over the size limit, and a workbook that would unpack beyond it (its
    zip directory read from the open handle, nothing unpacked)."""
    path, size = source.path, source.size
    if limits.file_bytes is not None and size > limits.file_bytes:
        raise InputError("input.too_big", file=str(path), size=_gib(size), limit=_gib(limits.file_bytes))
    if not source.head(4).startswith(b"PK"):
        return
    try:
        source.handle.seek(0)
        with zipfile.ZipFile(source.handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # the reader names the damage
    unpacked = sum(m.file_size for m in members)
    if limits.workbook_unpacked_bytes is not None and unpacked > limits.workbook_unpacked_bytes:
        raise InputError(
            "input.zip_bomb", file=str(path), size=_gib(unpacked), limit=_gib(limits.workbook_unpacked_bytes)
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if (
            limits.workbook_ratio is not None
            and member.file_size > RATIO_CHECKED_BYTES
            and ratio > limits.workbook_ratio
        ):
            raise InputError("input.zip_ratio", file=str(path), member=member.filename, ratio=int(ratio))


def _gib(size: int) -> str:
    return f"{size / GIB:.1f} GiB"
