"""Property tests (hypothesis) over the whole pipeline: random exports → report."""

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_kpi.kpi.metrics import METRICS
from cchc_kpi.report.build import build_report

UNITS = ["UBND xã Vạn Hưng", "UBND phường Vĩnh Hòa", "UBND phường Vĩnh Hoà", "Sở Tư pháp"]
STATUSES = ["", "1", "3", "4", "5", "7", "8", "9", "10", "Đã trả kết quả", "Rút hồ sơ"]
CHANNELS = ["Trực tuyến", "Trực tiếp", "Bưu chính", "", "Zalo"]
FLOWS = [m.name for m in METRICS if m.flow and m.kind != "rate"]
DAY0 = datetime(2023, 10, 1, 8, 0)

dossier = st.tuples(
    st.sampled_from(UNITS),
    st.integers(0, 270),  # received, days after 1/10/2023
    st.one_of(st.none(), st.integers(0, 30)),  # due, days after received
    st.one_of(st.none(), st.integers(-2, 90)),  # closed, days after received (negative: bad row)
    st.sampled_from(STATUSES),
    st.sampled_from(CHANNELS),
    st.sampled_from(["", "Có", "x", "không"]),
)


def _when(days: int | None, base: datetime) -> str:
    return "" if days is None else (base + timedelta(days=days)).strftime("%d/%m/%Y %H:%M")


def _write(rows, folder: Path, name: str = "export.csv") -> Path:
    lines = [
        "Mã hồ sơ;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái;Hình thức nộp;Số hóa"
    ]
    for i, (unit, received, due, closed, status, channel, digitized) in enumerate(rows):
        when = DAY0 + timedelta(days=received, minutes=7 * i)
        lines.append(
            ";".join(
                [
                    f"H{i:04d}",
                    unit,
                    _when(0, when),
                    _when(due, when),
                    _when(closed, when),
                    status,
                    channel,
                    digitized,
                ]
            )
        )
    path = folder / name
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(dossier, min_size=1, max_size=40), st.sampled_from(["Q1-2024", "2024", "H1-2024", "2024-02"]))
def test_identity_rates_and_flow_sums(rows, period):
    """received_total = resolved + pending + withdrawn in every row; rates in [0, 1] or null;
    flow metrics of units and of months add up to the total; accounting balances."""
    with tempfile.TemporaryDirectory() as folder:
        path = _write(rows, Path(folder))
        by_unit = build_report([path], period, by=["unit"], as_of=date(2026, 1, 1))
        by_month = build_report([path], period, by=["month"], as_of=date(2026, 1, 1))
    assert by_unit.accounting.balanced
    for report in (by_unit, by_month):
        for row in [*report.rows, report.total]:
            assert row["received_total"] == row["resolved"] + row["pending"] + row["withdrawn"]
            assert row["resolved"] == row["resolved_early"] + row["resolved_on_time"] + row["resolved_late"]
            assert row["pending"] == row["pending_in_time"] + row["pending_overdue"]
            for metric in METRICS:
                if metric.kind == "rate":
                    assert row[metric.name] is None or 0 <= row[metric.name] <= 1
        for name in FLOWS:
            values = [r[name] for r in report.rows if r[name] is not None]
            if values:
                assert sum(values) == report.total[name], name
    assert by_unit.total == by_month.total


@SETTINGS
@given(st.lists(dossier, min_size=2, max_size=30), st.randoms(use_true_random=False))
def test_row_order_changes_nothing(rows, rng):
    """Shuffling the export's rows gives the same report."""
    with tempfile.TemporaryDirectory() as folder:
        first = _write(rows, Path(folder), "a.csv")
        # the same dossiers (same codes) in another order
        indexed = list(enumerate(rows))
        rng.shuffle(indexed)
        lines = first.read_text("utf-8").splitlines()
        second = Path(folder) / "b.csv"
        second.write_text("\n".join([lines[0], *[lines[i + 1] for i, _ in indexed]]) + "\n", "utf-8")
        one = build_report([first], "Q1-2024", by=["unit"], as_of=date(2026, 1, 1)).model_dump(mode="json")
        two = build_report([second], "Q1-2024", by=["unit"], as_of=date(2026, 1, 1)).model_dump(mode="json")
    for data in (one, two):
        data["metadata"].pop("generated_at")
        data["metadata"]["inputs"] = []
        data["warnings"] = sorted(w.replace("b.csv", "a.csv") for w in data["warnings"])
    assert one == two


GARBAGE = st.sampled_from(["", "???", "31/02/2024", "ngày mai", "-5", "=1+1", "\t", "0", "99/99/9999 99:99"])


@SETTINGS
@given(
    st.lists(dossier, min_size=1, max_size=30),
    st.lists(st.tuples(st.integers(0, 29), st.integers(0, 7), GARBAGE), max_size=12),
    st.lists(st.integers(0, 29), max_size=4),
)
def test_corrupted_cells_lose_nothing(rows, corruptions, blanks):
    """Random cells replaced by garbage and blank lines inserted: the run never fails, every row is
    accounted for, the identities and rate bounds hold, and each rejected row is named."""
    with tempfile.TemporaryDirectory() as folder:
        path = _write(rows, Path(folder))
        lines = path.read_text("utf-8").splitlines()
        for row, column, value in corruptions:
            if row < len(lines) - 1:
                cells = lines[row + 1].split(";")
                cells[column] = value
                lines[row + 1] = ";".join(cells)
        for at in sorted(blanks, reverse=True):
            lines.insert(min(at + 1, len(lines)), ";;;;;;;")
        path.write_text("\n".join(lines) + "\n", "utf-8")
        report = build_report([path], "Q1-2024", by=["unit"], as_of=date(2026, 1, 1))
        from cchc_kpi.ingestion.pipeline import ingest

        dataset = ingest([path])
    acc = report.accounting
    assert acc.balanced
    assert acc.rows_read == len(lines)
    assert len(dataset.rejected_rows()) == acc.rows_rejected
    for row in [*report.rows, report.total]:
        assert row["received_total"] == row["resolved"] + row["pending"] + row["withdrawn"]
        for metric in METRICS:
            if metric.kind == "rate":
                assert row[metric.name] is None or 0 <= row[metric.name] <= 1


@SETTINGS
@given(st.lists(dossier, min_size=1, max_size=25))
def test_same_input_twice_gives_identical_output(rows):
    """Two runs on the same input print byte-identical CSV and JSON (apart from the generation time)."""
    from cchc_kpi.outputs.report_tables import report_delimited

    with tempfile.TemporaryDirectory() as folder:
        path = _write(rows, Path(folder))
        runs = [
            build_report([path], "Q1-2024", by=["level", "unit"], as_of=date(2026, 1, 1)) for _ in range(2)
        ]
    assert report_delimited(runs[0]).encode() == report_delimited(runs[1]).encode()
    one, two = (r.model_dump_json(exclude={"metadata": {"generated_at"}}).encode() for r in runs)
    assert one == two
