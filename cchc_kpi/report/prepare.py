"""The dossiers of a run made ready for every figure of its period, once.

:func:`prepare_dossiers` adds the group columns (unit as shown, level, area, field,
procedure, channel), applies the filters, completes missing due dates from the
working calendar, fills service levels from the procedure catalogue and computes the
period-independent classification columns. The result, :class:`PreparedDossiers`,
is what every job of the report layer takes: the report and its regroupings, the
overdue list, the QĐ 766 estimate and the workbook's content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from cchc_kpi.calendar.due_dates import COMPUTED, with_computed_due, workday_index
from cchc_kpi.calendar.periods import Period, months_within
from cchc_kpi.calendar.working_calendar import CalendarDay, load_overrides
from cchc_kpi.ingestion.dataset import Dataset
from cchc_kpi.kpi.classify import Comparison, classify, prepare
from cchc_kpi.kpi.filters import apply_filters
from cchc_kpi.kpi.grouping import with_group_columns
from cchc_kpi.kpi.metrics import FEE_PAID, OPTIONAL
from cchc_kpi.kpi.procedure_catalog import Catalog, with_catalog_levels
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.schema.fields import NEVER_ACCEPTED

if TYPE_CHECKING:
    import polars as pl

    from cchc_kpi.calendar.workdays import WorkdayIndex

# optional metric column → the canonical field that carries it
FIELD_OF_OPTIONAL = {"apology": "apology_at"}
# the group key columns of the prepared dossiers (see kpi.grouping); g_month per month only
GROUP_COLUMNS = ("g_unit", "g_level", "g_area", "g_field", "g_procedure", "g_channel", "g_month")


@dataclass(frozen=True)
class PreparedDossiers:
    """A run's dossiers, ready for any figure of its period; computed once, passed down."""

    dataset: Dataset
    options: ReportOptions
    period: Period
    frame: pl.DataFrame
    present: tuple[str, ...]
    catalog: Catalog | None = None
    calendar_days: tuple[CalendarDay, ...] = ()
    due_dates_computed: int = 0
    service_levels_from_catalog: int = 0
    _partials: dict[tuple[object, ...], pl.DataFrame] = field(default_factory=dict, repr=False, compare=False)
    _classified: dict[tuple[object, ...], pl.DataFrame] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def comparison(self) -> Comparison:
        """How close dates are compared with due dates."""
        return self.options.comparison()

    @cached_property
    def workdays(self) -> WorkdayIndex | None:
        """The working-day index covering every date of the dossiers (None without dates)."""
        return workday_index(self.frame, list(self.calendar_days)) if self.frame.height else None

    @cached_property
    def unit_levels(self) -> dict[str, str]:
        """Each unit's level, as the report groups them."""
        import polars as pl

        pairs = self.frame.group_by("g_unit", "g_level").len()  # the codes, then the few names
        return dict(pairs.select(pl.col("g_unit", "g_level").cast(pl.String)).iter_rows())

    def classified(self, period: Period | None = None) -> pl.LazyFrame:
        """The dossiers with the classification flags ``k_*`` of ``period`` (the run's by default),
        classified once per period: the report, the overdue list, the written report and the
        estimate of one run share it (the flags are bit-packed, the columns shared)."""
        period = period or self.period
        key = (period.start, period.effective_end)
        if key not in self._classified:
            flags = classify(period.start, period.effective_end, self.comparison)
            self._classified[key] = self.frame.lazy().with_columns(flags).collect()
        return self._classified[key].lazy()

    def classified_by_month(self, period: Period | None = None) -> pl.LazyFrame:
        """The dossiers classified for each month of ``period``, one copy per month (``g_month``)."""
        import polars as pl

        period = period or self.period
        parts = [
            self.frame.lazy().with_columns(
                *classify(m.start, m.end, self.comparison), pl.lit(m.label).alias("g_month")
            )
            for m in months_within(period)
        ]
        if not parts:
            return self.frame.lazy().with_columns(pl.lit(None, pl.String).alias("g_month"))
        return pl.concat(parts)

    def partials(self, period: Period | None = None, monthly: bool = False) -> pl.DataFrame:
        """Every count of ``period`` per finest group (every group key at once; per month too
        when ``monthly``), computed once: any report grouping re-aggregates this small table
        instead of the dossiers (every count is a sum)."""
        from cchc_kpi.kpi.metrics import aggregations

        period = period or self.period
        key = (period.start, period.effective_end, monthly)
        if key not in self._partials:
            source = self.classified_by_month(period) if monthly else self.classified(period)
            keys = [k for k in GROUP_COLUMNS if monthly or k != "g_month"]
            self._partials[key] = source.group_by(keys).agg(aggregations()).collect()
        return self._partials[key]


def present_columns(dataset: Dataset, catalog: Catalog | None) -> tuple[str, ...]:
    """The optional metric columns at least one input has (service levels also from the catalogue)."""
    present = [c for c in OPTIONAL if dataset.fields_present(FIELD_OF_OPTIONAL.get(c, c))]
    if catalog is not None and "service_level" not in present:
        present.append("service_level")
    if set(dataset.fields_present("fee_amount")) & set(dataset.fields_present("paid_online")):
        present.append(FEE_PAID)  # some one input has both the fee and the payment column
    return tuple(present)


def calendar_days(options: ReportOptions) -> tuple[CalendarDay, ...]:
    """The calendar days of ``--holidays`` and of the configuration (read once per run)."""
    days = load_overrides(options.holidays_file) if options.holidays_file else []
    return (*days, *options.calendar_days)


def prepare_dossiers(
    dataset: Dataset, options: ReportOptions, period: Period, catalog: Catalog | None
) -> PreparedDossiers:
    """Prepare the dataset's dossiers for ``options``, over the run's resolved ``period`` and
    its procedure ``catalogue`` (None: the run has none)."""
    days = calendar_days(options)
    grouped = with_group_columns(dataset.dossiers, options.directory(), options.as_units)
    frame = apply_filters(grouped, options.units, options.levels, options.fields, options.directory())
    frame, computed = _due_dates(frame, options, days)
    from_catalog = 0
    if catalog is not None:
        frame, from_catalog = with_catalog_levels(frame, catalog)
    return PreparedDossiers(
        dataset=dataset,
        options=options,
        period=period,
        frame=frame.with_columns(prepare()),
        present=present_columns(dataset, catalog),
        catalog=catalog,
        calendar_days=days,
        due_dates_computed=computed,
        service_levels_from_catalog=from_catalog,
    )


def _due_dates(
    frame: pl.DataFrame, options: ReportOptions, days: tuple[CalendarDay, ...]
) -> tuple[pl.DataFrame, int]:
    """Compute missing due dates from processing days on the working calendar."""
    import polars as pl

    needed = (
        pl.col("due_at").is_null()
        & pl.col("processing_days").is_not_null()
        & ~pl.col("status").is_in(list(NEVER_ACCEPTED)).fill_null(False)
    )
    if not frame.select(needed.any()).item():
        return frame, 0
    index = workday_index(frame, list(days))
    if index is None:
        return frame, 0
    filled = with_computed_due(frame, index, options.working_hours)
    return filled, int(filled[COMPUTED].sum())
