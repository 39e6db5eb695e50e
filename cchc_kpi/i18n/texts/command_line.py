"""Texts of the command line itself: usage errors, click's errors in our words, progress,
tables in bands, unexpected errors."""

from __future__ import annotations

CLI_TEXTS: dict[str, tuple[str, str]] = {
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
    "usage.bad_template": (
        'mẫu tên tệp kết quả "{template}" chỉ được dùng {allowed}',
        'the output template "{template}" may only use {allowed}',
    ),
    "progress.file": ("Đang mở tệp {number}/{count}: {file}", "Opening file {number}/{count}: {file}"),
    "progress.rows": (
        "Đang đọc và kiểm tra từng dòng hồ sơ ({count} bảng)",
        "Reading and checking every dossier row ({count} tables)",
    ),
    "progress.report": ("Đang tính các chỉ số", "Computing the figures"),
    "progress.write": ("Đang ghi {path}", "Writing {path}"),
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
    "inspect.detail_format": ("định dạng", "format"),
    "inspect.detail_encoding": ("bảng mã", "encoding"),
    "inspect.detail_delimiter": ("dấu phân cách", "delimiter"),
    "inspect.detail_xml": ("đọc từ XML của sheet", "read from the sheet's XML"),
    "inspect.detail_date_system": ("hệ ngày của sổ tính", "workbook date system"),
    "inspect.detail_rewritten": ("đã sửa kích thước sheet khai sai", "lying sheet dimension rewritten"),
    "rowkind.title": ("tiêu đề", "title"),
    "rowkind.header": ("dòng tiêu đề cột", "header"),
    "rowkind.numbered": ("dòng đánh số cột", "numbered"),
    "rowkind.blank": ("dòng trống", "blank"),
    "rowkind.group": ("dòng nhóm", "group"),
    "rowkind.total": ("dòng cộng", "total"),
    "rowkind.footer": ("dòng cuối (chữ ký, ghi chú)", "footer"),
    "rowkind.out_of_reach": (
        "hồ sơ ngoài phạm vi kỳ (trong kho: kết thúc trước kỳ hoặc tiếp nhận sau kỳ)",
        "outside the period's reach (in the store: closed before it or received after it)",
    ),
}
