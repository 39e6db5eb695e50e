"""The synthetic world of the sample exports: units, procedures and made-up people.

Unit names follow Khánh Hòa's before the 2025 reorganisation (as in the news
reports users publish: "UBND thành phố Nha Trang", "UBND xã Vạn Hưng",
"Chi nhánh Văn phòng đăng ký đất đai …"). Applicants are invented from common
family, middle and given names; no real person is described.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SampleUnit:
    """A unit that receives dossiers, how busy it is and how it works."""

    name: str
    code: str
    level: str  # department, district, land_office, commune
    weight: float
    online: float  # share of dossiers submitted online
    late: float  # share of resolved dossiers that finish late


@dataclass(frozen=True)
class SampleProcedure:
    """An administrative procedure (thủ tục hành chính)."""

    code: str
    name: str
    field: str
    levels: tuple[str, ...]
    days: int  # processing time in working days
    fee: int  # VND
    service_level: str  # Toàn trình, Một phần, Cung cấp thông tin
    weight: float


KHANH_HOA_CITY = (
    SampleUnit("Sở Tư pháp tỉnh Khánh Hòa", "H34.25", "department", 0.05, 0.70, 0.002),
    SampleUnit("UBND thành phố Nha Trang", "H34.22", "district", 0.16, 0.64, 0.004),
    SampleUnit(
        "Chi nhánh Văn phòng đăng ký đất đai thành phố Nha Trang",
        "H34.22.30",
        "land_office",
        0.27,
        0.35,
        0.012,
    ),
    SampleUnit("UBND phường Lộc Thọ", "H34.22.01", "commune", 0.08, 0.86, 0.001),
    SampleUnit("UBND phường Vĩnh Hòa", "H34.22.02", "commune", 0.08, 0.84, 0.001),
    SampleUnit("UBND phường Phước Hải", "H34.22.03", "commune", 0.08, 0.82, 0.002),
    SampleUnit("UBND phường Vĩnh Nguyên", "H34.22.04", "commune", 0.07, 0.83, 0.001),
    SampleUnit("UBND phường Tân Lập", "H34.22.05", "commune", 0.07, 0.85, 0.001),
    SampleUnit("UBND xã Vĩnh Lương", "H34.22.06", "commune", 0.07, 0.78, 0.002),
    SampleUnit("UBND xã Phước Đồng", "H34.22.07", "commune", 0.07, 0.80, 0.002),
)

VAN_NINH_DISTRICT = (
    SampleUnit("UBND huyện Vạn Ninh", "H34.28", "district", 0.22, 0.48, 0.004),
    SampleUnit(
        "Chi nhánh Văn phòng đăng ký đất đai huyện Vạn Ninh", "H34.28.30", "land_office", 0.30, 0.30, 0.010
    ),
    SampleUnit("UBND thị trấn Vạn Giã", "H34.28.01", "commune", 0.14, 0.52, 0.002),
    SampleUnit("UBND xã Vạn Hưng", "H34.28.02", "commune", 0.12, 0.49, 0.0015),
    SampleUnit("UBND xã Vạn Thắng", "H34.28.03", "commune", 0.11, 0.47, 0.002),
    SampleUnit("UBND xã Vạn Phú", "H34.28.04", "commune", 0.11, 0.45, 0.002),
)

CAM_RANH_CITY = (
    SampleUnit("UBND thành phố Cam Ranh", "H34.24", "district", 0.25, 0.58, 0.005),
    SampleUnit(
        "Chi nhánh Văn phòng đăng ký đất đai thành phố Cam Ranh", "H34.24.30", "land_office", 0.25, 0.32, 0.01
    ),
    SampleUnit("UBND phường Cam Lộc", "H34.24.01", "commune", 0.13, 0.80, 0.002),
    SampleUnit("UBND phường Cam Nghĩa", "H34.24.02", "commune", 0.13, 0.78, 0.002),
    SampleUnit("UBND phường Ba Ngòi", "H34.24.03", "commune", 0.12, 0.81, 0.001),
    SampleUnit("UBND xã Cam Thịnh Đông", "H34.24.04", "commune", 0.12, 0.70, 0.003),
)

UNIT_SETS = {"khanh-hoa": KHANH_HOA_CITY, "van-ninh": VAN_NINH_DISTRICT, "cam-ranh": CAM_RANH_CITY}

_FULL, _PART, _INFO = "Toàn trình", "Một phần", "Cung cấp thông tin"

PROCEDURES = (
    SampleProcedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", ("commune",), 1, 0, _FULL, 3.0),
    SampleProcedure("1.000894", "Đăng ký kết hôn", "Hộ tịch", ("commune",), 3, 0, _PART, 1.0),
    SampleProcedure("1.000656", "Đăng ký khai tử", "Hộ tịch", ("commune",), 1, 0, _FULL, 0.8),
    SampleProcedure(
        "1.004873", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", ("commune", "district"), 1, 8000, _FULL, 1.2
    ),
    SampleProcedure("1.004884", "Xác nhận tình trạng hôn nhân", "Hộ tịch", ("commune",), 3, 0, _FULL, 1.0),
    SampleProcedure(
        "2.000815",
        "Chứng thực bản sao từ bản chính",
        "Chứng thực",
        ("commune", "district"),
        1,
        10000,
        _PART,
        3.5,
    ),
    SampleProcedure(
        "2.000884",
        "Chứng thực chữ ký trong giấy tờ, văn bản",
        "Chứng thực",
        ("commune", "district"),
        1,
        10000,
        _PART,
        1.2,
    ),
    SampleProcedure(
        "2.000720",
        "Đăng ký thành lập hộ kinh doanh",
        "Thành lập và hoạt động của hộ kinh doanh",
        ("district",),
        3,
        100000,
        _FULL,
        2.0,
    ),
    SampleProcedure(
        "1.009994", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", ("district",), 15, 75000, _PART, 1.2
    ),
    SampleProcedure(
        "2.000286",
        "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "An toàn thực phẩm",
        ("district",),
        15,
        500000,
        _PART,
        0.4,
    ),
    SampleProcedure(
        "1.001776", "Giải quyết trợ cấp xã hội hằng tháng", "Bảo trợ xã hội", ("district",), 20, 0, _PART, 0.6
    ),
    SampleProcedure(
        "1.004227",
        "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        "Đất đai",
        ("land_office",),
        10,
        500000,
        _PART,
        3.0,
    ),
    SampleProcedure(
        "1.004221",
        "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
        "Đất đai",
        ("land_office",),
        7,
        50000,
        _PART,
        1.5,
    ),
    SampleProcedure(
        "1.003578",
        "Đăng ký thế chấp quyền sử dụng đất",
        "Đăng ký biện pháp bảo đảm",
        ("land_office",),
        3,
        80000,
        _FULL,
        1.5,
    ),
    SampleProcedure(
        "1.004269", "Cung cấp thông tin, dữ liệu đất đai", "Đất đai", ("land_office",), 3, 50000, _INFO, 0.6
    ),
    SampleProcedure(
        "2.001417",
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        "Lý lịch tư pháp",
        ("department",),
        10,
        200000,
        _FULL,
        3.0,
    ),
    SampleProcedure(
        "2.000908", "Đăng ký hành nghề công chứng", "Công chứng", ("department",), 10, 0, _PART, 0.5
    ),
    SampleProcedure(
        "1.008891", "Cấp bản sao có chứng thực từ sổ gốc", "Chứng thực", ("department",), 1, 10000, _PART, 0.8
    ),
)

FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE_NAMES = ("Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Thu", "Quốc", "Kim")
GIVEN_NAMES = (
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quân",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
)
STREETS = (
    "Trần Phú",
    "Lê Thánh Tôn",
    "Nguyễn Thị Minh Khai",
    "Yersin",
    "2 Tháng 4",
    "Hùng Vương",
    "Thái Nguyên",
    "Ngô Gia Tự",
)

# how one-stop packages write statuses and channels in their exports
STATUS_WORDS = {
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}
CHANNEL_WORDS = {"online": "Trực tuyến", "direct": "Trực tiếp", "postal": "Dịch vụ bưu chính công ích"}
