"""Ingest: inputs → canonical, validated, de-duplicated dossiers, with every row
accounted for. The first half of the pipeline (read → map headers → parse and
validate → de-duplicate); periods and metrics come after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_kpi.errors import InputError, OutputError, OwnOutputError, UsageError
from cchc_kpi.i18n.messages import Message
from cchc_kpi.ingestion.accounting import summarise_inputs, with_duplicates
from cchc_kpi.ingestion.dataset import Dataset, IngestOptions
from cchc_kpi.ingestion.dates import detect_formats
from cchc_kpi.ingestion.dedupe import find_duplicates, in_parts, kept_rows, with_unit_key
from cchc_kpi.ingestion.layout import RAGGED_SHARE
from cchc_kpi.ingestion.parse import FILE, GROUP_COUNT, SKIP, InputParser, ParsePlan, parse_rows
from cchc_kpi.ingestion.plan import check_month_first, date_columns, plan_file
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD, bad_flag
from cchc_kpi.ingestion.row_kinds import with_footers
from cchc_kpi.ingestion.store import find_stores, store_dataset
from cchc_kpi.ingestion.warnings import (
    dataset_warnings,
    group_count_warnings,
    invalid_text_warnings,
    misfit_warnings,
    spanned_lines_warnings,
    total_row_warnings,
)
from cchc_kpi.read.files import resolve_inputs
from cchc_kpi.read.grid import ROW
from cchc_kpi.schema.fields import DATE_FIELDS

if TYPE_CHECKING:
    import polars as pl

Progress = Callable[[Message], None]  # told each step of long work (a display shows it)


class FailedInput(Exception):
    """An input whose full read failed (raised by :func:`_collect`)."""

    def __init__(self, plan: ParsePlan, error: InputError) -> None:
        super().__init__(str(error))
        self.plan, self.error = plan, error


CHUNK_ROWS = 250_000
CHUNKED_BYTES = 400 * 2**20  # text exports above this size are parsed in parts


def _collect_one(plan: ParsePlan) -> pl.DataFrame:
    """One input's parsed rows. A big text export (over 400 MB) is read in parts of a
    quarter of a million rows, each parsed and checked on its own, so that memory holds the
    parsed result and a part, not the whole file's text (workbooks are in memory anyway; units
    from group rows need the rows in one piece)."""
    import polars as pl

    big = plan.grid.size_bytes > CHUNKED_BYTES
    if plan.grid.eager or plan.units_from_groups or not big:
        return parse_rows(plan)
    parser = InputParser(plan)  # the parts share the fields' expressions and parsed values
    parts = [
        parser.parse(batch.lazy())
        for batch in plan.grid.select(plan.indexes, with_extra=True).collect_batches(chunk_size=CHUNK_ROWS)
    ]
    return parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical", rechunk=False)


def _collect(plans: Sequence[ParsePlan]) -> list[pl.DataFrame]:
    frames = []
    for plan in plans:
        try:
            frames.append(plan.grid.read(partial(_collect_one, plan), plan.notes))
        except InputError as error:
            raise FailedInput(plan, error) from error.__cause__
    return frames


def raw_values(plan: ParsePlan, name: str, rows: pl.Series) -> pl.Series:
    """Return the raw cells of field ``name`` in the given spreadsheet rows."""
    import polars as pl

    raw = plan.raw_column(name)
    if raw is None:
        raise ValueError(f"field {name} is not mapped in {plan.grid.label}")
    frame = plan.grid.select(plan.indexes).filter(pl.col(ROW).is_in(rows.implode()))
    return plan.grid.read(frame.collect, plan.notes)[raw]


def _extend_date_formats(plan: ParsePlan, frame: pl.DataFrame) -> bool:
    """Add formats used by dates that the sample missed; return whether any were added."""
    import polars as pl

    added = False
    for name in date_columns(plan):
        rows = frame.filter(pl.col(bad_flag(name)))[ROW]
        if rows.is_empty():
            continue
        values = raw_values(plan, name, rows).cast(pl.String).to_list()
        check_month_first(plan, name, values, filled=int(frame[name].is_not_null().sum()) + len(values))
        known = plan.date_formats.setdefault(name, [])
        new = [f for f in detect_formats(values) if f not in known]
        if new:
            known.extend(new)
            added = True
    return added


def _plan_all(
    files: Sequence[Path], options: IngestOptions, progress: Progress | None
) -> tuple[list[ParsePlan], list[Message], list[tuple[str, Message]]]:
    plans: list[ParsePlan] = []
    notes: list[Message] = []
    skipped: list[tuple[str, Message]] = []
    own = 0
    for number, path in enumerate(files, start=1):
        if progress:
            progress(Message("progress.file", {"number": number, "count": len(files), "file": path.name}))
        try:
            found, skipped_sheets = plan_file(path, len(plans), options.reading(path), options.limits)
        except OwnOutputError as err:  # a report of ours among the exports: never its dossiers
            skipped.append((str(path), err.message))
            own += 1
            continue
        except InputError as err:
            if not options.skip_bad_files:
                raise
            skipped.append((str(path), err.message))
            continue
        plans += found
        notes += skipped_sheets
    if not plans and skipped:
        key = "input.only_own_outputs" if own == len(skipped) else "input.all_skipped"
        raise InputError(key, count=len(skipped), file=skipped[0][0])
    return plans, notes, skipped


def _collect_skipping(
    plans: list[ParsePlan], options: IngestOptions, skipped: list[tuple[str, Message]]
) -> tuple[list[ParsePlan], list[pl.DataFrame]]:
    """Collect every plan; with --skip-bad-files, drop the ones that fail and renumber."""
    while True:
        try:
            return plans, _collect(plans)
        except FailedInput as failed:
            if not options.skip_bad_files:
                raise failed.error from failed
            skipped.append((str(failed.plan.grid.path), failed.error.message))
            plans = [p for p in plans if p is not failed.plan]
            for index, plan in enumerate(plans):
                plan.file_index = index
            if not plans:
                raise InputError("input.all_skipped", count=len(skipped)) from failed


def ingest(
    specs: Sequence[str | Path],
    options: IngestOptions | None = None,
    progress: Progress | None = None,
    *,
    outputs: Sequence[Path] = (),
    also_read: Sequence[Path] = (),
) -> Dataset:
    """Read, map, parse, validate and de-duplicate the inputs named by ``specs`` (files,
    folders, glob patterns, or one Parquet store), resolved once.

    ``outputs`` are the files the run will write: one that is an input of the run (an
    export, the store, or one of ``also_read`` such as the catalogue) is refused before
    anything is read.
    """
    options = options or IngestOptions()
    stores, exports = find_stores(specs)
    if stores and (exports or len(stores) > 1):
        raise UsageError("usage.store_alone")
    files = resolve_inputs([str(e) for e in exports]) if exports else []
    left_out = {p.resolve() for p in options.exclude}
    files = [f for f in files if f.resolve() not in left_out]
    refuse_outputs_over_inputs(outputs, [*files, *stores, *also_read, *options.protected, *options.exclude])
    if stores:
        return store_dataset(stores[0], options.until, options.duplicate_key, options.since)
    return _ingest_files(files, options, progress)


def _with_footers(parsed: pl.DataFrame) -> pl.DataFrame:
    """Rows below each file's last dossier without a code or a date are a footer, not dossiers."""
    import polars as pl

    if not parsed.select((pl.col(SKIP).is_null() & pl.col("dossier_id").is_null()).any()).item():
        return parsed  # every row below the header is a dossier with its code: nothing to look at
    return with_footers(parsed, SKIP, ROW, FILE, DATE_FIELDS, (REJECT, REJECT_FIELD))


def _refuse_mostly_ragged(plans: Sequence[ParsePlan], parsed: pl.DataFrame) -> None:
    """Refuse a text export most of whose dossier rows hold more cells than its header
    (the values cannot be read under their names); a few such rows are rejected."""
    import polars as pl

    texts = [p.file_index for p in plans if p.grid.extra]
    if not texts:
        return
    rows = parsed.lazy().filter(pl.col(FILE).is_in(texts) & pl.col(SKIP).is_null())  # lazy: no copy
    counts = (
        rows.group_by(FILE)
        .agg(
            pl.len().alias("rows"),
            (pl.col(REJECT) == "ragged").sum().alias("odd"),
            pl.col(ROW).filter(pl.col(REJECT) == "ragged").min().alias("first"),
        )
        .collect()
    )
    for file, total, odd, first in counts.iter_rows():
        if odd and odd >= RAGGED_SHARE * total:
            plan = plans[file]
            raise InputError(
                "input.ragged_text", file=plan.grid.label, header=plan.grid.n_columns, count=odd, rows=total,
                first=first,
            )  # fmt: skip


def refuse_outputs_over_inputs(outputs: Sequence[Path], inputs: Sequence[Path]) -> None:
    """Refuse an output path that is one of the run's inputs (by any path: a symlink, a hard
    link), or inside an input store."""
    import os

    read = {p.resolve() for p in inputs}
    for output in outputs:
        target = output.resolve()
        if target in read or any(p.is_dir() and p in target.parents for p in read):
            raise OutputError("output.is_input", path=str(output))
        if target.is_file() and any(p.is_file() and os.path.samefile(p, target) for p in read):
            raise OutputError("output.is_input", path=str(output))


def _ingest_files(files: Sequence[Path], options: IngestOptions, progress: Progress | None) -> Dataset:
    import polars as pl

    plans, notes, skipped = _plan_all(files, options, progress)
    if progress:
        progress(Message("progress.rows", {"count": len(plans)}))
    plans, frames = _collect_skipping(plans, options, skipped)
    redo = [p for p, f in zip(plans, frames, strict=True) if _extend_date_formats(p, f)]
    if redo:
        try:
            again = _collect(redo)
        except FailedInput as failed:
            raise failed.error from failed
        for plan, frame in zip(redo, again, strict=True):
            frames[plan.file_index] = frame
    parsed = frames[0] if len(frames) == 1 else pl.concat(frames, how="vertical", rechunk=False)
    del frames
    parsed = _with_footers(parsed)
    _refuse_mostly_ragged(plans, parsed)
    spanned = spanned_lines_warnings(plans, parsed)  # the last read of the files: their lines
    for plan in plans:  # every read of the file is done: it must still be the file opened
        if plan.grid.source is not None:
            plan.grid.source.check_unchanged()
    dossier_rows = pl.col(SKIP).is_null()
    rejected = parsed.filter(dossier_rows & pl.col(REJECT).is_not_null())
    # everything told of the rows as read is taken from them now, so that one filter can keep
    # the valid rows and drop the duplicates (at 10M rows, three copies of the dossiers were
    # held at once)
    warnings = notes + [n for p in plans for n in p.notes]
    warnings += total_row_warnings(plans, parsed) + group_count_warnings(plans, parsed)
    warnings += misfit_warnings(plans, parsed) + invalid_text_warnings(plans, parsed) + spanned
    valid_rows = dossier_rows & pl.col(REJECT).is_null()
    inputs = summarise_inputs(plans, parsed, valid_rows)
    clean = rejected.is_empty() and parsed.select(dossier_rows.all()).item()
    keyed = with_unit_key(parsed.drop(GROUP_COUNT))
    del parsed
    # millions of rows: the valid rows kept and the duplicates dropped by one filter (none
    # when every row is a valid dossier row and none is a duplicate), part by part, each part
    # let go once filtered
    found = find_duplicates(keyed, options.duplicate_key, None if clean else valid_rows)
    parts = in_parts(keyed)
    del keyed
    result = found.result(kept_rows(parts, found.keep, drop=(SKIP, REJECT, REJECT_FIELD)))
    warnings += dataset_warnings(plans, result, options.set_unit, raw_values)
    return Dataset(
        dossiers=result.dossiers,
        inputs=with_duplicates(inputs, result.removed_by_file),
        plans=plans,
        rejected=rejected.select(FILE, ROW, pl.col(REJECT, REJECT_FIELD).cast(pl.String)),
        warnings=warnings,
        skipped_files=skipped,
        duplicate_key=options.duplicate_key,
    )
