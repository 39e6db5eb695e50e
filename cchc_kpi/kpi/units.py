"""The unit hierarchy of the configuration: one name for a unit spelt several
ways, its level and parent, its validity, and the renames / merges of the 2025
reorganisation. ``--as-units DATE`` maps older units onto their successors so
that periods on both sides of 1/7/2025 line up. The "area" of a unit (địa bàn)
is the district (or province) it rolls up to.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pydantic import ConfigDict, Field, field_validator

from cchc_kpi.schema.levels import LEVELS
from cchc_kpi.schema.strict import Strict
from cchc_kpi.schema.textnorm import name_key

if TYPE_CHECKING:
    import polars as pl

AREA_LEVELS = ("district", "province")


class UnitConfig(Strict):
    """A unit of the hierarchy (``[[units]]``): its level, parent, validity and other spellings."""

    name: str
    level: str = "unknown"
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        return value


class MergeConfig(Strict):
    """Units renamed or merged into a successor on ``date`` (``[[merges]]``, e.g. the
    1/7/2025 reorganisation)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    sources: list[str] = Field(alias="from")
    to: str
    date: date


class UnitDirectory:
    """Lookups over the configured units and merges."""

    def __init__(self, units: list[UnitConfig], merges: list[MergeConfig]) -> None:
        self.units = {u.name: u for u in units}
        self.by_key: dict[str, str] = {}
        for unit in units:
            for spelling in [unit.name, *unit.aliases]:
                self.by_key.setdefault(name_key(spelling), unit.name)
        self.merges = sorted(merges, key=lambda m: m.date)

    def __bool__(self) -> bool:
        return bool(self.units or self.merges)

    def canonical(self, key: str) -> str | None:
        """The configured name of a unit key (name or alias), if configured."""
        return self.by_key.get(key)

    def successor(self, key: str, as_units: date) -> str | None:
        """The unit that ``key`` became by ``as_units`` (following chains of merges)."""
        current, moved = key, False
        for merge in self.merges:
            if merge.date <= as_units and current in {name_key(s) for s in merge.sources}:
                current, moved = name_key(merge.to), True
        if not moved:
            return None
        return self.canonical(current) or next(m.to for m in self.merges if name_key(m.to) == current)

    def area(self, name: str) -> str:
        """The district or province a unit rolls up to (itself when it is one, or has no parent)."""
        seen: set[str] = set()
        current = self.units.get(name)
        while current is not None and current.name not in seen:
            if current.level in AREA_LEVELS:
                return current.name
            seen.add(current.name)
            current = self.units.get(current.parent or "")
        return name

    def table(self, keys: list[str], as_units: date | None) -> pl.DataFrame:
        """``_unit_key`` → configured name (after merges), level, area; null where unknown."""
        import polars as pl

        rows = []
        for key in keys:
            moved = self.successor(key, as_units) if as_units else None
            name = moved or self.canonical(key)
            unit = self.units.get(name or "")
            rows.append(
                {
                    "_unit_key": key,
                    "_conf_unit": name,
                    "_conf_level": unit.level if unit else None,
                    "_conf_area": self.area(name) if name else None,
                    "_merged": moved is not None,
                }
            )
        schema = {"_unit_key": pl.String, "_conf_unit": pl.String, "_conf_level": pl.String,
                  "_conf_area": pl.String, "_merged": pl.Boolean}  # fmt: skip
        return pl.DataFrame(rows, schema=schema)

    def outside_validity(self, frame: pl.DataFrame) -> int:
        """How many dossiers were received outside their configured unit's validity."""
        import polars as pl

        count = 0
        for unit in self.units.values():
            if unit.valid_from is None and unit.valid_to is None:
                continue
            keys = [name_key(s) for s in [unit.name, *unit.aliases]]
            received = pl.col("received_at").dt.date()
            outside = pl.lit(False)
            if unit.valid_from:
                outside = outside | (received < unit.valid_from)
            if unit.valid_to:
                outside = outside | (received > unit.valid_to)
            count += frame.filter(pl.col("_unit_key").is_in(keys) & outside).height
        return count
