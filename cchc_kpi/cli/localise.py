"""The command tree in the run's language: help texts, metavars, the exit codes under every
command, ``-h``, and typer's own words ("Usage", "Options", "required") in Vietnamese by
default, in English with ``--lang en`` or ``CCHC_KPI_LANG=en``.

The click command is built afresh for each run (``typer.main.get_command``) and its texts
replaced before it parses anything; typer's own words go through the ``_`` its help
formatter calls, set here for the run.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cchc_kpi.cli.help_texts import (
    APP_HELP,
    BY_TYPE,
    COMMAND_EXIT_CODES,
    COMMAND_METAVAR,
    EXIT_CODES,
    HELP_VI,
    LAYOUT_VI,
    METAVARS,
    OPTIONS_METAVAR,
    SHORT_HELP,
    SHOW_HELP,
    USAGE,
)

if TYPE_CHECKING:
    import typer

    from cchc_kpi.schema.choices import Lang

HELP_NAMES = ["-h", "--help"]


def argv_lang(args: Sequence[str]) -> Lang:
    """The language a command line asks for (``--lang en``, ``--lang=en``, else
    CCHC_KPI_LANG), before anything is parsed; Vietnamese otherwise."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return "en" if os.environ.get("CCHC_KPI_LANG") == "en" else "vi"


def _translate(help_text: str | None, lang: Lang) -> str | None:
    if help_text is None or lang == "en":
        return help_text
    return HELP_VI.get(help_text, help_text)


def _annotation(param: Any) -> Any:
    """The parameter's declared type, without Optional and list."""
    import typing
    from pathlib import Path

    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", str)
    while typing.get_origin(annotation) in (typing.Union, list) or (
        str(typing.get_origin(annotation)) == "<class 'types.UnionType'>"
    ):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return Path if annotation is Path else annotation


def choices_of(param: Any) -> list[str]:
    """The values a Literal-typed parameter accepts (none for others)."""
    import typing

    annotation = _annotation(param)
    return (
        [str(a) for a in typing.get_args(annotation)]
        if typing.get_origin(annotation) is typing.Literal
        else []
    )


def _metavar(param: Any, lang: Lang) -> str | None:
    from pathlib import Path

    index = 0 if lang == "vi" else 1
    if getattr(param, "is_flag", False) or choices_of(param):
        return None  # a flag has none; choices show themselves
    if param.name in METAVARS:
        return METAVARS[param.name][index]
    annotation = _annotation(param)
    kind = "path" if annotation is Path else "integer" if annotation is int else "text"
    return BY_TYPE[kind][index]


def _localise(command: Any, lang: Lang, root: bool) -> None:
    from typer._click.decorators import help_option

    index = 0 if lang == "vi" else 1
    command.help = APP_HELP[index] if root else _translate(command.help, lang)
    command.short_help = SHORT_HELP.get(command.name, (None, None))[index]
    command.epilog = COMMAND_EXIT_CODES.get(command.name, EXIT_CODES)[index]
    command.options_metavar = OPTIONS_METAVAR[index]
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = COMMAND_METAVAR[index]
    for param in command.params:
        param.help = _translate(getattr(param, "help", None), lang)
        metavar = _metavar(param, lang)
        if metavar is not None:
            param.metavar = metavar
        if getattr(param, "param_type_name", "") == "argument":
            param.display_type_rich = lambda ctx: ""  # its metavar says it (not "<list[str]>")
    help_option(HELP_NAMES)(command)  # what get_help_option would build, then said in our words
    command._help_option = command.params.pop()
    command._help_option.help = SHOW_HELP[index]
    for sub in getattr(command, "commands", {}).values():
        _localise(sub, lang, root=False)


def localised_command(app: typer.Typer, lang: Lang) -> Any:
    """The click command of ``app`` with every text in ``lang``."""
    import typer.core
    import typer.main
    from typer._click import formatting

    command = typer.main.get_command(app)
    _localise(command, lang, root=True)
    layout = LAYOUT_VI if lang == "vi" else {}
    typer.core._ = lambda message: layout.get(message, message)  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage.__defaults__ = (
        "",
        USAGE[0 if lang == "vi" else 1],
    )
    return command


COMMANDS = ("report", "validate", "overdue", "dossiers", "reconcile", "score766", "catalog", "convert",
            "inspect", "calendar", "init", "sample")  # fmt: skip
OUTPUT_ONLY = ("xlsx", "xls", "excel", "docx", "doc", "word")  # formats only a file can hold


def _name(param: Any) -> str:
    """An option as the user types it: --period (-p); an argument by its metavar."""
    opts = list(getattr(param, "opts", []) or [])
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return str(param.metavar or param.name)
    long = [o for o in opts if o.startswith("--")]
    short = [o for o in opts if not o.startswith("--")]
    return f"{long[0]} ({short[0]})" if long and short else opts[0]


def _given(param: Any, args: Sequence[str]) -> str | None:
    """The value the command line gave ``param`` last (click keeps the last): after the
    option, after its ``=``, or joined to a short option (``-fxlsx``)."""
    for index in range(len(args) - 1, -1, -1):
        arg = args[index]
        for opt in getattr(param, "opts", []):
            if arg == opt and index + 1 < len(args):
                return args[index + 1]
            if arg.startswith(opt + "="):
                return arg.split("=", 1)[1]
            if len(opt) == 2 and not opt.startswith("--") and arg.startswith(opt) and len(arg) > 2:
                return arg[2:]
    return None


def usage_line(err: Any, args: Sequence[str], lang: Lang) -> str:
    """One line for a usage error click found, in ``lang``, with the next step."""
    from typer._click import exceptions as errors

    from cchc_kpi.i18n.messages import safe_text, text

    ctx = getattr(err, "ctx", None)
    where = ctx.command_path if ctx is not None else "cchc-kpi"
    if where == "cchc-kpi" and args and args[0] in COMMANDS:
        where = f"cchc-kpi {args[0]}"
    param = getattr(err, "param", None)
    if isinstance(err, errors.MissingParameter) and param is not None:
        said = text("click.missing", lang, name=_name(param))
    elif isinstance(err, errors.NoSuchOption):
        import difflib

        meant = difflib.get_close_matches(err.option_name, list(err.possibilities or []), n=1)
        said = text("click.no_option_meant" if meant else "click.no_option", lang, name=err.option_name,
                    meant=meant[0] if meant else "")  # fmt: skip
    elif isinstance(err, errors.BadOptionUsage):
        takes_none = "does not take a value" in err.message
        said = text("click.no_value" if takes_none else "click.needs_value", lang, name=err.option_name)
    elif isinstance(err, errors.BadParameter) and param is not None:
        value = _given(param, args)
        choices = choices_of(param)
        shown = safe_text(value) if value is not None else ""
        if choices:
            said = text(
                "click.bad_choice", lang, name=_name(param), value=shown, choices=", ".join(map(str, choices))
            )
            if value is not None and value.lower().lstrip(".") in OUTPUT_ONLY:
                said += text("click.output_only", lang, suffix=value.lower().lstrip("."))
        else:
            said = text("click.bad_value", lang, name=_name(param), value=shown)
    elif err.message.startswith("Got unexpected extra argument"):
        said = text("click.extra_argument", lang)
    elif err.message.startswith(("No such command", "Không có lệnh")):
        import difflib

        name = next((a for a in args if not a.startswith("-")), "")
        meant = difflib.get_close_matches(name, COMMANDS, n=1)
        said = text("click.no_command_meant" if meant else "click.no_command", lang, name=safe_text(name),
                    meant=meant[0] if meant else "")  # fmt: skip
    else:
        said = safe_text(err.format_message()).rstrip(".")
    return said + text("click.see_help", lang, command=where)
