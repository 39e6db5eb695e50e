"""cchc-kpi: KPIs of Vietnam's administrative-reform (CCHC) reporting from
one-stop dossier exports.

The library API is imported lazily so that ``cchc-kpi --help`` stays instant::

    from cchc_kpi import ingest, validate
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "ingest": "cchc_kpi.ingestion",
    "IngestOptions": "cchc_kpi.ingestion",
    "Dataset": "cchc_kpi.ingestion",
    "validate": "cchc_kpi.validation",
    "ValidationResult": "cchc_kpi.validation",
    "Dossier": "cchc_kpi.schema",
    "build_report": "cchc_kpi.report",
    "Report": "cchc_kpi.report_model",
    "ReportOptions": "cchc_kpi.report",
    "report_from_dataset": "cchc_kpi.report",
    "score766_report": "cchc_kpi.score766",
    "read_catalog": "cchc_kpi.catalog",
}

if TYPE_CHECKING:
    from cchc_kpi.catalog import read_catalog
    from cchc_kpi.ingestion import Dataset, IngestOptions, ingest
    from cchc_kpi.report import ReportOptions, build_report, report_from_dataset
    from cchc_kpi.report_model import Report
    from cchc_kpi.schema import Dossier
    from cchc_kpi.score766 import score766_report
    from cchc_kpi.validation import ValidationResult, validate

__all__ = [
    "Dataset",
    "Dossier",
    "IngestOptions",
    "Report",
    "ReportOptions",
    "ValidationResult",
    "__version__",
    "build_report",
    "ingest",
    "read_catalog",
    "report_from_dataset",
    "score766_report",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cchc_kpi' has no attribute {name!r}")
