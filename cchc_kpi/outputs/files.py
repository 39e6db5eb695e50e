"""Writing a result to a file: the file's suffix names the format (``.csv`` UTF-8 with a
BOM so that Excel reads Vietnamese, ``.tsv``, ``.json``, ``.md``, and the document's own
writers such as ``.xlsx``); every file is written atomically under the output lock."""

from __future__ import annotations

from pathlib import Path

from cchc_kpi.atomic import output_lock, write_text_atomic
from cchc_kpi.errors import UsageError
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.outputs.documents import Document, render_text
from cchc_kpi.outputs.tables import Table, to_delimited
from cchc_kpi.schema.choices import Format

TEXT_SUFFIXES: dict[str, Format] = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".md": "markdown"}
BOM = "\ufeff"


def suffixes(document: Document) -> list[str]:
    """The file suffixes a document can be written as."""
    return [*TEXT_SUFFIXES, *document.writers]


def write_output(path: Path, document: Document, lang: Lang) -> None:
    """Write ``document`` to ``path`` in the format its suffix names."""
    suffix = path.suffix.lower()
    writer = document.writers.get(suffix)
    fmt = TEXT_SUFFIXES.get(suffix)
    if writer is None and fmt is None:
        raise UsageError("usage.bad_output", suffix=path.suffix or "?")
    with output_lock(path):
        if writer is not None:
            writer(path, lang)
            return
        chosen: Format = fmt or "csv"
        content = render_text(document, chosen, lang)
        write_text_atomic(path, BOM + content if chosen == "csv" else content)


def write_csv(path: Path, table: Table) -> None:
    """Write one table as CSV (UTF-8 with a BOM), whatever the file's suffix (``--rejects``)."""
    with output_lock(path):
        write_text_atomic(path, BOM + to_delimited(table))
