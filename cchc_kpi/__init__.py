"""cchc-kpi: KPIs of Vietnam's administrative-reform (CCHC) reporting from
one-stop dossier exports.

The library API is imported lazily so that ``cchc-kpi --help`` stays instant::

    from cchc_kpi import ingest, validate
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_kpi._version import __version__

_LAZY = {
    "ingest": "cchc_kpi.ingestion.pipeline",
    "IngestOptions": "cchc_kpi.ingestion.dataset",
    "Dataset": "cchc_kpi.ingestion.dataset",
    "validate": "cchc_kpi.ingestion.validate",
    "ValidationResult": "cchc_kpi.ingestion.validate",
    "Dossier": "cchc_kpi.schema.fields",
    "build_report": "cchc_kpi.report.build",
    "Report": "cchc_kpi.report.model",
    "ReportOptions": "cchc_kpi.report.options",
    "report_from_dataset": "cchc_kpi.report.build",
    "score766_report": "cchc_kpi.report.score766",
    "read_catalog": "cchc_kpi.kpi.procedure_catalog",
}

if TYPE_CHECKING:
    from cchc_kpi.ingestion.dataset import Dataset, IngestOptions
    from cchc_kpi.ingestion.pipeline import ingest
    from cchc_kpi.ingestion.validate import ValidationResult, validate
    from cchc_kpi.kpi.procedure_catalog import read_catalog
    from cchc_kpi.report.build import build_report, report_from_dataset
    from cchc_kpi.report.model import Report
    from cchc_kpi.report.options import ReportOptions
    from cchc_kpi.report.score766 import score766_report
    from cchc_kpi.schema.fields import Dossier

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
