"""Tests of the input limits: file size, a workbook's declared unpacked size and ratio."""

import zipfile

import pytest

from cchc_kpi.errors import InputError
from cchc_kpi.read.limits import Limits, check_source
from cchc_kpi.read.source import open_source


def check_file(path, limits):
    """The limits checked on a file opened as a run opens it."""
    source = open_source(path)
    try:
        check_source(source, limits)
    finally:
        source.close()


def test_file_over_the_size_limit(tmp_path):
    """A file over the size limit is refused naming both sizes; no limit, no refusal."""
    path = tmp_path / "lon.csv"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(InputError) as err:
        check_file(path, Limits(file_bytes=1024))
    assert err.value.message.key == "input.too_big"
    check_file(path, Limits.none())


def test_compression_ratio_of_a_big_member(tmp_path):
    """A member over 10 MB compressed more than 100 times is a suspected zip bomb."""
    path = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (11 * 2**20))
    with pytest.raises(InputError) as err:
        check_file(path, Limits())
    assert err.value.message.key == "input.zip_ratio"
    assert err.value.message.params["member"] == "xl/worksheets/sheet1.xml"
    check_file(path, Limits(workbook_ratio=None))


def test_no_limits_is_every_limit_lifted():
    """Limits.none() (what --no-limits and CCHC_KPI_NO_LIMITS=1 pass) lifts every limit."""
    assert all(value is None for value in Limits.none().model_dump().values())
    assert all(value is not None for value in Limits().model_dump().values())
    assert Limits().cell_bytes == 4 * 32_767
    assert Limits.none().cell_bytes is None


def test_environment_lifts_the_limits_on_the_command_line(cli, monkeypatch, tmp_path):
    """CCHC_KPI_NO_LIMITS=1 lifts the limits for the command line; 0 or unset keeps them."""
    path = tmp_path / "long.csv"
    path.write_text(
        "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận\nA1,UBND xã A,02/01/2024\nA2," + "x" * 140_000 + ",03/01/2024\n"
    )
    monkeypatch.setenv("CCHC_KPI_NO_LIMITS", "0")
    assert cli("validate", path, "-f", "json", "--max-invalid", "0").code == 1
    monkeypatch.setenv("CCHC_KPI_NO_LIMITS", "1")
    assert cli("validate", path, "-f", "json", "--max-invalid", "0").code == 0


def test_the_documented_limits_are_the_defaults():
    """docs/reliability.md's limits table states the limits in force by default."""
    from .conftest import ROOT

    doc = (ROOT / "docs" / "reliability.md").read_text("utf-8")
    table = doc[doc.index("## Limits") : doc.index("## Under cron")]
    limits = Limits()
    shown = {
        "file_bytes": f"| {limits.file_bytes // 2**30} GiB |",
        "workbook_unpacked_bytes": f"| {limits.workbook_unpacked_bytes // 2**30} GiB, from the zip directory |",
        "workbook_ratio": f"| {int(limits.workbook_ratio)}× for a member over 10 MB",
        "cell_chars": f"| {limits.cell_chars:,} characters",
        "line_bytes": f"| {limits.line_bytes // 2**20} MiB |",
        "html_cells": f"| {limits.html_cells:,} cells, spans included",
        "sheet_cells": f"a range of {limits.sheet_cells:,} cells |",
    }
    assert set(shown) == set(Limits.model_fields)
    for name, phrase in shown.items():
        assert phrase in table, name
