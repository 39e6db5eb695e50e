"""Row accounting (domain.md §7): every row of every input is used, rejected,
skipped or a duplicate, and ``rows_read`` is always their sum.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


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
