"""Where the bundled sample data lives (inside the installed package, or beside
it in a source checkout), and whether a run's inputs are that sample.
The tool never falls back to it silently: only ``--sample`` or naming it reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cchc_kpi.errors import UsageError

PACKAGE = Path(__file__).resolve().parent.parent


def sample_dir() -> Path:
    """Return the folder of the bundled sample exports."""
    for candidate in (PACKAGE / "sample_data", PACKAGE.parent / "sample_data"):
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    raise UsageError("usage.no_sample")


def is_sample(files: Sequence[Path]) -> bool:
    """Whether every input file is one of the bundled sample exports."""
    try:
        root = sample_dir()
    except UsageError:
        return False
    return bool(files) and all(root in f.resolve().parents for f in files)
