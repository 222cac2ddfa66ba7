"""Make the sample forms citizens download from procedure guides (content/files/).

Each form is a one-page A4 PDF to print and fill in by hand: the national motto,
the form's name, and labelled blank lines, with a real text layer in DejaVu Serif
(embedded as a subset, the way scripts/make_document_files.py does) so the
Vietnamese text can be selected, searched and read aloud. They are the portal's
simplified versions for citizens to prepare ahead; each says that the official
form is the one of Thông tư số 04/2020/TT-BTP.

The output is deterministic: the same font files and library versions give the
same bytes (fixed PDF dates; the file identifier is a hash of the content).

Usage: python scripts/make_forms.py [--check]
  --check  write nothing; exit 1 if a form is missing or differs from what would be made.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF
from make_document_files import generate, prepare_fonts

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "content" / "files"
TZ = dt.timezone(dt.timedelta(hours=7))  # Asia/Ho_Chi_Minh, no DST
MADE = dt.datetime(2025, 6, 2, 8, 0, tzinfo=TZ)
NOTE = (
    "Mẫu do Cổng thông tin điện tử thành phố Hồng Ngự soạn để người dân điền trước. "
    "Mẫu chính thức theo Thông tư số 04/2020/TT-BTP; công chức tiếp nhận hướng dẫn "
    "nếu cần khai lại."
)
PROMISE = (
    "Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước "
    "pháp luật về cam đoan của mình."
)


class FormPDF(FPDF):
    LEFT, RIGHT, TOP = 20.0, 15.0, 15.0
    LINE = 7.0  # height of one line to write on

    def __init__(self, fonts: dict[str, Path], title: str) -> None:
        super().__init__(format="A4")
        for style, path in fonts.items():
            self.add_font("serif", style, str(path))
        self.set_margins(self.LEFT, self.TOP, self.RIGHT)
        self.set_auto_page_break(True, margin=15)
        self.c_margin = 0.5
        self.set_creation_date(MADE)
        self.set_title(title)
        self.set_author("Ủy ban nhân dân thành phố Hồng Ngự")
        self.set_subject("Mẫu tờ khai để người dân điền trước khi nộp hồ sơ")
        self.set_creator("scripts/make_forms.py")
        self.set_producer("fpdf2")
        self.set_lang("vi")
        self.add_page()

    def centred(self, text: str, style: str = "", size: float = 12, height: float = 6) -> None:
        self.set_font("serif", style, size)
        self.multi_cell(0, height, text, align="C", new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str, style: str = "", size: float = 12) -> None:
        self.set_font("serif", style, size)
        self.multi_cell(0, 6.5, text, align="J", new_x="LMARGIN", new_y="NEXT")

    def blank(self, x: float, width: float) -> None:
        """A dotted line to write on, from `x` for `width` mm at the current line."""
        y = self.get_y() + self.LINE - 1.8
        self.set_draw_color(90)
        self.set_line_width(0.2)
        self.set_dash_pattern(dash=0.4, gap=1.1)
        self.line(x, y, x + width, y)
        self.set_dash_pattern()

    def fields(self, labels: list[str], x: float | None = None, width: float | None = None):
        """One line per label: the label, then a blank to the right edge of the area."""
        x = self.l_margin if x is None else x
        width = self.epw if width is None else width
        self.set_font("serif", "", 12)
        for label in labels:
            self.set_x(x)
            used = self.get_string_width(label) + 2
            self.cell(used, self.LINE, label)
            self.blank(x + used, width - used)
            self.ln(self.LINE)

    def header_block(self, title: str, to: str) -> None:
        self.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "B", 12)
        self.centred("Độc lập - Tự do - Hạnh phúc", "B", 12)
        middle = self.w / 2
        self.line(middle - 28, self.get_y() + 0.5, middle + 28, self.get_y() + 0.5)
        self.ln(8)
        self.centred(title, "B", 15, 8)
        self.ln(3)
        self.fields([f"Kính gửi: {to}"])
        self.ln(2)

    def signatures(self, signers: list[str]) -> None:
        self.ln(3)
        self.fields(["Làm tại:"])
        self.set_font("serif", "", 12)
        self.cell(0, self.LINE, "Ngày ........ tháng ........ năm ............", align="R")
        self.ln(self.LINE + 2)
        width = self.epw / len(signers)
        top = self.get_y()
        for index, who in enumerate(signers):
            self.set_xy(self.l_margin + index * width, top)
            self.set_font("serif", "B", 12)
            self.cell(width, 6, who, align="C", new_x="LEFT", new_y="NEXT")
            self.set_font("serif", "", 11)
            self.cell(width, 6, "(Ký, ghi rõ họ, chữ đệm, tên)", align="C")
        self.set_y(top + 30)

    def note(self) -> None:
        self.set_y(max(self.get_y(), self.h - 32))
        self.set_draw_color(150)
        self.set_dash_pattern()
        self.line(self.l_margin, self.get_y(), self.l_margin + 60, self.get_y())
        self.ln(2)
        self.set_font("serif", "", 9.5)
        self.multi_cell(0, 4.8, "Ghi chú: " + NOTE, new_x="LMARGIN", new_y="NEXT")


def birth_form(fonts: dict[str, Path]) -> FormPDF:
    pdf = FormPDF(fonts, "Tờ khai đăng ký khai sinh")
    pdf.header_block("TỜ KHAI ĐĂNG KÝ KHAI SINH", "Ủy ban nhân dân phường, xã")
    pdf.fields(
        [
            "Họ, chữ đệm, tên người yêu cầu:",
            "Nơi cư trú:",
            "Giấy tờ tùy thân (loại, số, nơi cấp, ngày cấp):",
            "Quan hệ với người được khai sinh:",
        ]
    )
    pdf.paragraph("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:", "B")
    half = pdf.epw / 2
    pdf.fields(["Họ, chữ đệm, tên:", "Ngày, tháng, năm sinh:", "ghi bằng chữ:"])
    top = pdf.get_y()
    pdf.fields(["Giới tính:", "Quốc tịch:"], width=half - 4)
    pdf.set_y(top)
    pdf.fields(["Dân tộc:", "Nơi sinh:"], x=pdf.l_margin + half, width=half)
    pdf.fields(["Quê quán:", "Số định danh cá nhân (nếu có):"])
    pdf.ln(1)
    for parent in ("mẹ", "cha"):
        pdf.fields([f"Họ, chữ đệm, tên người {parent}:"])
        top = pdf.get_y()
        pdf.fields(["Năm sinh:"], width=half - 4)
        pdf.set_y(top)
        pdf.fields(["Dân tộc:"], x=pdf.l_margin + half, width=half)
        pdf.fields(["Quốc tịch:", "Nơi cư trú:"])
    pdf.ln(2)
    pdf.paragraph(PROMISE)
    pdf.signatures(["Người yêu cầu"])
    pdf.note()
    return pdf


def marriage_form(fonts: dict[str, Path]) -> FormPDF:
    pdf = FormPDF(fonts, "Tờ khai đăng ký kết hôn")
    pdf.header_block("TỜ KHAI ĐĂNG KÝ KẾT HÔN", "Ủy ban nhân dân phường, xã")
    rows = [
        "Họ, chữ đệm, tên",
        "Ngày, tháng, năm sinh",
        "Dân tộc",
        "Quốc tịch",
        "Nơi cư trú",
        "Giấy tờ tùy thân (loại, số, nơi cấp, ngày cấp)",
        "Kết hôn lần thứ mấy",
    ]
    first, column = 58.0, (pdf.epw - 58.0) / 2
    pdf.set_draw_color(0)
    pdf.set_line_width(0.25)
    pdf.set_font("serif", "B", 12)
    pdf.cell(first, 10, "Thông tin", border=1, align="C")
    pdf.cell(column, 10, "Bên nữ", border=1, align="C")
    pdf.cell(column, 10, "Bên nam", border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    for label in rows:
        top = pdf.get_y()
        pdf.set_font("serif", "", 11.5)
        pdf.multi_cell(first, 6, label, border=0, new_x="LMARGIN", new_y="NEXT")
        height = max(14.0, pdf.get_y() - top + 2)
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(first, height, "", border=1)
        pdf.cell(column, height, "", border=1)
        pdf.cell(column, height, "", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.paragraph(
        "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng "
        "tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình và chịu "
        "trách nhiệm trước pháp luật về cam đoan của mình."
    )
    pdf.paragraph("Đề nghị Quý cơ quan đăng ký.")
    pdf.signatures(["Bên nữ", "Bên nam"])
    pdf.note()
    return pdf


FORMS_MADE: dict[str, Callable[[dict[str, Path]], FormPDF]] = {
    "to-khai-dang-ky-khai-sinh.pdf": birth_form,
    "to-khai-dang-ky-ket-hon.pdf": marriage_form,
}


def build_all() -> dict[Path, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        fonts = prepare_fonts(Path(tmp))
        return {FORMS / name: bytes(make(fonts).output()) for name, make in FORMS_MADE.items()}


def main(argv: list[str] | None = None) -> int:
    return generate(build_all, FORMS, "mẫu", argv)[0]


if __name__ == "__main__":
    sys.exit(main())
