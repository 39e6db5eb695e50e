"""The sample dossiers written as the exports offices get from their software:

- ``csv``: a one-stop package's list — semicolon CSV, UTF-8 with BOM,
  Vietnamese headers, dates ``dd/mm/yyyy HH:MM``, Vietnamese words;
- ``dvcqg``: the national portal's sync fields (MaHoSo, NgayTiepNhan as
  ``yyyyMMddHHmmss``, numeric codes), comma CSV;
- ``xlsx``: a vendor-style workbook (title block, merged two-row header,
  numbered row, unit group rows, total row);
- ``catalog``: the procedure catalogue of the sample world (danh mục TTHC: code,
  name, field, tiers, service level, fee), not a dossier export.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cchc_kpi.atomic import atomic_path
from cchc_kpi.sample.generate import SampleSpec, generate_dossiers
from cchc_kpi.sample.workbook import write_workbook
from cchc_kpi.sample.world import CHANNEL_WORDS, STATUS_WORDS
from cchc_kpi.schema.choices import SampleFormat

if TYPE_CHECKING:
    import polars as pl

FILE_NAMES = {
    "csv": "danh-sach-ho-so-{units}.csv",
    "dvcqg": "dvcqg-{units}.csv",
    "xlsx": "bao-cao-ho-so-{units}.xlsx",
    "catalog": "danh-muc-tthc.csv",
}
TIER_WORDS = {
    "commune": "Cấp xã",
    "district": "Cấp huyện",
    "land_office": "Cấp huyện",
    "department": "Cấp tỉnh",
}


def _date(column: str, fmt: str) -> pl.Expr:
    import polars as pl

    return pl.col(column).dt.strftime(fmt)


def _yes(column: str, yes: str, no: str | None) -> pl.Expr:
    import polars as pl

    return pl.when(pl.col(column)).then(pl.lit(yes)).otherwise(pl.lit(no, pl.String))


def _dotted(amounts: list[int]) -> dict[int, str]:
    """Amounts as Vietnamese write them (35000 → "35.000"), for the few distinct fees."""
    return {a: f"{a:,}".replace(",", ".") for a in amounts}


def vietnamese_table(dossiers: pl.DataFrame) -> pl.DataFrame:
    """The dossiers under a one-stop package's Vietnamese headers, as text."""
    import polars as pl

    dmy = "%d/%m/%Y %H:%M"
    fee = pl.col("fee_amount")
    return dossiers.select(
        pl.int_range(1, pl.len() + 1).cast(pl.String).alias("STT"),
        pl.col("dossier_id").alias("Mã hồ sơ"),
        pl.col("procedure_name").alias("Tên thủ tục"),
        pl.col("field").alias("Lĩnh vực"),
        pl.col("applicant").alias("Chủ hồ sơ"),
        pl.col("id_number").alias("Số CCCD"),
        pl.col("phone").alias("Số điện thoại"),
        pl.col("address").alias("Địa chỉ"),
        pl.col("unit").alias("Đơn vị xử lý"),
        pl.col("channel").replace_strict(CHANNEL_WORDS).alias("Hình thức nộp"),
        _date("received_at", dmy).alias("Ngày tiếp nhận"),
        _date("due_at", dmy).alias("Ngày hẹn trả"),
        _date("finished_at", dmy).alias("Ngày có kết quả"),
        _date("returned_at", dmy).alias("Ngày trả kết quả"),
        pl.col("status").replace_strict(STATUS_WORDS, return_dtype=pl.String).alias("Trạng thái"),
        pl.col("service_level").alias("Mức độ"),
        pl.col("processing_days").alias("Thời hạn giải quyết"),
        _yes("e_result", "Có", None).alias("Kết quả điện tử"),
        _yes("digitized", "Có", None).alias("Số hóa hồ sơ"),
        _yes("reused", "Có", None).alias("Tái sử dụng dữ liệu"),
        fee.replace_strict(_dotted(dossiers["fee_amount"].unique().to_list()), return_dtype=pl.String).alias(
            "Phí, lệ phí"
        ),
        _yes("paid_online", "Có", None).alias("Thanh toán trực tuyến"),
        _date("supplement_requested_at", dmy).alias("Ngày yêu cầu bổ sung"),
        _date("supplement_done_at", dmy).alias("Ngày bổ sung"),
        _date("apology_at", dmy).alias("Ngày xin lỗi"),
    )


def dvcqg_table(dossiers: pl.DataFrame) -> pl.DataFrame:
    """The dossiers in the national portal's (DVCQG) sync fields."""
    import polars as pl

    compact = "%Y%m%d%H%M%S"
    return dossiers.select(
        pl.col("dossier_id").alias("MaHoSo"),
        pl.col("procedure_code").alias("MaTTHC"),
        pl.col("procedure_name").alias("TenTTHC"),
        pl.col("field").alias("TenLinhVuc"),
        pl.col("channel").replace_strict({"direct": "1", "online": "2", "postal": "3"}).alias("KenhThucHien"),
        pl.col("applicant").alias("ChuHoSo"),
        pl.col("phone").alias("SoDienThoai"),
        _date("received_at", compact).alias("NgayTiepNhan"),
        _date("due_at", compact).alias("NgayHenTra"),
        pl.col("status").cast(pl.String).alias("TrangThaiHoSo"),
        _date("returned_at", compact).alias("NgayTra"),
        _date("finished_at", compact).alias("NgayKetThucXuLy"),
        pl.col("unit").alias("DonViXuLy"),
        _yes("paid_online", "1", "0").alias("DuocThanhToanTrucTuyen"),
        _yes("digitized", "1", "0").alias("HoSoCoThanhPhanSoHoa"),
        _yes("reused", "1", "0").alias("DuocLayTuKhoDMQG"),
        pl.col("fee_amount").cast(pl.String).alias("Gia"),
    )


def write_sample(out_dir: Path, spec: SampleSpec, fmt: SampleFormat = "csv") -> Path:
    """Generate ``spec`` and write it in layout ``fmt`` into ``out_dir``; return the file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / FILE_NAMES[fmt].format(units=spec.units)
    if fmt == "catalog":
        with atomic_path(target) as tmp:
            tmp.write_text("\ufeff" + catalog_text(), encoding="utf-8")
        return target
    dossiers = generate_dossiers(spec)
    with atomic_path(target) as tmp:
        if fmt == "csv":
            with open(tmp, "wb") as handle:
                handle.write("\ufeff".encode())
                vietnamese_table(dossiers).write_csv(handle, separator=";")
        elif fmt == "dvcqg":
            dvcqg_table(dossiers).write_csv(tmp, separator=",")
        else:
            write_workbook(tmp, dossiers, spec.first_day, spec.last_day)
    return target


def catalog_text() -> str:
    """The sample world's procedure catalogue as a one-stop package exports it: a title
    row, then STT; Mã TTHC; Tên thủ tục hành chính; Lĩnh vực; Cấp thực hiện; Mức độ
    DVCTT; Phí, lệ phí."""
    import csv
    import io

    from cchc_kpi.sample.world import PROCEDURES

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(["DANH MỤC THỦ TỤC HÀNH CHÍNH (DỮ LIỆU MẪU)"])
    writer.writerow(["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Cấp thực hiện", "Mức độ DVCTT",
                     "Phí, lệ phí"])  # fmt: skip
    for number, p in enumerate(PROCEDURES, start=1):
        tiers = ", ".join(dict.fromkeys(TIER_WORDS[level] for level in p.levels))
        fee = f"{p.fee:,} đồng".replace(",", ".") if p.fee else "Không"
        writer.writerow([number, p.code, p.name, p.field, tiers, p.service_level, fee])
    return buffer.getvalue()
