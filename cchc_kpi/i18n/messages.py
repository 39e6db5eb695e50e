"""The message catalogue: every user-facing sentence, in Vietnamese and English.

Core modules describe what happened with a :class:`Message` (a catalogue key and
its parameters); renderers turn it into text in the user's language. Parameters are
formatted here, in one place: integers with the language's thousands separator,
dates as dd/mm/yyyy, lists cut after a dozen items, text without control characters and
cut to a bounded length (a file name or a unit cannot move the cursor, colour the
terminal, reorder the line or fill the screen).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from cchc_kpi.i18n.numfmt import Lang, format_date, format_datetime, format_int
from cchc_kpi.i18n.texts.base import TEXTS

_LIST_LIMIT = 12
PARAM_CHARS = 240  # a path or a name in a message, at most
MESSAGE_CHARS = 4000  # a whole message, at most
# C0 and C1 control characters, DEL, and the bidirectional overrides that reorder what a
# terminal shows: never echoed from a file name or a cell into a message
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(value: str, limit: int = PARAM_CHARS) -> str:
    """``value`` fit for a one-line message: control characters shown as "?", cut to
    ``limit`` characters with an ellipsis."""
    value = _UNSAFE.sub("?", value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass(frozen=True)
class Unshown:
    """Values a message leaves out because they may be personal data: shown as a count."""

    count: int


@dataclass(frozen=True)
class Term:
    """A word of the catalogue inside a message (a field's or a kind's name), said in the
    message's language."""

    key: str


def _format_param(value: Any, lang: Lang) -> str:
    if isinstance(value, Term):
        return text(value.key, lang)
    if isinstance(value, Unshown):
        return text("list.unshown", lang, count=value.count)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_int(value, lang)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, (list, tuple)):
        items = [_format_param(v, lang) for v in value[:_LIST_LIMIT]]
        more = len(value) - _LIST_LIMIT
        if more > 0:
            items.append(text("list.more", lang, count=more))
        return ", ".join(items)
    return safe_text(str(value))


def has_text(key: str) -> bool:
    """Whether the catalogue has a text for ``key``."""
    return key in TEXTS


def text(key: str, lang: Lang = "vi", **params: Any) -> str:
    """Return the catalogue text ``key`` in ``lang`` with ``params`` filled in."""
    vi, en = TEXTS[key]
    template = vi if lang == "vi" else en
    return safe_text(template.format(**{k: _format_param(v, lang) for k, v in params.items()}), MESSAGE_CHARS)


@dataclass(frozen=True)
class Message:
    """A catalogue key with its parameters, rendered late in the user's language."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: Lang = "vi") -> str:
        """Return the message text in ``lang``."""
        return text(self.key, lang, **self.params)


def render_all(messages: Sequence[Message], lang: Lang) -> list[str]:
    """Render a list of messages in ``lang``."""
    return [m.render(lang) for m in messages]


def quoted(names: Sequence[str]) -> list[str]:
    """Return ``names`` each in double quotes, for lists inside messages."""
    return [f'"{n}"' for n in names]
