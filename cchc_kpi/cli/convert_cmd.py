"""``cchc-kpi convert``: exports → the canonical Parquet store (validated, upserted)."""

from __future__ import annotations

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
    note,
    start,
)
from cchc_kpi.cli.run import ConfigOption, load_config, read_inputs
from cchc_kpi.cli.validate_cmd import DuplicateKeyOption, MaxInvalidOption


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
    """Chuyển sang kho Parquet / Convert exports into a Parquet store partitioned by year received.

    Dossiers already in the store (same duplicate key) are replaced by their newer
    version, so converting overlapping exports again adds no duplicates. Exit 1 when
    rejected rows pass --max-invalid (the valid ones are still stored).
    """
    start(lang, debug, quiet)
    from cchc_kpi.atomic import output_lock
    from cchc_kpi.cli.common import STATE
    from cchc_kpi.errors import EXIT_DATA
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.i18n.numfmt import format_int
    from cchc_kpi.ingestion.store import write_store
    from cchc_kpi.ingestion.validate import parse_threshold

    threshold = parse_threshold(max_invalid) if max_invalid is not None else None
    settings = load_config(config)
    specs = list(paths or []) + list(inputs or [])
    key = duplicate_key.value if duplicate_key else None
    dataset, _ = read_inputs(specs, False, [out], set_unit, sheet, skip_bad_files, key, settings)
    with output_lock(out):
        result = write_store(dataset, out)
    accounting = dataset.accounting
    if fmt == OutputFormat.json:
        emit_json({**result.model_dump(), "accounting": accounting.counts()})
    years = [f"{y}: {format_int(n, STATE.lang)}" for y, n in sorted(result.partitions.items())]
    note(text("convert.done", STATE.lang, rows=result.rows_in, store=str(out), inserted=result.inserted,
              replaced=result.replaced, years=years))  # fmt: skip
    for warning in dataset.warnings:
        note(warning.render(STATE.lang))
    if threshold is not None and threshold.exceeded(accounting):
        note(text("validate.exit_rejected", STATE.lang, count=accounting.rows_rejected))
        raise typer.Exit(EXIT_DATA)
