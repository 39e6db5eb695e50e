"""cchc-kpi's own outputs, recognised when they sit among the exports (a report written
into the exports folder last month): skipped with one line, never read as dossiers.

- workbooks carry the custom document property ``GENERATOR_PROPERTY`` = "cchc-kpi …";
- CSV/TSV outputs start with a header of canonical names no export has (``row_type`` with
  ``received_total``: a report; ``dossier_id`` with ``working_days_late``: a dossier list;
  ``row``, ``file``, ``column``, ``reason``: the rejected rows);
- JSON outputs are an object with ``metadata.tool_version``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

GENERATOR_PROPERTY = "Generator"
GENERATOR = "cchc-kpi"
OWN_HEADERS: tuple[frozenset[str], ...] = (
    frozenset({"row_type", "received_total"}),
    frozenset({"dossier_id", "working_days_late"}),
    frozenset({"row", "file", "column", "reason"}),
)
CUSTOM_PROPERTIES = "docProps/custom.xml"
PROPERTIES_BYTES = 1 << 16


def is_own_header(cells: Sequence[str | None]) -> bool:
    """Whether a first row is the header of a CSV/TSV output of cchc-kpi."""
    names = {c.strip().lstrip("\ufeff") for c in cells if c}
    return any(signature <= names for signature in OWN_HEADERS)


def is_own_workbook(data: bytes) -> bool:
    """Whether an .xlsx (its bytes) was written by cchc-kpi (its custom property)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(CUSTOM_PROPERTIES)
            if info.file_size > PROPERTIES_BYTES:
                return False
            xml = archive.read(info)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False
    return f'name="{GENERATOR_PROPERTY}"'.encode() in xml and GENERATOR.encode() in xml


def is_own_json(document: Any) -> bool:
    """Whether a parsed JSON document is a report or list written by cchc-kpi."""
    metadata = document.get("metadata") if isinstance(document, dict) else None
    return isinstance(metadata, dict) and "tool_version" in metadata
