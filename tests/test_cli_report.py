"""Command-line tests of ``cchc-kpi report``."""

import json
import subprocess
import sys

from cchc_kpi.kpi.metrics import METRIC_NAMES
from cchc_kpi.report.build import build_report

from .conftest import FIXTURES, ROOT

GOLDEN = [str(FIXTURES / "golden_a.csv"), str(FIXTURES / "golden_b.csv")]


def _without_time(data):
    data["metadata"].pop("generated_at")
    return data


def test_json_equals_library(cli):
    """The CLI JSON is build_report(...) serialised (apart from the generation time)."""
    result = cli(
        "report", "--period", "Q1-2024", "--by", "level,unit", *GOLDEN, "-f", "json", "--as-of", "2026-01-01"
    )
    assert result.code == 0
    library = build_report(
        GOLDEN, "Q1-2024", by=["level", "unit"], as_of=__import__("datetime").date(2026, 1, 1)
    )
    assert _without_time(json.loads(result.out)) == _without_time(library.model_dump(mode="json"))


def test_csv_when_piped(cli):
    """Without --format, piped output is CSV with the §7 header."""
    result = cli("report", "--period", "Q1-2024", "--by", "unit", *GOLDEN)
    lines = result.out.splitlines()
    assert lines[0] == ",".join(["unit", "row_type", *METRIC_NAMES])
    assert lines[-1].startswith("TOTAL,total,20,17,")


def test_bad_period_exit_2(cli):
    """A wrong period name: exit 2, one line listing the forms and the T5 / 5T hint."""
    result = cli("report", "--period", "quý 1", *GOLDEN, "--lang", "en")
    assert result.code == 2
    assert result.err.startswith('cchc-kpi: error: unknown period "quý 1"; use one of: 2024-05, T5-2024')
    assert "note T5 is May, 5T is the first five months" in result.err
    assert result.err.count("\n") == 1 and result.out == ""


def test_no_input_hints_sample(cli):
    """No input and no configuration: exit 2 with a hint about --sample."""
    result = cli("report", "--period", "Q1-2024", "--lang", "en")
    assert result.code == 2
    assert "try --sample" in result.err


def test_bad_by_and_metrics(cli):
    """Unknown --by keys and --metrics names are usage errors."""
    assert cli("report", "--period", "Q1-2024", "--by", "ward", *GOLDEN).code == 2
    assert cli("report", "--period", "Q1-2024", "--metrics", "x", *GOLDEN).code == 2


def test_sample_marks_outputs(cli):
    """--sample runs on the bundled data and marks the report DỮ LIỆU MẪU."""
    result = cli("report", "--period", "Q1-2024", "--by", "level,unit", "--sample", "-f", "json")
    data = json.loads(result.out)
    assert data["metadata"]["sample"] is True
    assert data["warnings"][0].startswith("DỮ LIỆU MẪU")
    table = cli("report", "--period", "Q1-2024", "--by", "level,unit", "--sample", "-f", "table")
    assert table.code == 0
    assert table.out.startswith("DỮ LIỆU MẪU — Tình hình, kết quả giải quyết TTHC — Q1-2024")
    assert "Cấp xã" in table.out and "Tổng cộng" in table.out


def test_rejected_rows_exit_0_unless_max_invalid(cli):
    """Rejected rows still give exit 0 (counted, warned); past --max-invalid exit 1 with the report printed."""
    path = FIXTURES / "bad_dates.csv"
    ok = cli("report", "--period", "Q1-2024", path, "-f", "json")
    assert ok.code == 0
    assert json.loads(ok.out)["accounting"]["rows_rejected"] == 3
    assert "3 dòng bị loại" in ok.err
    strict = cli("report", "--period", "Q1-2024", path, "-f", "csv", "--max-invalid", "2")
    assert strict.code == 1
    assert strict.out.startswith("row_type,")


def test_output_files(cli, tmp_path):
    """--output writes atomically by extension: CSV with BOM, excel-vi, JSON; others refused."""
    csv_path = tmp_path / "bao-cao.csv"
    result = cli("report", "--period", "Q1-2024", "--by", "unit", *GOLDEN, "--output", csv_path)
    assert result.code == 0 and result.out == ""
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfunit,row_type,")
    vi = tmp_path / "excel.csv"
    cli("report", "--period", "Q1-2024", *GOLDEN, "--output", vi, "--csv-style", "excel-vi")
    assert ";0,55;" in vi.read_text("utf-8-sig")
    as_json = tmp_path / "r.json"
    cli("report", "--period", "Q1-2024", *GOLDEN, "--output", as_json)
    assert json.loads(as_json.read_text("utf-8"))["total"]["received_total"] == 20
    bad = cli("report", "--period", "Q1-2024", *GOLDEN, "--output", tmp_path / "r.pdf")
    assert bad.code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.csv", "excel.csv", "r.json"]


def test_english_labels(cli):
    """--lang en: English labels and number formats."""
    result = cli("report", "--period", "Q1-2024", *GOLDEN, "-f", "markdown", "--lang", "en")
    assert "| Dossiers to resolve (total) | 20 |" in result.out
    assert "| On-time rate | 81.82% (9/11) |" in result.out


def test_head_closes_pipe_quietly():
    """`cchc-kpi report … | head -1` prints no broken-pipe error."""
    command = (
        f"{sys.executable} -m cchc_kpi report --period Q1-2024 --by unit --sample -f csv --quiet | head -1"
    )
    done = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.stdout.startswith("unit,row_type,")
    assert "Error" not in done.stderr and "Traceback" not in done.stderr
