"""cchc-kpi's own outputs, recognised when they sit among the exports (a report written
into the exports folder last month): skipped with one line, never read as dossiers.

- workbooks carry the custom document property ``GENERATOR_PROPERTY`` = "cchc-kpi …";
- CSV/TSV outputs start with a header of canonical names no export has (``row_type`` with
  ``received_total``: a report; ``dossier_id`` with ``working_days_late``: a dossier list;
  ``row``, ``file``, ``column``, ``reason``: the rejected rows; the estimate and the
  accounting of ``score766`` and ``validate``);
- JSON outputs are an object with ``metadata.tool_version`` (a report) or the keys of the
  other commands' results (the overdue list by its rows' header, as CSV).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

GENERATOR_PROPERTY = "Generator"
GENERATOR = "cchc-kpi"
OWN_HEADERS: tuple[frozenset[str], ...] = (
    frozenset({"row_type", "received_total"}),  # report
    frozenset({"dossier_id", "working_days_late"}),  # overdue
    frozenset({"row", "file", "column", "reason"}),  # validate --rejects
    frozenset({"criterion_id", "points", "max"}),  # score766
    frozenset({"file", "rows_read", "rows_used", "rows_rejected"}),  # validate
)
OWN_JSON_KEYS: tuple[frozenset[str], ...] = (
    frozenset({"estimate", "groups", "total_points"}),  # score766
    frozenset({"accounting", "files", "rejected"}),  # validate
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
    if not isinstance(document, dict):
        return False
    metadata = document.get("metadata")
    if isinstance(metadata, dict) and "tool_version" in metadata:  # report
        return True
    return any(keys <= document.keys() for keys in OWN_JSON_KEYS)
