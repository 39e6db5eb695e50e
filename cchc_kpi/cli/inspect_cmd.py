"""``cchc-kpi inspect``: how one export file is read (never personal data)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.options import (
    DebugOption,
    FormatOption,
    LangOption,
    QuietOption,
    SetUnitOption,
    SheetOption,
)


def inspect_command(
    path: Annotated[Path, typer.Argument(help="One export file.", show_default=False)],
    sheet: SheetOption = None,
    rows: Annotated[int, typer.Option("--rows", "-n", min=0, help="Dossier rows to preview.")] = 5,
    set_unit: SetUnitOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Show how a file is read: sheets, header, mapping, skipped rows, first rows."""
    from cchc_kpi.cli.common import emit, no_limits, start
    from cchc_kpi.errors import InputError
    from cchc_kpi.ingestion.inspection import inspect_file
    from cchc_kpi.outputs.jobs import inspection_document
    from cchc_kpi.read.limits import Limits

    language = start(lang, debug, quiet)
    if path.is_dir():
        raise InputError("inspect.folder", path=str(path))
    if not path.is_file():
        raise InputError("input.not_found", path=str(path))
    limits = Limits.none() if no_limits() else Limits()
    result = inspect_file(path, sheet=sheet, rows=rows, set_unit=set_unit, lang=language, limits=limits)
    emit(inspection_document(result), fmt, language)
