"""The ``validate`` job: what was read of each input and what was rejected.

:func:`validate` returns a :class:`ValidationResult` whose JSON is exactly what
``cchc-kpi validate --format json`` prints; :func:`validation_tables` gives the
tables people see. No cell value of any row is ever part of either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import BaseModel

from cchc_kpi.errors import UsageError
from cchc_kpi.i18n.messages import render_all, text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import Accounting, InputFile, RejectedRow, RunAccounting
from cchc_kpi.ingestion.pipeline import Dataset, IngestOptions, Progress, ingest
from cchc_kpi.outputs.tables import Column, Table

ROWS_SHOWN_PER_REASON = 20


class ValidationResult(BaseModel):
    """Accounting, per-input detail, warnings and rejected rows."""

    accounting: RunAccounting
    files: list[InputFile]
    warnings: list[str]
    rejected: list[RejectedRow]


class Threshold(BaseModel):
    """How many rejected rows are tolerated: a count, or a percentage of dossier rows."""

    count: int | None = None
    percent: Decimal | None = None

    def exceeded(self, accounting: Accounting) -> bool:
        """Whether the rejected rows are past this threshold."""
        rejected = accounting.rows_rejected
        if self.percent is not None:
            dossier_rows = accounting.rows_used + accounting.rows_rejected + accounting.duplicates
            return rejected * 100 > self.percent * dossier_rows
        return rejected > (self.count or 0)


def parse_threshold(value: str | None) -> Threshold:
    """Parse ``--max-invalid``: ``10`` (rows) or ``0.5%`` / ``0,5%`` (of dossier rows)."""
    if value is None:
        return Threshold(count=0)
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


def _accounting_columns(lang: Lang) -> list[Column]:
    return [
        Column(key="file", label=text("col.file", lang)),
        *[Column(key=k, label=text(f"col.{k}", lang), kind="int") for k in Accounting.model_fields],
    ]


def accounting_table(result: ValidationResult, lang: Lang) -> Table:
    """One row per input and a total row: where the rows went."""
    rows = [{"file": f.path if not f.sheet else f"{f.path}[{f.sheet}]", **f.counts()} for f in result.files]
    rows.append({"file": "TOTAL", **result.accounting.counts()})
    return Table(title=text("validate.title", lang), columns=_accounting_columns(lang), rows=rows)


def mapping_table(result: ValidationResult, lang: Lang) -> Table:
    """The column mapping found in each input."""
    columns = [
        Column(key="file", label=text("col.file", lang)),
        Column(key="field", label=text("col.field", lang)),
        Column(key="column", label=text("col.column", lang)),
    ]
    rows = [
        {"file": f.path, "field": field, "column": header}
        for f in result.files
        for field, header in f.columns.items()
    ]
    return Table(title=text("validate.mapping", lang), columns=columns, rows=rows)


def rejected_table(result: ValidationResult, lang: Lang) -> Table:
    """Rejected rows grouped by file, column and reason, with their row numbers."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for r in result.rejected:
        groups.setdefault((r.file, r.column, r.reason), []).append(r.row)
    columns = [
        Column(key="file", label=text("col.file", lang)),
        Column(key="column", label=text("col.column", lang)),
        Column(key="reason", label=text("col.reason", lang)),
        Column(key="count", label=text("col.count", lang), kind="int"),
        Column(key="rows", label=text("col.rows", lang)),
    ]
    rows = []
    for (file, column, reason), numbers in groups.items():
        shown = ", ".join(str(n) for n in numbers[:ROWS_SHOWN_PER_REASON])
        if len(numbers) > ROWS_SHOWN_PER_REASON:
            shown += " " + text("list.more", lang, count=len(numbers) - ROWS_SHOWN_PER_REASON)
        rows.append({"file": file, "column": column, "reason": reason, "count": len(numbers), "rows": shown})
    return Table(title=text("validate.rejected", lang), columns=columns, rows=rows)


def rejects_table(result: ValidationResult) -> Table:
    """One line per rejected row (row, file, column, reason), for ``--rejects``."""
    columns = [Column(key=k, label=k) for k in ("row", "file", "column", "reason")]
    return Table(columns=columns, rows=[r.model_dump() for r in result.rejected])
