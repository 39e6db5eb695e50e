"""The :class:`~cchc_kpi.outputs.documents.Document` of each job's result: what it
prints as a table, CSV / TSV, JSON, Markdown or text, and which files it can write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cchc_kpi.calendar.view import CalendarEntry
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang
from cchc_kpi.ingestion.inspection import Inspection
from cchc_kpi.ingestion.validate import ValidationResult
from cchc_kpi.outputs.documents import Block, Document, FileWriter, Lines
from cchc_kpi.outputs.form import FormSignature
from cchc_kpi.outputs.narrative import narrative
from cchc_kpi.outputs.report_tables import metadata_lines, report_delimited, report_table
from cchc_kpi.outputs.score766_tables import catalog_table, score_machine_table, score_table, unit_score_table
from cchc_kpi.outputs.tables import Column, Table, to_delimited
from cchc_kpi.outputs.views import (
    accounting_table,
    calendar_table,
    column_table,
    dossier_machine_table,
    dossier_table,
    mapping_table,
    overdue_machine_table,
    overdue_table,
    preview_table,
    rejected_table,
)
from cchc_kpi.report.dossiers import DossierList
from cchc_kpi.report.model import Report
from cchc_kpi.report.overdue import OverdueReport
from cchc_kpi.report.reconcile import Reconciliation
from cchc_kpi.report.score766 import Score766Report
from cchc_kpi.report.written import WrittenReport


def report_document(
    report: Report,
    *,
    columns: Sequence[str] | None = None,
    excel_vi: bool = False,
    verbose: bool = False,
    written: WrittenReport | None = None,
    writers: dict[str, FileWriter] | None = None,
) -> Document:
    """The report: the Biểu 06 view (short labels on a terminal), the §7 CSV, the JSON, the
    written paragraphs (``written``, for --format text) and the workbook (``writers``)."""

    def blocks(lang: Lang, terminal: bool) -> list[Block]:
        table = report_table(report, lang, columns, short=terminal)
        if terminal and verbose:
            table.footer = metadata_lines(report, lang)
        return [table]

    def delimited(delimiter: str) -> str:
        if delimiter == "," and excel_vi:
            return report_delimited(report, ";", excel_vi=True)
        return report_delimited(report, delimiter)

    def paragraphs(lang: Lang) -> str:
        return "\n\n".join(narrative(written, lang)) + "\n" if written is not None else ""

    return Document(
        data=lambda: report.model_dump(mode="json"),  # serialised only for JSON (1M groups: seconds)
        blocks=blocks,
        delimited=delimited,
        text=paragraphs if written is not None else None,
        writers=writers or {},
    )


def validation_document(result: ValidationResult, verbose: bool = False) -> Document:
    """The validation: where the rows went (and on a terminal the mapping with --verbose,
    the warnings and the rejected rows)."""

    def blocks(lang: Lang, terminal: bool) -> list[Block]:
        out: list[Block] = [accounting_table(result, lang)]
        if not terminal:
            return out
        if verbose:
            out.append(mapping_table(result, lang))
        if result.warnings:
            out.append(Lines(result.warnings, title=text("validate.warnings", lang)))
        if result.rejected:
            out.append(rejected_table(result, lang))
        return out

    return Document(data=result.model_dump(mode="json"), blocks=blocks)


def _list_document(
    report: OverdueReport | DossierList, table: Callable[[Lang], Table], machine: Table
) -> Document:
    """A list of dossiers: its table on the terminal, its machine table as CSV/TSV, its JSON,
    and as a file a one-sheet workbook (the table's words, raw dates)."""
    from cchc_kpi.outputs.workbook.lists import write_list_workbook

    def workbook(path: Path, lang: Lang) -> None:
        write_list_workbook(path, table(lang), report.rows, lang)

    return Document(
        data=report.model_dump(mode="json"),
        blocks=lambda lang, terminal: [table(lang)],
        delimited=lambda delimiter: to_delimited(machine, delimiter),
        writers={".xlsx": workbook},
    )


def overdue_document(report: OverdueReport) -> Document:
    """The overdue list."""
    return _list_document(report, lambda lang: overdue_table(report, lang), overdue_machine_table(report))


def dossier_document(report: DossierList) -> Document:
    """The dossiers behind a figure."""
    return _list_document(report, lambda lang: dossier_table(report, lang), dossier_machine_table(report))


def _differences(table: Table) -> Block:
    """The table of differences, or only its summary when everything agrees."""
    return table if table.rows else Lines([table.title, *table.footer])


def reconcile_document(result: Reconciliation) -> Document:
    """The reconciliation: the differing cells and their causes (terminal), every compared cell
    (CSV/TSV and a one-sheet workbook), the JSON."""
    from cchc_kpi.outputs.reconcile_tables import reconcile_machine_table, reconcile_table

    def workbook(path: Path, lang: Lang) -> None:
        from cchc_kpi.outputs.workbook.lists import write_list_workbook

        cells = reconcile_machine_table(result, lang)
        write_list_workbook(path, cells, cells.rows, lang)

    return Document(
        data=result.model_dump(mode="json"),
        blocks=lambda lang, terminal: [_differences(reconcile_table(result, lang))],
        delimited=lambda delimiter: to_delimited(reconcile_machine_table(result), delimiter),
        writers={".xlsx": workbook},
    )


def score_document(report: Score766Report, form: FormSignature | None = None) -> Document:
    """The QĐ 766 estimate: criteria, per unit, the catalogue counts (terminal); one flat
    row per criterion and scope (CSV); the stand-alone workbook, or a report in Word signed
    as ``form`` says."""
    from cchc_kpi.outputs.workbook.score766 import write_score_workbook

    def blocks(lang: Lang, terminal: bool) -> list[Block]:
        out: list[Block] = [score_table(report, lang)]
        if report.units is not None:
            out.append(unit_score_table(report, lang))
        if terminal and report.catalog is not None:
            out.append(catalog_table(report.catalog, lang))
        return out

    def workbook(path: Path, lang: Lang) -> None:
        write_score_workbook(path, report, lang)

    def word(path: Path, lang: Lang) -> None:
        from cchc_kpi.outputs.word.report import write_score_word

        write_score_word(path, report, lang, form)

    return Document(
        data=report.model_dump(mode="json"),
        blocks=blocks,
        delimited=lambda delimiter: to_delimited(score_machine_table(report), delimiter),
        writers={".xlsx": workbook, ".docx": word},
    )


def catalog_document(counts: list[dict[str, Any]]) -> Document:
    """The procedure catalogue's counts by service level per tier."""
    machine = Table(columns=[Column(key=k, label=k) for k in counts[0]], rows=counts) if counts else None
    return Document(
        data=counts,
        blocks=lambda lang, terminal: [catalog_table(counts, lang)],
        delimited=(lambda delimiter: to_delimited(machine, delimiter)) if machine else None,
    )


def calendar_document(entries: list[CalendarEntry], year: int) -> Document:
    """A year's days off and make-up working days."""
    return Document(
        data=[e.model_dump(mode="json") for e in entries],
        blocks=lambda lang, terminal: [calendar_table(entries, year, lang)],
    )


def line_document(data: Any, line: str) -> Document:
    """A result that people read as one line (``calendar --count``)."""
    return Document(data=data, blocks=lambda lang, terminal: [Lines([line])], delimited=lambda d: line + "\n")


def _said(key: str, fallback: str, lang: Lang) -> str:
    """The words for ``key`` in ``lang``, or ``fallback`` where the catalogue has none."""
    from cchc_kpi.i18n.messages import has_text

    return text(key, lang) if has_text(key) else fallback


def inspection_document(result: Inspection) -> Document:
    """How each sheet of a file is read: its details, header rows, mapping and first rows."""

    def blocks(lang: Lang, terminal: bool) -> list[Block]:
        out: list[Block] = []
        for found in result.sheets:
            lines = [text("inspect.sheet", lang, path=found.path, sheet=found.sheet or "-")]
            lines += [f"  {_said(f'inspect.detail_{k}', k, lang)}: {v}" for k, v in found.details.items()]
            if found.problem:
                out.append(Lines([*lines, "  " + found.problem, ""]))
                continue
            if found.platform:
                lines.append(text("inspect.platform", lang, platform=found.platform))
            band = ", ".join(str(r) for r in found.header_rows)
            lines.append(text("inspect.header", lang, rows=band, numbered=found.numbered_row or "-"))
            skipped = ", ".join(f"{_said(f'rowkind.{k}', k, lang)} {v}" for k, v in found.skipped.items())
            lines.append(text("inspect.rows", lang, dossiers=found.dossier_rows, skipped=skipped))
            lines += [f"  {note}" for note in found.notes]
            out += [Lines(lines), column_table(found, lang)]
            if found.preview:
                out.append(preview_table(found, lang))
            out.append(Lines([""]))
        return out

    return Document(data=result.model_dump(mode="json"), blocks=blocks)
