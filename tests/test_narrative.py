"""Golden tests of the written-report paragraph, word for word in both languages."""

from datetime import date

from cchc_kpi.calendar.periods import resolve_period
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.outputs.narrative import narrative, period_lead
from cchc_kpi.report.options import ReportOptions
from cchc_kpi.report.run import prepare_dataset
from cchc_kpi.report.written import units_in_period, written_report

from .conftest import FIXTURES

GOLDEN = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]
OPTIONS = ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1))


def _paragraphs(lang, by="level"):
    prepared = prepare_dataset(ingest(GOLDEN), OPTIONS)
    return narrative(written_report(prepared, by, lang, units_in_period(prepared)), lang)


VI_UNIT_LT = (
    "Trong quý I năm 2024, UBND phường Lộc Thọ tiếp nhận 6 hồ sơ (trong kỳ 5 hồ sơ, kỳ trước chuyển sang 1 hồ sơ; "
    "trực tuyến 3 hồ sơ, đạt 60,00%); đã giải quyết 5 hồ sơ, trong đó trước hạn và đúng hạn 5 hồ sơ (đạt 100,00%), "
    "quá hạn 0 hồ sơ (0,00%); đang giải quyết 1 hồ sơ, trong đó quá hạn 1 hồ sơ. "
    "Có 1 hồ sơ thanh toán trực tuyến với tổng số tiền 10.000 đồng."
)
VI_WHOLE = (
    "Trong quý I năm 2024, các cơ quan, đơn vị tiếp nhận 20 hồ sơ (trong kỳ 17 hồ sơ, kỳ trước chuyển sang 3 hồ sơ; "
    "trực tuyến 9 hồ sơ, đạt 52,94%); đã giải quyết 11 hồ sơ, trong đó trước hạn và đúng hạn 9 hồ sơ (đạt 81,82%), "
    "quá hạn 2 hồ sơ (18,18%); đang giải quyết 6 hồ sơ, trong đó quá hạn 4 hồ sơ; rút, dừng xử lý 3 hồ sơ. "
    "Tỷ lệ hồ sơ cấp kết quả điện tử đạt 50,00%. Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 33,33%. "
    "Có 3 hồ sơ thanh toán trực tuyến với tổng số tiền 65.000 đồng."
)
EN_WHOLE = (
    "In the first quarter of 2024, the units received 20 dossiers (17 new, 3 carried over; 9 online, 52.94%); "
    "resolved 11, of which 9 early or on time (81.82%) and 2 late (18.18%); 6 pending, of which 4 overdue; "
    "3 withdrawn or stopped. Electronic results: 50.00%. Digitisation of dossiers and results: 33.33%. "
    "3 dossiers were paid online, 65,000 VND in total."
)


def test_vietnamese_by_level_and_whole():
    """One paragraph per level, then the whole; sentences only for columns that exist."""
    paragraphs = _paragraphs("vi")
    assert paragraphs == [VI_WHOLE.replace("các cơ quan, đơn vị", "UBND cấp xã"), VI_WHOLE]


def test_vietnamese_by_unit():
    """--narrative-by unit: one per unit; a unit without e-result or digitisation columns has no such sentence."""
    paragraphs = _paragraphs("vi", by="unit")
    assert paragraphs[0] == VI_UNIT_LT
    assert paragraphs[-1] == VI_WHOLE


def test_english():
    """The English paragraph, word for word."""
    assert _paragraphs("en")[-1] == EN_WHOLE


def test_period_phrases():
    """Periods are named as documents name them."""
    later = date(2026, 1, 1)
    cases = {
        "2024-05": ("Trong tháng 5 năm 2024", "In May 2024"),
        "Q1-2024": ("Trong quý I năm 2024", "In the first quarter of 2024"),
        "H1-2023": ("Trong 6 tháng đầu năm 2023", "In the first 6 months of 2023"),
        "9M-2024": ("Trong 9 tháng đầu năm 2024", "In the first 9 months of 2024"),
        "5T-2024": ("Trong 5 tháng đầu năm 2024", "In the first 5 months of 2024"),
        "2017": ("Trong năm 2017", "In 2017"),
        "2023-12-15..2024-08-07": ("Từ ngày 15/12/2023 đến ngày 07/8/2024", "From 15/12/2023 to 07/8/2024"),
    }
    for name, (vi, en) in cases.items():
        period = resolve_period(name, as_of=later)
        assert (period_lead(period, "vi"), period_lead(period, "en")) == (vi, en), name
