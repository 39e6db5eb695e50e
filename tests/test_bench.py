"""The benchmark harness runs end to end on a tiny size (so that it cannot rot); no
timing is asserted, only that it produced its tables and the peers agree.

Opt-in (it needs the ``bench`` dependency group: DuckDB, pandas)::

    .venv/bin/pip install -e . --group bench && .venv/bin/python -m pytest -m bench
"""

import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.bench
def test_harness_on_a_tiny_size(tmp_path):
    """bench/run.py generates inputs, runs every command and writes RESULTS.md with targets."""
    out = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--sizes",
            "1500",
            "--xlsx",
            "300",
            "--store",
            "3150",
            "--runs",
            "1",
            "--data",
            str(tmp_path),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "| 1500 | " in text and "| yes |" in text  # cchc-kpi and DuckDB give the same counts
    assert "## XLSX report (300 dossiers, vendor layout)" in text
    assert "## 1500 distinct units:" in text and "1M distinct units ≤ 2× the 1M-row report" in text
    assert "`cchc-kpi --help` ≤ 0.3 s:" in text
    assert "report on the bundled sample ≤ 1 s:" in text
    assert "## Parquet store at national scale (3150 dossiers)" in text and "3150-row store report" in text
