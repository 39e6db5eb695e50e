"""Row accounting (domain.md §7): every row of every input is used, rejected,
skipped or a duplicate, and ``rows_read`` is always their sum; per input, where its
rows went, its mapping and its coverage.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from cchc_kpi.ingestion.parse import FILE, SKIP, ParsePlan
from cchc_kpi.ingestion.row_checks import REJECT
from cchc_kpi.ingestion.row_kinds import SKIP_KINDS

if TYPE_CHECKING:
    import polars as pl


class Accounting(BaseModel):
    """Where the rows went."""

    rows_read: int = 0
    rows_used: int = 0
    rows_rejected: int = 0
    rows_skipped: int = 0
    duplicates: int = 0

    @property
    def balanced(self) -> bool:
        """Whether rows_read = rows_used + rows_rejected + rows_skipped + duplicates."""
        return self.rows_read == (self.rows_used + self.rows_rejected + self.rows_skipped + self.duplicates)

    def counts(self) -> dict[str, int]:
        """Return the five counts by name."""
        return {k: int(getattr(self, k)) for k in Accounting.model_fields}

    @classmethod
    def total(cls, parts: list[Accounting]) -> Accounting:
        """Return the sum of several accountings."""
        return cls(**{k: sum(getattr(p, k) for p in parts) for k in Accounting.model_fields})


class _Source(BaseModel):
    path: str
    sheet: str | None = None


class InputFile(Accounting, _Source):
    """One input (a file, or one sheet of a workbook) and what was read of it."""

    format: str = "csv"
    encoding: str | None = None
    delimiter: str | None = None
    header_rows: list[int] = Field(default_factory=list)
    columns: dict[str, str] = Field(default_factory=dict)
    unmapped: list[str] = Field(default_factory=list)
    skipped: dict[str, int] = Field(default_factory=dict)
    received_first: date | None = None
    received_last: date | None = None


class SkippedFile(BaseModel):
    """An input left out with --skip-bad-files, and why."""

    path: str
    reason: str


class RunAccounting(Accounting):
    """Totals of a run, with the files left out by --skip-bad-files."""

    skipped_files: list[SkippedFile] = Field(default_factory=list)


class RejectedRow(BaseModel):
    """A rejected row, as the spreadsheet numbers it; never a cell value."""

    row: int
    file: str
    column: str
    reason: str


def summarise_inputs(plans: list[ParsePlan], parsed: pl.DataFrame, valid: pl.Expr) -> list[InputFile]:
    """Return one :class:`InputFile` per plan, its accounting balanced by construction
    (before de-duplication: every ``valid`` row used; see :func:`with_duplicates`)."""
    import polars as pl

    rows = dict(parsed.select(FILE).group_by(FILE).len().iter_rows())  # the one column: no rechunk of all
    kinds = parsed.select(FILE, SKIP).filter(pl.col(SKIP).is_not_null()).group_by(FILE, SKIP).len()
    rejected_rows = parsed.select(FILE, REJECT).filter(pl.col(REJECT).is_not_null())
    rejected = dict(rejected_rows.group_by(FILE).len().iter_rows())
    coverage = (
        parsed.lazy()
        .filter(valid)
        .select(FILE, "received_at")
        .group_by(FILE)
        .agg(
            pl.len(),
            pl.col("received_at").min().dt.date(),
            pl.col("received_at").max().dt.date().alias("last"),
        )
        .collect()
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
                rows_used=n_valid,
                rows_rejected=rejected.get(index, 0),
                rows_skipped=sum(skipped.values()),
                received_first=first,
                received_last=last,
            )
        )
    return summaries


def with_duplicates(inputs: list[InputFile], removed: dict[int, int]) -> list[InputFile]:
    """The inputs with the rows that de-duplication ``removed`` (by input index) moved from
    used to duplicates (the accounting stays balanced)."""
    return [
        item.model_copy(update={"rows_used": item.rows_used - n, "duplicates": item.duplicates + n})
        if (n := removed.get(index, 0))
        else item
        for index, item in enumerate(inputs)
    ]


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
