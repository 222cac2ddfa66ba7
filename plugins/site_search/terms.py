"""The folded terms of a text, as the site search indexes them."""

from __future__ import annotations

from collections import Counter

from vietnamese.text import SEARCH_STOPWORDS, search_fold, search_words


def body_terms(text: str) -> dict[str, int]:
    """Each folded term of a body (stopwords left out) and its count."""
    return dict(Counter(search_fold(w) for w in search_words(text) if w not in SEARCH_STOPWORDS))
