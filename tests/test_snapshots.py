"""Every command's output on the sample data and the fixtures equals its committed snapshot."""

from __future__ import annotations

import pytest

from tests.snapshot_outputs import CASES, Case, run_case, snapshot_path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_output_matches_snapshot(case: Case) -> None:
    """The command prints (or writes) exactly what its snapshot records (timestamps aside)."""
    expected = snapshot_path(case.name).read_text(encoding="utf-8")
    assert run_case(case) == expected, (
        f"run `python tests/snapshot_outputs.py --update {case.name}` if intended"
    )
