"""The floor: Polars scanning only the columns the report needs and counting rows per
unit; no parsing, no classification. Nothing can read the file faster than this.

    python bench/floor_polars.py FILE.csv
"""

import sys

import polars as pl

NEEDED = [
    "Mã hồ sơ", "Đơn vị xử lý", "Hình thức nộp", "Trạng thái", "Ngày tiếp nhận", "Ngày hẹn trả",
    "Ngày có kết quả", "Ngày trả kết quả", "Ngày yêu cầu bổ sung", "Ngày bổ sung", "Mức độ",
    "Kết quả điện tử", "Số hóa hồ sơ", "Tái sử dụng dữ liệu", "Phí, lệ phí", "Thanh toán trực tuyến",
]  # fmt: skip

if __name__ == "__main__":
    scan = pl.scan_csv(sys.argv[1], separator=";", infer_schema=False).select(NEEDED)
    counts = scan.group_by("Đơn vị xử lý").agg(pl.len(), *[pl.col(c).count() for c in NEEDED[2:]])
    counts.sort("Đơn vị xử lý").collect().write_csv(sys.stdout)
