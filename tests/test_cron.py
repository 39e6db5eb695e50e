"""Behaviour under cron: no terminal, a bare environment (C locale, TERM=dumb, NO_COLOR,
narrow COLUMNS), output piped and closed early; results on stdout, diagnostics on stderr."""

import os
import subprocess
import sys

from .conftest import ROOT

ANSI = "\x1b["


def _cron_env(**extra: str) -> dict[str, str]:
    """What cron gives a job: little more than PATH, HOME, a C locale."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/root")}
    env.update({"LANG": "C", "LC_ALL": "C", "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "40"})
    env["XDG_CONFIG_HOME"] = "/nonexistent"
    env.update(extra)
    return env


def _run(*args: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_kpi", *args],
        capture_output=True,
        env=_cron_env(**extra),
        cwd=ROOT,
        check=False,
    )


def test_piped_report_is_utf8_csv_and_diagnostics_go_to_stderr():
    """Without a terminal the report is CSV in UTF-8 (even in the C locale); warnings only on stderr."""
    result = _run("report", "-p", "Q1-2024", "--by", "unit", "sample_data/")
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert out.startswith("unit,row_type,received_total,")
    assert "UBND phường Lộc Thọ" in out
    assert ANSI not in out
    err = result.stderr.decode("utf-8")
    assert "không có trong một số tệp" in err
    assert ANSI not in err


def test_quiet_leaves_stderr_empty():
    """--quiet: nothing on stderr when all is well."""
    result = _run("report", "-p", "Q1-2024", "sample_data/", "--quiet")
    assert result.returncode == 0
    assert result.stderr == b""
    assert result.stdout


def test_table_on_a_dumb_narrow_terminal():
    """A table asked for explicitly renders without colour codes on a 40-column dumb terminal."""
    result = _run("report", "-p", "Q1-2024", "--by", "level", "sample_data/", "-f", "table", "--quiet")
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert "Cấp xã" in out and ANSI not in out


def test_errors_keep_their_exit_code_and_one_line_in_the_c_locale():
    """An error under cron: exit 2 and one UTF-8 line, no traceback."""
    result = _run("report", "-p", "Q1-2024", "khong-co.csv")
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == "cchc-kpi: lỗi: không tìm thấy tệp hoặc thư mục: khong-co.csv\n"


def test_output_closed_early_by_head():
    """`| head -1`: the reader stops early; the run ends quietly (no broken-pipe traceback)."""
    for args in (["report", "-p", "Q1-2024", "--by", "unit", "sample_data/"],
                 ["score766", "-p", "Q1-2024", "sample_data/", "-f", "csv"]):  # fmt: skip
        shell = " ".join([sys.executable, "-m", "cchc_kpi", *[f"'{a}'" for a in args]]) + " | head -1"
        result = subprocess.run(
            ["sh", "-c", shell], capture_output=True, env=_cron_env(), cwd=ROOT, check=False
        )
        assert result.returncode == 0
        assert result.stdout.count(b"\n") == 1
        assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr
