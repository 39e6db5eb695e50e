"""Unit tests of the metrics (domain.md §5) on tiny classified frames: counts, rates with
their bases, and null (never 0) where a column is missing."""

import polars as pl

from cchc_kpi.kpi.classify import FLAGS
from cchc_kpi.kpi.metrics import OPTIONAL, aggregations, finish

OPTIONAL_COLUMNS = {
    "channel": pl.String,
    "service_level": pl.String,
    "e_result": pl.Boolean,
    "digitized": pl.Boolean,
    "reused": pl.Boolean,
    "fee_amount": pl.Int64,
    "paid_online": pl.Boolean,
    "apology": pl.Boolean,
    "withdrawal_reason": pl.Boolean,
    "status": pl.Int8,
}


def _classified(*rows: dict) -> pl.LazyFrame:
    """Classified dossiers: the flags given (``k_*`` names without the prefix) and optional columns."""
    data = {f: [f.removeprefix("k_") in r.get("flags", ()) for r in rows] for f in FLAGS}
    data |= {c: [r.get(c) for r in rows] for c in OPTIONAL_COLUMNS}
    return pl.DataFrame(data, schema={**dict.fromkeys(FLAGS, pl.Boolean), **OPTIONAL_COLUMNS}).lazy()


def _total(frame: pl.LazyFrame, present: list[str]) -> dict:
    return finish(frame.select(aggregations()), present).collect().row(0, named=True)


def test_counts_and_rates_with_their_bases():
    """Counts are sums of flags; rates are numerator / denominator at full precision."""
    new_online = {"flags": ("new", "resolved", "early"), "channel": "online"}
    rows = [
        new_online,
        {"flags": ("new", "resolved", "late"), "channel": "direct"},
        {"flags": ("new", "pending", "pending_in_time"), "channel": "postal"},
        {"flags": ("carried", "resolved", "on_time")},
    ]
    total = _total(_classified(*rows), ["channel"])
    assert (total["received_new"], total["carried_over"], total["received_total"]) == (3, 1, 4)
    assert (total["received_online"], total["received_direct"], total["received_postal"]) == (1, 1, 1)
    assert total["received_offline"] == 2
    assert (total["resolved"], total["resolved_in_time"], total["resolved_late"]) == (3, 2, 1)
    assert total["on_time_rate"] == 2 / 3
    assert total["late_rate"] == 1 / 3
    assert total["online_rate"] == 1 / 3
    assert total["progress_766_rate"] == 3 / 4  # (2 in time + 1 pending in time) / (3 + 1)


def test_a_column_no_input_has_gives_null_never_zero():
    """Without the e-result, digitisation, fee and payment columns, their metrics are null, not 0."""
    total = _total(_classified({"flags": ("new", "resolved", "early")}), [])
    for name in ("e_result", "e_result_rate", "digitized", "digitization_rate", "fee_dossiers", "paid_online",
                 "paid_online_amount", "online_payment_rate", "received_online", "online_rate"):  # fmt: skip
        assert total[name] is None, name


def test_rates_are_null_when_their_denominator_is_zero():
    """No dossier resolved: the on-time, early and late rates are null."""
    total = _total(_classified({"flags": ("new", "pending", "pending_in_time")}), [])
    assert total["resolved"] == 0
    assert total["on_time_rate"] is None and total["late_rate"] is None and total["early_rate"] is None
    assert total["resolved_rate"] == 0.0


def test_a_group_whose_dossiers_lack_the_column_is_null():
    """When only some inputs have a column, a group with none of its dossiers known gets null."""
    rows = [
        {"flags": ("new",), "digitized": True},
        {"flags": ("new",), "digitized": None},
    ]
    frame = _classified(*rows).with_columns(pl.Series("g", ["A", "B"]))
    grouped = finish(frame.group_by("g").agg(aggregations()), ["digitized"]).collect().sort("g")
    assert grouped["digitization_rate"].to_list() == [1.0, None]
    assert grouped["digitized"].to_list() == [1, None]


def test_paid_online_counts_fee_bearing_dossiers_of_the_period():
    """Paid online: new dossiers marked paid with a fee above 0; the amount sums their fees."""
    rows = [
        {"flags": ("new",), "paid_online": True, "fee_amount": 35_000},
        {"flags": ("new",), "paid_online": True, "fee_amount": 0},
        {"flags": ("new",), "paid_online": False, "fee_amount": 50_000},
        {"flags": ("carried",), "paid_online": True, "fee_amount": 20_000},
    ]
    total = _total(_classified(*rows), ["fee_amount", "paid_online", "fee_paid"])
    assert (total["fee_dossiers"], total["paid_online"], total["paid_online_amount"]) == (2, 1, 35_000)
    assert total["online_payment_rate"] == 0.5


def test_late_dossiers_split_by_apology():
    """Late and pending-overdue dossiers are split by whether the apology letter was sent."""
    rows = [
        {"flags": ("new", "resolved", "late"), "apology": True},
        {"flags": ("new", "pending", "pending_overdue"), "apology": False},
        {"flags": ("new", "resolved", "early"), "apology": False},
    ]
    total = _total(_classified(*rows), ["apology"])
    assert (total["late_with_apology"], total["late_without_apology"]) == (1, 1)


def test_every_optional_column_feeds_only_known_metrics():
    """The optional-column table names metrics that exist (or private bases)."""
    names = set(_total(_classified({"flags": ("new",)}), list(OPTIONAL)))
    for _, fed in OPTIONAL.values():
        assert set(fed) <= names


def test_online_payment_rate_counts_only_dossiers_with_both_columns():
    """A paid dossier from an input without the fee column is paid online but outside the rate: it stays in [0, 1]."""
    rows = [
        {"flags": ("new",), "paid_online": True, "fee_amount": None},  # input without the fee column
        {"flags": ("new",), "paid_online": True, "fee_amount": None},
        {"flags": ("new",), "paid_online": True, "fee_amount": 50_000},
        {"flags": ("new",), "paid_online": False, "fee_amount": 20_000},
        {"flags": ("new",), "paid_online": None, "fee_amount": 30_000},  # input without the payment column
    ]
    total = _total(_classified(*rows), ["fee_amount", "paid_online", "fee_paid"])
    assert (total["paid_online"], total["fee_dossiers"]) == (3, 3)
    assert total["online_payment_rate"] == 0.5  # 1 paid of the 2 fee-bearing dossiers whose payment is known


def test_paid_amount_is_null_without_a_payment_column():
    """With fees but no payment column anywhere, the paid amount is unknown (null), not 0."""
    total = _total(_classified({"flags": ("new",), "fee_amount": 35_000}), ["fee_amount"])
    assert total["fee_dossiers"] == 1
    assert (
        total["paid_online"] is None
        and total["paid_online_amount"] is None
        and total["online_payment_rate"] is None
    )


def test_paid_amount_needs_fee_and_payment_on_the_same_dossiers():
    """Fees in one input and payments in another: the amount paid online is unknown (null)."""
    rows = [
        {"flags": ("new",), "paid_online": None, "fee_amount": 8_000},  # input with the fee column only
        {"flags": ("new",), "paid_online": True, "fee_amount": None},  # input with the payment column only
    ]
    total = _total(_classified(*rows), ["fee_amount", "paid_online"])  # no input has both
    assert total["paid_online"] == 1 and total["paid_online_amount"] is None
    assert _total(_classified(*rows), ["fee_amount", "paid_online", "fee_paid"])["paid_online_amount"] is None
