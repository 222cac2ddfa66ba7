"""The editors' synonym file: one group of interchangeable phrases a line.

# comment
sổ đỏ, sổ hồng, giấy chứng nhận quyền sử dụng đất, GCN QSDĐ
"""

from __future__ import annotations

import functools
from pathlib import Path

from problems import Problem
from vietnamese.text import nfc, search_tokens


def read_groups(path: Path) -> tuple[list[list[str]], list[Problem]]:
    """Groups of phrases (as written) and the problems found in the file."""
    groups: list[list[str]] = []
    problems: list[Problem] = []
    if not path.is_file():
        return groups, problems
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = nfc(line).strip()
        if not line or line.startswith("#"):
            continue
        phrases = [p.strip() for p in line.split(",") if p.strip()]
        if len(phrases) < 2:
            problems.append(
                Problem(
                    str(path),
                    number,
                    "",
                    "mỗi dòng cần ít nhất hai cụm từ cùng nghĩa, cách nhau bằng dấu phẩy, "
                    "ví dụ 'sổ đỏ, giấy chứng nhận quyền sử dụng đất'.",
                )
            )
            continue
        groups.append(phrases)
    return groups, problems


def contains(haystack: list[str], needle: list[str]) -> bool:
    """Does the token list `haystack` contain `needle` as a contiguous run?"""
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )


@functools.lru_cache(maxsize=4096)
def phrase_tokens(phrase: str) -> list[str]:
    return search_tokens(phrase)


def expand(text: str, groups: list[list[str]]) -> list[str]:
    """Phrases of every group that `text` mentions, other than those it has."""
    tokens = search_tokens(text)
    words = set(tokens)  # a phrase whose first word is absent cannot be there
    found: list[str] = []
    for group in groups:
        present = [
            bool(needle) and needle[0] in words and contains(tokens, needle)
            for needle in map(phrase_tokens, group)
        ]
        if any(present):
            found += [p for p, here in zip(group, present, strict=True) if not here]
    return found
