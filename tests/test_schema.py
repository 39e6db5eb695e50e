"""Tests of the canonical dossier schema and what is derived from it."""

from cchc_kpi.schema.fields import FIELDS, FIELDS_BY_NAME, REQUIRED_FIELDS, Dossier
from cchc_kpi.schema.textnorm import fold_key


def test_fields_follow_the_model_in_order():
    """FIELDS is derived from the Dossier model, in its order."""
    assert [f.name for f in FIELDS] == list(Dossier.model_fields)
    assert FIELDS[0].name == "dossier_id"


def test_required_and_rejecting_fields():
    """Required fields and the key fields that reject a row are as domain.md §2 says."""
    assert REQUIRED_FIELDS == ("dossier_id", "unit", "received_at")
    rejecting = {f.name for f in FIELDS if f.rejects_row}
    assert rejecting == {"dossier_id", "unit", "received_at", "due_at", "finished_at"}


def test_aliases_in_priority_order():
    """Aliases keep the documented priority order."""
    assert FIELDS_BY_NAME["dossier_id"].aliases[:2] == ("Mã hồ sơ", "MaHoSo")
    assert FIELDS_BY_NAME["finished_at"].aliases[0] == "Ngày có kết quả"
    assert FIELDS_BY_NAME["paid_online"].vocabulary == "paid_online"


def test_alias_keys_are_unique_across_fields():
    """No folded alias names two fields (mapping is never ambiguous)."""
    seen: dict[str, str] = {}
    for spec in FIELDS:
        for alias in spec.aliases:
            key = fold_key(alias)
            assert seen.get(key, spec.name) == spec.name, (alias, seen.get(key))
            seen[key] = spec.name


def test_model_validates_from_aliases():
    """The model itself accepts export headers as input (for single records)."""
    record = Dossier.model_validate({"MaHoSo": "X1", "Đơn vị xử lý": "UBND xã A", "KenhThucHien": "online"})
    assert record.dossier_id == "X1"
    assert record.unit == "UBND xã A"
    assert record.channel == "online"
