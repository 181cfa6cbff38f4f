"""microsite-search.js and src/microsite/search/ must agree on every word: folding, words, stems, and the
results of a search. The browser searches the shards (the manifest, then the term and document shards
a query needs); the Python reference searches the whole index at once: same pages, same anchors, same
scores, same order. Runs the script in node, the source and the minified copy the site serves, on
the test pages' vocabulary plus tricky strings, and on the whole vocabulary of the real site cut into
tiny shards (so that every query spans several)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from microsite.search import shards
from microsite.search.built_pages import Page, site_pages
from microsite.search.index import build_index
from microsite.search.minify import SEARCH_SCRIPT, minify_js
from microsite.search.text import normalise, tokenize

from . import search_reference as reference
from .search_node import SEARCH_JS, run_search_js

RUNNER = """
(async () => {
  const index = new s.Index(load);
  const manifest = await index.manifest();
  const out = {normalise: input.texts.map(s.normalise), tokenize: input.texts.map(s.tokenize), search: {}};
  out.stem = input.words.map(w => s.stem(w, manifest.stemmer));
  for (const q of input.queries) {
    const results = await index.describe(await index.search(q));
    out.search[q] = results.map(r => [r.url, r.anchor, Math.round(r.score * 1e6)]);
  }
  out.loaded = loaded;
  process.stdout.write(JSON.stringify(out));
})();
"""

TRICKY = [
    "Współpraca ŁÓDŹ ﬁ ß", "ΠΡΟΫΠΟΛΟΓΙΣΜΌΣ ΟΔΟΣ Σ", "Най ѝ Ёж", "ბიუჯეტი „ALDA“ 21-ე",
    "İstanbul café naïve", "x²³ ½ Ⅻ ٣", "emoji 🙂 and 𝐁old", "", "e\u0301 i\u0307",
]  # fmt: skip


def run_js(script: Path, folder: Path, lang: str, texts: list[str], words: list[str], queries: list[str]) -> Any:
    payload = {"folder": str(folder), "lang": lang, "texts": texts, "words": words, "queries": queries}
    return run_search_js(RUNNER, payload, script)


def check_parity(pages: list[Page], lang: str, folder: Path, script: Path = SEARCH_JS) -> dict[str, Any]:
    index = build_index(pages, lang)
    shards.write_index(folder, index)
    assert reference.read_index(folder) == index  # the shards hold the whole index, nothing else
    texts = TRICKY + [s.heading + " " + s.text for p in pages for s in p.sections]
    words = list(index["terms"])
    queries = ["", "x"] + words[::7] + [" ".join(words[i : i + 2]) for i in range(0, len(words), 23)]
    queries += [w[:2] for w in words[::11]] + [w[:4] for w in words[::13]]  # prefixes being typed
    js = run_js(script, folder, lang, texts, words, queries)
    assert js["normalise"] == [normalise(t) for t in texts]
    assert js["tokenize"] == [tokenize(t) for t in texts]
    assert js["stem"] == [reference.stem(w, index["stemmer"]) for w in words]
    for q in queries:
        python = [[r["url"], r["anchor"], round(r["score"] * 1e6)] for r in reference.search(index, q)]
        assert js["search"][q] == python, q
    return dict(js)


@pytest.mark.parametrize("lang", ["el", "bg", "ka", "pl"])
def test_js_and_python_agree_on_the_test_pages(search_site: Path, tmp_path: Path, lang: str) -> None:
    check_parity(site_pages(search_site, lang), lang, tmp_path / "index")


@pytest.fixture
def tiny_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards of a few hundred bytes: the real site's index in hundreds of them."""
    monkeypatch.setattr(shards, "TERM_SHARD_BYTES", 300)
    monkeypatch.setattr(shards, "DOC_SHARD_BYTES", 300)


@pytest.mark.parametrize("lang", ["el", "bg", "ka", "pl"])
def test_js_on_tiny_shards_and_python_on_the_whole_index_agree_on_the_real_site(
    built_site: Path, tmp_path: Path, tiny_shards: None, lang: str
) -> None:
    folder = tmp_path / "index"
    check_parity(site_pages(built_site, lang), lang, folder)
    names = [path.stem for path in folder.glob("*.js")]
    assert len([n for n in names if n.startswith("t")]) > 20 and len([n for n in names if n.startswith("d")]) > 20


def test_the_minified_script_gives_the_same_results(search_site: Path, tmp_path: Path, tiny_shards: None) -> None:
    minified = tmp_path / "microsite-search.min.js"
    minified.write_text(minify_js(SEARCH_JS.read_text(encoding="ascii")), encoding="ascii")
    assert minified.stat().st_size < 0.7 * SEARCH_JS.stat().st_size
    for lang in ["pl", "ka"]:
        check_parity(site_pages(search_site, lang), lang, tmp_path / lang, script=minified)


def test_the_built_site_serves_the_minified_script_and_the_index_in_shards(built_site: Path) -> None:
    assert (built_site / SEARCH_SCRIPT).read_text(encoding="ascii") == minify_js(SEARCH_JS.read_text(encoding="ascii"))
    for lang in ["el", "bg", "ka", "pl"]:
        assert (built_site / lang / shards.INDEX_FOLDER / "manifest.js").is_file()
        assert not (built_site / lang / "search-index.js").exists()


def test_search_js_is_ascii() -> None:
    """It must work whatever encoding a page declares (a script inherits the page's)."""
    SEARCH_JS.read_bytes().decode("ascii")
