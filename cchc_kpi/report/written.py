"""What the written-report paragraphs say, computed once: the figures of each level
(or unit) and of the whole, the period, and the units in it. The paragraphs
themselves are rendered by :mod:`cchc_kpi.outputs.narrative`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cchc_kpi.calendar.periods import Period
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.report.build import report_for
from cchc_kpi.report.model import Report
from cchc_kpi.report.prepare import PreparedDossiers
from cchc_kpi.schema.choices import NarrativeBy


@dataclass(frozen=True)
class WrittenReport:
    """The figures behind the paragraphs: one report grouped by level or unit (with its
    total), the period as resolved, and the units with dossiers in it."""

    period: Period
    by: NarrativeBy
    grouped: Report
    units: tuple[str, ...]


def units_in_period(prepared: PreparedDossiers) -> tuple[str, ...]:
    """The units that ``--by unit`` shows for the period: those with a dossier in it."""
    import polars as pl

    c = pl.col
    in_period = c("k_new") | c("k_carried") | c("k_not_accepted")
    names = prepared.classified().filter(in_period).select(c("g_unit").cast(pl.String).unique()).collect()
    return tuple(sorted(n for n in names["g_unit"].to_list() if n is not None))


def written_report(
    prepared: PreparedDossiers,
    by: NarrativeBy = "level",
    lang: Lang = "vi",
    units: Sequence[str] | None = None,
) -> WrittenReport:
    """The figures of the written report (``units``: the period's units, when known)."""
    grouped = report_for(prepared, by=[by], total=True, compare=None, lang=lang)
    return WrittenReport(
        period=prepared.period,
        by=by,
        grouped=grouped,
        units=tuple(units) if units is not None else units_in_period(prepared),
    )
