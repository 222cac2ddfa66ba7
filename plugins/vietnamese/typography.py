"""Typography for rendered HTML, in one pass over the text between tags:
curly quotes, dashes, ellipses, a styled ampersand, and a no-break space
before the last word of a block (no lone word on a line of its own).

It does what the project used typogrify for, faster on Vietnamese text,
which matters on a portal with thousands of pages: the HTML is split once
by a regular expression (no HTML parser) and each run of text is rewritten
on its own, with a little state carried from one run to the next. Code and
preformatted text are left alone, and acronyms are never wrapped:
typogrify's caps filter saw only A–Z, so it wrapped UBND but not HĐND.

The rules, each pinned by a vector in tests/vietnamese/test_typography.py:

- Only text is rewritten: tags (a ``>`` inside a quoted attribute value
  included), comments and attribute values come out byte-identical.
- A straight quote opens after the start of a block, a line break
  (``<br>``), white space (``&nbsp;`` and U+00A0 included), an opening
  bracket or quote, or a dash or slash, when a word follows it; anywhere
  else it closes. A quote with white space (or the end of the block, or
  closing punctuation) on both sides closes when a quote of its kind is
  open in the block, and opens otherwise: ``"xin chào " rồi`` closes.
  Block-level tags (p, li, td, h2…) start afresh; inline tags (em, a,
  strong, span…) are transparent, so ``<em>x</em>"`` closes.
- ``--`` and ``---`` become an em dash, ``...`` and ``. . .`` an ellipsis,
  `` &amp; `` a ``<span class="amp">``.
- Web addresses (``scheme://`` up to white space) and e-mail addresses
  are left exactly as written.
- The last two words of a p, h1–h6, li, dt or dd are joined by a no-break
  space, even when closing inline tags follow the last word.
- Typesetting typeset text changes nothing.
"""

from __future__ import annotations

import re
from html import unescape

from vietnamese.text import HTML_TOKEN

_TAG_NAME = re.compile(r"<(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
_SKIP = frozenset({"pre", "code", "kbd", "samp", "script", "style", "math", "textarea"})
# A quote right after one of these starts afresh, as at the start of a text.
_BLOCKS = frozenset(
    """address article aside blockquote body br caption center dd details dialog
    div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header
    hgroup hr html legend li main nav noscript ol option p pre script section
    style summary table tbody td template textarea tfoot th thead title tr ul""".split()
)
# Blocks whose last word is kept with the one before, and the inline tags
# that may close after that word.
_WIDONT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"})
_WIDONT_INLINE = frozenset({"a", "em", "span", "strong", "i", "b", "abbr", "mark"})

_QUOTE = re.compile("[\"'“”‘’]")
# A quote after one of these (or white space) opens, unless no word follows.
_OPENS_AFTER = frozenset("([{“‘«—–-/")
# A quote before one of these (or white space, or the end) begins no quotation.
_NO_WORD_AFTER = frozenset(".,;:!?)]}…”’»")
_ENTITY_BEFORE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);\Z")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
# A web address runs to white space (a ' in it only when more follows); an
# e-mail address is what most mail clients would recognise.
_ADDRESS = re.compile(
    r"""(?<![a-zA-Z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]*+://(?:[^\s<>"'“”‘’]|'(?=[^\s<>"'“”‘’]))+"""
    r"""|(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+"""
)
_DASH = re.compile(r"(?<!-)-{2,3}(?!-)")
_ELLIPSIS = re.compile(r"\.\.\.|\. \. \.")
_AMP = re.compile(r"(\s)&amp;(\s)")
# The last two words of a run of text (searched only near its end).
_LAST_TWO = re.compile(r"([^<>\s])[ \t]+(\S+\s*)\Z")
_LAST_TWO_TEXT = re.compile(r"(\S)[ \t]+(\S+\s*)\Z")
_NBSP_ENTITY = re.compile(r"&(?:nbsp|#160|#[xX]0*[aA]0);")
_WIDONT_REACH = 160


def _char_before(text: str, index: int, before: str, done: dict[int, str]) -> str:
    """The character shown just before text[index] (an entity decoded)."""
    if index == 0:
        return before
    char = done.get(index - 1) or text[index - 1]
    if char == ";":
        entity = _ENTITY_BEFORE.search(text, max(0, index - 12), index)
        if entity:
            return unescape(entity.group())
    return char


def _first_char(text: str, index: int) -> str:
    char = text[index]
    if char == "&":
        entity = _ENTITY.match(text, index)
        if entity:
            return unescape(entity.group())
    return char


def _char_after_part(parts: list[str] | None, index: int) -> str:
    """The first character shown after parts[index], looking through inline
    tags; a space at the end of a block or of the document."""
    if parts is None:
        return " "
    for following in range(index + 1, len(parts)):
        part = parts[following]
        if following % 2:
            name = _TAG_NAME.match(part)
            if name and name.group(2).lower() in _BLOCKS:
                return " "
        elif part:
            return _first_char(part, 0)
    return " "


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in spans)


def _quotes(
    text: str,
    before: str,
    depth: list[int],
    spans: list[tuple[int, int]] | None,
    parts: list[str] | None,
    index: int,
) -> str:
    """Curly quotes for the straight ones in `text`; `depth` counts the open
    double and single quotes of the block and is updated."""
    done: dict[int, str] = {}
    for match in _QUOTE.finditer(text):
        at = match.start()
        quote = match.group()
        kind = 0 if quote in '"“”' else 1
        if quote in "“‘":
            depth[kind] += 1
            continue
        if spans and _inside(at, spans):
            continue
        prev = _char_before(text, at, before, done)
        nxt = _first_char(text, at + 1) if at + 1 < len(text) else _char_after_part(parts, index)
        if quote in "”’":
            if depth[kind] and not (prev.isalnum() and nxt.isalnum()):
                depth[kind] -= 1
            continue
        if not (prev.isspace() or prev in _OPENS_AFTER):
            opens = False  # after a word or a closing mark
        elif nxt.isspace() or nxt in _NO_WORD_AFTER:
            opens = depth[kind] == 0  # alone between spaces: pairs with an open one
        else:
            opens = True  # a word follows
        if opens:
            depth[kind] += 1
            done[at] = "“" if kind == 0 else "‘"
        else:
            if depth[kind] and not (prev.isalnum() and nxt.isalnum()):  # not an apostrophe
                depth[kind] -= 1
            done[at] = "”" if kind == 0 else "’"
    if not done:
        return text
    chars = list(text)
    for at, char in done.items():
        chars[at] = char
    return "".join(chars)


def _marks(text: str, html: bool) -> str:
    if "--" in text:
        text = _DASH.sub("—", text)
    if "..." in text or ". ." in text:
        text = _ELLIPSIS.sub("…", text)
    if html and "&amp;" in text:
        text = _AMP.sub(r'\1<span class="amp">&amp;</span>\2', text)
    return text


def _text(
    text: str,
    before: str,
    depth: list[int],
    html: bool = True,
    parts: list[str] | None = None,
    index: int = 0,
) -> str:
    if html and "&quot;" in text:
        text = text.replace("&quot;", '"')
    spans = None
    if "@" in text or "://" in text:
        spans = [match.span() for match in _ADDRESS.finditer(text)]
    if _QUOTE.search(text):
        text = _quotes(text, before, depth, spans, parts, index)
    if not spans:
        return _marks(text, html)
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(_marks(text[last:start], html))
        pieces.append(text[start:end])
        last = end
    pieces.append(_marks(text[last:], html))
    return "".join(pieces)


def _widont(parts: list[str], index: int) -> None:
    """Join the last two words before the closing block tag parts[index]."""
    at = index - 1
    while at >= 0:
        part = parts[at]
        if at % 2:  # only closing inline tags may follow the last word
            name = _TAG_NAME.match(part)
            if not (name and name.group(1) and name.group(2).lower() in _WIDONT_INLINE):
                return
        elif part and not part.isspace():
            break
        at -= 1
    else:
        return
    text = parts[at]
    words = _LAST_TWO.search(text, max(0, len(text) - _WIDONT_REACH))
    if words is None or ("&" in words.group(2) and _NBSP_ENTITY.search(words.group(2))):
        return  # one word, or joined already
    parts[at] = f"{text[: words.start()]}{words.group(1)}&nbsp;{words.group(2)}"


def typeset(html: str) -> str:
    """Typeset rendered HTML (see the module's docstring for the rules)."""
    parts = HTML_TOKEN.split(html)
    skipping = 0
    before = " "  # the first text starts a block
    depth = [0, 0]  # open double and single quotes in the block
    for index, part in enumerate(parts):
        if index % 2:  # a tag or a comment
            tag = _TAG_NAME.match(part)
            if not tag:
                continue
            closing, name = tag.groups()
            name = name.lower()
            if name in _SKIP and not part.endswith("/>"):
                skipping = max(0, skipping + (-1 if closing else 1))
            if name in _BLOCKS:
                before = " "
                if name != "br":
                    depth[0] = depth[1] = 0
                if closing and name in _WIDONT_BLOCKS and not skipping:
                    _widont(parts, index)
            continue
        if not part:
            continue
        if not skipping:
            part = parts[index] = _text(part, before, depth, True, parts, index)
        before = _char_before(part, len(part), before, {})
    return "".join(parts)


def typeset_inline(text: str) -> str:
    """Typeset a title given as plain text, not wrapped in any block tag:
    curly quotes, dashes and ellipses as `typeset` makes them, and the last
    two words joined, like the last line of a paragraph.

    The result is text, never markup, for a title also goes where markup is
    shown as text (<title>, meta tags, feeds): the no-break space is the
    character U+00A0, not ``&nbsp;``, and " & " is not wrapped in a span.
    Text escaped for HTML (``html.escape``) may be given too: its entities
    are left as they are. Typesetting the result again changes nothing.
    """
    text = _text(text, " ", [0, 0], html=False)
    words = _LAST_TWO_TEXT.search(text, max(0, len(text) - _WIDONT_REACH))
    if words is None:
        return text
    return f"{text[: words.start()]}{words.group(1)}\u00a0{words.group(2)}"
