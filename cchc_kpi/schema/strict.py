"""The base of every configuration section: unknown keys are errors (a typo in
``cchc-kpi.toml`` must never be silently ignored)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """A model that refuses keys it does not know."""

    model_config = ConfigDict(extra="forbid")
