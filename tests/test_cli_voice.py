"""One voice: help and usage errors in Vietnamese by default, English with --lang en or
CCHC_KPI_LANG, one line `cchc-kpi: lỗi: …` with the next step, -h, readable metavars, the
exit codes in every help, and `| head` ending with exit 0 whatever the format."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from cchc_kpi.cli import app
from cchc_kpi.cli.help_texts import HELP_VI
from tests.conftest import ROOT

COMMANDS = [
    "report",
    "validate",
    "overdue",
    "score766",
    "catalog",
    "convert",
    "inspect",
    "calendar",
    "init",
    "sample",
]


def _help_texts() -> list[str]:
    command = typer.main.get_command(app)
    found = []
    for sub in [command, *command.commands.values()]:
        found += [sub.help] if sub is not command and sub.help else []
        found += [p.help for p in sub.params if getattr(p, "help", None)]
    return found


def test_every_help_text_has_its_vietnamese():
    """Each command's and option's help text has a Vietnamese translation."""
    missing = [h for h in _help_texts() if h not in HELP_VI]
    assert missing == []


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_vietnamese_by_default(cli, command):
    """`-h` prints the help in Vietnamese, with the exit codes the command can give, and no type names as metavars."""
    from cchc_kpi.cli.help_texts import COMMAND_EXIT_CODES

    result = cli(*([command] if command else []), "-h")
    assert result.code == 0
    assert result.out.startswith(f"Cách dùng: cchc-kpi{' ' + command if command else ''} ")
    assert "Tùy chọn:" in result.out
    said = " ".join(result.out.split())
    assert "Mã thoát: 0" in said
    if command in COMMAND_EXIT_CODES:  # lists and estimates: no threshold, no targets
        assert " ".join(COMMAND_EXIT_CODES[command][0].split()) in said and "3 không đạt" not in said
    else:
        assert "3 không đạt chỉ tiêu (--fail-on-target-miss)" in said
    assert "4 một lần chạy khác đang ghi cùng tệp kết quả" in " ".join(result.out.split())
    for english in ("Usage:", "Options:", "Show this message", "<str>", "<list[str]>", "<path>", "<int>"):
        assert english not in result.out


@pytest.mark.parametrize("how", ["option", "env"])
def test_help_in_english(cli, monkeypatch, how):
    """--lang en (or CCHC_KPI_LANG=en) gives the help in English."""
    if how == "env":
        monkeypatch.setenv("CCHC_KPI_LANG", "en")
    result = cli("report", "-h", *(["--lang", "en"] if how == "option" else []))
    assert result.out.startswith("Usage: cchc-kpi report [OPTIONS] [EXPORTS]...")
    assert "Report the figures for a period" in result.out
    assert "Exit codes: 0 ok" in result.out
    assert "Báo cáo kết quả" not in result.out


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["report", "sample_data"], "cchc-kpi: lỗi: thiếu --period (-p); xem: cchc-kpi report -h"),
        (["report", "-p"], "cchc-kpi: lỗi: -p cần một giá trị; xem: cchc-kpi report -h"),
        (["report", "-p", "Q1-2024", "sample_data", "-f", "xlsx"],
         'cchc-kpi: lỗi: --format (-f) "xlsx" không hợp lệ; dùng một trong: table, csv, tsv, json, markdown, text '
         "(tệp .xlsx chỉ ghi ra tệp: dùng -o bao-cao.xlsx); xem: cchc-kpi report -h"),
        (["report", "-p", "Q1-2024", "sample_data", "-f", "xlsx", "--lang", "en"],
         'cchc-kpi: error: --format (-f) "xlsx" is not valid; use one of: table, csv, tsv, json, markdown, text '
         "(.xlsx is written to a file: use -o report.xlsx); see: cchc-kpi report -h"),
        (["report", "-p", "Q1-2024", "--verbos"],
         "cchc-kpi: lỗi: không có tùy chọn --verbos; có phải --verbose?; xem: cchc-kpi report -h"),
        (["reprot"], 'cchc-kpi: lỗi: không có lệnh "reprot"; có phải report?; xem: cchc-kpi -h'),
        (["calendar", "--year", "abc"], 'cchc-kpi: lỗi: --year (-y) "abc" không hợp lệ; xem: cchc-kpi calendar -h'),
        (["inspect"], "cchc-kpi: lỗi: thiếu TỆP; xem: cchc-kpi inspect -h"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line(cli, args, line):
    """A usage error click finds is one line in the run's language with the next step, exit 2."""
    result = cli(*args)
    assert result.code == 2
    assert result.err == line + "\n"
    assert result.out == ""


def test_no_arguments_prints_the_help(cli):
    """`cchc-kpi` alone prints the help (exit 0)."""
    result = cli()
    assert result.code == 0
    assert result.out.startswith("Cách dùng: cchc-kpi [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "markdown", "text"])
def test_reader_closing_early_ends_with_exit_0(fmt):
    """`cchc-kpi report … | head -1`: the run ends quietly with exit 0, whatever the format."""
    command = [sys.executable, "-m", "cchc_kpi", "report", "-p", "Q1-2024", "--by", "level,unit", "sample_data",
               "-f", fmt, "--quiet"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait() == 0
    assert err == b""


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["report", "-p", "Q1-2024", "-f", "csv", "-f", "xlsx"], '--format (-f) "xlsx" không hợp lệ'),
        (["report", "-p", "Q1-2024", "-fxlsx"], '--format (-f) "xlsx" không hợp lệ'),
        (["--no-limits=1", "report"], "--no-limits không nhận giá trị; xem: cchc-kpi -h"),
        (["--no-limits"], "thiếu lệnh; xem: cchc-kpi -h"),
    ],
)
def test_usage_errors_quote_what_click_read(cli, args, line):
    """The value quoted is the one click read (the last, or joined to -f); a flag given a value says so."""
    result = cli(*args)
    assert result.code == 2
    assert line in result.err
