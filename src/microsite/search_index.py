"""Per-language search index for the built site: one file per language section, read by microsite-search.js.

Pure functions (text in, data out) plus one function that walks a built site. No MkDocs import:
the hook only has to call `write_site_indexes(site_dir, languages)` after the last language build.

The same normalisation, tokenisation and stemming run in the browser (microsite-search.js) on the query.
The stemmer is data (a suffix list per language, shipped inside the index), so the browser and the
build cannot disagree about it; tests/test_search_parity.py checks the two implementations on the
whole vocabulary of the real site with node.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

INDEX_FILE = "search-index.js"  # in each language folder: /pl/search-index.js
INDEX_VERSION = 1

# --- normalisation --------------------------------------------------------------------------------

# Letters with no Unicode decomposition that readers type without their stroke; Greek final sigma.
_EXTRA_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "ς": "σ", "ı": "i"})
_BREVE = "\u0306"


def normalise(text: str) -> str:
    """Lowercase and drop accents and diacritics: ą→a, ł→l, ύ/ϋ→υ, ς→σ, ѝ→и (but Cyrillic й stays й).

    Same steps as `normalise` in microsite-search.js: lowercase, NFKD, drop every combining mark except the
    breve of a Cyrillic letter, NFC, then the few letters that have no decomposition.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    out: list[str] = []
    for i, ch in enumerate(decomposed):
        if unicodedata.category(ch).startswith("M"):
            keep = ch == _BREVE and i > 0 and unicodedata.name(decomposed[i - 1], "").startswith("CYRILLIC")
            if not keep:
                continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).translate(_EXTRA_FOLDS)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


def tokenize(text: str) -> list[str]:
    """Normalised words: runs of letters and digits (Unicode L and N). Georgian words stay whole."""
    return [word for chunk in text.split() for word in _chunk_words(chunk)]


@functools.lru_cache(maxsize=100_000)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    # Text is normalised a whitespace-separated chunk at a time, each distinct chunk once: a site
    # repeats its words thousands of times. The same as normalising the whole text first, since
    # normalisation never joins or splits across whitespace.
    words: list[str] = []
    current: list[str] = []
    for ch in normalise(chunk) + " ":
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    return tuple(words)


# --- stemming -------------------------------------------------------------------------------------

# Light suffix stripping, applied once, longest suffix first, keeping at least `min_stem` letters.
# (Bulgarian has no bare "-та/-то/-те": бюджета would lose its т; the articles after a vowel are
# covered by "-ата", "-ото", "-ето", "-ите".)
# Suffixes are written normalised (no accents, σ for ς). They conflate the common noun and adjective
# forms (cases, number, the Bulgarian article); they do not try to be a morphological analyser.
STEMMERS: dict[str, dict[str, Any]] = {
    "pl": {
        "min_stem": 3,
        "suffixes": [
            "iami", "iach", "iego", "iemu", "owie",
            "ami", "ach", "ego", "emu", "ymi", "imi", "ych", "ich", "iej", "iem", "iom", "owi",
            "ow", "om", "em", "ej", "ym", "im", "ie", "ia", "iu",
            "a", "e", "i", "y", "o", "u",
        ],
    },
    "bg": {
        "min_stem": 3,
        "suffixes": [
            "ищата", "овете",
            "ията", "ието",
            "ият", "ите", "ата", "ото", "ето", "ове", "ища",
            "ът", "ят", "ия", "ие", "ии",
            "а", "я", "о", "е", "и",
        ],
    },
    "el": {
        "min_stem": 3,
        "suffixes": [
            "ατων", "ατοσ",
            "ιεσ", "ιων", "ιασ", "ιου", "εων", "εισ", "ουσ", "ουν", "ατα",
            "οσ", "ου", "οι", "ων", "ησ", "εσ", "ασ", "ια", "ιο", "ει",
            "α", "ε", "η", "ι", "ο", "υ", "ω",
        ],
    },
    "ka": {
        "min_stem": 4,
        "suffixes": [
            "ებისთვის", "ისთვის", "ებიდან", "ებისა", "ებთან",
            "ების", "ებში", "ებზე", "ებით", "ებმა", "იდან", "თვის",
            "ები", "ებს", "ისა",
            "ში", "ზე", "თან", "ით", "ის", "ად", "მა",
            "ს", "ი", "ო",
        ],
    },
}  # fmt: skip


def stem(word: str, rules: dict[str, Any]) -> str:
    """`word` is already normalised. Same algorithm as `stem` in microsite-search.js."""
    min_stem = int(rules["min_stem"])
    for suffix in rules["suffixes"]:  # sorted longest first by `stemmer_rules`
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: -len(suffix)]
    return word


def stemmer_rules(lang: str) -> dict[str, Any]:
    rules = STEMMERS.get(lang, {"min_stem": 3, "suffixes": []})
    suffixes = sorted({normalise(s) for s in rules["suffixes"]}, key=lambda s: (-len(s), s))
    return {"min_stem": rules["min_stem"], "suffixes": suffixes}


# --- reading a built page -------------------------------------------------------------------------


@dataclass
class Section:
    anchor: str  # id of the heading ("" for the text before the first heading)
    heading: str
    text: str


@dataclass
class Page:
    url: str  # relative to the language folder: "projects/avatar.html"
    lang: str  # <html lang>
    title: str  # the page's h1, else <title>
    sections: list[Section] = field(default_factory=list)


_SKIP = {"script", "style", "template", "noscript", "svg", "button"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _PageParser(HTMLParser):
    """Keeps the text of Material's article (`<article class="md-content__inner">`), split at h1–h3."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.sections: list[Section] = [Section("", "", "")]
        self._in_title = False
        self._article_depth = 0  # element depth inside the article, 0 = outside
        self._skip_depth = 0
        self._heading: str | None = None  # tag of the heading being read
        self._buf: list[str] = []
        self._no_index = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = (a.get("lang") or "").strip()
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and (a.get("name") or "").lower() == "robots" and "noindex" in (a.get("content") or ""):
            self._no_index = True
        if self._article_depth == 0:
            if tag == "article" and "md-content__inner" in (a.get("class") or "").split():
                self._article_depth = 1
            return
        if tag in _VOID:
            if tag in ("br", "hr") and not self._skip_depth:
                self._buf.append(" ")
            return
        self._article_depth += 1
        if self._skip_depth or tag in _SKIP or "headerlink" in (a.get("class") or "").split():
            self._skip_depth += 1
            return
        if tag in ("h1", "h2", "h3") and self._heading is None:
            self._flush()
            self._heading = tag
            # a hit in the page title links to the page itself, not to its h1
            anchor = "" if tag == "h1" else (a.get("id") or "")
            self.sections.append(Section(anchor, "", ""))
        elif tag in ("p", "li", "dt", "dd", "td", "th", "div", "br", "tr", "blockquote", "h4", "h5", "h6"):
            self._buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._article_depth == 0 or tag in _VOID:
            return
        self._article_depth -= 1
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if self._heading == tag:
            self.sections[-1].heading = _squash("".join(self._buf))
            self._buf = []
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._article_depth and not self._skip_depth:
            self._buf.append(data)

    def _flush(self) -> None:
        self.sections[-1].text = _squash(self.sections[-1].text + " " + "".join(self._buf))
        self._buf = []

    def close(self) -> None:
        super().close()
        self._flush()


def _head_and_article(html: str) -> str:
    """Only the head (language, title, robots) and the article are read: the header, navigation and
    footer are half of a page and hold nothing to index."""
    body = html.find("<body")
    start = html.find('<article class="md-content__inner', max(body, 0))
    end = html.rfind("</article>")
    if body < 0 or start < 0 or end < start:
        return html
    return html[:body] + html[start : end + len("</article>")]


def _squash(text: str) -> str:
    return " ".join(text.split())


def parse_page(html: str, url: str) -> Page | None:
    """The searchable parts of one built page, or None for a page that is not to be indexed."""
    parser = _PageParser()
    parser.feed(_head_and_article(html))
    parser.close()
    if parser._no_index:
        return None
    sections = [s for s in parser.sections if s.heading or s.text]
    title = next((s.heading for s in sections if s.heading), "") or _squash(parser.title)
    return Page(url=url, lang=parser.lang, title=title, sections=sections)


# --- the index ------------------------------------------------------------------------------------

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
            weights: Counter[str] = Counter(tokenize(section.text))
            for word in tokenize(section.heading):
                weights[word] += HEADING_WEIGHT
            for word, weight in sorted(weights.items()):
                postings.setdefault(word, []).extend((section_no, weight))
    return {
        "version": INDEX_VERSION,
        "lang": lang,
        "stemmer": stemmer_rules(lang),
        "pages": page_rows,
        "sections": section_rows,
        "terms": dict(sorted(postings.items())),
    }


def index_script(index: dict[str, Any]) -> str:
    """The index as a script, so that it also loads from a plain folder (file://), where fetch() cannot."""
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return f"window.micrositeSearchIndex={payload};\n"


def site_pages(site_dir: Path, lang: str) -> list[Page]:
    pages = []
    root = site_dir / lang
    for path in sorted(root.rglob("*.html")):
        page = parse_page(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
        if page is not None:
            pages.append(page)
    return pages


def write_site_indexes(site_dir: Path, languages: list[str]) -> dict[str, int]:
    """Write /<lang>/search-index.js for every language; returns {lang: bytes}."""
    sizes = {}
    for lang in languages:
        data = index_script(build_index(site_pages(site_dir, lang), lang)).encode("utf-8")
        (site_dir / lang / INDEX_FILE).write_bytes(data)
        sizes[lang] = len(data)
    return sizes


# --- the reference search (the same algorithm as microsite-search.js; used by the tests) ---------------------


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
        results.append({"url": url, "title": title, "anchor": index["sections"][s][1], "score": page_scores[p]})
    results.sort(key=lambda r: (-r["score"], r["url"]))
    return results


def _log(x: float) -> float:
    return math.log(x) if x > 0 else 0.0


def main() -> None:  # python -m microsite.search_index SITE_DIR [lang …]
    import sys

    site_dir = Path(sys.argv[1])
    languages = sys.argv[2:] or ["el", "bg", "ka", "pl"]
    for lang, raw in write_site_indexes(site_dir, languages).items():
        gz = len(gzip.compress((site_dir / lang / INDEX_FILE).read_bytes(), 9))
        print(f"{lang}: {site_dir / lang / INDEX_FILE} {raw} bytes, {gz} gzip")


if __name__ == "__main__":
    main()
