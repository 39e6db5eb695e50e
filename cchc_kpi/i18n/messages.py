"""The message catalogue: every user-facing sentence, in Vietnamese and English.

Core modules describe what happened with a :class:`Message` (a catalogue key and
its parameters); renderers turn it into text in the user's language. Parameters are
formatted here, in one place: integers with the language's thousands separator,
dates as dd/mm/yyyy, lists cut after a dozen items.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from cchc_kpi.i18n.numfmt import Lang, format_date, format_datetime, format_int
from cchc_kpi.i18n.texts.base import TEXTS

_LIST_LIMIT = 12


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
    return str(value)


def text(key: str, lang: Lang = "vi", **params: Any) -> str:
    """Return the catalogue text ``key`` in ``lang`` with ``params`` filled in."""
    vi, en = TEXTS[key]
    template = vi if lang == "vi" else en
    return template.format(**{k: _format_param(v, lang) for k, v in params.items()})


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
