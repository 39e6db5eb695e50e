"""Tables fit the terminal: nothing cut, bands when too wide, labels and titles whole."""

from __future__ import annotations

import re

import pytest

from tests.conftest import FIXTURES, SAMPLE_DATA

WIDTHS = (80, 100, 120)


@pytest.fixture
def at_width(monkeypatch: pytest.MonkeyPatch, cli):
    """Run the CLI on a terminal of a given width."""

    def run(width: int, *args: str):
        monkeypatch.setenv("COLUMNS", str(width))
        monkeypatch.setenv("NO_COLOR", "1")
        return cli(*args)

    return run


def _longest_line(out: str) -> int:
    return max(len(line) for line in out.splitlines())


def _words(out: str) -> set[str]:
    """The words of an output, rule lines aside."""
    return {w for w in re.findall(r"\S+", out) if set(w) != {"─"}}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_table_fits_and_keeps_every_column(at_width, width: int, lang: str) -> None:
    """The level/unit table fits the terminal, shows every column label and never an ellipsis."""
    result = at_width(
        width,
        "report",
        "-p",
        "Q1-2024",
        "--by",
        "level,unit",
        str(SAMPLE_DATA),
        "-f",
        "table",
        "--lang",
        lang,
    )
    assert result.code == 0
    assert _longest_line(result.out) <= width
    assert "…" not in result.out
    wide = at_width(
        200, "report", "-p", "Q1-2024", "--by", "level,unit", str(SAMPLE_DATA), "-f", "table", "--lang", lang
    )
    missing = _words(wide.out) - _words(result.out)
    ratios = {w for w in missing if re.fullmatch(r"[\d.,]+/[\d.,]+", w)}
    assert missing == ratios
    if ratios:  # numerator/denominator left out only when they would cost a band, and said
        assert ("tử số/mẫu số" if lang == "vi" else "numerator/denominator") in result.out


def test_narrow_table_says_it_is_in_bands(at_width) -> None:
    """A table wider than the terminal is printed in numbered bands and a line says so."""
    result = at_width(80, "report", "-p", "Q1-2024", "--by", "level,unit", str(SAMPLE_DATA), "-f", "table")
    assert "Phần 1/2" in result.out and "Phần 2/2" in result.out
    assert "Bảng rộng hơn màn hình nên được in thành 2 phần" in result.out


def test_title_is_wrapped_between_words(at_width) -> None:
    """The title wraps between words, never inside one (the period's end date stays whole)."""
    result = at_width(80, "report", "-p", "Q1-2024", "--by", "unit", str(SAMPLE_DATA), "-f", "table")
    head = " ".join(result.out.splitlines()[:2])
    assert "đến ngày 31/03/2024" in head


def test_units_shortened_with_a_legend(at_width) -> None:
    """On a narrow terminal long unit names are shortened and a legend under the table spells them out."""
    result = at_width(80, "report", "-p", "Q1-2024", "--by", "level,unit", str(SAMPLE_DATA), "-f", "table")
    assert "CN VPĐKĐĐ TP" in result.out
    assert (
        "CN VPĐKĐĐ = Chi nhánh Văn phòng đăng ký đất đai; tên đầy đủ trong CSV, JSON và tệp Excel"
        in " ".join(result.out.split())
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_overdue_keeps_codes_whole(at_width, width: int) -> None:
    """The overdue list prints each dossier code on one line and keeps its days-late column."""
    result = at_width(
        width, "overdue", "-p", "Q1-2024", "--as-of", "2024-03-31", str(SAMPLE_DATA), "-f", "table"
    )
    assert result.code == 0
    assert _longest_line(result.out) <= width
    assert "H34.28.30-240318-0004" in result.out
    assert "Số ngày" in result.out


@pytest.mark.parametrize(
    "args",
    [
        ("calendar", "--year", "2025", "-f", "table"),
        ("validate", str(FIXTURES / "bad_dates.csv"), "-f", "table", "--max-invalid", "100%"),
        ("inspect", str(FIXTURES / "html_export.xls"), "-f", "table"),
        ("score766", "-p", "Q1-2024", str(SAMPLE_DATA), "-f", "table"),
    ],
    ids=["calendar", "validate", "inspect", "score766"],
)
def test_other_tables_fit_80_columns(at_width, args: tuple[str, ...]) -> None:
    """calendar, validate, inspect and score766 fit 80 columns without cropping a word."""
    wide = at_width(200, *args)
    narrow = at_width(80, *args)
    assert _longest_line(narrow.out) <= 80
    assert "…" not in narrow.out
    assert _words(wide.out) - _words(narrow.out) == set()
