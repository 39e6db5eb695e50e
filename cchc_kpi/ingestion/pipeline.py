"""Ingest: inputs → canonical, validated, de-duplicated dossiers, with every row
accounted for. The first half of the pipeline (read → map headers → parse and
validate → de-duplicate); periods and metrics come after it.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from cchc_kpi.config import InputFileRule, ProfileConfig
from cchc_kpi.errors import ConfigError, InputError, UsageError
from cchc_kpi.i18n.messages import Message, text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import Accounting, InputFile, RejectedRow, SkippedFile
from cchc_kpi.ingestion.dates import detect_formats
from cchc_kpi.ingestion.dedupe import DuplicateKey, deduplicate, with_unit_key
from cchc_kpi.ingestion.input_summary import summarise_inputs
from cchc_kpi.ingestion.parse import FILE, SKIP, ParsePlan, build_query, finish_parse
from cchc_kpi.ingestion.plan import check_month_first, date_columns, plan_file
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD, bad_flag
from cchc_kpi.ingestion.store import find_stores, store_dataset
from cchc_kpi.ingestion.warnings import dataset_warnings, total_row_warnings
from cchc_kpi.read.files import resolve_inputs
from cchc_kpi.read.grid import ROW
from cchc_kpi.read.limits import Limits
from cchc_kpi.schema.headers import DEFAULT_ALIASES, AliasTable, alias_table
from cchc_kpi.schema.vocab import VOCABULARIES, with_profile

if TYPE_CHECKING:
    import polars as pl

Progress = Callable[[str], None]


class IngestOptions(BaseModel):
    """How inputs are read."""

    set_unit: str | None = None
    duplicate_key: DuplicateKey = "unit"
    sheet: str | None = None
    skip_bad_files: bool = False
    profile: str | None = None
    profiles: dict[str, ProfileConfig] = Field(default_factory=dict)
    file_rules: list[InputFileRule] = Field(default_factory=list)
    until: date | None = None  # a Parquet store: read only the years up to this day
    limits: Limits = Field(default_factory=Limits.from_environment)

    def rule_for(self, path: Path) -> InputFileRule | None:
        """The configured rule whose glob matches ``path`` (by full path or name)."""
        text = path.as_posix()
        for rule in self.file_rules:
            if fnmatch.fnmatch(text, rule.path) or fnmatch.fnmatch(path.name, rule.path):
                return rule
        return None

    def reading(self, path: Path) -> tuple[str | None, str | None, AliasTable, dict[str, dict[str, object]]]:
        """``(unit, sheet, aliases, words)`` for one input: its rule, profile and defaults."""
        rule = self.rule_for(path)
        name = (rule.profile if rule else None) or self.profile
        profile = self.profiles.get(name) if name else None
        if name and profile is None:
            raise ConfigError("config.no_profile", path=str(path), profile=name)
        aliases = alias_table(profile.aliases) if profile else DEFAULT_ALIASES
        words = with_profile(profile.values) if profile else {k: dict(v) for k, v in VOCABULARIES.items()}
        unit = (rule.unit if rule else None) or self.set_unit
        sheet = (rule.sheet if rule else None) or self.sheet
        return unit, sheet, aliases, words


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
                    column=plan.mapping.header_of(name) or name,
                    reason=text(f"reject.{reason}", lang),
                )
            )
        return rows


class FailedInput(Exception):
    """An input whose full read failed (raised by :func:`_collect`)."""

    def __init__(self, plan: ParsePlan, error: InputError) -> None:
        super().__init__(str(error))
        self.plan, self.error = plan, error


CHUNK_ROWS = 1_000_000
CHUNKED_BYTES = 400 * 2**20  # text exports above this size are parsed in parts


def _collect_one(plan: ParsePlan) -> pl.DataFrame:
    """One input's parsed rows. A big text export (over 400 MB) is read in parts of a
    million rows, each parsed and checked on its own, so that memory holds the parsed
    result and a part, not the whole file's text (workbooks are in memory anyway; units
    from group rows need the rows in one piece)."""
    import polars as pl

    big = plan.grid.path.is_file() and plan.grid.path.stat().st_size > CHUNKED_BYTES
    if plan.grid.eager or plan.units_from_groups or not big:
        return finish_parse(plan, build_query(plan).collect())
    parts = [
        finish_parse(plan, build_query(plan, batch.lazy()).collect())
        for batch in plan.grid.select(plan.indexes).collect_batches(chunk_size=CHUNK_ROWS)
    ]
    return parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical", rechunk=False)


def _collect(plans: Sequence[ParsePlan]) -> list[pl.DataFrame]:
    import polars as pl

    frames = []
    for plan in plans:
        try:
            frames.append(_collect_one(plan))
        except pl.exceptions.PolarsError as exc:
            reason = str(exc).strip().splitlines()[0][:200]
            error = InputError("input.unreadable", file=plan.grid.label, reason=reason)
            raise FailedInput(plan, error) from exc
    return frames


def raw_values(plan: ParsePlan, name: str, rows: pl.Series) -> pl.Series:
    """Return the raw cells of field ``name`` in the given spreadsheet rows."""
    import polars as pl

    raw = plan.raw_column(name)
    assert raw is not None
    frame = plan.grid.select(plan.indexes).filter(pl.col(ROW).is_in(rows.implode()))
    return frame.collect()[raw]


def _extend_date_formats(plan: ParsePlan, frame: pl.DataFrame) -> bool:
    """Add formats used by dates that the sample missed; return whether any were added."""
    import polars as pl

    added = False
    for name in date_columns(plan):
        rows = frame.filter(pl.col(bad_flag(name)))[ROW]
        if rows.is_empty():
            continue
        values = raw_values(plan, name, rows).cast(pl.String).to_list()
        check_month_first(plan, name, values)
        known = plan.date_formats.setdefault(name, [])
        new = [f for f in detect_formats(values) if f not in known]
        if new:
            known.extend(new)
            added = True
    return added


def _plan_all(
    specs: Sequence[str | Path], options: IngestOptions, progress: Progress | None
) -> tuple[list[ParsePlan], list[Message], list[tuple[str, Message]]]:
    plans: list[ParsePlan] = []
    notes: list[Message] = []
    skipped: list[tuple[str, Message]] = []
    for path in resolve_inputs([str(s) for s in specs]):
        if progress:
            progress(str(path))
        try:
            unit, sheet, aliases, words = options.reading(path)
            found, skipped_sheets = plan_file(path, len(plans), unit, sheet, aliases, words, options.limits)
        except InputError as err:
            if not options.skip_bad_files:
                raise
            skipped.append((str(path), err.message))
            continue
        plans += found
        notes += skipped_sheets
    if not plans and skipped:
        raise InputError("input.all_skipped", count=len(skipped))
    return plans, notes, skipped


def _collect_skipping(
    plans: list[ParsePlan], options: IngestOptions, skipped: list[tuple[str, Message]]
) -> tuple[list[ParsePlan], list[pl.DataFrame]]:
    """Collect every plan; with --skip-bad-files, drop the ones that fail and renumber."""
    while True:
        try:
            return plans, _collect(plans)
        except FailedInput as failed:
            if not options.skip_bad_files:
                raise failed.error from failed
            skipped.append((str(failed.plan.grid.path), failed.error.message))
            plans = [p for p in plans if p is not failed.plan]
            for index, plan in enumerate(plans):
                plan.file_index = index
            if not plans:
                raise InputError("input.all_skipped", count=len(skipped)) from failed


def ingest(
    specs: Sequence[str | Path],
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> Dataset:
    """Read, map, parse, validate and de-duplicate the inputs named by ``specs``."""
    import polars as pl

    options = options or IngestOptions()
    stores, exports = find_stores(specs)
    if stores:
        if exports or len(stores) > 1:
            raise UsageError("usage.store_alone")
        return store_dataset(stores[0], options.until, options.duplicate_key)
    plans, notes, skipped = _plan_all(specs, options, progress)
    plans, frames = _collect_skipping(plans, options, skipped)
    redo = [p for p, f in zip(plans, frames, strict=True) if _extend_date_formats(p, f)]
    if redo:
        try:
            again = _collect(redo)
        except FailedInput as failed:
            raise failed.error from failed
        for plan, frame in zip(redo, again, strict=True):
            frames[plan.file_index] = frame
    parsed = frames[0] if len(frames) == 1 else pl.concat(frames, how="vertical", rechunk=False)
    del frames
    dossier_rows = pl.col(SKIP).is_null()
    rejected = parsed.filter(dossier_rows & pl.col(REJECT).is_not_null())
    clean = rejected.is_empty() and parsed.select(dossier_rows.all()).item()
    # millions of rows: no copy when every row is a valid dossier row
    valid = with_unit_key(parsed if clean else parsed.filter(dossier_rows & pl.col(REJECT).is_null()))
    result = deduplicate(valid, options.duplicate_key)
    warnings = notes + total_row_warnings(plans, parsed)
    warnings += dataset_warnings(plans, result, options.set_unit, raw_values)
    return Dataset(
        dossiers=result.dossiers,
        inputs=summarise_inputs(plans, parsed, valid, result.removed_by_file),
        plans=plans,
        rejected=rejected.select(FILE, ROW, REJECT, REJECT_FIELD),
        warnings=warnings,
        skipped_files=skipped,
        duplicate_key=options.duplicate_key,
    )
