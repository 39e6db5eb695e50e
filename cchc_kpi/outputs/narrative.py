"""The paragraph of figures officers paste into their written report, in Vietnamese
(or English): one per level (or per unit) and one for the whole, with the period
named as documents name it ("quý I năm 2024", "5 tháng đầu năm 2024", "từ ngày
15/12/2023 đến ngày 07/8/2024") and numbers as they write them (1.245; 99,76%;
434,25 triệu đồng). Sentences for e-results, digitisation, reuse and payment
appear only when their columns exist. Rendering only: the figures come computed in a
:class:`~cchc_kpi.report.written.WrittenReport`.
"""

from __future__ import annotations

from typing import Any

from cchc_kpi.calendar.periods import Period
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import Lang, format_int, format_money, format_percent, vn_date
from cchc_kpi.report.written import WrittenReport

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_lead(period: Period, lang: Lang) -> str:
    """The opening words naming the period: "Trong quý I năm 2024" / "In the first quarter of 2024"."""
    if period.kind == "range" or period.year is None or period.number is None:
        return text("narrative.lead_range", lang, start=vn_date(period.start), end=vn_date(period.end))
    return text("narrative.lead", lang, phrase=period_phrase(period, lang))


def period_phrase(period: Period, lang: Lang) -> str:
    """The period as documents name it: "quý I năm 2024", "5 tháng đầu năm 2024" …"""
    if period.kind == "range" or period.year is None or period.number is None:
        return text("narrative.range", lang, start=vn_date(period.start), end=vn_date(period.end))
    year, number = str(period.year), period.number
    if period.kind == "quarter":
        phrase = text(
            "narrative.quarter", lang, roman=ROMAN[number], ordinal=text(f"ordinal.{number}", lang), year=year
        )
    elif period.kind == "half":
        phrase = text(f"narrative.half{number}", lang, year=year)
    elif period.kind == "months" and number < 12:
        phrase = text("narrative.months", lang, n=str(number), year=year)
    elif period.kind == "month":
        phrase = text("narrative.month", lang, n=str(number), name=text(f"month.{number}", lang), year=year)
    else:
        phrase = text("narrative.year", lang, year=year)
    return phrase


def _count(value: Any, lang: Lang) -> str:
    return format_int(int(value or 0), lang)


def _rate(row: dict[str, Any], numerator: str, denominator: str, lang: Lang) -> str:
    return format_percent(int(row[numerator] or 0), int(row[denominator] or 0), lang)


def paragraph(lead: str, subject: str, row: dict[str, Any], lang: Lang) -> str:
    """One paragraph of figures for one group's row of the report."""
    numbers = {k: _count(row.get(k), lang) for k in ("received_total", "received_new", "carried_over",
               "received_online", "resolved", "resolved_in_time", "resolved_late", "pending",
               "pending_overdue", "withdrawn")}  # fmt: skip
    parts = []
    if row["carried_over"]:
        parts.append(text("narrative.carried", lang, **numbers))
    if row["online_rate"] is not None:
        parts.append(
            text(
                "narrative.online",
                lang,
                rate=_rate(row, "received_online", "_channel_known", lang),
                **numbers,
            )
        )
    received = text("narrative.received", lang, subject=subject, **numbers)
    if parts:
        received += f" ({'; '.join(parts)})"
    sentence = f"{lead}, {received}; "
    if row["resolved"]:
        on_time = _rate(row, "resolved_in_time", "resolved", lang)
        late = _rate(row, "resolved_late", "resolved", lang)
        sentence += text("narrative.resolved", lang, on_time=on_time, late=late, **numbers)
    else:
        sentence += text("narrative.resolved_none", lang)
    sentence += "; " + text(
        "narrative.pending" if row["pending_overdue"] else "narrative.pending_none", lang, **numbers
    )
    if row["withdrawn"]:
        sentence += "; " + text("narrative.withdrawn", lang, **numbers)
    sentences = [sentence + "."]
    for rate, numerator, denominator in (
        ("e_result_rate", "e_result", "_e_result_known"),
        ("digitization_rate", "digitized", "_digitized_known"),
        ("reuse_rate", "reused", "_reused_known"),
    ):
        if row[rate] is not None:
            sentences.append(text(f"narrative.{rate}", lang, rate=_rate(row, numerator, denominator, lang)))
    if row["paid_online"] is not None and row["paid_online"]:
        amount = row["paid_online_amount"]
        key = "narrative.paid_amount" if amount is not None else "narrative.paid"
        money = format_money(int(amount), lang) if amount is not None else ""
        sentences.append(text(key, lang, count=_count(row["paid_online"], lang), money=money))
    return " ".join(sentences)


def _subject(key: str, value: Any, lang: Lang) -> str:
    return text(f"narrative.subject_{value}", lang) if key == "level" else str(value)


def narrative(written: WrittenReport, lang: Lang = "vi") -> list[str]:
    """Paragraphs for each level (or unit) and one for the whole."""
    lead = period_lead(written.period, lang)
    grouped, by = written.grouped, written.by
    paragraphs = [paragraph(lead, _subject(by, r[by], lang), r, lang) for r in grouped.rows]
    units = written.units
    whole = units[0] if len(units) == 1 else text("narrative.subject_all", lang)
    if grouped.total is not None and (len(grouped.rows) != 1 or by != "unit"):
        paragraphs.append(paragraph(lead, whole, grouped.total, lang))
    return paragraphs
