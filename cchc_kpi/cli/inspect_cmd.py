"""``cchc-kpi inspect``: how one export file is read (never personal data)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.common import (
    DebugOption,
    FormatOption,
    LangOption,
    OutputFormat,
    QuietOption,
    SetUnitOption,
    SheetOption,
    emit_json,
    emit_table,
    resolve_format,
    start,
    write_stdout,
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
    """Xem cách đọc một tệp / Show how a file is read: sheets, header, mapping, skipped rows, first rows."""
    language = start(lang, debug, quiet)
    from cchc_kpi.errors import InputError
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.ingestion.inspection import column_table, inspect_file, preview_table

    if not path.is_file():
        raise InputError("input.not_found", path=str(path))
    result = inspect_file(path, sheet=sheet, rows=rows, set_unit=set_unit, lang=language)
    fmt_ = resolve_format(fmt)
    if fmt_ == OutputFormat.json:
        emit_json(result.model_dump(mode="json"))
        return
    for found in result.sheets:
        lines = [text("inspect.sheet", language, path=found.path, sheet=found.sheet or "-")]
        lines += [f"  {k}: {v}" for k, v in found.details.items()]
        if found.problem:
            write_stdout("\n".join([*lines, "  " + found.problem]) + "\n\n")
            continue
        band = ", ".join(str(r) for r in found.header_rows)
        lines.append(text("inspect.header", language, rows=band, numbered=found.numbered_row or "-"))
        skipped = ", ".join(f"{k} {v}" for k, v in found.skipped.items())
        lines.append(text("inspect.rows", language, dossiers=found.dossier_rows, skipped=skipped))
        write_stdout("\n".join(lines) + "\n")
        emit_table(column_table(found, language), fmt_, language)
        if found.preview:
            emit_table(preview_table(found, language), fmt_, language)
        write_stdout("\n")
