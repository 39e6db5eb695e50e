"""``cchc-kpi validate``: read exports, account for every row, list what was rejected."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.options import (
    DebugOption,
    DuplicateKeyOption,
    FormatOption,
    InputOption,
    LangOption,
    MaxInvalidOption,
    PathsArgument,
    QuietOption,
    SetUnitOption,
    SheetOption,
    SkipBadFilesOption,
)


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
    """Check exports: rows read, used, rejected, skipped, duplicated."""
    from cchc_kpi.cli.common import announce_skipped, emit, note, resolve_format, start
    from cchc_kpi.cli.progress import progress_display
    from cchc_kpi.cli.run import ingest_options, input_specs, load_settings
    from cchc_kpi.errors import EXIT_DATA
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.ingestion.pipeline import ingest
    from cchc_kpi.ingestion.validate import parse_threshold, validation_result
    from cchc_kpi.outputs.files import write_csv
    from cchc_kpi.outputs.jobs import validation_document
    from cchc_kpi.outputs.views import rejects_table

    start(lang, debug, quiet)
    threshold = parse_threshold(max_invalid)
    settings, language = load_settings(config)
    specs = input_specs(paths, inputs, settings, missing="usage.no_input")
    reading = ingest_options(set_unit, sheet, skip_bad_files, duplicate_key, settings)
    with progress_display(language) as step:
        dataset = ingest(specs, reading, step, outputs=[rejects] if rejects else [])
    result = validation_result(dataset, language)
    if rejects:
        write_csv(rejects, rejects_table(result))
    shown = resolve_format(fmt)
    emit(validation_document(result, verbose), shown, language)
    if shown not in ("table", "json"):
        for warning in result.warnings:
            note(warning)
    announce_skipped(result.accounting.skipped_files, language)
    if threshold.exceeded(result.accounting):
        note(text("validate.exit_rejected", language, count=result.accounting.rows_rejected))
        raise typer.Exit(EXIT_DATA)
