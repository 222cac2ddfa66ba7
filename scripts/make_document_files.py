"""Make the sample attachments of the legal-document library (content/van-ban/files/).

Reads the metadata of every content/van-ban/*.md and writes each file named in its
`Files:` key:

- ``.pdf``: a one-page A4 document laid out like a Vietnamese administrative document
  (issuing body and number on the left, national motto on the right, type, trích yếu,
  a few lines of body, signature), with a real text layer in DejaVu Serif, embedded
  as a subset, so the Vietnamese text can be selected, searched and read aloud;
- ``.xlsx``: only the spreadsheets this script knows how to build (SPREADSHEETS).

The output is deterministic: the same sources, font files and library versions give
the same bytes (fixed PDF dates, fixed zip entry times, no random identifiers).
The bytes depend on the DejaVu font files (Debian package fonts-dejavu-core), so a
machine with another DejaVu release writes other, equally valid, bytes.

Usage: python scripts/make_document_files.py [--check]
  --check  write nothing; exit 1 if a file is missing or differs from what would be made.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "content" / "van-ban"
FILES = LIBRARY / "files"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf"}
TZ = dt.timezone(dt.timedelta(hours=7))  # Asia/Ho_Chi_Minh, no DST
CITY = "Hồng Ngự"

# Characters the PDFs may use: ASCII, Vietnamese letters, a few punctuation marks.
VIETNAMESE = (
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
    + "–—‘’“”…°²·×"
)
ALPHABET = "".join(chr(c) for c in range(0x20, 0x7F)) + VIETNAMESE


# ---------------------------------------------------------------- reading sources
def read_metadata(path: Path) -> tuple[dict[str, str], str]:
    """The `Key: value` lines before the first blank line, and the body after it."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    head, _, body = text.partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip()
    return meta, body.strip()


def listed_files(meta: dict[str, str]) -> list[str]:
    return [name.strip() for name in meta.get("files", "").split(",") if name.strip()]


# ---------------------------------------------------------------- Vietnamese layout
def date_line(place: str, iso: str) -> str:
    """`Hồng Ngự, ngày 08 tháng 02 năm 2023`: day < 10 and months 1, 2 take a leading 0."""
    day = dt.date.fromisoformat(iso)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def issuer_lines(issuer: str) -> list[tuple[str, str]]:
    """(style, text) lines of the issuing body block: parent body plain, issuer bold."""
    match = re.fullmatch(r"(Phòng .+?) thành phố Hồng Ngự", issuer)
    if match:
        return [("", "UBND THÀNH PHỐ HỒNG NGỰ"), ("B", upper(match.group(1)))]
    for kind in ("Ủy ban nhân dân", "Hội đồng nhân dân"):
        if issuer.startswith(kind + " "):
            return [("B", upper(kind)), ("B", upper(issuer[len(kind) + 1 :]))]
    return [("B", upper(issuer))]


def place_of(issuer: str) -> str:
    if "Hồng Ngự" in issuer:
        return CITY
    if "Đồng Tháp" in issuer:
        return "Đồng Tháp"
    return "Hà Nội"


def signature_lines(meta: dict[str, str]) -> list[tuple[str, str]]:
    title = meta.get("signer-title", "")
    issuer = meta["issuer"]
    head = "CHỦ TỊCH" if issuer.startswith(("Ủy ban", "Hội đồng")) else "TRƯỞNG PHÒNG"
    if title.startswith("Phó"):
        lines = [f"KT. {head}", upper(title)]
    elif title.startswith("Chánh Văn phòng"):
        lines = [f"TL. {head}", "CHÁNH VĂN PHÒNG"]
    else:
        lines = [upper(title) if title else head]
    return [("B", line) for line in lines] + [("", "(Đã ký)"), ("B", meta["signer"])]


def plain(markdown: str) -> list[tuple[str, str]]:
    """Markdown note → (style, paragraph) pairs: `##` headings bold, emphasis dropped."""
    out = []
    for block in markdown.split("\n\n"):
        for line in block.splitlines():
            line = re.sub(r"\*\*?([^*]+)\*\*?", r"\1", line.strip())
            if not line:
                continue
            if line.startswith("#"):
                out.append(("B", line.lstrip("# ")))
            elif line.startswith("- "):
                out.append(("", "– " + line[2:]))
            else:
                out.append(("", line))
    return out


AUTHORITY = {
    "Ủy ban nhân dân thành phố Hồng Ngự": "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒNG NGỰ",
    "Hội đồng nhân dân thành phố Hồng Ngự": "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HỒNG NGỰ",
    "Hội đồng nhân dân tỉnh Đồng Tháp": "HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG THÁP",
}
BASIS = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
CENTRAL_TYPES = {"Luật", "Nghị định", "Thông tư"}


def local_body(meta: dict[str, str], note: str) -> list[tuple[str, str]]:
    """A few lines in the shape of the document type, built from its portal note."""
    kind, issuer = meta["type"], meta["issuer"]
    paragraphs = plain(note)
    effective = meta.get("effective", meta["issued"])
    if kind == "Quyết định":
        return [
            ("B", AUTHORITY.get(issuer, upper(issuer))),
            ("", BASIS),
            ("", "Theo đề nghị của Chánh Văn phòng HĐND và UBND thành phố."),
            ("B", "QUYẾT ĐỊNH:"),
            ("", f"Điều 1. {meta['title']}."),
            *paragraphs,
            ("", f"Điều 2. Quyết định này có hiệu lực kể từ ngày {long_date(effective)}."),
            (
                "",
                "Điều 3. Chánh Văn phòng HĐND và UBND thành phố, Thủ trưởng các cơ quan "
                "chuyên môn thuộc UBND thành phố, Chủ tịch UBND các xã, phường và các tổ "
                "chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
            ),
        ]
    if kind == "Nghị quyết":
        return [
            ("B", AUTHORITY.get(issuer, upper(issuer))),
            ("", BASIS),
            ("", "Xét Tờ trình của Ủy ban nhân dân và ý kiến thảo luận của đại biểu tại kỳ họp,"),
            ("B", "QUYẾT NGHỊ:"),
            ("", f"Điều 1. {meta['title']}."),
            *paragraphs,
            ("", "Điều 2. Giao Ủy ban nhân dân tổ chức thực hiện Nghị quyết này."),
            ("", f"Nghị quyết này được thông qua ngày {long_date(meta['issued'])}."),
        ]
    if kind == "Kế hoạch":
        return [
            ("B", "I. MỤC ĐÍCH, YÊU CẦU VÀ NỘI DUNG"),
            *paragraphs,
            ("B", "II. TỔ CHỨC THỰC HIỆN"),
            (
                "",
                "Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, phường triển khai "
                "thực hiện Kế hoạch; định kỳ báo cáo kết quả về UBND thành phố (qua Văn "
                "phòng HĐND và UBND thành phố) để tổng hợp.",
            ),
        ]
    if kind == "Dự thảo":
        return [
            ("B", "TÀI LIỆU LẤY Ý KIẾN GÓP Ý"),
            *paragraphs,
            ("", f"Thời hạn góp ý: đến hết ngày {long_date(meta['comment-until'])}."),
        ]
    closing = {
        "Công văn": "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.",
        "Thông báo": "Trân trọng thông báo để tổ chức, cá nhân được biết và thực hiện./.",
        "Chỉ thị": "Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, phường "
        "nghiêm túc thực hiện Chỉ thị này./.",
        "Báo cáo": "Trên đây là báo cáo của Ủy ban nhân dân thành phố Hồng Ngự./.",
        "Hướng dẫn": "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về "
        "cơ quan ban hành hướng dẫn để được giải đáp./.",
    }
    greeting = []
    if kind == "Công văn":
        greeting = [
            (
                "",
                "Kính gửi: Thủ trưởng các cơ quan chuyên môn thuộc UBND thành phố; "
                "Chủ tịch UBND các xã, phường.",
            )
        ]
    return [*greeting, *paragraphs, ("", closing.get(kind, "./."))]


def central_body(meta: dict[str, str], note: str) -> list[tuple[str, str]]:
    """Central documents: an honest summary sheet, not a copy of the official text."""
    lines = [
        ("B", "THÔNG TIN VĂN BẢN"),
        ("", f"Cơ quan ban hành: {meta['issuer']}"),
        ("", f"Số, ký hiệu: {meta['number']}"),
        ("", f"Ngày ban hành: {long_date(meta['issued'])}"),
    ]
    if meta.get("effective"):
        lines.append(("", f"Ngày có hiệu lực: {long_date(meta['effective'])}"))
    lines += [
        ("", f"Tình trạng hiệu lực: {meta['validity']}"),
        ("B", "TÓM TẮT"),
        *plain(note),
        (
            "",
            "Bản giới thiệu này do Trang thông tin điện tử thành phố Hồng Ngự lập để "
            "người dân tra cứu, không thay thế văn bản gốc. Toàn văn chính thức được đăng "
            "trên Công báo và Cơ sở dữ liệu quốc gia về văn bản pháp luật.",
        ),
    ]
    return lines


# ---------------------------------------------------------------- PDF
def prepare_fonts(workdir: Path) -> dict[str, Path]:
    """DejaVu Serif cut to the Vietnamese alphabet and stripped of hinting: small PDFs."""
    paths = {}
    for style, name in FONTS.items():
        font = TTFont(FONT_DIR / name, recalcTimestamp=False)
        options = subset.Options()
        options.hinting = False
        options.layout_features = []
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright and licence names
        options.drop_tables += ["FFTM", "GDEF", "GPOS", "GSUB", "kern"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=ALPHABET)
        subsetter.subset(font)
        font.recalcTimestamp = False
        paths[style] = workdir / name
        font.save(paths[style])
    return paths


class DocumentPDF(FPDF):
    LEFT, RIGHT, TOP = 20.0, 15.0, 15.0

    def __init__(self, fonts: dict[str, Path]):
        super().__init__(format="A4")
        for style, path in fonts.items():
            self.add_font("serif", style, str(path))
        self.set_margins(self.LEFT, self.TOP, self.RIGHT)
        self.set_auto_page_break(True, margin=18)
        self.c_margin = 0.5

    def lines_at(self, x: float, width: float, lines: list[tuple[str, str]], size: float = 12):
        for style, text in lines:
            self.set_x(x)
            self.set_font("serif", style, size)
            self.multi_cell(width, 5.6, text, align="C", new_x="LMARGIN", new_y="NEXT")


def make_pdf(meta: dict[str, str], note: str, fonts: dict[str, Path]) -> bytes:
    kind = meta["type"]
    pdf = DocumentPDF(fonts)
    issued = dt.datetime.fromisoformat(meta["issued"]).replace(hour=8, tzinfo=TZ)
    pdf.set_creation_date(issued)
    pdf.set_title(f"{kind} {meta['number']}: {meta.get('title', '')}".strip())
    pdf.set_author(meta["issuer"])
    pdf.set_keywords(", ".join(filter(None, [kind, meta.get("field", ""), meta["number"]])))
    pdf.set_creator("scripts/make_document_files.py")
    pdf.set_producer("fpdf2")
    pdf.set_lang("vi")
    pdf.add_page()

    left_x, left_w = pdf.LEFT - 8, 78.0
    right_x = left_x + left_w + 1
    right_w = pdf.w - pdf.RIGHT + 8 - right_x
    top = pdf.get_y()
    left = [*issuer_lines(meta["issuer"]), ("", f"Số: {meta['number']}")]
    if kind == "Công văn":
        left.append(("", meta["title"]))
    pdf.lines_at(left_x, left_w, left, size=11)
    after_left = pdf.get_y()
    pdf.set_y(top)
    motto = [
        ("B", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("B", "Độc lập - Tự do - Hạnh phúc"),
        ("", date_line(place_of(meta["issuer"]), meta["issued"])),
    ]
    pdf.lines_at(right_x, right_w, motto, size=11)
    pdf.set_y(max(after_left, pdf.get_y()) + 6)

    if kind == "Dự thảo":
        pdf.set_font("serif", "B", 11)
        pdf.set_x(pdf.w - pdf.RIGHT - 28)
        pdf.cell(28, 7, "DỰ THẢO", border=1, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    width = pdf.w - pdf.LEFT - pdf.RIGHT
    if kind in {"Luật", "Văn bản khác"}:  # the name is the heading: LUẬT HỘ TỊCH
        pdf.lines_at(pdf.LEFT, width, [("B", upper(meta.get("title", "")))], size=14)
        pdf.ln(4)
    elif kind != "Công văn":
        if kind != "Dự thảo":
            pdf.lines_at(pdf.LEFT, width, [("B", upper(kind))], size=14)
        pdf.lines_at(pdf.LEFT, width, [("B", meta.get("title", ""))], size=12.5)
        pdf.ln(4)

    central = kind in CENTRAL_TYPES or meta["issuer"] in {
        "Quốc hội",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Ủy ban Thường vụ Quốc hội",
    }
    central = central or meta["issuer"].startswith("Bộ ")
    body = central_body(meta, note) if central else local_body(meta, note)
    for style, text in body:
        pdf.set_font("serif", style, 12)
        pdf.multi_cell(0, 6, text, align="J" if not style else "L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)

    if meta.get("signer") and not central:
        pdf.ln(4)
        x = pdf.w - pdf.RIGHT - 80
        pdf.lines_at(x, 80, signature_lines(meta), size=12)
    return bytes(pdf.output())


# ---------------------------------------------------------------- spreadsheets
def criteria_workbook(meta: dict[str, str]) -> Workbook:
    """Phụ lục of 1126/QĐ-UBND: criteria and maximum scores (totals 100)."""
    areas = [
        (
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            [
                ("Ban hành kế hoạch CCHC năm đúng thời hạn", 2),
                ("Mức độ hoàn thành kế hoạch CCHC năm", 3),
                ("Báo cáo CCHC định kỳ đầy đủ, đúng hạn", 2),
                ("Tuyên truyền về CCHC", 2),
                ("Có sáng kiến, mô hình mới trong CCHC", 1),
            ],
        ),
        (
            "Cải cách thủ tục hành chính",
            [
                ("Công khai đầy đủ, đúng quy định TTHC tại nơi tiếp nhận", 5),
                ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 8),
                ("Xin lỗi người dân bằng văn bản khi hồ sơ trễ hạn", 2),
                ("Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", 3),
                ("Rà soát, kiến nghị đơn giản hóa TTHC", 2),
            ],
        ),
        (
            "Thực hiện cơ chế một cửa, một cửa liên thông và dịch vụ công trực tuyến",
            [
                ("Bố trí Bộ phận Tiếp nhận và Trả kết quả đúng quy định", 4),
                ("Tỷ lệ hồ sơ nộp trực tuyến trên tổng số hồ sơ", 7),
                ("Tỷ lệ hồ sơ thanh toán phí, lệ phí trực tuyến", 4),
                ("Số hóa hồ sơ, kết quả giải quyết TTHC", 6),
                ("Tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích", 4),
            ],
        ),
        (
            "Cải cách tổ chức bộ máy",
            [
                ("Thực hiện quy định về tổ chức bộ máy, vị trí việc làm", 4),
                ("Bố trí, sử dụng công chức đúng vị trí việc làm", 4),
            ],
        ),
        (
            "Cải cách chế độ công vụ",
            [
                ("Chấp hành kỷ luật, kỷ cương hành chính", 4),
                ("Đánh giá, xếp loại công chức đúng quy định", 3),
                ("Đào tạo, bồi dưỡng công chức", 3),
            ],
        ),
        (
            "Cải cách tài chính công",
            [
                ("Thực hiện dự toán ngân sách được giao", 3),
                ("Công khai ngân sách đúng quy định", 2),
                ("Thực hành tiết kiệm, chống lãng phí", 2),
            ],
        ),
        (
            "Xây dựng chính quyền điện tử, chính quyền số",
            [
                ("Gửi, nhận văn bản điện tử có chữ ký số", 4),
                (
                    "Hướng dẫn người dân dùng dịch vụ công trực tuyến, tài khoản định danh điện tử",
                    3,
                ),
                ("Bảo đảm an toàn thông tin", 3),
            ],
        ),
        (
            "Sự hài lòng của người dân",
            [
                ("Tỷ lệ hài lòng qua khảo sát", 8),
                ("Không có phản ánh về thái độ phục vụ của công chức", 2),
            ],
        ),
    ]
    book = Workbook()
    sheet = book.active
    sheet.title = "Tiêu chí"
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    sheet["A1"] = "PHỤ LỤC"
    sheet["A2"] = (
        "BỘ TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI KẾT QUẢ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG"
    )
    sheet["A3"] = (
        f"(Ban hành kèm theo Quyết định số {meta['number']} ngày {long_date(meta['issued'])} của UBND thành phố Hồng Ngự)"
    )
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        sheet.cell(row, 1).font = bold if row < 3 else normal
        sheet.cell(row, 1).alignment = center
    header = [
        "STT",
        "Lĩnh vực, tiêu chí",
        "Điểm tối đa",
        "Điểm tự chấm",
        "Điểm thẩm định",
        "Tài liệu kiểm chứng",
    ]
    sheet.append([])
    sheet.append(header)
    for cell in sheet[5]:
        cell.font, cell.alignment, cell.border = bold, center, box
    numerals = "I II III IV V VI VII VIII".split()
    total = 0
    for numeral, (area, items) in zip(numerals, areas, strict=True):
        points = sum(score for _, score in items)
        total += points
        sheet.append([numeral, area, points, None, None, None])
        for cell in sheet[sheet.max_row]:
            cell.font, cell.border = bold, box
            cell.alignment = wrap if cell.column == 2 else center
        for number, (item, score) in enumerate(items, 1):
            sheet.append([f"{numerals.index(numeral) + 1}.{number}", item, score, None, None, None])
            for cell in sheet[sheet.max_row]:
                cell.font, cell.border = normal, box
                cell.alignment = wrap if cell.column in (2, 6) else center
    if total != 100:
        raise ValueError(f"criteria total {total}, expected 100")
    sheet.append([None, "TỔNG CỘNG", total, None, None, None])
    for cell in sheet[sheet.max_row]:
        cell.font, cell.border, cell.alignment = bold, box, center
    for column, width in zip("ABCDEF", (7, 62, 11, 11, 13, 30), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A6"

    levels = book.create_sheet("Xếp loại")
    levels.append(["Mức xếp loại", "Tổng điểm"])
    for row in (
        ("Tốt", "Từ 90 điểm trở lên"),
        ("Khá", "Từ 80 đến dưới 90 điểm"),
        ("Trung bình", "Từ 65 đến dưới 80 điểm"),
        ("Yếu", "Dưới 65 điểm"),
    ):
        levels.append(row)
    for row in levels.iter_rows():
        for cell in row:
            cell.font = bold if cell.row == 1 else normal
            cell.border = box
    levels.column_dimensions["A"].width = 16
    levels.column_dimensions["B"].width = 28

    stamp = dt.datetime.fromisoformat(meta["issued"]).replace(hour=8)
    book.properties.creator = meta["issuer"]
    book.properties.title = f"Phụ lục Quyết định {meta['number']}"
    book.properties.language = "vi-VN"
    book.properties.created = stamp
    book.properties.lastModifiedBy = meta["issuer"]
    return book


SPREADSHEETS = {"1126-qd-ubnd-phu-luc.xlsx": criteria_workbook}


def workbook_bytes(book: Workbook, stamp: dt.datetime) -> bytes:
    """openpyxl stamps the save time; rewrite the zip with fixed times and dates."""
    raw = io.BytesIO()
    book.save(raw)
    modified = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + modified.encode() + rb"\g<2>",
                    data,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data, compresslevel=9)
    return out.getvalue()


# ---------------------------------------------------------------- main
def build_all() -> dict[Path, bytes]:
    wanted: dict[Path, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        fonts = prepare_fonts(Path(tmp))
        for source in sorted(LIBRARY.glob("*.md")):
            meta, note = read_metadata(source)
            for name in listed_files(meta):
                target = FILES / name
                if name.endswith(".pdf"):
                    wanted[target] = make_pdf(meta, note, fonts)
                elif name in SPREADSHEETS:
                    stamp = dt.datetime.fromisoformat(meta["issued"]).replace(hour=8)
                    wanted[target] = workbook_bytes(SPREADSHEETS[name](meta), stamp)
                else:
                    raise SystemExit(f"{source.name}: không biết cách tạo tệp {name} (Files)")
    return wanted


def generate(
    build: Callable[[], dict[Path, bytes]], folder: Path, noun: str, argv: list[str] | None
) -> tuple[int, dict[Path, bytes]]:
    """Write the files `build` makes into `folder` (only those that differ),
    or with --check compare and write nothing: (exit code, the files)."""
    parser = argparse.ArgumentParser(
        description=sys.modules[build.__module__].__doc__.splitlines()[0]
    )
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    wanted = build()
    stale = [path for path in wanted if not path.exists() or path.read_bytes() != wanted[path]]
    if args.check:
        for path in stale:
            print(f"khác hoặc thiếu: {path.relative_to(ROOT)}")
        return (1 if stale else 0), wanted
    folder.mkdir(parents=True, exist_ok=True)
    for path in stale:
        path.write_bytes(wanted[path])
    print(f"{len(wanted)} {noun}, {len(stale)} {noun} được ghi mới")
    return 0, wanted


def main(argv: list[str] | None = None) -> int:
    code, wanted = generate(build_all, FILES, "tệp", argv)
    for path in sorted(set(FILES.iterdir()) - set(wanted)) if FILES.exists() else []:
        print(f"không thuộc văn bản nào: {path.relative_to(ROOT)}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
