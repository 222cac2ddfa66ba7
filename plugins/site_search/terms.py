"""The folded terms of a text, as the site search indexes them."""

from __future__ import annotations

from collections import Counter

from vietnamese.text import SEARCH_STOPWORDS, search_fold, search_words

BODY, BODY_REPEATED = 1, 2  # a body term; one that occurs three times or more


def body_terms(text: str) -> dict[str, int]:
    """Each folded term of a body (stopwords left out) with its weight:
    BODY, or BODY_REPEATED when it occurs three times or more."""
    counts = Counter(search_fold(w) for w in search_words(text) if w not in SEARCH_STOPWORDS)
    return {term: BODY_REPEATED if count >= 3 else BODY for term, count in counts.items()}
