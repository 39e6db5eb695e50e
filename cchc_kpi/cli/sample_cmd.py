"""``cchc-kpi sample``: write synthetic exports (demos, tests, benchmarks)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from cchc_kpi.cli.common import note, start
from cchc_kpi.cli.options import DebugOption, LangOption, QuietOption
from cchc_kpi.schema.choices import SampleFormat

UnitSet = Literal["khanh-hoa", "van-ninh", "cam-ranh"]  # the keys of sample.world.UNIT_SETS (a test checks)


def sample_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the export into.")],
    rows: Annotated[int, typer.Option("--rows", "-n", min=1, help="Number of dossiers.")] = 3000,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed (the same seed gives the same file).")
    ] = 2024,
    fmt: Annotated[
        SampleFormat,
        typer.Option(
            "--format",
            "-f",
            help="csv: one-stop list; dvcqg: portal fields; xlsx: vendor report; catalog: procedure list.",
        ),
    ] = "csv",
    units: Annotated[UnitSet, typer.Option("--units", help="Synthetic unit set.")] = "khanh-hoa",
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Write a synthetic dossier export (invented applicants)."""
    language = start(lang, debug, quiet)
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.sample.generate import SampleSpec
    from cchc_kpi.sample.layouts import write_sample

    spec = SampleSpec(rows=rows, seed=seed, units=units)
    path = write_sample(out, spec, fmt)
    if fmt == "catalog":
        note(text("sample.catalog_written", language, path=str(path)))
    else:
        note(text("sample.written", language, path=str(path), rows=rows))
