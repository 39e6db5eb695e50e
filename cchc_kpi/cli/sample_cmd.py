"""``cchc-kpi sample``: write synthetic exports (demos, tests, benchmarks)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.common import DebugOption, LangOption, QuietOption, note, start


class SampleFormatChoice(StrEnum):
    """Layout of the sample export."""

    csv = "csv"
    dvcqg = "dvcqg"
    xlsx = "xlsx"
    catalog = "catalog"


class UnitSetChoice(StrEnum):
    """Which synthetic units the dossiers belong to."""

    khanh_hoa = "khanh-hoa"
    van_ninh = "van-ninh"
    cam_ranh = "cam-ranh"


def sample_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the export into.")],
    rows: Annotated[int, typer.Option("--rows", "-n", min=1, help="Number of dossiers.")] = 3000,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed (the same seed gives the same file).")
    ] = 2024,
    fmt: Annotated[
        SampleFormatChoice,
        typer.Option(
            "--format",
            "-f",
            help="csv: one-stop list; dvcqg: portal fields; xlsx: vendor report; catalog: procedure list.",
        ),
    ] = SampleFormatChoice.csv,
    units: Annotated[
        UnitSetChoice, typer.Option("--units", help="Synthetic unit set.")
    ] = UnitSetChoice.khanh_hoa,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Tạo dữ liệu mẫu / Write a synthetic dossier export (invented applicants)."""
    language = start(lang, debug, quiet)
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.sample.generate import SampleSpec
    from cchc_kpi.sample.layouts import write_sample

    spec = SampleSpec(rows=rows, seed=seed, units=units.value)
    path = write_sample(out, spec, fmt.value)
    if fmt == SampleFormatChoice.catalog:
        note(text("sample.catalog_written", language, path=str(path)))
    else:
        note(text("sample.written", language, path=str(path), rows=rows))
