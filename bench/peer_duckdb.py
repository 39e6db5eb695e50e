"""The peer a technical user would write: one DuckDB query computing the Biểu 06 counts
per unit for a quarter from the one-stop CSV (semicolon, Vietnamese headers,
``dd/mm/yyyy HH:MM`` dates), with the same classification as cchc-kpi (by dates;
close = result date, else hand-over date, else the received date for withdrawn
dossiers; pending in time when the due date is not before the period end or the
clock is paused for a supplement). No validation, duplicates or row accounting.

    python bench/peer_duckdb.py FILE.csv 2024-01-01 2024-03-31 > out.csv
"""

import sys

import duckdb

QUERY = """
WITH raw AS (
  SELECT "Đơn vị xử lý" AS unit, "Hình thức nộp" AS channel, "Trạng thái" AS status,
    CAST(try_strptime("Ngày tiếp nhận", '%d/%m/%Y %H:%M') AS DATE) AS received,
    CAST(try_strptime("Ngày hẹn trả", '%d/%m/%Y %H:%M') AS DATE) AS due,
    CAST(coalesce(try_strptime("Ngày có kết quả", '%d/%m/%Y %H:%M'),
                  try_strptime("Ngày trả kết quả", '%d/%m/%Y %H:%M')) AS DATE) AS closed_at,
    CAST(try_strptime("Ngày yêu cầu bổ sung", '%d/%m/%Y %H:%M') AS DATE) AS supp,
    CAST(try_strptime("Ngày bổ sung", '%d/%m/%Y %H:%M') AS DATE) AS supp_done
  FROM read_csv($path, delim = ';', header = true, all_varchar = true)
), c AS (
  SELECT *,
    coalesce(status IN ('Công dân yêu cầu rút hồ sơ', 'Dừng xử lý'), false) AS wd,
    NOT coalesce(status IN ('Không được tiếp nhận', 'Mới đăng ký'), false) AS accepted
  FROM raw
), s AS (
  SELECT *, coalesce(closed_at, CASE WHEN wd THEN received END) AS closed FROM c
), f AS (
  SELECT *,
    accepted AND received IS NOT NULL AND received <= $end AND (closed IS NULL OR closed >= $start) AS scope
  FROM s
), g AS (
  SELECT *, scope AND closed IS NOT NULL AND closed <= $end AS closed_in,
    due IS NULL OR due >= $end OR coalesce(supp <= due AND (supp_done IS NULL OR supp_done > $end), false)
      AS in_time
  FROM f
)
SELECT unit,
  count(*) FILTER (WHERE scope) AS received_total,
  count(*) FILTER (WHERE scope AND received >= $start AND channel = 'Trực tuyến') AS received_online,
  count(*) FILTER (WHERE scope AND received >= $start AND channel <> 'Trực tuyến') AS received_offline,
  count(*) FILTER (WHERE scope AND received < $start) AS carried_over,
  count(*) FILTER (WHERE closed_in AND NOT wd) AS resolved,
  count(*) FILTER (WHERE closed_in AND NOT wd AND due IS NOT NULL AND closed < due) AS resolved_early,
  count(*) FILTER (WHERE closed_in AND NOT wd AND (due IS NULL OR closed = due)) AS resolved_on_time,
  count(*) FILTER (WHERE closed_in AND NOT wd AND due IS NOT NULL AND closed > due) AS resolved_late,
  count(*) FILTER (WHERE scope AND NOT closed_in) AS pending,
  count(*) FILTER (WHERE scope AND NOT closed_in AND in_time) AS pending_in_time,
  count(*) FILTER (WHERE scope AND NOT closed_in AND NOT in_time) AS pending_overdue
FROM g GROUP BY unit ORDER BY unit
"""

if __name__ == "__main__":
    path, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
    con = duckdb.connect()
    result = con.execute(QUERY, {"path": path, "start": start, "end": end})
    out = sys.stdout
    out.write(",".join(d[0] for d in result.description) + "\n")
    for row in result.fetchall():
        out.write(",".join("" if v is None else str(v) for v in row) + "\n")
