"""Recognising applicant (personal-data) columns by their header, so that they are
never read, not even as row labels. Their values are never loaded; only their
names may appear (in ``inspect`` and in the list of unmapped columns).
"""

from __future__ import annotations

import re

from cchc_kpi.schema.textnorm import clean_text, fold_key

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
    "fax",
    "thudientu",
    "trichyeu",
    "thongtinkhac",
    "thongtintra",
    "ghichu",
    "noidung",
    "nguoinhan",
    "nguoitiepnhan",
    "canbo",
)


def is_personal_header(header: str | None) -> bool:
    """Whether a column header names applicant data (Chủ hồ sơ, CCCD, phone, address …)."""
    if not header:
        return False
    key = fold_key(header)
    return any(fragment in key for fragment in PERSONAL_FRAGMENTS)


# common family names: a short value that starts with one is taken for a person's name
FAMILY_NAMES = frozenset(
    fold_key(n)
    for n in (
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
        "Ngô", "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Mai", "Trương", "Lưu", "Hà", "Lâm", "Tô", "Cao",
        "Quách", "Tạ", "Chu", "Lương", "Thái", "Tăng", "Văn",
    )
)  # fmt: skip
QUOTABLE_CHARS = 30
QUOTABLE_WORDS = 4
_PLAIN = re.compile(r"^[\w .\-?+%]+$")
_DIGIT_RUN = re.compile(r"\d{6}")  # ID card and phone numbers have 9 to 12 digits


def may_quote(value: str) -> bool:
    """Whether a cell's text may appear in a message: only short, vocabulary-like words
    ("Chờ duyệt", "bồ câu", "x2", "-5000", "?"). Anything that could be an applicant's data — a name, an
    address, an ID or phone number, an e-mail, a long text — is counted, never shown, even
    when it sits in a mapped column (a misaligned export puts addresses under "Trạng thái")."""
    text = clean_text(value)
    words = text.split(" ")
    if not text or len(text) > QUOTABLE_CHARS or len(words) > QUOTABLE_WORDS:
        return False
    if not _PLAIN.match(text) or _DIGIT_RUN.search(text):
        return False
    if fold_key(words[0]) in FAMILY_NAMES:
        return False
    return not (len(words) >= 2 and all(w[:1].isupper() for w in words))  # proper names: people, places
