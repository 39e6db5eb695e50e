"""The workbook floor: what xlsxwriter alone needs to write a workbook's cells.

    python bench/floor_xlsxwriter.py dump WORKBOOK.xlsx CELLS.json   # once, not timed
    python bench/floor_xlsxwriter.py write CELLS.json OUT.xlsx         # timed

``dump`` lists every cell of a workbook cchc-kpi wrote (sheet, row, column, value);
``write`` writes the same cells, sheet by sheet, with xlsxwriter and nothing else (no
reading of exports, no figures, no formats): the cost the report's workbook cannot go
below. ``report -o report.xlsx`` is compared with ``report -f csv`` plus this.
"""

import json
import sys
from datetime import datetime


def dump(workbook: str, out: str) -> None:
    import openpyxl

    book = openpyxl.load_workbook(workbook, read_only=True)
    sheets = []
    for sheet in book.worksheets:
        cells = []
        for r, row in enumerate(sheet.iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime):
                    cells.append([r, c, "d", value.isoformat()])
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cells.append([r, c, "n", value])
                else:
                    cells.append([r, c, "s", str(value)])
        sheets.append({"name": sheet.title, "cells": cells})
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(sheets, handle)


def write(cells_file: str, out: str) -> None:
    import xlsxwriter

    with open(cells_file, encoding="utf-8") as handle:
        sheets = json.load(handle)
    book = xlsxwriter.Workbook(out, {"strings_to_formulas": False, "strings_to_urls": False})
    when = book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    for spec in sheets:
        sheet = book.add_worksheet(spec["name"])
        for r, c, kind, value in spec["cells"]:
            if kind == "n":
                sheet.write_number(r, c, value)
            elif kind == "d":
                sheet.write_datetime(r, c, datetime.fromisoformat(value), when)
            else:
                sheet.write_string(r, c, value)
    book.close()


if __name__ == "__main__":
    {"dump": dump, "write": write}[sys.argv[1]](sys.argv[2], sys.argv[3])
