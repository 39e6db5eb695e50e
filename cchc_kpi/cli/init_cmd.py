"""``cchc-kpi init``: write a commented configuration template that works as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_kpi.cli.common import note, start
from cchc_kpi.cli.options import DebugOption, LangOption, QuietOption


def init_command(
    path: Annotated[Path, typer.Option("--path", help="Where to write the file.")] = Path("cchc-kpi.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOption = None,
    debug: DebugOption = False,
    quiet: QuietOption = False,
) -> None:
    """Write ./cchc-kpi.toml (commented in Vietnamese, works on the sample data)."""
    language = start(lang, debug, quiet)
    from importlib import resources

    from cchc_kpi.atomic import write_text_atomic
    from cchc_kpi.errors import ConfigError
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.sample.bundled import sample_dir

    if path.exists() and not force:
        raise ConfigError("config.exists", path=str(path))
    local = path.resolve().parent / "sample_data"
    sample = "sample_data/" if local.is_dir() else sample_dir().as_posix()
    template = resources.files("cchc_kpi").joinpath("data/cchc-kpi.toml").read_text("utf-8")
    write_text_atomic(path, template.replace("{sample_path}", sample))
    note(text("config.written", language, path=str(path)))
