"""Tests of the QĐ 766 estimate: golden points on a small fixture (computed by hand),
the catalogue criteria, overrides from the configuration, what cannot be computed."""

from datetime import date

import pytest

from cchc_kpi.config import Score766Override
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.kpi.score766_criteria import bundled_table, criterion_ids, score_table
from cchc_kpi.report.build import ReportOptions
from cchc_kpi.report.score766 import score766_report

from .conftest import FIXTURES

DOSSIERS = FIXTURES / "score766_dossiers.csv"
CATALOG = FIXTURES / "catalog.csv"
LATER = date(2024, 6, 1)


def _criteria(score):
    return {c.id: c for g in score.groups for c in g.criteria}


def _report(**extra):
    options = ReportOptions(period="Q1-2024", as_of=LATER, **extra)
    return score766_report(ingest([DOSSIERS]), options, by_unit=True)


def test_bundled_table_adds_up_to_100():
    """The six groups of §10 with their maxima; 100 points in all."""
    table = bundled_table()
    assert [(g.name_vi, g.max) for g in table.groups] == [
        ("Công khai, minh bạch", 18), ("Tiến độ giải quyết", 20), ("Dịch vụ công trực tuyến", 12),
        ("Thanh toán trực tuyến", 10), ("Số hóa hồ sơ", 22), ("Mức độ hài lòng", 18),
    ]  # fmt: skip
    assert table.max == 100


def test_whole_golden_without_catalogue():
    """Whole: progress 20 × 7/10, online 6 × min(1, 0.5/0.5), payment 5 × 3/6, digitisation
    8 × 0.7/0.8, e-result 8 × (5/7)/0.8, reuse 6 × 0.3/0.8."""
    report = _report()
    c = _criteria(report)
    assert (c["progress"].numerator, c["progress"].denominator, c["progress"].points) == (7, 10, 14.0)
    assert c["online_submission"].rate == 0.5 and c["online_submission"].points == 6.0
    assert (c["payment_dossiers"].numerator, c["payment_dossiers"].denominator) == (3, 6)
    assert c["payment_dossiers"].points == 2.5
    assert c["digitized"].points == 7.0
    assert c["e_result"].points == pytest.approx(8 * (5 / 7) / 0.8, abs=1e-6)
    assert c["reuse"].points == 2.25
    assert report.total_points == pytest.approx(14 + 6 + 2.5 + 7 + 8 * (5 / 7) / 0.8 + 2.25, abs=1e-5)
    assert report.computable_max == 20 + 6 + 5 + 8 + 8 + 6
    assert report.estimate is True


def test_progress_is_twenty_times_progress_766_rate():
    """Per unit: progress points = 20 × progress_766_rate (commune 4/6, district 3/4)."""
    units = {u.unit: _criteria(u)["progress"] for u in _report().units}
    assert units["UBND xã Vạn Hưng"].points == pytest.approx(20 * 4 / 6, abs=1e-6)
    assert units["UBND huyện Vạn Ninh"].points == 15.0


def test_not_computable_listed_with_reasons():
    """Without a catalogue: publication, the two catalogue criteria and satisfaction are listed."""
    report = _report()
    reasons = {n.criterion: n.reason for n in report.not_computable}
    assert reasons == {
        "Công khai TTHC, tiến độ, kết quả giải quyết trên Cổng Dịch vụ công":
            "cần dữ liệu công khai, cập nhật trên Cổng Dịch vụ công (không có trong tệp xuất hồ sơ)",
        "Mức độ cung cấp dịch vụ công trực tuyến toàn trình": "cần danh mục TTHC (--catalog)",
        "Tỷ lệ TTHC có phí, lệ phí có phát sinh thanh toán trực tuyến": "cần danh mục TTHC (--catalog)",
        "Mức độ hài lòng của người dân, doanh nghiệp": "cần kết quả đánh giá, khảo sát mức độ hài lòng",
    }  # fmt: skip
    groups = {g.id: g for g in report.groups}
    assert groups["transparency"].points is None and groups["transparency"].max == 18


def test_catalogue_criteria_golden():
    """With the catalogue: fully online 6 × min(1, (share)/0.8), fee-bearing procedures paid online 5 × share."""
    report = _report(catalog=CATALOG)
    whole = _criteria(report)
    assert (whole["online_offer"].numerator, whole["online_offer"].denominator) == (2, 6)
    assert whole["online_offer"].points == 2.5
    assert (whole["payment_procedures"].numerator, whole["payment_procedures"].denominator) == (3, 4)
    assert whole["payment_procedures"].points == 3.75
    units = {u.unit: _criteria(u) for u in report.units}
    district = units["UBND huyện Vạn Ninh"]
    assert (district["online_offer"].numerator, district["online_offer"].denominator) == (1, 4)
    assert district["online_offer"].points == 1.875
    assert (district["payment_procedures"].numerator, district["payment_procedures"].denominator) == (2, 4)
    commune = units["UBND xã Vạn Hưng"]
    assert (commune["payment_procedures"].numerator, commune["payment_procedures"].denominator) == (1, 1)
    assert report.computable_max == 64
    assert report.catalog is not None and report.catalog[-1]["total"] == 6


def test_overrides_change_max_and_threshold():
    """[score766.online_submission] threshold 0.8 → 6 × 0.5/0.8; [score766.progress] max 25 → 25 × 0.7."""
    overrides = {
        "online_submission": Score766Override(threshold=0.8),
        "progress": Score766Override(max=25),
    }
    report = _report(score766=overrides)
    c = _criteria(report)
    assert c["online_submission"].points == 3.75 and c["online_submission"].threshold == 0.8
    assert c["progress"].points == 17.5 and c["progress"].max == 25
    assert {g.id: g.max for g in report.groups}["progress"] == 25
    assert report.max_points == 105
    assert report.overridden == ["progress", "online_submission"]


def test_override_leaves_bundled_table_alone():
    """Overriding builds a copy; the bundled table keeps its figures."""
    score_table({"progress": Score766Override(max=1)})
    assert score_table().groups[1].criteria[0].max == 20


def test_missing_column_reason(tmp_path):
    """A rate whose column the export lacks is not computed, naming the column."""
    path = tmp_path / "e.csv"
    path.write_text(
        "Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Hình thức nộp\n"
        "A;UBND xã Vạn Hưng;02/01/2024;05/01/2024;04/01/2024;Trực tuyến\n",
        encoding="utf-8",
    )
    report = score766_report(ingest([path]), ReportOptions(period="Q1-2024", as_of=LATER))
    c = _criteria(report)
    assert c["digitized"].points is None
    assert c["digitized"].reason == "tệp xuất không có cột Số hóa hồ sơ"
    assert c["progress"].points == 20.0


def test_no_dossiers_reason():
    """A period without dossiers computes nothing and says there is nothing to divide by."""
    report = score766_report(ingest([DOSSIERS]), ReportOptions(period="Q1-2023", as_of=LATER))
    assert _criteria(report)["progress"].reason == "không có hồ sơ nào làm mẫu số trong kỳ"
    assert report.total_points == 0 and report.computable_max == 0


def test_criterion_ids_known():
    """The ids a configuration may name are the bundled criteria."""
    assert criterion_ids() == [
        "publication", "progress", "online_submission", "online_offer", "payment_dossiers",
        "payment_procedures", "digitized", "e_result", "reuse", "satisfaction",
    ]  # fmt: skip
