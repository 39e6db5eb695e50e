"""One shape for every command's result, and the text of each ``--format``.

A :class:`Document` holds a result as the output formats need it: the JSON data, the
blocks people read (tables and lines), the machine CSV / TSV, the written text, and
the writers of file types beyond text (.xlsx, .docx). :func:`render_text` turns it
into the text of one format; the command line prints tables on a terminal and
:mod:`cchc_kpi.outputs.files` writes files. Nothing here computes a figure.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.tables import Table, to_delimited, to_markdown
from cchc_kpi.schema.choices import Format

FORMATS: tuple[Format, ...] = ("table", "csv", "tsv", "json", "markdown", "text")
DELIMITERS = {"csv": ",", "tsv": "\t"}


@dataclass(frozen=True)
class Lines:
    """Lines of text among the tables: a titled list (warnings), or plain lines."""

    items: list[str]
    title: str | None = None


Block = Table | Lines
Blocks = Callable[[Lang, bool], list[Block]]  # (language, for a terminal) → blocks
FileWriter = Callable[[Path, Lang], None]


@dataclass(frozen=True)
class Document:
    """A command's result, ready for any output format."""

    data: Any  # what --format json prints (JSON-compatible), or a function that gives it when asked
    blocks: Blocks
    delimited: Callable[[str], str] | None = None  # CSV / TSV for a delimiter; default: the blocks
    text: Callable[[Lang], str] | None = None  # --format text; default: Markdown
    writers: Mapping[str, FileWriter] = field(default_factory=dict)  # ".xlsx" → writer


def json_text(data: Any) -> str:
    """A JSON document as printed and written: UTF-8, indented, not ASCII-escaped."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _lines_text(block: Lines) -> str:
    if block.title is None:
        return "\n".join(block.items) + "\n"
    return "\n".join([block.title, *(f"- {item}" for item in block.items)]) + "\n"


def render_text(document: Document, fmt: Format, lang: Lang) -> str:
    """The document as text in ``fmt`` (any format but the terminal table)."""
    if fmt == "json":
        return json_text(document.data() if callable(document.data) else document.data)
    if fmt in DELIMITERS:
        if document.delimited is not None:
            return document.delimited(DELIMITERS[fmt])
        return "".join(
            to_delimited(b, DELIMITERS[fmt]) if isinstance(b, Table) else _lines_text(b)
            for b in document.blocks(lang, False)
        )
    if fmt == "text" and document.text is not None:
        return document.text(lang)
    out, previous = "", None
    for block in document.blocks(lang, False):
        if isinstance(block, Table):
            out += ("\n" if isinstance(previous, Table) else "") + to_markdown(block, lang)
        else:
            out += _lines_text(block)
        previous = block
    return out
