"""The paragraphs of figures officers paste into their written report, in Vietnamese
(or English), written as the news reports in the seeds write them: the whole first
("Trong quý I năm 2024, toàn tỉnh tiếp nhận …"), then each level (or unit) in Biểu 06
order without repeating the period; zeros said in words ("không có hồ sơ quá hạn");
rates without decimals that say nothing ("100%", "81,7%"); targets said ("vượt chỉ tiêu
giao là 45%"); payments that "phát sinh". The period is named as documents name it
("quý I năm 2024", "từ ngày 15/12/2023 đến ngày 07/8/2024"), numbers as officers write
them (1.245; 434,25 triệu đồng). Sentences for e-results, digitisation, reuse and payment
appear only when their columns exist. Rendering only: the figures come computed in a
:class:`~cchc_kpi.report.written.WrittenReport`.
"""

from __future__ import annotations

from typing import Any

from cchc_kpi.calendar.periods import Period
from cchc_kpi.i18n.messages import text
from cchc_kpi.i18n.numfmt import (
    Lang,
    format_fixed,
    format_int,
    format_money,
    format_percent,
    vn_date,
)
from cchc_kpi.kpi.targets import target_for
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


def _trimmed(shown: str, lang: Lang) -> str:
    """ "1,20" → "1,2", "3,00" → "3": no decimals that say nothing."""
    mark = "," if lang == "vi" else "."
    return shown.rstrip("0").rstrip(mark) if mark in shown else shown


def _percent(numerator: Any, denominator: Any, lang: Lang) -> str:
    """A rate as the seeds write it: two decimals at most, none that say nothing
    ("100%", "81,7%", "99,77%")."""
    shown = format_percent(int(numerator or 0), int(denominator or 0), lang)
    return _trimmed(shown.removesuffix("%"), lang) + "%" if shown.endswith("%") else shown


TARGET_WORDS = {">=": "", ">": "above", "<": "below", "<=": "at_most", "=": ""}


def _target(row: dict[str, Any], metric: str, written: WrittenReport, lang: Lang) -> str:
    """ ", vượt chỉ tiêu giao là 45%" / ", chưa đạt chỉ tiêu giao là 45%" when the rate has a target."""
    value, passed = row.get(f"{metric}_target"), row.get(f"{metric}_pass")
    if value is None or passed is None or (passed and value == 0):  # "không có … quá hạn" says it
        return ""
    unit = row.get("unit") if row.get("unit") not in (None, "SUBTOTAL", "TOTAL") else None
    level = row.get("level") if row.get("level") not in (None, "SUBTOTAL", "TOTAL") else None
    applied = target_for(written.targets, metric, unit, level)
    op = applied.op if applied is not None else ">="
    shown = _percent(round(value * 1_000_000), 1_000_000, lang)
    words = TARGET_WORDS[op]
    limit = text(f"narrative.target_{words}", lang, value=shown) if words else shown
    beats = passed and op in (">=", ">") and row[metric] > value
    verdict = "beaten" if beats else "met" if passed else "missed"
    return text(f"narrative.target_{verdict}", lang, target=limit)


def _rate(row: dict[str, Any], metric: str, numerator: str, denominator: str, written: WrittenReport,
          lang: Lang) -> str:  # fmt: skip
    return _percent(row[numerator], row[denominator], lang) + _target(row, metric, written, lang)


COUNTS = ("received_total", "received_new", "carried_over", "received_online", "resolved", "resolved_in_time",
          "resolved_late", "pending", "pending_overdue", "withdrawn")  # fmt: skip


def paragraph(subject: str, row: dict[str, Any], written: WrittenReport, lang: Lang, payer: str = "") -> str:
    """One paragraph of figures for one group's row of the report: the whole first, said
    with its subject ("toàn tỉnh"), then each level or unit; zeros in words."""
    n = {k: _count(row.get(k), lang) for k in COUNTS}
    received = text("narrative.received", lang, subject=subject, **n)
    if row["carried_over"]:
        received += " " + text("narrative.carried", lang, **n)
    if row["online_rate"] is not None:
        key = "narrative.online" if row["received_online"] else "narrative.online_none"
        rate = _rate(row, "online_rate", "received_online", "_channel_known", written, lang)
        received += text(key, lang, rate=rate, **n)
    clauses = [received]
    if row["resolved"]:
        on_time = _rate(row, "on_time_rate", "resolved_in_time", "resolved", written, lang)
        clauses.append(text("narrative.resolved", lang, on_time=on_time, **n))
        if row["resolved_late"]:
            late = _rate(row, "late_rate", "resolved_late", "resolved", written, lang)
            clauses[-1] += text("narrative.late", lang, late=late, **n)
        else:
            clauses[-1] += text("narrative.late_none", lang) + _target(row, "late_rate", written, lang)
    else:
        clauses.append(text("narrative.resolved_none", lang))
    if row["pending"]:
        key = "narrative.pending" if row["pending_overdue"] else "narrative.pending_none"
        clauses.append(text(key, lang, **n))
    if row["withdrawn"]:
        clauses.append(text("narrative.withdrawn", lang, **n))
    sentences = ["; ".join(clauses) + "."]
    for metric, numerator, denominator in (
        ("e_result_rate", "e_result", "_e_result_known"),
        ("digitization_rate", "digitized", "_digitized_known"),
        ("reuse_rate", "reused", "_reused_known"),
    ):
        if row[metric] is not None:
            rate = _rate(row, metric, numerator, denominator, written, lang)
            sentences.append(text(f"narrative.{metric}", lang, rate=rate))
    if row["paid_online"]:
        amount = row["paid_online_amount"]
        key = ("narrative.paid_amount" if amount is not None else "narrative.paid") + (
            "_whole" if payer else ""
        )
        money = format_money(int(amount), lang) if amount is not None else ""
        said = text(key, lang, payer=payer, count=_count(row["paid_online"], lang), money=money)
        sentences.append(_capitalised(said))
    return " ".join(sentences)


def _moved(key: str, delta: int, amount: str, lang: Lang, share: str = "") -> str:
    """ "tăng 120 hồ sơ (10,5%)" / "giảm 1,2 điểm phần trăm" / "không thay đổi"."""
    if delta == 0:
        return text("narrative.unchanged", lang)
    way = "up" if delta > 0 else "down"
    return text(f"narrative.{key}_{way}", lang, amount=amount, share=share)


def comparison(written: WrittenReport, lang: Lang) -> str:
    """ "So với cùng kỳ năm 2023, số hồ sơ tiếp nhận tăng 120 hồ sơ (10,5%); tỷ lệ giải quyết
    đúng hạn giảm 1,2 điểm phần trăm …": the opening row's change (computed in the written
    report); empty without a comparison or earlier data."""
    earlier, change = written.earlier, written.change
    if earlier is None or change is None:
        return ""
    if written.grouped.compare is not None and written.grouped.compare.kind == "last-year":
        phrase = text("narrative.same_time", lang, year=str(earlier.year or earlier.start.year))
    else:
        phrase = period_phrase(earlier, lang)
    delta = change.received - change.received_before
    share = _trimmed(format_fixed(change.share, lang), lang) + "%"
    said = _moved("count", delta, format_int(abs(delta), lang), lang, share)
    clauses = [text("narrative.compare_received", lang) + " " + said]
    for rate, points in change.points:
        shown = _trimmed(format_fixed(abs(points), lang), lang)
        clauses.append(text(f"narrative.compare_{rate}", lang) + " " + _moved("points", points, shown, lang))
    return text("narrative.compare_lead", lang, phrase=phrase) + ", " + "; ".join(clauses) + "."


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _subject(row: dict[str, Any], written: WrittenReport, lang: Lang) -> str:
    if written.by == "unit":
        return str(row["unit"])
    return text(f"narrative.subject_{row['level']}", lang)


def _whole(written: WrittenReport, lang: Lang) -> str:
    if written.whole is None:
        return written.units[0] if len(written.units) == 1 else text("narrative.subject_all", lang)
    scope, kind = written.whole
    if scope == "province":
        return text("narrative.whole_province", lang)
    if scope == "level":
        return text(f"narrative.subject_{kind}", lang)
    shown = kind if lang == "vi" else DISTRICT_EN.get(kind or "", "district")
    return text("narrative.whole_district", lang, kind=shown)


DISTRICT_EN = {"huyện": "district", "quận": "district", "thị xã": "town", "thành phố": "city"}


def _joined(paragraph: str, sentence: str) -> str:
    return f"{paragraph} {sentence}" if sentence else paragraph


def narrative(written: WrittenReport, lang: Lang = "vi") -> list[str]:
    """The whole first, opened by the period ("Trong quý I năm 2024, toàn tỉnh tiếp nhận …"),
    then one paragraph per level (or unit) in Biểu 06 order; a single group is said once.
    With a comparison, the whole's paragraph ends with it."""
    lead = period_lead(written.period, lang)
    rows = [r for r in written.grouped.rows if r["row_type"] == "detail"]  # levels, or units
    total = written.grouped.total
    if total is None:
        return []
    if len(rows) == 1:  # one unit (or one level): said once, judged by its own targets
        subject = (
            str(rows[0]["unit"]) if "unit" in written.grouped.group_by else _subject(rows[0], written, lang)
        )
        return [_joined(f"{lead}, {paragraph(subject, rows[0], written, lang)}", comparison(written, lang))]
    whole = _whole(written, lang)
    opening = f"{lead}, {paragraph(whole, total, written, lang, payer=whole)}"
    paragraphs = [_joined(opening, comparison(written, lang))]
    paragraphs += [_capitalised(paragraph(_subject(r, written, lang), r, written, lang)) for r in rows]
    return paragraphs
