"""Everything the Excel workbook shows, computed once from a run's prepared dossiers:
the Biểu 06 form's rows, the regroupings by unit, field and month, the overdue list,
the written-report figures, the QĐ 766 estimate, the rejected rows and the inputs
with their size and SHA-256. The workbook writer only writes it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.accounting import RejectedRow
from cchc_kpi.report.build import report_for
from cchc_kpi.report.model import Report
from cchc_kpi.report.overdue import OverdueReport, overdue_list
from cchc_kpi.report.prepare import PreparedDossiers
from cchc_kpi.report.score766 import Score766Report, score766_for
from cchc_kpi.report.written import WrittenReport, written_report
from cchc_kpi.schema.choices import GroupKey, NarrativeBy


@dataclass(frozen=True)
class InputDigest:
    """One input as the information sheet lists it."""

    path: str
    sheet: str | None
    size: int
    sha256: str
    rows_used: int
    received_first: date | None
    received_last: date | None


@dataclass(frozen=True)
class WorkbookContent:
    """The figures and lists of every sheet of the report workbook."""

    report: Report  # the run's report, as asked (its --by, comparison, targets)
    form: Report  # Biểu 06: by field for a single unit, else by level and unit
    form_by: str  # the form's row key: "field" or "unit"
    only_unit: str | None  # the one unit the report is of (it then reports on the form)
    by_unit: Report
    by_field: Report
    by_month: Report | None  # asked with --by month: the trend sheet
    overdue: OverdueReport
    written: WrittenReport
    score: Score766Report
    rejected: list[RejectedRow]
    inputs: list[InputDigest]
    sample: bool
    compare_sheet: bool
    catalog_sheet: bool


def file_digest(path: Path) -> str:
    """SHA-256 of a file (empty text when it is not a file, e.g. a store folder)."""
    if not path.is_file():
        return ""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _digests(prepared: PreparedDossiers) -> list[InputDigest]:
    out = []
    for item in prepared.dataset.inputs:
        path = Path(item.path)
        out.append(
            InputDigest(
                path=item.path,
                sheet=item.sheet,
                size=path.stat().st_size if path.is_file() else 0,
                sha256=file_digest(path),
                rows_used=item.rows_used,
                received_first=item.received_first,
                received_last=item.received_last,
            )
        )
    return out


def months_with_data(by_month: Report) -> Report:
    """The monthly report without the months after the last one in which anything happened
    (a dossier received, resolved, withdrawn or refused): a year asked before it ends, or
    exports that stop early, never plot those months as zeros (their only dossiers are the
    ones carried over, pending since)."""
    rows = list(by_month.rows)
    happened = ("received_new", "resolved", "withdrawn", "not_accepted")
    while rows and not any(rows[-1][k] for k in happened):
        rows.pop()
    return by_month.model_copy(update={"rows": rows})


@dataclass(frozen=True)
class FormRows:
    """Biểu 06 as both the workbook and the written report show it, and the regroupings."""

    form: Report  # by field for a single unit, else by level and unit
    form_by: str  # the form's row key: "field" or "unit"
    only_unit: str | None  # the one unit the report is of (it then reports on the form)
    by_unit: Report
    by_field: Report
    units: tuple[str, ...]  # the units with dossiers in the period, in the form's order


def form_rows(prepared: PreparedDossiers, lang: Lang, sample: bool) -> FormRows:
    """The form's rows: per field for one unit, else per unit by level (one rule for both files)."""

    def grouped(by: list[GroupKey]) -> Report:
        return report_for(prepared, by=by, total=True, compare=None, lang=lang, sample=sample)

    by_unit = grouped(["level", "unit"])
    units = [str(r["unit"]) for r in by_unit.rows if r["row_type"] == "detail"]
    by_field = grouped(["field"])
    one_unit = len(units) == 1
    return FormRows(
        form=by_field if one_unit else by_unit,
        form_by="field" if one_unit else "unit",
        only_unit=units[0] if one_unit else None,
        by_unit=by_unit,
        by_field=by_field,
        units=tuple(units),
    )


def workbook_content(prepared: PreparedDossiers, report: Report, lang: Lang, sample: bool) -> WorkbookContent:
    """Compute what the workbook of ``report`` shows (``report``: the run's own report)."""
    options = prepared.options
    rows = form_rows(prepared, lang, sample)
    monthly = None
    if "month" in options.by:  # the trend sheet, only when asked
        by_month = report_for(prepared, by=["month"], total=True, compare=None, lang=lang, sample=sample)
        monthly = months_with_data(by_month)
    return WorkbookContent(
        report=report,
        form=rows.form,
        form_by=rows.form_by,
        only_unit=rows.only_unit,
        by_unit=rows.by_unit,
        by_field=rows.by_field,
        by_month=monthly,
        overdue=overdue_list(prepared),
        written=written_report(prepared, "level", lang, rows.units, compare=options.compare),
        score=score766_for(prepared, rows.by_unit, lang=lang, sample=sample),
        rejected=prepared.dataset.rejected_rows(lang),
        inputs=_digests(prepared),
        sample=sample,
        compare_sheet=report.compare is not None,
        catalog_sheet=prepared.catalog is not None,
    )


@dataclass(frozen=True)
class WrittenDocument:
    """Everything the written report in Word shows: the same form rows, paragraphs and
    overdue list as the workbook's Biểu 06, Báo cáo and Hồ sơ quá hạn sheets."""

    report: Report
    rows: FormRows
    written: WrittenReport
    overdue: OverdueReport
    sample: bool


def written_document(
    prepared: PreparedDossiers, report: Report, lang: Lang, sample: bool, by: NarrativeBy = "level"
) -> WrittenDocument:
    """Compute what the written report of ``report`` shows (paragraphs per level, or per unit)."""
    rows = form_rows(prepared, lang, sample)
    return WrittenDocument(
        report=report,
        rows=rows,
        written=written_report(prepared, by, lang, rows.units, compare=prepared.options.compare),
        overdue=overdue_list(prepared),
        sample=sample,
    )
