"""Texts of the QĐ 766 estimate, the procedure catalogue and comparisons:
key → (Vietnamese, English)."""

from __future__ import annotations

SCORE_TEXTS: dict[str, tuple[str, str]] = {
    # --- procedure catalogue ---
    "catalog.not_found": ("không tìm thấy danh mục TTHC {path}", "procedure catalogue {path} not found"),
    "catalog.no_header": (
        "{path}: không tìm thấy dòng tiêu đề của danh mục TTHC (cần cột Mã TTHC hoặc Tên TTHC và cột Mức độ)",
        "{path}: no catalogue header found (it needs a Mã TTHC or Tên TTHC column and a Mức độ column)",
    ),
    "catalog.empty": (
        "{path}: danh mục TTHC không có thủ tục nào",
        "{path}: the catalogue lists no procedure",
    ),
    "catalog.ignored": (
        "danh mục TTHC: bỏ qua {count} dòng không đọc được mức độ DVC (dòng {rows})",
        "procedure catalogue: ignored {count} rows whose service level cannot be read (rows {rows})",
    ),
    "catalog.filled": (
        "mức độ DVC của {count} hồ sơ lấy từ danh mục TTHC (tệp xuất không ghi mức độ)",
        "the service level of {count} dossiers came from the procedure catalogue (the export has none)",
    ),
    "sample.catalog_written": (
        "đã ghi danh mục TTHC mẫu vào {path}",
        "wrote the sample procedure catalogue to {path}",
    ),
    "catalog.title": (
        "Số TTHC theo mức độ cung cấp dịch vụ công trực tuyến",
        "Procedures by online service level",
    ),
    "catalog.tier": ("Cấp thực hiện", "Tier"),
    "catalog.full": ("Toàn trình", "Fully online"),
    "catalog.partial": ("Một phần", "Partly online"),
    "catalog.info": ("Cung cấp thông tin", "Information only"),
    "catalog.total": ("Tổng số TTHC", "Procedures"),
    "catalog.fee": ("Có phí, lệ phí", "With fees"),
    "tier.province": ("Cấp tỉnh", "Province"),
    "tier.district": ("Cấp huyện", "District"),
    "tier.commune": ("Cấp xã", "Commune"),
    "tier.all": ("Tổng (mỗi TTHC một lần)", "All (each procedure once)"),
    # --- QĐ 766 estimate ---
    "score.title": (
        "Điểm Bộ chỉ số QĐ 766 — ƯỚC TÍNH từ danh sách hồ sơ, kỳ {label} ({start} – {end})",
        "QĐ 766 index — ESTIMATE from the dossier list, period {label} ({start} – {end})",
    ),
    "score.title_unit": ("Ước tính điểm QĐ 766 theo đơn vị", "QĐ 766 estimate per unit"),
    "score.note": (
        "Đây là ước tính: Bộ chỉ số chính thức do Cổng Dịch vụ công quốc gia tính từ dữ liệu của Cổng; "
        "điểm tối đa và ngưỡng của từng tiêu chí lấy theo bảng kèm theo (có thể sửa trong cấu hình [score766]); "
        "tiêu chí không tính được từ hồ sơ được liệt kê kèm lý do.",
        "This is an estimate: the official index is computed by the National Public Service Portal from its "
        "own data; maxima and thresholds come from the bundled table (override them under [score766] in the "
        "configuration); criteria that dossiers cannot give are listed with the reason.",
    ),
    "score.group": ("Nhóm / tiêu chí", "Group / criterion"),
    "score.rate": ("Tỷ lệ", "Rate"),
    "score.points": ("Điểm", "Points"),
    "score.max": ("Tối đa", "Max"),
    "score.threshold": ("Ngưỡng", "Threshold"),
    "score.total": (
        "Tổng điểm ước tính: {points} / {computable} điểm tính được (thang {max} điểm)",
        "Estimated points: {points} of the {computable} computable (out of {max})",
    ),
    "score.not_computable": ("Chưa tính được", "Not computed"),
    "score.overridden": (
        "điểm tối đa/ngưỡng theo cấu hình: {criteria}",
        "maxima/thresholds from the configuration: {criteria}",
    ),
    "score.reason.portal": (
        "cần dữ liệu công khai, cập nhật trên Cổng Dịch vụ công (không có trong tệp xuất hồ sơ)",
        "needs the portal's publication data (not in the dossier export)",
    ),
    "score.reason.survey": (
        "cần kết quả đánh giá, khảo sát mức độ hài lòng",
        "needs the satisfaction survey results",
    ),
    "score.reason.catalog": ("cần danh mục TTHC (--catalog)", "needs the procedure catalogue (--catalog)"),
    "score.reason.column": ("tệp xuất không có cột {column}", "the export has no {column} column"),
    "score.reason.no_dossiers": (
        "không có hồ sơ nào làm mẫu số trong kỳ",
        "no dossier to divide by in the period",
    ),
    "score.reason.level": (
        "chưa xác định được cấp của đơn vị (khai báo trong cấu hình [[units]])",
        "the unit's level is unknown (set it in the configuration's [[units]])",
    ),
    "unit.level": ("Cấp", "Level"),
    "sheet.score766": ("Điểm QĐ 766 (ước tính)", "QĐ 766 (estimate)"),
    "sheet.catalog": ("Danh mục TTHC", "Catalogue"),
    "sheet.compare": ("So sánh", "Comparison"),
    "sheet.trend": ("Xu hướng", "Trend"),
    # --- comparisons ---
    "compare.title_previous": (
        "so sánh với kỳ trước {label} ({start} – {end})",
        "compared with the period before, {label} ({start} – {end})",
    ),
    "compare.title_last-year": (
        "so sánh với cùng kỳ năm trước {label} ({start} – {end})",
        "compared with the same period last year, {label} ({start} – {end})",
    ),
    "compare.label_previous": ("Kỳ trước", "Period before"),
    "compare.label_last-year": ("Cùng kỳ năm trước", "Same period last year"),
    "compare.current": ("Kỳ này", "This period"),
    "compare.change": ("Tăng/giảm", "Change"),
    "compare.rate_note": (
        "dòng dưới mỗi số: tăng (▲) / giảm (▼) so với kỳ so sánh; tỷ lệ tính bằng điểm phần trăm; "
        "xanh: tốt lên, đỏ: xấu đi",
        "line under each figure: up (▲) / down (▼) on the comparison period; rates in percentage points; "
        "green: better, red: worse",
    ),
    "compare.rate_change": ("{sign}{value} điểm %", "{sign}{value} pp"),
    "compare.no_data": (
        "kỳ so sánh {label} ({start} – {end}) không có hồ sơ nào trong dữ liệu đầu vào; các cột _prev, _change để trống",
        "the comparison period {label} ({start} – {end}) has no dossier in the inputs; _prev and _change are empty",
    ),
    "compare.groups_missing": (
        "{count} nhóm không có hồ sơ trong kỳ so sánh {label}; các cột _prev, _change của các nhóm này để trống",
        "{count} groups have no dossier in the comparison period {label}; their _prev and _change are empty",
    ),
    "compare.partial": (
        "dữ liệu đầu vào bắt đầu từ ngày {first}, sau ngày đầu kỳ so sánh {label} ({start}): số liệu kỳ so sánh có thể thiếu",
        "the inputs begin on {first}, after the start of the comparison period {label} ({start}): its figures may be incomplete",
    ),
    "compare.current_partial": (
        "kỳ này mới tính đến ngày {day}; kỳ so sánh {label} là kỳ đầy đủ",
        "this period is measured at {day}; the comparison period {label} is complete",
    ),
    # --- Parquet store (convert) ---
    "usage.store_alone": (
        "một kho Parquet (thư mục do convert ghi) phải được đọc riêng, không cùng tệp xuất hay kho khác; "
        "hãy convert các tệp xuất vào kho trước",
        "a Parquet store (a folder written by convert) is read on its own, not with exports or another "
        "store; convert the exports into the store first",
    ),
    "store.unreadable": (
        "{path}: không đọc được mô tả kho Parquet: {reason}",
        "{path}: unreadable store description: {reason}",
    ),
    "store.damaged": (
        "{path}: kho Parquet thiếu hoặc hỏng tệp {file}; hãy chạy lại convert từ các tệp xuất vào một kho mới",
        "{path}: the store's file {file} is missing or damaged; convert the exports again into a new store",
    ),
    "store.key_mismatch": (
        "{path}: kho Parquet dùng khóa trùng lặp {which}; hãy dùng --duplicate-key {which}",
        "{path}: the store uses duplicate key {which}; use --duplicate-key {which}",
    ),
    "convert.done": (
        "đã ghi {rows} hồ sơ vào {store}: {inserted} hồ sơ mới, {replaced} hồ sơ thay bản cũ; theo năm tiếp nhận: {years}",
        "wrote {rows} dossiers to {store}: {inserted} new, {replaced} replacing stored versions; by year received: {years}",
    ),
    "trend.title": ("Xu hướng theo tháng", "Monthly trend"),
}
