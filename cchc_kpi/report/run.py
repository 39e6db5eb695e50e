"""A run of a period job (report, overdue, score766 …): its period resolved once, its
inputs resolved and read once, its catalogue read once, its dossiers prepared once.

:func:`open_run` returns the :class:`~cchc_kpi.report.prepare.PreparedDossiers` that
every job of the run then takes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from cchc_kpi.calendar.periods import Period, resolve_period
from cchc_kpi.errors import InputError
from cchc_kpi.ingestion.dataset import Dataset, IngestOptions
from cchc_kpi.ingestion.pipeline import Progress, ingest
from cchc_kpi.kpi.procedure_catalog import read_catalog
from cchc_kpi.read.limits import Limits
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.prepare import PreparedDossiers, prepare_dossiers


def run_period(options: ReportOptions) -> Period:
    """The run's period, resolved from its name (a wrong name fails before any file is read)."""
    return resolve_period(options.period, options.convention, options.as_of)


def reach(period: Period, options: ReportOptions) -> tuple[date, date]:
    """The first and last day any figure of a run can look at: the run's period under
    either convention (reconcile recomputes the form under the one not used) and the earlier
    period it compares with. A dossier closed before the first, or arriving after the last,
    counts in none of them."""
    from typing import get_args

    from cchc_kpi.kpi.comparison import earlier_period
    from cchc_kpi.schema.choices import Convention

    periods = [period]
    for convention in get_args(Convention):
        periods.append(resolve_period(options.period, convention, options.as_of))
    if options.compare is not None:
        periods += [earlier_period(p, options.compare) for p in list(periods)]
    return min(p.start for p in periods), max(p.effective_end for p in periods)


def open_run(
    specs: Sequence[str | Path],
    options: ReportOptions,
    reading: IngestOptions | None = None,
    *,
    period: Period | None = None,
    outputs: Sequence[Path] = (),
    progress: Progress | None = None,
) -> PreparedDossiers:
    """Resolve the period (unless given), read the inputs (of a Parquet store only the
    dossiers within the run's :func:`reach`) and the catalogue, and prepare the dossiers;
    ``outputs`` that are any input of the run are refused first."""
    period = period or run_period(options)
    if options.catalog is not None and not options.catalog.exists():
        raise InputError("catalog.not_found", path=str(options.catalog))
    reading = (reading or IngestOptions()).model_copy(
        update=dict(zip(("since", "until"), reach(period, options), strict=True))
    )
    also_read = [p for p in (options.catalog, options.holidays_file) if p is not None]
    dataset = ingest(specs, reading, progress, outputs=outputs, also_read=also_read)
    return prepare_dataset(dataset, options, period, reading.limits)


def prepare_dataset(
    dataset: Dataset, options: ReportOptions, period: Period | None = None, limits: Limits | None = None
) -> PreparedDossiers:
    """An ingested dataset made ready for ``options``: the period resolved (unless given),
    the catalogue read, the dossiers prepared (the library's form of a run)."""
    period = period or run_period(options)
    catalog = read_catalog(options.catalog, limits or Limits()) if options.catalog is not None else None
    return prepare_dossiers(dataset, options, period, catalog)
