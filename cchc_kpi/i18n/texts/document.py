"""Catalogue texts of the written report in Word (NĐ 30/2020 layout) and of the QĐ 766
estimate written the same way."""

from __future__ import annotations

DOCUMENT_TEXTS: dict[str, tuple[str, str]] = {
    "doc.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "doc.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "doc.number": ("Số:       /BC-{code}", "No.:       /BC-{code}"),
    "doc.kind": ("BÁO CÁO", "REPORT"),
    "doc.title": (
        "Kết quả giải quyết thủ tục hành chính {phrase}",
        "Results of handling administrative procedures, {phrase}",
    ),
    "doc.intro": (
        "{unit} báo cáo kết quả giải quyết thủ tục hành chính {phrase} như sau:",
        "{unit} reports the results of handling administrative procedures for {phrase} as follows:",
    ),
    "doc.section_results": (
        "I. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH",
        "I. DOSSIERS RECEIVED AND RESOLVED",
    ),
    "doc.section_overdue": ("II. HỒ SƠ QUÁ HẠN", "II. OVERDUE DOSSIERS"),
    "doc.see_bieu06": (
        "(Chi tiết tại Biểu 06 dưới đây.)",
        "(Details in Form 06 below.)",
    ),
    "doc.overdue_some": (
        "Có {count} hồ sơ quá hạn (đã giải quyết quá hạn hoặc đang giải quyết quá hạn), chi tiết tại Phụ lục kèm theo.",
        "{count} dossiers are overdue (resolved late or pending past their due date); they are listed in the appendix.",
    ),
    "doc.overdue_none": ("Không có hồ sơ quá hạn.", "No dossier is overdue."),
    "doc.recipients": ("Nơi nhận:", "Recipients:"),
    "doc.recipient_above": ("- Như trên;", "- As above;"),
    "doc.recipient_archive": ("- Lưu: VT.", "- Archived: VT."),
    "doc.signer": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE AGENCY"),
    "doc.appendix": ("Phụ lục", "Appendix"),
    "doc.appendix_title": (
        "DANH SÁCH HỒ SƠ QUÁ HẠN {phrase}",
        "OVERDUE DOSSIERS, {phrase}",
    ),
    "doc.appendix_note": (
        "(Kèm theo Báo cáo số       /BC-{code} {day} của {unit})",
        "(Attached to report No.       /BC-{code} of {day}, {unit})",
    ),
    "doc.score_title": (
        "Kết quả tự đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) {phrase}",
        "Self-assessment of the service index for citizens and businesses (QĐ 766/QĐ-TTg), {phrase}",
    ),
    "doc.score_intro": (
        "{unit} báo cáo kết quả tự đánh giá, chấm điểm các chỉ tiêu tính được từ dữ liệu hồ sơ {phrase} như sau:",
        "{unit} reports its self-assessment of the criteria computable from the dossiers, {phrase}, as follows:",
    ),
    "doc.score_units": ("Điểm theo đơn vị", "Points by unit"),
}
