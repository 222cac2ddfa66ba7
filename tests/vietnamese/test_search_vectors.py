"""The Python half of the shared folding vectors (the JavaScript half runs in
tests/procedure_search/test_search_browser.py)."""

import json
from pathlib import Path

import pytest

from vietnamese import text

VECTORS = json.loads((Path(__file__).with_name("search_vectors.json")).read_text(encoding="utf-8"))[
    "vectors"
]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["text"][:24] for v in VECTORS])
def test_python_folds_as_the_vectors_say(vector):
    words = text.search_words(vector["text"])
    assert words == vector["words"]
    assert text.search_tokens(vector["text"]) == vector["tokens"]
    assert [text.diacritic_key(w) for w in words] == vector["keys"]


def test_vectors_cover_the_hard_cases():
    tokens = {tuple(v["tokens"]) for v in VECTORS}
    assert ("dang", "ki", "khai", "sinh") in tokens  # đ and i/y
    assert ("hoa", "giai") in tokens  # tone placement
    keys = {k for v in VECTORS for k in v["keys"]}
    # đường and dương fold alike but keep different marks
    assert "duong:đ\u0300\u031b\u031b" in keys and "duong:\u031b\u031b" in keys
