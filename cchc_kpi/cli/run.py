"""Options shared by the commands that report on a period (report, overdue, score766)
and the common steps: building the report options, reading the inputs once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cchc_kpi.cli.common import parse_day, parse_hours

if TYPE_CHECKING:
    from cchc_kpi.config import Config
    from cchc_kpi.i18n.numfmt import Lang
    from cchc_kpi.ingestion.pipeline import Dataset
    from cchc_kpi.kpi.targets import TargetMiss
    from cchc_kpi.report.build import ReportOptions


class ConventionChoice(StrEnum):
    """Period convention."""

    calendar = "calendar"
    nd09 = "nd09"


class CompareChoice(StrEnum):
    """How close dates are compared with due dates."""

    date = "date"
    datetime = "datetime"


PeriodOption = Annotated[
    str,
    typer.Option("--period", "-p", help="Q1-2024, 2024-05, T5-2024, 5T-2024, H1-2024, 2024, last-month …"),
]
ConventionOption = Annotated[
    ConventionChoice | None,
    typer.Option(
        "--convention", help="calendar (default), or nd09 (15th → 14th cut-off).", show_default=False
    ),
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Today for relative periods (yyyy-mm-dd).")]
CompareOption = Annotated[
    CompareChoice | None,
    typer.Option(
        "--compare-at", help="date (calendar days, default) or datetime (working hours).", show_default=False
    ),
]


class CompareWithChoice(StrEnum):
    """The earlier period a report compares with."""

    previous = "previous"
    last_year = "last-year"


CompareWithOption = Annotated[
    CompareWithChoice | None,
    typer.Option(
        "--compare",
        help="Add <metric>_prev and <metric>_change: previous (the period just before) or last-year.",
        show_default=False,
    ),
]
CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help="Procedure catalogue (CSV/Excel: Mã TTHC, Tên TTHC, Cấp thực hiện, Mức độ, Phí).",
    ),
]
UnitFilter = Annotated[list[str] | None, typer.Option("--unit", help="Only this unit (repeatable).")]
LevelFilter = Annotated[list[str] | None, typer.Option("--level", help="Only this level (repeatable).")]
FieldFilter = Annotated[list[str] | None, typer.Option("--field", help="Only this field (repeatable).")]
SampleOption = Annotated[bool, typer.Option("--sample", help="Run on the bundled sample data (DỮ LIỆU MẪU).")]


ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Configuration file (default ./cchc-kpi.toml, then ~/.config/cchc-kpi/)."),
]
AsUnitsOption = Annotated[
    str | None,
    typer.Option(
        "--as-units", help="Count former units under their successors as of this date (e.g. 2025-07-01)."
    ),
]


def load_config(path: Path | None) -> Config | None:
    """The configuration to use (None when there is none); its language becomes the default."""
    from cchc_kpi.cli.common import STATE
    from cchc_kpi.config import discover

    config = discover(path)
    if config is not None and not STATE.lang_given:
        STATE.lang = config.report.lang
    return config


def build_options(
    period: str,
    convention: ConventionChoice | None,
    as_of: str | None,
    compare_at: CompareChoice | None,
    holidays: Path | None,
    working_hours: str | None,
    units: list[str] | None,
    levels: list[str] | None,
    fields: list[str] | None,
    by: list[str] | None = None,
    total: bool = True,
    config: Config | None = None,
    as_units: str | None = None,
    compare: CompareWithChoice | None = None,
    catalog: Path | None = None,
) -> ReportOptions:
    """Gather the period options, the command line over the configuration over the defaults;
    a wrong period fails before any file is read."""
    from cchc_kpi.calendar.periods import resolve_period
    from cchc_kpi.config import ReportDefaults
    from cchc_kpi.errors import UsageError
    from cchc_kpi.kpi.grouping import GROUP_KEYS
    from cchc_kpi.report.build import ReportOptions

    defaults = config.report if config else ReportDefaults()
    keys = [k.strip() for item in (by or defaults.by) for k in item.split(",") if k.strip()]
    if any(k not in GROUP_KEYS for k in keys) or len(set(keys)) != len(keys):
        raise UsageError("usage.bad_by", value=",".join(keys), choices=list(GROUP_KEYS))
    holidays_file = holidays
    if holidays_file is None and config is not None and defaults.holidays_file:
        holidays_file = Path(config.resolve(defaults.holidays_file))
    if catalog is None and config is not None and config.inputs.catalog:
        catalog = Path(config.resolve(config.inputs.catalog))
    if catalog is not None and not catalog.is_file():
        from cchc_kpi.errors import InputError

        raise InputError("catalog.not_found", path=str(catalog))
    options = ReportOptions(
        period=period,
        convention=convention.value if convention else defaults.convention,
        compare_at=compare_at.value if compare_at else defaults.compare_at,
        as_of=parse_day(as_of, "--as-of"),
        by=keys,  # type: ignore[arg-type]
        units=units or [],
        levels=levels or [],
        fields=fields or [],
        total=total,
        holidays_file=holidays_file,
        working_hours=parse_hours(working_hours or defaults.working_hours),
        calendar_days=config.calendar if config else [],
        units_config=config.units if config else [],
        merges=config.merges if config else [],
        as_units=parse_day(as_units, "--as-units"),
        targets=config.targets if config else [],
        compare=compare.value if compare else None,
        catalog=catalog,
        score766=config.score766 if config else {},
    )
    resolve_period(options.period, options.convention, options.as_of)
    return options


def read_inputs(
    specs: list[str],
    sample: bool,
    outputs: list[Path],
    set_unit: str | None,
    sheet: str | None,
    skip_bad_files: bool,
    duplicate_key: str | None,
    config: Config | None = None,
    options: ReportOptions | None = None,
) -> tuple[Dataset, bool]:
    """Resolve and read the inputs once (the configuration's when none are named);
    return the dataset and whether it is the sample. A Parquet store is read up to the
    last day of ``options``' period."""
    from cchc_kpi.calendar.periods import resolve_period
    from cchc_kpi.cli.validate_cmd import check_outputs_are_not_inputs
    from cchc_kpi.errors import UsageError
    from cchc_kpi.ingestion.pipeline import IngestOptions, ingest
    from cchc_kpi.ingestion.store import find_stores
    from cchc_kpi.read.files import resolve_inputs
    from cchc_kpi.sample.bundled import is_sample, sample_dir

    until = None
    if options is not None:
        until = resolve_period(options.period, options.convention, options.as_of).effective_end

    if not specs and not sample and config is not None:
        specs = [config.resolve(p) for p in config.inputs.paths]
    specs = specs + ([str(sample_dir())] if sample else [])
    if not specs:
        raise UsageError("usage.no_input_report")
    stores, found = find_stores(specs)
    exports = [str(e) for e in found]
    files = resolve_inputs(exports) if exports else []
    if outputs and exports:
        check_outputs_are_not_inputs(outputs, exports)
    rules = (
        [r.model_copy(update={"path": config.resolve(r.path)}) for r in config.inputs.files] if config else []
    )
    reading = IngestOptions(
        set_unit=set_unit,
        duplicate_key=duplicate_key or (config.report.duplicate_key if config else "unit"),  # type: ignore[arg-type]
        sheet=sheet,
        skip_bad_files=skip_bad_files,
        profile=config.inputs.profile if config else None,
        profiles=config.profiles if config else {},
        file_rules=rules,
        until=until,
    )
    return ingest([*[str(s) for s in stores], *[str(f) for f in files]], reading), sample or is_sample(files)


def miss_line(miss: TargetMiss, lang: Lang) -> str:
    """One line naming a missed target, for cron mail."""
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.i18n.numfmt import format_fixed
    from cchc_kpi.kpi.metrics import METRICS_BY_NAME

    def shown(value: float) -> str:
        if METRICS_BY_NAME[miss.metric].kind == "rate":
            return format_fixed(round(value * 10000), lang) + "%"
        return str(value)

    scope = text("label.total", lang) if miss.scope == "TOTAL" else miss.scope
    return text("target.missed", lang, scope=scope, metric=text(f"metric.{miss.metric}", lang),
                value=shown(miss.value), op=miss.op, target=shown(miss.target))  # fmt: skip
