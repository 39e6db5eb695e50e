"""Tests of the package's public API as the README shows it, in a fresh interpreter."""

import json
import subprocess
import sys

from .conftest import ROOT

SNIPPET = """
import json
from cchc_kpi import build_report, ingest, validate, IngestOptions
from cchc_kpi import ReportOptions, report_from_dataset, score766_report, read_catalog
report = build_report(["sample_data/"], "Q1-2024", by=["level", "unit"])
dataset = ingest(["sample_data/"], IngestOptions(duplicate_key="unit"))
options = ReportOptions(period="Q2-2024", compare="previous", catalog="examples/danh-muc-tthc.csv")
print(json.dumps({
    "on_time": report.total["on_time_rate"],
    "used": dataset.accounting.rows_used,
    "valid": validate(["sample_data/"]).accounting.rows_rejected,
    "change": report_from_dataset(dataset, options).total["on_time_rate_change"],
    "score": score766_report(dataset, options).computable_max,
    "procedures": read_catalog(__import__("pathlib").Path("examples/danh-muc-tthc.csv")).entries.height,
}))
"""


def test_readme_library_calls_work_in_a_fresh_interpreter():
    """The names exported by cchc_kpi are the functions (not submodules shadowing them)."""
    result = subprocess.run(
        [sys.executable, "-c", SNIPPET], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["used"] == 5500 and data["valid"] == 0
    assert 0 < data["on_time"] <= 1
    assert data["change"] == 0.230523
    assert data["score"] == 64.0
    assert data["procedures"] == 21


def test_importing_the_command_line_loads_no_heavy_library():
    """`import cchc_kpi.cli` (what --help needs) leaves Polars, Pydantic, NumPy and xlsxwriter unimported."""
    code = (
        "import sys, cchc_kpi.cli; "
        "print(sorted(m for m in ('polars', 'pydantic', 'numpy', 'xlsxwriter', 'fastexcel') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_version_is_one_value():
    """The package face and the core read the version from one place."""
    import cchc_kpi
    from cchc_kpi._version import __version__

    assert cchc_kpi.__version__ == __version__
