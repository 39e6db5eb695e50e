"""Texts of the warnings a run gives about what it read and what its figures lack."""

from __future__ import annotations

WARNING_TEXTS: dict[str, tuple[str, str]] = {
    "warn.sheet_skipped": (
        '{file}: trang "{sheet}" không phải danh sách hồ sơ (không có cột mã hồ sơ, ngày tiếp nhận), bỏ qua',
        '{file}: sheet "{sheet}" is not a dossier list (no dossier code and received date columns), skipped',
    ),
    "warn.column_misfit": (
        '{file}: cột "{column}" được đọc là {field} nhưng {bad} trong {rows} dòng hồ sơ không đọc được như vậy; tên cột có thể nhầm hoặc giá trị lệch cột — các chỉ số dùng cột này có thể sai; kiểm tra bằng cchc-kpi inspect',
        '{file}: column "{column}" is read as {field} but {bad} of {rows} dossier rows cannot be read so; the header may be wrong or the values shifted — the figures that use this column may be wrong; check with cchc-kpi inspect',
    ),
    "warn.group_mismatch": (
        "{file}: dòng nhóm {row} ghi {stated} hồ sơ nhưng bên dưới có {read} dòng hồ sơ; tệp xuất có thể bị thiếu",
        "{file}: the group row {row} says {stated} dossiers, {read} dossier rows follow it; the export may be truncated",
    ),
    "warn.title_unit": (
        "{file}: không có cột đơn vị; mọi hồ sơ được tính cho đơn vị ghi ở đầu tệp: {unit}",
        "{file}: no unit column; every dossier counts for the unit named above the table: {unit}",
    ),
    "warn.verdict_column": (
        '{file}: cột "{column}" ghi nhận xét về hạn (ví dụ "Quá hạn", "Còn 2 ngày"), không phải ngày hẹn trả, nên không được đọc; hồ sơ của tệp này không có hạn giải quyết',
        '{file}: column "{column}" holds a verdict on timeliness (e.g. "Quá hạn", "Còn 2 ngày"), not a due date, so it is not read; the dossiers of this file have no due date',
    ),
    "warn.verdict_ignored": (
        '{file}: cột "{column}" ghi nhận xét về hạn (ví dụ "Quá hạn", "Còn 2 ngày"), không phải ngày, nên không được đọc; hạn giải quyết lấy từ cột "{used}"',
        '{file}: column "{column}" holds a verdict on timeliness (e.g. "Quá hạn", "Còn 2 ngày"), not a date, so it is not read; the due date comes from column "{used}"',
    ),
    "warn.total_mismatch": (
        "{file}: dòng tổng cộng (dòng {row}) ghi {stated} hồ sơ nhưng đọc được {read} dòng hồ sơ; tệp xuất có thể bị thiếu",
        "{file}: the total row (row {row}) says {stated} dossiers, {read} dossier rows were read; the export may be truncated",
    ),
    "warn.sample": (
        "DỮ LIỆU MẪU — số liệu minh họa, không phải của đơn vị nào",
        "SAMPLE DATA — illustrative figures of no real unit",
    ),
    "warn.files_skipped": (
        "{count} tệp bị bỏ qua: số liệu không gồm hồ sơ của các tệp đó (xem danh sách tệp bị bỏ qua)",
        "{count} files were left out: the figures do not include their dossiers (see the files left out)",
    ),
    "warn.rejected_rows": (
        "{count} dòng bị loại, không được tính (xem cchc-kpi validate)",
        "{count} rows were rejected and are not counted (see cchc-kpi validate)",
    ),
    "warn.no_dossiers": ("không có hồ sơ nào để tính", "there are no dossiers to count"),
    "warn.coverage_start": (
        "dữ liệu bắt đầu từ ngày {first}, sau ngày đầu kỳ {start}: số hồ sơ kỳ trước chuyển qua và đang giải quyết có thể thiếu",
        "the inputs start on {first}, after the period start {start}: carried-over and pending dossiers may be understated",
    ),
    "warn.coverage_end": (
        "dữ liệu kết thúc ngày {last}, trước ngày cuối kỳ {end}: hồ sơ tiếp nhận sau đó không có trong báo cáo",
        "the inputs end on {last}, before the period end {end}: dossiers received after that are missing",
    ),
    "warn.no_due": (
        "{count} hồ sơ đã giải quyết không có ngày hẹn trả, được tính là đúng hạn",
        "{count} resolved dossiers have no due date and count as on time",
    ),
    "warn.quotes_as_text": (
        '{file}: dấu ngoặc kép (") trong tệp không khép đúng; mọi dấu ngoặc kép được đọc như một ký tự thường (ô có dấu phân cách bên trong, nếu có, sẽ bị loại vì lệch cột)',
        '{file}: the double quotes (") of the file are not balanced; every quote is read as a plain character (a cell holding a delimiter, if any, is then rejected as out of line)',
    ),
    "warn.cells_span_lines": (
        "{file}: {lines} dòng của tệp nằm bên trong ô có dấu ngoặc kép trải nhiều dòng; nếu tệp không có ô xuống dòng, một dấu ngoặc kép lạc mở ô và một dấu khác ở dòng dưới đóng ô đã nhập các dòng ở giữa vào một ô, và các hồ sơ ấy không được đếm: kiểm tra dấu ngoặc kép trong tệp xuất",
        "{file}: {lines} lines of the file lie inside quoted cells that span several lines; unless the file has cells with line breaks, a stray quote opening a cell and another closing one further down joined the lines between into one cell, and those dossiers are not counted: check the export's double quotes",
    ),
    "warn.nul_removed": (
        "{file}: đã bỏ {count} ký tự NUL (phần mềm cũ dùng để đệm ô)",
        "{file}: removed {count} NUL characters (legacy software pads cells with them)",
    ),
    "warn.lone_cr": (
        "{file}: {count} chỗ xuống dòng chỉ có ký tự CR (không có LF) được đọc như xuống dòng, như Excel",
        "{file}: {count} line ends written as a lone CR (no LF) read as line ends, as Excel does",
    ),
    "warn.invalid_text": (
        "{file}: {count} dòng có ô (trong các cột được đọc) chứa byte không phải UTF-8, hiển thị là �; kiểm tra bảng mã của tệp xuất",
        "{file}: {count} rows have cells (among the read columns) with bytes that are not UTF-8, shown as �; check the export's encoding",
    ),
    "warn.withdrawn_by_reason": (
        '{count} hồ sơ có lý do xin rút / trả lại được tính là rút, dừng xử lý dù trạng thái ghi khác (ví dụ "Đã trả kết quả")',
        '{count} dossiers with a reason for withdrawal / return count as withdrawn although their status says otherwise (e.g. "Đã trả kết quả")',
    ),
    "warn.withdrawn_no_date": (
        "{count} hồ sơ rút / dừng xử lý không có ngày, được tính vào kỳ của ngày tiếp nhận",
        "{count} withdrawn or stopped dossiers have no date and count in the period of their received date",
    ),
    "warn.partial_column": (
        "cột {column} không có trong một số tệp: {count} hồ sơ của các tệp đó không được tính vào chỉ số dùng cột này",
        "column {column} is missing from some inputs: {count} dossiers of those inputs are left out of the metrics that need it",
    ),
    "warn.absent_columns": (
        "không tệp nào có cột {columns}: các chỉ số dùng các cột này để trống",
        "no input has the columns {columns}: the metrics that need them are empty",
    ),
    "warn.unknown_level": (
        "{count} đơn vị chưa xác định được cấp (sở/ngành, huyện, xã …): {units}",
        "{count} units of unknown level (department, district, commune …): {units}",
    ),
    "warn.due_computed": (
        "{count} ngày hẹn trả được tính từ thời hạn giải quyết theo lịch làm việc (giờ làm việc {hours}) vì tệp xuất để trống",
        "{count} due dates were computed from processing days on the working calendar (working hours {hours}) because the export left them empty",
    ),
    "warn.unit_unknown": (
        "{count} đơn vị không có trong danh mục đơn vị của cấu hình (vẫn được tính): {units}",
        "{count} units are not in the configured unit list (still counted): {units}",
    ),
    "warn.units_merged": (
        "{count} hồ sơ của đơn vị cũ được tính vào đơn vị kế thừa sau sắp xếp (--as-units)",
        "{count} dossiers of former units are counted under their successors (--as-units)",
    ),
    "warn.unit_validity": (
        "{count} hồ sơ tiếp nhận ngoài thời gian hoạt động của đơn vị theo cấu hình",
        "{count} dossiers were received outside their unit's configured validity",
    ),
    "warn.column_conflict": (
        '{file}: nhiều cột cùng là trường {field}; dùng cột "{used}", bỏ qua {ignored}',
        '{file}: several columns map to field {field}; using "{used}", ignoring {ignored}',
    ),
    "warn.set_unit_ignored": (
        '{file}: tệp đã có cột đơn vị "{column}" nên không áp dụng --set-unit',
        '{file}: the file has a unit column "{column}", so --set-unit does not apply to it',
    ),
    "warn.no_close_column": (
        "{file}: không có cột ngày có kết quả hay ngày trả kết quả; mọi hồ sơ của tệp này được coi là chưa giải quyết xong",
        "{file}: no finished or returned date column; every dossier of this file counts as not finished",
    ),
    "warn.bad_channel": (
        '{file}: cột "{column}" có {count} giá trị không nhận ra, tính là trực tiếp: {values}',
        '{file}: column "{column}" has {count} unrecognised values, counted as direct: {values}',
    ),
    "warn.bad_status": (
        '{file}: cột "{column}" có {count} trạng thái không nhận ra, coi là không rõ: {values}',
        '{file}: column "{column}" has {count} unrecognised statuses, treated as unknown: {values}',
    ),
    "warn.bad_bool": (
        '{file}: cột "{column}" có {count} giá trị không phải có/không, tính là không: {values}',
        '{file}: column "{column}" has {count} values that are not yes/no, counted as no: {values}',
    ),
    "warn.bad_money": (
        '{file}: cột "{column}" có {count} số tiền không đọc được hoặc âm, tính là không có phí: {values}',
        '{file}: column "{column}" has {count} unreadable or negative amounts, counted as no fee: {values}',
    ),
    "warn.bad_number": (
        '{file}: cột "{column}" có {count} giá trị không phải số, để trống: {values}',
        '{file}: column "{column}" has {count} values that are not numbers, left empty: {values}',
    ),
    "warn.bad_date": (
        '{file}: cột "{column}" có {count} ngày không đọc được, để trống: {values}',
        '{file}: column "{column}" has {count} unreadable dates, left empty: {values}',
    ),
    "warn.bad_service_level": (
        '{file}: cột "{column}" có {count} mức độ DVC không nhận ra, coi là không rõ: {values}',
        '{file}: column "{column}" has {count} unrecognised service levels, treated as unknown: {values}',
    ),
    "warn.duplicates_identical": (
        "{count} dòng lặp lại đúng một hồ sơ đã có, chỉ tính một lần",
        "{count} rows repeat a dossier exactly and were counted once",
    ),
    "warn.duplicates_conflicting": (
        "{dossiers} hồ sơ xuất hiện ở nhiều dòng với giá trị khác nhau; giữ dòng mới nhất, bỏ {rows} dòng",
        "{dossiers} dossiers appear in several rows with different values; kept the latest, dropped {rows} rows",
    ),
}
