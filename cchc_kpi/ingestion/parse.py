"""One input's grid → canonical dossier rows, in two steps: a lazy Polars query
(:func:`build_query`: row kinds, per-row parses, few-valued columns as categoricals)
and :func:`finish_parse` on its result (few-valued columns parsed once per distinct
value, then the row checks).

Only the mapped columns are selected (unmapped ones, which may hold personal
data, are never materialised). Every row below the header band is kept, with
``_skip`` naming why it is not a dossier (blank, group, total) and ``_reject``
naming why a dossier row is invalid, so that every row is accounted for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cchc_kpi.i18n.messages import Message
from cchc_kpi.ingestion.dates import EXCEL_SERIAL, EXCEL_SERIAL_1904
from cchc_kpi.ingestion.header_band import HeaderBand
from cchc_kpi.ingestion.joined import SHOWN_TEXTS, code_joined, joins
from cchc_kpi.ingestion.row_checks import JOINED, REJECT, REJECT_FIELD, bad_flag, long_flag, reject_columns
from cchc_kpi.ingestion.row_kinds import FIRST_CELL, ROW_KIND_INPUTS, row_kind_columns, row_kind_inputs
from cchc_kpi.ingestion.values import Parsed, parse_field, present
from cchc_kpi.read.grid import EXTRA, ROW, RawGrid, column_name
from cchc_kpi.schema.fields import FIELDS, FieldSpec
from cchc_kpi.schema.headers import HeaderMapping
from cchc_kpi.schema.textnorm import CategoryTables
from cchc_kpi.schema.vocab import VOCABULARIES

if TYPE_CHECKING:
    import polars as pl

FILE = "_file"
SKIP = "_skip"
GROUP_UNIT = "_group_unit"
GROUP_COUNT = "_group_count"  # the dossier count a group row states ("UBND xã A ( 64 )")
RAGGED = "_ragged"  # the row's cells do not line up with the header
PART_PREFIX = "__part"  # working columns of further parts of a field ("__part1_fee_amount")
EXTRA_COLUMNS = ("apology",)
MANY_VALUES = frozenset({"dossier_id", "withdrawal_reason"})  # a value per dossier: parsed row by row
# categorical canonical columns: names that repeat, and the channel and service level words
# (4 bytes a row, not a 16-byte string view and its text)
FEW_TEXTS = ("unit", "procedure_code", "procedure_name", "field", "channel", "service_level")


def canonical_dtypes() -> dict[str, pl.DataType]:
    """Return the dtype of every canonical column (including derived ``apology``)."""
    import polars as pl

    by_kind: dict[str, pl.DataType] = {
        "text": pl.String(),
        "datetime": pl.Datetime("us"),
        "datetime_or_bool": pl.Datetime("us"),
        "bool": pl.Boolean(),
        "money": pl.Int64(),
        "number": pl.Float64(),
        "channel": pl.String(),
        "status": pl.Int8(),
        "service_level": pl.String(),
        "filled": pl.Boolean(),
    }
    dtypes = {spec.name: by_kind[spec.kind] for spec in FIELDS}
    dtypes["apology"] = pl.Boolean()
    for name in FEW_TEXTS:
        dtypes[name] = pl.Categorical()
    return dtypes


def canonical_names() -> list[str]:
    """Return the canonical column names in schema order (with derived ones)."""
    return [spec.name for spec in FIELDS] + list(EXTRA_COLUMNS)


@dataclass
class ParsePlan:
    """Everything needed to build one input's query, decided before any full read."""

    grid: RawGrid
    band: HeaderBand
    mapping: HeaderMapping
    file_index: int
    set_unit: str | None = None
    label_indexes: list[int] = field(default_factory=list)
    date_formats: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, dict[str, object]] = field(default_factory=lambda: dict(VOCABULARIES))
    cell_bytes: int | None = None  # a mapped cell longer than this rejects its row
    ragged: frozenset[int] = frozenset()  # rows whose cells do not line up with the header
    notes: list[Message] = field(default_factory=list)  # what planning decided, to say in warnings
    platform: str | None = None  # the platform the headers look like (schema.platforms)

    def raw_column(self, name: str) -> str | None:
        """Return the grid column that holds canonical field ``name``, if mapped."""
        mapped = self.mapping.columns.get(name)
        return column_name(mapped.index) if mapped else None

    @property
    def indexes(self) -> list[int]:
        """The sheet columns read: the mapped ones (with their parts) and the row-label ones."""
        mapped = [p.index for c in self.mapping.columns.values() for p in (c, *c.parts)]
        return sorted(set(mapped) | set(self.label_indexes))

    @property
    def units_from_groups(self) -> bool:
        """Whether units come from group rows (no unit column, no --set-unit)."""
        return "unit" not in self.mapping.columns and not self.set_unit

    def row_kind_exprs(self) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
        """The ``(kind, group unit, group count)`` expressions over this input's read columns."""
        return row_kind_columns(*self._row_kind_cells())

    def _row_kind_cells(self) -> tuple[list[pl.Expr], pl.Expr | None]:
        import polars as pl

        received = self.raw_column("received_at")
        return [pl.col(column_name(i)) for i in self.indexes], pl.col(received) if received else None

    def repeated_header(self) -> pl.Expr:
        """Whether a row below the band repeats one of the band's rows (an export paged for
        printing repeats its header on every page): the band row's text in the received-date
        column, and in the code column (empty where the band row has none)."""
        import polars as pl

        from cchc_kpi.ingestion.row_kinds import filled

        columns = [c.index for f in ("received_at", "dossier_id") if (c := self.mapping.columns.get(f))]
        repeats = []
        for number in range(self.band.first_row, self.band.end_row + 1):
            cells = self.grid.head[number - 1] if number - 1 < len(self.grid.head) else []
            texts = [
                str(cells[i]).strip() if i < len(cells) and cells[i] is not None else "" for i in columns
            ]
            if not columns or not texts[0]:
                continue
            same = [
                filled(pl.col(column_name(i))).eq_missing(pl.lit(t or None, pl.String))
                for i, t in zip(columns, texts, strict=True)
            ]
            repeats.append(pl.all_horizontal(same))
        return pl.any_horizontal(repeats).fill_null(False) if repeats else pl.lit(False)

    def rows(self, source: pl.LazyFrame | None = None) -> pl.LazyFrame:
        """The rows below the header band (of ``source``, a part of the grid's selected
        columns, when given), with ``_skip`` and ``_group_unit`` (forward-filled when units
        come from group rows).

        A row with a received date is always a dossier row, so the row-kind rules (a
        dozen text operations per cell) are asked only of the rows without one: blank,
        group and total rows, and dossiers missing the date. Those few rows are taken
        aside, their kinds found, and joined back by row number (``when`` would compute
        the rules on every row and keep some). The rows stay in file order.
        """
        import polars as pl

        from cchc_kpi.ingestion.row_kinds import filled

        frame = source if source is not None else self.grid.select(self.indexes, with_extra=True)
        frame = frame.filter(pl.col(ROW) > self.band.end_row)
        repeated = self.repeated_header()
        received = self.raw_column("received_at")
        cells, received_cell = self._row_kind_cells()
        kind, unit, count = row_kind_columns(cells, received_cell, staged=True)
        kind = pl.when(repeated).then(pl.lit("header")).otherwise(kind)
        if (joining := joins(self.grid)) is not None:  # a label holding joined lines names no unit
            unit = pl.when(joining(pl.col(FIRST_CELL)).fill_null(False)).then(pl.lit("")).otherwise(unit)
        named = [kind.alias(SKIP), unit.alias(GROUP_UNIT), count.alias(GROUP_COUNT)]
        if received is None:  # no date to tell dossier rows by: every row is looked at
            rows = frame.with_columns(row_kind_inputs(cells, received_cell)).with_columns(named)
            rows = rows.drop(*ROW_KIND_INPUTS)
        else:
            undated = filled(pl.col(received)).is_null() | repeated
            odd = frame.filter(undated).with_columns(row_kind_inputs(cells, received_cell))
            # joined to the row numbers alone, then set beside the rows (a join would copy them)
            found = frame.select(ROW).join(odd.select(ROW, *named), on=ROW, how="left", maintain_order="left")
            rows = pl.concat([frame, found.drop(ROW)], how="horizontal")
        if not self.units_from_groups:
            return rows
        return rows.with_columns(pl.col(GROUP_UNIT).forward_fill())


def _absent(spec: FieldSpec, plan: ParsePlan) -> dict[str, Parsed]:
    import polars as pl

    dtypes = canonical_dtypes()
    if spec.name == "unit" and plan.set_unit:
        value: pl.Expr = pl.lit(plan.set_unit, pl.String)
    elif spec.name == "unit":
        value = parse_field(spec, pl.col(GROUP_UNIT), pl.String(), [])[spec.name].core
    else:
        value = pl.lit(None, dtypes[spec.name])
    nothing = pl.lit(None, pl.String)
    out = {spec.name: Parsed(value, nothing, pl.String(), checked=False)}
    if spec.kind == "datetime_or_bool":
        out["apology"] = Parsed(pl.lit(None, pl.Boolean), nothing, pl.String(), checked=False)
    return out


def _core(name: str) -> str:
    return f"__core_{name}"


def _parsed(plan: ParsePlan) -> dict[str, Parsed]:
    """How each canonical column comes from this input's columns."""
    import polars as pl

    parsed: dict[str, Parsed] = {}
    for spec in FIELDS:
        mapped = plan.mapping.columns.get(spec.name)
        if mapped is None:
            parsed.update(_absent(spec, plan))
            continue
        formats = plan.date_formats.get(spec.name, [])
        if plan.grid.details.get("date_system") == "1904":  # serial numbers count from 1904
            formats = [EXCEL_SERIAL_1904 if f == EXCEL_SERIAL else f for f in formats]
        few = spec.name not in MANY_VALUES
        words = plan.words
        column = pl.col(column_name(mapped.index))
        parsed.update(parse_field(spec, column, pl.String(), formats, words, few, mapped.vocabulary))
        for number, part in enumerate(mapped.parts, start=1):  # columns that add up (fee + charge)
            piece = parse_field(spec, pl.col(column_name(part.index)), pl.String(), formats, words, few)
            parsed[part_name(spec.name, number)] = piece[spec.name]
    return parsed


def part_name(name: str, number: int) -> str:
    """The working column of the ``number``-th further part of field ``name``."""
    return f"{PART_PREFIX}{number}_{name}"


def field_of(column: str) -> str:
    """The canonical field a working column holds (a part's field, or the column itself)."""
    return column[len(PART_PREFIX) :].split("_", 1)[1] if column.startswith(PART_PREFIX) else column


def _raw(name: str) -> str:
    return f"__raw_{name}"


def build_query(
    plan: ParsePlan, source: pl.LazyFrame | None = None, parsed: dict[str, Parsed] | None = None
) -> pl.LazyFrame:
    """Return the lazy query of one input's rows below the header band (step one of two).

    Fields with a value per dossier (dates, the dossier code) are parsed here, row by
    row: the core (the costly parse) once as a column, then the value and the
    unreadable-cell flag from it. Fields with few distinct values (units, statuses,
    channels, yes / no, fees …) are only turned into categoricals here — cheap and
    compact — and parsed once per distinct value by :func:`finish_parse`. ``parsed``: the
    fields' expressions (:func:`_parsed`), when already built.
    """
    import polars as pl

    dtypes = canonical_dtypes()
    cores, values, flags, raws = [], [], [], []
    if plan.cell_bytes is not None:  # checked on the text as read, before any parse
        flags += [
            (pl.col(column_name(c.index)).str.len_bytes() > plan.cell_bytes)
            .fill_null(False)
            .alias(long_flag(name))
            for name, c in plan.mapping.columns.items()
        ]
    for n, p in (parsed or _parsed(plan)).items():
        if p.per_value is not None:
            raws.append(p.raw.cast(pl.Categorical).alias(_raw(n)))
            continue
        parse, check = p.stages or (p.core, None)
        core = pl.col(_core(n)) if check is None else check(pl.col(_core(n)))
        cores.append(parse.alias(_core(n)))
        values.append(p.value(core).cast(dtypes[field_of(n)]).alias(n))
        flags.append(p.bad(core).alias(bad_flag(n)))
    ragged = pl.col(ROW).is_in(sorted(plan.ragged)) if plan.ragged else pl.lit(False)
    if plan.grid.extra:  # a text row with a cell beyond the header's last: out of line
        ragged = ragged | pl.col(EXTRA).is_not_null()
    joined = code_joined(plan.grid, plan.raw_column("dossier_id"))
    return (
        plan.rows(source)
        .with_columns(cores)
        .select(
            pl.lit(plan.file_index, pl.UInt32).alias(FILE),
            pl.col(ROW).cast(pl.UInt32),
            pl.col(SKIP).cast(pl.Categorical),  # row kinds and reasons: 4 bytes a row, not 16
            pl.col(GROUP_COUNT),
            ragged.alias(RAGGED),
            joined.alias(JOINED),
            *values,
            *flags,
            *raws,
        )
    )


def _added_up(plan: ParsePlan) -> list[pl.Expr]:
    """Fields read from several columns (a fee and a charge): the sum, unreadable when any is."""
    import polars as pl

    out = []
    for name, mapped in plan.mapping.columns.items():
        if not mapped.parts:
            continue
        pieces = [name, *(part_name(name, k) for k in range(1, len(mapped.parts) + 1))]
        out += [
            pl.sum_horizontal(pieces).alias(name),
            pl.any_horizontal([bad_flag(p) for p in pieces]).alias(bad_flag(name)),
        ]
    return out


class InputParser:
    """Parses one input's rows, whole or part by part (:meth:`parse`): the fields' expressions
    built once, and each few-valued field's distinct values parsed once over all the parts."""

    def __init__(self, plan: ParsePlan) -> None:
        self.plan = plan
        self.parsed = _parsed(plan)
        self.tables: dict[str, CategoryTables] = {}  # raw column → its values' tables

    def parse(self, source: pl.LazyFrame | None = None) -> pl.DataFrame:
        """The input's rows (or ``source``'s, a part of them) parsed and checked, in row order."""
        frame = build_query(self.plan, source, self.parsed).collect()
        return finish_parse(self.plan, frame, self.parsed, self.tables)


def parse_rows(plan: ParsePlan, source: pl.LazyFrame | None = None) -> pl.DataFrame:
    """One input's rows (or ``source``'s, a part of them) parsed and checked, in row order."""
    return InputParser(plan).parse(source)


def finish_parse(
    plan: ParsePlan,
    frame: pl.DataFrame,
    parsed: dict[str, Parsed] | None = None,
    tables: dict[str, CategoryTables] | None = None,
) -> pl.DataFrame:
    """Step two: parse the few-valued fields once per distinct value, then check the rows
    (``_reject``, ``_reject_field``); columns in the canonical order. ``tables``: the values
    parsed in earlier parts of the input (kept, and added to)."""
    import polars as pl

    dtypes = canonical_dtypes()
    tables = tables if tables is not None else {}
    added = []
    for n, p in (parsed or _parsed(plan)).items():
        parse = p.per_value
        if parse is None:
            continue

        def unreadable(text: pl.Expr, parse: Callable[[pl.Expr], pl.Expr] = parse) -> pl.Expr:
            return present(text) & parse(text).is_null()

        # the raw cells are categorical: both tables from one pass over the distinct values
        if _raw(n) not in tables:
            funcs = [parse, unreadable] if p.checked else [parse]
            tables[_raw(n)] = CategoryTables(funcs, dtypes[field_of(n)] == pl.Categorical)
        core, *bad = tables[_raw(n)].gather(frame[_raw(n)])
        added += [
            p.value(pl.lit(core)).cast(dtypes[field_of(n)]).alias(n),
            (pl.lit(bad[0]).fill_null(False) if bad else pl.lit(False)).alias(bad_flag(n)),
        ]
    joined = [pl.col(JOINED)]
    if (joining := joins(plan.grid)) is not None:  # the other shown texts: once per distinct value
        for n in [n for n in SHOWN_TEXTS if _raw(n) in frame.columns]:
            table = tables.setdefault(f"{_raw(n)}:joined", CategoryTables([joining]))
            joined.append(pl.lit(table.gather(frame[_raw(n)])[0]).fill_null(False))
    added.append(pl.any_horizontal(joined).alias(JOINED))
    names = canonical_names()
    order = [FILE, ROW, SKIP, GROUP_COUNT, *names, *[bad_flag(n) for n in names]]
    long_fields = [n for n in plan.mapping.columns if long_flag(n) in frame.columns]
    return (  # eager: as one lazy query, a 10M-row export in parts peaked 600 MB higher
        frame.with_columns(added)
        .with_columns(_added_up(plan))
        .select(*order, RAGGED, JOINED, *[long_flag(n) for n in long_fields])
        .with_columns(reject_columns(long_fields))
        .drop(RAGGED, JOINED, *[long_flag(n) for n in long_fields])
        .with_columns(
            pl.when(pl.col(SKIP).is_null()).then(pl.col(c)).cast(pl.Categorical).alias(c)
            for c in (REJECT, REJECT_FIELD)
        )
    )
