"""Tests of the configuration file: errors, discovery, init template, precedence, profiles."""

import json
from pathlib import Path

import pytest

from cchc_kpi.config import discover, load_config
from cchc_kpi.errors import ConfigError

from .conftest import FIXTURES

CASES = [
    ("[report]\nconvention = 'nd10'\n", "cchc-kpi.toml, line 2: key report.convention: Input should be 'calendar' or 'nd09'"),
    ("[report]\nlanguage = 'vi'\n", "cchc-kpi.toml, line 2: key report.language: Extra inputs are not permitted"),
    ("[[targets]]\nmetric = 'online_rate'\nop = '=>'\nvalue = 0.45\n",
     "cchc-kpi.toml, line 3: key targets[0].op: Input should be '>=', '>', '<=', '<' or '='"),
    ("[[targets]]\nmetric = 'online'\nop = '>='\nvalue = 0.45\n", "cchc-kpi.toml, line 2: key targets[0].metric: unknown metric"),
    ("[[units]]\nname = 'UBND xã A'\nlevel = 'ward'\n",
     "cchc-kpi.toml, line 3: key units[0].level: level must be one of province, department, district, land_office, commune, unknown"),
    ("[report\nconvention = 'nd09'\n", "cchc-kpi.toml, line 1, column 8: TOML syntax error (check the quotes, the = and the [section] names)"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), CASES)
def test_errors_name_key_and_line(tmp_path, content, message):
    """Invalid settings are one message naming the key (and the line); exit 2 on the command line."""
    path = tmp_path / "cchc-kpi.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.message.render("en") == message.replace("cchc-kpi.toml", str(path))


def test_cli_config_error_exit_2(cli, tmp_path):
    """A bad configuration stops every command with exit 2 and one line."""
    path = tmp_path / "bad.toml"
    path.write_text("[inputs]\npath = 'x'\n", "utf-8")
    result = cli("report", "-p", "Q1-2024", "--config", path, "--lang", "en")
    assert result.code == 2
    assert result.err == f"cchc-kpi: error: {path}, line 2: key inputs.path: Extra inputs are not permitted\n"
    assert cli("report", "-p", "Q1-2024", "--config", tmp_path / "missing.toml").code == 2


def test_discovery_order(tmp_path, monkeypatch):
    """--config first, then ./cchc-kpi.toml, then the user's config folder."""
    assert discover() is None
    user = tmp_path / "xdg" / "cchc-kpi"
    user.mkdir(parents=True)
    (user / "cchc-kpi.toml").write_text("[report]\nlang = 'en'\n", "utf-8")
    assert discover().report.lang == "en"
    (tmp_path / "cchc-kpi.toml").write_text("[report]\nconvention = 'nd09'\n", "utf-8")
    assert discover().report.convention == "nd09"
    assert discover(FIXTURES / "targets.toml").targets[0].metric == "online_rate"


def test_init_template_round_trips_and_runs(cli, tmp_path):
    """init writes a valid commented template that runs on the sample as it is; no overwrite without --force."""
    assert cli("init").code == 0
    text = (tmp_path / "cchc-kpi.toml").read_text("utf-8")
    assert "# cchc-kpi.toml — cấu hình cho cchc-kpi" in text
    config = load_config(tmp_path / "cchc-kpi.toml")
    assert len(config.units) > 20 and config.targets
    result = cli("report", "-p", "Q1-2024", "--by", "area", "-f", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert [r["area"] for r in data["rows"]][:2] == ["UBND huyện Vạn Ninh", "UBND thành phố Cam Ranh"]
    assert "online_rate_target" in data["rows"][0]
    again = cli("init")
    assert again.code == 2 and "--force" in again.err
    assert cli("init", "--force").code == 0


def test_command_line_overrides_the_file(cli, tmp_path):
    """The file's defaults apply unless the command line says otherwise."""
    (tmp_path / "cchc-kpi.toml").write_text(
        f"[inputs]\npaths = ['{FIXTURES.as_posix()}/golden_a.csv']\n[report]\nconvention = 'nd09'\nlang = 'en'\n",
        "utf-8",
    )
    from_file = json.loads(cli("report", "-p", "Q1-2024", "-f", "json").out)
    assert from_file["period"]["start"] == "2023-12-15"
    assert from_file["warnings"][0].startswith("1 resolved dossiers")  # English from the file
    overridden = json.loads(
        cli("report", "-p", "Q1-2024", "-f", "json", "--convention", "calendar", "--lang", "vi").out
    )
    assert overridden["period"]["start"] == "2024-01-01"
    assert overridden["warnings"][0].startswith("1 hồ sơ")


def test_output_template(cli, tmp_path):
    """[report] output with {period} writes the file where the office expects it."""
    (tmp_path / "cchc-kpi.toml").write_text(
        f"[inputs]\npaths = ['{FIXTURES.as_posix()}/golden_a.csv']\n[report]\noutput = 'ra/bao-cao-{{period}}.json'\n",
        "utf-8",
    )
    (tmp_path / "ra").mkdir()
    result = cli("report", "-p", "Q1-2024")
    assert result.code == 0
    assert (
        json.loads((tmp_path / "ra" / "bao-cao-Q1-2024.json").read_text("utf-8"))["period"]["label"]
        == "Q1-2024"
    )


def test_profile_and_file_rules(cli, tmp_path):
    """A vendor profile adds header aliases and value words; a file rule fixes the unit of a file."""
    export = tmp_path / "vendor.csv"
    export.write_text("Mã HS;Ngày nhận HS;Kênh\nV1;05/03/2024;Zalo\nV2;06/03/2024;Quầy\n", "utf-8")
    (tmp_path / "cchc-kpi.toml").write_text(
        "[inputs]\npaths = ['vendor.csv']\nprofile = 'p'\n"
        "[[inputs.files]]\npath = 'vendor*.csv'\nunit = 'UBND xã Vạn Hưng'\n"
        "[profiles.p]\naliases = { dossier_id = ['Mã HS'], received_at = ['Ngày nhận HS'], channel = ['Kênh'] }\n"
        "values = { channel = { 'Zalo' = 'online', 'Quầy' = 'direct' } }\n",
        "utf-8",
    )
    data = json.loads(cli("validate", "-f", "json").out)
    assert data["accounting"]["rows_used"] == 2 and not data["warnings"][:-1]
    report = json.loads(cli("report", "-p", "Q1-2024", "--by", "unit", "-f", "json").out)
    assert report["rows"][0]["unit"] == "UBND xã Vạn Hưng"
    assert report["rows"][0]["received_online"] == 1
    bad = tmp_path / "bad.toml"
    bad.write_text("[inputs]\nprofile = 'none'\n", "utf-8")
    assert cli("validate", export, "--config", bad).code == 2


def test_paths_relative_to_the_file(tmp_path):
    """Paths in the file are read relative to the file's folder."""
    folder = tmp_path / "cfg"
    folder.mkdir()
    (folder / "cchc-kpi.toml").write_text("[report]\nholidays_file = 'ngay-nghi.csv'\n", "utf-8")
    config = load_config(folder / "cchc-kpi.toml")
    assert Path(config.resolve(config.report.holidays_file)) == folder / "ngay-nghi.csv"
