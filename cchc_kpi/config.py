"""``cchc-kpi.toml``: the settings an office keeps for its scheduled runs.

Found with ``--config``, else ``./cchc-kpi.toml``, else in the user's config
folder (``$XDG_CONFIG_HOME/cchc-kpi/cchc-kpi.toml``, ``~/.config/…``). Parsed with
tomllib and validated by Pydantic; an error names the key (and the line when it
can be found) and exits 2. Command-line options override the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cchc_kpi.errors import ConfigError
from cchc_kpi.kpi.metrics import METRIC_NAMES
from cchc_kpi.schema.levels import LEVELS

CONFIG_NAME = "cchc-kpi.toml"
Operator = Literal[">=", ">", "<=", "<", "="]


class Strict(BaseModel):
    """Unknown keys are errors (a typo must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid")


class InputFileRule(Strict):
    """Settings for the input files whose path matches ``path`` (a glob)."""

    path: str
    unit: str | None = None
    profile: str | None = None
    sheet: str | None = None


class InputsConfig(Strict):
    """Which files to read."""

    paths: list[str] = Field(default_factory=list)
    catalog: str | None = None
    profile: str | None = None
    files: list[InputFileRule] = Field(default_factory=list)


class ReportDefaults(Strict):
    """Defaults of report options."""

    convention: Literal["calendar", "nd09"] = "calendar"
    compare_at: Literal["date", "datetime"] = "date"
    duplicate_key: Literal["unit", "id"] = "unit"
    lang: Literal["vi", "en"] = "vi"
    format: Literal["table", "csv", "tsv", "json", "markdown", "text"] | None = None
    by: list[str] = Field(default_factory=list)
    output: str | None = None  # template with {period} {start} {end} {today}
    working_hours: str = "07:30-17:00"
    holidays_file: str | None = None


class CalendarDayConfig(Strict):
    """A day off or make-up working day added to the calendar."""

    date: date
    kind: Literal["off", "workday"]
    name: str = ""
    source: str = "unverified"


class UnitConfig(Strict):
    """A unit of the hierarchy: its level, parent, validity and other spellings."""

    name: str
    level: str = "unknown"
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        return value


class MergeConfig(Strict):
    """Units renamed or merged into a successor on ``date`` (e.g. the 1/7/2025 reorganisation)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    sources: list[str] = Field(alias="from")
    to: str
    date: date


class ProfileConfig(Strict):
    """A vendor profile: extra header aliases and value words."""

    aliases: dict[str, list[str]] = Field(default_factory=dict)
    values: dict[str, dict[str, str | int | bool]] = Field(default_factory=dict)

    @field_validator("aliases")
    @classmethod
    def _known_fields(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        from cchc_kpi.schema.fields import FIELDS_BY_NAME

        unknown = [k for k in value if k not in FIELDS_BY_NAME]
        if unknown:
            raise ValueError(f"unknown field {unknown[0]}")
        return value

    @field_validator("values")
    @classmethod
    def _known_vocabularies(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        from cchc_kpi.schema.vocab import VOCABULARIES

        unknown = [k for k in value if k not in VOCABULARIES]
        if unknown:
            raise ValueError(f"unknown vocabulary {unknown[0]} (use {', '.join(VOCABULARIES)})")
        return value


class TargetConfig(Strict):
    """A target (chỉ tiêu giao) for one metric, for everyone, a level or a unit."""

    metric: str
    op: Operator
    value: float
    level: str | None = None
    unit: str | None = None

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, value: str) -> str:
        if value not in METRIC_NAMES:
            raise ValueError("unknown metric")
        return value

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str | None) -> str | None:
        if value is not None and value not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        return value


class Score766Override(Strict):
    """A QĐ 766 criterion's maximum and threshold as the province scores it this year."""

    max: float | None = Field(default=None, ge=0)
    threshold: float | None = Field(default=None, gt=0, le=1)


class Config(Strict):
    """The whole configuration file."""

    inputs: InputsConfig = Field(default_factory=InputsConfig)
    report: ReportDefaults = Field(default_factory=ReportDefaults)
    calendar: list[CalendarDayConfig] = Field(default_factory=list)
    units: list[UnitConfig] = Field(default_factory=list)
    merges: list[MergeConfig] = Field(default_factory=list)
    profiles: dict[str, ProfileConfig] = Field(default_factory=dict)
    targets: list[TargetConfig] = Field(default_factory=list)
    score766: dict[str, Score766Override] = Field(default_factory=dict)
    path: Path | None = Field(default=None, exclude=True)

    @field_validator("score766")
    @classmethod
    def _known_criteria(cls, value: dict[str, Score766Override]) -> dict[str, Score766Override]:
        from cchc_kpi.kpi.score766_criteria import criterion_ids

        unknown = [k for k in value if k not in criterion_ids()]
        if unknown:
            raise ValueError(f"unknown criterion {unknown[0]} (use {', '.join(criterion_ids())})")
        return value

    def resolve(self, relative: str) -> str:
        """A path written in the file, relative to the file's folder."""
        if self.path is None or os.path.isabs(relative):
            return relative
        return str(self.path.parent / relative)


def find_config(explicit: Path | None = None) -> Path | None:
    """Return the configuration file to use, or None."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("config.not_found", path=str(explicit))
        return explicit
    local = Path.cwd() / CONFIG_NAME
    if local.is_file():
        return local
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    user = base / "cchc-kpi" / CONFIG_NAME
    return user if user.is_file() else None


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
        text = path.read_text("utf-8-sig")
    except OSError as exc:
        raise ConfigError("config.unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("config.syntax", path=str(path), reason=str(exc)) from exc
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
