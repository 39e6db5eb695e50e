"""Which files to read: positional paths, ``--input``, directories and glob patterns."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from cchc_kpi.errors import InputError, UsageError

TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".json"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | EXCEL_SUFFIXES


def _is_pattern(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def _exports_in(directory: Path) -> list[Path]:
    found = [
        p
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith((".", "~$"))
    ]
    if not found:
        raise InputError("input.empty_dir", path=str(directory))
    return found


def resolve_inputs(specs: Iterable[str]) -> list[Path]:
    """Expand paths, directories (recursively) and glob patterns into export files.

    Order is the order given, each directory or pattern sorted by name; a file
    named twice is read once. Raises :class:`InputError` for a path that does not
    exist, a pattern that matches nothing or a directory without exports.
    """
    files: list[Path] = []
    for spec in specs:
        path = Path(spec).expanduser()
        if path.is_dir():
            files.extend(_exports_in(path))
        elif path.is_file() or path.exists():  # a FIFO or a device: refused when opened
            files.append(path)
        elif _is_pattern(spec):
            matches = sorted(Path(m) for m in glob.glob(str(path), recursive=True))
            matched = [m for m in matches if m.is_file() and m.suffix.lower() in SUPPORTED_SUFFIXES]
            if not matched:
                raise InputError("input.no_match", pattern=spec)
            files.extend(matched)
        else:
            raise InputError("input.not_found", path=spec)
    unique: dict[Path, Path] = {}
    for f in files:
        unique.setdefault(f.resolve(), f)
    if not unique:
        raise UsageError("usage.no_input")
    return list(unique.values())
