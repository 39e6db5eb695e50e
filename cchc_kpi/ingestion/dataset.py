"""What ingestion takes and gives: :class:`IngestOptions` (how inputs are read: units,
sheets, vendor profiles, per-file rules, limits) and :class:`Dataset` (the valid,
de-duplicated dossiers and the account of every input row)."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, field_validator

from cchc_kpi.i18n.messages import Message, text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import Accounting, InputFile, RejectedRow, SkippedFile
from cchc_kpi.ingestion.parse import FILE, ParsePlan
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD, WHOLE_ROW
from cchc_kpi.read.grid import ROW
from cchc_kpi.read.limits import Limits
from cchc_kpi.schema.choices import DuplicateKey
from cchc_kpi.schema.fields import FIELDS_BY_NAME
from cchc_kpi.schema.headers import DEFAULT_ALIASES, AliasTable, alias_table
from cchc_kpi.schema.strict import Strict
from cchc_kpi.schema.vocab import VOCABULARIES, with_profile

if TYPE_CHECKING:
    import polars as pl


class InputFileRule(Strict):
    """Settings for the input files whose path matches ``path`` (a glob; ``[[inputs.files]]``)."""

    path: str
    unit: str | None = None
    profile: str | None = None
    sheet: str | None = None


class ProfileColumn(Strict):
    """A header a profile reads as a field, with a vocabulary of its own (optional)."""

    field: str
    vocabulary: str | None = None


class ProfileConfig(Strict):
    """A vendor profile (``[profiles.<name>]``): extra header aliases, headers read with
    their own words, value words, and — for exports whose rows do not line up with their
    header — the fields' column positions (1 = the first column)."""

    aliases: dict[str, list[str]] = Field(default_factory=dict)
    columns: dict[str, ProfileColumn] = Field(default_factory=dict)
    values: dict[str, dict[str, str | int | bool]] = Field(default_factory=dict)
    positions: dict[str, int] = Field(default_factory=dict)

    @field_validator("aliases", "positions")
    @classmethod
    def _known_fields(cls, value: dict[str, Any]) -> dict[str, Any]:
        unknown = [k for k in value if k not in FIELDS_BY_NAME]
        if unknown:
            raise ValueError(f"unknown field {unknown[0]}")
        return value

    @field_validator("columns")
    @classmethod
    def _known_column_fields(cls, value: dict[str, ProfileColumn]) -> dict[str, ProfileColumn]:
        for column in value.values():
            if column.field not in FIELDS_BY_NAME:
                raise ValueError(f"unknown field {column.field}")
            if column.vocabulary is not None and column.vocabulary not in VOCABULARIES:
                raise ValueError(f"unknown vocabulary {column.vocabulary} (use {', '.join(VOCABULARIES)})")
        return value

    @field_validator("values")
    @classmethod
    def _known_vocabularies(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        unknown = [k for k in value if k not in VOCABULARIES]
        if unknown:
            raise ValueError(f"unknown vocabulary {unknown[0]} (use {', '.join(VOCABULARIES)})")
        return value


class IngestOptions(BaseModel):
    """How inputs are read."""

    set_unit: str | None = None
    duplicate_key: DuplicateKey = "unit"
    sheet: str | None = None
    skip_bad_files: bool = False
    profile: str | None = None
    profiles: dict[str, ProfileConfig] = Field(default_factory=dict)
    file_rules: list[InputFileRule] = Field(default_factory=list)
    # a Parquet store: leave out the dossiers closed before ``since`` or arriving after ``until``
    since: date | None = None
    until: date | None = None
    limits: Limits = Field(default_factory=Limits)
    # files the run reads besides its inputs (the configuration): never an output
    protected: list[Path] = Field(default_factory=list)
    # files a folder may hold that are not exports of this run (reconcile's --against form)
    exclude: list[Path] = Field(default_factory=list)

    def rule_for(self, path: Path) -> InputFileRule | None:
        """The configured rule whose glob matches ``path`` (by full path or name)."""
        posix = path.as_posix()
        for rule in self.file_rules:
            if fnmatch.fnmatch(posix, rule.path) or fnmatch.fnmatch(path.name, rule.path):
                return rule
        return None

    def reading(self, path: Path) -> Reading:
        """How one input is read: its rule, its profile and the defaults."""
        from cchc_kpi.errors import ConfigError

        rule = self.rule_for(path)
        name = (rule.profile if rule else None) or self.profile
        profile = self.profiles.get(name) if name else None
        if name and profile is None:
            raise ConfigError("config.no_profile", path=str(path), profile=name)
        if profile is not None:
            columns = {h: (c.field, c.vocabulary) for h, c in profile.columns.items()}
            aliases = alias_table(profile.aliases, columns)
            words = with_profile(profile.values)
        else:
            aliases, words = DEFAULT_ALIASES, {k: dict(v) for k, v in VOCABULARIES.items()}
        return Reading(
            unit=(rule.unit if rule else None) or self.set_unit,
            sheet=(rule.sheet if rule else None) or self.sheet,
            aliases=aliases,
            words=words,
            positions=dict(profile.positions) if profile else {},
            profile=name,
        )


@dataclass(frozen=True)
class Reading:
    """How one input is read: a unit for it, its sheet, the header aliases, the value words
    and the column positions a profile gives."""

    unit: str | None
    sheet: str | None
    aliases: AliasTable
    words: dict[str, dict[str, object]]
    positions: dict[str, int]
    profile: str | None = None


@dataclass
class Dataset:
    """Valid, de-duplicated dossiers and the account of every input row."""

    dossiers: pl.DataFrame
    inputs: list[InputFile]
    plans: list[ParsePlan]
    rejected: pl.DataFrame
    warnings: list[Message] = field(default_factory=list)
    skipped_files: list[tuple[str, Message]] = field(default_factory=list)
    duplicate_key: DuplicateKey = "unit"
    stored_fields: frozenset[str] | None = None  # a Parquet store: the fields its exports had

    @property
    def accounting(self) -> Accounting:
        """Totals over all inputs."""
        return Accounting.total(list(self.inputs))

    def skipped(self, lang: Lang = "vi") -> list[SkippedFile]:
        """Files left out with --skip-bad-files, and why."""
        return [SkippedFile(path=p, reason=m.render(lang)) for p, m in self.skipped_files]

    def fields_present(self, name: str) -> list[int]:
        """Return the input indexes whose export has a column for field ``name``."""
        if self.stored_fields is not None:
            return [0] if name in self.stored_fields else []
        return [p.file_index for p in self.plans if name in p.mapping.columns]

    def rejected_rows(self, lang: Lang = "vi") -> list[RejectedRow]:
        """Return the rejected rows with the export's column names and reasons in ``lang``."""
        rows = []
        for file_index, row, reason, name in self.rejected.select(
            FILE, ROW, REJECT, REJECT_FIELD
        ).iter_rows():
            plan = self.plans[file_index]
            rows.append(
                RejectedRow(
                    row=row,
                    file=plan.grid.label,
                    column=text("col.whole_row", lang)
                    if name == WHOLE_ROW
                    else plan.mapping.header_of(name) or name,
                    reason=text(f"reject.{reason}", lang),
                )
            )
        return rows
