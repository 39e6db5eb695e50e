"""Value vocabularies of domain.md §2: the words exports use for channel, status,
yes / no and service level, matched after :func:`~cchc_kpi.schema.textnorm.fold_key`
(case, accents, spacing and punctuation ignored).
"""

from __future__ import annotations

from collections.abc import Mapping

from cchc_kpi.schema.fields import Channel, ServiceLevel, Status
from cchc_kpi.schema.platforms import platforms
from cchc_kpi.schema.textnorm import fold_key


def _folded(words: Mapping[str, object]) -> dict[str, object]:
    return {fold_key(w): v for w, v in words.items()}


CHANNEL_WORDS: dict[str, object] = _folded(
    {
        "Trực tuyến": Channel.ONLINE.value,
        "Qua mạng": Channel.ONLINE.value,
        "Online": Channel.ONLINE.value,
        "Cổng dịch vụ công": Channel.ONLINE.value,
        "DVC trực tuyến": Channel.ONLINE.value,
        "Dịch vụ công trực tuyến": Channel.ONLINE.value,
        "2": Channel.ONLINE.value,
        "Trực tiếp": Channel.DIRECT.value,
        "Tại bộ phận một cửa": Channel.DIRECT.value,
        "1": Channel.DIRECT.value,
        "Bưu chính": Channel.POSTAL.value,
        "BCCI": Channel.POSTAL.value,
        "Dịch vụ bưu chính công ích": Channel.POSTAL.value,
        "Qua bưu chính công ích": Channel.POSTAL.value,
        "3": Channel.POSTAL.value,
    }
)

STATUS_WORDS: dict[str, object] = _folded(
    {
        **{str(s.value): s.value for s in Status},
        "Mới đăng ký": 1,
        "Được tiếp nhận": 2,
        "Đã tiếp nhận": 2,
        "Không được tiếp nhận": 3,
        "Từ chối tiếp nhận": 3,
        "Đang xử lý": 4,
        "Đang giải quyết": 4,
        "Yêu cầu bổ sung giấy tờ": 5,
        "Yêu cầu bổ sung": 5,
        "Yêu cầu thực hiện nghĩa vụ tài chính": 6,
        "Công dân yêu cầu rút hồ sơ": 7,
        "Rút hồ sơ": 7,
        "Trả lại": 7,
        "Dừng xử lý": 8,
        "Đã xử lý xong": 9,
        "Hoàn thành": 9,
        "Đã giải quyết": 9,
        "Đã trả kết quả": 10,
    }
)

_YES = ["Có", "x", "Đã", "1", "true", "yes"]
_NO = ["Không", "Chưa", "0", "false", "no"]

BOOL_WORDS: dict[str, object] = _folded({**{w: True for w in _YES}, **{w: False for w in _NO}})

# DVCQG DuocThanhToanTrucTuyen: 1 and 2 both mean "paid online".
PAID_ONLINE_WORDS: dict[str, object] = {**BOOL_WORDS, fold_key("2"): True}

SERVICE_LEVEL_WORDS: dict[str, object] = _folded(
    {
        "Toàn trình": ServiceLevel.FULL.value,
        "DVC toàn trình": ServiceLevel.FULL.value,
        "DVCTT toàn trình": ServiceLevel.FULL.value,
        "Mức độ 4": ServiceLevel.FULL.value,
        "4": ServiceLevel.FULL.value,
        "Một phần": ServiceLevel.PARTIAL.value,
        "DVC một phần": ServiceLevel.PARTIAL.value,
        "DVCTT một phần": ServiceLevel.PARTIAL.value,
        "Mức độ 3": ServiceLevel.PARTIAL.value,
        "3": ServiceLevel.PARTIAL.value,
        "Cung cấp thông tin": ServiceLevel.INFO.value,
        "Mức độ 2": ServiceLevel.INFO.value,
        "Mức độ 1": ServiceLevel.INFO.value,
        "2": ServiceLevel.INFO.value,
        "1": ServiceLevel.INFO.value,
    }
)

# a yes / no column that says whether the dossier came online (OpenCPS "Trực tuyến")
ONLINE_FLAG_WORDS: dict[str, object] = {
    k: (Channel.ONLINE.value if v else Channel.DIRECT.value) for k, v in BOOL_WORDS.items()
}

DOMAIN_VOCABULARIES: dict[str, dict[str, object]] = {
    "channel": CHANNEL_WORDS,
    "status": STATUS_WORDS,
    "bool": BOOL_WORDS,
    "paid_online": PAID_ONLINE_WORDS,
    "service_level": SERVICE_LEVEL_WORDS,
    "online_flag": ONLINE_FLAG_WORDS,
}


def _with_words(
    base: Mapping[str, Mapping[str, object]], extra: Mapping[str, Mapping[str, object]]
) -> dict[str, dict[str, object]]:
    merged = {name: dict(words) for name, words in base.items()}
    for name, words in extra.items():
        folded = {fold_key(w): v for w, v in words.items()}
        merged[name].update(folded)
        if name == "bool":
            merged["paid_online"].update(folded)
    return merged


VOCABULARIES: dict[str, dict[str, object]] = DOMAIN_VOCABULARIES
for _platform in platforms():
    VOCABULARIES = _with_words(VOCABULARIES, _platform.values)


def with_profile(extra: Mapping[str, Mapping[str, object]]) -> dict[str, dict[str, object]]:
    """The vocabularies with a vendor profile's words added (folded like the built-in ones).

    A profile word for ``bool`` applies to ``paid_online`` too.
    """
    return _with_words(VOCABULARIES, extra)
