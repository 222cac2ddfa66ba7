"""Locating the `##` sections of a procedure guide in its rendered HTML and
shaping them for the page (process list, document checklist, tables)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from vietnamese.text import nfc, slugify

# (heading as editors write it, required)
SECTIONS: list[tuple[str, bool]] = [
    ("Trình tự thực hiện", True),
    ("Thành phần hồ sơ", True),
    ("Đối tượng thực hiện", True),
    ("Kết quả thực hiện", True),
    ("Căn cứ pháp lý", True),
    ("Cách thức thực hiện", False),
    ("Yêu cầu, điều kiện", False),
    ("Ghi chú", False),
]
STEPS, DOCUMENTS = SECTIONS[0][0], SECTIONS[1][0]


@dataclass
class Section:
    title: str
    anchor: str
    html: str
    cases: list[tuple[str, str]]  # (### heading, anchor) inside the section
    text: str = ""  # plain text, for the search index
    items: list[str] = field(default_factory=list)  # text of each list item


def _heading_text(tag: Tag) -> str:
    return " ".join(nfc(tag.get_text()).split())


def section_titles(html: str) -> list[str]:
    """The `##` headings of a rendered body, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return [_heading_text(h2) for h2 in soup.find_all("h2")]


def split_sections(html: str) -> list[Section]:
    """Cut the body at each h2 and shape what each section holds."""
    soup = BeautifulSoup(html, "html.parser")
    sections: list[Section] = []
    current: tuple[str, list] | None = None
    for node in list(soup.contents):
        if isinstance(node, Tag) and node.name == "h2":
            if current:
                sections.append(_shape(*current))
            current = (_heading_text(node), [])
        elif current is not None and not (isinstance(node, NavigableString) and not node.strip()):
            current[1].append(node)
    if current:
        sections.append(_shape(*current))
    return sections


def _shape(title: str, nodes: list) -> Section:
    anchor = slugify(title)
    fragment = BeautifulSoup("", "html.parser")
    for node in nodes:
        fragment.append(node.extract() if isinstance(node, Tag) else NavigableString(str(node)))
    if title == STEPS:
        for ol in fragment.find_all("ol", recursive=False):
            ol["class"] = ["process-list"]
    if title == DOCUMENTS:
        for ul in fragment.find_all("ul"):
            ul["class"] = ["checklist"]
    for table in fragment.find_all("table"):
        # A focusable, named region: keyboard users can scroll a wide table.
        wrapper = fragment.new_tag(
            "div",
            attrs={"class": "table-scroll", "tabindex": "0", "role": "region", "aria-label": title},
        )
        table.wrap(wrapper)
    cases = []
    for h3 in fragment.find_all("h3"):
        case_anchor = f"{anchor}-{slugify(_heading_text(h3))}"
        h3["id"] = case_anchor
        cases.append((_heading_text(h3), case_anchor))
    items = [item.get_text(" ") for item in fragment.find_all("li")]
    return Section(title, anchor, str(fragment), cases, fragment.get_text(" "), items)
