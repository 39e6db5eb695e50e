"""The ``validate`` job: what was read of each input and what was rejected, and the
threshold of rejected rows a run tolerates.

:func:`validate` returns a :class:`ValidationResult` whose JSON is exactly what
``cchc-kpi validate --format json`` prints (its tables for people are in
:mod:`cchc_kpi.outputs.views`). No cell value of any row is ever part of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import BaseModel

from cchc_kpi.errors import UsageError
from cchc_kpi.i18n.messages import render_all
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import Accounting, InputFile, RejectedRow, RunAccounting
from cchc_kpi.ingestion.dataset import Dataset, IngestOptions
from cchc_kpi.ingestion.pipeline import Progress, ingest


class ValidationResult(BaseModel):
    """Accounting, per-input detail, warnings and rejected rows."""

    accounting: RunAccounting
    files: list[InputFile]
    warnings: list[str]
    rejected: list[RejectedRow]


class Threshold(BaseModel):
    """How many rejected rows are tolerated: a count, or a percentage of dossier rows (with
    at least ``at_least`` rows tolerated); ``majority``: more than half the dossier rows
    rejected always exceeds it."""

    count: int | None = None
    percent: Decimal | None = None
    at_least: int = 0
    majority: bool = False

    def exceeded(self, accounting: Accounting) -> bool:
        """Whether the rejected rows are past this threshold."""
        rejected = accounting.rows_rejected
        dossier_rows = accounting.rows_used + accounting.rows_rejected + accounting.duplicates
        if self.majority and 2 * rejected > dossier_rows:
            return True
        if self.percent is not None:
            return rejected > self.at_least and rejected * 100 > self.percent * dossier_rows
        return rejected > (self.count or 0)


# validate, report and convert without --max-invalid: a handful of rejected rows in a big
# export pass (cron stays quiet), a broken export — more than 1% and more than 10 rows, or
# most of its rows — fails
DEFAULT_THRESHOLD = Threshold(percent=Decimal(1), at_least=10, majority=True)


def parse_threshold(value: str | None) -> Threshold:
    """Parse ``--max-invalid``: ``10`` (rows) or ``0.5%`` / ``0,5%`` (of dossier rows);
    none given: :data:`DEFAULT_THRESHOLD`."""
    if value is None:
        return DEFAULT_THRESHOLD
    raw = value.strip()
    try:
        if raw.endswith("%"):
            percent = Decimal(raw[:-1].strip().replace(",", "."))
            if percent < 0:
                raise InvalidOperation
            return Threshold(percent=percent)
        if re.fullmatch(r"\d+", raw):
            return Threshold(count=int(raw))
    except InvalidOperation:
        pass
    raise UsageError("usage.bad_max_invalid", value=value)


def validation_result(dataset: Dataset, lang: Lang = "vi") -> ValidationResult:
    """Assemble the validation result of an ingested dataset."""
    return ValidationResult(
        accounting=RunAccounting(**dataset.accounting.counts(), skipped_files=dataset.skipped(lang)),
        files=dataset.inputs,
        warnings=render_all(dataset.warnings, lang),
        rejected=dataset.rejected_rows(lang),
    )


def validate(
    inputs: Sequence[str | Path],
    options: IngestOptions | None = None,
    lang: Lang = "vi",
    progress: Progress | None = None,
) -> ValidationResult:
    """Read and check ``inputs``; return what was used, rejected, skipped, duplicated."""
    return validation_result(ingest(inputs, options, progress), lang)
