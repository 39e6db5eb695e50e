"""The names of the choices a run takes, each spelt once: the library's options, the
configuration file and the command line's choices all read them here. Imports
nothing heavy, so the command line can offer them without loading the library."""

from __future__ import annotations

from typing import Literal

from cchc_kpi.i18n.numfmt import Lang

Convention = Literal["calendar", "nd09"]  # period convention (domain.md §3)
CompareAt = Literal["date", "datetime"]  # how a close date is compared with the due date (§4)
CompareWith = Literal["previous", "last-year"]  # the earlier period of --compare
DuplicateKey = Literal["unit", "id"]  # what identifies a dossier (§2)
GroupKey = Literal["unit", "level", "area", "field", "procedure", "channel", "month"]
Format = Literal["table", "csv", "tsv", "json", "markdown", "text"]  # --format
NarrativeBy = Literal["level", "unit"]  # the written report's paragraphs
SampleFormat = Literal["csv", "dvcqg", "xlsx", "catalog"]  # layouts of `cchc-kpi sample`

__all__ = [
    "CompareAt", "CompareWith", "Convention", "DuplicateKey", "Format", "GroupKey", "Lang", "NarrativeBy",
    "SampleFormat",
]  # fmt: skip
