"""Progress on stderr on a terminal only: each step shown while the work runs, nothing with
--quiet or when stderr is a pipe, and never anything on stdout."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run_on_terminal(*args: str) -> tuple[int, str, bytes]:
    """Run the CLI with stderr on a pseudo-terminal; (exit code, what the terminal got, stdout)."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "cchc_kpi", *args], stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL,
        cwd=ROOT, env=env,
    )  # fmt: skip
    os.close(slave)
    out, _ = process.communicate()
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.returncode, b"".join(chunks).decode("utf-8", "replace"), out


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_steps_shown_on_a_terminal(tmp_path):
    """A report to .xlsx shows opening each file, reading the rows, computing and writing."""
    target = tmp_path / "bc.xlsx"
    code, terminal, out = _run_on_terminal("report", "-p", "Q1-2024", "sample_data", "-o", str(target))
    assert code == 0
    for step in ("Đang mở tệp 1/3", "Đang đọc và kiểm tra từng dòng hồ sơ", "Đang tính các chỉ số",
                 f"Đang ghi {target}"):  # fmt: skip
        assert step in terminal, step
    assert out == b""
    assert target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_quiet_shows_no_progress():
    """--quiet: no progress on the terminal, the result on stdout unchanged."""
    code, terminal, out = _run_on_terminal("report", "-p", "Q1-2024", "sample_data", "-f", "csv", "--quiet")
    assert code == 0
    assert "Đang" not in terminal
    assert out.startswith(b"row_type,")


def test_no_progress_when_stderr_is_a_pipe():
    """Under cron (stderr a pipe) no step is printed."""
    result = subprocess.run(
        [sys.executable, "-m", "cchc_kpi", "validate", "sample_data", "-f", "csv"], capture_output=True, cwd=ROOT,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert "Đang" not in result.stderr.decode("utf-8")
