"""Differential property test: cchc_kpi.build_report against tests/reference_model.py.

Random CSV exports with the Vietnamese headers of domain.md §2 are written to a temporary
folder; the same rows' typed values go to the independent reference model; every §5 metric of
the total (and of each unit) and the §7 accounting must agree.

Any disagreement fails, printing the differences and the generated CSV. The minimal cases
at the end pin the rules the random tests found broken once.
"""

from __future__ import annotations

import csv
import io
import math
import tempfile
import unicodedata
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import cchc_kpi
from tests.reference_model import METRICS, RATES, reference_report, reject_reason, unit_key

PERIOD, START, END = "Q1-2024", date(2024, 1, 1), date(2024, 3, 31)
AS_OF = date(2026, 1, 1)

# §2: the first alias of each field.
HEADER = {
    "dossier_id": "Mã hồ sơ",
    "unit": "Đơn vị xử lý",
    "received_at": "Ngày tiếp nhận",
    "due_at": "Ngày hẹn trả",
    "finished_at": "Ngày có kết quả",
    "returned_at": "Ngày trả kết quả",
    "status": "Trạng thái",
    "channel": "Hình thức nộp",
    "e_result": "Kết quả điện tử",
    "digitized": "Số hóa hồ sơ",
    "reused": "Tái sử dụng dữ liệu",
    "fee_amount": "Phí, lệ phí",
    "paid_online": "Thanh toán trực tuyến",
    "apology_at": "Ngày xin lỗi",
    "submitted_at": "Ngày nộp hồ sơ",
    "withdrawal_reason": "Lý do xin rút/ trả lại",
}
REQUIRED = ("dossier_id", "unit", "received_at")
OPTIONAL = tuple(f for f in HEADER if f not in REQUIRED)
DATES = ("received_at", "due_at", "finished_at", "returned_at", "apology_at", "submitted_at")
BOOLS = ("e_result", "digitized", "reused", "paid_online")
STATUS_TEXT = {  # §2: codes and their names
    1: ["1", "Mới đăng ký"],
    2: ["2", "Được tiếp nhận"],
    3: ["3", "Không được tiếp nhận"],
    4: ["4", "Đang xử lý"],
    5: ["5", "Yêu cầu bổ sung giấy tờ"],
    6: ["6", "Yêu cầu thực hiện nghĩa vụ tài chính"],
    7: ["7", "Công dân yêu cầu rút hồ sơ", "Trả lại", "Rút hồ sơ"],
    8: ["8", "Dừng xử lý"],
    9: ["9", "Đã xử lý xong", "Hoàn thành"],
    10: ["10", "Đã trả kết quả"],
}
CHANNEL_TEXT = {"online": ["Trực tuyến"], "direct": ["Trực tiếp", ""], "postal": ["Bưu chính"]}
UNITS = [  # spellings of one unit differ in case, spacing, Unicode form or tone placement (§7)
    ["UBND phường 1", "ubnd phường 1", "UBND  phường 1"],
    ["UBND xã Hòa Bình", "UBND xã Hoà Bình", unicodedata.normalize("NFD", "UBND xã Hòa Bình")],
    ["Sở Tư pháp"],
]
CLOCK = [
    time(0, 0),
    time(6, 0),
    time(7, 29),
    time(7, 30),
    time(9, 15),
    time(16, 59),
    time(17, 0),
    time(17, 1),
    time(20, 0),
]
DAY0 = datetime(2023, 12, 1)  # received dates run 1/12/2023 .. 29/4/2024
KINDS = (
    ["ok"] * 14
    + ["never"] * 2
    + ["withdrawn"] * 2
    + ["no_id", "no_unit", "no_received", "due_before", "close_before", "returned_before", "no_close"]
)


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock)


@st.composite
def dossier(draw, ident: str, cols: frozenset) -> tuple[dict, dict]:
    """One row: (typed canonical values, CSV cell texts), for an export with columns ``cols``."""
    kind = draw(st.sampled_from(KINDS))
    received = DAY0 + timedelta(
        days=draw(st.integers(0, 150)),
        minutes=draw(st.sampled_from([7 * 60, 7 * 60 + 30, 9 * 60 + 5, 14 * 60, 16 * 60 + 59, 17 * 60 + 30])),
    )
    due = None
    if draw(st.integers(0, 5)):
        due = _at(
            received.date() + timedelta(days=draw(st.integers(1, 12))),
            draw(st.sampled_from([time(0, 0), time(6, 0), time(7, 30), time(10, 0), time(17, 0)])),
        )
    close = None
    shape = draw(st.sampled_from(["none", "near_due", "near_due", "later"]))
    if shape == "near_due" and due is not None:  # around the due day, at edge clock times
        close = _at(
            due.date() + timedelta(days=draw(st.integers(-2, 2))),
            draw(st.sampled_from([*CLOCK, due.time(), (due + timedelta(minutes=1)).time()])),
        )
    elif shape != "none":
        close = received + timedelta(days=draw(st.integers(0, 40)), minutes=draw(st.integers(0, 600)))
    if close is not None and close < received:
        close = received + timedelta(minutes=draw(st.integers(0, 120)))
    status = draw(st.sampled_from([None, 2, 4, 5, 6] if close is None else [None, 4, 9, 10, 10]))
    row = {
        "dossier_id": ident,
        "unit": draw(st.sampled_from(draw(st.sampled_from(UNITS)))),
        "received_at": received,
        "due_at": due,
        "status": status,
        "withdrawal_reason": None,
        "submitted_at": received - timedelta(days=draw(st.integers(0, 3))) if draw(st.booleans()) else None,
    }
    if kind == "never":
        row.update(status=draw(st.sampled_from([1, 3])), due_at=None)
        close = None
        if draw(st.booleans()):
            row["received_at"] = None  # §4: never-accepted rows may lack received_at
    elif kind == "withdrawn":
        if close is None or draw(st.booleans()):
            row["status"] = draw(st.sampled_from([7, 8]))
        else:
            row["withdrawal_reason"] = "Công dân xin rút hồ sơ"
    elif kind == "no_id":
        row["dossier_id"] = ""
    elif kind == "no_unit":
        row["unit"] = ""
    elif kind == "no_received":
        row["received_at"] = None
    elif kind == "due_before":
        row["due_at"] = received - timedelta(days=draw(st.integers(1, 5)))
    elif kind in ("close_before", "returned_before"):
        close = received - timedelta(days=draw(st.integers(1, 5)))
    elif kind == "no_close":
        row["status"], close = draw(st.sampled_from([9, 10])), None
    finished = returned = None
    if close is not None:
        if kind == "returned_before" or "finished_at" not in cols or draw(st.integers(0, 4)) == 0:
            returned = close  # returned_at only: the close date (§2)
        else:
            finished = close
            if draw(st.booleans()):
                returned = close + timedelta(days=draw(st.integers(0, 2)), hours=draw(st.integers(0, 5)))
    channel = draw(st.sampled_from(["online", "online", "direct", "postal"]))
    fee = draw(st.sampled_from([0, 0, 8000, 35000, None]))
    row.update(
        finished_at=finished,
        returned_at=returned,
        channel=channel,
        fee_amount=fee,
        apology_at=(received + timedelta(days=draw(st.integers(1, 30)))) if draw(st.booleans()) else None,
        **{b: draw(st.booleans()) for b in BOOLS},
    )
    row = {f: (row[f] if f in cols else None) for f in HEADER}  # absent column: unknown
    if row["withdrawal_reason"] and not (row["finished_at"] or row["returned_at"]):
        # §4 says when a *status 7/8* dossier without close date is withdrawn, not a filled
        # reason without one: ambiguous, so not generated
        row["withdrawal_reason"] = None
    text = {}
    for f in cols:
        v = row[f]
        if f in DATES:
            text[f] = v.strftime("%d/%m/%Y %H:%M") if v else ""
        elif f in BOOLS:
            text[f] = "Có" if v else ""
        elif f == "status":
            text[f] = draw(st.sampled_from(STATUS_TEXT[v])) if v else ""
        elif f == "channel":
            text[f] = draw(st.sampled_from(CHANNEL_TEXT[v]))
        elif f == "fee_amount":
            text[f] = "" if v is None else str(v)
        else:
            text[f] = v or ""
    if "channel" in cols and text["channel"] == "":
        row["channel"] = "direct"  # §2: an empty cell is direct
    return row, text


@st.composite
def export(draw, number: int) -> tuple[list[dict], list[dict], list[str]]:
    """One CSV export: typed rows, text rows, and its canonical columns (header order)."""
    cols = {*REQUIRED, *(f for f in OPTIONAL if draw(st.integers(0, 3)))}
    if not cols & {"finished_at", "returned_at"}:
        cols.add("finished_at")  # a close date column always exists (9/10 need one, §4)
    columns = [f for f in HEADER if f in cols]
    typed, texts = [], []
    for i in range(draw(st.integers(5, 40))):
        row, text = draw(dossier(f"HS{number}-{i:04d}", frozenset(cols)))
        typed.append(row)
        texts.append(text)
    for i in draw(st.lists(st.integers(0, len(typed) - 1), max_size=3)):  # duplicates (§2)
        row, text = dict(typed[i]), dict(texts[i])
        if reject_reason(row) is not None:
            continue
        if row["finished_at"] is not None and draw(st.booleans()):
            # conflicting copy: strictly later finished_at (and returned_at), other channel
            shift = timedelta(days=draw(st.integers(1, 20)))
            for f in ("finished_at", "returned_at"):
                if row[f] is not None:
                    row[f] += shift
                    text[f] = row[f].strftime("%d/%m/%Y %H:%M")
            if "channel" in cols:
                row["channel"] = draw(st.sampled_from(["online", "direct", "postal"]))
                text["channel"] = CHANNEL_TEXT[row["channel"]][0]
        typed.append(row)
        texts.append(text)
    return typed, texts, columns


class Exports:
    """1–3 generated exports; shown as their CSV text when hypothesis reports a failing example."""

    def __init__(self, files):
        self.files = files

    def __repr__(self) -> str:
        return "\n" + as_csv(self.files)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


exports = st.integers(1, 3).flatmap(lambda n: st.tuples(*(export(i) for i in range(n)))).map(Exports)


def write(folder: Path, files) -> list[Path]:
    paths = []
    for i, (_, texts, columns) in enumerate(files):
        path = folder / f"export-{i}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([HEADER[f] for f in columns])
            for text in texts:
                writer.writerow([text[f] for f in columns])
        paths.append(path)
    return paths


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def differences(library: dict, reference: dict) -> dict:
    return {
        m: (library.get(m, "<missing>"), reference[m])
        for m in METRICS
        if m not in library or not same(library[m], reference[m])
    }


def run(files, compare_at: str, by=()):
    with tempfile.TemporaryDirectory() as folder:
        paths = write(Path(folder), files)
        return cchc_kpi.build_report(paths, PERIOD, by=list(by), compare_at=compare_at, as_of=AS_OF)


def reference(files, compare_at: str):
    exports = [(typed, set(columns)) for typed, _, columns in files]
    return reference_report(exports, START, END, compare_at)


def mismatches(files, report, ref, units: bool = False) -> dict:
    """Every §5 metric (of the total, and of each unit) and §7 accounting figure that differs:
    name -> (library, reference)."""
    acc = report.accounting
    found = differences(report.total, ref["total"])
    if acc.rows_read != acc.rows_used + acc.rows_rejected + acc.rows_skipped + acc.duplicates:
        found["accounting identity"] = (acc, "rows_read = used + rejected + skipped + duplicates")
    if acc.rows_read != sum(len(texts) + 1 for _, texts, _ in files):  # data rows + header
        found["rows_read"] = (acc.rows_read, sum(len(texts) + 1 for _, texts, _ in files))
    for name in ("rows_rejected", "rows_used", "duplicates"):
        if getattr(acc, name) != ref["accounting"][name]:
            found[name] = (getattr(acc, name), ref["accounting"][name])
    if units:
        rows = {unit_key(row["unit"]): row for row in report.rows}
        for key, expected in ref["by_unit"].items():
            if key in rows:
                found.update({f"{key}: {m}": v for m, v in differences(rows[key], expected).items()})
            elif any(v for m, v in expected.items() if m not in RATES):
                found[f"{key}: row"] = ("<missing>", expected)  # a unit with no figure may be left out
        for key in rows.keys() - ref["by_unit"].keys():
            found[f"{key}: row"] = (rows[key], "<no such unit>")
    return found


def as_csv(files) -> str:
    """The generated exports as CSV text, for a failure message."""
    out = io.StringIO()
    for i, (_, texts, columns) in enumerate(files):
        out.write(f"--- export-{i}.csv\n")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([HEADER[f] for f in columns])
        writer.writerows([text[f] for f in columns] for text in texts)
    return out.getvalue()


def assert_agrees(files, compare_at: str, by=()):
    report = run(files, compare_at, by)
    found = mismatches(files, report, reference(files, compare_at), bool(by))
    if found:
        listing = "\n".join(
            f"  {name}: library {lib!r}, reference {ref!r}" for name, (lib, ref) in found.items()
        )
        pytest.fail(
            f"compare_at={compare_at}, by={list(by)}: library differs from the domain.md reference:\n"
            f"{listing}\non these exports:\n{as_csv(files)}",
            pytrace=False,
        )


# No shrinking: each step is a full build_report, and the file must stay within ~60 s even
# when the library disagrees; a failure lists the differences and prints the CSV input.
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    print_blob=False,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize("compare_at", ["date", "datetime"])
@SETTINGS
@given(files=exports)
def test_total_matches_reference(files, compare_at):
    """Every §5 metric of the total and the §7 accounting equal the reference model's."""
    assert_agrees(files.files, compare_at)


@SETTINGS
@given(files=exports)
def test_units_match_reference(files):
    """With --by unit, every unit row's §5 metrics equal the reference model's (date comparison)."""
    assert_agrees(files.files, "date", by=["unit"])


# --- Minimal cases, each asserting domain.md: the defects the random tests found once.


def report_of(tmp_path, *csv_texts, compare_at="date"):
    paths = []
    for i, text in enumerate(csv_texts):
        paths.append(tmp_path / f"case-{i}.csv")
        paths[-1].write_text(text, "utf-8")
    return cchc_kpi.build_report(paths, PERIOD, compare_at=compare_at, as_of=AS_OF)


FEE_AND_PAID = (
    'Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,"Phí, lệ phí",Thanh toán trực tuyến\n'
    "A1,UBND phường 1,02/01/2024 08:00,8000,Có\nA2,UBND phường 1,02/01/2024 08:00,0,Có\n"
)
PAID_ONLY = (
    "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Thanh toán trực tuyến\n"
    "B1,UBND phường 1,02/01/2024 08:00,Có\nB2,UBND phường 1,02/01/2024 08:00,Có\n"
)
FEE_ONLY = 'Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,"Phí, lệ phí"\nC1,UBND phường 1,02/01/2024 08:00,8000\n'


def test_payment_rate_counts_only_inputs_with_fee_and_paid_columns(tmp_path):
    """online_payment_rate is paid / fee dossiers over inputs having both columns (§2, §5), within [0, 1]."""
    assert report_of(tmp_path, FEE_AND_PAID, PAID_ONLY).total["online_payment_rate"] == 1.0


def test_paid_amount_is_null_without_paid_column(tmp_path):
    """paid_online_amount is null when no input has the paid_online column (§2)."""
    assert report_of(tmp_path, FEE_ONLY).total["paid_online_amount"] is None


def test_paid_amount_is_null_when_no_input_has_fee_and_paid_columns(tmp_path):
    """paid_online_amount is null when the fee and paid_online columns are in different inputs (§2)."""
    assert report_of(tmp_path, FEE_ONLY, PAID_ONLY).total["paid_online_amount"] is None


def test_datetime_classes_exclude_each_other(tmp_path):
    """compare_at=datetime: closed 07:00 on a due day with due_at 06:00 is late only (§4)."""
    total = report_of(
        tmp_path,
        "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n"
        "A1,UBND phường 1,02/01/2024 08:00,05/01/2024 06:00,05/01/2024 07:00\n",
        compare_at="datetime",
    ).total
    assert (total["resolved_early"], total["resolved_on_time"], total["resolved_late"]) == (0, 0, 1)


def test_returned_only_close_before_received_is_rejected(tmp_path):
    """A row whose only close date, returned_at, is before received_at is rejected (§4)."""
    report = report_of(
        tmp_path,
        "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Ngày trả kết quả\n"
        "A1,UBND phường 1,02/01/2024 08:00,01/01/2024 09:00\n",
    )
    assert (report.accounting.rows_rejected, report.total["resolved"]) == (1, 0)


def test_never_accepted_counted_by_submission_date(tmp_path):
    """A status-3 dossier without received_at counts as not_accepted in its submitted_at period (§4)."""
    report = report_of(
        tmp_path,
        "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Trạng thái,Ngày nộp hồ sơ\n"
        "A1,UBND phường 1,,3,10/01/2024 08:00\n",
    )
    assert (report.accounting.rows_rejected, report.total["not_accepted"]) == (0, 1)


def test_withdrawal_reason_makes_a_dossier_withdrawn(tmp_path):
    """A filled withdrawal_reason makes a closed dossier withdrawn, whatever its status (§4)."""
    total = report_of(
        tmp_path,
        "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Ngày có kết quả,Trạng thái,Lý do xin rút/ trả lại\n"
        "A1,UBND phường 1,05/01/2024 14:00,09/01/2024 15:01,10,Công dân xin rút hồ sơ\n",
    ).total
    assert (total["withdrawn"], total["resolved"]) == (1, 0)


def test_count_is_null_when_every_dossier_of_a_group_lacks_the_column(tmp_path):
    """An optional-column count is null (unknown), not 0, when the group's dossiers all come
    from inputs without the column; it counts the known ones when some are (README Choices)."""
    with_channel = "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận,Hình thức nộp\nA1,UBND phường 1,02/{month}/2024 08:00,Trực tuyến\n"
    without = "Mã hồ sơ,Đơn vị xử lý,Ngày tiếp nhận\nB1,UBND phường 1,02/01/2024 08:00\n"
    none_known = report_of(tmp_path, with_channel.format(month="04"), without).total
    assert (none_known["received_new"], none_known["received_online"], none_known["online_rate"]) == (
        1,
        None,
        None,
    )
    some_known = report_of(tmp_path, with_channel.format(month="03"), without).total
    assert (some_known["received_new"], some_known["received_online"], some_known["online_rate"]) == (
        2,
        1,
        1.0,
    )
