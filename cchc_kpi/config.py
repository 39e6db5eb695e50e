"""``cchc-kpi.toml``: the settings an office keeps for its scheduled runs.

Found with ``--config``, else ``./cchc-kpi.toml``, else in the user's configuration
folder (``platformdirs``: ``$XDG_CONFIG_HOME/cchc-kpi/`` or ``~/.config/cchc-kpi/`` on
Linux, ``%APPDATA%\\cchc-kpi\\`` on Windows). Parsed with tomllib and validated by
Pydantic; an error names the key (and the line when it can be found) and exits 2.
Command-line options override the file. The sections' models live with the stage
they configure (units and targets in ``kpi``, calendar days in ``calendar``, input
rules and vendor profiles in ``ingestion``); this module composes them.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from cchc_kpi.calendar.working_calendar import CalendarDay
from cchc_kpi.errors import ConfigError
from cchc_kpi.ingestion.dataset import InputFileRule, ProfileConfig
from cchc_kpi.kpi.score766_criteria import Score766Override, criterion_ids
from cchc_kpi.kpi.targets import TargetConfig
from cchc_kpi.kpi.units import MergeConfig, UnitConfig
from cchc_kpi.outputs.form import FormSignature
from cchc_kpi.read.source import SMALL_FILE_BYTES, read_small_file
from cchc_kpi.schema.choices import CompareAt, Convention, DuplicateKey, Format, Lang
from cchc_kpi.schema.strict import Strict

CONFIG_NAME = "cchc-kpi.toml"


class InputsConfig(Strict):
    """Which files to read (``[inputs]``)."""

    paths: list[str] = Field(default_factory=list)
    catalog: str | None = None
    profile: str | None = None
    files: list[InputFileRule] = Field(default_factory=list)


class ReportDefaults(Strict):
    """Defaults of report options (``[report]``)."""

    convention: Convention = "calendar"
    compare_at: CompareAt = "date"
    duplicate_key: DuplicateKey = "unit"
    lang: Lang = "vi"
    format: Format | None = None
    by: list[str] = Field(default_factory=list)
    output: str | None = None  # template with {period} {start} {end} {today}
    output_anywhere: bool = False  # let the output template leave the configuration's folder
    working_hours: str = "07:30-17:00"
    holidays_file: str | None = None


class Config(Strict):
    """The whole configuration file."""

    inputs: InputsConfig = Field(default_factory=InputsConfig)
    report: ReportDefaults = Field(default_factory=ReportDefaults)
    calendar: list[CalendarDay] = Field(default_factory=list)
    units: list[UnitConfig] = Field(default_factory=list)
    merges: list[MergeConfig] = Field(default_factory=list)
    profiles: dict[str, ProfileConfig] = Field(default_factory=dict)
    targets: list[TargetConfig] = Field(default_factory=list)
    score766: dict[str, Score766Override] = Field(default_factory=dict)
    form: FormSignature = Field(default_factory=FormSignature)  # who reports and signs Biểu 06
    path: Path | None = Field(default=None, exclude=True)

    @field_validator("score766")
    @classmethod
    def _known_criteria(cls, value: dict[str, Score766Override]) -> dict[str, Score766Override]:
        unknown = [k for k in value if k not in criterion_ids()]
        if unknown:
            raise ValueError(f"unknown criterion {unknown[0]} (use {', '.join(criterion_ids())})")
        return value

    def resolve(self, relative: str) -> str:
        """A path written in the file, relative to the file's folder."""
        if self.path is None or os.path.isabs(relative):
            return relative
        return str(self.path.parent / relative)


TEMPLATE_FIELDS = ("period", "start", "end", "today")


def fill_template(template: str, values: dict[str, str]) -> str | None:
    """``template`` with its ``{period}`` ``{start}`` ``{end}`` ``{today}`` filled; None when it
    uses anything else (another name, an attribute, an index, a format or a conversion)."""
    import string

    out = []
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:  # an unmatched brace
        return None
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if name not in TEMPLATE_FIELDS or spec or conversion:
            return None
        out.append(values[name])
    return "".join(out)


def configured_output(config: Config, values: dict[str, str]) -> Path | None:
    """The configuration's output file for a run (``[report] output``, relative to the
    file's folder), which must stay inside that folder unless ``output_anywhere = true``."""
    template = config.report.output
    if not template:
        return None
    filled = fill_template(template, values)
    where = str(config.path) if config.path else CONFIG_NAME
    if filled is None:
        raise ConfigError("config.bad_template", path=where, template=template, allowed=_allowed())
    target = Path(config.resolve(filled))
    if config.path is not None and not config.report.output_anywhere:
        folder = config.path.parent.resolve()
        if not target.resolve().is_relative_to(folder):
            raise ConfigError("config.output_outside", path=where, target=str(target), folder=str(folder))
    return target


def _allowed() -> str:
    return ", ".join("{" + name + "}" for name in TEMPLATE_FIELDS)


def find_config(explicit: Path | None = None) -> Path | None:
    """Return the configuration file to use, or None."""
    if explicit is not None:
        if not explicit.exists():
            raise ConfigError("config.not_found", path=str(explicit))
        return explicit
    local = Path.cwd() / CONFIG_NAME
    if local.is_file():
        return local
    user = user_config_dir() / CONFIG_NAME
    return user if user.is_file() else None


def user_config_dir() -> Path:
    """The user's configuration folder of cchc-kpi on this system."""
    import platformdirs

    return Path(platformdirs.user_config_dir("cchc-kpi", appauthor=False, roaming=True))


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _location(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_config(path: Path) -> Config:
    """Read and validate a configuration file."""
    try:
        text = read_small_file(path, SMALL_FILE_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("config.not_utf8", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its text is English: only where it is said
        import re

        found = re.search(r"line (\d+), column (\d+)", str(exc))
        where = (
            {"line": int(found.group(1)), "column": int(found.group(2))}
            if found
            else {"line": "?", "column": "?"}
        )
        raise ConfigError("config.syntax", path=str(path), **where) from exc
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        key = next((p for p in reversed(loc) if isinstance(p, str)), "")
        line = _line_of(text, key) if key else None
        reason = first["msg"].removeprefix("Value error, ")
        params = {"path": str(path), "setting": _location(loc), "reason": reason}
        if line:
            raise ConfigError("config.invalid_line", line=line, **params) from None
        raise ConfigError("config.invalid", **params) from None
    config.path = path
    return config


def discover(explicit: Path | None = None) -> Config | None:
    """Find and load the configuration, or return None when there is none."""
    path = find_config(explicit)
    return load_config(path) if path else None
