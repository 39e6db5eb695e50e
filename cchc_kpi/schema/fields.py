"""The canonical dossier schema (domain.md §2), as one Pydantic model.

:class:`Dossier` is the single source of the canonical field names, their
types, whether an export must have them, the header aliases in priority order
and their descriptions. Everything else (header mapping, value parsing, the
vectorised row checks) is derived from it through :data:`FIELDS`; nothing
validates rows one by one with this model in the hot path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict
from pydantic import Field as PydanticField

Kind = Literal[
    "text",
    "datetime",
    "status",
    "channel",
    "service_level",
    "number",
    "bool",
    "money",
    "datetime_or_bool",
    "filled",
]


class Channel(StrEnum):
    """How a dossier was submitted."""

    ONLINE = "online"
    DIRECT = "direct"
    POSTAL = "postal"


class Status(IntEnum):
    """DVCQG ``TrangThaiHoSo`` codes."""

    NEW = 1  # Mới đăng ký
    ACCEPTED = 2  # Được tiếp nhận
    NOT_ACCEPTED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    SUPPLEMENT = 5  # Yêu cầu bổ sung giấy tờ
    FINANCIAL = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    FINISHED = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả


# status groups the rules read (one definition for row checks and classification)
NEVER_ACCEPTED: tuple[int, ...] = (Status.NEW.value, Status.NOT_ACCEPTED.value)
WITHDRAWN_STATUSES: tuple[int, ...] = (Status.WITHDRAWN.value, Status.STOPPED.value)
FINISHED_STATUSES: tuple[int, ...] = (Status.FINISHED.value, Status.RETURNED.value)


class ServiceLevel(StrEnum):
    """Online service level of the procedure (Loại DVC)."""

    FULL = "full"  # toàn trình (old: mức độ 4)
    PARTIAL = "partial"  # một phần (old: mức độ 3)
    INFO = "info"  # cung cấp thông tin (old: mức độ 2)


def _canonical(
    *aliases: str,
    kind: Kind,
    description: str,
    required: bool = False,
    rejects_row: bool = False,
    vocabulary: str | None = None,
    parts: tuple[str, ...] = (),
) -> Any:
    """Declare a canonical field: its aliases in priority order and how it is read.

    ``parts``: aliases of columns that add up when an export has several of them and no
    column for the whole (a fee list with "Phí" and "Lệ phí")."""
    return PydanticField(
        default=None,
        validation_alias=AliasChoices(*aliases),
        description=description,
        json_schema_extra={
            "kind": kind,
            "required_input": required,
            "rejects_row": rejects_row,
            "vocabulary": vocabulary or kind,
            "parts": list(parts),
        },
    )


class Dossier(BaseModel):
    """One dossier (hồ sơ) in canonical fields."""

    model_config = ConfigDict(frozen=True)

    dossier_id: str | None = _canonical(
        "Mã hồ sơ", "MaHoSo", "Số hồ sơ", "Số biên nhận",
        kind="text", required=True, rejects_row=True,
        description="Dossier code as the one-stop software prints it.",
    )  # fmt: skip
    unit: str | None = _canonical(
        "Đơn vị xử lý", "DonViXuLy", "Cơ quan giải quyết", "Đơn vị", "Đơn vị tiếp nhận",
        kind="text", required=True, rejects_row=True,
        description="Unit that handles the dossier (or --set-unit, or a group row).",
    )  # fmt: skip
    received_at: datetime | None = _canonical(
        "Ngày tiếp nhận", "NgayTiepNhan", "Ngày nhận",
        kind="datetime", required=True, rejects_row=True,
        description="When the dossier was received (not needed for never-accepted rows).",
    )  # fmt: skip
    due_at: datetime | None = _canonical(
        "Ngày hẹn trả", "NgayHenTra", "Hạn giải quyết", "Hạn xử lý",
        kind="datetime", rejects_row=True,
        description="Due date, with holidays and pauses already applied by the software "
        '("Hạn xử lý" last: OpenCPS writes a verdict such as "Quá hạn" under it).',
    )  # fmt: skip
    finished_at: datetime | None = _canonical(
        "Ngày có kết quả", "Ngày kết thúc xử lý", "NgayKetThucXuLy", "Ngày hoàn thành",
        "Ngày hoàn tất",
        kind="datetime", rejects_row=True,
        description="When processing finished; empty = not finished.",
    )  # fmt: skip
    returned_at: datetime | None = _canonical(
        "Ngày trả kết quả", "NgayTra", "Ngày trả", "Ngày thực trả",
        kind="datetime",
        description="When the result was handed over; closes the dossier when finished_at is empty.",
    )  # fmt: skip
    status: Status | None = _canonical(
        "Trạng thái", "TrangThaiHoSo", "Tình trạng",
        kind="status",
        description="Status on export day (DVCQG code 1-10).",
    )  # fmt: skip
    channel: Channel | None = _canonical(
        "Hình thức nộp", "KenhThucHien", "Kênh nộp", "Kênh thực hiện", "Phương thức nộp",
        kind="channel",
        description="Submission channel: online, direct (in person) or postal.",
    )  # fmt: skip
    procedure_code: str | None = _canonical(
        "Mã TTHC", "MaTTHC", "Mã thủ tục",
        kind="text", description="Administrative procedure code.",
    )  # fmt: skip
    procedure_name: str | None = _canonical(
        "Tên thủ tục", "Tên thủ tục hành chính", "TenTTHC", "Tên TTHC", "Thủ tục",
        kind="text", description="Administrative procedure name.",
    )  # fmt: skip
    field: str | None = _canonical(
        "Lĩnh vực", "TenLinhVuc", "Tên lĩnh vực",
        kind="text", description="Field (lĩnh vực) of the procedure.",
    )  # fmt: skip
    service_level: ServiceLevel | None = _canonical(
        "Mức độ", "Mức độ DVC", "Loại DVC",
        kind="service_level",
        description="Online service level: toàn trình, một phần, cung cấp thông tin.",
    )  # fmt: skip
    processing_days: float | None = _canonical(
        "Thời hạn giải quyết", "ThoiGianThucHien", "Thời gian giải quyết theo quy định",
        kind="number", description="Legal processing time in working days.",
    )  # fmt: skip
    e_result: bool | None = _canonical(
        "Kết quả điện tử", "Cấp kết quả điện tử",
        kind="bool", description="The result was issued electronically.",
    )  # fmt: skip
    digitized: bool | None = _canonical(
        "Số hóa hồ sơ", "Số hóa", "HoSoCoThanhPhanSoHoa",
        kind="bool", description="The dossier's documents were digitised.",
    )  # fmt: skip
    reused: bool | None = _canonical(
        "Tái sử dụng dữ liệu", "Tái sử dụng", "DuocLayTuKhoDMQG", "Khai thác dữ liệu số hóa",
        kind="bool", description="Digitised data was reused instead of asking for paper.",
    )  # fmt: skip
    fee_amount: int | None = _canonical(
        "Phí, lệ phí", "Số tiền", "Phí", "Lệ phí", "Gia",
        kind="money", parts=("Phí", "Lệ phí"),
        description="Fees and charges in VND (a fee and a charge column add up).",
    )  # fmt: skip
    paid_online: bool | None = _canonical(
        "Thanh toán trực tuyến", "DuocThanhToanTrucTuyen",
        kind="bool", vocabulary="paid_online",
        description="Fees were paid online (DVCQG 1 and 2 mean yes).",
    )  # fmt: skip
    supplement_requested_at: datetime | None = _canonical(
        "Ngày yêu cầu bổ sung",
        kind="datetime", description="When the desk asked for more documents.",
    )  # fmt: skip
    supplement_done_at: datetime | None = _canonical(
        "Ngày bổ sung", "Ngày hoàn thành bổ sung",
        kind="datetime", description="When the applicant supplied them.",
    )  # fmt: skip
    apology_at: datetime | None = _canonical(
        "Ngày xin lỗi", "Văn bản xin lỗi",
        kind="datetime_or_bool",
        description="Apology letter for a late dossier: its date, or yes / no.",
    )  # fmt: skip
    submitted_at: datetime | None = _canonical(
        "Ngày nộp hồ sơ", "NgayNopHoSo", "Ngày gửi", "Ngày nộp",
        kind="datetime",
        description="When the applicant submitted the dossier (dates never-accepted dossiers).",
    )  # fmt: skip
    withdrawal_reason: bool | None = _canonical(
        "Lý do xin rút/ trả lại", "Lý do xin rút", "Lý do trả lại", "Lý do rút hồ sơ",
        kind="filled",
        description="A reason for returning or withdrawing (filled = withdrawn; the text is never shown).",
    )  # fmt: skip


@dataclass(frozen=True)
class FieldSpec:
    """What the reader needs to know of one canonical field."""

    name: str
    kind: Kind
    aliases: tuple[str, ...]
    required: bool
    rejects_row: bool
    vocabulary: str
    description: str
    parts: tuple[str, ...] = ()


def _field_specs() -> tuple[FieldSpec, ...]:
    specs = []
    for name, info in Dossier.model_fields.items():
        extra = info.json_schema_extra
        alias = info.validation_alias
        if not isinstance(extra, dict) or not isinstance(alias, AliasChoices):
            raise TypeError(f"{name}: declare canonical fields with _canonical()")
        specs.append(
            FieldSpec(
                name=name,
                kind=extra["kind"],  # type: ignore[arg-type]
                aliases=tuple(str(a) for a in alias.choices),
                required=bool(extra["required_input"]),
                rejects_row=bool(extra["rejects_row"]),
                vocabulary=str(extra["vocabulary"]),
                description=info.description or "",
                parts=tuple(str(p) for p in extra.get("parts", [])),  # type: ignore[union-attr]
            )
        )
    return tuple(specs)


FIELDS: tuple[FieldSpec, ...] = _field_specs()
FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.required)
DATE_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind in ("datetime", "datetime_or_bool"))
BOOL_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind == "bool")
