"""Independent reference model of /work/shared/domain.md, for differential tests.

Pure Python over plain dicts; written from the specification only (no code of cchc_kpi).

Input: a list of exports, each ``(rows, columns)``: ``rows`` are canonical rows (field ->
typed value: datetime or None for dates, str for text, int 1..10 or None for status,
"online"/"direct"/"postal" for channel, bool, int fee) and ``columns`` is the set of canonical
fields that export has as columns.  A field absent from ``columns`` is *unknown* for the rows
of that export (§2 "Missing column vs empty cell").

Not modelled (the generator never produces them): service_level, processing_days (computed
due dates, §6), supplement dates, nd09 periods, parsing of raw text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date, datetime, time

WORK_START = time(7, 30)  # §4/§6: default working hours 07:30–17:00
WORK_END = time(17, 0)
NEVER_ACCEPTED = {1, 3}  # §4
WITHDRAWN_STATUS = {7, 8}  # §4
FINISHED_STATUS = {9, 10}  # §4
UNSUPPORTED = {"service_level", "processing_days", "supplement_requested_at", "supplement_done_at"}

# §5, in table order: every metric is a key of every row and of the total (§7).
METRICS = (
    "received_total",
    "received_new",
    "received_online",
    "received_offline",
    "received_direct",
    "received_postal",
    "carried_over",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "resolved_in_time",
    "pending",
    "pending_in_time",
    "pending_overdue",
    "withdrawn",
    "not_accepted",
    "resolved_rate",
    "on_time_rate",
    "early_rate",
    "late_rate",
    "progress_766_rate",
    "online_rate",
    "online_rate_eligible",
    "e_result",
    "e_result_rate",
    "digitized",
    "digitization_rate",
    "reused",
    "reuse_rate",
    "fee_dossiers",
    "paid_online",
    "paid_online_amount",
    "online_payment_rate",
    "late_with_apology",
    "late_without_apology",
)
RATES = tuple(m for m in METRICS if m.endswith("_rate") or m == "online_rate_eligible")

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng


def unit_key(name: str) -> str:
    """§7: spellings that differ only in case, spacing, Unicode form or tone placement are one unit.

    Per word, the tone mark is moved to the end, so "Hoà" and "Hòa" give one key.
    """
    text = unicodedata.normalize("NFD", " ".join(name.split())).casefold()
    words = []
    for word in text.split(" "):
        tones = "".join(c for c in word if c in _TONES)
        words.append("".join(c for c in word if c not in _TONES) + tones)
    return " ".join(words)


def close_date(row: dict) -> datetime | None:
    """§2/§4: the close date is finished_at, or returned_at when finished_at is empty."""
    return row.get("finished_at") or row.get("returned_at")


def reject_reason(row: dict) -> str | None:
    """Why a typed row is rejected (§2 required fields, §4 date rules), or None."""
    if not (row.get("dossier_id") or "").strip():
        return "missing dossier_id"  # §2: required
    if not (row.get("unit") or "").strip():
        return "missing unit"  # §2: required (no file unit, no group rows here)
    status, received = row.get("status"), row.get("received_at")
    if received is None and status not in NEVER_ACCEPTED:
        return "missing received_at"  # §2: required except never-accepted rows (§4)
    due, close = row.get("due_at"), close_date(row)
    if due is not None and received is not None and due < received:
        return "due before received"  # from the brief; domain.md has no sentence on it
    if status in FINISHED_STATUS and close is None:
        return "finished without a date"  # §4
    if close is not None and received is not None and close < received:
        return "close date before received_at"  # §4
    return None


def _canonical(row: dict) -> tuple:
    return tuple(sorted(row.items()))


# §2's field table, in its order: the order in which the values break a tie (docs/inputs.md)
FIELD_ORDER = (
    "dossier_id", "unit", "received_at", "due_at", "finished_at", "returned_at", "status", "channel",
    "procedure_code", "procedure_name", "field", "service_level", "processing_days", "e_result",
    "digitized", "reused", "fee_amount", "paid_online", "supplement_requested_at", "supplement_done_at",
    "apology_at", "submitted_at", "withdrawal_reason",
)  # fmt: skip


def _values_order(row: dict) -> tuple:
    """Field by field in §2's order, smallest first, blanks last; the unit as written after them
    (the unit's key, not its spelling, is part of the dossier's identity)."""
    values = [row.get(f) for f in FIELD_ORDER if f not in ("unit", "dossier_id")]
    return (unit_key(row["unit"]), *((v is None, 0 if v is None else v) for v in values), row["unit"])


def _recency(row: dict) -> tuple:
    lowest = datetime.min  # a blank date is older than any date
    return tuple(row.get(f) or lowest for f in ("finished_at", "returned_at", "received_at"))


def deduplicate(dossiers: list[tuple[dict, frozenset]]) -> tuple[list[tuple[dict, frozenset]], int, int]:
    """§2 Duplicates: one dossier per (unit name-key, dossier_id).

    Returns (kept, duplicates, conflicting_groups). Identical rows are one dossier; rows that
    disagree keep the latest finished_at, then returned_at, then received_at, ties broken by
    the canonical values (never by row order): the smallest, field by field in §2's order.
    """
    groups: dict[tuple[str, str], list[tuple[dict, frozenset]]] = {}
    for row, cols in dossiers:
        groups.setdefault((unit_key(row["unit"]), row["dossier_id"].strip()), []).append((row, cols))
    kept, duplicates, conflicts = [], 0, 0
    for members in groups.values():
        duplicates += len(members) - 1
        distinct = {_canonical(r): (r, c) for r, c in members}
        conflicts += len(distinct) > 1
        ordered = sorted(distinct.values(), key=lambda rc: _values_order(rc[0]))
        ordered.sort(key=lambda rc: _recency(rc[0]), reverse=True)  # stable: ties keep the values' order
        kept.append(ordered[0])
    return kept, duplicates, conflicts


def timeliness(close: datetime, due: datetime | None, compare: str) -> str:
    """§4: "early", "on_time" or "late" for a dossier resolved at ``close``."""
    if due is None:
        return "on_time"  # §4: no due date: on time
    if compare == "date":  # §4: calendar dates
        if close.date() < due.date():
            return "early"
        return "late" if close.date() > due.date() else "on_time"
    # §4 datetime: a due_at at exactly 00:00 means the end of that day's working hours;
    # late when close > due_at, otherwise early when before the due day's working hours start.
    deadline = datetime.combine(due.date(), WORK_END) if due.time() == time(0) else due
    if close > deadline:
        return "late"
    if close < datetime.combine(due.date(), WORK_START):
        return "early"
    return "on_time"


def classify(row: dict, cols: frozenset, start: date, end: date, compare: str) -> Counter:
    """§4 + §5: the counts one dossier adds for the period [start, end] (plus _bases)."""
    c: Counter = Counter()
    status, received = row.get("status"), row.get("received_at")
    if status in NEVER_ACCEPTED:  # §4: left out of every count; period of received_at, else submitted_at
        when = received or row.get("submitted_at")
        if when is not None and start <= when.date() <= end:
            c["not_accepted"] += 1
        return c
    withdrawn = status in WITHDRAWN_STATUS or bool(row.get("withdrawal_reason"))  # §4
    close = close_date(row)
    if close is None and status in WITHDRAWN_STATUS:
        close = received  # §4: 7/8 without close date: withdrawn in the period of its received_at
    rd, cd = received.date(), (close.date() if close else None)
    new = start <= rd <= end  # §4 received_new
    carried = rd < start and not (cd is not None and cd < start)  # §4 carried_over
    if not (new or carried):
        return c
    c["received_total"] += 1
    if new:
        c["received_new"] += 1
        if "channel" in cols:  # §2: empty cell is direct
            c["_known_channel"] += 1
            c["received_" + (row.get("channel") or "direct")] += 1
        for field in ("digitized", "reused"):  # §5: over received_new
            if field in cols:
                c["_known_" + field] += 1
                c[field] += bool(row.get(field))
        fee = row.get("fee_amount") or 0
        has_fee, has_paid = "fee_amount" in cols, "paid_online" in cols
        if has_fee:
            c["_known_fee_amount"] += 1
            c["fee_dossiers"] += fee > 0
        if has_paid:  # §5: paid_online (and fee_amount > 0 where the fee column exists)
            c["_known_paid_online"] += 1
            c["paid_online"] += bool(row.get("paid_online")) and (not has_fee or fee > 0)
        if has_fee and has_paid:  # rate and amount need both columns (numerator AND denominator)
            c["_known_payment"] += 1
            paid = bool(row.get("paid_online")) and fee > 0
            c["_pay_den"] += fee > 0
            c["_pay_num"] += paid
            c["paid_online_amount"] += fee if paid else 0
    else:
        c["carried_over"] += 1
    late = False
    if cd is not None and start <= cd <= end:  # closed within the period
        if withdrawn:
            c["withdrawn"] += 1
            return c
        c["resolved"] += 1
        klass = timeliness(close, row.get("due_at"), compare)
        c["resolved_" + klass] += 1
        late = klass == "late"
        if "e_result" in cols:  # §5: e_result over resolved
            c["_known_e_result"] += 1
            c["e_result"] += bool(row.get("e_result"))
    else:  # §4 pending: received_at ≤ end and not closed by end (whatever its status)
        c["pending"] += 1
        due = row.get("due_at")
        # §4: pending_in_time when due ≥ end (or no due date); compared as calendar dates
        if due is None or due.date() >= end:
            c["pending_in_time"] += 1
        else:
            c["pending_overdue"] += 1
            late = True
    c["_late"] += late
    if late and "apology_at" in cols:  # §5: resolved_late + pending_overdue, split by apology_at
        c["_known_apology"] += 1
        c["late_with_apology" if row.get("apology_at") else "late_without_apology"] += 1
    return c


PAYMENT = "fee_amount+paid_online"  # pseudo-column: an input has both


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den  # §5: null when the denominator is 0


def metrics(c: Counter, has: set[str]) -> dict:
    """§5 metrics from summed counts; ``has``: canonical fields some input has as a column."""
    m = {
        k: c[k]
        for k in (
            "received_total",
            "received_new",
            "carried_over",
            "resolved",
            "resolved_early",
            "resolved_on_time",
            "resolved_late",
            "pending",
            "pending_in_time",
            "pending_overdue",
            "withdrawn",
            "not_accepted",
        )
    }
    m["resolved_in_time"] = c["resolved_early"] + c["resolved_on_time"]
    m["resolved_rate"] = _ratio(c["resolved"], c["received_total"])
    m["on_time_rate"] = _ratio(m["resolved_in_time"], c["resolved"])
    m["early_rate"] = _ratio(c["resolved_early"], c["resolved"])
    m["late_rate"] = _ratio(c["resolved_late"], c["resolved"])
    m["progress_766_rate"] = _ratio(
        m["resolved_in_time"] + c["pending_in_time"], c["resolved"] + c["pending"]
    )

    def known(field: str, value, base: int, known_rows: int):
        """§2: null when no input has the column; and (the project's documented choice) when
        the group has dossiers in the metric's base but none of them from an input with it."""
        return None if field not in has or (base > 0 and known_rows == 0) else value

    new = c["received_new"]
    channel = ("channel", new, c["_known_channel"])
    for ch in ("online", "direct", "postal"):
        m["received_" + ch] = known(channel[0], c["received_" + ch], *channel[1:])
    m["received_offline"] = known(channel[0], c["received_direct"] + c["received_postal"], *channel[1:])
    m["online_rate"] = known(channel[0], _ratio(c["received_online"], c["_known_channel"]), *channel[1:])
    m["online_rate_eligible"] = None  # service_level is never an input column here
    resolved = (c["resolved"], c["_known_e_result"])
    m["e_result"] = known("e_result", c["e_result"], *resolved)
    m["e_result_rate"] = known("e_result", _ratio(c["e_result"], c["_known_e_result"]), *resolved)
    m["digitized"] = known("digitized", c["digitized"], new, c["_known_digitized"])
    m["digitization_rate"] = _ratio(c["digitized"], c["_known_digitized"]) if "digitized" in has else None
    m["reused"] = known("reused", c["reused"], new, c["_known_reused"])
    m["reuse_rate"] = _ratio(c["reused"], c["_known_reused"]) if "reused" in has else None
    m["fee_dossiers"] = known("fee_amount", c["fee_dossiers"], new, c["_known_fee_amount"])
    m["paid_online"] = known("paid_online", c["paid_online"], new, c["_known_paid_online"])
    # the amount needs the fee and the payment on the same dossiers (some input has both)
    m["paid_online_amount"] = known(PAYMENT, c["paid_online_amount"], new, c["_known_payment"])
    m["online_payment_rate"] = _ratio(c["_pay_num"], c["_pay_den"]) if PAYMENT in has else None
    late = (c["_late"], c["_known_apology"])
    m["late_with_apology"] = known("apology_at", c["late_with_apology"], *late)
    m["late_without_apology"] = known("apology_at", c["late_without_apology"], *late)
    assert set(m) == set(METRICS)
    assert all(m[r] is None or 0 <= m[r] <= 1 for r in RATES)  # §5: every rate within [0, 1]
    return m


def reference_report(
    exports: list[tuple[list[dict], set[str]]],
    start: date,
    end: date,
    compare: str = "date",
) -> dict:
    """The §7 total, per-unit rows (keyed by unit_key) and accounting of data rows."""
    valid: list[tuple[dict, frozenset]] = []
    rejected = 0
    has: set[str] = set()
    for rows, columns in exports:
        cols = frozenset(columns)
        assert not cols & UNSUPPORTED, "not modelled"
        has |= cols | ({PAYMENT} if {"fee_amount", "paid_online"} <= cols else set())
        for row in rows:
            if reject_reason(row) is None:
                valid.append((row, cols))
            else:
                rejected += 1
    kept, duplicates, conflicts = deduplicate(valid)
    total: Counter = Counter()
    by_unit: dict[str, Counter] = {}
    for row, cols in kept:
        counts = classify(row, cols, start, end, compare)
        total.update(counts)
        by_unit.setdefault(unit_key(row["unit"]), Counter()).update(counts)
    return {
        "total": metrics(total, has),
        "by_unit": {key: metrics(c, has) for key, c in by_unit.items()},
        "accounting": {
            "rows_used": len(kept),
            "rows_rejected": rejected,
            "duplicates": duplicates,
            "conflicts": conflicts,
        },
    }
