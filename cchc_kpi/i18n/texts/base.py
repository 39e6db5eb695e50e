"""Texts of the message catalogue: key → (Vietnamese, English).

Placeholders are filled by :func:`cchc_kpi.i18n.messages.text`; integers arrive
already formatted for the language (7.300 / 7,300).
"""

from __future__ import annotations

from cchc_kpi.i18n.texts.command_line import CLI_TEXTS
from cchc_kpi.i18n.texts.document import DOCUMENT_TEXTS
from cchc_kpi.i18n.texts.fields import FIELD_TEXTS
from cchc_kpi.i18n.texts.narrative import NARRATIVE_TEXTS
from cchc_kpi.i18n.texts.reconcile import RECONCILE_TEXTS
from cchc_kpi.i18n.texts.report import REPORT_TEXTS
from cchc_kpi.i18n.texts.score import SCORE_TEXTS
from cchc_kpi.i18n.texts.warnings import WARNING_TEXTS

BASE_TEXTS: dict[str, tuple[str, str]] = {
    "list.more": ("… (thêm {count})", "… ({count} more)"),
    "list.unshown": (
        "{count} giá trị khác không hiển thị (có thể là dữ liệu cá nhân)",
        "{count} other values not shown (they may be personal data)",
    ),
    # --- usage and input errors (exit 2) ---
    "input.not_found": ("không tìm thấy tệp hoặc thư mục: {path}", "no such file or folder: {path}"),
    "input.no_match": (
        "mẫu {pattern} không khớp tệp xuất dữ liệu nào (.csv, .xlsx, .xls …)",
        "pattern {pattern} matches no export file (.csv, .xlsx, .xls …)",
    ),
    "input.empty_dir": (
        "thư mục {path} không có tệp xuất dữ liệu nào (.csv, .xlsx, .xls …)",
        "folder {path} holds no export file (.csv, .xlsx, .xls …)",
    ),
    "input.empty_file": ("{file}: tệp rỗng", "{file}: the file is empty"),
    "input.binary": (
        "{file}: không phải tệp văn bản CSV đọc được (mã hóa không nhận ra hoặc dữ liệu nhị phân)",
        "{file}: not a readable CSV text file (unknown encoding or binary data)",
    ),
    "input.encrypted": (
        "{file}: sổ tính được bảo vệ bằng mật khẩu hoặc mã hóa; hãy bỏ mật khẩu rồi lưu lại",
        "{file}: the workbook is password-protected or encrypted; remove the password and save it again",
    ),
    "input.too_big": (
        "{file}: tệp {size} vượt giới hạn {limit}; dùng cchc-kpi --no-limits nếu tệp đáng tin cậy",
        "{file}: the file ({size}) is over the limit of {limit}; use cchc-kpi --no-limits for a trusted file",
    ),
    "input.zip_bomb": (
        "{file}: tệp Excel giải nén ra {size}, vượt giới hạn {limit} (có thể là tệp độc hại); "
        "dùng cchc-kpi --no-limits nếu tệp đáng tin cậy",
        "{file}: the workbook unpacks to {size}, over the limit of {limit} (possibly a zip bomb); "
        "use cchc-kpi --no-limits for a trusted file",
    ),
    "input.zip_ratio": (
        "{file}: phần {member} của tệp Excel nén {ratio} lần, bất thường (có thể là tệp độc hại); "
        "dùng cchc-kpi --no-limits nếu tệp đáng tin cậy",
        "{file}: member {member} of the workbook is compressed {ratio} times, abnormal (possibly a zip "
        "bomb); use cchc-kpi --no-limits for a trusted file",
    ),
    "input.corrupt": (
        "{file}: sổ tính bị hỏng hoặc không đọc được; hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx",
        "{file}: the workbook is damaged or unreadable; open it in Excel and save it again as .xlsx",
    ),
    "input.no_sheet": (
        '{file}: không có trang tính "{sheet}"; các trang: {sheets}',
        '{file}: no sheet named "{sheet}"; sheets: {sheets}',
    ),
    "input.no_table": ("{file}: tệp HTML không có bảng nào", "{file}: the HTML file holds no table"),
    "input.bad_json": (
        "{file}: tệp JSON không đọc được (sai cú pháp); hãy xuất lại dữ liệu",
        "{file}: the JSON file cannot be read (bad syntax); export the data again",
    ),
    "input.no_records": (
        "{file}: tệp JSON không có danh sách hồ sơ (cần một mảng các bản ghi như DongBoHoSoMC)",
        "{file}: the JSON file holds no list of records (an array of records such as DongBoHoSoMC is needed)",
    ),
    "inspect.folder": (
        "{path} là thư mục; inspect xem từng tệp một: cchc-kpi inspect {path}/TÊN-TỆP (cả thư mục: cchc-kpi validate {path})",
        "{path} is a folder; inspect shows one file: cchc-kpi inspect {path}/FILE (a whole folder: cchc-kpi validate {path})",
    ),
    "input.only_own_outputs": (
        "{file}: tệp do cchc-kpi tạo ra (báo cáo, danh sách), không phải tệp xuất hồ sơ; không có tệp xuất nào "
        "để đọc ({count} tệp)",
        "{file}: written by cchc-kpi (a report or a list), not a dossier export; no export to read ({count} files)",
    ),
    "input.all_skipped": (
        "cả {count} tệp đều không đọc được (--skip-bad-files); không còn gì để tính",
        "all {count} files were unreadable (--skip-bad-files); nothing left to count",
    ),
    "input.unreadable": (
        "{file}: không đọc được tệp (nội dung không đúng dạng một danh sách CSV / Excel); chạy với --debug để xem chi tiết kỹ thuật",
        "{file}: cannot read the file (its content is not laid out as a CSV / Excel list); run with --debug for the technical details",
    ),
    "input.ragged_text": (
        "{file}: {count} trong {rows} dòng dữ liệu có nhiều ô hơn dòng tiêu đề ({header} ô) (dòng đầu tiên: {first}); các giá trị lệch khỏi tên cột nên không thể đọc đúng. Hãy xuất lại danh sách, hoặc khai báo vị trí các cột (positions) trong một hồ sơ cấu hình",
        "{file}: {count} of {rows} data rows hold more cells than the header ({header}) (first: row {first}); the values do not line up with the column names and cannot be read right. Export the list again, or give the columns' positions in a configuration profile",
    ),
    "input.changed": (
        "{file}: tệp bị thay đổi trong khi đang đọc; hãy chờ phần mềm xuất xong rồi chạy lại",
        "{file}: the file changed while it was being read; wait until the export is finished and run again",
    ),
    "input.not_regular": (
        "{file}: không phải một tệp thông thường (thư mục, thiết bị, FIFO hay socket); hãy chỉ đến tệp xuất",
        "{file}: not a regular file (a folder, a device, a FIFO or a socket); name the export file",
    ),
    "input.unopenable": ("{file}: không mở được tệp: {reason}", "{file}: cannot open the file: {reason}"),
    "input.long_line": (
        "{file}: có dòng dài hơn {limit} (không phải danh sách hồ sơ, hoặc tệp bị hỏng); dùng cchc-kpi --no-limits nếu tệp đáng tin cậy",
        "{file}: a line is longer than {limit} (not a dossier list, or a damaged file); use cchc-kpi --no-limits for a trusted file",
    ),
    "input.html_too_big": (
        "{file}: bảng HTML chiếm hơn {limit} ô (kể cả các ô gộp rowspan / colspan); không đọc để tránh hết bộ nhớ; dùng cchc-kpi --no-limits nếu tệp đáng tin cậy",
        "{file}: the HTML table covers more than {limit} cells (merged rowspan / colspan cells included); not read, to keep memory; use cchc-kpi --no-limits for a trusted file",
    ),
    "input.sheet_too_big": (
        '{file}: trang "{sheet}" có ô ở dòng {rows} hoặc cột {columns}, vượt quá kích thước của Excel (1.048.576 dòng × 16.384 cột); tệp bị hỏng hoặc không phải do phần mềm một cửa tạo',
        '{file}: sheet "{sheet}" has a cell in row {rows} or column {columns}, beyond Excel\'s size (1,048,576 rows × 16,384 columns); the file is damaged or not made by one-stop software',
    ),
    "input.sheet_cells": (
        '{file}: trang "{sheet}" trải trên {rows} dòng × {columns} cột, vượt giới hạn {limit} ô; dùng cchc-kpi --no-limits nếu tệp đáng tin cậy',
        '{file}: sheet "{sheet}" spans {rows} rows × {columns} columns, over the limit of {limit} cells; use cchc-kpi --no-limits for a trusted file',
    ),
    "input.no_header": (
        '{file}: không tìm thấy dòng tiêu đề: không dòng nào trong {rows} dòng đầu có ít nhất hai tên cột như "Mã hồ sơ", "Ngày tiếp nhận"; xem tên các cột bằng cchc-kpi inspect',
        '{file}: no header row found: none of the first {rows} rows names two columns such as "Mã hồ sơ", "Ngày tiếp nhận"; see the columns with cchc-kpi inspect',
    ),
    "input.key_misfit": (
        '{file}: cột "{column}" được đọc là {field} nhưng hầu hết giá trị của nó trông như {kind}; các giá trị có thể nằm lệch khỏi tên cột. Hãy kiểm tra bằng cchc-kpi inspect và xuất lại danh sách',
        '{file}: column "{column}" is read as {field} but most of its values look like a {kind}; the values may not sit under their headers. Check with cchc-kpi inspect and export the list again',
    ),
    "input.ragged": (
        "{file}: tiêu đề có {header} ô nhưng {count} trong {rows} dòng dữ liệu có {cells} ô (dòng đầu tiên: {first}); các giá trị lệch khỏi tên cột nên không thể đọc đúng. Hãy xuất lại danh sách, hoặc khai báo vị trí các cột (positions) trong một hồ sơ cấu hình",
        "{file}: the header has {header} cells but {count} of {rows} data rows have {cells} (first: row {first}); the values do not line up with the column names and cannot be read right. Export the list again, or give the columns' positions in a configuration profile",
    ),
    "input.missing_required": (
        "{file}: thiếu cột bắt buộc cho trường {field} (cần một cột tên {aliases}); các cột tìm thấy: {headers}",
        "{file}: no column for required field {field} (expected a column named {aliases}); headers found: {headers}",
    ),
    "input.missing_required_hint": (
        '{file}: thiếu cột bắt buộc cho trường {field} (cần một cột tên {aliases}); các cột tìm thấy: {headers}; có phải ý bạn là "{header}" → "{alias}"?',
        '{file}: no column for required field {field} (expected a column named {aliases}); headers found: {headers}; did you mean "{header}" → "{alias}"?',
    ),
    "input.month_first": (
        '{file}: cột "{column}" ghi ngày theo kiểu tháng trước (tháng/ngày/năm), ví dụ "{value}"; hãy xuất lại với ngày trước (dd/mm/yyyy)',
        '{file}: column "{column}" holds month-first dates (mm/dd/yyyy), e.g. "{value}"; export it again day-first (dd/mm/yyyy)',
    ),
    "config.not_found": ("không tìm thấy tệp cấu hình {path}", "configuration file {path} not found"),
    "config.unreadable": (
        "không đọc được tệp cấu hình {path}: {reason}",
        "cannot read configuration file {path}: {reason}",
    ),
    "config.syntax": (
        "{path}, dòng {line}, cột {column}: lỗi cú pháp TOML (xem lại dấu ngoặc kép, dấu = và tên mục [..])",
        "{path}, line {line}, column {column}: TOML syntax error (check the quotes, the = and the [section] names)",
    ),
    "config.invalid": ("{path}: khóa {setting}: {reason}", "{path}: key {setting}: {reason}"),
    "config.invalid_line": (
        "{path}, dòng {line}: khóa {setting}: {reason}",
        "{path}, line {line}: key {setting}: {reason}",
    ),
    "config.exists": (
        "{path} đã có; dùng --force để ghi đè",
        "{path} already exists; use --force to overwrite it",
    ),
    "config.written": ("đã ghi tệp cấu hình mẫu {path}", "wrote the configuration template {path}"),
    "config.no_profile": (
        '{path}: hồ sơ nhà cung cấp "{profile}" không có trong [profiles]',
        '{path}: vendor profile "{profile}" is not in [profiles]',
    ),
    "output.lock_symlink": (
        "không ghi {path}: tệp khóa {lock} là một liên kết tượng trưng (symlink), không phải do cchc-kpi tạo; hãy xóa nó rồi chạy lại",
        "not writing {path}: the lock file {lock} is a symbolic link, not one cchc-kpi made; remove it and run again",
    ),
    "lock.busy": (
        "một lần chạy khác đang ghi {path} (khóa {lock}); thử lại sau",
        "another run is writing {path} (lock {lock}); try again later",
    ),
    "config.calendar_columns": (
        "{file}: bảng lịch cần các cột {columns}",
        "{file}: the calendar table needs the columns {columns}",
    ),
    "config.calendar_row": (
        '{file}, dòng {line}: "{value}" không hợp lệ (ngày dạng yyyy-mm-dd, loại off hoặc workday)',
        '{file}, line {line}: "{value}" is not valid (dates as yyyy-mm-dd, kind off or workday)',
    ),
    "config.calendar_not_utf8": (
        "bảng lịch {file} không phải văn bản UTF-8; hãy lưu lại dạng CSV UTF-8",
        "the calendar table {file} is not UTF-8 text; save it again as CSV UTF-8",
    ),
    "config.bad_template": (
        '{path}: mẫu tên tệp kết quả "{template}" chỉ được dùng {allowed}',
        '{path}: the output template "{template}" may only use {allowed}',
    ),
    "config.output_outside": (
        "{path}: [report] output ghi ra {target}, ngoài thư mục {folder} của tệp cấu hình; đặt output_anywhere = true trong [report] nếu đúng ý",
        "{path}: [report] output writes to {target}, outside the configuration's folder {folder}; set output_anywhere = true in [report] if that is meant",
    ),
    "config.not_utf8": (
        "tệp cấu hình {path} không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8",
        "the configuration file {path} is not UTF-8 text; save it again as UTF-8",
    ),
    "config.calendar_unreadable": (
        "không đọc được bảng lịch {file}: {reason}",
        "cannot read calendar table {file}: {reason}",
    ),
    "output.failed": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
    "output.no_folder": (
        "không ghi được {path}: thư mục {folder} không tồn tại; hãy tạo thư mục hoặc chọn nơi khác",
        "cannot write {path}: the folder {folder} does not exist; create it or choose another place",
    ),
    "output.is_input": (
        "tệp kết quả {path} trùng với một tệp đầu vào",
        "output file {path} is one of the inputs",
    ),
    "label.total": ("Tổng cộng", "Total"),
    "label.subtotal": ("Cộng", "Subtotal"),
    "choice.close_date": (
        "ngày kết thúc hồ sơ là ngày có kết quả, hoặc ngày trả kết quả khi không có ngày có kết quả",
        "a dossier closes on its finished date, or its returned date when the finished date is empty",
    ),
    "choice.no_due": (
        "hồ sơ không có ngày hẹn trả được tính là đúng hạn",
        "a dossier without a due date counts as on time",
    ),
    "choice.pending": (
        "hồ sơ đang giải quyết tính đến cuối kỳ (hoặc đến ngày lập báo cáo khi kỳ chưa kết thúc); quá hạn khi ngày hẹn trả trước ngày đó",
        "pending is measured at the period end (or the report date when the period has not ended); overdue when due before that day",
    ),
    "choice.withdrawn_no_date": (
        "hồ sơ rút / dừng xử lý không có ngày được tính vào kỳ của ngày tiếp nhận",
        "a withdrawn or stopped dossier without a date counts in the period of its received date",
    ),
    "choice.rates": (
        "tỷ lệ làm tròn nửa lên từ tử số và mẫu số; để trống khi mẫu số bằng 0",
        "rates are rounded half-up from integer numerator and denominator; empty when the denominator is 0",
    ),
    "choice.missing_columns": (
        "hồ sơ của tệp thiếu một cột không được tính vào tử số và mẫu số của chỉ số dùng cột đó",
        "dossiers of an input without a column are left out of both sides of the metrics that need it",
    ),
    # --- labels of table columns ---
    "col.file": ("Tệp", "File"),
    "col.rows_read": ("Dòng đọc", "Rows read"),
    "col.rows_used": ("Hồ sơ dùng", "Used"),
    "col.rows_rejected": ("Bị loại", "Rejected"),
    "col.rows_skipped": ("Bỏ qua", "Skipped"),
    "col.duplicates": ("Trùng lặp", "Duplicates"),
    "col.field": ("Trường", "Field"),
    "col.column": ("Cột", "Column"),
    "col.reason": ("Lý do", "Reason"),
    "col.count": ("Số dòng", "Rows"),
    "col.rows": ("Dòng số", "Row numbers"),
    # --- validate ---
    "validate.title": ("Kiểm tra dữ liệu đầu vào", "Input check"),
    "validate.mapping": ("Ánh xạ cột", "Column mapping"),
    "validate.warnings": ("Cảnh báo", "Warnings"),
    "validate.rejected": ("Dòng bị loại", "Rejected rows"),
    "validate.skipped_file": ("đã bỏ qua: {reason}", "skipped: {reason}"),
    "workbook.page_footer": ("Trang &P/&N", "Page &P of &N"),
    "report.all_rejected": (
        "cả {count} dòng hồ sơ đều bị loại, không có số liệu nào để báo cáo (mã thoát 1); xem lý do bằng cchc-kpi validate",
        "all {count} dossier rows were rejected, there is nothing to report (exit 1); see why with cchc-kpi validate",
    ),
    "validate.exit_rejected": (
        "{count} dòng bị loại, vượt ngưỡng --max-invalid (mã thoát 1)",
        "{count} rows rejected, past --max-invalid (exit 1)",
    ),
    # --- inspect ---
    "inspect.sheet": ("Tệp {path} — trang {sheet}", "File {path} — sheet {sheet}"),
    "inspect.header": (
        "  dòng tiêu đề: {rows}; dòng đánh số: {numbered}",
        "  header rows: {rows}; numbered row: {numbered}",
    ),
    "inspect.rows": (
        "  dòng hồ sơ: {dossiers}; dòng bỏ qua: {skipped}",
        "  dossier rows: {dossiers}; skipped rows: {skipped}",
    ),
    "inspect.columns": ("Các cột", "Columns"),
    "inspect.preview": ("Các dòng đầu (đã đọc)", "First rows (as read)"),
    "inspect.unread": ("(không đọc)", "(not read)"),
    "inspect.how": ("Cách đọc", "How"),
    "inspect.source": ("tên cột của {source}", "header of {source}"),
    "inspect.vocabulary": ("đọc theo bộ từ {vocabulary}", "read with the words {vocabulary}"),
    "inspect.adds_to": ("cộng vào cột {position}", "added to column {position}"),
    "inspect.platform": (
        "  giống danh sách xuất từ: {platform}",
        "  looks like a list exported by: {platform}",
    ),
    "inspect.personal": ("(dữ liệu cá nhân — không đọc)", "(personal data — not read)"),
    "col.row": ("Dòng", "Row"),
    # --- sample ---
    "sample.written": ("đã ghi {rows} hồ sơ mẫu vào {path}", "wrote {rows} sample dossiers to {path}"),
    # --- reasons a row is rejected ---
    "col.whole_row": ("(cả dòng)", "(whole row)"),
    "input.own_output": (
        "{file}: tệp do cchc-kpi tạo ra (báo cáo, danh sách), không phải tệp xuất hồ sơ",
        "{file}: written by cchc-kpi (a report or a list), not a dossier export",
    ),
}

TEXTS: dict[str, tuple[str, str]] = {
    **BASE_TEXTS,
    **CLI_TEXTS,
    **FIELD_TEXTS,
    **REPORT_TEXTS,
    **NARRATIVE_TEXTS,
    **DOCUMENT_TEXTS,
    **RECONCILE_TEXTS,
    **SCORE_TEXTS,
    **WARNING_TEXTS,
}
