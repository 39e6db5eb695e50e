"""Tests of recognising applicant columns by header."""

from cchc_kpi.personal import is_personal_header


def test_applicant_headers():
    """Applicant name, ID, phone and address headers are personal; dossier headers are not."""
    for header in ["Chủ hồ sơ", "Họ và tên", "Số CCCD", "CMND/CCCD", "Số điện thoại", "SĐT", "Địa chỉ", "Email",
                   "ChuHoSo", "SoDienThoai"]:  # fmt: skip
        assert is_personal_header(header), header
    for header in ["Mã hồ sơ", "Đơn vị xử lý", "Ngày tiếp nhận", "STT", "Lĩnh vực", None, ""]:
        assert not is_personal_header(header), header
