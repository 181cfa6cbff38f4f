"""The index of one language cut into small files that the browser loads when a query needs them.

In `/<lang>/search-index/`:
- `manifest.js`, loaded when the search box is first used: the stemmer, how many sections each page
  has, where each term shard starts (its first word's shortest distinguishing prefix) and how many
  sections each document shard holds. A few kB, however large the site.
- `t<i>.js`, term shards: the words in sorted order cut into runs of about TERM_SHARD_BYTES, each
  word with its postings. A query word needs the one or few shards where its stem's words are.
- `d<i>.js`, document shards: runs of consecutive sections (anchor, heading, snippet) with their
  pages' URL and title, about DOC_SHARD_BYTES each. Only the results shown are fetched.

Every file is a script that hands its data to microsite-search.js (`micrositeSearch.shard(lang, name,
data)`), so the index also loads from a plain folder (file://), where fetch() cannot. Numbers are
written compactly (`encode_numbers`) because postings are most of the bytes: a common word is in
nearly every section.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path
from typing import Any

from ..pages import SEARCH_INDEX
from .built_pages import site_pages
from .index import build_index

# The registry (microsite/pages.py) names the manifest, /pl/search-index/manifest.js; the shards are beside it.
INDEX_FOLDER = posixpath.basename(posixpath.dirname(SEARCH_INDEX.pattern))  # "search-index"
MANIFEST = posixpath.splitext(posixpath.basename(SEARCH_INDEX.pattern))[0]  # "manifest"


def index_folder(lang: str) -> str:
    """The index's folder relative to the site root, as the search box's data-index: "pl/search-index/"."""
    return posixpath.dirname(SEARCH_INDEX.output(lang)) + "/"


# Sizes chosen for the reader's budget at 1000 projects (issue 16: a first query at most 150 kB, each
# further one at most 50 kB; tests/test_search_shards.py): a query word needs one to three term shards,
# and the ten results shown up to ten document shards.
TERM_SHARD_BYTES = 8_000
DOC_SHARD_BYTES = 2_000

# Base-32 digits, most significant first: the upper half of the alphabet marks "more digits follow",
# the lower half ends a number. Small numbers (the usual gap between sections, a weight) take one
# character. The same alphabet is in microsite-search.js (`decode`).
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def encode_numbers(numbers: list[int]) -> str:
    out: list[str] = []
    for n in numbers:
        if n < 0:
            raise ValueError(f"cannot encode a negative number: {n}")
        digits = [DIGITS[n % 32]]
        n //= 32
        while n:
            digits.append(DIGITS[32 + n % 32])
            n //= 32
        out.extend(reversed(digits))
    return "".join(out)


# Encoded postings and sizes of index rows, by their value: the preview's rebuild makes a language's
# whole index again, in which most words and sections are as they were.
_ENCODED: dict[tuple[int, ...], str] = {}
_ROW_SIZES: dict[tuple[str, ...], int] = {}
_CACHE_LIMIT = 500_000


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> Any:
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def encode_postings(postings: list[int]) -> str:
    key = tuple(postings)
    found = _ENCODED.get(key)
    return found if found is not None else _remember(_ENCODED, key, _encode_postings(postings))


def _encode_postings(postings: list[int]) -> str:
    """[section, weight, section, weight, …] (sections ascending) as numbers: twice the gap since the
    previous section, plus one when the weight is not 1 and follows (most words are in a section once,
    so a posting is mostly a single character)."""
    out: list[int] = []
    previous = 0
    for i in range(0, len(postings), 2):
        gap, weight = postings[i] - previous, postings[i + 1]
        out += [2 * gap] if weight == 1 else [2 * gap + 1, weight]
        previous = postings[i]
    return encode_numbers(out)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _size(data: Any) -> int:
    return len(_json(data).encode("utf-8"))


def _row_size(anchor: str, heading: str, text: str) -> int:
    key = (anchor, heading, text)
    found = _ROW_SIZES.get(key)
    return found if found is not None else int(_remember(_ROW_SIZES, key, _size([anchor, heading, text])))


def shard_script(lang: str, name: str, data: Any) -> str:
    return f"micrositeSearch.shard({_json(lang)},{_json(name)},{_json(data)});\n"


def _distinguishing_prefix(previous: str, word: str) -> str:
    """The shortest start of `word` that sorts after `previous` (which sorts before `word`)."""
    for end in range(1, len(word) + 1):
        if word[:end] > previous:
            return word[:end]
    return word


def term_shards(terms: dict[str, list[int]]) -> tuple[list[str], list[dict[str, str]]]:
    """The words (sorted) cut into runs of about TERM_SHARD_BYTES: (first key of each run, runs).

    Run i holds the words w with keys[i] <= w < keys[i + 1] (code-point order), so the browser finds the
    runs holding the words that start with a prefix by comparing with the keys alone.
    """
    keys: list[str] = []
    shards: list[dict[str, str]] = []
    current: dict[str, str] = {}
    size = 0
    previous = ""
    for word in sorted(terms):
        encoded = encode_postings(terms[word])
        entry = len(word.encode("utf-8")) + len(encoded) + 6  # quotes, colon, comma
        if current and size + entry > TERM_SHARD_BYTES:
            shards.append(current)
            current, size = {}, 0
        if not current:
            keys.append(_distinguishing_prefix(previous, word) if shards else "")
        current[word] = encoded
        size += entry
        previous = word
    if current or not shards:
        shards.append(current)
        if not keys:
            keys.append("")
    return keys, shards


def doc_shards(index: dict[str, Any]) -> list[dict[str, Any]]:
    """Consecutive sections in runs of about DOC_SHARD_BYTES (at least one each), with their pages."""
    shards: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    size = 0
    page_costs: dict[int, int] = {}
    for page_no, anchor, heading, text in index["sections"]:
        row, key = [anchor, heading, text], str(page_no)
        cost = _row_size(anchor, heading, text) + 1
        if page_no not in page_costs:
            page_costs[page_no] = _size(index["pages"][page_no]) + len(key) + 4
        page_cost = page_costs[page_no]
        if current and size + cost + (0 if key in current["pages"] else page_cost) > DOC_SHARD_BYTES:
            shards.append(current)
            current = None
        if current is None:
            current, size = {"pages": {}, "sections": []}, 0
        if key not in current["pages"]:
            current["pages"][key] = index["pages"][page_no]
            size += page_cost
        current["sections"].append(row)
        size += cost
    return shards + ([current] if current else [])


def shard_files(index: dict[str, Any]) -> dict[str, Any]:
    """{file name without .js: data} for one language's index."""
    keys, terms = term_shards(index["terms"])
    docs = doc_shards(index)
    sections_per_page = [0] * len(index["pages"])
    for page_no, *_ in index["sections"]:
        sections_per_page[page_no] += 1
    manifest = {
        "version": index["version"],
        "lang": index["lang"],
        "stemmer": index["stemmer"],
        "sections": len(index["sections"]),
        "pages": encode_numbers(sections_per_page),
        "docs": encode_numbers([len(shard["sections"]) for shard in docs]),
        "terms": keys,
    }
    files: dict[str, Any] = {MANIFEST: manifest}
    files.update({f"t{i}": shard for i, shard in enumerate(terms)})
    files.update({f"d{i}": shard for i, shard in enumerate(docs)})
    return files


def write_index(folder: Path, index: dict[str, Any]) -> dict[str, int]:
    """Make `folder` hold exactly the index's files; returns {file name: bytes}. Files already there
    with the same bytes are left alone (a preview's rebuild changes only a few shards)."""
    if folder.is_file() or folder.is_symlink():
        folder.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, data in shard_files(index).items():
        script, target = shard_script(index["lang"], name, data).encode("utf-8"), folder / f"{name}.js"
        if not (target.is_file() and target.read_bytes() == script):
            target.write_bytes(script)
        sizes[target.name] = len(script)
    for path in folder.iterdir():
        if path.name not in sizes:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return sizes


def write_site_indexes(
    site_dir: Path, languages: list[str], cache: dict[str, Any] | None = None
) -> dict[str, dict[str, int]]:
    """Write /<lang>/search-index/ for every language; returns {lang: {file name: bytes}}.
    `cache`: the pages read at an earlier build (built_pages.site_pages), to read only those changed."""
    return {
        lang: write_index(site_dir / index_folder(lang), build_index(site_pages(site_dir, lang, cache), lang))
        for lang in languages
    }


def main() -> None:  # python -m microsite.search.shards SITE_DIR [lang …]
    import sys

    site_dir = Path(sys.argv[1])
    for lang, sizes in write_site_indexes(site_dir, sys.argv[2:] or ["el", "bg", "ka", "pl"]).items():
        terms = [n for name, n in sizes.items() if name.startswith("t")]
        docs = [n for name, n in sizes.items() if name.startswith("d")]
        print(
            f"{lang}: manifest {sizes['manifest.js']} bytes; {len(terms)} term shards, largest {max(terms)};"
            f" {len(docs)} document shards, largest {max(docs, default=0)}; {sum(sizes.values())} bytes in all"
        )


if __name__ == "__main__":
    main()
