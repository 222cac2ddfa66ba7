"""Locating the `##` sections of a procedure guide in its rendered HTML and
shaping them for the page (process list, document checklist, tables)."""

from __future__ import annotations

from dataclasses import dataclass

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


def _heading_text(tag: Tag) -> str:
    return " ".join(nfc(tag.get_text()).split())


def _parse(html: str) -> BeautifulSoup:
    # lxml: several times faster than html.parser where no layout is kept.
    return BeautifulSoup(html, "lxml")


def section_texts(html: str) -> dict[str, tuple[str, list[str]]]:
    """Plain text and list items of each `##` section, by title: what the
    search index needs, without laying the sections out."""
    found: dict[str, tuple[str, list[str]]] = {}
    for h2 in _parse(html).find_all("h2"):
        texts, items = [], []
        for sibling in h2.find_next_siblings():
            if sibling.name == "h2":
                break
            texts.append(sibling.get_text(" "))
            items += [li.get_text(" ") for li in sibling.find_all("li")]
        found[_heading_text(h2)] = (" ".join(" ".join(texts).split()), items)
    return found


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
    return Section(title, anchor, str(fragment), cases)
