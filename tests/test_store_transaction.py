"""The Parquet store as a transaction: one lock whatever the path, an upsert that finds a
dossier in any year, and a convert killed or failing at any step leaves the old store or
the new one, never a mix, and no file a later convert does not remove."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl
import pytest

from cchc_kpi.atomic import exclusive_lock
from cchc_kpi.errors import LockBusyError, OutputError
from cchc_kpi.ingestion.pipeline import ingest
from cchc_kpi.ingestion.store import LOCK, META, read_meta, read_store
from cchc_kpi.ingestion.store_write import write_store

from .conftest import ROOT

HEADER = "Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái;Hình thức nộp\n"
UNIT = "UBND xã Vạn Hưng"


def _export(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """An export of (code, received, finished) rows of one unit."""
    lines = [
        f"{code};{UNIT};{received} 08:00;28/02/2025;{finished};;Trực tuyến"
        for code, received, finished in rows
    ]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _state(store: Path) -> dict[str, tuple[int, str | None]]:
    """dossier → (year of its partition, finished date) as a reader sees the store."""
    frame, _ = read_store(store)
    years = frame.select(
        "dossier_id", pl.col("received_at").dt.year(), pl.col("finished_at").dt.strftime("%d/%m")
    )
    assert frame["dossier_id"].is_unique().all(), "a dossier stored twice"
    return {r[0]: (r[1], r[2]) for r in years.iter_rows()}


def _files(store: Path) -> set[str]:
    return {p.relative_to(store).as_posix() for p in store.rglob("*") if p.is_file()}


def _listed(store: Path) -> set[str]:
    return {META, *read_meta(store).partitions.values()}


def test_a_store_named_through_a_symlink_is_the_same_lock(tmp_path):
    """A convert into a store named through a symlink waits on the same lock as one naming it directly (exit 4 while busy)."""
    store = tmp_path / "kho"
    write_store(ingest([_export(tmp_path / "a.csv", [("A1", "02/01/2024", "")])]), store)
    alias = tmp_path / "kho-link"
    alias.symlink_to(store, target_is_directory=True)
    dataset = ingest([_export(tmp_path / "b.csv", [("B1", "03/01/2024", "")])])
    with exclusive_lock(store / LOCK, store), pytest.raises(LockBusyError):
        write_store(dataset, alias)
    write_store(dataset, alias)
    assert set(_state(store)) == {"A1", "B1"}


def test_a_dossier_moved_across_years_is_stored_once(tmp_path):
    """A corrected export that moves a dossier's received date into the next year replaces it there: the store holds it once."""
    store = tmp_path / "kho"
    write_store(
        ingest([_export(tmp_path / "a.csv", [("A1", "31/12/2023", ""), ("A2", "20/12/2023", "")])]), store
    )
    result = write_store(ingest([_export(tmp_path / "b.csv", [("A1", "02/01/2024", "05/01/2024")])]), store)
    assert _state(store) == {"A1": (2024, "05/01"), "A2": (2023, None)}
    assert (result.inserted, result.replaced) == (0, 1)
    assert result.partitions == {2023: 1, 2024: 1}
    assert _files(store) == _listed(store)


def test_a_convert_that_fails_on_a_full_disk_changes_nothing(tmp_path, monkeypatch):
    """A full disk while writing the second year: exit-2 error, the store reads as before and no new file remains."""
    store = tmp_path / "kho"
    write_store(
        ingest([_export(tmp_path / "a.csv", [("A1", "02/01/2023", ""), ("A2", "02/01/2024", "")])]), store
    )
    before, files_before = _state(store), _files(store)
    calls = {"n": 0}
    real = pl.DataFrame.write_parquet

    def full_disk(self, file, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, file, *args, **kwargs)

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full_disk)
    update = ingest(
        [
            _export(
                tmp_path / "b.csv", [("A1", "02/01/2023", "05/01/2023"), ("A2", "02/01/2024", "05/01/2024")]
            )
        ]
    )
    with pytest.raises(OutputError) as err:
        write_store(update, store)
    assert err.value.message.key == "output.failed"
    assert _state(store) == before
    assert _files(store) == files_before


KILLER = textwrap.dedent(
    """
    import os, sys
    import polars as pl
    steps = {"n": 0}
    stop_at = int(os.environ["KILL_AT"])

    def step():
        steps["n"] += 1
        if steps["n"] == stop_at:
            os._exit(9)

    def wrap(owner, name):
        real = getattr(owner, name)
        def inner(*args, **kwargs):
            step()
            result = real(*args, **kwargs)
            step()
            return result
        setattr(owner, name, inner)

    wrap(pl.DataFrame, "write_parquet")
    wrap(os, "replace")
    wrap(os, "unlink")
    wrap(os, "fsync")
    from cchc_kpi.cli import main
    try:
        main(sys.argv[1:])
    except SystemExit as exc:
        sys.exit(exc.code)
    sys.exit(0 if steps["n"] < stop_at else 0)
    """
)


def test_a_convert_killed_at_any_step_leaves_the_old_or_the_new_store(tmp_path):
    """kill -9 at every write, rename, fsync and removal of a convert: the store reads whole (old or new), and the next convert leaves exactly the new store with no stray file."""
    store = tmp_path / "kho"
    old = _export(
        tmp_path / "old.csv", [("A1", "31/12/2023", ""), ("A2", "02/01/2024", ""), ("A3", "05/01/2025", "")]
    )
    new = _export(
        tmp_path / "new.csv",
        [("A1", "02/01/2024", "05/01/2024"), ("A3", "05/01/2025", "06/01/2025"), ("A4", "07/01/2025", "")],
    )
    write_store(ingest([old]), store)
    old_state = _state(store)
    reference = tmp_path / "ref"
    write_store(ingest([old]), reference)
    write_store(ingest([new]), reference)
    new_state = _state(reference)
    assert old_state != new_state
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen_kill = finished = 0
    for kill_at in range(1, 60):
        trial = tmp_path / f"kho-{kill_at}"
        subprocess.run(["cp", "-a", str(store), str(trial)], check=True)
        run = subprocess.run(
            [sys.executable, str(script), "convert", str(new), "--out", str(trial), "--quiet"],
            env={**env, "KILL_AT": str(kill_at)}, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if run.returncode == 9:
            seen_kill += 1
            assert _state(trial) in (old_state, new_state), kill_at
        else:
            assert run.returncode == 0, run.stderr
            finished += 1
            assert _state(trial) == new_state
            break
        write_store(ingest([new]), trial)  # the next convert completes the work and cleans up
        assert _state(trial) == new_state, kill_at
        assert _files(trial) == _listed(trial), kill_at
    assert seen_kill >= 8 and finished == 1


def test_a_format_1_store_is_read_and_upgraded(tmp_path):
    """A store written before generations (one dossiers.parquet per year, no file list) is read, and a convert upgrades it without losing a dossier."""
    import json

    store = tmp_path / "kho"
    write_store(
        ingest([_export(tmp_path / "a.csv", [("A1", "02/01/2023", ""), ("A2", "02/01/2024", "")])]), store
    )
    meta = json.loads((store / META).read_text(encoding="utf-8"))
    for name in meta["partitions"].values():
        (store / name).rename((store / name).parent / "dossiers.parquet")
    meta = {k: v for k, v in meta.items() if k not in ("partitions", "generation")} | {"format": 1}
    (store / META).write_text(json.dumps(meta), encoding="utf-8")
    assert set(_state(store)) == {"A1", "A2"}
    write_store(ingest([_export(tmp_path / "b.csv", [("A3", "03/01/2024", "")])]), store)
    assert set(_state(store)) == {"A1", "A2", "A3"}
    assert read_meta(store).format == 2 and _files(store) == _listed(store)


def test_a_reader_racing_a_convert_sees_one_generation(tmp_path, monkeypatch):
    """A convert that switches the store and removes the old files while a reader is between the description and the files: the reader reads the new generation whole."""
    store = tmp_path / "kho"
    write_store(ingest([_export(tmp_path / "a.csv", [("A1", "02/01/2024", "")])]), store)
    newer = ingest(
        [_export(tmp_path / "b.csv", [("A1", "02/01/2024", "05/01/2024"), ("A2", "03/01/2024", "")])]
    )
    real = pl.scan_parquet
    raced = {"done": False}

    def convert_first(source, *args, **kwargs):
        if not raced["done"]:
            raced["done"] = True
            write_store(newer, store)  # the old generation's files are gone now
        return real(source, *args, **kwargs)

    monkeypatch.setattr(pl, "scan_parquet", convert_first)
    assert _state(store) == {"A1": (2024, "05/01"), "A2": (2024, None)}
    assert raced["done"]
