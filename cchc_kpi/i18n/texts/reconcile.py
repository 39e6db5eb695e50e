"""Catalogue texts of ``cchc-kpi reconcile``: reading the other software's Biểu 06, the
table of differences and the likely causes."""

from __future__ import annotations

RECONCILE_TEXTS: dict[str, tuple[str, str]] = {
    "reconcile.no_form": (
        "{file}: không tìm thấy Biểu 06 (không có dòng đánh số cột (1)…(13) hoặc dòng tiêu đề "
        '"Số hồ sơ nhận giải quyết / đã giải quyết / đang giải quyết")',
        "{file}: no Form 06 found (no row numbering the columns (1)…(13) and no header band "
        '"received / resolved / pending")',
    ),
    "reconcile.no_lines": (
        "{file}: có tiêu đề Biểu 06 (đến dòng {row}) nhưng không đọc được dòng số liệu nào",
        "{file}: a Form 06 header (to row {row}) but no line of figures could be read",
    ),
    "reconcile.note_by_field": (
        "biểu của phần mềm có các dòng theo lĩnh vực: nếu đó là biểu của một đơn vị, hãy nêu đơn vị bằng --unit",
        "their form has a line per field: if it is one unit's form, name the unit with --unit",
    ),
    "reconcile.note_no_total": (
        "biểu của phần mềm không có dòng tổng cộng đọc được (ô công thức chưa có giá trị?): tổng không được đối chiếu",
        "their form has no readable total row (formula cells without values?): the total is not compared",
    ),
    "reconcile.unreadable": ("không đọc được", "unreadable"),
    "reconcile.too_long": (
        "{file}: hơn {limit} dòng — quá dài để là Biểu 06; đây có phải danh sách hồ sơ?",
        "{file}: more than {limit} rows — too long for a Form 06; is it a dossier list?",
    ),
    "reconcile.title": (
        "Đối chiếu Biểu 06 kỳ {label} với {file}",
        "Form 06 for {label} against {file}",
    ),
    "reconcile.agree": (
        "Khớp hoàn toàn: {lines} dòng × 11 cột, không có chênh lệch.",
        "Everything agrees: {lines} lines × 11 columns, no difference.",
    ),
    "reconcile.summary": (
        "{cells} ô chênh lệch trên {lines} dòng đã đối chiếu.",
        "{cells} cells differ on {lines} lines compared.",
    ),
    "reconcile.theirs_only": (
        "Chỉ có trong biểu của phần mềm ({count} dòng, không khớp đơn vị nào): {names}",
        "Only in their form ({count} lines, matching none of ours): {names}",
    ),
    "reconcile.ours_only": (
        "Chỉ có trong số liệu của cchc-kpi ({count} dòng, biểu của phần mềm không có): {names}",
        "Only in cchc-kpi's figures ({count} lines, not in their form): {names}",
    ),
    "reconcile.line": ("Dòng", "Line"),
    "reconcile.sheet": ("Đối chiếu {label}", "Reconciliation {label}"),
    "reconcile.column": ("Cột", "Column"),
    "reconcile.ours": ("cchc-kpi", "cchc-kpi"),
    "reconcile.theirs": ("Phần mềm", "Theirs"),
    "reconcile.difference": ("Chênh lệch", "Difference"),
    "reconcile.causes": ("Nguyên nhân có thể", "Likely causes"),
    "reconcile.no_cause": ("chưa tìm thấy nguyên nhân trong dữ liệu", "no cause found in the dossiers"),
    "reconcile.fits": ("khớp", "fits"),
    "reconcile.total": ("Tổng cộng", "Total"),
    "reconcile.cell_label": ("Dòng (biểu của phần mềm)", "Line (their form)"),
    "reconcile.cell_matched": ("Đơn vị / lĩnh vực của cchc-kpi", "cchc-kpi unit / field"),
    "reconcile.cell_sheet_row": ("Dòng trong tệp", "Row in file"),
    "reconcile.cell_column": ("Chỉ số", "Figure"),
    "reconcile.cell_column_number": ("Cột", "Column"),
    "reconcile.cell_ours": ("cchc-kpi", "cchc-kpi"),
    "reconcile.cell_theirs": ("Phần mềm", "Theirs"),
    "reconcile.cell_difference": ("Chênh lệch", "Difference"),
    "reconcile.cell_causes": ("Nguyên nhân có thể", "Likely causes"),
    "reconcile.cause_their_sums": (
        "dòng này của biểu phần mềm không cộng đúng: {sums} (sửa tay, hoặc ô lấy từ nơi khác?)",
        "this line of their form does not add up: {sums} (edited by hand, or a cell filled from elsewhere?)",
    ),
    "reconcile.cause_nd09": (
        "theo quy ước kỳ nd09 (chốt số liệu 15 → 14) số này là {value}",
        "with the nd09 cut-off (15th → 14th) this figure is {value}",
    ),
    "reconcile.cause_calendar": (
        "theo quy ước kỳ theo tháng dương lịch số này là {value}",
        "with calendar periods this figure is {value}",
    ),
    "reconcile.cause_datetime": (
        "so sánh với hạn theo giờ (datetime) thì số này là {value}",
        "comparing with the due time (datetime) this figure is {value}",
    ),
    "reconcile.cause_date": (
        "so sánh với hạn theo ngày (date) thì số này là {value}",
        "comparing with the due date (date) this figure is {value}",
    ),
    "reconcile.cause_received_first_day": (
        "{count} hồ sơ tiếp nhận ngày đầu kỳ {first}",
        "{count} dossiers received on the first day, {first}",
    ),
    "reconcile.cause_received_last_day": (
        "{count} hồ sơ tiếp nhận ngày cuối kỳ {last}",
        "{count} dossiers received on the last day, {last}",
    ),
    "reconcile.cause_closed_first_day": (
        "{count} hồ sơ có kết quả ngày đầu kỳ {first}",
        "{count} dossiers closed on the first day, {first}",
    ),
    "reconcile.cause_closed_last_day": (
        "{count} hồ sơ có kết quả ngày cuối kỳ {last}",
        "{count} dossiers closed on the last day, {last}",
    ),
    "reconcile.cause_closed_after_end": (
        "{count} hồ sơ có kết quả sau ngày {last} (cchc-kpi tính là đang giải quyết; phần mềm có thể tính theo trạng thái hiện tại)",
        "{count} dossiers closed after {last} (pending for cchc-kpi; the software may count today's status)",
    ),
    "reconcile.cause_no_due": (
        "{count} hồ sơ không có ngày hẹn trả (cchc-kpi tính là đúng hạn / trong hạn)",
        "{count} dossiers without a due date (on time / in time for cchc-kpi)",
    ),
    "reconcile.cause_withdrawn": (
        "{count} hồ sơ rút, dừng xử lý (cchc-kpi không tính là đã giải quyết)",
        "{count} dossiers withdrawn or stopped (not resolved for cchc-kpi)",
    ),
    "reconcile.cause_not_accepted": (
        "{count} hồ sơ không được tiếp nhận (cchc-kpi không tính vào số nhận)",
        "{count} dossiers never accepted (not received for cchc-kpi)",
    ),
    "reconcile.cause_duplicates": (
        "{count} dòng trùng lặp đã bỏ",
        "{count} duplicate rows dropped",
    ),
    "reconcile.cause_rejected": (
        "{count} dòng dữ liệu lỗi không được tính (xem cchc-kpi validate)",
        "{count} rejected rows not counted (see cchc-kpi validate)",
    ),
}
