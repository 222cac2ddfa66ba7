"""Development settings of the Hồng Ngự portal. Site identity lives here."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Plugins import each other (all share `vietnamese.text`), so their folder
# must be importable, not only loadable by Pelican.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from vietnamese import text as vietnamese_text  # noqa: E402

# --- Site identity (footer of every page; Vietnamese government sites must
# show the owning body and the person responsible for content) -------------
SITENAME = "Cổng thông tin điện tử thành phố Hồng Ngự"
SITE_SHORTNAME = "Thành phố Hồng Ngự"
SITE_DESCRIPTION = (
    "Tin tức, thông báo, chỉ đạo điều hành, thủ tục hành chính và danh bạ liên hệ "
    "của Ủy ban nhân dân thành phố Hồng Ngự, tỉnh Đồng Tháp."
)
SITE_IDENTITY = {
    "owner": "Ủy ban nhân dân thành phố Hồng Ngự",
    "address": "Khóm An Thạnh A, phường An Lộc, thành phố Hồng Ngự, tỉnh Đồng Tháp",
    "phone": "0277 3563 362",
    "email": "ubnd@hongngu.dongthap.gov.vn",
    "responsible": "Lê Văn Sáu, Chánh Văn phòng HĐND và UBND thành phố",
    "licence": "Ghi rõ nguồn “Cổng thông tin điện tử thành phố Hồng Ngự” khi phát hành lại thông tin từ trang này.",
    "as_of": "2025-06-30",
}
# Absolute origin for canonical links, Open Graph and the sitemap. Internal
# links stay root-relative (SITEURL) so the same build serves any host.
SITE_CANONICAL_URL = "https://tphongngu.dongthap.gov.vn"
SITEURL = ""
RELATIVE_URLS = False

AUTHOR = "Văn phòng HĐND và UBND thành phố Hồng Ngự"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
LOCALE = ("C",)  # dates come from Babel (vietnamese.text), never the OS locale

PATH = "content"
OUTPUT_PATH = "output"
THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "portal",
    "vietnamese",
    "news",
    "pages",
    "contacts",
    "procedures",
    "documents",
    "images",
    "attachments",
    "content_checks",
    "procedure_search",
    "site_search",
    "feeds",
    "jsonld",
    "sitemap",
    "theme_assets",
    "precompress",
]

# --- Content folders ---------------------------------------------------------
ARTICLE_PATHS = ["tin-tuc"]
PAGE_PATHS = ["trang"]
# STATIC_PATHS: below, with the folders of files offered for download.
ARTICLE_EXCLUDES: list[str] = []
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = ""  # an article without Category is an error, not "misc"
DEFAULT_DATE = None
# Only the portal's Markdown reader reads content: reStructuredText and raw
# HTML readers can pull in other files (`.. include::`); the source scan
# names any such file as an error.
READERS = {"rst": None, "html": None, "htm": None, "mkd": None, "mdown": None}
# Hidden files and editors' backups are never read (the source scan agrees).
IGNORE_FILES = [".*", "*~"]
# Only {filename}, {static} and {attach}: the one link syntax the checks know.
INTRASITE_LINK_REGEX = "[{](?P<what>.*?)[}]"

# News categories: name (as editors write it) → URL slug, in menu order.
NEWS_CATEGORIES = {
    "Tin tức - Sự kiện": "tin-tuc-su-kien",
    "Cải cách hành chính": "cai-cach-hanh-chinh",
    "Thông báo": "thong-bao",
    "Chỉ đạo - Điều hành": "chi-dao-dieu-hanh",
    "Kinh tế - Xã hội": "kinh-te-xa-hoi",
}

# --- URLs: unaccented Vietnamese paths, each ending in / -----------------------
ARTICLE_URL = "tin-tuc/{slug}/"
ARTICLE_SAVE_AS = "tin-tuc/{slug}/index.html"
# Drafts and scheduled items of every content type (portal/publication.py):
# a build never writes them (portal/writer.py); the preview shows them here.
DRAFT_URL = "ban-nhap/{slug}/"
DRAFT_SAVE_AS = "ban-nhap/{slug}/index.html"
DRAFT_LANG_URL = "ban-nhap/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = "ban-nhap/{lang}/{slug}/index.html"
DRAFT_PAGE_URL = DRAFT_URL
DRAFT_PAGE_SAVE_AS = DRAFT_SAVE_AS
DRAFT_PAGE_LANG_URL = DRAFT_LANG_URL
DRAFT_PAGE_LANG_SAVE_AS = DRAFT_LANG_SAVE_AS
# Pelican's own future-date rule reads the clock per article; the portal
# decides with the build's one "now" for every content type instead.
WITH_FUTURE_DATES = True
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# A page's English version (same Slug, Lang: en), like a contact's: /en/<slug>/.
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
CATEGORY_URL = "chuyen-muc/{slug}/"
CATEGORY_SAVE_AS = "chuyen-muc/{slug}/index.html"
TAG_URL = "the/{slug}/"
TAG_SAVE_AS = "the/{slug}/index.html"
AUTHOR_URL = "tac-gia/{slug}/"
AUTHOR_SAVE_AS = "tac-gia/{slug}/index.html"
CATEGORIES_URL = "chuyen-muc/"
CATEGORIES_SAVE_AS = "chuyen-muc/index.html"
TAGS_URL = "the/"
TAGS_SAVE_AS = "the/index.html"
AUTHORS_URL = "tac-gia/"
AUTHORS_SAVE_AS = "tac-gia/index.html"
ARCHIVES_URL = "luu-tru/"
ARCHIVES_SAVE_AS = "luu-tru/index.html"
LINKS_URL = "lien-ket/"  # the portals of related bodies (RELATED_PORTALS)
LINKS_SAVE_AS = "lien-ket/index.html"
NEWS_URL = "tin-tuc/"
NEWS_SAVE_AS = "tin-tuc/index.html"
INDEX_SAVE_AS = ""  # the home page is templates/home.html below
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["news", "archives", "tags", "categories", "authors", "links"]
TEMPLATE_PAGES = {
    "home.html": "index.html",
    "search.html": "tim-kiem/index.html",
    "404.html": "404.html",
    "feeds.html": "feeds/index.html",
    "robots.txt": "robots.txt",
}

# Every listing paginates into its own folder (…/trang-2/), so page 2 of tag
# "chủ đề 2" can never be written over tag "chủ đề 22" as Pelican's default
# `{name}{number}` pattern does.
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {
    "news": None,
    "category": None,
    "tag": None,
    "author": None,
    "archives": 50,
    "document_list": 20,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang-{number}/", "{base_name}/trang-{number}/index.html"),
)

SLUGIFY_SOURCE = "title"
SLUG_REGEX_SUBSTITUTIONS = vietnamese_text.SLUG_SUBSTITUTIONS
CATEGORY_REGEX_SUBSTITUTIONS = vietnamese_text.SLUG_SUBSTITUTIONS
TAG_REGEX_SUBSTITUTIONS = vietnamese_text.SLUG_SUBSTITUTIONS
AUTHOR_REGEX_SUBSTITUTIONS = vietnamese_text.SLUG_SUBSTITUTIONS

# --- Typography ------------------------------------------------------------------
# Typography (quotes, dashes, no lone last word) is done by the project's
# Markdown reader (plugins/vietnamese/typography.py), spread over every core;
# Pelican's typogrify pass stays off. Acronyms are all treated alike: none is
# wrapped (typogrify's caps filter wrapped UBND but not HĐND or QSDĐ).
TYPOGRIFY = False
PORTAL_TYPOGRIFY = True
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# --- Feeds: built by the portal's own feed plugin (issue 5), not Pelican ---------
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# --- Theme ---------------------------------------------------------------------
# Autoescape: editor text is escaped unless a template marks a rendered field
# (content, typogrified title, summary) as safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
THEME_STATIC_PATHS = ["static"]
# (label, path, key): key marks the current section with aria-current.
MAIN_MENU = [
    ("Trang chủ", "", "home"),
    ("Tin tức", "tin-tuc/", "news"),
    ("Cải cách hành chính", "chuyen-muc/cai-cach-hanh-chinh/", "cai-cach-hanh-chinh"),
    ("Thông báo", "chuyen-muc/thong-bao/", "thong-bao"),
    ("Thủ tục hành chính", "thu-tuc/", "procedures"),
    ("Văn bản", "van-ban/", "documents"),
    ("Liên hệ", "lien-he/", "contacts"),
]
FOOTER_LINKS = [
    ("Giới thiệu", "gioi-thieu/"),
    ("Cơ cấu tổ chức", "co-cau-to-chuc/"),
    ("Tiếp cận thông tin", "tiep-can-thong-tin/"),
    ("Điều khoản sử dụng", "dieu-khoan-su-dung/"),
    ("Chuyên mục", "chuyen-muc/"),
    ("Lưu trữ", "luu-tru/"),
    ("Văn bản", "van-ban/"),
    ("Liên kết", "lien-ket/"),
    ("Theo dõi tin (RSS)", "feeds/"),
]

# Portals of related bodies, in the footer of every page and on /lien-ket/
# (the decree asks for accurate links to them). Each must be https:, which
# the build checks (plugins/theme_assets).
RELATED_PORTALS = [
    (
        "Cổng thông tin điện tử tỉnh Đồng Tháp",
        "https://dongthap.gov.vn/",
        "Tin tức, văn bản chỉ đạo điều hành của Tỉnh ủy, HĐND và UBND tỉnh.",
    ),
    (
        "Cổng Dịch vụ công quốc gia",
        "https://dichvucong.gov.vn/",
        "Nộp hồ sơ, theo dõi và nhận kết quả thủ tục hành chính trực tuyến.",
    ),
    (
        "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Đồng Tháp",
        "https://dichvucong.dongthap.gov.vn/",
        "Dịch vụ công trực tuyến của các cơ quan trong tỉnh.",
    ),
    (
        "Cổng Thông tin điện tử Chính phủ",
        "https://chinhphu.vn/",
        "Thông tin chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ.",
    ),
    (
        "Cơ sở dữ liệu quốc gia về văn bản pháp luật",
        "https://vbpl.vn/",
        "Toàn văn luật, nghị định, thông tư và văn bản của địa phương.",
    ),
    (
        "Công báo Chính phủ",
        "https://congbao.chinhphu.vn/",
        "Văn bản quy phạm pháp luật đăng Công báo.",
    ),
]

# --- Procedures and contacts (plugins/procedures, plugins/contacts) -------------
PROCEDURE_PATHS = ["thu-tuc"]
PROCEDURE_URL = "thu-tuc/{slug}/"
PROCEDURE_SAVE_AS = "thu-tuc/{slug}/index.html"
PROCEDURE_LANG_URL = PROCEDURE_URL
PROCEDURE_LANG_SAVE_AS = PROCEDURE_SAVE_AS
# The procedure index and its views (by field, by level, online services).
PROCEDURES_URL = "thu-tuc/"
PROCEDURE_FIELD_URL = "thu-tuc/linh-vuc/{slug}/"
PROCEDURE_LEVEL_URL = "thu-tuc/cap/{slug}/"
PROCEDURE_ONLINE_URL = "thu-tuc/truc-tuyen/"
# Listing folders under /thu-tuc/: no procedure may take these slugs.
PROCEDURE_RESERVED_SLUGS = ["linh-vuc", "cap", "truc-tuyen"]
PROCEDURE_LEVELS = ["Cấp huyện", "Cấp xã"]
# Online public service levels of Decree 42/2022 (value → label shown).
PROCEDURE_ONLINE_LEVELS = {
    "toàn trình": "Trực tuyến toàn trình",
    "một phần": "Trực tuyến một phần",
    "không": "Chưa có dịch vụ trực tuyến",
}
# Link to the national record when a guide has no Service-url.
PROCEDURE_SERVICE_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
)
CONTACT_PATHS = ["lien-he"]
CONTACT_URL = "lien-he/{slug}/"
CONTACT_SAVE_AS = "lien-he/{slug}/index.html"
CONTACT_LANG_URL = "{lang}/lien-he/{slug}/"
CONTACT_LANG_SAVE_AS = "{lang}/lien-he/{slug}/index.html"
CONTACTS_SAVE_AS = "lien-he/index.html"
# The unit whose phone the "not found" and help texts give.
HELP_CONTACT = "bo-phan-mot-cua"

# --- Pictures (plugins/images) --------------------------------------------------
# Widths (CSS px) of the variants made from each raster original, never wider
# than the original; a WebP and a JPEG (PNG with transparency) of each.
IMAGE_WIDTHS = [360, 720, 1200]
IMAGE_MAX_PIXELS = 40_000_000  # larger originals are refused (decompression bombs)
# Variants are cached by the original's bytes here, outside the output.
PORTAL_IMAGE_CACHE = str(ROOT / ".cache" / "images")

# --- Legal documents (plugins/documents) ---------------------------------------
DOCUMENT_PATHS = ["van-ban"]
DOCUMENT_FILES = "van-ban/files"  # attachments, published as they are
DOCUMENT_URL = "van-ban/{slug}/"
DOCUMENT_SAVE_AS = "van-ban/{slug}/index.html"
DOCUMENT_LANG_URL = DOCUMENT_URL
DOCUMENT_LANG_SAVE_AS = DOCUMENT_SAVE_AS
DOCUMENTS_URL = "van-ban/"
DOCUMENT_TYPE_URL = "van-ban/loai/{slug}/"
DOCUMENT_YEAR_URL = "van-ban/nam/{year}/"
DRAFTS_FOR_COMMENT_URL = "du-thao/"
DOCUMENT_RESERVED_SLUGS = ["loai", "nam", "files"]
# The city's own types first, then the central ones its procedures cite.
DOCUMENT_TYPES = [
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Thông báo",
    "Công văn",
    "Báo cáo",
    "Hướng dẫn",
    "Dự thảo",
    "Văn bản khác",
    "Luật",
    "Pháp lệnh",
    "Nghị định",
    "Thông tư",
]
DOCUMENT_DRAFT_TYPE = "Dự thảo"  # drafts put out for comment (/du-thao/)
DOCUMENT_VALIDITIES = ["còn hiệu lực", "hết hiệu lực", "hết hiệu lực một phần"]

# --- Files offered for download (portal/files.py, plugins/attachments) ---------
# Folders whose files are published as they are: forms and spreadsheets linked
# from any body, and the legal documents' files. Only the kinds of
# portal.files.FILE_KINDS may sit there (the source scan refuses the rest).
ATTACHMENT_PATHS = ["files", DOCUMENT_FILES]
# Pictures (plugins/images publishes their variants) and those folders.
STATIC_PATHS = ["images", *ATTACHMENT_PATHS]
# A heavier file (a document's Files or one linked from a body) is a warning:
# slow on a phone; one over the limit is refused.
ATTACHMENT_WARN_BYTES = 10 * 1024 * 1024
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024

# --- Procedure search (plugins/procedure_search, theme/js/search.js) -------------
# Editors' file of interchangeable phrases (colloquial names, abbreviations).
SEARCH_SYNONYMS_FILE = "tu-dong-nghia.txt"
# The search of the whole portal (plugins/site_search, theme/js/site-search.js),
# where the header's search box on every page goes.
SEARCH_URL = "tim-kiem/"

# --- Feeds (plugins/feeds): one code path, Atom and RSS 2.0 of the same entries --
PORTAL_FEED_MAX_ITEMS = 50
PORTAL_FEED_FULL_CONTENT = True  # False: summary and link only
# First path segments of the portal's own sections: no static page may use them.
PAGE_RESERVED_SLUGS = [
    "tin-tuc",
    "chuyen-muc",
    "the",
    "tac-gia",
    "luu-tru",
    "thu-tuc",
    "lien-he",
    "van-ban",
    "du-thao",
    "feeds",
    "images",
    "files",
    "theme",
    "en",
    "ban-nhap",
    "tim-kiem",
]
