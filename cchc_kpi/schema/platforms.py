"""What cchc-kpi knows of each one-stop platform, as data: one table per platform in
``cchc_kpi/data/platforms/*.toml`` (from the public evidence in vendor-layouts.md).

A table holds the header texts the platform writes (``aliases``, fee ``parts`` that add
up, ``columns`` read with their own words such as OpenCPS's true/false "Trực tuyến"),
its value words (``values``), the headers that tell its lists apart (``signature``), and
notes on its layout. Every table is part of the default reading, so every platform's
exports are read without a configuration; a configuration profile adds to them.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from importlib import resources

from pydantic import BaseModel, Field

from cchc_kpi.schema.textnorm import clean_text


class ColumnRule(BaseModel):
    """A header read as a field with a vocabulary of its own."""

    field: str
    vocabulary: str | None = None


class Platform(BaseModel):
    """One platform's table."""

    id: str
    name: str
    evidence: str = ""
    needs: str = ""
    signature: list[str] = Field(default_factory=list)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    parts: list[str] = Field(default_factory=list)
    columns: dict[str, ColumnRule] = Field(default_factory=dict)
    values: dict[str, dict[str, str | int | bool]] = Field(default_factory=dict)
    layout: list[str] = Field(default_factory=list)


@functools.cache
def platforms() -> tuple[Platform, ...]:
    """The bundled platform tables, in a fixed order (by file name)."""
    folder = resources.files("cchc_kpi").joinpath("data/platforms")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return tuple(Platform.model_validate(tomllib.loads(f.read_text("utf-8"))) for f in files)


def platform_by_id(platform_id: str) -> Platform | None:
    """The platform of an id (td, opencps, dvcqg), if bundled."""
    return next((p for p in platforms() if p.id == platform_id), None)


SIGNATURE_HITS = 3


def _signature_key(header: str) -> str:
    """Headers compared as written (case and spacing aside, accents kept): "NgayTiepNhan"
    is the portal's field name, "Ngày tiếp nhận" an office's column, though both read as one field."""
    return clean_text(header).lower()


def detect_platform(headers: Sequence[str]) -> Platform | None:
    """The platform whose signature headers a file's headers show most (at least three)."""
    keys = {_signature_key(h) for h in headers if h}
    best: tuple[int, Platform] | None = None
    for platform in platforms():
        hits = sum(1 for h in platform.signature if _signature_key(h) in keys)
        if hits >= SIGNATURE_HITS and (best is None or hits > best[0]):
            best = (hits, platform)
    return best[1] if best else None
