"""``cchc-kpi reconcile --against BIEU06.xlsx``: our Biểu 06 against one made by other
software, line by line and column by column — ours, theirs, the difference — and for each
differing cell the likely causes found in the dossiers.

Causes tried for a cell, each with the number of dossiers it concerns and whether it would
close the gap exactly ("fits"):

- another convention: the period cut off 15 → 14 (nd09) or due dates compared as moments
  (datetime) — the figure recomputed that way equals theirs;
- dossiers on the period's boundary: received on its first or last day, closed on its
  first or last day;
- dossiers closed after the period's end (pending for us; resolved by today's status);
- dossiers without a due date (on time for us), withdrawn ones, ones never accepted;
- the rows the run set aside: duplicates and rejected rows (for the whole only: they have
  no trustworthy unit).

With ``--unit`` / ``--level`` / ``--field`` only the matching lines are compared, neither the
whole nor the levels (a filtered report's totals are not the form's)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_int, vn_date
from cchc_kpi.kpi.metrics import BIEU06_COUNTS
from cchc_kpi.kpi.name_match import match_names
from cchc_kpi.report.build import period_info, report_for
from cchc_kpi.report.model import PeriodInfo, Report
from cchc_kpi.report.prepare import PreparedDossiers
from cchc_kpi.report.vendor_form import FormLine, VendorForm
from cchc_kpi.schema.choices import GroupKey

if TYPE_CHECKING:
    import polars as pl

FormBy = Literal["unit", "field"]
COLUMN_NUMBER = {metric: number for number, metric in enumerate(BIEU06_COUNTS, start=3)}
RECEIVED = ("received_total", "received_online", "received_offline", "carried_over")
RESOLVED = ("resolved", "resolved_early", "resolved_on_time", "resolved_late")
PENDING = ("pending", "pending_in_time", "pending_overdue")
DUE = ("resolved_early", "resolved_on_time", "resolved_late", "pending_in_time", "pending_overdue")
# cause → the columns it can move
CAUSE_COLUMNS: dict[str, tuple[str, ...]] = {
    "received_first_day": RECEIVED,
    "received_last_day": (*RECEIVED, *PENDING),
    "closed_first_day": (*RECEIVED, *RESOLVED),
    "closed_last_day": (*RESOLVED, *PENDING),
    "closed_after_end": (*RESOLVED, *PENDING),
    "no_due": DUE,
    "withdrawn": ("received_total", "resolved", "resolved_on_time", "pending"),
    "not_accepted": RECEIVED,
    "duplicates": RECEIVED,
    "rejected": BIEU06_COUNTS,
}
VARIANTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("nd09", {"convention": "nd09"}),
    ("calendar", {"convention": "calendar"}),
    ("datetime", {"compare_at": "datetime"}),
    ("date", {"compare_at": "date"}),
)


class Cause(BaseModel):
    """A likely cause of one difference."""

    kind: str
    dossiers: int | None = None  # the dossiers it concerns (None for a convention)
    value: int | None = None  # a convention: the figure computed that way
    fits: bool  # it closes the gap exactly
    text: str


class ReconcileLine(BaseModel):
    """One line of their form and ours: the whole, a level or a unit (field)."""

    kind: Literal["total", "level", "line"]
    label: str  # as their form writes it
    sheet_row: int | None  # where it is in their file (None: a line only we have)
    matched: str | None  # our unit, field or level (None: only they have it)
    ours: dict[str, int | None]
    theirs: dict[str, int | None]
    difference: dict[str, int | None] = {}  # ours − theirs per column (None: either is unknown)


def _differences(ours: dict[str, int | None], theirs: dict[str, int | None]) -> dict[str, int | None]:
    return {m: (o - t if (o := ours[m]) is not None and (t := theirs[m]) is not None else None) for m in ours}


class Difference(BaseModel):
    """One differing cell."""

    label: str
    matched: str | None
    column: str
    column_number: int
    ours: int | None
    theirs: int | None
    difference: int | None  # ours − theirs
    causes: list[Cause]


class Reconciliation(BaseModel):
    """What ``cchc-kpi reconcile --format json`` prints."""

    period: PeriodInfo
    against: str
    sheet: str | None
    by: FormBy
    lines: list[ReconcileLine]
    differences: list[Difference]
    theirs_only: list[str]
    ours_only: list[str]
    agree: bool
    compared: int = 0  # lines in both forms
    notes: list[str] = []  # what to know before reading the differences


def _by_of(form: VendorForm, prepared: PreparedDossiers, units: list[str], fields: list[str]) -> FormBy:
    """Whether their lines are units or fields: whichever more of their labels name."""
    labels = [line.label for line in form.lines if line.kind == "line"]
    directory = prepared.options.directory()
    as_units = sum(v is not None for v in match_names(labels, units, directory).values())
    as_fields = sum(v is not None for v in match_names(labels, fields).values())
    return "field" if as_fields > as_units else "unit"


FORM_KEYS: dict[str, list[GroupKey]] = {"unit": ["level", "unit"], "field": ["field"]}  # our form's rows


@dataclass(frozen=True)
class OurRows:
    """Our form's rows by what a line of theirs names: a unit or field, a level, the whole."""

    details: dict[str, dict[str, Any]]
    levels: dict[str, dict[str, Any]]
    total: dict[str, Any] | None

    @classmethod
    def of(cls, report: Report, key: str) -> OurRows:
        details = {str(r[key]): r for r in report.rows if r["row_type"] == "detail" and r[key] is not None}
        levels = {str(r["level"]): r for r in report.rows if r["row_type"] == "subtotal"}
        return cls(details, levels, report.total)

    def row(self, kind: str, name: str | None) -> dict[str, Any] | None:
        if kind == "total":
            return self.total
        return (self.levels if kind == "level" else self.details).get(name or "")


def _counts(row: dict[str, Any] | None) -> dict[str, int | None]:
    return {m: (int(row[m]) if row is not None and row.get(m) is not None else None) for m in BIEU06_COUNTS}


def _claims(lines: list[FormLine], names: dict[str, str | None], exact: set[str]) -> dict[int, str]:
    """Which of their lines gets which of our names: lines that name it exactly first, then the
    others in order; a second line for one name gets none (it is theirs only)."""
    claimed: dict[int, str] = {}
    taken: set[str] = set()
    for exact_pass in (True, False):
        for index, line in enumerate(lines):
            name = names.get(line.label)
            if line.kind != "line" or index in claimed or name is None or name in taken:
                continue
            if (line.label in exact) != exact_pass:
                continue
            claimed[index] = name
            taken.add(name)
    return claimed


def _pair(form: VendorForm, prepared: PreparedDossiers, report: Report, by: FormBy) -> list[ReconcileLine]:
    """Their lines with ours beside them, then the lines only we have. With a filter only
    the filtered lines are compared — and the total too when their form is one unit's by
    field and the run is of that one unit."""
    options = prepared.options
    filtered = bool(options.units or options.levels or options.fields)
    one_unit = by == "field" and len(options.units) == 1 and not (options.levels or options.fields)
    ours_rows = OurRows.of(report, by)
    details, levels = ours_rows.details, ours_rows.levels
    directory = options.directory() if by == "unit" else None
    names = match_names([t.label for t in form.lines if t.kind == "line"], list(details), directory)
    claims = _claims(list(form.lines), names, {t.label for t in form.lines if t.label in details})
    out: list[ReconcileLine] = []
    used: set[str] = set()
    for index, line in enumerate(form.lines):
        matched: str | None
        if line.kind == "total":
            matched = "TOTAL"
        elif line.kind == "level":
            matched = line.level if line.level in levels else None
        else:
            matched = claims.get(index)
        ours = ours_rows.row(line.kind, matched)
        if filtered and (matched is None or line.kind == "level" or (line.kind == "total" and not one_unit)):
            continue  # outside the filter, or the whole or a level of a filtered report
        used.add(matched or "")
        counts = _counts(ours)
        gaps = _differences(counts, line.counts)
        out.append(ReconcileLine(kind=line.kind, label=line.label, sheet_row=line.row, matched=matched,
                                 ours=counts, theirs=line.counts, difference=gaps))  # fmt: skip
    for name, row in details.items():
        if name not in used:
            theirs: dict[str, int | None] = dict.fromkeys(BIEU06_COUNTS)
            out.append(ReconcileLine(kind="line", label=name, sheet_row=None, matched=name, ours=_counts(row),
                                     theirs=theirs, difference=dict.fromkeys(BIEU06_COUNTS)))  # fmt: skip
    return out


def _boundary_counts(prepared: PreparedDossiers, key: str) -> pl.DataFrame:
    """Per unit (field) and level, and for the whole: the dossiers each cause concerns."""
    import polars as pl

    period = prepared.period
    start, end = pl.lit(period.start, pl.Date), pl.lit(period.effective_end, pl.Date)
    c = pl.col
    closed = c("k_resolved") | c("k_withdrawn")
    flags = {
        "received_first_day": c("k_new") & (c("_received") == start),
        "received_last_day": c("k_new") & (c("_received") == end),
        "closed_first_day": (closed | c("k_carried")) & (c("_closed") == start),
        "closed_last_day": closed & (c("_closed") == end),
        "closed_after_end": c("k_pending") & c("_closed").is_not_null(),
        "no_due": (c("k_resolved") | c("k_pending")) & c("_due").is_null(),
        "withdrawn": c("k_withdrawn"),
        "not_accepted": c("k_not_accepted"),
    }
    sums = [e.fill_null(False).sum().cast(pl.Int64).alias(k) for k, e in flags.items()]
    classified = prepared.classified()
    group = c(f"g_{key}").cast(pl.String)
    per_line = classified.group_by(group.alias("scope")).agg(sums)
    per_level = classified.group_by(c("g_level").cast(pl.String).alias("scope")).agg(sums)
    whole = classified.select(pl.lit("TOTAL").alias("scope"), *sums)
    return pl.concat([per_line, per_level, whole], how="vertical").collect()


def _variant_reports(prepared: PreparedDossiers, by: FormBy) -> list[tuple[str, OurRows]]:
    """Our form recomputed under each convention the run did not use."""
    from cchc_kpi.report.run import prepare_dataset

    options = prepared.options
    current = {"convention": options.convention, "compare_at": options.compare_at}
    out = []
    for name, change in VARIANTS:
        if any(current[k] == v for k, v in change.items()):
            continue
        other = prepare_dataset(prepared.dataset, options.model_copy(update=change))
        out.append((name, OurRows.of(report_for(other, by=FORM_KEYS[by], total=True), by)))
    return out


def reconcile(prepared: PreparedDossiers, form: VendorForm, lang: Lang = "vi") -> Reconciliation:
    """Our Biểu 06 for the run's period against ``form``, with the likely causes of each difference."""
    by_unit = report_for(prepared, by=FORM_KEYS["unit"], total=True, compare=None, lang=lang)
    by_field = report_for(prepared, by=FORM_KEYS["field"], total=True, compare=None, lang=lang)
    units, fields = list(OurRows.of(by_unit, "unit").details), list(OurRows.of(by_field, "field").details)
    by = _by_of(form, prepared, units, fields)
    lines = _pair(form, prepared, by_unit if by == "unit" else by_field, by)
    differing = [
        (line, m)
        for line in lines
        for m in BIEU06_COUNTS
        if line.matched is not None and line.sheet_row is not None and line.ours[m] != line.theirs[m]
    ]
    differences = []
    if differing:
        explain = _explainer(prepared, by, lang)
        for line, metric in differing:
            ours, theirs, gap = line.ours[metric], line.theirs[metric], line.difference[metric]
            differences.append(
                Difference(
                    label=line.label,
                    matched=line.matched,
                    column=metric,
                    column_number=COLUMN_NUMBER[metric],
                    ours=ours,
                    theirs=theirs,
                    difference=gap,
                    causes=explain(line, metric, gap),
                )
            )
    notes = []
    if by == "field" and len(prepared.options.units) != 1:
        notes.append(text("reconcile.note_by_field", lang))
    if not any(line.kind == "total" for line in form.lines):
        notes.append(text("reconcile.note_no_total", lang))
    theirs_only = [line.label for line in lines if line.matched is None]
    ours_only = [line.label for line in lines if line.sheet_row is None]
    return Reconciliation(
        period=period_info(prepared.period), against=form.path, sheet=form.sheet, by=by, lines=lines,
        differences=differences, theirs_only=theirs_only, ours_only=ours_only,
        agree=not (differences or theirs_only or ours_only), notes=notes,
        compared=sum(1 for line in lines if line.matched is not None and line.sheet_row is not None),
    )  # fmt: skip


# the sums a Biểu 06 line must keep: (7) = (8)+(9)+(10), (11) = (12)+(13), (3) ≥ (4)+(5)+(6)
SUMS = (("resolved", ("resolved_early", "resolved_on_time", "resolved_late"), "="),
        ("pending", ("pending_in_time", "pending_overdue"), "="),
        ("received_total", ("received_online", "received_offline", "carried_over"), ">="))  # fmt: skip


def broken_sums(counts: dict[str, int | None]) -> list[str]:
    """The sums of their line that do not hold ("(7) ≠ (8)+(9)+(10)"): a hand edit or a
    program that fills a cell from elsewhere."""
    out = []
    for whole, parts, op in SUMS:
        values = [counts.get(k) for k in (whole, *parts)]
        if any(v is None for v in values):
            continue
        total, summed = values[0] or 0, sum(v or 0 for v in values[1:])
        if total != summed if op == "=" else total < summed:
            sign = "≠" if op == "=" else "<"
            numbers = "+".join(f"({COLUMN_NUMBER[k]})" for k in parts)
            out.append(f"({COLUMN_NUMBER[whole]}) {sign} {numbers}")
    return out


def _explainer(
    prepared: PreparedDossiers, by: FormBy, lang: Lang
) -> Callable[[ReconcileLine, str, int | None], list[Cause]]:
    """A function giving the causes of one difference (the counts and variants computed once)."""
    counts = {r["scope"]: r for r in _boundary_counts(prepared, by).iter_rows(named=True)}
    variants = _variant_reports(prepared, by)
    period = prepared.period
    accounting = prepared.dataset.accounting
    days = {"first": vn_date(period.start), "last": vn_date(period.effective_end)}

    def causes(line: ReconcileLine, metric: str, gap: int | None) -> list[Cause]:
        theirs = line.theirs[metric]
        found: list[Cause] = []
        broken = broken_sums(line.theirs)
        if broken:
            said = text("reconcile.cause_their_sums", lang, sums="; ".join(broken))
            found.append(Cause(kind="their_sums", fits=False, text=said))
        for name, rows in variants:
            row = rows.row(line.kind, line.matched)
            value = int(row[metric]) if row is not None and row.get(metric) is not None else None
            if value is not None and value != line.ours[metric]:
                shown = format_int(value, lang)
                found.append(Cause(kind=f"convention_{name}", value=value, fits=value == theirs,
                                   text=text(f"reconcile.cause_{name}", lang, value=shown)))  # fmt: skip
        scope = counts.get(line.matched or "", {})
        whole = {"duplicates": accounting.duplicates, "rejected": accounting.rows_rejected}
        for kind, columns in CAUSE_COLUMNS.items():
            number = whole.get(kind) if line.kind == "total" else None
            number = scope.get(kind) if kind not in whole else number
            if metric not in columns or not number:
                continue
            fits = gap is not None and number == abs(gap)
            said = text(f"reconcile.cause_{kind}", lang, count=format_int(number, lang), **days)
            found.append(Cause(kind=kind, dossiers=number, fits=fits, text=said))
        return sorted(found, key=lambda cause: (cause.kind != "their_sums", not cause.fits))

    return causes
