"""Ingest: inputs → canonical, validated, de-duplicated dossiers, with every row
accounted for. The first half of the pipeline (read → map headers → parse and
validate → de-duplicate); periods and metrics come after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from cchc_kpi.accounting import Accounting, InputFile, RejectedRow
from cchc_kpi.dateparse import detect_formats
from cchc_kpi.dedupe import DuplicateKey, deduplicate, unit_key_expr
from cchc_kpi.errors import InputError
from cchc_kpi.grid import ROW
from cchc_kpi.ingest_warnings import dataset_warnings
from cchc_kpi.inputs import resolve_inputs
from cchc_kpi.messages import Message, text
from cchc_kpi.numfmt import Lang
from cchc_kpi.parse import FILE, SKIP, ParsePlan, build_query
from cchc_kpi.planning import check_month_first, date_columns, plan_input
from cchc_kpi.readers import open_grids
from cchc_kpi.rowchecks import REJECT, REJECT_FIELD, bad_flag

if TYPE_CHECKING:
    import polars as pl

Progress = Callable[[str], None]


class IngestOptions(BaseModel):
    """How inputs are read."""

    set_unit: str | None = None
    duplicate_key: DuplicateKey = "unit"
    sheet: str | None = None


@dataclass
class Dataset:
    """Valid, de-duplicated dossiers and the account of every input row."""

    dossiers: pl.DataFrame
    inputs: list[InputFile]
    plans: list[ParsePlan]
    rejected: pl.DataFrame
    warnings: list[Message] = field(default_factory=list)

    @property
    def accounting(self) -> Accounting:
        """Totals over all inputs."""
        return Accounting.total(list(self.inputs))

    def fields_present(self, name: str) -> list[int]:
        """Return the input indexes whose export has a column for field ``name``."""
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


def _collect(plans: Sequence[ParsePlan]) -> list[pl.DataFrame]:
    import polars as pl

    queries = [build_query(p) for p in plans]
    try:
        return pl.collect_all(queries)
    except pl.exceptions.PolarsError:
        pass
    frames = []
    for plan, query in zip(plans, queries, strict=True):
        try:
            frames.append(query.collect())
        except pl.exceptions.PolarsError as exc:
            reason = str(exc).strip().splitlines()[0][:200]
            raise InputError("input.unreadable", file=plan.grid.label, reason=reason) from exc
    return frames


def raw_values(plan: ParsePlan, name: str, rows: pl.Series) -> pl.Series:
    """Return the raw cells of field ``name`` in the given spreadsheet rows."""
    import polars as pl

    raw = plan.raw_column(name)
    assert raw is not None
    return plan.grid.frame.select(ROW, raw).filter(pl.col(ROW).is_in(rows.implode())).collect()[raw]


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


def _summaries(
    plans: list[ParsePlan], parsed: pl.DataFrame, valid: pl.DataFrame, removed: dict[int, int]
) -> list[InputFile]:
    import polars as pl

    rows = dict(parsed.group_by(FILE).len().iter_rows())
    kinds = parsed.filter(pl.col(SKIP).is_not_null()).group_by(FILE, SKIP).len()
    rejected = dict(parsed.filter(pl.col(REJECT).is_not_null()).group_by(FILE).len().iter_rows())
    coverage = valid.group_by(FILE).agg(
        pl.len(),
        pl.col("received_at").min().dt.date(),
        pl.col("received_at").max().dt.date().alias("last"),
    )
    covered = {r[0]: r[1:] for r in coverage.iter_rows()}
    summaries = []
    for plan in plans:
        index = plan.file_index
        skipped = band_skips(plan)
        for _, kind, n in kinds.filter(pl.col(FILE) == index).iter_rows():
            skipped[kind] = skipped.get(kind, 0) + n
        n_valid, first, last = covered.get(index, (0, None, None))
        summaries.append(
            InputFile(
                path=str(plan.grid.path),
                sheet=plan.grid.sheet,
                format=plan.grid.details.get("format", "csv"),
                encoding=plan.grid.details.get("encoding"),
                delimiter=plan.grid.details.get("delimiter"),
                header_rows=list(range(plan.band.first_row, plan.band.last_row + 1)),
                columns={n: c.header for n, c in plan.mapping.columns.items()},
                unmapped=plan.mapping.unmapped,
                skipped=skipped,
                rows_read=plan.band.end_row + rows.get(index, 0),
                rows_used=n_valid - removed.get(index, 0),
                rows_rejected=rejected.get(index, 0),
                rows_skipped=sum(skipped.values()),
                duplicates=removed.get(index, 0),
                received_first=first,
                received_last=last,
            )
        )
    return summaries


def band_skips(plan: ParsePlan) -> dict[str, int]:
    """Count the rows of the header band by kind: title (or blank) rows, header, numbered."""
    band = plan.band
    above = plan.grid.head[: band.first_row - 1]
    blank = sum(1 for row in above if not any(c not in (None, "") for c in row))
    counts = {
        "title": len(above) - blank,
        "blank": blank,
        "header": band.last_row - band.first_row + 1,
        "numbered": 1 if band.numbered_row else 0,
    }
    return {k: v for k, v in counts.items() if v}


def ingest(
    specs: Sequence[str | Path],
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> Dataset:
    """Read, map, parse, validate and de-duplicate the inputs named by ``specs``."""
    import polars as pl

    options = options or IngestOptions()
    plans: list[ParsePlan] = []
    for path in resolve_inputs([str(s) for s in specs]):
        if progress:
            progress(str(path))
        for grid in open_grids(path, options.sheet):
            plans.append(plan_input(grid, len(plans), set_unit=options.set_unit))
    frames = _collect(plans)
    redo = [p for p, f in zip(plans, frames, strict=True) if _extend_date_formats(p, f)]
    if redo:
        for plan, frame in zip(redo, _collect(redo), strict=True):
            frames[plan.file_index] = frame
    parsed = pl.concat(frames, how="vertical")
    dossier_rows = pl.col(SKIP).is_null()
    rejected = parsed.filter(dossier_rows & pl.col(REJECT).is_not_null())
    valid = parsed.filter(dossier_rows & pl.col(REJECT).is_null()).with_columns(unit_key_expr())
    result = deduplicate(valid, options.duplicate_key)
    inputs = _summaries(plans, parsed, valid, result.removed_by_file)
    warnings = dataset_warnings(plans, result, options.set_unit, raw_values)
    return Dataset(
        dossiers=result.dossiers,
        inputs=inputs,
        plans=plans,
        rejected=rejected.select(FILE, ROW, REJECT, REJECT_FIELD),
        warnings=warnings,
    )
