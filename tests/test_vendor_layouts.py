"""Exports in the layouts real platforms write (vendor-layouts.md; fixtures from
tests/fixtures/build_vendor_fixtures.py), read without a configuration: figures computed by
hand for Q1-2024, every row accounted for, no applicant value in any output."""

import json
import zipfile

import pytest

from cchc_kpi.ingestion.pipeline import ingest

from .conftest import FIXTURES

PERIOD = ("-p", "Q1-2024", "--as-of", "2026-01-01")
COUNTS = ("received_total", "received_new", "carried_over", "resolved", "resolved_early", "resolved_on_time",
          "resolved_late", "pending", "pending_in_time", "pending_overdue", "withdrawn", "not_accepted")  # fmt: skip
# applicants, officers and free texts of the fixtures: never in an output
APPLICANTS = ("Lê Văn Tám", "Thôn 3", "Nguyễn Văn An", "Nguyễn Trãi", "Phạm Văn Nộp", "Trần Thị Thu", "Lê Thị Nhận",
              "Hoàng Văn Dân", "038123456789", "0987654321", "dan@example.vn", "Võ Thị Chủ", "Ấp 2",
              "0939123456", "xin rút để bổ sung", "không đủ điều kiện")  # fmt: skip


def _report(cli, name, *extra):
    result = cli("report", *PERIOD, FIXTURES / name, "-f", "json", *extra)
    assert result.code == 0, result.err
    for value in APPLICANTS:
        assert value not in result.out + result.err, value
    return json.loads(result.out)


def _counts(row):
    return tuple(row[k] for k in COUNTS)


def _balanced(report):
    acc = report["accounting"]
    assert (
        acc["rows_read"] == acc["rows_used"] + acc["rows_rejected"] + acc["rows_skipped"] + acc["duplicates"]
    )
    return acc


def test_td_dossier_list(cli):
    """TD's HTML list (.xls): carried over, early / on time / late, pending, withdrawn, refused by submission date."""
    report = _report(cli, "td_danh_sach.xls", "--by", "unit")
    assert _counts(report["total"]) == (7, 6, 1, 4, 1, 1, 2, 2, 1, 1, 1, 1)
    units = {r["unit"]: _counts(r) for r in report["rows"]}
    assert units == {
        "UBND xã Quảng Phú": (4, 4, 0, 3, 1, 1, 1, 1, 1, 0, 0, 0),
        "UBND xã Quảng Tâm": (3, 2, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1),
    }
    assert report["total"]["received_online"] is None  # TD's list has no channel column: unknown, not 0
    assert _balanced(report) == {"rows_read": 11, "rows_used": 8, "rows_rejected": 0, "rows_skipped": 3,
                                 "duplicates": 0, "skipped_files": []}  # fmt: skip


def test_td_returned_and_withdrawn_list(cli):
    """TD's "trả lại / xin rút" list keeps status "Đã trả kết quả": the reason makes them withdrawn, and says so."""
    report = _report(cli, "td_tra_lai_xin_rut.xls")
    assert _counts(report["total"]) == (3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0)
    assert (
        '3 hồ sơ có lý do xin rút / trả lại được tính là rút, dừng xử lý dù trạng thái ghi khác (ví dụ "Đã trả kết quả")'
        in report["warnings"]
    )


def test_td_fee_list(cli):
    """TD's online fee list: unit from "Đơn vị thống kê", "Nộp trực tuyến" online, the total column the fee,
    the money row not a dossier count."""
    report = _report(cli, "td_thu_phi.xls")
    total = report["total"]
    assert _counts(total) == (3, 3, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0)
    assert (total["received_online"], total["received_direct"], total["fee_dossiers"]) == (2, 1, 3)
    assert total["paid_online"] is None  # no payment column
    path = FIXTURES / "td_thu_phi.xls"
    assert (
        f"{path}: không có cột đơn vị; mọi hồ sơ được tính cho đơn vị ghi ở đầu tệp: UBND xã Quảng Phú"
        in (report["warnings"])
    )
    assert not any("dòng tổng cộng" in w for w in report["warnings"])
    dossiers = ingest([path]).dossiers
    assert dossiers["fee_amount"].to_list() == [35_000, 50_000, 10_000]
    assert _balanced(report)["rows_skipped"] == 5  # title 3, header 1, total 1


def test_td_public_results_template(cli):
    """TD's "Công khai kết quả": the unit line, the two-row header, field and procedure group rows, the footer."""
    report = _report(cli, "td_cong_khai.xls", "--by", "unit")
    assert [r["unit"] for r in report["rows"]] == ["UBND huyện Quảng Xương"]
    assert _counts(report["total"]) == (3, 3, 0, 0, 0, 0, 0, 3, 1, 2, 0, 0)
    data = json.loads(cli("validate", FIXTURES / "td_cong_khai.xls", "-f", "json").out)
    assert data["files"][0]["skipped"] == {"title": 3, "header": 2, "blank": 2, "group": 4}
    assert data["files"][0]["header_rows"] == [4, 5]
    assert data["accounting"]["rows_rejected"] == 0


def test_opencps_report(cli):
    """OpenCPS's HSSF report: all-text cells, ' ' empty, group rows "( N )" checked, true/false channel,
    the verdict column left unread, signature rows skipped, "Chờ xử lý" not accepted."""
    report = _report(cli, "opencps_bao_cao.xls", "--by", "unit")
    total = report["total"]
    assert _counts(total) == (4, 4, 0, 3, 2, 0, 1, 1, 1, 0, 0, 1)
    assert (total["received_online"], total["received_direct"], total["online_rate"]) == (2, 2, 0.5)
    assert [r["unit"] for r in report["rows"]] == ["UBND xã Tân Hòa", "UBND xã Vị Thanh"]
    path = FIXTURES / "opencps_bao_cao.xls"
    assert report["warnings"][0] == (
        f'{path}: cột "Hạn xử lý" ghi nhận xét về hạn (ví dụ "Quá hạn", "Còn 2 ngày"), không phải ngày, '
        'nên không được đọc; hạn giải quyết lấy từ cột "Ngày hẹn trả"'
    )
    assert not any("nhóm" in w or "tổng cộng" in w for w in report["warnings"])  # counts agree
    data = json.loads(cli("validate", path, "-f", "json").out)
    assert data["files"][0]["skipped"] == {
        "title": 2, "header": 1, "numbered": 1, "blank": 1, "group": 2, "total": 1, "footer": 2
    }  # fmt: skip
    assert data["accounting"]["rows_rejected"] == 0 and data["accounting"]["rows_used"] == 5


def test_a_group_count_that_differs_is_warned(cli, tmp_path):
    """A group row "Cơ quan ( N ) " whose N differs from the dossier rows below it is warned (truncated export)."""
    path = tmp_path / "nhom.xls"
    path.write_text(
        "<table><tr><td>STT</td><td>Mã hồ sơ</td><td>Ngày tiếp nhận</td></tr>"
        '<tr><td colspan="3">UBND xã Tân Hòa ( 3 ) </td></tr>'
        "<tr><td>1</td><td>HG-1</td><td>02/01/2024</td></tr><tr><td>2</td><td>HG-2</td><td>03/01/2024</td></tr>"
        '<tr><td colspan="3">UBND xã Vị Thanh ( 1 ) </td></tr><tr><td>1</td><td>HG-3</td><td>04/01/2024</td></tr>'
        "</table>",
        encoding="utf-8",
    )
    report = json.loads(cli("report", *PERIOD, path, "-f", "json", "--by", "unit").out)
    assert {r["unit"]: r["received_new"] for r in report["rows"]} == {
        "UBND xã Tân Hòa": 2,
        "UBND xã Vị Thanh": 1,
    }
    assert (
        f"{path}: dòng nhóm 2 ghi 3 hồ sơ nhưng bên dưới có 2 dòng hồ sơ; tệp xuất có thể bị thiếu"
        in (report["warnings"])
    )
    assert not any("dòng nhóm 5" in w for w in report["warnings"])


def test_portal_records_json(cli):
    """DongBoHoSoMC JSON: nested fees and documents, versions of one dossier, 9 without a date rejected,
    3 = refused by submission date, DuocThanhToanTrucTuyen 3 = not paid, HinhThuc not the channel."""
    report = _report(cli, "dvcqg_dong_bo.json")
    total = report["total"]
    assert _counts(total) == (3, 3, 0, 2, 1, 0, 1, 1, 0, 1, 0, 1)
    assert (total["received_online"], total["received_direct"], total["received_postal"]) == (1, 1, 1)
    assert (total["fee_dossiers"], total["paid_online"], total["paid_online_amount"]) == (2, 1, 20_000)
    assert total["online_payment_rate"] == 0.5
    assert (total["digitized"], total["reused"]) == (1, 1)
    assert _balanced(report) == {"rows_read": 7, "rows_used": 4, "rows_rejected": 1, "rows_skipped": 1,
                                 "duplicates": 1, "skipped_files": []}  # fmt: skip
    rejected = json.loads(cli("validate", FIXTURES / "dvcqg_dong_bo.json", "-f", "json", "--lang", "en").out)[
        "rejected"
    ]
    assert [(r["row"], r["column"]) for r in rejected] == [(5, "TrangThaiHoSo")]
    assert "DVCQG sync records often carry 9 for paused or pending dossiers" in rejected[0]["reason"]


@pytest.mark.parametrize(
    ("name", "platform"),
    [
        ("td_danh_sach.xls", "TD.DichVuCong"),
        ("td_thu_phi.xls", "TD.DichVuCong"),
        ("opencps_bao_cao.xls", "OpenCPS"),
        ("dvcqg_dong_bo.json", "Cổng DVCQG (DongBoHoSoMC)"),
    ],
)
def test_inspect_names_the_platform_and_how_columns_are_read(cli, name, platform):
    """inspect says which platform a file looks like, and which table each column's header comes from."""
    data = json.loads(cli("inspect", FIXTURES / name, "-f", "json").out)
    sheet = data["sheets"][0]
    assert sheet["platform"] == platform
    for value in APPLICANTS:
        assert value not in json.dumps(data, ensure_ascii=False)


def test_inspect_shows_the_opencps_channel_words_and_td_fee_parts(cli):
    """OpenCPS's "Trực tuyến" is read with its own yes/no words; TD's total fee column wins over its parts."""
    opencps = json.loads(cli("inspect", FIXTURES / "opencps_bao_cao.xls", "-f", "json").out)["sheets"][0]
    channel = next(c for c in opencps["columns"] if c["header"] == "Trực tuyến")
    assert (channel["field"], channel["source"], channel["vocabulary"]) == (
        "channel",
        "opencps",
        "online_flag",
    )
    fees = json.loads(cli("inspect", FIXTURES / "td_thu_phi.xls", "-f", "json").out)["sheets"][0]
    by_header = {c["header"]: c["field"] for c in fees["columns"]}
    assert by_header["Tổng (VNĐ)"] == "fee_amount" and by_header["Phí (VNĐ)"] is None


def test_fee_and_charge_columns_add_up(tmp_path):
    """Without a total column, "Phí" and "Lệ phí" add up to the fee of each dossier."""
    path = tmp_path / "phi.csv"
    path.write_text(
        "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Phí,Lệ phí\nA1,UBND xã A,02/01/2024,20.000,15.000\n"
        "A2,UBND xã A,03/01/2024,,50.000\nA3,UBND xã A,04/01/2024,5000,\n",
        encoding="utf-8",
    )
    dataset = ingest([path])
    assert dataset.dossiers.sort("dossier_id")["fee_amount"].to_list() == [35_000, 50_000, 5_000]
    assert not dataset.warnings or not any(m.key == "warn.column_conflict" for m in dataset.warnings)


def test_every_vendor_fixture_workbook_has_no_applicant_value(cli, tmp_path):
    """The report workbook of every vendor fixture holds no applicant's value."""
    names = ["td_danh_sach.xls", "td_tra_lai_xin_rut.xls", "td_thu_phi.xls", "td_cong_khai.xls",
             "opencps_bao_cao.xls", "dvcqg_dong_bo.json"]  # fmt: skip
    out = tmp_path / "bc.xlsx"
    assert cli("report", *PERIOD, *[FIXTURES / n for n in names], "-o", out, "--quiet").code == 0
    with zipfile.ZipFile(out) as book:
        xml = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    for value in APPLICANTS:
        assert value not in xml, value


def test_docs_list_every_bundled_platform() -> None:
    """docs/inputs.md's platform table names every bundled platform table and what it needs."""
    from cchc_kpi.schema.platforms import platforms

    readme = (FIXTURES.parent.parent / "docs" / "inputs.md").read_text("utf-8")
    section = readme[readme.index("## Platforms read without configuration") :]
    section = section[: section.index("\n## ")]
    for platform in platforms():
        short = platform.name.split(" (")[0].replace("Cổng ", "")
        assert short in section or platform.id.upper() in section, platform.id


def test_docs_configuration_example_validates() -> None:
    """docs/configuration.md's example (profiles with columns and positions, [form]) is a valid configuration."""
    import re
    import tomllib

    from cchc_kpi.config import Config

    readme = (FIXTURES.parent.parent / "docs" / "configuration.md").read_text("utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.S)
    assert block is not None
    config = Config.model_validate(tomllib.loads(block.group(1)))
    assert config.profiles["td-766"].positions["received_at"] == 5
    assert config.form.head_title == "KT. CHỦ TỊCH"
