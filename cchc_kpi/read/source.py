"""An input opened once: :class:`Source`.

Every later read of an export — the sniffing, the first rows, the samples, the full scan —
comes from this one open handle (or from one copy of it in memory), never from the path
again. A file replaced while a run reads it (a new export saved over the old one) cannot
give the header of one version and the rows of another: the handle keeps reading the file
that was opened. A file rewritten in place is noticed at the end
(:meth:`Source.check_unchanged`, ``input.changed``).

Only regular files are read: a device (``/dev/zero``), a FIFO or a socket is refused
before a byte is read, so the tool never blocks or reads without end — for every path it
reads: exports, the catalogue, the holidays table, the configuration.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cchc_kpi.errors import InputError

SMALL_FILE_BYTES = 16 * 2**20  # a configuration or a holidays table, at most
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass
class Source:
    """One input, open."""

    path: Path
    handle: BinaryIO
    size: int
    mtime_ns: int

    def head(self, count: int) -> bytes:
        """The first ``count`` bytes."""
        self.handle.seek(0)
        return self.handle.read(count)

    def read_all(self) -> bytes:
        """The whole file (workbooks, HTML and JSON are read into memory anyway)."""
        self.handle.seek(0)
        return self.handle.read()

    def mapped(self) -> mmap.mmap | None:
        """The file mapped read-only (searched without copying it); None when empty."""
        if self.size == 0:
            return None
        return mmap.mmap(self.handle.fileno(), 0, access=mmap.ACCESS_READ)

    def check_unchanged(self) -> None:
        """Raise ``input.changed`` when the file was rewritten since it was opened."""
        now = os.fstat(self.handle.fileno())
        if (now.st_size, now.st_mtime_ns) != (self.size, self.mtime_ns):
            raise InputError("input.changed", file=str(self.path))

    def close(self) -> None:
        """Close the handle."""
        with contextlib.suppress(OSError):
            self.handle.close()


def open_source(path: Path) -> Source:
    """Open ``path`` for reading if it is a regular file (``input.not_found``,
    ``input.not_regular``, ``input.unopenable`` otherwise). Opened without blocking, so a
    FIFO is refused instead of waiting for a writer."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError("input.not_found", path=str(path)) from None
    except OSError as exc:
        if path.is_dir():
            raise InputError("input.not_regular", file=str(path)) from None
        reason = exc.strerror or type(exc).__name__
        raise InputError("input.unopenable", file=str(path), reason=reason) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputError("input.not_regular", file=str(path))
    return Source(path=path, handle=os.fdopen(fd, "rb"), size=info.st_size, mtime_ns=info.st_mtime_ns)


def read_small_file(path: Path, limit: int) -> bytes:
    """The bytes of a small input (configuration, holidays table): a regular file of at most
    ``limit`` bytes (``input.too_big`` otherwise), read once."""
    source = open_source(path)
    try:
        if source.size > limit:
            raise InputError("input.too_big", file=str(path), size=_size(source.size), limit=_size(limit))
        data = source.handle.read(limit + 1)
    finally:
        source.close()
    if len(data) > limit:
        raise InputError("input.too_big", file=str(path), size=_size(len(data)), limit=_size(limit))
    return data


def _size(count: int) -> str:
    return f"{count / 2**20:.1f} MiB" if count >= 2**20 else f"{count} B"
