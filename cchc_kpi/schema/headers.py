"""Header mapping: export column names → canonical fields (domain.md §2).

Aliases match exactly after :func:`~cchc_kpi.textnorm.fold_key` (case, accents,
spacing, punctuation and Unicode form ignored): first the domain's aliases, then the
platforms' (:mod:`cchc_kpi.schema.platforms`), then a profile's. When several columns
claim one field, the alias listed first wins (then the leftmost column) and the others
are reported — except the parts of a field that add up (a fee and a charge column),
which are read together when no column holds the whole. Fuzzy matching is only used for
"did you mean" hints.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cchc_kpi.schema.fields import FIELDS, FIELDS_BY_NAME
from cchc_kpi.schema.platforms import platforms
from cchc_kpi.schema.textnorm import clean_text, fold_key


@dataclass(frozen=True)
class HeaderRule:
    """How a header text is read: as which field, at which priority, with which words."""

    field: str
    priority: int
    vocabulary: str | None = None  # read with this vocabulary instead of the field's own
    part: bool = False  # one of several columns that add up to the field
    source: str = "domain"  # "domain", a platform id, or "profile"


@dataclass(frozen=True)
class MappedColumn:
    """One export column read as a canonical field."""

    field: str
    index: int
    header: str
    vocabulary: str | None = None
    parts: tuple[MappedColumn, ...] = ()  # further columns that add up with this one


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

    def without(self, name: str) -> HeaderMapping:
        """The mapping with field ``name`` left unread (its header among the unmapped)."""
        column = self.columns.get(name)
        if column is None:
            return self
        columns = {k: v for k, v in self.columns.items() if k != name}
        return HeaderMapping(
            columns=columns, conflicts=self.conflicts, unmapped=[*self.unmapped, column.header]
        )


AliasTable = dict[str, HeaderRule]
PROFILE_PRIORITY = 1000  # a profile's aliases rank after the domain's and the platforms'


def alias_table(
    extra: Mapping[str, Sequence[str]] | None = None,
    columns: Mapping[str, tuple[str, str | None]] | None = None,
) -> AliasTable:
    """``fold_key(alias) → rule``: the domain's aliases, the platforms', then ``extra`` (a
    profile's, ranked last) and ``columns`` (header → (field, vocabulary), a profile's)."""
    table: AliasTable = {}

    def add(alias: str, rule: HeaderRule) -> None:
        table.setdefault(fold_key(alias), rule)

    part_keys = {fold_key(p) for spec in FIELDS for p in spec.parts}
    part_keys |= {fold_key(p) for platform in platforms() for p in platform.parts}
    for spec in FIELDS:
        for priority, alias in enumerate([*spec.aliases, spec.name]):
            add(alias, HeaderRule(spec.name, priority, part=fold_key(alias) in part_keys))
    for rank, platform in enumerate(platforms(), start=1):
        for header, rule in platform.columns.items():
            add(header, HeaderRule(rule.field, 100 * rank, rule.vocabulary, source=platform.id))
        for name, aliases in platform.aliases.items():
            for priority, alias in enumerate(aliases):
                part = fold_key(alias) in part_keys
                add(alias, HeaderRule(name, 100 * rank + 1 + priority, part=part, source=platform.id))
    for header, (name, vocabulary) in (columns or {}).items():
        table[fold_key(header)] = HeaderRule(name, PROFILE_PRIORITY, vocabulary, source="profile")
    for name, spellings in (extra or {}).items():
        for priority, alias in enumerate(spellings):
            add(alias, HeaderRule(name, PROFILE_PRIORITY + 1 + priority, source="profile"))
    return table


DEFAULT_ALIASES: AliasTable = alias_table()


def count_alias_matches(cells: Sequence[str | None], aliases: AliasTable = DEFAULT_ALIASES) -> int:
    """Return how many distinct canonical fields the cells of one row name."""
    found = {aliases[k].field for c in cells if c and (k := fold_key(c)) in aliases}
    return len(found)


def _choose(found: list[tuple[HeaderRule, MappedColumn]]) -> tuple[MappedColumn, list[MappedColumn]]:
    """The column a field is read from (with the parts that add up to it) and the ignored ones."""
    ranked = sorted(found, key=lambda rc: (rc[0].part, rc[0].priority, rc[1].index))
    best_rule, best = ranked[0]
    if not best_rule.part:  # a column for the whole wins; parts beside it are the same money
        ignored = [c for r, c in ranked[1:] if not r.part]
        return best, ignored
    parts: list[MappedColumn] = []
    keys: set[str] = set()
    for _, column in sorted(found, key=lambda rc: rc[1].index):
        key = fold_key(column.header)
        if key not in keys:
            keys.add(key)
            parts.append(column)
    head, *rest = parts
    return MappedColumn(head.field, head.index, head.header, head.vocabulary, tuple(rest)), []


def map_headers(headers: Sequence[str], aliases: AliasTable = DEFAULT_ALIASES) -> HeaderMapping:
    """Map export headers to canonical fields; unmatched columns are left unread."""
    claims: dict[str, list[tuple[HeaderRule, MappedColumn]]] = {}
    unmapped: list[str] = []
    for index, raw in enumerate(headers):
        header = clean_text(raw or "")
        rule = aliases.get(fold_key(header)) if header else None
        if rule is None:
            if header:
                unmapped.append(header)
            continue
        claims.setdefault(rule.field, []).append(
            (rule, MappedColumn(rule.field, index, header, rule.vocabulary))
        )
    columns: dict[str, MappedColumn] = {}
    conflicts: list[tuple[MappedColumn, list[MappedColumn]]] = []
    for name, found in claims.items():
        chosen, ignored = _choose(found)
        columns[name] = chosen
        if ignored:
            conflicts.append((chosen, ignored))
    ordered = {spec.name: columns[spec.name] for spec in FIELDS if spec.name in columns}
    return HeaderMapping(columns=ordered, conflicts=conflicts, unmapped=unmapped)


def map_positions(headers: Sequence[str], positions: Mapping[str, int]) -> HeaderMapping:
    """A mapping given by a profile as column positions (1 = the first column), for exports
    whose rows do not line up with their header."""
    columns = {}
    for spec in FIELDS:
        if spec.name in positions:
            index = positions[spec.name] - 1
            columns[spec.name] = MappedColumn(spec.name, index, f"#{index + 1}")  # headers do not line up
    used = {c.index for c in columns.values()}
    unmapped = [clean_text(h) for i, h in enumerate(headers) if h and i not in used]
    return HeaderMapping(columns=columns, unmapped=unmapped)


def closest_header(headers: Sequence[str], field_name: str) -> tuple[str, str] | None:
    """Return ``(header, alias)``: the export header most like an alias of ``field_name``.

    Only a hint for error messages; never used to map a column. Near misses that share a
    word with the alias rank first ("Mã hồ sơ …" for "Mã hồ sơ").
    """
    best: tuple[float, str, str] | None = None
    for raw in headers:
        header = clean_text(raw or "")
        if not header:
            continue
        for alias in FIELDS_BY_NAME[field_name].aliases:
            ratio = difflib.SequenceMatcher(None, fold_key(header), fold_key(alias)).ratio()
            if fold_key(header).startswith(fold_key(alias)) or fold_key(alias).startswith(fold_key(header)):
                ratio += 0.25
            if ratio >= 0.6 and (best is None or ratio > best[0]):
                best = (ratio, header, alias)
    return (best[1], best[2]) if best else None
