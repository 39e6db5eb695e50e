"""Tests of atomic output."""

import os

import pytest

from cchc_kpi.atomic import atomic_path, write_text_atomic
from cchc_kpi.errors import OutputError


def test_write_replaces_whole_file(tmp_path):
    """A finished write replaces the target and leaves no temporary file."""
    target = tmp_path / "out.csv"
    target.write_text("old")
    write_text_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    assert oct(target.stat().st_mode & 0o777) != "0o600"


def test_failed_write_keeps_old_file(tmp_path):
    """An error during the write keeps the previous file and removes the temporary one."""
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_unwritable_directory_is_an_output_error(tmp_path):
    """A folder that does not exist gives an OutputError naming the path."""
    with pytest.raises(OutputError) as err:
        write_text_atomic(tmp_path / "missing" / "out.csv", "x")
    assert err.value.message.key == "output.failed"
    assert os.fspath(tmp_path / "missing" / "out.csv") in err.value.message.params["path"]


def test_a_planted_lock_symlink_is_refused_not_followed(cli, tmp_path):
    """A symlink planted as an output's lock file stops the run (exit 2, one line) and never creates the file it points to."""
    victim = tmp_path / "victim"
    (tmp_path / ".out.csv.lock").symlink_to(victim)
    result = cli("report", "--sample", "-p", "Q1-2024", "-o", tmp_path / "out.csv")
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"cchc-kpi: lỗi: không ghi {tmp_path / 'out.csv'}: tệp khóa {tmp_path / '.out.csv.lock'} là một liên kết "
        "tượng trưng (symlink), không phải do cchc-kpi tạo; hãy xóa nó rồi chạy lại"
    ]
    assert not victim.exists() and not (tmp_path / "out.csv").exists()
