"""Tests of header mapping."""

from cchc_kpi.schema.headers import alias_table, closest_header, count_alias_matches, map_headers


def test_exact_match_after_normalising():
    """Headers match aliases whatever their case, accents, spacing and punctuation."""
    mapping = map_headers(["MA HO SO", "ĐƠN VỊ XỬ LÝ", "ngay_tiep_nhan", "Ngày  hẹn trả"])
    assert {k: v.header for k, v in mapping.columns.items()} == {
        "dossier_id": "MA HO SO",
        "unit": "ĐƠN VỊ XỬ LÝ",
        "received_at": "ngay_tiep_nhan",
        "due_at": "Ngày hẹn trả",
    }


def test_first_alias_wins_and_conflict_reported():
    """When two columns claim a field, the alias listed first wins and the other is reported."""
    mapping = map_headers(["Đơn vị", "Mã hồ sơ", "Đơn vị xử lý"])
    assert mapping.columns["unit"].header == "Đơn vị xử lý"
    assert mapping.columns["unit"].index == 2
    used, ignored = mapping.conflicts[0]
    assert used.header == "Đơn vị xử lý"
    assert [c.header for c in ignored] == ["Đơn vị"]


def test_duplicate_header_names_leftmost_wins():
    """Two columns with the same name: the leftmost one is read."""
    mapping = map_headers(["Mã hồ sơ", "Mã hồ sơ"])
    assert mapping.columns["dossier_id"].index == 0
    assert len(mapping.conflicts) == 1


def test_unmapped_columns_are_listed_by_name_only():
    """Columns that map to nothing (applicant data among them) are listed, never read."""
    mapping = map_headers(["STT", "Chủ hồ sơ", "Số CCCD", "Mã hồ sơ"])
    assert mapping.unmapped == ["STT", "Chủ hồ sơ", "Số CCCD"]
    assert list(mapping.columns) == ["dossier_id"]


def test_no_fuzzy_mapping():
    """A near miss is not mapped (fuzzy matching is only a hint)."""
    mapping = map_headers(["Ngày nhận hồ sơ"])
    assert "received_at" not in mapping.columns
    assert closest_header(["Ngày nhận hồ sơ"], "received_at") == ("Ngày nhận hồ sơ", "Ngày nhận")


def test_extra_aliases_rank_after_builtin():
    """Configured aliases map too, after the built-in ones."""
    table = alias_table({"unit": ["Tên đơn vị"]})
    assert map_headers(["Tên đơn vị"], table).columns["unit"].header == "Tên đơn vị"
    assert count_alias_matches(["Tên đơn vị", "Mã hồ sơ", "x"], table) == 2
