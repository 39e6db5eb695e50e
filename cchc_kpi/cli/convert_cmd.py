"""``cchc-kpi convert``: exports → the canonical Parquet store (validated, upserted)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.options import (
    ConfigOption,
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


def convert_command(
    paths: PathsArgument = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The store folder (created, or updated in place).")
    ] = ...,  # type: ignore[assignment]
    inputs: InputOption = None,
    set_unit: SetUnitOption = None,
    sheet: SheetOption = None,
    skip_bad_files: SkipBadFilesOption = False,
    duplicate_key: DuplicateKeyOption = None,
    max_invalid: MaxInvalidOption = None,
    config: ConfigOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Convert exports into a Parquet store by year received (a dossier stored again replaces its copy)."""
    from cchc_kpi.cli.common import announce_skipped, note, start, write_stdout
    from cchc_kpi.cli.progress import progress_display
    from cchc_kpi.cli.run import ingest_options, input_specs, load_settings
    from cchc_kpi.errors import EXIT_DATA
    from cchc_kpi.i18n.messages import render_all, text
    from cchc_kpi.i18n.numfmt import format_int
    from cchc_kpi.ingestion.pipeline import ingest
    from cchc_kpi.ingestion.store_write import write_store
    from cchc_kpi.ingestion.validate import parse_threshold
    from cchc_kpi.outputs.documents import json_text

    start(lang, debug, quiet)
    threshold = parse_threshold(max_invalid)
    settings, language = load_settings(config)
    specs = input_specs(paths, inputs, settings, missing="usage.no_input")
    reading = ingest_options(set_unit, sheet, skip_bad_files, duplicate_key, settings)
    with progress_display(language) as step:
        dataset = ingest(specs, reading, step, outputs=[out])
    announce_skipped(dataset.skipped(language), language)
    result = write_store(dataset, out)  # under the store's own lock
    accounting = dataset.accounting
    if fmt == "json":
        write_stdout(json_text({**result.model_dump(), "accounting": accounting.counts()}))
    years = [f"{y}: {format_int(n, language)}" for y, n in sorted(result.partitions.items())]
    note(text("convert.done", language, rows=result.rows_in, store=str(out), inserted=result.inserted,
              replaced=result.replaced, years=years))  # fmt: skip
    for warning in render_all(dataset.warnings, language):
        note(warning)
    if threshold.exceeded(accounting):
        note(text("validate.exit_rejected", language, count=accounting.rows_rejected))
        raise typer.Exit(EXIT_DATA)
