"""The tables people see of the jobs that are not the report itself: validate (where
the rows went, the mapping, the rejected rows), inspect (columns and first rows),
calendar (special days) and the overdue list. They render results; they compute
nothing."""

from __future__ import annotations

from datetime import datetime

from cchc_kpi.calendar.view import CalendarEntry
from cchc_kpi.i18n.messages import has_text, text
from cchc_kpi.i18n.numfmt import Lang, format_date, format_datetime, vn_date
from cchc_kpi.ingestion.accounting import Accounting
from cchc_kpi.ingestion.inspection import SheetInspection
from cchc_kpi.ingestion.validate import ValidationResult
from cchc_kpi.outputs.tables import Column, Table
from cchc_kpi.read.grid import ROW
from cchc_kpi.report.dossiers import COLUMNS as DOSSIER_COLUMNS
from cchc_kpi.report.dossiers import DossierList
from cchc_kpi.report.overdue import COLUMNS as OVERDUE_COLUMNS
from cchc_kpi.report.overdue import OverdueReport

ROWS_SHOWN_PER_REASON = 20

WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def _accounting_columns(lang: Lang) -> list[Column]:
    return [
        Column(key="file", label=text("col.file", lang)),
        *[Column(key=k, label=text(f"col.{k}", lang), kind="int") for k in Accounting.model_fields],
    ]


def accounting_table(result: ValidationResult, lang: Lang) -> Table:
    """One row per input and a total row: where the rows went."""
    rows = [{"file": f.path if not f.sheet else f"{f.path}[{f.sheet}]", **f.counts()} for f in result.files]
    rows.append({"file": "TOTAL", **result.accounting.counts()})
    return Table(title=text("validate.title", lang), columns=_accounting_columns(lang), rows=rows)


def mapping_table(result: ValidationResult, lang: Lang) -> Table:
    """The column mapping found in each input."""
    columns = [
        Column(key="file", label=text("col.file", lang)),
        Column(key="field", label=text("col.field", lang)),
        Column(key="column", label=text("col.column", lang)),
    ]
    rows = [
        {"file": f.path, "field": field, "column": header}
        for f in result.files
        for field, header in f.columns.items()
    ]
    return Table(title=text("validate.mapping", lang), columns=columns, rows=rows)


def rejected_table(result: ValidationResult, lang: Lang) -> Table:
    """Rejected rows grouped by file, column and reason, with their row numbers."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for r in result.rejected:
        groups.setdefault((r.file, r.column, r.reason), []).append(r.row)
    columns = [
        Column(key="file", label=text("col.file", lang)),
        Column(key="column", label=text("col.column", lang)),
        Column(key="reason", label=text("col.reason", lang)),
        Column(key="count", label=text("col.count", lang), kind="int"),
        Column(key="rows", label=text("col.rows", lang)),
    ]
    rows = []
    for (file, column, reason), numbers in groups.items():
        shown = ", ".join(str(n) for n in numbers[:ROWS_SHOWN_PER_REASON])
        if len(numbers) > ROWS_SHOWN_PER_REASON:
            shown += " " + text("list.more", lang, count=len(numbers) - ROWS_SHOWN_PER_REASON)
        rows.append({"file": file, "column": column, "reason": reason, "count": len(numbers), "rows": shown})
    return Table(title=text("validate.rejected", lang), columns=columns, rows=rows)


def rejects_table(result: ValidationResult) -> Table:
    """One line per rejected row (row, file, column, reason), for ``--rejects``."""
    columns = [Column(key=k, label=k) for k in ("row", "file", "column", "reason")]
    return Table(columns=columns, rows=[r.model_dump() for r in result.rejected])


def column_table(found: SheetInspection, lang: Lang) -> Table:
    """The sheet's columns and the field each is read as."""
    columns = [
        Column(key="position", label="#", kind="int"),
        Column(key="header", label=text("col.column", lang)),
        Column(key="field", label=text("col.field", lang)),
        Column(key="how", label=text("inspect.how", lang)),
    ]
    rows = []
    for c in found.columns:
        reading = c.field or text("inspect.personal" if c.personal else "inspect.unread", lang)
        if c.field and has_text(f"field.{c.field}"):  # "mã hồ sơ (dossier_id)": the word and the key
            reading = f"{text(f'field.{c.field}', lang)} ({c.field})"
        how = []
        if c.source and c.source not in ("domain",):
            how.append(text("inspect.source", lang, source=c.source))
        if c.vocabulary:
            how.append(text("inspect.vocabulary", lang, vocabulary=c.vocabulary))
        if c.adds_to:
            how.append(text("inspect.adds_to", lang, position=c.adds_to))
        rows.append({"position": c.position, "header": c.header, "field": reading, "how": "; ".join(how)})
    return Table(title=text("inspect.columns", lang), columns=columns, rows=rows)


def preview_table(found: SheetInspection, lang: Lang) -> Table:
    """The first dossier rows as parsed (mapped fields only)."""
    keys = list(found.preview[0]) if found.preview else []
    columns = [Column(key=k, label=text("col.row", lang) if k == ROW else k) for k in keys]
    rows = [{k: ("" if v is None else str(v)) for k, v in r.items()} for r in found.preview]
    return Table(title=text("inspect.preview", lang), columns=columns, rows=rows)


def calendar_table(entries: list[CalendarEntry], year: int, lang: Lang) -> Table:
    """The special days as a table with weekdays."""
    columns = [
        Column(key="date", label=text("calendar.date", lang)),
        Column(key="weekday", label=text("calendar.weekday", lang)),
        Column(key="kind", label=text("calendar.kind", lang)),
        Column(key="name", label=text("calendar.name", lang)),
        Column(key="source", label=text("calendar.source", lang)),
    ]
    rows = [
        {
            "date": format_date(e.date),
            "weekday": WEEKDAYS[lang][e.date.weekday()],
            "kind": text(f"calendar.{e.kind}", lang),
            "name": e.name,
            "source": e.source,
        }
        for e in entries
    ]
    return Table(title=text("calendar.title", lang, year=str(year)), columns=columns, rows=rows)


def shown_datetime(value: datetime | None) -> str:
    """A timestamp as people read it in lists (dd/mm/yyyy HH:MM)."""
    return format_datetime(value) if value else ""


def overdue_table(report: OverdueReport, lang: Lang) -> Table:
    """The list as people read it: labels, dates, the kind and apology in words."""
    kinds = {"working_days_late": "int", "dossier_id": "code", "received_at": "code", "due_at": "code",
             "closed_at": "code"}  # fmt: skip
    columns = [
        Column(key=k, label=text(f"overdue.{k}", lang), kind=kinds.get(k, "text"))  # type: ignore[arg-type]
        for k in OVERDUE_COLUMNS
        if k != "apology_at"
    ]
    rows = []
    for row in report.rows:
        shown = dict(row)
        shown["kind"] = text(f"overdue.kind_{row['kind']}", lang)
        shown["apology"] = text(f"overdue.apology_{row['apology']}", lang) if row["apology"] else "–"
        for key in ("received_at", "due_at", "closed_at"):
            shown[key] = shown_datetime(row[key])
        rows.append(shown)
    title = text("overdue.title", lang, label=report.period.label, day=vn_date(report.measured_at))
    return Table(title=title, columns=columns, rows=rows)


def dossier_table(report: DossierList, lang: Lang) -> Table:
    """The dossiers behind a figure as people read them, with why each counts."""
    codes = ("dossier_id", "received_at", "due_at", "closed_at")
    columns = []
    for key in DOSSIER_COLUMNS[:-1]:  # working days late are said in "why"
        label = text(f"dossiers.{key}" if key in ("status", "channel") else f"overdue.{key}", lang)
        columns.append(Column(key=key, label=label, kind="code" if key in codes else "text"))
    columns.append(Column(key="why", label=text("dossiers.why", lang)))
    metric = text(f"metric.{report.metric}", lang)
    rows = []
    for row in report.rows:
        shown = dict(row)
        for key in ("received_at", "due_at", "closed_at"):
            shown[key] = shown_datetime(row[key])
        shown["channel"] = text(f"channel.{row['channel']}", lang) if row["channel"] else "–"
        shown["status"] = text(f"status.{row['status']}", lang) if row["status"] else "–"
        days = row["working_days_late"]
        shown["why"] = text("dossiers.why_late", lang, metric=metric, days=days) if days else metric
        rows.append(shown)
    day = vn_date(report.measured_at)
    title = text(
        "dossiers.title", lang, metric=metric, label=report.period.label, day=day, count=len(report.rows)
    )
    return Table(title=title, columns=columns, rows=rows)


def dossier_machine_table(report: DossierList) -> Table:
    """The list for CSV/TSV: canonical column names, raw values."""
    rows = [{k: r.get(k) for k in DOSSIER_COLUMNS} for r in report.rows]
    return Table(columns=[Column(key=k, label=k) for k in DOSSIER_COLUMNS], rows=rows)


def overdue_machine_table(report: OverdueReport) -> Table:
    """The list for CSV/TSV: its columns under their machine names, raw values."""
    rows = [{k: r.get(k) for k in OVERDUE_COLUMNS} for r in report.rows]
    return Table(columns=[Column(key=k, label=k) for k in OVERDUE_COLUMNS], rows=rows)
