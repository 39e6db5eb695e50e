"""The report as data: what ``cchc-kpi report --format json`` prints (domain.md §7).

Rows are dictionaries: ``row_type``, the group keys, then every metric of §5 by
name. Keys starting with ``_`` (the denominators of rates whose base is not a
public metric) stay in the Python object for renderers and are left out of the
serialised report.

A report's rows come as :class:`TreeRows`: the frame they were assembled in, turned into
dictionaries the first time anyone reads them. A CSV of a report whose rows nobody read (no
comparison, no targets) is written from the frame itself: a million groups cost a second,
not the dictionaries' tens.
"""

from __future__ import annotations

from collections import UserList
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import (
    BaseModel,
    Field,
    SerializerFunctionWrapHandler,
    SkipValidation,
    field_serializer,
    model_serializer,
)

from cchc_kpi.ingestion.accounting import RunAccounting
from cchc_kpi.kpi.targets import TargetMiss

if TYPE_CHECKING:
    from collections.abc import Iterable

    import polars as pl


class PeriodInfo(BaseModel):
    """The period as resolved."""

    label: str
    start: date
    end: date
    convention: str
    measured_at: date | None = None


class CompareInfo(BaseModel):
    """The earlier period a report compares with (``--compare``)."""

    kind: str
    period: PeriodInfo


class InputCoverage(BaseModel):
    """One input: its dossiers and the dates they were received."""

    path: str
    sheet: str | None = None
    rows_used: int
    received_first: date | None = None
    received_last: date | None = None


class ReportMetadata(BaseModel):
    """How the report was made."""

    tool_version: str
    generated_at: datetime
    sample: bool = False
    comparison: str = "date"
    compare: str | None = None
    catalog: str | None = None
    service_levels_from_catalog: int = 0
    working_hours: str = "07:30-17:00"
    convention: str = "calendar"
    duplicate_key: str = "unit"
    due_dates_computed: int = 0
    filters: dict[str, list[str]] = Field(default_factory=dict)
    inputs: list[InputCoverage] = Field(default_factory=list)
    choices: dict[str, str] = Field(default_factory=dict)


class TreeRows(UserList[dict[str, Any]]):
    """A report's rows: a sequence of dictionaries made from ``frame`` when first read (a
    ``UserList``: ``list(report.rows)`` for a plain list)."""

    def __init__(self, source: pl.DataFrame | Iterable[dict[str, Any]] = ()) -> None:
        import polars as pl

        self._frame: pl.DataFrame | None = None
        self._rows: list[dict[str, Any]] | None = None
        if isinstance(source, pl.DataFrame):
            self._frame = source
        else:
            self._rows = list(source)

    @property
    def data(self) -> list[dict[str, Any]]:
        if self._rows is None:
            self._rows = self._frame.to_dicts() if self._frame is not None else []
        return self._rows

    @data.setter
    def data(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows

    def __copy__(self) -> TreeRows:
        return TreeRows(list(self.data))

    def untouched_frame(self) -> pl.DataFrame | None:
        """The frame, as long as no one has read (and so perhaps changed) the rows."""
        return self._frame if self._rows is None else None


def public(row: dict[str, Any]) -> dict[str, Any]:
    """A row without its private (``_``) keys."""
    return {k: v for k, v in row.items() if not k.startswith("_")}


class Report(BaseModel):
    """A KPI report for one period."""

    period: PeriodInfo
    compare: CompareInfo | None = None
    group_by: list[str]
    rows: SkipValidation[list[dict[str, Any]]]  # report_for gives TreeRows: no check of a million
    total: dict[str, Any] | None
    accounting: RunAccounting
    warnings: list[str]
    metadata: ReportMetadata
    target_misses: list[TargetMiss] = Field(default_factory=list, exclude=True)

    @field_serializer("rows")
    def _rows(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [public(r) for r in rows]

    @model_serializer(mode="wrap")
    def _without_empty_compare(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if data.get("compare") is None:
            data.pop("compare", None)
        return data

    @field_serializer("total")
    def _total(self, total: dict[str, Any] | None) -> dict[str, Any] | None:
        return public(total) if total is not None else None
