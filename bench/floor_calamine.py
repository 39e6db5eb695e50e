"""The XLSX floor: a bare calamine (fastexcel) read of every sheet, every cell as text.

python bench/floor_calamine.py FILE.xlsx
"""

import sys

import fastexcel

if __name__ == "__main__":
    reader = fastexcel.read_excel(sys.argv[1])
    rows = 0
    for name in reader.sheet_names:
        frame = reader.load_sheet(name, header_row=None, dtypes="string").to_polars()
        rows += frame.height
    print(rows)
