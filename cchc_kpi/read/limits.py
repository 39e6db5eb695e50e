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
from pathlib import Path

from pydantic import BaseModel

from cchc_kpi.errors import InputError

GIB = 2**30


class Limits(BaseModel):
    """The limits in force (None: no limit)."""

    workbook_unpacked_bytes: int | None = 4 * GIB  # a 1M-row export unpacks to about 1 GB
    workbook_ratio: float | None = 200.0  # unpacked / packed, for members over 100 MB
    file_bytes: int | None = 64 * GIB
    cell_chars: int | None = 32_767  # Excel's own limit for a cell

    @classmethod
    def none(cls) -> Limits:
        """No limits (trusted inputs)."""
        return cls(workbook_unpacked_bytes=None, workbook_ratio=None, file_bytes=None, cell_chars=None)

    @property
    def cell_bytes(self) -> int | None:
        """The byte length a cell of ``cell_chars`` characters can reach in UTF-8."""
        return None if self.cell_chars is None else 4 * self.cell_chars


def check_file(path: Path, limits: Limits) -> None:
    """Refuse a file over the size limit, and a workbook that would unpack beyond it."""
    size = path.stat().st_size
    if limits.file_bytes is not None and size > limits.file_bytes:
        raise InputError("input.too_big", file=str(path), size=_gib(size), limit=_gib(limits.file_bytes))
    if not zipfile.is_zipfile(path):
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
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
            and member.file_size > 100 * 2**20
            and ratio > limits.workbook_ratio
        ):
            raise InputError("input.zip_ratio", file=str(path), member=member.filename, ratio=int(ratio))


def _gib(size: int) -> str:
    return f"{size / GIB:.1f} GiB"
