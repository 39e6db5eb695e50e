"""Texts of the canonical fields, the reasons a row is rejected and what a file looks like."""

from __future__ import annotations

FIELD_TEXTS: dict[str, tuple[str, str]] = {
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
    "reject.rows_joined": (
        "một ô chứa cả xuống dòng và dấu phân cách: nhiều dòng của tệp bị nhập vào ô này (dấu ngoặc kép lạc)",
        "a cell holds both line breaks and delimiters: several lines of the file were joined into it (stray quotes)",
    ),
}
