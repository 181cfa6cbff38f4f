"""The whole search index of one language, as data: pages, sections with their snippet, and postings.

This is the logical index; shards.py cuts it into the files the browser loads on demand.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .built_pages import Page
from .text import stemmer_rules, tokenize

INDEX_VERSION = 2

HEADING_WEIGHT = 5  # a word in a section heading counts as five in its text
# The index keeps only the start of each section's text, for the result's snippet: every word is
# still searchable (the postings), but the file stays a fraction of the site's text. Whole texts
# made the index a quarter of a 1000-project site (bench/results.md).
SNIPPET_CHARS = 240


def snippet_text(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of `text`, cut at a word boundary, with "…" when something was cut."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > 0 else limit] + " …"


# Each section's words, by its text and heading: the preview's rebuild reads a few pages anew, but
# makes the language's whole index again; only new texts are split into words.
_WEIGHTS: dict[tuple[str, str], list[tuple[str, int]]] = {}
_WEIGHTS_LIMIT = 200_000


def section_weights(text: str, heading: str) -> list[tuple[str, int]]:
    """A section's words (sorted) with their weight: each time in the text, HEADING_WEIGHT in the heading."""
    key = (text, heading)
    found = _WEIGHTS.get(key)
    if found is None:
        weights: Counter[str] = Counter(tokenize(text))
        for word in tokenize(heading):
            weights[word] += HEADING_WEIGHT
        if len(_WEIGHTS) > _WEIGHTS_LIMIT:
            _WEIGHTS.clear()
        found = _WEIGHTS[key] = sorted(weights.items())
    return found


def build_index(pages: list[Page], lang: str) -> dict[str, Any]:
    """The index of one language: pages, sections (with the start of their text, for snippets) and postings.

    `terms` maps each normalised word to a flat list [section, weight, section, weight, …]; the
    browser groups words by stem itself (the stemmer travels in the index), so the index stays a
    plain word list and prefix search ("wspol…") works on whole words.
    """
    page_rows: list[list[str]] = []
    section_rows: list[list[Any]] = []
    postings: dict[str, list[int]] = {}
    for page in sorted((p for p in pages if p.lang == lang), key=lambda p: p.url):
        page_no = len(page_rows)
        page_rows.append([page.url, page.title])
        for section in page.sections:
            section_no = len(section_rows)
            section_rows.append([page_no, section.anchor, section.heading, snippet_text(section.text)])
            for word, weight in section_weights(section.text, section.heading):
                postings.setdefault(word, []).extend((section_no, weight))
    return {
        "version": INDEX_VERSION,
        "lang": lang,
        "stemmer": stemmer_rules(lang),
        "pages": page_rows,
        "sections": section_rows,
        "terms": dict(sorted(postings.items())),
    }
