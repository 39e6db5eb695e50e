"""Unit tests of the classification (domain.md §4) on tiny in-memory frames."""

from datetime import date, datetime, time

import polars as pl
import pytest

from cchc_kpi.kpi.classify import FLAGS, Comparison, classify, prepare

START, END = date(2024, 1, 1), date(2024, 3, 31)


def _frame(*rows: dict) -> pl.DataFrame:
    """Dossiers with only the columns the classification reads (missing values are null)."""
    columns = (
        "received_at",
        "due_at",
        "finished_at",
        "returned_at",
        "supplement_requested_at",
        "supplement_done_at",
        "submitted_at",
    )
    schema = {c: pl.Datetime("us") for c in columns} | {"status": pl.Int8, "withdrawal_reason": pl.Boolean}
    data = {name: [r.get(name) for r in rows] for name in schema}
    return pl.DataFrame(data, schema=schema)


def _flags(frame: pl.DataFrame, comparison: Comparison | None = None) -> list[set[str]]:
    """The flags set for each dossier, without the ``k_`` prefix."""
    done = frame.with_columns(prepare()).with_columns(classify(START, END, comparison))
    return [
        {f.removeprefix("k_") for f in FLAGS if row[f]} for row in done.select(FLAGS).iter_rows(named=True)
    ]


def at(day: str, hour: int = 9, minute: int = 0) -> datetime:
    """A timestamp in 2024 (or the year written) from "dd/mm[/yyyy]"."""
    parts = [int(p) for p in day.split("/")]
    year = parts[2] if len(parts) == 3 else 2024
    return datetime(year, parts[1], parts[0], hour, minute)


def test_resolved_early_on_time_and_late_by_calendar_date():
    """A close before / on / after the due day is early / on time / late; all are new and resolved."""
    rows = [
        {"received_at": at("02/01"), "due_at": at("10/01"), "finished_at": at("09/01", 16)},
        {"received_at": at("02/01"), "due_at": at("10/01", 8), "finished_at": at("10/01", 16)},
        {"received_at": at("02/01"), "due_at": at("10/01"), "finished_at": at("11/01", 7)},
    ]
    assert _flags(_frame(*rows)) == [
        {"new", "resolved", "early"},
        {"new", "resolved", "on_time"},
        {"new", "resolved", "late"},
    ]


def test_carried_over_pending_and_closed_after_the_end():
    """Received before the start and open is carried over and pending; closed after the end counts as pending."""
    rows = [
        {"received_at": at("20/12/2023"), "due_at": at("30/04")},
        {"received_at": at("20/12/2023"), "due_at": at("05/01"), "finished_at": at("15/01")},
        {"received_at": at("01/03"), "due_at": at("20/03"), "finished_at": at("02/04"), "status": 9},
        {"received_at": at("01/12/2023"), "finished_at": at("20/12/2023")},  # closed before the period: out
    ]
    assert _flags(_frame(*rows)) == [
        {"carried", "pending", "pending_in_time"},
        {"carried", "resolved", "late"},
        {"new", "pending", "pending_overdue"},
        set(),
    ]


def test_no_due_date_is_on_time_and_counted():
    """A resolved dossier without a due date is on time (and flagged for the warning); pending without one is in time."""
    rows = [{"received_at": at("02/01"), "finished_at": at("03/01")}, {"received_at": at("02/01")}]
    assert _flags(_frame(*rows)) == [
        {"new", "resolved", "on_time", "no_due"},
        {"new", "pending", "pending_in_time"},
    ]


def test_withdrawn_and_never_accepted():
    """Status 7/8 closed in the period is withdrawn (not resolved); without a date it closes on receipt;
    status 1/3 is only not_accepted, in the period of its received date."""
    rows = [
        {"received_at": at("02/01"), "finished_at": at("05/01"), "status": 7},
        {"received_at": at("02/01"), "status": 8},
        {"received_at": at("02/01"), "status": 3},
        {"received_at": at("02/05"), "status": 1},
    ]
    assert _flags(_frame(*rows)) == [
        {"new", "withdrawn"},
        {"new", "withdrawn", "withdrawn_no_date"},
        {"not_accepted"},
        set(),
    ]


def test_returned_at_closes_when_finished_at_is_empty():
    """finished_at empty but returned_at present: the dossier closed at returned_at."""
    rows = [{"received_at": at("02/01"), "due_at": at("04/01"), "returned_at": at("08/01")}]
    assert _flags(_frame(*rows)) == [{"new", "resolved", "late"}]


def test_supplement_requested_before_the_due_date_keeps_a_pending_dossier_in_time():
    """A pending dossier whose supplement was asked on or before its due date and not yet given is in time."""
    rows = [
        {"received_at": at("01/03"), "due_at": at("10/03"), "supplement_requested_at": at("05/03")},
        {"received_at": at("01/03"), "due_at": at("10/03"), "supplement_requested_at": at("12/03")},
        {
            "received_at": at("01/03"),
            "due_at": at("10/03"),
            "supplement_requested_at": at("05/03"),
            "supplement_done_at": at("20/03"),
        },
    ]
    assert _flags(_frame(*rows)) == [
        {"new", "pending", "pending_in_time"},
        {"new", "pending", "pending_overdue"},
        {"new", "pending", "pending_overdue"},
    ]


@pytest.mark.parametrize(
    ("due", "close", "expected"),
    [
        (at("10/01", 15), at("10/01", 7), "early"),  # before the due day's working hours
        (at("10/01", 15), at("10/01", 14, 59), "on_time"),
        (at("10/01", 15), at("10/01", 15, 1), "late"),
        (at("10/01", 0), at("10/01", 16, 59), "on_time"),  # 00:00 means the end of that day's hours
        (at("10/01", 0), at("10/01", 17, 1), "late"),
    ],
)
def test_datetime_comparison_classes_exclude_each_other(due, close, expected):
    """With --compare-at datetime, early / on time / late follow the working hours and never overlap."""
    hours = Comparison(mode="datetime", day_start=time(7, 30), day_end=time(17, 0))
    flags = _flags(_frame({"received_at": at("02/01"), "due_at": due, "finished_at": close}), hours)
    assert flags == [{"new", "resolved", expected}]


def test_identity_received_total_is_resolved_plus_pending_plus_withdrawn():
    """Every in-scope dossier is exactly one of resolved, pending, withdrawn; new or carried, never both."""
    rows = [
        {"received_at": at("20/12/2023"), "finished_at": at("10/02"), "status": 9},
        {"received_at": at("20/12/2023"), "status": 7},  # withdrawn without a date: in December, not here
        {"received_at": at("15/02"), "due_at": at("01/03")},
        {"received_at": at("15/02"), "finished_at": at("16/02"), "status": 8},
    ]
    flags = _flags(_frame(*rows))
    assert flags[1] == set()
    for one in flags[:1] + flags[2:]:
        assert len(one & {"resolved", "pending", "withdrawn"}) == 1
        assert len(one & {"new", "carried"}) == 1


def test_a_filled_withdrawal_reason_is_withdrawn_whatever_the_status():
    """TD keeps returned / withdrawn dossiers at "Đã trả kết quả": a filled reason makes them withdrawn."""
    rows = [
        {"received_at": at("02/01"), "finished_at": at("05/01"), "status": 10, "withdrawal_reason": True},
        {"received_at": at("02/01"), "finished_at": at("05/01"), "status": 10, "withdrawal_reason": False},
    ]
    assert _flags(_frame(*rows)) == [{"new", "withdrawn"}, {"new", "resolved", "on_time", "no_due"}]


def test_never_accepted_with_only_a_submission_date_counts_in_its_period():
    """A refused dossier without a received date counts as not accepted in the period of its submission."""
    rows = [
        {"submitted_at": at("03/02"), "status": 3},
        {"submitted_at": at("03/05"), "status": 1},
        {"received_at": at("20/12/2023"), "submitted_at": at("03/02"), "status": 3},
    ]
    assert _flags(_frame(*rows)) == [{"not_accepted"}, set(), set()]


def test_datetime_early_and_late_never_both():
    """Due at 07:00 and closed at 07:10 is late only (late comes first), not early as well."""
    hours = Comparison(mode="datetime", day_start=time(7, 30), day_end=time(17, 0))
    flags = _flags(
        _frame({"received_at": at("02/01"), "due_at": at("10/01", 7), "finished_at": at("10/01", 7, 10)}),
        hours,
    )
    assert flags == [{"new", "resolved", "late"}]
