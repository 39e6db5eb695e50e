"""Recognising applicant (personal-data) columns by their header, so that they are
never read, not even as row labels. Their values are never loaded; only their
names may appear (in ``inspect`` and in the list of unmapped columns).
"""

from __future__ import annotations

from cchc_kpi.schema.textnorm import fold_key

# folded fragments of headers that hold applicant data
PERSONAL_FRAGMENTS = (
    "chuhoso",
    "hoten",
    "hovaten",
    "tencongdan",
    "nguoinop",
    "nguoidenghi",
    "nguoiyeucau",
    "tochuccanhan",
    "cccd",
    "cmnd",
    "cancuoc",
    "dinhdanh",
    "hochieu",
    "dienthoai",
    "sdt",
    "email",
    "diachi",
    "ngaysinh",
    "gioitinh",
    "applicant",
    "phone",
    "address",
)


def is_personal_header(header: str | None) -> bool:
    """Whether a column header names applicant data (Chủ hồ sơ, CCCD, phone, address …)."""
    if not header:
        return False
    key = fold_key(header)
    return any(fragment in key for fragment in PERSONAL_FRAGMENTS)
