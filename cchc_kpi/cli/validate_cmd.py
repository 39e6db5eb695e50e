"""``cchc-kpi validate``: read exports, account for every row, list what was rejected."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.common import (
    DebugOption,
    FormatOption,
    InputOption,
    LangOption,
    OutputFormat,
    PathsArgument,
    QuietOption,
    SetUnitOption,
    SheetOption,
    SkipBadFilesOption,
    emit_json,
    emit_table,
    note,
    resolve_format,
    start,
)


class DuplicateKeyChoice(StrEnum):
    """What identifies a dossier."""

    unit = "unit"
    id = "id"


DuplicateKeyOption = Annotated[
    DuplicateKeyChoice | None,
    typer.Option(
        "--duplicate-key",
        help="unit: a dossier is (unit, dossier code); id: the code alone (DVCQG codes are unique).",
    ),
]
MaxInvalidOption = Annotated[
    str | None,
    typer.Option("--max-invalid", help="Rejected rows tolerated before exit 1: N rows or P% (default 0)."),
]


def check_outputs_are_not_inputs(outputs: list[Path], inputs: list[str]) -> None:
    """Refuse an output path that is one of the input files."""
    from cchc_kpi.errors import OutputError
    from cchc_kpi.read.files import resolve_inputs

    targets = {p.resolve() for p in outputs}
    for path in resolve_inputs(inputs):
        if path.resolve() in targets:
            raise OutputError("output.is_input", path=str(path))


def validate_command(
    paths: PathsArgument = None,
    inputs: InputOption = None,
    set_unit: SetUnitOption = None,
    sheet: SheetOption = None,
    skip_bad_files: SkipBadFilesOption = False,
    duplicate_key: DuplicateKeyOption = None,
    rejects: Annotated[
        Path | None, typer.Option("--rejects", help="Write one line per rejected row to this CSV.")
    ] = None,
    max_invalid: MaxInvalidOption = None,
    fmt: FormatOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also show the column mapping.")] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="Configuration file (inputs, profiles, duplicate key).")
    ] = None,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Kiểm tra tệp xuất / Check exports: rows read, used, rejected, skipped, duplicated.

    Exit 0 when no row is rejected, 1 when rejected rows pass --max-invalid, 2 on usage or file errors.
    """
    start(lang, debug, quiet)
    from cchc_kpi.atomic import output_lock, write_text_atomic
    from cchc_kpi.cli.common import STATE
    from cchc_kpi.cli.run import load_config, read_inputs
    from cchc_kpi.errors import EXIT_DATA, UsageError
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.ingestion.validate import (
        accounting_table,
        mapping_table,
        parse_threshold,
        rejected_table,
        rejects_table,
        validation_result,
    )
    from cchc_kpi.outputs.tables import to_delimited

    threshold = parse_threshold(max_invalid)
    settings = load_config(config)
    language = STATE.lang
    specs = list(paths or []) + list(inputs or [])
    if not specs and (settings is None or not settings.inputs.paths):
        raise UsageError("usage.no_input")
    key = duplicate_key.value if duplicate_key else None
    outputs = [rejects] if rejects else []
    dataset, _ = read_inputs(specs, False, outputs, set_unit, sheet, skip_bad_files, key, settings)
    result = validation_result(dataset, language)
    if rejects:
        with output_lock(rejects):
            write_text_atomic(rejects, "\ufeff" + to_delimited(rejects_table(result)))
    fmt_ = resolve_format(fmt)
    if fmt_ == OutputFormat.json:
        emit_json(result.model_dump(mode="json"))
    elif fmt_ == OutputFormat.table:
        from cchc_kpi.cli.render import print_lines

        emit_table(accounting_table(result, language), fmt_, language)
        if verbose:
            emit_table(mapping_table(result, language), fmt_, language)
        print_lines(text("validate.warnings", language), result.warnings)
        if result.rejected:
            emit_table(rejected_table(result, language), fmt_, language)
    else:
        emit_table(accounting_table(result, language), fmt_, language)
        for warning in result.warnings:
            note(warning)
    for skipped in result.accounting.skipped_files:
        note(text("validate.skipped_file", language, reason=skipped.reason))
    if threshold.exceeded(result.accounting):
        note(text("validate.exit_rejected", language, count=result.accounting.rows_rejected))
        raise typer.Exit(EXIT_DATA)
