"""The steps every command takes before calling the library: the configuration and the
language, the report options and the reading options gathered from the command line
over the configuration over the defaults, the input paths, the output path."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_kpi.cli.common import STATE, no_limits, parse_day, parse_hours

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cchc_kpi.calendar.periods import Period
    from cchc_kpi.config import Config
    from cchc_kpi.ingestion.dataset import IngestOptions
    from cchc_kpi.kpi.targets import TargetMiss
    from cchc_kpi.outputs.form import FormSignature
    from cchc_kpi.report.options import ReportOptions
    from cchc_kpi.report.prepare import PreparedDossiers
    from cchc_kpi.schema.choices import CompareAt, CompareWith, Convention, DuplicateKey, Lang


def load_settings(path: Path | None) -> tuple[Config | None, Lang]:
    """The configuration to use (None when there is none) and the run's language: --lang
    (or CCHC_KPI_LANG), else the configuration's, else Vietnamese."""
    from cchc_kpi.config import discover

    config = discover(path)
    lang: Lang = STATE.lang if STATE.lang_given or config is None else config.report.lang
    STATE.lang = lang  # error messages from here on speak it too
    return config, lang


def report_options(
    period: str,
    convention: Convention | None,
    as_of: str | None,
    compare_at: CompareAt | None,
    holidays: Path | None,
    working_hours: str | None,
    units: list[str] | None,
    levels: list[str] | None,
    fields: list[str] | None,
    by: list[str] | None = None,
    total: bool = True,
    config: Config | None = None,
    as_units: str | None = None,
    compare: CompareWith | None = None,
    catalog: Path | None = None,
) -> ReportOptions:
    """The report options: the command line over the configuration over the defaults."""
    from cchc_kpi.config import ReportDefaults
    from cchc_kpi.errors import UsageError
    from cchc_kpi.kpi.grouping import GROUP_KEYS
    from cchc_kpi.report.options import ReportOptions

    defaults = config.report if config else ReportDefaults()
    keys = [k.strip() for item in (by or defaults.by) for k in item.split(",") if k.strip()]
    if any(k not in GROUP_KEYS for k in keys) or len(set(keys)) != len(keys):
        raise UsageError("usage.bad_by", value=",".join(keys), choices=list(GROUP_KEYS))
    holidays_file = holidays
    if holidays_file is None and config is not None and defaults.holidays_file:
        holidays_file = Path(config.resolve(defaults.holidays_file))
    if catalog is None and config is not None and config.inputs.catalog:
        catalog = Path(config.resolve(config.inputs.catalog))
    return ReportOptions(
        period=period,
        convention=convention or defaults.convention,
        compare_at=compare_at or defaults.compare_at,
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
        compare=compare,
        catalog=catalog,
        score766=config.score766 if config else {},
    )


def ingest_options(
    set_unit: str | None,
    sheet: str | None,
    skip_bad_files: bool,
    duplicate_key: DuplicateKey | None,
    config: Config | None = None,
) -> IngestOptions:
    """How the inputs are read: the command line over the configuration (rules relative to
    its folder, profiles, the duplicate key), the limits (lifted with --no-limits)."""
    from cchc_kpi.ingestion.dataset import IngestOptions
    from cchc_kpi.read.limits import Limits

    rules = (
        [r.model_copy(update={"path": config.resolve(r.path)}) for r in config.inputs.files] if config else []
    )
    return IngestOptions(
        set_unit=set_unit,
        duplicate_key=duplicate_key or (config.report.duplicate_key if config else "unit"),
        sheet=sheet,
        skip_bad_files=skip_bad_files,
        profile=config.inputs.profile if config else None,
        profiles=config.profiles if config else {},
        file_rules=rules,
        limits=Limits.none() if no_limits() else Limits(),
        protected=[config.path] if config is not None and config.path is not None else [],
    )


def input_specs(
    paths: list[str] | None,
    inputs: list[str] | None,
    config: Config | None,
    sample: bool = False,
    missing: str = "usage.no_input_report",
) -> list[str]:
    """The inputs named on the command line (positional and --input), else the
    configuration's; the bundled sample with --sample. None at all: ``missing``."""
    from cchc_kpi.errors import UsageError

    specs = list(paths or []) + list(inputs or [])
    if not specs and not sample and config is not None:
        specs = [config.resolve(p) for p in config.inputs.paths]
    if sample:
        from cchc_kpi.sample.bundled import sample_dir

        specs.append(str(sample_dir()))
    if not specs:
        raise UsageError(missing)
    return specs


def read_sample(input_paths: list[str]) -> bool:
    """Whether every input of the run is one of the bundled sample exports."""
    from cchc_kpi.sample.bundled import is_sample

    return is_sample([Path(p) for p in input_paths])


def output_path(output: Path | None, config: Config | None, period: Period) -> Path | None:
    """The output file: --output, else the configuration's; {period} {start} {end} {today}
    in either are replaced (the configuration's is relative to its file)."""
    from cchc_kpi.config import TEMPLATE_FIELDS, configured_output, fill_template
    from cchc_kpi.errors import UsageError

    values = {"period": period.label.replace("..", "_"), "start": period.start.isoformat(),
              "end": period.end.isoformat(), "today": date.today().isoformat()}  # fmt: skip
    if output is not None:
        if "{" not in str(output) and "}" not in str(output):
            return output
        filled = fill_template(str(output), values)
        if filled is None:
            allowed = ", ".join("{" + name + "}" for name in TEMPLATE_FIELDS)
            raise UsageError("usage.bad_template", template=str(output), allowed=allowed)
        return Path(filled)
    return configured_output(config, values) if config is not None else None


def miss_line(miss: TargetMiss, lang: Lang) -> str:
    """One line naming a missed target, for cron mail."""
    from cchc_kpi.i18n.messages import text
    from cchc_kpi.i18n.numfmt import format_fixed
    from cchc_kpi.kpi.metrics import METRICS_BY_NAME

    def shown(value: float) -> str:
        if METRICS_BY_NAME[miss.metric].kind == "rate":
            return format_fixed(round(value * 10000), lang) + "%"
        return str(value)

    scope = miss.scope
    if miss.kind != "unit":
        scope = text("label.total" if miss.kind == "total" else f"level.{miss.scope}", lang)
    return text("target.missed", lang, scope=scope, metric=text(f"metric.{miss.metric}", lang),
                value=shown(miss.value), op=miss.op, target=shown(miss.target))  # fmt: skip


def prepared_run(
    *,
    period: str,
    paths: list[str] | None,
    inputs: list[str] | None,
    convention: Convention | None,
    as_of: str | None,
    compare_at: CompareAt | None,
    holidays: Path | None,
    working_hours: str | None,
    unit: list[str] | None,
    level: list[str] | None,
    field: list[str] | None,
    sample: bool,
    set_unit: str | None,
    sheet: str | None,
    skip_bad_files: bool,
    duplicate_key: DuplicateKey | None,
    config: Path | None,
    as_units: str | None,
    output: Path | None,
    catalog: Path | None = None,
    exclude: Sequence[Path] = (),
) -> tuple[PreparedDossiers, Lang, FormSignature | None]:
    """What the list and estimate commands do first: the configuration and language, the
    options over it, the inputs read once (progress on a terminal) and prepared, the files left
    out said; returns the prepared dossiers, the run's language and the configuration's
    ``[form]`` (who signs a document), from the one reading of the configuration."""
    from cchc_kpi.cli.common import announce_skipped
    from cchc_kpi.cli.progress import progress_display
    from cchc_kpi.report.run import open_run

    settings, language = load_settings(config)
    options = report_options(
        period, convention, as_of, compare_at, holidays, working_hours, unit, level, field,
        config=settings, as_units=as_units, catalog=catalog,
    )  # fmt: skip
    specs = input_specs(paths, inputs, settings, sample)
    reading = ingest_options(set_unit, sheet, skip_bad_files, duplicate_key, settings)
    if exclude:  # not exports of the run, even in their folder; never overwritten
        reading = reading.model_copy(update={"exclude": list(exclude)})
    with progress_display(language) as step:
        prepared = open_run(specs, options, reading, outputs=[output] if output else [], progress=step)
    announce_skipped(prepared.dataset.skipped(language), language)
    return prepared, language, settings.form if settings is not None else None
