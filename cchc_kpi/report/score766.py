"""An estimate of the QĐ 766 index from the dossier list (domain.md §10).

Only what dossiers allow is scored: timeliness (20 × progress_766_rate), online
submission, online payment, digitisation, electronic results and data reuse, and,
with a procedure catalogue, the share of procedures offered fully online and the
share of fee-bearing procedures paid online. Publication on the portal and
satisfaction need data the exports do not hold; they are listed with the reason.
The result is always labelled an estimate: the official index is computed by the
national portal from its own data.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from cchc_kpi._version import __version__
from cchc_kpi.i18n.messages import Message, render_all, text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import RunAccounting
from cchc_kpi.ingestion.dataset import Dataset
from cchc_kpi.kpi.metrics import METRICS_BY_NAME, OPTIONAL, paid_online_expr
from cchc_kpi.kpi.procedure_catalog import TIER_OF_LEVEL, Catalog, catalog_counts, code_key_expr
from cchc_kpi.kpi.score766_criteria import Criterion, ScoreTable, score_table
from cchc_kpi.report.build import report_for
from cchc_kpi.report.model import PeriodInfo, Report
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.prepare import PreparedDossiers
from cchc_kpi.schema.choices import GroupKey
from cchc_kpi.schema.fields import FIELDS_BY_NAME
from cchc_kpi.schema.textnorm import name_key_expr

if TYPE_CHECKING:
    import polars as pl


class CriterionScore(BaseModel):
    """One criterion's estimate; points null when it cannot be computed (see reason)."""

    id: str
    name: str
    rate: float | None = None
    numerator: int | None = None
    denominator: int | None = None
    points: float | None = None
    max: float
    threshold: float | None = None
    reason: str | None = None


class GroupScore(BaseModel):
    """One group of the index."""

    id: str
    group: str
    points: float | None
    max: float
    criteria: list[CriterionScore]


class NotComputable(BaseModel):
    """A criterion left out, and why."""

    criterion: str
    reason: str


class Score(BaseModel):
    """The estimate for one scope (everything read, or one unit)."""

    groups: list[GroupScore]
    total_points: float
    computable_max: float
    max_points: float
    not_computable: list[NotComputable]


class UnitScore(Score):
    """The estimate for one unit."""

    unit: str
    level: str


class Score766Report(Score):
    """``cchc-kpi score766``: the estimate for the whole, and per unit with ``--by unit``."""

    period: PeriodInfo
    estimate: bool = True
    note: str
    units: list[UnitScore] | None = None
    catalog: list[dict[str, Any]] | None = None
    overridden: list[str] = Field(default_factory=list)
    accounting: RunAccounting
    warnings: list[str]
    tool_version: str = __version__
    generated_at: datetime
    sample: bool = False

    @model_serializer(mode="wrap")
    def _period_first(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        first = ("period", "estimate", "note", "groups", "total_points", "computable_max")
        return {**{k: data[k] for k in first}, **{k: v for k, v in data.items() if k not in first}}


class Scope(BaseModel):
    """What one estimate is computed over: the report row, the catalogue tiers, the
    procedures paid online (code and name keys; None without the column)."""

    row: dict[str, Any]
    tiers: set[str] | None
    tier_known: bool
    paid_codes: set[str] | None
    paid_names: set[str] | None


def _missing_column(metric: str) -> str:
    spec = METRICS_BY_NAME[metric]
    fed = {spec.numerator, spec.denominator, metric}
    for column, (_, names) in OPTIONAL.items():
        if fed & set(names):
            return FIELDS_BY_NAME[column].aliases[0] if column in FIELDS_BY_NAME else column
    return metric


def _from_rate(
    criterion: Criterion, numerator: Any, denominator: Any, missing: str, lang: Lang
) -> CriterionScore:
    base = _base(criterion, lang)
    if numerator is None or denominator is None:
        return base.model_copy(update={"reason": text("score.reason.column", lang, column=missing)})
    if denominator == 0:
        return base.model_copy(
            update={
                "numerator": int(numerator),
                "denominator": 0,
                "reason": text("score.reason.no_dossiers", lang),
            }
        )
    rate = numerator / denominator
    return base.model_copy(
        update={
            "rate": rate,
            "numerator": int(numerator),
            "denominator": int(denominator),
            "points": criterion.points(rate),
        }
    )


def _base(criterion: Criterion, lang: Lang) -> CriterionScore:
    return CriterionScore(
        id=criterion.id,
        name=criterion.name_vi if lang == "vi" else criterion.name_en,
        max=criterion.max,
        threshold=criterion.threshold,
    )


def _catalog_fraction(criterion: Criterion, catalog: Catalog, scope: Scope) -> tuple[int | None, int]:
    import polars as pl

    procedures = catalog.procedures(scope.tiers)
    if criterion.rule == "catalog_full":
        return int((procedures["service_level"] == "full").sum()), procedures.height
    fee = procedures.filter(pl.col("fee"))
    if scope.paid_codes is None or scope.paid_names is None:
        return None, fee.height
    paid = pl.col("code_key").is_in(sorted(scope.paid_codes)) | pl.col("name_key").is_in(
        sorted(scope.paid_names)
    )
    return int(fee.select(paid.fill_null(False).sum()).item()), fee.height


def _criterion(criterion: Criterion, scope: Scope, catalog: Catalog | None, lang: Lang) -> CriterionScore:
    if criterion.rule == "none":
        return _base(criterion, lang).model_copy(
            update={"reason": text(f"score.reason.{criterion.reason}", lang)}
        )
    if criterion.rule == "metric":
        spec = METRICS_BY_NAME[criterion.metric or ""]
        if spec.numerator is None or spec.denominator is None:
            raise ValueError(f"criterion {criterion.id}: metric {spec.name} is not a rate")
        row = scope.row
        return _from_rate(
            criterion,
            row.get(spec.numerator),
            row.get(spec.denominator),
            _missing_column(spec.name),
            lang,
        )
    if catalog is None:
        return _base(criterion, lang).model_copy(update={"reason": text("score.reason.catalog", lang)})
    if not scope.tier_known:
        return _base(criterion, lang).model_copy(update={"reason": text("score.reason.level", lang)})
    numerator, denominator = _catalog_fraction(criterion, catalog, scope)
    return _from_rate(criterion, numerator, denominator, FIELDS_BY_NAME["paid_online"].aliases[0], lang)


def score_scope(table: ScoreTable, scope: Scope, catalog: Catalog | None, lang: Lang = "vi") -> Score:
    """The estimate for one scope."""
    groups, left_out = [], []
    for group in table.groups:
        scores = [_criterion(c, scope, catalog, lang) for c in group.criteria]
        computed = [s.points for s in scores if s.points is not None]
        groups.append(
            GroupScore(
                id=group.id,
                group=group.name_vi if lang == "vi" else group.name_en,
                points=round(sum(computed), 6) if computed else None,
                max=group.max,
                criteria=scores,
            )
        )
        left_out += [
            NotComputable(criterion=s.name, reason=s.reason or "") for s in scores if s.points is None
        ]
    criteria = [c for g in groups for c in g.criteria]
    return Score(
        groups=groups,
        total_points=round(sum(c.points for c in criteria if c.points is not None), 6),
        computable_max=sum(c.max for c in criteria if c.points is not None),
        max_points=table.max,
        not_computable=left_out,
    )


def _paid(classified: pl.LazyFrame, dataset: Dataset) -> pl.DataFrame | None:
    """Units and procedures with a dossier received in the period and paid online."""
    import polars as pl

    if not dataset.fields_present("paid_online"):
        return None
    c = pl.col
    return (
        classified.filter(paid_online_expr().fill_null(False))
        .select(
            c("g_unit"),
            code_key_expr(c("procedure_code")).alias("code_key"),
            name_key_expr(c("procedure_name")).alias("name_key"),
        )
        .unique()
        .collect()
    )


def _scope(
    row: dict[str, Any], levels: set[str], catalog: Catalog | None, paid: pl.DataFrame | None
) -> Scope:
    tiers: set[str] = {TIER_OF_LEVEL[level] for level in levels if level in TIER_OF_LEVEL}
    tiered = catalog is not None and catalog.entries["tier"].drop_nulls().len() > 0
    return Scope(
        row=row,
        tiers=tiers if tiered else None,
        tier_known=bool(tiers) or not tiered,
        paid_codes=None if paid is None else set(paid["code_key"].drop_nulls().to_list()),
        paid_names=None if paid is None else set(paid["name_key"].drop_nulls().to_list()),
    )


def score_basis(
    prepared: PreparedDossiers,
    by_unit: bool = False,
    lang: Lang = "vi",
    now: datetime | None = None,
    sample: bool = False,
) -> Report:
    """The report the estimate is computed from: the total, and per level and unit when
    ``by_unit`` (no comparison)."""
    by: list[GroupKey] = ["level", "unit"] if by_unit else []
    return report_for(prepared, by=by, total=True, compare=None, lang=lang, now=now, sample=sample)


def score766_for(
    prepared: PreparedDossiers,
    report: Report,
    *,
    by_unit: bool = False,
    lang: Lang = "vi",
    sample: bool = False,
) -> Score766Report:
    """The QĐ 766 estimate of a run's prepared dossiers from ``report`` (its
    :func:`score_basis`, or any report of the run grouped by level and unit without a
    comparison); the options' catalogue and the configuration's overrides are applied."""
    import polars as pl

    table = score_table(prepared.options.score766)
    catalog = prepared.catalog
    paid = _paid(prepared.classified(), prepared.dataset)
    if report.total is None:
        raise ValueError("the QĐ 766 estimate needs the report's total row")
    frame = prepared.frame
    levels = set(frame["g_level"].unique().drop_nulls().to_list())
    whole = score_scope(table, _scope(report.total, levels, catalog, paid), catalog, lang)
    units = None
    if by_unit:
        units = []
        for row in (r for r in report.rows if r["row_type"] == "detail"):
            own = paid.filter(pl.col("g_unit") == row["unit"]) if paid is not None else None
            score = score_scope(table, _scope(row, {row["level"]}, catalog, own), catalog, lang)
            units.append(UnitScore(unit=row["unit"], level=row["level"], **score.model_dump()))
    messages = []
    if catalog is not None and catalog.rows_ignored:
        ignored = catalog.rows_ignored
        messages.append(Message("catalog.ignored", {"count": len(ignored), "rows": ignored}))
    return Score766Report(
        period=report.period,
        note=text("score.note", lang),
        **whole.model_dump(),
        units=units,
        catalog=catalog_counts(catalog) if catalog is not None else None,
        overridden=[c.id for g in table.groups for c in g.criteria if c.overridden],
        accounting=report.accounting,
        warnings=report.warnings + render_all(messages, lang),
        generated_at=report.metadata.generated_at,
        sample=sample,
    )


def score766_report(
    dataset: Dataset,
    options: ReportOptions,
    *,
    by_unit: bool = False,
    lang: Lang = "vi",
    now: datetime | None = None,
    sample: bool = False,
) -> Score766Report:
    """The QĐ 766 estimate of an ingested dataset (the library's one-call form)."""
    from cchc_kpi.report.run import prepare_dataset

    prepared = prepare_dataset(dataset, options)
    report = score_basis(prepared, by_unit, lang, now, sample)
    return score766_for(prepared, report, by_unit=by_unit, lang=lang, sample=sample)
