"""Tests of the message catalogue."""

import ast
import re
import string
from pathlib import Path

from cchc_kpi.i18n.messages import Message, text
from cchc_kpi.i18n.texts.base import TEXTS

PACKAGE = Path(__file__).parent.parent / "cchc_kpi"
KEY = r"(input|usage|output|warn|reject|validate|sample|col|label|list|config|report|inspect|calendar|overdue|narrative|bieu06|workbook|sheet|about|metric|short|key|level|channel)\.[a-z_0-9]+"
KEY_PATTERN = r"(input|usage|output|warn|reject|validate|sample|col|label|list)\.[a-z_]+"


def _fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# phrases whose wording needs a different parameter in each language (both are always passed)
LANGUAGE_SPECIFIC = {"narrative.quarter": ({"roman"}, {"ordinal"}), "narrative.month": ({"n"}, {"name"})}


def test_both_languages_take_the_same_parameters():
    """Every entry has a Vietnamese and an English text with the same placeholders (known exceptions aside)."""
    for key, (vi, en) in TEXTS.items():
        assert en, key
        assert vi or key.startswith("ordinal."), key
        only_vi, only_en = LANGUAGE_SPECIFIC.get(key, (set(), set()))
        assert _fields(vi) - only_vi == _fields(en) - only_en, key


def test_every_key_used_in_code_exists():
    """Each catalogue key named in the package is defined."""
    used = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        pieces = {id(c) for j in ast.walk(tree) if isinstance(j, ast.JoinedStr) for c in j.values}
        for node in ast.walk(tree):
            if id(node) in pieces:  # literal pieces of f-strings are prefixes, not keys
                continue
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(KEY, node.value)
            ):
                used.add(node.value)
    missing = sorted(k for k in used if k not in TEXTS)
    assert not missing


def test_numbers_formatted_per_language():
    """Integer parameters use the language's thousands separator; lists are joined and capped."""
    message = Message("warn.duplicates_identical", {"count": 7300})
    assert message.render("vi").startswith("7.300 ")
    assert message.render("en").startswith("7,300 ")
    many = text(
        "warn.column_conflict", "en", file="f", field="unit", used="a", ignored=[str(i) for i in range(15)]
    )
    assert many.endswith("… (3 more)")
