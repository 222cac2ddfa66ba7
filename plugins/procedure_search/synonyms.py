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


@functools.lru_cache(maxsize=4096)
def phrase_tokens(phrase: str) -> list[str]:
    return search_tokens(phrase)


@functools.lru_cache(maxsize=8)
def _by_first_word(
    groups: tuple[tuple[str, ...], ...],
) -> dict[str, list[tuple[int, int, list[str]]]]:
    """Every phrase of every group, under its first word: a text is then
    matched against the few phrases that can start at one of its words."""
    table: dict[str, list[tuple[int, int, list[str]]]] = {}
    for g, group in enumerate(groups):
        for p, phrase in enumerate(group):
            needle = phrase_tokens(phrase)
            if needle:
                table.setdefault(needle[0], []).append((g, p, needle))
    return table


def expand(text: str, groups: list[list[str]]) -> list[str]:
    """Phrases of every group that `text` mentions, other than those it has."""
    tokens = search_tokens(text)
    table = _by_first_word(tuple(map(tuple, groups)))
    starts: dict[str, list[int]] = {}  # where each word of the text is
    for i, token in enumerate(tokens):
        if token in table:
            starts.setdefault(token, []).append(i)
    present: dict[int, set[int]] = {}
    for word, places in starts.items():
        for g, p, needle in table[word]:
            if any(tokens[i : i + len(needle)] == needle for i in places):
                present.setdefault(g, set()).add(p)
    found: list[str] = []
    for g in sorted(present):
        found += [phrase for p, phrase in enumerate(groups[g]) if p not in present[g]]
    return found
