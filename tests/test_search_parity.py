"""microsite-search.js and search_index.py must agree on every word: folding, words, stems and
search results. Runs the script in node (skipped without node), on the test pages' vocabulary plus
tricky strings, and on the whole vocabulary of the real site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import microsite.search_index as b

from .conftest import REPO

SEARCH_JS = REPO / "overrides" / "assets" / "javascripts" / "microsite-search.js"

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")

RUNNER = """
const fs = require("fs"), vm = require("vm");
vm.runInThisContext(fs.readFileSync(process.argv[1], "utf8"));
const s = globalThis.micrositeSearch;
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {normalise: input.texts.map(s.normalise), tokenize: input.texts.map(s.tokenize), search: {}};
out.stem = input.words.map(w => s.stem(w, input.index.stemmer));
for (const q of input.queries) {
  out.search[q] = s.search(input.index, q).map(r => [r.url, r.anchor, Math.round(r.score * 1e6)]);
}
process.stdout.write(JSON.stringify(out));
"""

TRICKY = [
    "Współpraca ŁÓDŹ ﬁ ß", "ΠΡΟΫΠΟΛΟΓΙΣΜΌΣ ΟΔΟΣ Σ", "Най ѝ Ёж", "ბიუჯეტი „ALDA“ 21-ე",
    "İstanbul café naïve", "x²³ ½ Ⅻ ٣", "emoji 🙂 and 𝐁old", "", "e\u0301 i\u0307",
]  # fmt: skip


def run_js(index: dict[str, Any], texts: list[str], words: list[str], queries: list[str]) -> dict[str, Any]:
    payload = json.dumps({"index": index, "texts": texts, "words": words, "queries": queries})
    done = subprocess.run(
        [str(NODE), "-e", RUNNER, str(SEARCH_JS)],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def check_parity(pages: list[b.Page], lang: str) -> None:
    index = b.build_index(pages, lang)
    texts = TRICKY + [s.heading + " " + s.text for p in pages for s in p.sections]
    words = list(index["terms"])
    queries = ["", "x"] + [w for w in words[::7]] + [" ".join(words[i : i + 2]) for i in range(0, len(words), 23)]
    js = run_js(index, texts, words, queries)
    assert js["normalise"] == [b.normalise(t) for t in texts]
    assert js["tokenize"] == [b.tokenize(t) for t in texts]
    assert js["stem"] == [b.stem(w, index["stemmer"]) for w in words]
    for q in queries:
        py = [[r["url"], r["anchor"], round(r["score"] * 1e6)] for r in b.search(index, q)]
        assert js["search"][q] == py, q


@needs_node
@pytest.mark.parametrize("lang", ["el", "bg", "ka", "pl"])
def test_js_and_python_agree_on_the_test_pages(search_site: Path, lang: str) -> None:
    check_parity(b.site_pages(search_site, lang), lang)


@needs_node
@pytest.mark.parametrize("lang", ["el", "bg", "ka", "pl"])
def test_js_and_python_agree_on_the_real_site(built_site: Path, lang: str) -> None:
    check_parity(b.site_pages(built_site, lang), lang)


def test_search_js_is_ascii() -> None:
    """It must work whatever encoding a page declares (a script inherits the page's)."""
    SEARCH_JS.read_bytes().decode("ascii")
