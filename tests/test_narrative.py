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


VI_WHOLE = (
    "Trong quý I năm 2024, UBND cấp xã tiếp nhận 20 hồ sơ (trong kỳ 17 hồ sơ, kỳ trước chuyển sang 3 hồ sơ), "
    "trong đó 9 hồ sơ trực tuyến (đạt 52,94%); đã giải quyết 11 hồ sơ, tỷ lệ giải quyết trước hạn và đúng hạn đạt "
    "81,82%, quá hạn 2 hồ sơ (chiếm 18,18%); đang giải quyết 6 hồ sơ, trong đó 4 hồ sơ quá hạn; 3 hồ sơ rút, dừng "
    "xử lý. Tỷ lệ hồ sơ cấp kết quả điện tử đạt 50%. Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 33,33%. "
    "{payer}hát sinh 3 hồ sơ thanh toán trực tuyến với tổng số tiền 65.000 đồng."
)
VI_UNIT_LT = (
    "UBND phường Lộc Thọ tiếp nhận 6 hồ sơ (trong kỳ 5 hồ sơ, kỳ trước chuyển sang 1 hồ sơ), trong đó 3 hồ sơ trực "
    "tuyến (đạt 60%); đã giải quyết 5 hồ sơ, tỷ lệ giải quyết trước hạn và đúng hạn đạt 100%, không có hồ sơ quá "
    "hạn; đang giải quyết 1 hồ sơ, trong đó 1 hồ sơ quá hạn. Phát sinh 1 hồ sơ thanh toán trực tuyến với tổng số "
    "tiền 10.000 đồng."
)
VI_UNIT_VH = (
    "UBND xã Vạn Hưng tiếp nhận 14 hồ sơ (trong kỳ 12 hồ sơ, kỳ trước chuyển sang 2 hồ sơ), trong đó 6 hồ sơ trực "
    "tuyến (đạt 50%); đã giải quyết 6 hồ sơ, tỷ lệ giải quyết trước hạn và đúng hạn đạt 66,67%, quá hạn 2 hồ sơ "
    "(chiếm 33,33%); đang giải quyết 5 hồ sơ, trong đó 3 hồ sơ quá hạn; 3 hồ sơ rút, dừng xử lý. Tỷ lệ hồ sơ cấp "
    "kết quả điện tử đạt 50%. Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 33,33%. Phát sinh 2 hồ sơ thanh toán "
    "trực tuyến với tổng số tiền 55.000 đồng."
)
EN_WHOLE = (
    "In the first quarter of 2024, commune people's committees received 20 dossiers (17 new, 3 carried over), "
    "9 online (52.94%); resolved 11, early or on time 81.82%, 2 late (18.18%); 6 pending, of which 4 overdue; "
    "3 withdrawn or stopped. Electronic results: 50%. Digitisation of dossiers and results: 33.33%. "
    "3 dossiers were paid online, 65,000 VND in total."
)


def test_vietnamese_by_level_and_whole():
    """One level only: said once, opened by the period, zeros in words, rates without empty decimals."""
    assert _paragraphs("vi") == [VI_WHOLE.format(payer="P")]


def test_vietnamese_by_unit():
    """--narrative-by unit: the whole first with its subject, then each unit without the period."""
    assert _paragraphs("vi", by="unit") == [VI_WHOLE.format(payer="UBND cấp xã p"), VI_UNIT_LT, VI_UNIT_VH]


def test_english():
    """The English paragraph, word for word."""
    assert _paragraphs("en") == [EN_WHOLE]


def test_targets_said_as_the_seeds_say_them():
    """A rate with a target says "vượt / đạt / chưa đạt chỉ tiêu giao là …"."""
    from cchc_kpi.config import load_config

    targets = load_config(FIXTURES / "targets.toml").targets
    options = ReportOptions(period="Q1-2024", as_of=date(2026, 1, 1), targets=targets)
    prepared = prepare_dataset(ingest(GOLDEN), options)
    paragraphs = narrative(written_report(prepared, "unit", "vi", units_in_period(prepared)), "vi")
    assert "trong đó 6 hồ sơ trực tuyến (đạt 50%, đạt chỉ tiêu giao là 50%)" in paragraphs[2]
    assert "quá hạn 2 hồ sơ (chiếm 33,33%, chưa đạt chỉ tiêu giao là dưới 25%)" in paragraphs[2]
    assert "Tỷ lệ hồ sơ cấp kết quả điện tử đạt 50%, chưa đạt chỉ tiêu giao là 60%." in paragraphs[2]
    assert "trong đó 3 hồ sơ trực tuyến (đạt 60%, vượt chỉ tiêu giao là 50%)" in paragraphs[1]


def test_sample_whole_is_the_province_and_levels_follow_bieu06():
    """The sample (departments, districts, communes): "toàn tỉnh" first, then levels in Biểu 06 order."""
    from tests.conftest import SAMPLE_DATA

    prepared = prepare_dataset(ingest([SAMPLE_DATA]), OPTIONS)
    paragraphs = narrative(written_report(prepared, "level", "vi", units_in_period(prepared)), "vi")
    assert paragraphs[0].startswith("Trong quý I năm 2024, toàn tỉnh tiếp nhận 1.827 hồ sơ")
    assert (
        "Toàn tỉnh phát sinh 612 hồ sơ thanh toán trực tuyến với tổng số tiền 55,57 triệu đồng."
        in paragraphs[0]
    )
    subjects = [p.split(" tiếp nhận")[0] for p in paragraphs[1:]]
    assert subjects == ["Các sở, ban, ngành", "UBND cấp huyện", "Các Chi nhánh Văn phòng đăng ký đất đai",
                        "UBND cấp xã"]  # fmt: skip
    assert all("Trong quý" not in p for p in paragraphs[1:])
    import re

    assert re.search(r"(?<![\d.])0 hồ sơ", " ".join(paragraphs)) is None
    assert ",00%" not in " ".join(paragraphs)


def test_one_unit_is_said_once(cli):
    """With --unit, one paragraph naming the unit (not the same figures twice)."""
    from tests.conftest import SAMPLE_DATA

    result = cli(
        "report", "-p", "Q1-2024", str(SAMPLE_DATA), "--unit", "UBND xã Vạn Phú", "-f", "text", "--quiet"
    )
    paragraphs = result.out.strip().split("\n\n")
    assert len(paragraphs) == 1
    assert paragraphs[0].startswith("Trong quý I năm 2024, UBND xã Vạn Phú tiếp nhận 55 hồ sơ")


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


def test_some_units_are_never_the_province(cli):
    """--level district: the paragraph is of "UBND cấp huyện", never "toàn tỉnh"."""
    from tests.conftest import SAMPLE_DATA

    result = cli("report", "-p", "Q1-2024", str(SAMPLE_DATA), "--level", "huyện", "-f", "text", "--quiet")
    assert result.out.startswith("Trong quý I năm 2024, UBND cấp huyện tiếp nhận 311 hồ sơ")
    assert "toàn tỉnh" not in result.out.lower()
