"""The QĐ 766 scoring table: groups, criteria, maxima and thresholds.

Bundled as ``data/score766.toml``; the configuration's ``[score766.<criterion>]``
``max`` / ``threshold`` override it (the figures are not published in one
authoritative place and change from year to year). A group's maximum is the sum
of its criteria's.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Literal

from pydantic import BaseModel, Field

from cchc_kpi.schema.strict import Strict

Rule = Literal["metric", "catalog_full", "catalog_payment", "none"]
Reason = Literal["portal", "survey", "catalog"]


class Score766Override(Strict):
    """A criterion's maximum and threshold as the province scores it this year
    (``[score766.<criterion>]``)."""

    max: float | None = Field(default=None, ge=0)
    threshold: float | None = Field(default=None, gt=0, le=1)


class Criterion(BaseModel):
    """One criterion: how many points at most, and how its rate becomes points."""

    id: str
    name_vi: str
    name_en: str
    max: float
    rule: Rule
    metric: str | None = None
    threshold: float | None = None
    reason: Reason | None = None
    overridden: bool = False

    def points(self, rate: float) -> float:
        """Points for a rate: max × min(1, rate / threshold), or max × rate without a
        threshold (to six decimals, so that 8 × 0.7 / 0.8 is 7.0)."""
        share = rate if self.threshold is None else min(1.0, rate / self.threshold)
        return round(self.max * share, 6)


class CriterionGroup(BaseModel):
    """A group of the index (Tiến độ giải quyết, Số hóa hồ sơ …)."""

    id: str
    name_vi: str
    name_en: str
    criteria: list[Criterion]

    @property
    def max(self) -> float:
        """The group's maximum: the sum of its criteria's."""
        return sum(c.max for c in self.criteria)


class ScoreTable(BaseModel):
    """The whole table."""

    groups: list[CriterionGroup]

    @property
    def max(self) -> float:
        """The index's maximum (100 with the bundled table)."""
        return sum(g.max for g in self.groups)


@functools.cache
def bundled_table() -> ScoreTable:
    """The table shipped with cchc-kpi."""
    text = resources.files("cchc_kpi").joinpath("data/score766.toml").read_text("utf-8")
    return ScoreTable.model_validate(tomllib.loads(text))


def criterion_ids() -> list[str]:
    """The criteria a configuration may override."""
    return [c.id for g in bundled_table().groups for c in g.criteria]


def score_table(overrides: Mapping[str, Score766Override] | None = None) -> ScoreTable:
    """The bundled table with the configuration's maxima and thresholds."""
    table = bundled_table().model_copy(deep=True)
    for group in table.groups:
        for index, criterion in enumerate(group.criteria):
            override = (overrides or {}).get(criterion.id)
            if override is None:
                continue
            changes = override.model_dump(exclude_none=True)
            group.criteria[index] = criterion.model_copy(update={**changes, "overridden": True})
    return table
