"""Catalogue texts of the written-report paragraph (narrative) and period phrases."""

from __future__ import annotations

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip
ORDINALS_EN = ("first", "second", "third", "fourth")

NARRATIVE_TEXTS: dict[str, tuple[str, str]] = {
    "narrative.lead": ("Trong {phrase}", "In {phrase}"),
    "narrative.lead_range": ("Từ ngày {start} đến ngày {end}", "From {start} to {end}"),
    "narrative.range": ("từ ngày {start} đến ngày {end}", "{start} to {end}"),
    "narrative.quarter": ("quý {roman} năm {year}", "the {ordinal} quarter of {year}"),
    "narrative.half1": ("6 tháng đầu năm {year}", "the first 6 months of {year}"),
    "narrative.half2": ("6 tháng cuối năm {year}", "the last 6 months of {year}"),
    "narrative.months": ("{n} tháng đầu năm {year}", "the first {n} months of {year}"),
    "narrative.month": ("tháng {n} năm {year}", "{name} {year}"),
    "narrative.year": ("năm {year}", "{year}"),
    "narrative.received": (
        "{subject} tiếp nhận {received_total} hồ sơ",
        "{subject} received {received_total} dossiers",
    ),
    "narrative.carried": (
        "(trong kỳ {received_new} hồ sơ, kỳ trước chuyển sang {carried_over} hồ sơ)",
        "({received_new} new, {carried_over} carried over)",
    ),
    "narrative.online": (
        ", trong đó {received_online} hồ sơ trực tuyến (đạt {rate})",
        ", {received_online} online ({rate})",
    ),
    "narrative.online_none": (", không có hồ sơ trực tuyến", ", none online"),
    "narrative.resolved": (
        "đã giải quyết {resolved} hồ sơ, tỷ lệ giải quyết trước hạn và đúng hạn đạt {on_time}",
        "resolved {resolved}, early or on time {on_time}",
    ),
    "narrative.late": (", quá hạn {resolved_late} hồ sơ (chiếm {late})", ", {resolved_late} late ({late})"),
    "narrative.late_none": (", không có hồ sơ quá hạn", ", none late"),
    "narrative.resolved_none": ("chưa giải quyết xong hồ sơ nào", "none resolved yet"),
    "narrative.pending": (
        "đang giải quyết {pending} hồ sơ, trong đó {pending_overdue} hồ sơ quá hạn",
        "{pending} pending, of which {pending_overdue} overdue",
    ),
    "narrative.pending_none": (
        "đang giải quyết {pending} hồ sơ, chưa có hồ sơ quá hạn",
        "{pending} pending, none overdue",
    ),
    "narrative.withdrawn": ("{withdrawn} hồ sơ rút, dừng xử lý", "{withdrawn} withdrawn or stopped"),
    "narrative.target_beaten": (", vượt chỉ tiêu giao là {target}", ", above its target of {target}"),
    "narrative.target_met": (", đạt chỉ tiêu giao là {target}", ", meeting its target of {target}"),
    "narrative.target_missed": (", chưa đạt chỉ tiêu giao là {target}", ", short of its target of {target}"),
    "narrative.target_above": ("trên {value}", "above {value}"),
    "narrative.target_below": ("dưới {value}", "below {value}"),
    "narrative.target_at_most": ("không quá {value}", "at most {value}"),
    "narrative.e_result_rate": ("Tỷ lệ hồ sơ cấp kết quả điện tử đạt {rate}.", "Electronic results: {rate}."),
    "narrative.digitization_rate": (
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt {rate}.",
        "Digitisation of dossiers and results: {rate}.",
    ),
    "narrative.reuse_rate": (
        "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa đạt {rate}.",
        "Reuse of digitised data: {rate}.",
    ),
    "narrative.paid_amount": (
        "Phát sinh {count} hồ sơ thanh toán trực tuyến với tổng số tiền {money}.",
        "{count} dossiers were paid online, {money} in total.",
    ),
    "narrative.paid": (
        "Phát sinh {count} hồ sơ thanh toán trực tuyến.",
        "{count} dossiers were paid online.",
    ),
    "narrative.paid_amount_whole": (
        "{payer} phát sinh {count} hồ sơ thanh toán trực tuyến với tổng số tiền {money}.",
        "Across {payer}, {count} dossiers were paid online, {money} in total.",
    ),
    "narrative.paid_whole": (
        "{payer} phát sinh {count} hồ sơ thanh toán trực tuyến.",
        "Across {payer}, {count} dossiers were paid online.",
    ),
    "narrative.compare_lead": ("So với {phrase}", "Compared with {phrase}"),
    "narrative.same_time": ("cùng kỳ năm {year}", "the same period of {year}"),
    "narrative.compare_received": ("số hồ sơ tiếp nhận", "dossiers received"),
    "narrative.compare_on_time_rate": ("tỷ lệ giải quyết trước hạn và đúng hạn", "the early-or-on-time rate"),
    "narrative.compare_online_rate": ("tỷ lệ tiếp nhận trực tuyến", "the online rate"),
    "narrative.count_up": ("tăng {amount} hồ sơ ({share})", "rose by {amount} ({share})"),
    "narrative.count_down": ("giảm {amount} hồ sơ ({share})", "fell by {amount} ({share})"),
    "narrative.points_up": ("tăng {amount} điểm phần trăm", "rose by {amount} percentage points"),
    "narrative.points_down": ("giảm {amount} điểm phần trăm", "fell by {amount} percentage points"),
    "narrative.unchanged": ("không thay đổi", "unchanged"),
    "narrative.whole_province": ("toàn tỉnh", "the province as a whole"),
    "narrative.whole_district": ("toàn {kind}", "the {kind} as a whole"),
    "narrative.subject_all": ("các cơ quan, đơn vị", "the units"),
    "narrative.subject_commune": ("UBND cấp xã", "commune people's committees"),
    "narrative.subject_district": ("UBND cấp huyện", "district people's committees"),
    "narrative.subject_department": ("các sở, ban, ngành", "departments"),
    "narrative.subject_land_office": (
        "các Chi nhánh Văn phòng đăng ký đất đai",
        "land registration branches",
    ),
    "narrative.subject_province": ("UBND cấp tỉnh", "the provincial people's committee"),
    "narrative.subject_unknown": ("các đơn vị chưa xác định cấp", "units of unknown level"),
    **{f"month.{i + 1}": (f"tháng {i + 1}", name) for i, name in enumerate(MONTHS_EN)},
    **{f"ordinal.{i + 1}": ("", name) for i, name in enumerate(ORDINALS_EN)},
}
