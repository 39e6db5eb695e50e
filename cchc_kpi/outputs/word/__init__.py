"""The written report in Word (NĐ 30/2020 layout): the document's layout, the report, the QĐ 766 estimate."""
