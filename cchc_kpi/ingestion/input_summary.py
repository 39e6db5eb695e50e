"""Per-input summaries: where each input's rows went, its mapping and coverage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_kpi.ingestion.accounting import InputFile
from cchc_kpi.ingestion.parse import FILE, SKIP, ParsePlan
from cchc_kpi.ingestion.row_checks import REJECT
from cchc_kpi.ingestion.row_kinds import SKIP_KINDS

if TYPE_CHECKING:
    import polars as pl


def summarise_inputs(
    plans: list[ParsePlan], parsed: pl.DataFrame, valid: pl.DataFrame, removed: dict[int, int]
) -> list[InputFile]:
    """Return one :class:`InputFile` per plan, its accounting balanced by construction."""
    import polars as pl

    rows = dict(parsed.group_by(FILE).len().iter_rows())
    kinds = parsed.select(FILE, SKIP).filter(pl.col(SKIP).is_not_null()).group_by(FILE, SKIP).len()
    rejected_rows = parsed.select(FILE, REJECT).filter(pl.col(REJECT).is_not_null())
    rejected = dict(rejected_rows.group_by(FILE).len().iter_rows())
    coverage = (
        valid.select(FILE, "received_at")
        .group_by(FILE)
        .agg(
            pl.len(),
            pl.col("received_at").min().dt.date(),
            pl.col("received_at").max().dt.date().alias("last"),
        )
    )
    covered = {r[0]: r[1:] for r in coverage.iter_rows()}
    summaries = []
    for plan in plans:
        index = plan.file_index
        skipped = band_skips(plan)
        for _, kind, n in kinds.filter(pl.col(FILE) == index).iter_rows():
            skipped[kind] = skipped.get(kind, 0) + n
        skipped = {k: skipped[k] for k in SKIP_KINDS if k in skipped}  # one order, whatever the hashing
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
