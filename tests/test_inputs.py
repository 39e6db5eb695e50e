"""Tests of resolving input paths, folders and globs."""

import pytest

from cchc_kpi.errors import InputError, UsageError
from cchc_kpi.read.files import resolve_inputs


def test_files_folders_and_globs(tmp_path):
    """Folders are searched recursively, globs expanded, and each file is read once."""
    (tmp_path / "sub").mkdir()
    for name in ("b.csv", "a.csv", "sub/c.xlsx", "notes.md"):
        (tmp_path / name).write_text("x")
    found = resolve_inputs([str(tmp_path), str(tmp_path / "*.csv")])
    assert [p.name for p in found] == ["a.csv", "b.csv", "c.xlsx"]


def test_missing_path_and_empty_folder(tmp_path):
    """A path that does not exist, a pattern that matches nothing, a folder without exports: errors."""
    with pytest.raises(InputError) as err:
        resolve_inputs([str(tmp_path / "nope.csv")])
    assert err.value.message.key == "input.not_found"
    with pytest.raises(InputError) as err:
        resolve_inputs([str(tmp_path / "*.csv")])
    assert err.value.message.key == "input.no_match"
    with pytest.raises(InputError) as err:
        resolve_inputs([str(tmp_path)])
    assert err.value.message.key == "input.empty_dir"
    with pytest.raises(UsageError):
        resolve_inputs([])
