"""The search in Python: the same algorithm as microsite-search.js, on the whole index.

Used only by the tests (tests/test_search_parity.py and test_search_shards.py compare it with the
browser's search on the shards); the build does not stem or search, so it is not part of the package.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from microsite.search.shards import DIGITS, MANIFEST
from microsite.search.text import tokenize


def stem(word: str, rules: dict[str, Any]) -> str:
    """`word` is already normalised. Same algorithm as `stem` in microsite-search.js."""
    min_stem = int(rules["min_stem"])
    for suffix in rules["suffixes"]:  # sorted longest first by `stemmer_rules`
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: -len(suffix)]
    return word


def search(index: dict[str, Any], query: str, prefix: bool = True) -> list[dict[str, Any]]:
    """Pages that contain every query word (in any of its forms), best first.

    Each word matches the words of the index with the same stem; the last word also matches as a
    prefix (the reader is still typing), at a lower weight.
    """
    rules = index["stemmer"]
    by_stem: dict[str, list[str]] = {}
    for word in index["terms"]:
        by_stem.setdefault(stem(word, rules), []).append(word)
    words = tokenize(query)
    if not words:
        return []
    n_sections = max(1, len(index["sections"]))
    page_scores: dict[int, float] = {}
    page_best: dict[int, tuple[float, int]] = {}
    matched_pages: set[int] | None = None
    for i, qword in enumerate(words):
        variants: dict[str, float] = {w: 1.0 for w in by_stem.get(stem(qword, rules), [])}
        if prefix and i == len(words) - 1 and len(qword) >= 2:
            for w in index["terms"]:
                if w.startswith(qword) and w not in variants:
                    variants[w] = 0.5
        section_scores: dict[int, float] = {}
        for w, factor in variants.items():
            plist = index["terms"][w]
            idf = 1.0 + _log(n_sections / (len(plist) // 2))
            for j in range(0, len(plist), 2):
                s = plist[j]
                score = factor * idf * plist[j + 1]
                section_scores[s] = max(section_scores.get(s, 0.0), score)
        pages_here: dict[int, float] = {}
        for s, score in section_scores.items():
            p = index["sections"][s][0]
            pages_here[p] = max(pages_here.get(p, 0.0), score)
            if score > page_best.get(p, (0.0, -1))[0]:
                page_best[p] = (score, s)
        for p, score in pages_here.items():
            page_scores[p] = page_scores.get(p, 0.0) + score
        matched_pages = set(pages_here) if matched_pages is None else matched_pages & set(pages_here)
    results = []
    for p in matched_pages or set():
        url, title = index["pages"][p]
        s = page_best[p][1]
        results.append(
            {"url": url, "title": title, "section": s, "anchor": index["sections"][s][1], "score": page_scores[p]}
        )
    results.sort(key=lambda r: (-r["score"], r["url"]))
    return results


def _log(x: float) -> float:
    return math.log(x) if x > 0 else 0.0


# --- reading the shards back (the tests check that they hold exactly the whole index) --------------


def decode_numbers(text: str) -> list[int]:
    """The inverse of shards.encode_numbers, as `decode` in microsite-search.js."""
    out: list[int] = []
    n = 0
    for ch in text:
        digit = DIGITS.index(ch)
        if digit >= 32:
            n = n * 32 + digit - 32
        else:
            out.append(n * 32 + digit)
            n = 0
    return out


def decode_postings(text: str) -> list[int]:
    """The inverse of shards.encode_postings, as `postings` in microsite-search.js."""
    numbers = iter(decode_numbers(text))
    out: list[int] = []
    section = 0
    for number in numbers:
        section += number // 2
        out += [section, next(numbers) if number % 2 else 1]
    return out


def read_index(folder: Path) -> dict[str, Any]:
    """The whole index again, from the files in `folder` (`/<lang>/search-index/`)."""
    files: dict[str, Any] = {}
    for path in folder.glob("*.js"):
        call = path.read_text(encoding="utf-8")
        prefix = "micrositeSearch.shard("
        assert call.startswith(prefix) and call.endswith(");\n"), path
        _lang, name, data = json.loads("[" + call[len(prefix) : -3] + "]")
        assert name == path.stem, path
        files[name] = data
    manifest = files[MANIFEST]
    pages: list[list[str]] = [[]] * len(decode_numbers(manifest["pages"]))
    sections: list[list[Any]] = []
    page_of = [p for p, count in enumerate(decode_numbers(manifest["pages"])) for _ in range(count)]
    for i, _ in enumerate(decode_numbers(manifest["docs"])):
        shard = files[f"d{i}"]
        for key, page in shard["pages"].items():
            pages[int(key)] = page
        for anchor, heading, text in shard["sections"]:
            sections.append([page_of[len(sections)], anchor, heading, text])
    terms: dict[str, list[int]] = {}
    for i in range(len(manifest["terms"])):
        for word, encoded in files[f"t{i}"].items():
            terms[word] = decode_postings(encoded)
    return {
        "version": manifest["version"],
        "lang": manifest["lang"],
        "stemmer": manifest["stemmer"],
        "pages": pages,
        "sections": sections,
        "terms": dict(sorted(terms.items())),
    }
