"""The ``cchc-kpi`` command line: parse options, call one library function, render.

Errors reach users as one line on stderr and a documented exit code; the
traceback only with ``--debug`` (never with local variables).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence

import typer
from typer._click import exceptions as click_exceptions

from cchc_kpi._version import __version__
from cchc_kpi.cli.calendar_cmd import calendar_command
from cchc_kpi.cli.common import STATE
from cchc_kpi.cli.convert_cmd import convert_command
from cchc_kpi.cli.dossiers_cmd import dossiers_command
from cchc_kpi.cli.init_cmd import init_command
from cchc_kpi.cli.inspect_cmd import inspect_command
from cchc_kpi.cli.overdue_cmd import overdue_command
from cchc_kpi.cli.reconcile_cmd import reconcile_command
from cchc_kpi.cli.report_cmd import report_command
from cchc_kpi.cli.sample_cmd import sample_command
from cchc_kpi.cli.score766_cmd import catalog_command, score766_command
from cchc_kpi.cli.validate_cmd import validate_command

app = typer.Typer(
    name="cchc-kpi",
    help=(
        "Tính chỉ số cải cách hành chính (CCHC) từ danh sách hồ sơ xuất từ phần mềm một cửa.\n\n"
        "KPIs of Vietnam's administrative-reform (CCHC) reporting from one-stop dossier exports."
    ),
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"cchc-kpi {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    no_limits: bool = typer.Option(
        False,
        "--no-limits",
        help="Lift the input limits (workbook unpacked size, file size, cell length) for trusted files.",
    ),
) -> None:
    """cchc-kpi."""
    STATE.no_limits = no_limits


app.command("report")(report_command)
app.command("validate")(validate_command)
app.command("overdue")(overdue_command)
app.command("dossiers")(dossiers_command)
app.command("reconcile")(reconcile_command)
app.command("score766")(score766_command)
app.command("catalog")(catalog_command)
app.command("convert")(convert_command)
app.command("inspect")(inspect_command)
app.command("calendar")(calendar_command)
app.command("init")(init_command)
app.command("sample")(sample_command)


def _error_line(text: str) -> None:
    prefix = "lỗi" if STATE.lang == "vi" else "error"
    sys.stderr.write(f"cchc-kpi: {prefix}: {text}\n")
    sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line in its language; exit with its code."""
    from cchc_kpi.cli.localise import argv_lang, localised_command, usage_line
    from cchc_kpi.errors import EXIT_USAGE, CchcError
    from cchc_kpi.i18n.messages import text

    args = list(argv) if argv is not None else sys.argv[1:]
    STATE.lang = argv_lang(args)
    command = localised_command(app, STATE.lang)
    try:
        code = command.main(args=args, prog_name="cchc-kpi", standalone_mode=False)
    except CchcError as err:
        if STATE.debug:
            _print_traceback(err)
        _error_line(err.message.render(STATE.lang))
        sys.exit(err.exit_code)
    except click_exceptions.NoArgsIsHelpError as err:  # `cchc-kpi`, `cchc-kpi report` alone: the help
        sys.stdout.write(err.ctx.get_help() + "\n")
        sys.exit(0)
    except click_exceptions.UsageError as err:
        _error_line(usage_line(err, args, STATE.lang))
        sys.exit(EXIT_USAGE)
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n")
        sys.exit(130)
    except Exception as err:  # a bug, or a library failing on odd input: its text may quote cells
        if STATE.debug:
            _print_traceback(err)
        _error_line(text("internal.error", STATE.lang, kind=type(err).__name__))
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else 0)


def _print_traceback(err: BaseException) -> None:
    """The traceback of ``err`` and its causes — where each happened, never what a library
    said (its text may quote a cell: names, ID numbers), nor any local variable."""
    from cchc_kpi.errors import CchcError

    chain: list[BaseException] = []
    current: BaseException | None = err
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    for number, exc in enumerate(reversed(chain)):
        if number:
            sys.stderr.write("\n(dẫn đến / which led to)\n\n")
        stack = traceback.StackSummary.extract(traceback.walk_tb(exc.__traceback__), capture_locals=False)
        sys.stderr.write("Traceback (most recent call last):\n" + "".join(stack.format()))
        kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
        said = (
            exc.message.render(STATE.lang)
            if isinstance(exc, CchcError)
            else "(nội dung không hiển thị / text not shown)"
        )
        sys.stderr.write(f"{kind}: {said}\n")
