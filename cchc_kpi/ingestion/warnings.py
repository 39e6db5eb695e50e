"""Warnings about what was read: column conflicts, cells that could not be read
(counted per column and value), duplicates. Only mapped columns are ever
quoted; applicant columns are never read, so never quoted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cchc_kpi.i18n.messages import Message, Term, Unshown, quoted
from cchc_kpi.ingestion.parse import FILE, GROUP_COUNT, SKIP, ParsePlan
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD, bad_flag
from cchc_kpi.read.grid import ROW
from cchc_kpi.schema.fields import FIELDS, FIELDS_BY_NAME
from cchc_kpi.schema.personal import may_quote
from cchc_kpi.schema.textnorm import clean_text

if TYPE_CHECKING:
    import polars as pl

    from cchc_kpi.ingestion.dedupe import DedupeResult

TOP_VALUES = 5
STATED_COUNT = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")
RawValues = Callable[[ParsePlan, str, "pl.Series"], "pl.Series"]

# field kind → the warning that says what an unreadable cell was taken as
_BAD_VALUE_KEYS = {
    "channel": "warn.bad_channel",
    "status": "warn.bad_status",
    "bool": "warn.bad_bool",
    "datetime_or_bool": "warn.bad_bool",
    "money": "warn.bad_money",
    "number": "warn.bad_number",
    "datetime": "warn.bad_date",
    "service_level": "warn.bad_service_level",
}


def _value_list(values: pl.Series) -> list[str | Unshown]:
    """The unreadable values with their counts: only those that cannot be personal data are
    quoted (short vocabulary-like words); the others are only counted."""
    counts = Counter(clean_text(str(v)) for v in values.to_list() if v is not None)
    ranked = counts.most_common()
    shown = [(v, n) for v, n in ranked if may_quote(v)][:TOP_VALUES]
    out: list[str | Unshown] = [f'"{v}" ({n})' for v, n in shown]
    if len(ranked) > len(shown):
        out.append(Unshown(len(ranked) - len(shown)))
    return out


def _mapping_warnings(plan: ParsePlan, set_unit: str | None) -> list[Message]:
    out = []
    for used, ignored in plan.mapping.conflicts:
        out.append(
            Message(
                "warn.column_conflict",
                {
                    "file": plan.grid.label,
                    "field": used.field,
                    "used": used.header,
                    "ignored": quoted([c.header for c in ignored]),
                },
            )
        )
    columns = plan.mapping.columns
    if set_unit and "unit" in columns:
        out.append(
            Message("warn.set_unit_ignored", {"file": plan.grid.label, "column": columns["unit"].header})
        )
    if "finished_at" not in columns and "returned_at" not in columns:
        out.append(Message("warn.no_close_column", {"file": plan.grid.label}))
    return out


def _bad_value_warnings(plan: ParsePlan, dossiers: pl.DataFrame, raw_values: RawValues) -> list[Message]:
    import polars as pl

    out = []
    flags = [c for c in dossiers.columns if c.startswith("_bad_")]
    rows_of_file = dossiers.select(FILE, "_row", *flags).filter(pl.col(FILE) == plan.file_index)
    for spec in FIELDS:
        if spec.rejects_row or spec.name not in plan.mapping.columns:
            continue
        flag = "apology" if spec.kind == "datetime_or_bool" else spec.name
        rows = rows_of_file.filter(pl.col(bad_flag(flag)))["_row"]
        if rows.is_empty():
            continue
        params: dict[str, Any] = {
            "file": plan.grid.label,
            "column": plan.mapping.columns[spec.name].header,
            "count": rows.len(),
            "values": _value_list(raw_values(plan, spec.name, rows)),
        }
        out.append(Message(_BAD_VALUE_KEYS[spec.kind], params))
    return out


def dataset_warnings(
    plans: list[ParsePlan],
    dedupe: DedupeResult,
    set_unit: str | None,
    raw_values: RawValues,
) -> list[Message]:
    """Return every warning about reading the inputs, in input order."""
    out: list[Message] = []
    for plan in plans:
        out += _mapping_warnings(plan, set_unit)
        out += _bad_value_warnings(plan, dedupe.dossiers, raw_values)
    if dedupe.identical:
        out.append(Message("warn.duplicates_identical", {"count": dedupe.identical}))
    if dedupe.conflicting:
        out.append(
            Message(
                "warn.duplicates_conflicting",
                {"dossiers": dedupe.conflicting, "rows": dedupe.duplicates - dedupe.identical},
            )
        )
    return out


def _count_columns(plan: ParsePlan) -> list[int]:
    """The columns where a total row may state a dossier count: not the money, number and
    date columns (a fee list's total row sums money: "Tổng số … 1,250,000")."""
    not_counts = {
        p.index
        for name, c in plan.mapping.columns.items()
        if FIELDS_BY_NAME[name].kind in ("money", "number", "datetime", "datetime_or_bool")
        for p in (c, *c.parts)
    }
    return [i for i in plan.indexes if i not in not_counts]


MISFIT_SHARE = 0.5
MISFIT_MIN = 5


def misfit_warnings(plans: list[ParsePlan], parsed: pl.DataFrame) -> list[Message]:
    """A loud warning for each mapped column whose cells mostly cannot be read as its field
    (a date column of words, a status column of addresses): the column is likely misnamed or
    the values shifted, and figures that use it would be plausible but wrong."""
    import polars as pl

    c = pl.col
    dossiers = parsed.lazy().filter(c(SKIP).is_null())  # lazy: only the flags are read, never copied
    flags = [spec.name for spec in FIELDS if bad_flag(spec.name) in parsed.columns]
    counts = (
        dossiers.group_by(FILE)
        .agg(
            pl.len().alias("_rows"),
            *[c(bad_flag(n)).sum().alias(n) for n in flags],
            *[
                ((c(REJECT_FIELD) == n) & (c(REJECT) == "bad_date")).sum().alias(f"_rejected_{n}")
                for n in flags
            ],
        )
        .collect()
    )
    out = []
    for row in counts.sort(FILE).iter_rows(named=True):
        plan = plans[row[FILE]]
        for name in flags:
            if name not in plan.mapping.columns:
                continue
            bad = row[name] + row[f"_rejected_{name}"]
            if bad >= MISFIT_MIN and bad >= MISFIT_SHARE * row["_rows"]:
                column = plan.mapping.columns[name].header
                params = {"file": plan.grid.label, "column": column, "bad": bad, "rows": row["_rows"]}
                out.append(Message("warn.column_misfit", {**params, "field": Term(f"field.{name}")}))
    return out


def group_count_warnings(plans: list[ParsePlan], parsed: pl.DataFrame) -> list[Message]:
    """Compare the count each group row states ("UBND xã A ( 64 )") with the dossier rows
    below it, up to the next group row."""
    import polars as pl

    c = pl.col
    if parsed.select(c(GROUP_COUNT).is_null().all()).item():
        return []
    segments = (
        parsed.select(FILE, ROW, SKIP, GROUP_COUNT)
        .sort(FILE, ROW)
        .with_columns((c(SKIP) == "group").fill_null(False).cum_sum().over(FILE).alias("_segment"))
        .group_by(FILE, "_segment")
        .agg(
            c(ROW).filter(c(SKIP) == "group").first().alias("row"),
            c(GROUP_COUNT).filter(c(SKIP) == "group").first().alias("stated"),
            c(SKIP).is_null().sum().alias("read"),
        )
        .filter(c("stated").is_not_null() & (c("stated") != c("read")))
        .sort(FILE, "row")
    )
    return [
        Message(
            "warn.group_mismatch", {"file": plans[f].grid.label, "row": row, "stated": stated, "read": read}
        )
        for f, _, row, stated, read in segments.iter_rows()
    ]


def total_row_warnings(plans: list[ParsePlan], parsed: pl.DataFrame) -> list[Message]:
    """Compare the count a sheet's last total row states with the dossier rows read."""
    import polars as pl

    out = []
    totals = (
        parsed.select(FILE, ROW, SKIP).filter(pl.col(SKIP) == "total").group_by(FILE).agg(pl.col(ROW).max())
    )
    for file_index, row in totals.iter_rows():
        plan = plans[file_index]
        line = plan.grid.select(_count_columns(plan)).filter(pl.col(ROW) == row)
        cells = plan.grid.read(line.collect, plan.notes).row(0)[1:]
        found = STATED_COUNT.search(" ".join(str(c) for c in cells if c))
        if not found:
            continue
        stated = int(re.sub(r"[.,]", "", found.group()))
        read = parsed.select(((pl.col(FILE) == file_index) & pl.col(SKIP).is_null()).sum()).item()
        if stated != read:
            out.append(
                Message(
                    "warn.total_mismatch",
                    {"file": plan.grid.label, "row": row, "stated": stated, "read": read},
                )
            )
    return out


TEXT_FIELDS = ("dossier_id", "unit", "procedure_code", "procedure_name", "field")


def _replaced(column: pl.Series) -> pl.Expr:
    """Whether a cell of ``column`` holds U+FFFD; of a categorical column, looked up in its
    few distinct values (never every row's text)."""
    import polars as pl

    if column.dtype != pl.Categorical:
        return pl.col(column.name).str.contains("\ufffd", literal=True)
    distinct = column.unique().drop_nulls().cast(pl.String)
    broken = distinct.filter(distinct.str.contains("\ufffd", literal=True))
    if broken.is_empty():
        return pl.lit(False)
    return pl.col(column.name).cast(pl.String).is_in(broken.implode())


def invalid_text_warnings(plans: list[ParsePlan], parsed: pl.DataFrame) -> list[Message]:
    """A warning per text export whose read cells held bytes that are not UTF-8 (read as
    U+FFFD, the replacement character): a unit or a procedure may be misspelt by it."""
    import polars as pl

    texts = [p.file_index for p in plans if p.grid.details.get("format") == "csv"]
    columns = [n for n in TEXT_FIELDS if n in parsed.columns]
    if not texts or not columns:
        return []
    broken = pl.any_horizontal([_replaced(parsed[n]) for n in columns])
    counts = (
        parsed.lazy()
        .filter(pl.col(FILE).is_in(texts))
        .group_by(FILE)
        .agg(broken.fill_null(False).sum().alias("n"))
        .collect()
    )
    return [
        Message("warn.invalid_text", {"file": plans[file].grid.label, "count": int(n)})
        for file, n in counts.sort(FILE).iter_rows()
        if n
    ]


def spanned_lines_warnings(plans: list[ParsePlan], parsed: pl.DataFrame) -> list[Message]:
    """A loud warning for a text export some of whose quoted cells span several lines: the
    count of the file's lines read inside cells. A quote that opens a cell and another that
    closes one further down join every line between into one cell, and those dossiers are
    then not counted; a cell with a line break of its own spans two lines."""
    import polars as pl

    counted = [(p, p.grid.line_count) for p in plans if p.grid.line_count is not None]
    if not counted:
        return []
    records = dict(parsed.select(FILE, ROW).group_by(FILE).agg(pl.col(ROW).max()).iter_rows())
    out = []
    for plan, line_count in counted:
        try:
            lines = line_count()
        except OSError:  # the file could not be mapped again: not counted
            continue
        rows = records.get(plan.file_index) or plan.band.end_row
        # header cells written on two lines (an Excel header wrapped with Alt+Enter) are no loss
        top = plan.grid.head[: plan.band.end_row]
        rows += sum(str(cell).count("\n") for line in top for cell in line if cell is not None)
        if lines is not None and lines > rows:
            out.append(Message("warn.cells_span_lines", {"file": plan.grid.label, "lines": lines - rows}))
    return out
