"""Texts of the message catalogue: key → (Vietnamese, English).

Placeholders are filled by :func:`cchc_kpi.i18n.messages.text`; integers arrive
already formatted for the language (7.300 / 7,300).
"""

from __future__ import annotations

from cchc_kpi.i18n.texts.narrative import NARRATIVE_TEXTS
from cchc_kpi.i18n.texts.report import REPORT_TEXTS
from cchc_kpi.i18n.texts.score import SCORE_TEXTS

BASE_TEXTS: dict[str, tuple[str, str]] = {
    "list.more": ("… (thêm {count})", "… ({count} more)"),
    "list.unshown": (
        "{count} giá trị khác không hiển thị (có thể là dữ liệu cá nhân)",
        "{count} other values not shown (they may be personal data)",
    ),
    # --- usage and input errors (exit 2) ---
    "usage.no_input": (
        "chưa có tệp đầu vào: hãy nêu đường dẫn tệp hoặc thư mục (ví dụ: cchc-kpi validate sample_data/)",
        "no input files: name a file or folder (for example: cchc-kpi validate sample_data/)",
    ),
    "usage.bad_max_invalid": (
        '--max-invalid phải là một số (ví dụ 10) hoặc phần trăm (ví dụ 0,5%), không phải "{value}"',
        '--max-invalid must be a number (e.g. 10) or a percentage (e.g. 0.5%), not "{value}"',
    ),
    "usage.bad_period": (
        'không hiểu kỳ báo cáo "{value}"; dùng một trong các dạng: 2024-05, T5-2024, 05/2024 (tháng 5); Q1-2024, 2024-Q1 (quý); H1-2024, 6T-2024 (6 tháng); 9M-2024, 5T-2024 (N tháng đầu năm; chú ý T5 là tháng 5, 5T là 5 tháng); 2024, Y2024 (năm); 2023-12-15..2024-08-07 (khoảng ngày); last-month, last-quarter, this-year, ytd',
        'unknown period "{value}"; use one of: 2024-05, T5-2024, 05/2024 (May); Q1-2024, 2024-Q1 (quarter); H1-2024, 6T-2024 (half); 9M-2024, 5T-2024 (first N months; note T5 is May, 5T is the first five months); 2024, Y2024 (year); 2023-12-15..2024-08-07 (date range); last-month, last-quarter, this-year, ytd',
    ),
    "usage.bad_format": (
        "--format {value} không dùng được ở đây; chọn một trong: {choices}",
        "--format {value} is not available here; choose one of: {choices}",
    ),
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
    "field.dossier_id": ("mã hồ sơ", "the dossier code"),
    "field.unit": ("đơn vị", "the unit"),
    "field.received_at": ("ngày tiếp nhận", "the received date"),
    "field.due_at": ("ngày hẹn trả", "the due date"),
    "field.finished_at": ("ngày có kết quả", "the finished date"),
    "field.returned_at": ("ngày trả kết quả", "the returned date"),
    "field.status": ("trạng thái", "the status"),
    "field.channel": ("hình thức nộp", "the channel"),
    "field.procedure_code": ("mã thủ tục", "the procedure code"),
    "field.procedure_name": ("tên thủ tục", "the procedure name"),
    "field.field": ("lĩnh vực", "the field"),
    "field.service_level": ("mức độ dịch vụ công", "the service level"),
    "field.processing_days": ("thời hạn giải quyết", "the processing time"),
    "field.e_result": ("kết quả điện tử", "the e-result flag"),
    "field.digitized": ("số hóa", "the digitisation flag"),
    "field.reused": ("tái sử dụng dữ liệu", "the reuse flag"),
    "field.fee_amount": ("phí, lệ phí", "the fee"),
    "field.paid_online": ("thanh toán trực tuyến", "the online payment flag"),
    "field.supplement_requested_at": ("ngày yêu cầu bổ sung", "the supplement request date"),
    "field.supplement_done_at": ("ngày bổ sung", "the supplement date"),
    "field.apology_at": ("văn bản xin lỗi", "the apology"),
    "field.submitted_at": ("ngày nộp hồ sơ", "the submission date"),
    "field.withdrawal_reason": ("lý do xin rút", "the withdrawal reason"),
    "looks.date": ("ngày tháng", "date"),
    "looks.status": ("trạng thái hồ sơ", "status"),
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
    "table.unit_legend": (
        "Tên viết tắt: {pairs}; tên đầy đủ trong CSV, JSON và tệp Excel",
        "Abbreviations: {pairs}; full names in CSV, JSON and the workbook",
    ),
    "table.band": ("Phần {number}/{count}", "Part {number} of {count}"),
    "table.bands": (
        "Bảng rộng hơn màn hình nên được in thành {count} phần, mỗi phần đủ các dòng; xem cả bảng trên một dòng với -f csv hoặc -o tệp.xlsx",
        "The table is wider than the terminal, so it is printed in {count} parts, each with every row; see it whole with -f csv or -o file.xlsx",
    ),
    "internal.error": (
        "lỗi không mong đợi ({kind}); hãy chạy lại với --debug để xem nơi xảy ra lỗi và báo cho người phát triển",
        "unexpected error ({kind}); run again with --debug to see where it happened, and report it",
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
    "usage.bad_template": (
        'mẫu tên tệp kết quả "{template}" chỉ được dùng {allowed}',
        'the output template "{template}" may only use {allowed}',
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
    "progress.file": ("Đang mở tệp {number}/{count}: {file}", "Opening file {number}/{count}: {file}"),
    "progress.rows": (
        "Đang đọc và kiểm tra từng dòng hồ sơ ({count} bảng)",
        "Reading and checking every dossier row ({count} tables)",
    ),
    "progress.report": ("Đang tính các chỉ số", "Computing the figures"),
    "progress.write": ("Đang ghi {path}", "Writing {path}"),
    "workbook.page_footer": ("Trang &P/&N", "Page &P of &N"),
    "click.missing": ("thiếu {name}", "missing {name}"),
    "click.no_option": ("không có tùy chọn {name}", "no option {name}"),
    "click.no_option_meant": (
        "không có tùy chọn {name}; có phải {meant}?",
        "no option {name}; did you mean {meant}?",
    ),
    "click.needs_value": ("{name} cần một giá trị", "{name} needs a value"),
    "click.no_value": ("{name} không nhận giá trị", "{name} takes no value"),
    "click.bad_choice": (
        '{name} "{value}" không hợp lệ; dùng một trong: {choices}',
        '{name} "{value}" is not valid; use one of: {choices}',
    ),
    "click.output_only": (
        " (tệp .{suffix} chỉ ghi ra tệp: dùng -o bao-cao.{suffix})",
        " (.{suffix} is written to a file: use -o report.{suffix})",
    ),
    "click.bad_value": ('{name} "{value}" không hợp lệ', '{name} "{value}" is not valid'),
    "click.extra_argument": ("thừa đối số", "unexpected extra argument"),
    "click.no_command": ('không có lệnh "{name}"', 'no command "{name}"'),
    "click.no_command_meant": (
        'không có lệnh "{name}"; có phải {meant}?',
        'no command "{name}"; did you mean {meant}?',
    ),
    "click.see_help": ("; xem: {command} -h", "; see: {command} -h"),
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
    "reject.missing": ("thiếu giá trị bắt buộc", "required value missing"),
    "reject.too_long": (
        "ô dài quá giới hạn (32.767 ký tự); dùng cchc-kpi --no-limits nếu tệp đáng tin cậy",
        "cell over the length limit (32,767 characters); use cchc-kpi --no-limits for a trusted file",
    ),
    "reject.bad_date": (
        "ngày không đọc được hoặc ngoài khoảng 1990–2099",
        "date unreadable or outside 1990–2099",
    ),
    "reject.due_before_received": (
        "ngày hẹn trả trước ngày tiếp nhận",
        "due date before the received date",
    ),
    "reject.finished_before_received": (
        "ngày kết thúc (có kết quả, hoặc trả kết quả) trước ngày tiếp nhận",
        "closed (finished, or returned) before the received date",
    ),
    "reject.finished_without_date": (
        "trạng thái đã xử lý xong / đã trả kết quả nhưng không có ngày (bản ghi đồng bộ DVCQG thường ghi 9 cho hồ sơ tạm dừng, chờ bổ sung)",
        "finished without a date (status 9/10 but no finished or returned date; DVCQG sync records often carry 9 for paused or pending dossiers)",
    ),
    "reject.ragged": (
        "dòng có số ô khác với dòng tiêu đề (các giá trị lệch cột)",
        "the row has another number of cells than the header (values out of their columns)",
    ),
    "col.whole_row": ("(cả dòng)", "(whole row)"),
    # --- warnings about reading ---
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
    "input.own_output": (
        "{file}: tệp do cchc-kpi tạo ra (báo cáo, danh sách), không phải tệp xuất hồ sơ",
        "{file}: written by cchc-kpi (a report or a list), not a dossier export",
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

TEXTS: dict[str, tuple[str, str]] = {**BASE_TEXTS, **REPORT_TEXTS, **NARRATIVE_TEXTS, **SCORE_TEXTS}
