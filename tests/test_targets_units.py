"""Tests of targets, unit hierarchy, rollups, the 2025 reorganisation and the output lock."""

import json
from datetime import date

import pytest

from cchc_kpi.atomic import output_lock
from cchc_kpi.config import load_config
from cchc_kpi.errors import LockBusyError
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.report.build import report_from_dataset
from cchc_kpi.report.options import ReportOptions

from .conftest import FIXTURES

GOLDEN = [FIXTURES / "golden_a.csv", FIXTURES / "golden_b.csv"]
LATER = date(2026, 1, 1)


def _report(paths, config, period="Q1-2024", by=("unit",), **extra):
    settings = load_config(config)
    options = ReportOptions(
        period=period, by=list(by), as_of=LATER, targets=settings.targets, units_config=settings.units,
        merges=settings.merges, **extra,
    )  # fmt: skip
    return report_from_dataset(ingest(paths), options, lang="en")


def test_targets_pass_fail_and_no_data():
    """Unit targets beat level targets beat general ones; a null rate is neither pass nor fail."""
    report = _report(GOLDEN, FIXTURES / "targets.toml")
    rows = {r["unit"]: r for r in report.rows}
    vh, lt = rows["UBND xã Vạn Hưng"], rows["UBND phường Lộc Thọ"]
    assert (vh["online_rate_target"], vh["online_rate_pass"]) == (0.5, True)  # 6/12 = 0.5 >= 0.5
    assert (lt["online_rate_target"], lt["online_rate_pass"]) == (0.5, True)  # 3/5
    assert (vh["e_result_rate_target"], vh["e_result_rate_pass"]) == (0.6, False)  # 3/6
    assert (lt["e_result_rate"], lt["e_result_rate_target"], lt["e_result_rate_pass"]) == (None, 0.6, None)
    assert (vh["late_rate_target"], vh["late_rate_pass"]) == (0.25, False)  # unit target: 2/6 < 0.25 is false
    assert (lt["late_rate_target"], lt["late_rate_pass"]) == (0, True)  # general target: 0/5 <= 0
    misses = {(m.scope, m.metric) for m in report.target_misses}
    assert ("UBND xã Vạn Hưng", "e_result_rate") in misses
    assert ("TOTAL", "late_rate") in misses


def test_fail_on_target_miss_exit_3(cli):
    """--fail-on-target-miss exits 3 and names each miss on stderr; CSV carries the target columns."""
    args = ["report", "-p", "Q1-2024", "--by", "unit", *map(str, GOLDEN), "--config", str(FIXTURES / "targets.toml"),
            "--as-of", "2026-01-01", "-f", "csv", "--lang", "en"]  # fmt: skip
    plain = cli(*args)
    assert plain.code == 0
    assert plain.out.splitlines()[0].endswith("online_rate_target,online_rate_pass,e_result_rate_target,"
                                              "e_result_rate_pass,late_rate_target,late_rate_pass")  # fmt: skip
    strict = cli(*args, "--fail-on-target-miss")
    assert strict.code == 3
    assert "UBND xã Vạn Hưng: Electronic result rate 50.00%, target >= 60.00% — missed" in strict.err


def test_rollups_add_up():
    """--by area,unit: a district's subtotal = its desk + its land branch + its communes; aliases join."""
    report = _report([FIXTURES / "rollup.csv"], FIXTURES / "rollup.toml", "2023", by=("area", "unit"))
    rows = [(r["area"], r["unit"], r["received_total"]) for r in report.rows]
    assert rows[:4] == [
        ("Phòng Văn hóa huyện Hớn Quản", "SUBTOTAL", 1),
        ("Phòng Văn hóa huyện Hớn Quản", "Phòng Văn hóa huyện Hớn Quản", 1),
        ("UBND thị xã Bình Long", "SUBTOTAL", 5),
        ("UBND thị xã Bình Long", "Chi nhánh Văn phòng đăng ký đất đai thị xã Bình Long", 1),
    ]
    members = [r for r in report.rows if r["area"] == "UBND thị xã Bình Long" and r["row_type"] == "detail"]
    assert {r["unit"] for r in members} == {
        "UBND thị xã Bình Long", "Chi nhánh Văn phòng đăng ký đất đai thị xã Bình Long",
        "UBND phường An Lộc", "UBND xã Thanh Lương",
    }  # fmt: skip
    assert sum(r["received_total"] for r in members) == 5
    assert any(
        w.startswith("1 units are not in the configured unit list (still counted)") for w in report.warnings
    )


def test_reorganisation_lines_up_under_as_units():
    """Q2-2025 (before 1/7/2025) and Q3-2025 (after) line up when former wards count under their successor."""
    before = _report([FIXTURES / "reorg.csv"], FIXTURES / "reorg.toml", "Q2-2025")
    assert {r["unit"] for r in before.rows} == {
        "UBND phường Phước Tiến",
        "UBND phường Phước Tân",
        "UBND xã Vĩnh Thái",
    }
    mapped = _report([FIXTURES / "reorg.csv"], FIXTURES / "reorg.toml", "Q2-2025", as_units=date(2025, 7, 1))
    after = _report([FIXTURES / "reorg.csv"], FIXTURES / "reorg.toml", "Q3-2025", as_units=date(2025, 7, 1))
    assert (
        {r["unit"] for r in mapped.rows}
        == {r["unit"] for r in after.rows}
        == {"UBND phường Nha Trang", "UBND xã Vĩnh Thái"}
    )
    nha_trang = next(r for r in mapped.rows if r["unit"] == "UBND phường Nha Trang")
    assert nha_trang["received_new"] == 2
    assert any("counted under their successors" in w for w in mapped.warnings)
    validity = _report([FIXTURES / "reorg.csv"], FIXTURES / "reorg.toml", "2025")
    assert not any("outside their unit's configured validity" in w for w in validity.warnings)


def test_lock_busy_exit_4(cli, tmp_path):
    """A second run writing the same output stops with exit 4 while the first holds the lock."""
    target = tmp_path / "q1.json"
    with output_lock(target):
        result = cli("report", "-p", "Q1-2024", *map(str, GOLDEN), "-o", target)
        assert result.code == 4
        assert (
            "another run is writing"
            in cli("report", "-p", "Q1-2024", *map(str, GOLDEN), "-o", target, "--lang", "en").err
        )
        with pytest.raises(LockBusyError), output_lock(target):
            pass
    assert cli("report", "-p", "Q1-2024", *map(str, GOLDEN), "-o", target).code == 0
    assert json.loads(target.read_text("utf-8"))["total"]["received_total"] == 20
    assert not list(tmp_path.glob(".q1.json.lock"))


@pytest.mark.parametrize("by", [None, "field", "month", "level"])
def test_targets_alert_whatever_the_grouping(cli, by):
    """--fail-on-target-miss exits 3 and names the same misses whatever --by shows (or none)."""
    args = ["report", "-p", "Q1-2024", *map(str, GOLDEN), "--config", str(FIXTURES / "targets.toml"),
            "--as-of", "2026-01-01", "-f", "csv", "--lang", "en", "--fail-on-target-miss", "--quiet"]  # fmt: skip
    result = cli(*args, *(["--by", by] if by else []))
    assert result.code == 3
    assert result.err.splitlines() == [
        "Total: Electronic result rate 50.00%, target >= 60.00% — missed",
        "Total: Late rate 18.18%, target <= 0.00% — missed",
        "Commune: Electronic result rate 50.00%, target >= 60.00% — missed",
        "Commune: Late rate 18.18%, target <= 0.00% — missed",
        "UBND xã Vạn Hưng: Electronic result rate 50.00%, target >= 60.00% — missed",
        "UBND xã Vạn Hưng: Late rate 33.33%, target < 25.00% — missed",
    ]


def test_rows_of_a_field_are_nobody_s_target():
    """Rows grouped by field carry no target (null), rows of units and levels do."""
    report = _report(GOLDEN, FIXTURES / "targets.toml", by=("level", "field"))
    subtotal = next(r for r in report.rows if r["row_type"] == "subtotal")
    detail = next(r for r in report.rows if r["row_type"] == "detail")
    assert subtotal["late_rate_target"] == 0
    assert (detail["late_rate_target"], detail["late_rate_pass"]) == (None, None)


def test_workbook_marks_missed_targets(cli, tmp_path):
    """The workbook's by-unit sheet has a target column per targeted metric and the missed cells in red."""
    import openpyxl

    out = tmp_path / "t.xlsx"
    args = ["report", "-p", "Q1-2024", *map(str, GOLDEN), "--config", str(FIXTURES / "targets.toml"),
            "--as-of", "2026-01-01", "-o", str(out)]  # fmt: skip
    assert cli(*args).code == 0
    sheet = openpyxl.load_workbook(out)["Theo đơn vị"]
    header_row = next(r for r in sheet.iter_rows() if r[1].value == "Đơn vị")
    header = [c.value for c in header_row]
    assert header[-3:] == [
        "Chỉ tiêu giao: % trễ hạn",
        "Chỉ tiêu giao: % trực tuyến",
        "Chỉ tiêu giao: % KQ điện tử",
    ]
    red = {
        (row[1].value, header[cell.column - 1])
        for row in sheet.iter_rows(min_row=header_row[0].row + 1)
        for cell in row
        if cell.fill.fgColor.rgb == "FFFFC7CE"
    }
    assert ("UBND xã Vạn Hưng", "Tỷ lệ trễ hạn") in red
    assert ("UBND xã Vạn Hưng", "Tỷ lệ cấp kết quả điện tử") in red
    assert ("UBND phường Lộc Thọ", "Tỷ lệ trễ hạn") not in red


def test_filtered_report_judges_only_what_it_holds(cli):
    """With --unit, only that unit is judged: its miss is named once, not again as its level and the whole."""
    args = ["report", "-p", "Q1-2024", *map(str, GOLDEN), "--config", str(FIXTURES / "targets.toml"), "--as-of",
            "2026-01-01", "-f", "csv", "--lang", "en", "--fail-on-target-miss", "--quiet", "--unit", "UBND xã Vạn Hưng"]  # fmt: skip
    result = cli(*args)
    assert result.code == 3
    assert result.err.splitlines() == [
        "UBND xã Vạn Hưng: Electronic result rate 50.00%, target >= 60.00% — missed",
        "UBND xã Vạn Hưng: Late rate 33.33%, target < 25.00% — missed",
    ]
