"""Atomic output: write to a temporary file beside the target, then rename.

A reader (or a spreadsheet) never sees a half-written file, and a failed write
leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from cchc_kpi.errors import OutputError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def parts_dir(tmp: Path) -> Path:
    """The folder beside a temporary file where a writer keeps its parts (xlsxwriter's
    sheets): removed with the temporary file, found by the next run if a kill left it."""
    return tmp.with_name(tmp.name + ".parts")


def remove_stale(target: Path) -> None:
    """Remove temporary files and part folders an interrupted run left beside ``target``
    (called while holding ``target``'s lock: no other run is writing them)."""
    import glob
    import shutil

    folder = target.parent if str(target.parent) else Path(".")
    pattern = glob.escape(f".{target.name}.") + "*.tmp"
    for stale in folder.glob(pattern):
        with contextlib.suppress(OSError):
            stale.unlink()
    for stale in folder.glob(pattern + ".parts"):
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``."""
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError("output.failed", path=str(target), reason=exc.strerror or str(exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError("output.failed", path=str(target), reason=exc.strerror or str(exc)) from exc
    finally:
        import shutil

        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        shutil.rmtree(parts_dir(tmp), ignore_errors=True)


def write_text_atomic(target: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding=encoding, newline="")


def write_with(target: Path, writer: Callable[[IO[bytes]], None]) -> None:
    """Write ``target`` atomically through ``writer(binary_handle)``."""
    with atomic_path(target) as tmp, open(tmp, "wb") as handle:
        writer(handle)


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[Path]:
    """Hold an exclusive lock beside ``target`` while a run writes it.

    A second run that wants the same output stops at once with
    :class:`~cchc_kpi.errors.LockBusyError` (exit 4) instead of interleaving.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("output.no_folder", path=str(target), folder=str(folder))
    with exclusive_lock(folder / f".{target.name}.lock", target) as lock_path:
        remove_stale(target)
        yield lock_path


@contextlib.contextmanager
def exclusive_lock(lock_path: Path, target: Path) -> Iterator[Path]:
    """Hold the lock file ``lock_path`` for writing ``target`` (``filelock``: the same on
    Windows and Linux). The lock file is opened without following a symlink: a link
    planted in its place is refused, never followed to create the file it points to."""
    from filelock import FileLock, Timeout

    from cchc_kpi.errors import LockBusyError

    if lock_path.is_symlink():
        raise OutputError("output.lock_symlink", path=str(target), lock=str(lock_path))
    lock = FileLock(str(lock_path), timeout=0, thread_local=False, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        raise LockBusyError("lock.busy", path=str(target), lock=str(lock_path)) from None
    except OSError as exc:
        if lock_path.is_symlink():  # planted between the check and the open
            raise OutputError("output.lock_symlink", path=str(target), lock=str(lock_path)) from None
        reason = exc.strerror or type(exc).__name__
        raise OutputError("output.failed", path=str(target), reason=reason) from None
    try:
        yield lock_path
    finally:
        if os.name != "nt":  # while still held, so no other run locks a file about to vanish
            with contextlib.suppress(OSError):
                lock_path.unlink()
        lock.release()  # on Windows filelock removes the file after releasing it
