"""The sample dossiers as a vendor-style Excel report (xlsxwriter): a title
block, a header over two merged rows ("Ngày" over "Tiếp nhận", "Hẹn trả" …), the
numbered row "(1) (2) …", one group row per unit above its dossiers (there is
no unit column, as in many one-stop reports) and a "Tổng cộng" row.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_kpi.sample.world import CHANNEL_WORDS, STATUS_WORDS

if TYPE_CHECKING:
    import polars as pl

SINGLE = ["STT", "Mã hồ sơ", "Tên thủ tục", "Lĩnh vực", "Chủ hồ sơ", "Số điện thoại", "Hình thức nộp"]
DATES = ["Tiếp nhận", "Hẹn trả", "Có kết quả", "Trả kết quả"]
TRAILING = ["Trạng thái", "Mức độ", "Kết quả điện tử", "Số hóa hồ sơ", "Phí, lệ phí", "Thanh toán trực tuyến"]
DATE_COLUMNS = ("received_at", "due_at", "finished_at", "returned_at")
EXCEL_EPOCH = date(1899, 12, 30)


def _rows(dossiers: pl.DataFrame) -> pl.DataFrame:
    """The cells of each dossier row, dates as Excel serial days (vectorised)."""
    import polars as pl

    def serial(column: str) -> pl.Expr:
        return (pl.col(column) - pl.datetime(1899, 12, 30)).dt.total_seconds() / 86400

    def yes(column: str) -> pl.Expr:
        return pl.when(pl.col(column)).then(pl.lit("x")).otherwise(pl.lit(None, pl.String))

    return dossiers.sort("unit", "received_at").select(
        "unit",
        "dossier_id",
        "procedure_name",
        "field",
        "applicant",
        "phone",
        pl.col("channel").replace_strict(CHANNEL_WORDS),
        *[serial(c).alias(c) for c in DATE_COLUMNS],
        pl.col("status").replace_strict(STATUS_WORDS, return_dtype=pl.String),
        "service_level",
        yes("e_result").alias("e_result"),
        yes("digitized").alias("digitized"),
        "fee_amount",
        yes("paid_online").alias("paid_online"),
    )


def write_workbook(target: Path, dossiers: pl.DataFrame, first: date, last: date) -> None:
    """Write the vendor-style workbook of ``dossiers`` to ``target``."""
    import xlsxwriter

    width = len(SINGLE) + len(DATES) + len(TRAILING)
    workbook = xlsxwriter.Workbook(str(target))
    workbook.set_properties({"created": datetime.combine(last, time(17, 0))})  # same file for the same data
    sheet = workbook.add_worksheet("Danh sách hồ sơ")
    title = workbook.add_format({"bold": True, "align": "center"})
    head = workbook.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1})
    group = workbook.add_format({"bold": True, "italic": True})
    when = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    money = workbook.add_format({"num_format": "#,##0"})
    period = f"TỪ NGÀY {first:%d/%m/%Y} ĐẾN NGÀY {last:%d/%m/%Y}"
    for row, text in enumerate(["UBND TỈNH KHÁNH HÒA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                                f"DANH SÁCH HỒ SƠ TIẾP NHẬN {period}"]):  # fmt: skip
        sheet.merge_range(row, 0, row, width - 1, text, title)
    top, bottom = 4, 5
    for col, name in enumerate(SINGLE):
        sheet.merge_range(top, col, bottom, col, name, head)
    sheet.merge_range(top, len(SINGLE), top, len(SINGLE) + len(DATES) - 1, "Ngày", head)
    for offset, name in enumerate(DATES):
        sheet.write(bottom, len(SINGLE) + offset, name, head)
    for offset, name in enumerate(TRAILING):
        col = len(SINGLE) + len(DATES) + offset
        sheet.merge_range(top, col, bottom, col, name, head)
    sheet.write_row(bottom + 1, 0, [f"({i + 1})" for i in range(width)], head)
    row = bottom + 2
    current: str | None = None
    number = 0
    date_cols = range(len(SINGLE), len(SINGLE) + len(DATES))
    for cells in _rows(dossiers).iter_rows():
        unit, values = cells[0], list(cells[1:])
        if unit != current:
            sheet.merge_range(row, 0, row, width - 1, unit, group)
            row, current = row + 1, unit
        number += 1
        _write_dossier(sheet, row, [number, *values], date_cols, when, money)
        row += 1
    sheet.merge_range(row, 0, row, 3, f"Tổng cộng: {number:,} hồ sơ".replace(",", "."), group)
    workbook.close()


def _write_dossier(sheet: Any, row: int, values: list[Any], date_cols: range, when: Any, money: Any) -> None:
    for col, value in enumerate(values):
        if value is None:
            continue
        if col in date_cols:
            sheet.write_number(row, col, value, when)
        elif isinstance(value, int) and col == len(values) - 2:
            sheet.write_number(row, col, value, money)
        elif isinstance(value, str):
            sheet.write_string(row, col, value)
        else:
            sheet.write_number(row, col, value)
