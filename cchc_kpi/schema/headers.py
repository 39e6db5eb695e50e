"""Header mapping: export column names → canonical fields (domain.md §2).

Aliases match exactly after :func:`~cchc_kpi.schema.textnorm.fold_key` (case, accents,
spacing, punctuation and Unicode form ignored). When several columns claim one
field, the alias listed first wins (then the leftmost column) and the others
are reported. Fuzzy matching is only used for "did you mean" hints.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cchc_kpi.schema.fields import FIELDS, FIELDS_BY_NAME
from cchc_kpi.schema.textnorm import clean_text, fold_key


@dataclass(frozen=True)
class MappedColumn:
    """One export column read as a canonical field."""

    field: str
    index: int
    header: str


@dataclass(frozen=True)
class HeaderMapping:
    """Which columns of one export are read, and which are not."""

    columns: dict[str, MappedColumn]
    conflicts: list[tuple[MappedColumn, list[MappedColumn]]] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    def header_of(self, name: str) -> str | None:
        """Return the export's header for canonical field ``name``, if mapped."""
        column = self.columns.get(name)
        return column.header if column else None


AliasTable = dict[str, tuple[str, int]]


def alias_table(extra: Mapping[str, Sequence[str]] | None = None) -> AliasTable:
    """Return ``fold_key(alias) → (field, priority)``; ``extra`` aliases rank after the built-in ones."""
    table: AliasTable = {}
    for spec in FIELDS:
        names = [*spec.aliases, spec.name, *(extra or {}).get(spec.name, ())]
        for priority, alias in enumerate(names):
            table.setdefault(fold_key(alias), (spec.name, priority))
    return table


DEFAULT_ALIASES: AliasTable = alias_table()


def count_alias_matches(cells: Sequence[str | None], aliases: AliasTable = DEFAULT_ALIASES) -> int:
    """Return how many distinct canonical fields the cells of one row name."""
    found = {aliases[k][0] for c in cells if c and (k := fold_key(c)) in aliases}
    return len(found)


def map_headers(headers: Sequence[str], aliases: AliasTable = DEFAULT_ALIASES) -> HeaderMapping:
    """Map export headers to canonical fields; unmatched columns are left unread."""
    claims: dict[str, list[tuple[int, MappedColumn]]] = {}
    unmapped: list[str] = []
    for index, raw in enumerate(headers):
        header = clean_text(raw or "")
        hit = aliases.get(fold_key(header)) if header else None
        if hit is None:
            if header:
                unmapped.append(header)
            continue
        name, priority = hit
        claims.setdefault(name, []).append((priority, MappedColumn(name, index, header)))
    columns: dict[str, MappedColumn] = {}
    conflicts: list[tuple[MappedColumn, list[MappedColumn]]] = []
    for name, found in claims.items():
        ranked = [c for _, c in sorted(found, key=lambda pc: (pc[0], pc[1].index))]
        columns[name] = ranked[0]
        if len(ranked) > 1:
            conflicts.append((ranked[0], ranked[1:]))
    ordered = {spec.name: columns[spec.name] for spec in FIELDS if spec.name in columns}
    return HeaderMapping(columns=ordered, conflicts=conflicts, unmapped=unmapped)


def closest_header(headers: Sequence[str], field_name: str) -> tuple[str, str] | None:
    """Return ``(header, alias)``: the export header most like an alias of ``field_name``.

    Only a hint for error messages; never used to map a column.
    """
    best: tuple[float, str, str] | None = None
    for raw in headers:
        header = clean_text(raw or "")
        if not header:
            continue
        for alias in FIELDS_BY_NAME[field_name].aliases:
            ratio = difflib.SequenceMatcher(None, fold_key(header), fold_key(alias)).ratio()
            if ratio >= 0.6 and (best is None or ratio > best[0]):
                best = (ratio, header, alias)
    return (best[1], best[2]) if best else None
