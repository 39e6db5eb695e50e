"""The command line's help in Vietnamese: every help text of the commands and options
(written in English in their declarations) with its Vietnamese, the metavars in both
languages, the exit codes, and the words of the help layout. Looked up by
:mod:`cchc_kpi.cli.localise`; a test checks that every help text has its Vietnamese."""

from __future__ import annotations

APP_HELP = (
    "Tính chỉ số cải cách hành chính (CCHC) từ danh sách hồ sơ xuất từ phần mềm một cửa.",
    "KPIs of Vietnam's administrative-reform (CCHC) reporting from one-stop dossier exports.",
)

EXIT_CODES = (
    "Mã thoát: 0 thành công · 1 số dòng bị loại vượt --max-invalid (hoặc mọi dòng bị loại) · "
    "2 lỗi cách dùng, tệp đầu vào hoặc cấu hình · 3 không đạt chỉ tiêu (--fail-on-target-miss) · "
    "4 một lần chạy khác đang ghi cùng tệp kết quả.",
    "Exit codes: 0 ok · 1 rejected rows past --max-invalid (or every row rejected) · "
    "2 usage, input or configuration error · 3 a target missed (--fail-on-target-miss) · "
    "4 another run is writing the same output.",
)
# where a command's codes mean something else
LISTS_EXIT = (
    "Mã thoát: 0 thành công · 2 lỗi cách dùng, tệp đầu vào hoặc cấu hình · 4 một lần chạy khác đang ghi "
    "cùng tệp kết quả.",
    "Exit codes: 0 ok · 2 usage, input or configuration error · 4 another run is writing the same output.",
)
COMMAND_EXIT_CODES = {
    "dossiers": LISTS_EXIT,
    "overdue": LISTS_EXIT,
    "score766": LISTS_EXIT,
    "reconcile": (
        "Mã thoát: 0 mọi ô đều khớp · 1 có ô hoặc dòng chênh lệch · 2 lỗi cách dùng, tệp đầu vào hoặc "
        "cấu hình · 4 một lần chạy khác đang ghi cùng tệp kết quả.",
        "Exit codes: 0 everything agrees · 1 a cell or line differs · 2 usage, input or configuration "
        "error · 4 another run is writing the same output.",
    ),
}

# the layout's words (typer's own texts) → Vietnamese
LAYOUT_VI = {
    "Arguments": "Đối số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "Aborted!": "Đã dừng.",
    "Missing command.": "thiếu lệnh",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
}
USAGE = ("Cách dùng: ", "Usage: ")
OPTIONS_METAVAR = ("[TÙY_CHỌN]", "[OPTIONS]")
COMMAND_METAVAR = ("LỆNH [ĐỐI_SỐ]...", "COMMAND [ARGS]...")
# each command in the root's list, short enough for an 80-column help (Vietnamese, English)
SHORT_HELP = {
    "report": (
        "Báo cáo kết quả giải quyết TTHC (Biểu 06, tỷ lệ)",
        "Report a period's figures (Biểu 06, rates)",
    ),
    "validate": (
        "Kiểm tra tệp xuất: dòng dùng, bị loại, trùng",
        "Check exports: rows used, rejected, duplicated",
    ),
    "overdue": ("Hồ sơ quá hạn và văn bản xin lỗi", "Late and overdue dossiers, apology letters"),
    "dossiers": ("Danh sách hồ sơ của một chỉ tiêu", "The dossiers behind a figure"),
    "reconcile": ("Đối chiếu với Biểu 06 của phần mềm khác", "Compare with another program's Biểu 06"),
    "score766": ("Ước tính điểm Bộ chỉ số QĐ 766", "Estimate the QĐ 766 index"),
    "catalog": ("Đếm thủ tục của danh mục TTHC theo mức độ", "Count a catalogue's procedures by level"),
    "convert": ("Chuyển tệp xuất vào kho Parquet", "Convert exports into a Parquet store"),
    "inspect": ("Xem một tệp được đọc thế nào", "Show how a file is read"),
    "calendar": ("Lịch làm việc: ngày nghỉ, ngày làm bù", "Days off and make-up working days"),
    "init": ("Tạo tệp cấu hình mẫu cchc-kpi.toml", "Write a commented cchc-kpi.toml"),
    "sample": ("Tạo tệp xuất hồ sơ mẫu", "Write a synthetic dossier export"),
}
SHOW_HELP = ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit.")

# metavars by parameter name (Vietnamese, English); choices keep their values
METAVARS = {
    "paths": ("TỆP_XUẤT", "EXPORTS"),
    "path": ("TỆP", "FILE"),
    "period": ("KỲ", "PERIOD"),
    "inputs": ("TỆP", "FILE"),
    "by": ("NHÓM", "KEYS"),
    "as_of": ("NGÀY", "DATE"),
    "as_units": ("NGÀY", "DATE"),
    "working_hours": ("GIỜ-GIỜ", "HH:MM-HH:MM"),
    "units": ("ĐƠN_VỊ", "UNIT"),
    "levels": ("CẤP", "LEVEL"),
    "fields": ("LĨNH_VỰC", "FIELD"),
    "metrics": ("CỘT", "COLUMNS"),
    "metric": ("CHỈ_TIÊU", "METRIC"),
    "set_unit": ("ĐƠN_VỊ", "UNIT"),
    "sheet": ("TÊN_SHEET", "SHEET"),
    "max_invalid": ("N|P%", "N|P%"),
    "within": ("N", "N"),
    "rows": ("N", "N"),
    "seed": ("N", "N"),
    "count": ("TỪ ĐẾN", "FROM TO"),
    "year": ("NĂM", "YEAR"),
    "between": ("TỪ ĐẾN", "FROM TO"),
    "store": ("THƯ_MỤC", "FOLDER"),
    "folder": ("THƯ_MỤC", "FOLDER"),
    "out": ("THƯ_MỤC", "FOLDER"),
    "unit_set": ("BỘ", "SET"),
}
BY_TYPE = {"path": ("TỆP", "FILE"), "integer": ("N", "N"), "text": ("GIÁ_TRỊ", "VALUE")}

HELP_VI = {
    "Show the version and exit.": "Hiện số phiên bản rồi thoát.",
    "Lift the input limits (workbook unpacked size, file size, cell length) for trusted files.": (
        "Bỏ các giới hạn đầu vào (dung lượng giải nén, cỡ tệp, độ dài ô) cho tệp tin cậy."
    ),
    "Report the figures for a period (Biểu 06 and every rate); rejected rows do not stop it.": (
        "Báo cáo kết quả giải quyết TTHC của một kỳ (Biểu 06 và mọi tỷ lệ); có dòng bị loại vẫn báo cáo."
    ),
    "Export files, folders or glob patterns.": "Tệp xuất, thư mục hoặc mẫu tên tệp (glob).",
    "Q1-2024, 2024-05, T5-2024, 5T-2024, H1-2024, 2024, last-month …": (
        "Kỳ báo cáo: Q1-2024, 2024-05, T5-2024, 5T-2024, H1-2024, 2024, last-month …"
    ),
    "An export file, folder or glob (repeatable).": "Một tệp xuất, thư mục hoặc glob (dùng nhiều lần được).",
    "Group by unit, level, area, field, procedure, channel, month (e.g. level,unit).": (
        "Nhóm theo unit (đơn vị), level (cấp), area (địa bàn), field (lĩnh vực), procedure (thủ tục), "
        "channel (hình thức), month (tháng), ví dụ level,unit."
    ),
    "calendar (default), or nd09 (15th → 14th cut-off).": (
        "calendar (tháng dương lịch, mặc định) hoặc nd09 (chốt số liệu từ ngày 15 đến ngày 14)."
    ),
    "Today for relative periods (yyyy-mm-dd).": "Ngày coi là hôm nay cho các kỳ tương đối (yyyy-mm-dd).",
    "date (calendar days, default) or datetime (working hours).": (
        "date (so theo ngày, mặc định) hoặc datetime (so theo giờ làm việc)."
    ),
    "Add <metric>_prev and <metric>_change: previous (the period just before) or last-year.": (
        "So sánh: previous (kỳ liền trước) hoặc last-year (cùng kỳ năm trước)."
    ),
    "Procedure catalogue (CSV/Excel: Mã TTHC, Tên TTHC, Cấp thực hiện, Mức độ, Phí).": (
        "Danh mục TTHC (CSV/Excel: Mã TTHC, Tên TTHC, Cấp thực hiện, Mức độ, Phí)."
    ),
    "Your own calendar table (CSV: date,kind,name,source) on top of the bundled one.": (
        "Bảng ngày nghỉ, ngày làm bù của đơn vị (CSV: date,kind,name,source), thêm vào lịch có sẵn."
    ),
    "Office hours, default 07:30-17:00.": "Giờ làm việc, mặc định 07:30-17:00.",
    "Only this unit (repeatable).": "Chỉ đơn vị này (dùng nhiều lần được).",
    "Only this level (repeatable).": "Chỉ cấp này: xã, huyện, tỉnh, sở, đất đai (dùng nhiều lần được).",
    "Only this field (repeatable).": "Chỉ lĩnh vực này (dùng nhiều lần được).",
    "Leave out the total row.": "Bỏ dòng tổng cộng.",
    "Table columns: bieu06 (default), rates, all, or names.": (
        "Cột của bảng: bieu06 (mặc định), rates (tỷ lệ), all (tất cả) hoặc tên chỉ số."
    ),
    "table (terminal default), csv (piped default), tsv, json, markdown; report: also text.": (
        "table (mặc định trên màn hình), csv (mặc định khi chuyển tiếp), tsv, json, markdown; report có thêm "
        "text. Tệp Excel: dùng -o bao-cao.xlsx."
    ),
    "Write to a file: .xlsx (workbook), .docx (report), .csv (UTF-8 BOM), .tsv, .json, .md.": (
        "Ghi ra tệp: .xlsx (sổ tính), .docx (báo cáo), .csv (UTF-8 BOM), .tsv, .json, .md."
    ),
    "excel-vi: ';' and decimal commas for Excel in Vietnamese.": (
        "excel-vi: dấu ';' và dấu phẩy thập phân cho Excel tiếng Việt."
    ),
    "--format text: one paragraph per level (default) or per unit.": (
        "--format text: mỗi cấp (mặc định) hoặc mỗi đơn vị một đoạn."
    ),
    "Run on the bundled sample data (DỮ LIỆU MẪU).": "Chạy trên dữ liệu mẫu có sẵn (DỮ LIỆU MẪU).",
    "Unit name for exports that have no unit column.": "Tên đơn vị cho tệp xuất không có cột đơn vị.",
    "Read only this sheet of each workbook (default: every dossier sheet).": (
        "Chỉ đọc sheet này của mỗi sổ tính (mặc định: mọi sheet có hồ sơ)."
    ),
    "Leave out unreadable files (listed in the accounting) instead of stopping.": (
        "Bỏ qua tệp không đọc được (có ghi lại) thay vì dừng."
    ),
    "unit: a dossier is (unit, dossier code); id: the code alone (DVCQG codes are unique).": (
        "unit: một hồ sơ là (đơn vị, mã hồ sơ); id: chỉ mã hồ sơ (mã DVCQG là duy nhất)."
    ),
    "Rejected rows tolerated before exit 1: N rows or P% of the dossier rows "
    "(default: over 1% and over 10 rows, or over half).": (
        "Số dòng bị loại chấp nhận được trước khi thoát mã 1: N dòng hoặc P% số dòng hồ sơ "
        "(mặc định: quá 1% và quá 10 dòng, hoặc quá nửa)."
    ),
    "Configuration file (default ./cchc-kpi.toml, then ~/.config/cchc-kpi/).": (
        "Tệp cấu hình (mặc định ./cchc-kpi.toml, rồi thư mục cấu hình của người dùng)."
    ),
    "Count former units under their successors as of this date (e.g. 2025-07-01).": (
        "Tính hồ sơ của đơn vị cũ cho đơn vị kế thừa tại ngày này (ví dụ 2025-07-01)."
    ),
    "Exit 3 when a target is missed (for cron alerts).": (
        "Thoát mã 3 khi không đạt chỉ tiêu (để cron cảnh báo)."
    ),
    "Add the metadata footer to the table.": "Thêm phần thông tin về lần chạy dưới bảng.",
    "Ngôn ngữ / language: vi (default), en.": "Ngôn ngữ: vi (mặc định), en.",
    "Show the traceback of an error (no local variables).": "Hiện vết lỗi (traceback) khi có lỗi.",
    "Print nothing but errors and the result.": "Chỉ in lỗi và kết quả.",
    "Check exports: rows read, used, rejected, skipped, duplicated.": (
        "Kiểm tra tệp xuất: số dòng đọc, dùng, bị loại, bỏ qua, trùng."
    ),
    "Write one line per rejected row to this CSV.": "Ghi mỗi dòng bị loại thành một dòng của tệp CSV này.",
    "Also show the column mapping.": "Hiện cả cách ghép cột.",
    "Configuration file (inputs, profiles, duplicate key).": "Tệp cấu hình (đầu vào, mẫu tệp, khóa trùng).",
    "Late and overdue dossiers with working days late and apology status.": (
        "Hồ sơ quá hạn: số ngày làm việc quá hạn và văn bản xin lỗi."
    ),
    "Also list pending dossiers due within N working days.": (
        "Liệt kê cả hồ sơ đang giải quyết sắp đến hạn trong N ngày làm việc."
    ),
    "Write to a file: .xlsx, .csv, .tsv, .json, .md.": "Ghi ra tệp: .xlsx, .csv, .tsv, .json, .md.",
    "Compare our Biểu 06 with one made by other software; say the likely causes of each difference.": (
        "Đối chiếu Biểu 06 của cchc-kpi với Biểu 06 do phần mềm khác lập; nêu nguyên nhân có thể của "
        "từng chênh lệch."
    ),
    "The Biểu 06 made by other software (.xlsx, .xls, .csv).": (
        "Biểu 06 do phần mềm khác lập (.xlsx, .xls, .csv)."
    ),
    "Its sheet (default: the first that holds a Biểu 06).": (
        "Trang tính của biểu (mặc định: trang đầu tiên có Biểu 06)."
    ),
    "List the dossiers counted in one figure of the report, with why each counts.": (
        "Danh sách hồ sơ được tính vào một chỉ tiêu của báo cáo, kèm lý do được tính."
    ),
    "The count whose dossiers to list (resolved_late, carried_over …).": (
        "Chỉ tiêu cần liệt kê hồ sơ (resolved_late: quá hạn, carried_over: kỳ trước chuyển sang …)."
    ),
    "Estimate the QĐ 766 index from what dossiers allow (an estimate).": (
        "Ước tính điểm Bộ chỉ số QĐ 766 từ những gì danh sách hồ sơ cho phép (chỉ là ước tính)."
    ),
    "unit: an estimate per unit too.": "unit: ước tính cho từng đơn vị nữa.",
    "Write to a file: .xlsx, .docx, .json, .csv, .tsv, .md.": (
        "Ghi ra tệp: .xlsx, .docx, .json, .csv, .tsv, .md."
    ),
    "Count the procedures of a catalogue by online service level per tier.": (
        "Danh mục TTHC: đếm thủ tục theo mức độ dịch vụ công trực tuyến ở mỗi cấp."
    ),
    "The procedure catalogue (CSV or Excel).": "Danh mục TTHC (CSV hoặc Excel).",
    "Convert exports into a Parquet store by year received (a dossier stored again replaces its copy).": (
        "Chuyển tệp xuất vào kho Parquet theo năm tiếp nhận; hồ sơ chuyển lại thay bản cũ (không sinh trùng)."
    ),
    "The store folder (created, or updated in place).": "Thư mục kho (tạo mới, hoặc cập nhật tại chỗ).",
    "Show how a file is read: sheets, header, mapping, skipped rows, first rows.": (
        "Xem cách đọc một tệp: các sheet, dòng tiêu đề, cách ghép cột, dòng bỏ qua, các dòng đầu."
    ),
    "One export file.": "Một tệp xuất.",
    "Dossier rows to preview.": "Số dòng hồ sơ xem trước.",
    "Days off and make-up working days of a year, with their source.": (
        "Lịch làm việc: ngày nghỉ và ngày làm bù trong năm, kèm căn cứ."
    ),
    "The year to list.": "Năm cần liệt kê.",
    "Count working days from FROM to TO, both included (yyyy-mm-dd or dd/mm/yyyy).": (
        "Đếm ngày làm việc từ TỪ đến ĐẾN, tính cả hai ngày (yyyy-mm-dd hoặc dd/mm/yyyy)."
    ),
    "Write ./cchc-kpi.toml (commented in Vietnamese, works on the sample data).": (
        "Tạo tệp cấu hình mẫu ./cchc-kpi.toml (chú thích tiếng Việt, chạy được trên dữ liệu mẫu)."
    ),
    "Where to write the file.": "Nơi ghi tệp.",
    "Overwrite an existing file.": "Ghi đè tệp đã có.",
    "Write a synthetic dossier export (invented applicants).": (
        "Tạo tệp xuất hồ sơ mẫu (người nộp hồ sơ là giả)."
    ),
    "Folder to write the export into.": "Thư mục ghi tệp xuất.",
    "Number of dossiers.": "Số hồ sơ.",
    "Random seed (the same seed gives the same file).": "Hạt giống ngẫu nhiên (cùng hạt giống cho cùng tệp).",
    "csv: one-stop list; dvcqg: portal fields; xlsx: vendor report; catalog: procedure list.": (
        "csv: danh sách một cửa; dvcqg: trường của Cổng DVCQG; xlsx: báo cáo của phần mềm; "
        "catalog: danh mục TTHC."
    ),
    "Synthetic unit set.": "Bộ đơn vị mẫu.",
}
