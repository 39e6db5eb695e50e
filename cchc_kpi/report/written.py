"""What the written-report paragraphs say, computed once: the figures of each level
(or unit) and of the whole, the period, and the units in it. The paragraphs
themselves are rendered by :mod:`cchc_kpi.outputs.narrative`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cchc_kpi.calendar.periods import Period
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.kpi.comparison import earlier_period
from cchc_kpi.kpi.targets import TargetConfig
from cchc_kpi.report.build import report_for
from cchc_kpi.report.model import Report
from cchc_kpi.report.prepare import PreparedDossiers
from cchc_kpi.schema.choices import CompareWith, GroupKey, NarrativeBy

COMPARED_RATES = ("on_time_rate", "online_rate")  # the rates the comparison sentence says


@dataclass(frozen=True)
class Change:
    """The whole against the earlier period, as the comparison sentence says it: dossiers
    received now and then, the change as a share of then (hundredths of a percent), and for
    each rate said the change in hundredths of a point between the two rates as printed."""

    received: int
    received_before: int
    share: int  # |now − then| / then, in hundredths of a percent
    points: tuple[tuple[str, int], ...]  # (rate, now − then in hundredths of a point)


def change_of(row: dict[str, Any]) -> Change | None:
    """The change of one compared row (None when the earlier period had no dossier)."""
    from cchc_kpi.i18n.numfmt import percent_hundredths
    from cchc_kpi.kpi.metrics import METRICS_BY_NAME

    before = int(row.get("received_total_prev") or 0)
    if not before:
        return None
    now = int(row["received_total"])
    points = []
    for rate in COMPARED_RATES:
        metric = METRICS_BY_NAME[rate]
        numerator, denominator = str(metric.numerator), str(metric.denominator)
        current = percent_hundredths(int(row.get(numerator) or 0), int(row.get(denominator) or 0))
        previous = percent_hundredths(
            int(row.get(numerator + "_prev") or 0), int(row.get(denominator + "_prev") or 0)
        )
        if row.get(rate) is not None and current is not None and previous is not None:
            points.append((rate, current - previous))
    return Change(now, before, percent_hundredths(abs(now - before), before) or 0, tuple(points))


@dataclass(frozen=True)
class WrittenReport:
    """The figures behind the paragraphs: one report grouped by level or by level and unit
    (with its total, in Biểu 06 order), the period as resolved, the units with dossiers in
    it, what the whole is ("province", "district" with its kind, or None: just units),
    the targets the rows were judged against and, when asked, the earlier period the rows
    are compared with (their ``<metric>_prev`` and ``<metric>_change``) and the opening
    row's change against it."""

    period: Period
    by: NarrativeBy
    grouped: Report
    units: tuple[str, ...]
    whole: tuple[str, str | None] | None = None
    targets: tuple[TargetConfig, ...] = ()
    earlier: Period | None = None
    change: Change | None = None  # the opening row (the whole, or the one group) against ``earlier``


def units_in_period(prepared: PreparedDossiers) -> tuple[str, ...]:
    """The units that ``--by unit`` shows for the period: those with a dossier in it."""
    import polars as pl

    c = pl.col
    in_period = c("k_new") | c("k_carried") | c("k_not_accepted")
    names = prepared.classified().filter(in_period).select(c("g_unit").unique().cast(pl.String)).collect()
    return tuple(sorted(n for n in names["g_unit"].to_list() if n is not None))


def written_report(
    prepared: PreparedDossiers,
    by: NarrativeBy = "level",
    lang: Lang = "vi",
    units: Sequence[str] | None = None,
    compare: CompareWith | None = None,
) -> WrittenReport:
    """The figures of the written report (``units``: the period's units, when known;
    ``compare``: the earlier period the whole is compared with)."""
    units = tuple(units) if units is not None else units_in_period(prepared)
    keys: list[GroupKey] = ["level", "unit"] if by == "unit" or len(units) == 1 else ["level"]
    grouped = report_for(prepared, by=keys, total=True, compare=compare, lang=lang)
    details = [r for r in grouped.rows if r["row_type"] == "detail"]
    opening = details[0] if len(details) == 1 else grouped.total
    return WrittenReport(
        period=prepared.period,
        by=by,
        grouped=grouped,
        units=units,
        whole=_whole(prepared, units),
        targets=tuple(prepared.options.targets),
        earlier=earlier_period(prepared.period, compare) if compare else None,
        change=change_of(opening) if compare and opening is not None else None,
    )


DISTRICT_KINDS = ("thành phố", "thị xã", "quận", "huyện")


def _whole(prepared: PreparedDossiers, units: Sequence[str]) -> tuple[str, str | None] | None:
    """What all the units together are, as the seeds say it ("toàn tỉnh", "toàn huyện"):
    the province when departments or several districts report, a district (and its kind,
    from its name) when one does, a level when all units are of one, else None."""
    from cchc_kpi.schema.textnorm import name_key

    levels = prepared.unit_levels
    present = {levels.get(u) for u in units}
    districts = [u for u in units if levels.get(u) == "district"]
    if len(present) == 1 and None not in present and len(units) > 1:  # one level only: "UBND cấp xã"
        return ("level", next(iter(present)))
    if prepared.options.units or prepared.options.levels:
        return None  # some units only: never "toàn tỉnh"
    if present & {"province", "department"} or len(districts) > 1:
        return ("province", None)
    if len(districts) == 1:
        name = name_key(districts[0])
        return ("district", next((k for k in DISTRICT_KINDS if k in name), "huyện"))
    return None
