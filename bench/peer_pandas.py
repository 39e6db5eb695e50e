"""A straightforward pandas script computing the same Biểu 06 counts per unit as
``peer_duckdb.py`` (same classification), for comparison.

    python bench/peer_pandas.py FILE.csv 2024-01-01 2024-03-31 > out.csv
"""

import sys

import pandas as pd

FMT = "%d/%m/%Y %H:%M"
COLUMNS = {
    "Đơn vị xử lý": "unit", "Hình thức nộp": "channel", "Trạng thái": "status",
    "Ngày tiếp nhận": "received", "Ngày hẹn trả": "due", "Ngày có kết quả": "finished",
    "Ngày trả kết quả": "returned", "Ngày yêu cầu bổ sung": "supp", "Ngày bổ sung": "supp_done",
}  # fmt: skip


def day(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, format=FMT, errors="coerce").dt.normalize()


def main(path: str, start: str, end: str) -> None:
    frame = pd.read_csv(path, sep=";", usecols=list(COLUMNS), dtype=str, encoding="utf-8-sig")
    d = frame.rename(columns=COLUMNS)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    received, due = day(d["received"]), day(d["due"])
    closed_at = day(d["finished"]).fillna(day(d["returned"]))
    withdrawn = d["status"].isin(["Công dân yêu cầu rút hồ sơ", "Dừng xử lý"])
    accepted = ~d["status"].isin(["Không được tiếp nhận", "Mới đăng ký"])
    closed = closed_at.where(closed_at.notna(), received.where(withdrawn))
    scope = accepted & received.notna() & (received <= last) & (closed.isna() | (closed >= first))
    closed_in = scope & closed.notna() & (closed <= last)
    resolved = closed_in & ~withdrawn
    pending = scope & ~closed_in
    supp, supp_done = day(d["supp"]), day(d["supp_done"])
    paused = (supp <= due) & (supp_done.isna() | (supp_done > last))
    in_time = due.isna() | (due >= last) | paused
    new = scope & (received >= first)
    online = d["channel"] == "Trực tuyến"
    flags = pd.DataFrame(
        {
            "unit": d["unit"],
            "received_total": scope,
            "received_online": new & online,
            "received_offline": new & ~online,
            "carried_over": scope & (received < first),
            "resolved": resolved,
            "resolved_early": resolved & due.notna() & (closed < due),
            "resolved_on_time": resolved & (due.isna() | (closed == due)),
            "resolved_late": resolved & due.notna() & (closed > due),
            "pending": pending,
            "pending_in_time": pending & in_time,
            "pending_overdue": pending & ~in_time,
        }
    )
    out = flags.groupby("unit", sort=True).sum().astype(int)
    out = out[out["received_total"] > 0]
    out.to_csv(sys.stdout, lineterminator="\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
