"""A deterministic scale corpus in the portal's content formats (the editor's
guide, docs/huong-dan-bien-tap.md, shows each one), for benchmarks.

The sample site's contacts and procedures are kept (the relevance query set
targets them) and generated articles and procedures are added around them,
written from phrase pools so the text reads as Vietnamese and repeats as a
real portal's does.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content"
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from vietnamese.text import slugify  # noqa: E402

LAST_DATE = dt.datetime(2025, 12, 31)  # fixed, so the corpus stays the same every day
CATEGORIES = [
    "Tin tức - Sự kiện",
    "Cải cách hành chính",
    "Thông báo",
    "Chỉ đạo - Điều hành",
    "Kinh tế - Xã hội",
]
TAGS = [
    "cải cách hành chính",
    "một cửa",
    "dịch vụ công trực tuyến",
    "đô thị",
    "y tế",
    "giáo dục",
    "an toàn giao thông",
    "ưu đãi",
    "ấp văn hóa",
    "đối thoại",
    "chuyển đổi số",
    "nông nghiệp",
    "môi trường",
    "bưu chính công ích",
    "an sinh xã hội",
    "phòng chống thiên tai",
    "CCHC",
    "đề án 06",
    "ăn chín uống sôi",
    "thanh niên",
    "phụ nữ",
    "người cao tuổi",
    "khuyến học",
]
AUTHORS = [
    "Lê Doanh",
    "Nguyễn Thị Mai",
    "Trần Văn Hùng",
    "Phạm Minh Triết",
    "Võ Thị Thu",
    "Đặng Quốc Bảo",
]
PLACES = [
    "phường An Thạnh",
    "phường An Lộc",
    "phường An Lạc",
    "phường An Bình A",
    "phường An Bình B",
    "xã Bình Thạnh",
    "xã Tân Hội",
]
SUBJECTS = [
    "công tác cải cách hành chính",
    "phong trào xây dựng đô thị văn minh",
    "chương trình chuyển đổi số",
    "việc giải quyết hồ sơ trực tuyến",
    "công tác phòng chống dịch bệnh",
    "kế hoạch phát triển kinh tế",
    "mô hình công dân không viết",
    "phong trào khuyến học",
    "công tác bảo đảm an toàn giao thông",
    "việc chăm lo gia đình chính sách",
    "chương trình nông thôn mới",
    "công tác tiếp công dân",
]
ACTIONS = [
    "triển khai",
    "sơ kết",
    "tổng kết",
    "đẩy mạnh",
    "kiểm tra",
    "hướng dẫn",
    "rà soát",
    "phát động",
]
SENTENCES = [
    "Ủy ban nhân dân {place} đã chủ động {action} {subject}, bám sát kế hoạch của thành phố.",
    "Qua {n} tháng thực hiện, {subject} đạt nhiều kết quả tích cực, được người dân đồng tình.",
    "Bộ phận Tiếp nhận và Trả kết quả tiếp nhận {n2} hồ sơ, trong đó {pct}% hồ sơ được giải quyết trước hạn.",
    "Lãnh đạo thành phố đề nghị các cơ quan, đơn vị tiếp tục {action} {subject} trong thời gian tới.",
    "Người dân có thể nộp hồ sơ trên Cổng Dịch vụ công quốc gia hoặc qua dịch vụ bưu chính công ích.",
    "Hội nghị cũng chỉ ra một số hạn chế cần khắc phục, nhất là việc cập nhật dữ liệu còn chậm.",
    "Các tổ công nghệ số cộng đồng đã hỗ trợ hơn {n2} lượt người dân cài đặt và sử dụng ứng dụng VNeID.",
    "Dịp này, {place} biểu dương {n} tập thể và cá nhân có thành tích xuất sắc.",
]


def _paragraph(rng: random.Random) -> str:
    return " ".join(
        rng.choice(SENTENCES).format(
            place=rng.choice(PLACES),
            action=rng.choice(ACTIONS),
            subject=rng.choice(SUBJECTS),
            n=rng.randint(2, 12),
            n2=rng.randint(50, 3000),
            pct=rng.randint(80, 99),
        )
        for _ in range(rng.randint(3, 5))
    )


def article_source(
    number: int, rng: random.Random, start: dt.datetime, step: dt.timedelta
) -> tuple[str, str]:
    """(relative path, Markdown) of one generated article of about 3 KB."""
    subject = rng.choice(SUBJECTS)
    place = rng.choice(PLACES)
    title = f"{rng.choice(ACTIONS).capitalize()} {subject} tại {place} (bài {number})"
    date = start + step * number + dt.timedelta(hours=rng.randint(0, 5))
    tags = ", ".join(rng.sample(TAGS, rng.randint(1, 3)))
    lines = [
        f"Title: {title}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {tags}",
    ]
    if rng.random() < 0.6:
        lines.append(f"Authors: {rng.choice(AUTHORS)}")
    if rng.random() < 0.5:
        lines.append(f"Summary: {_paragraph(rng).split('. ')[0]}.")
    body = [_paragraph(rng), "", f"## Kết quả tại {place}", "", _paragraph(rng), ""]
    body += [
        f"- {rng.choice(SUBJECTS).capitalize()}: đạt {rng.randint(60, 100)}% kế hoạch."
        for _ in range(4)
    ]
    body += ["", "## Nhiệm vụ thời gian tới", "", _paragraph(rng), "", _paragraph(rng)]
    if rng.random() < 0.2:
        body += [
            "",
            "Xem thêm thông tin trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/).",
        ]
    path = f"tin-tuc/{date:%Y}/{slugify(title)}.md"
    return path, "\n".join(lines) + "\n\n" + "\n".join(body) + "\n"


PROCEDURE_VERBS = [
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Điều chỉnh",
    "Gia hạn",
    "Thu hồi",
    "Xác nhận",
    "Đăng ký",
    "Thay đổi",
    "Chấm dứt",
]
PROCEDURE_OBJECTS = [
    ("giấy phép hoạt động cơ sở bán lẻ thuốc", "Y tế"),
    ("giấy chứng nhận đủ điều kiện kinh doanh khí", "Công thương"),
    ("giấy phép kinh doanh bán lẻ rượu", "Công thương"),
    ("giấy phép khai thác nước dưới đất", "Tài nguyên nước"),
    ("giấy phép tổ chức lễ hội", "Văn hóa"),
    ("giấy phép quảng cáo ngoài trời", "Văn hóa"),
    ("giấy chứng nhận nhà trường đạt chuẩn", "Giáo dục và Đào tạo"),
    ("hoạt động nhóm trẻ độc lập", "Giáo dục và Đào tạo"),
    ("hợp tác xã nông nghiệp", "Kinh tế hợp tác"),
    ("tổ hợp tác", "Kinh tế hợp tác"),
    ("hội, quỹ xã hội cấp huyện", "Tổ chức phi chính phủ"),
    ("tín ngưỡng, tôn giáo tập trung", "Tôn giáo"),
    ("phương án bảo vệ môi trường", "Môi trường"),
    ("công trình thủy lợi nhỏ", "Thủy lợi"),
    ("giống cây trồng", "Trồng trọt"),
    ("cơ sở chăn nuôi", "Chăn nuôi"),
    ("phương tiện thủy nội địa", "Giao thông vận tải"),
    ("biển số nhà", "Quản lý đô thị"),
    ("cơ sở trợ giúp xã hội", "Bảo trợ xã hội"),
    ("chế độ ưu đãi người có công", "Người có công"),
    ("thi đua, khen thưởng", "Thi đua - Khen thưởng"),
    ("học bổng chính sách", "Giáo dục và Đào tạo"),
]
PROCEDURE_SUBJECTS = [
    "",
    " đối với tổ chức",
    " đối với cá nhân",
    " cho hộ gia đình",
    " có yếu tố nước ngoài",
    " trên địa bàn phường, xã",
    " thuộc thẩm quyền cấp huyện",
    " do bị mất, hư hỏng",
]
DOCUMENTS = [
    "Đơn đề nghị theo mẫu",
    "Bản sao giấy tờ tùy thân",
    "Giấy ủy quyền nếu nộp thay",
    "Bản vẽ sơ đồ vị trí",
    "Biên bản kiểm tra thực tế",
    "Giấy chứng nhận đã cấp trước đó",
    "Văn bản xác nhận của Ủy ban nhân dân cấp xã",
    "Hợp đồng thuê mặt bằng",
    "Bản kê khai thông tin",
    "Phiếu lý lịch tư pháp",
    "Giấy khám sức khỏe",
]


def procedure_source(number: int, rng: random.Random, used_codes: set[str]) -> tuple[str, str]:
    obj, field = PROCEDURE_OBJECTS[number % len(PROCEDURE_OBJECTS)]
    verb = PROCEDURE_VERBS[(number // len(PROCEDURE_OBJECTS)) % len(PROCEDURE_VERBS)]
    qualifier = PROCEDURE_SUBJECTS[
        (number // (len(PROCEDURE_OBJECTS) * len(PROCEDURE_VERBS))) % len(PROCEDURE_SUBJECTS)
    ]
    title = f"{verb} {obj}{qualifier}"
    code = f"{rng.choice('1235')}.{rng.randint(0, 999999):06d}"
    while code in used_codes:
        code = f"{rng.choice('1235')}.{rng.randint(0, 999999):06d}"
    used_codes.add(code)
    level = rng.choice(["Cấp huyện", "Cấp xã"])
    online = rng.choice(["toàn trình", "một phần", "không"])
    submit = (
        "bo-phan-mot-cua"
        if level == "Cấp huyện"
        else ", ".join(
            rng.sample(
                [
                    "ubnd-phuong-an-thanh",
                    "ubnd-phuong-an-loc",
                    "ubnd-phuong-an-lac",
                    "ubnd-xa-tan-hoi",
                ],
                2,
            )
        )
    )
    documents = rng.sample(DOCUMENTS, rng.randint(3, 5))
    lines = [
        f"Title: {title}",
        f"Code: {code}",
        f"Field: {field}",
        f"Level: {level}",
        "Agency: "
        + ("Ủy ban nhân dân thành phố" if level == "Cấp huyện" else "Ủy ban nhân dân phường, xã"),
        f"Submit-at: {submit}",
        f"Processing-time: {rng.choice(['Trong ngày làm việc', '03 ngày làm việc', '05 ngày làm việc', '15 ngày làm việc'])}",
        f"Fee: {rng.choice(['Không', '50.000 đồng/hồ sơ', '100.000 đồng/giấy phép'])}",
        f"Online: {online}",
        f"Date: {2021 + number % 4}-{1 + number % 12:02d}-{1 + number % 28:02d} 08:00",
    ]
    body = [
        "## Trình tự thực hiện",
        "",
        "1. **Bước 1:** Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định.",
        "2. **Bước 2:** Nộp hồ sơ tại Bộ phận một cửa hoặc trên Cổng Dịch vụ công quốc gia.",
        "3. **Bước 3:** Cơ quan có thẩm quyền thẩm định hồ sơ và trả kết quả.",
        "",
        "## Thành phần hồ sơ",
        "",
        *[f"- {d} (01 bản)." for d in documents],
        "",
        "## Đối tượng thực hiện",
        "",
        rng.choice(["Tổ chức, cá nhân.", "Công dân Việt Nam.", "Hộ gia đình, cá nhân."]),
        "",
        "## Kết quả thực hiện",
        "",
        f"Văn bản chấp thuận {obj}.",
        "",
        "## Căn cứ pháp lý",
        "",
        "- Quy định hiện hành của Ủy ban nhân dân tỉnh Đồng Tháp.",
        "",
    ]
    return f"thu-tuc/bench-{number:04d}-{slugify(title)[:60]}.md", "\n".join(
        lines
    ) + "\n\n" + "\n".join(body)


def generate(target: Path, articles: int, procedures: int, seed: int = 2025) -> Path:
    """Write a content folder with the sample contacts, pages, procedures and documents,
    `articles` generated articles and enough generated procedures to make
    `procedures` in all. Returns the folder."""
    rng = random.Random(seed)
    shutil.rmtree(target, ignore_errors=True)
    for folder in ("lien-he", "trang", "images", "files", "thu-tuc", "van-ban"):
        shutil.copytree(SAMPLE / folder, target / folder)
    shutil.copy(SAMPLE / "tu-dong-nghia.txt", target / "tu-dong-nghia.txt")
    start = dt.datetime(2021, 1, 4, 7, 30)
    # One article every 7 hours, closer together when that would run past
    # LAST_DATE: a date after the build's "now" makes a scheduled article,
    # left out of the site (20,000 articles at 7 hours reach 2037).
    step = min(dt.timedelta(hours=7), (LAST_DATE - start) / max(articles, 1))
    for number in range(articles):
        path, text = article_source(number, rng, start, step)
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text, encoding="utf-8")
    existing = list((target / "thu-tuc").glob("*.md"))
    used = {
        line.split(":", 1)[1].strip()
        for p in existing
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.startswith("Code:")
    }
    for number in range(max(0, procedures - len(existing))):
        path, text = procedure_source(number, rng, used)
        (target / path).write_text(text, encoding="utf-8")
    return target
