"""Targets (chỉ tiêu giao) per metric, for everyone, a level or a unit, compared on
unrounded values. Each report row of a unit, a level or the whole gets ``<metric>_target``
and ``<metric>_pass`` for every targeted metric (rows of a field, procedure, channel, month
or area are no one's target: both null); a null value is "not enough data" — neither pass
nor fail (``_pass`` null). The most specific target wins: unit, then level, then all.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, field_validator

from cchc_kpi.kpi.metrics import METRIC_NAMES
from cchc_kpi.schema.levels import LEVELS
from cchc_kpi.schema.strict import Strict
from cchc_kpi.schema.textnorm import name_key

Operator = Literal[">=", ">", "<=", "<", "="]

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "=": operator.eq,
}
MARKERS = ("SUBTOTAL", "TOTAL")


class TargetConfig(Strict):
    """A target (chỉ tiêu giao, ``[[targets]]``) for one metric, for everyone, a level or a unit."""

    metric: str
    op: Operator
    value: float
    level: str | None = None
    unit: str | None = None

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, value: str) -> str:
        if value not in METRIC_NAMES:
            raise ValueError("unknown metric")
        return value

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str | None) -> str | None:
        if value is not None and value not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        return value


NOT_TARGETED = ("field", "procedure", "channel", "month", "area")  # group keys no target names


class TargetMiss(BaseModel):
    """A unit, level or the whole whose metric missed its target."""

    scope: str  # the unit's name, the level's key, or TOTAL
    kind: Literal["unit", "level", "total"] = "unit"
    metric: str
    value: float
    op: str
    target: float


def target_for(
    targets: Sequence[TargetConfig], metric: str, unit: str | None, level: str | None
) -> TargetConfig | None:
    candidates = [t for t in targets if t.metric == metric]
    if unit is not None:
        for target in candidates:
            if target.unit is not None and name_key(target.unit) == name_key(unit):
                return target
    if level is not None:
        for target in candidates:
            if target.unit is None and target.level == level:
                return target
    return next((t for t in candidates if t.unit is None and t.level is None), None)


def apply_targets(
    rows: list[dict[str, Any]], targets: Sequence[TargetConfig], levels: dict[str, str]
) -> list[TargetMiss]:
    """Add the target keys to each row (in place); return the misses.

    ``levels`` maps unit names to their levels, for rows grouped by unit.
    """
    metrics = list(dict.fromkeys(t.metric for t in targets))
    misses = []
    for row in rows:
        unit = row.get("unit") if row.get("unit") not in MARKERS else None
        level = row.get("level") if row.get("level") not in MARKERS else None
        if level is None and unit is not None:
            level = levels.get(unit)
        judged = all(key not in row or row[key] in MARKERS for key in NOT_TARGETED)
        kind: Literal["unit", "level", "total"] = (
            "unit" if unit is not None else "level" if level else "total"
        )
        for metric in metrics:
            target = target_for(targets, metric, unit, level) if judged else None
            value = row.get(metric)
            passed = None
            if target is not None and value is not None:
                passed = OPERATORS[target.op](value, target.value)
                if not passed:
                    scope = str(unit or level or "TOTAL")
                    misses.append(
                        TargetMiss(
                            scope=scope,
                            kind=kind,
                            metric=metric,
                            value=value,
                            op=target.op,
                            target=target.value,
                        )
                    )
            row[f"{metric}_target"] = target.value if target else None
            row[f"{metric}_pass"] = passed
    return misses


def targeted_metrics(targets: Sequence[TargetConfig]) -> list[str]:
    """The metrics that have a target, in the order they are configured."""
    return list(dict.fromkeys(t.metric for t in targets))
