"""Unit tests of parsing one grid into canonical rows (plan → query → finish), on tiny
grids held in memory: values, row kinds, rejected rows and their reasons."""

from datetime import datetime
from pathlib import Path

import polars as pl

from cchc_kpi.ingestion.dataset import IngestOptions
from cchc_kpi.ingestion.parse import SKIP, parse_rows
from cchc_kpi.ingestion.plan import plan_input
from cchc_kpi.ingestion.row_checks import REJECT, REJECT_FIELD
from cchc_kpi.read.grid import HEAD_ROWS, ROW, RawGrid, column_name


def grid_of(rows: list[list[str | None]]) -> RawGrid:
    """A grid over rows of text cells, as a reader makes it (row numbers from 1)."""
    width = max(len(r) for r in rows)
    padded = [r + [None] * (width - len(r)) for r in rows]
    frame = pl.DataFrame(
        {column_name(i): [r[i] for r in padded] for i in range(width)},
        schema=dict.fromkeys((column_name(i) for i in range(width)), pl.String),
    ).with_row_index(ROW, offset=1)

    def loader(indexes):
        return frame.lazy().select(ROW, *[column_name(i) for i in indexes])

    return RawGrid(path=Path("memory.csv"), n_columns=width, head=padded[:HEAD_ROWS], loader=loader)


def parsed(rows: list[list[str | None]], set_unit: str | None = None) -> pl.DataFrame:
    plan = plan_input(grid_of(rows), 0, IngestOptions(set_unit=set_unit).reading(Path("memory.csv")))
    return parse_rows(plan)


HEADER = ["STT", "Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", "Trạng thái",
          "Hình thức nộp", "Phí, lệ phí", "Số hóa hồ sơ"]  # fmt: skip


def test_values_are_parsed_by_their_kind():
    """Dates, statuses, channels, money and yes/no come out as canonical values; text is cleaned."""
    frame = parsed(
        [
            HEADER,
            [
                "1",
                " A01 ",
                "UBND  xã  Vạn Hưng",
                "02/01/2024 08:15",
                "10/01/2024",
                "09/01/2024 16:00",
                "Đã trả kết quả",
                "Trực tuyến",
                "35.000 đ",
                "Có",
            ],
        ]
    )
    row = frame.row(0, named=True)
    assert row["dossier_id"] == "A01"
    assert row["unit"] == "UBND xã Vạn Hưng"
    assert row["received_at"] == datetime(2024, 1, 2, 8, 15)
    assert row["due_at"] == datetime(2024, 1, 10)
    assert row["finished_at"] == datetime(2024, 1, 9, 16)
    assert row["status"] == 10
    assert row["channel"] == "online"
    assert row["fee_amount"] == 35_000
    assert row["digitized"] is True
    assert row[REJECT] is None and row[SKIP] is None


def test_empty_cells_mean_no_direct_and_not_finished():
    """An empty channel is direct, an empty yes/no is no, an empty fee is 0, an empty close date is null."""
    frame = parsed([HEADER, ["1", "A01", "UBND xã A", "02/01/2024", "", "", "", "", "", ""]])
    row = frame.row(0, named=True)
    assert (row["channel"], row["digitized"], row["fee_amount"], row["finished_at"]) == (
        "direct",
        False,
        0,
        None,
    )


def test_unreadable_key_cells_reject_the_row_and_name_the_column():
    """A missing code, an unreadable received date, a close before receipt, a finished status without a date."""
    frame = parsed(
        [
            HEADER,
            ["1", "", "UBND xã A", "02/01/2024"],
            ["2", "A02", "UBND xã A", "32/01/2024"],
            ["3", "A03", "UBND xã A", "05/01/2024", "", "02/01/2024"],
            ["4", "A04", "UBND xã A", "05/01/2024", "", "", "Đã xử lý xong"],
            ["5", "A05", "UBND xã A", "05/01/2024"],
        ]
    )
    got = frame.select(ROW, REJECT, REJECT_FIELD).rows()
    assert got == [
        (2, "missing", "dossier_id"),
        (3, "bad_date", "received_at"),
        (4, "finished_before_received", "finished_at"),
        (5, "finished_without_date", "status"),
        (6, None, None),
    ]


def test_blank_group_and_total_rows_are_skipped_and_group_rows_give_the_unit():
    """Without a unit column, a group row naming a unit is the unit of the rows below it."""
    header = ["STT", "Mã hồ sơ", "Ngày tiếp nhận", "Ngày hẹn trả"]
    frame = parsed(
        [
            ["DANH SÁCH HỒ SƠ"],
            header,
            ["UBND xã Vạn Hưng"],
            ["1", "A01", "02/01/2024", "10/01/2024"],
            [None, None, None, None],
            ["UBND xã Vạn Phú"],
            ["1", "B01", "03/01/2024", "10/01/2024"],
            ["Tổng cộng: 2 hồ sơ"],
        ]
    )
    assert frame.select(ROW, SKIP).rows() == [
        (3, "group"),
        (4, None),
        (5, "blank"),
        (6, "group"),
        (7, None),
        (8, "total"),
    ]
    dossiers = frame.filter(pl.col(SKIP).is_null())
    assert dossiers.select("dossier_id", pl.col("unit").cast(pl.String)).rows() == [
        ("A01", "UBND xã Vạn Hưng"),
        ("B01", "UBND xã Vạn Phú"),
    ]


def test_set_unit_fills_an_export_without_a_unit_column():
    """--set-unit gives every row its unit."""
    frame = parsed([["Mã hồ sơ", "Ngày tiếp nhận"], ["A01", "02/01/2024"]], set_unit="UBND xã A")
    assert frame["unit"].cast(pl.String).to_list() == ["UBND xã A"]


def test_unreadable_other_cells_are_empty_and_flagged_not_rejected():
    """An unknown channel word is direct and flagged; an unreadable fee is 0 and flagged; the row stays valid."""
    frame = parsed([HEADER, ["1", "A01", "UBND xã A", "02/01/2024", "", "", "", "bồ câu", "nhiều", ""]])
    row = frame.row(0, named=True)
    assert row[REJECT] is None
    assert (row["channel"], row["_bad_channel"]) == ("direct", True)
    assert (row["fee_amount"], row["_bad_fee_amount"]) == (0, True)
