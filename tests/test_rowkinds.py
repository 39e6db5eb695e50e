"""Tests of blank, group and total row detection."""

import polars as pl

from cchc_kpi.ingestion.row_kinds import row_kind_columns


def _kinds(rows):
    frame = pl.DataFrame(rows, schema=["label", "code", "received"], orient="row")
    kind, unit, _ = row_kind_columns(
        [pl.col("label"), pl.col("code"), pl.col("received")], pl.col("received")
    )
    return frame.select(kind.alias("kind"), unit.alias("unit")).rows()


def _counts(rows):
    frame = pl.DataFrame(rows, schema=["label", "code", "received"], orient="row")
    _, unit, count = row_kind_columns(
        [pl.col("label"), pl.col("code"), pl.col("received")], pl.col("received")
    )
    return frame.select(unit.alias("unit"), count.alias("count")).rows()


def test_group_rows_state_a_count_apart_from_the_name():
    """OpenCPS group rows "UBND xã Tân Hòa ( 64 ) " give the unit without the count, and the count."""
    assert _counts(
        [
            ["UBND xã Tân Hòa ( 64 ) ", None, None],
            ["2. Sở Tư pháp (3)", None, None],
            ["UBND phường 1", None, None],
            ["1", "H-1", "01/02/2024"],
        ]
    ) == [("UBND xã Tân Hòa", 64), ("Sở Tư pháp", 3), ("UBND phường 1", None), (None, None)]


def test_kinds():
    """Blank, total, level group, unit group and dossier rows are told apart."""
    assert _kinds(
        [
            [None, None, None],
            ["  ", "", None],
            ["Tổng cộng: 6.277 hồ sơ", None, None],
            ["CỘNG", "12", None],
            ["I. CẤP XÃ", None, None],
            ["1. UBND xã Vạn Hưng", None, None],
            [None, "Sở Tư pháp", None],
            ["1", "H34-0001", "05/03/2024"],
            [None, "H34-0002", None],
            ["Tổng hợp", "H34-0003", "05/03/2024"],
        ]
    ) == [
        ("blank", None),
        ("blank", None),
        ("total", None),
        ("total", None),
        ("group", ""),
        ("group", "UBND xã Vạn Hưng"),
        ("group", "Sở Tư pháp"),
        (None, None),
        (None, None),
        (None, None),
    ]


def test_total_word_ends_the_word():
    """A total label starts with a whole total word ("Tổng: 12" yes, "Tổngx" no)."""
    import re

    from cchc_kpi.ingestion.row_kinds import TOTAL_PATTERN

    cells = {"tổng cộng": True, "tổng: 12": True, "total": True, "tổng số hồ sơ": True,
             "tổngx": False, "totalizer": False, "tổng_1": False}  # fmt: skip
    found = pl.Series(list(cells)).str.contains(TOTAL_PATTERN).to_list()
    assert dict(zip(cells, found, strict=True)) == cells
    assert [re.search(TOTAL_PATTERN, c) is not None for c in cells] == list(cells.values())


def test_staged_rules_read_the_inputs_as_the_inline_ones_compute_them():
    """The rules over row_kind_inputs' columns (staged) give what the inline rules give."""
    from cchc_kpi.ingestion.row_kinds import row_kind_inputs

    rows = [
        ["UBND xã Tân Hòa ( 64 ) ", None, None],
        ["Tổng cộng", None, "  "],
        [" ", None, None],
        ["1", "H-1", "01/02/2024"],
        ["I. Cấp xã", None, None],
        ["Cộng đồng dân cư", "H-2", None],
    ]
    frame = pl.DataFrame(rows, schema=["label", "code", "received"], orient="row")
    cells, received = [pl.col("label"), pl.col("code"), pl.col("received")], pl.col("received")
    inline = frame.select(e.alias(n) for e, n in zip(row_kind_columns(cells, received), "kuc", strict=True))
    staged_exprs = row_kind_columns(cells, received, staged=True)
    staged = frame.with_columns(row_kind_inputs(cells, received)).select(
        e.alias(n) for e, n in zip(staged_exprs, "kuc", strict=True)
    )
    assert staged.equals(inline)
    assert inline["k"].to_list() == ["group", "total", "blank", None, "group", None]
    assert inline["u"].to_list()[0] == "UBND xã Tân Hòa"
    assert inline["c"].to_list()[0] == 64


def test_a_community_label_is_no_total_row():
    """An undated row starting "Cộng đồng …" (community) is a group row or a dossier row, never a total row."""
    assert _kinds(
        [
            ["Cộng đồng dân cư thôn 1", None, None],
            ["Cộng đồng dân cư", "H-9", None],
            ["Cộng: 12", None, None],
            ["Cong dong", None, None],
            ["1", "H-1", "01/02/2024"],
        ]
    ) == [("group", ""), (None, None), ("total", None), ("group", ""), (None, None)]


def test_plan_rows_join_the_kinds_of_undated_rows_back_in_file_order(tmp_path):
    """ParsePlan.rows finds the kinds of the rows without a received date and puts them back by
    row number: dated rows are dossiers, the group unit is carried down to the rows below it."""
    from cchc_kpi.ingestion.dataset import IngestOptions
    from cchc_kpi.ingestion.parse import GROUP_UNIT, SKIP
    from cchc_kpi.ingestion.plan import plan_file
    from cchc_kpi.read.grid import ROW

    path = tmp_path / "groups.csv"
    path.write_text(
        "STT;Mã hồ sơ;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái\n"
        "UBND xã An Phú ( 2 );;;;\n"
        "1;H-1;01/02/2024 08:00;05/02/2024 08:00;Đã trả kết quả\n"
        "STT;Mã hồ sơ;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái\n"
        "2;H-2;;05/02/2024 08:00;Đã trả kết quả\n"
        ";;;;\n"
        "UBND phường Bình Minh;;;;\n"
        "3;H-3;02/02/2024 08:00;06/02/2024 08:00;Đã trả kết quả\n"
        "Tổng cộng;;;;\n",
        encoding="utf-8",
    )
    options = IngestOptions()
    (plan,), _ = plan_file(path, 0, options.reading(path), options.limits)
    assert plan.units_from_groups
    rows = plan.rows().collect()
    assert rows[ROW].to_list() == [2, 3, 4, 5, 6, 7, 8, 9]
    assert rows[SKIP].to_list() == ["group", None, "header", None, "blank", "group", None, "total"]
    assert rows[GROUP_UNIT].to_list()[:3] == ["UBND xã An Phú"] * 3
    assert rows[GROUP_UNIT].to_list()[6] == "UBND phường Bình Minh"
