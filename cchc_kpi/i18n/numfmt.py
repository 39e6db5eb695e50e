"""Numbers as Vietnamese and English readers write them.

Vietnamese: thousands with "." and decimals with "," (7.300; 99,77%).
English: thousands with "," and decimals with "." (7,300; 99.77%).
Percentages are rounded half-up from the integer numerator and denominator,
never from an already rounded float.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

_SEPARATORS: dict[str, tuple[str, str]] = {"vi": (".", ","), "en": (",", ".")}


def format_int(value: int, lang: Lang = "vi") -> str:
    """Return ``value`` with the language's thousands separator (7.300 / 7,300)."""
    thousands, _ = _SEPARATORS[lang]
    sign = "-" if value < 0 else ""
    digits = f"{abs(int(value)):,}".replace(",", thousands)
    return sign + digits


def percent_hundredths(numerator: int, denominator: int) -> int | None:
    """Return numerator/denominator in hundredths of a percent, rounded half-up.

    ``None`` when the denominator is 0 (the rate is undefined).
    """
    if denominator == 0:
        return None
    # 10000 * n / d rounded half up, in integers only.
    scaled = numerator * 10000
    quotient, remainder = divmod(scaled, denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient


def format_fixed(hundredths: int, lang: Lang = "vi") -> str:
    """Return a value given in hundredths with two decimals (9977 → 99,77)."""
    decimal = _SEPARATORS[lang][1]
    sign = "-" if hundredths < 0 else ""
    whole, frac = divmod(abs(hundredths), 100)
    return f"{sign}{format_int(whole, lang)}{decimal}{frac:02d}"


def format_percent(numerator: int, denominator: int, lang: Lang = "vi") -> str:
    """Return the rate as a percentage with two decimals ("99,77%"); "–" when undefined."""
    hundredths = percent_hundredths(numerator, denominator)
    if hundredths is None:
        return "–"
    return format_fixed(hundredths, lang) + "%"


def format_date(day: date) -> str:
    """A date in lists, tables and messages, in both languages: 07/08/2024."""
    return f"{day:%d/%m/%Y}"


def format_datetime(moment: datetime) -> str:
    """A timestamp in lists and messages: 07/08/2024 14:05."""
    return f"{moment:%d/%m/%Y %H:%M}"


def vn_date(day: date) -> str:
    """A date as Vietnamese documents write it (NĐ 30/2020): a leading zero on days under 10
    and on months 1 and 2 only — 07/8/2024, 15/12/2023, 05/02/2024."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def format_money(amount: int, lang: Lang = "vi") -> str:
    """An amount of VND as reports write it: "434,25 triệu đồng", "3,81 tỷ đồng", "35.000 đồng"."""
    units = {"vi": ("tỷ đồng", "triệu đồng", "đồng"), "en": ("billion VND", "million VND", "VND")}[lang]
    for scale, unit in ((10**9, units[0]), (10**6, units[1])):
        if abs(amount) >= scale:
            return f"{format_fixed(percent_hundredths(amount, scale * 100) or 0, lang)} {unit}"
    return f"{format_int(amount, lang)} {units[2]}"
