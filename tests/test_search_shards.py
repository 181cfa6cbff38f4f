"""The index of a 1000-project site in every language, cut into shards: each shard is small, a reader's
first query downloads at most 150 kB (manifest included) and each further query at most 50 kB, and the
browser's search on the shards ranks exactly as the Python reference on the whole index.

The site is bench/synthetic.py's records turned into search pages without a build (search_synthetic.py);
the browser side is microsite-search.js in node, loading shard files as the page's script loader does.
"""

from __future__ import annotations

from typing import Any

import pytest

from microsite.languages import LANGUAGES
from microsite.search import shards
from microsite.search.index import build_index

from . import search_reference as reference
from .search_node import run_search_js
from .search_synthetic import synthetic_pages

PROJECTS = 1000
FIRST_QUERY_BYTES = 150_000
FURTHER_QUERY_BYTES = 50_000
SHOWN = 10  # results the search box shows, whose document shards it loads

RUNNER = """
(async () => {
  const index = new s.Index(load);
  const out = [];
  for (const q of input.queries) {  // one reader, one page: the cache carries over
    const results = await index.search(q);
    const shown = await index.describe(results.slice(0, input.shown));
    out.push({query: q, loaded: loaded, ranking: results.map(r => [r.page, r.section, Math.round(r.score * 1e6)]),
              shown: shown.map(r => [r.url, r.anchor])});
    loaded = [];
  }
  process.stdout.write(JSON.stringify(out));
})();
"""


@pytest.fixture(scope="module", params=LANGUAGES)
def synthetic_index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    lang = request.param
    index = build_index(synthetic_pages(PROJECTS, lang), lang)
    folder = tmp_path_factory.mktemp(f"shards-{lang}")
    sizes = shards.write_index(folder, index)
    return lang, index, folder, sizes


def typed(words: list[str]) -> list[str]:
    """What the box is asked while a reader types these words, a keystroke at a time."""
    queries, text = [], ""
    for word in words:
        text += " " if text else ""
        for ch in word:
            text += ch
            queries.append(text)
    return queries


def test_shards_are_small_at_1000_projects(synthetic_index: Any) -> None:
    _, index, _, sizes = synthetic_index
    assert len(index["pages"]) > PROJECTS and len(index["sections"]) > 10 * PROJECTS
    assert sizes["manifest.js"] < 12_000
    files = shards.shard_files(index)
    for name, size in sizes.items():
        data = files[name[:-3]]
        if name.startswith("t") and len(data) > 1:  # a single word's postings cannot be cut
            assert size <= shards.TERM_SHARD_BYTES + 100, name
        if name.startswith("d") and len(data["sections"]) > 1:
            assert size <= shards.DOC_SHARD_BYTES + 100, name
    assert max(sizes.values()) < FURTHER_QUERY_BYTES / 2
    assert sum(sizes.values()) > 20 * FIRST_QUERY_BYTES  # the whole index would not fit a query's budget


def test_queries_download_little_and_rank_as_the_whole_index(synthetic_index: Any) -> None:
    lang, index, folder, sizes = synthetic_index
    words = list(index["terms"])
    by_weight = sorted(words, key=lambda w: -len(index["terms"][w]))
    # the commonest words (their postings are the largest), some typed a keystroke at a time, and rare ones
    queries = [by_weight[0], *typed(by_weight[1:3]), " ".join(by_weight[3:6]), *words[:: max(1, len(words) // 40)]]
    answers = run_search_js(RUNNER, {"folder": str(folder), "lang": lang, "queries": queries, "shown": SHOWN})
    page_no = {url: i for i, (url, _) in enumerate(index["pages"])}
    for i, answer in enumerate(answers):
        downloaded = sum(sizes[f"{name}.js"] for name in answer["loaded"])
        budget = FIRST_QUERY_BYTES if i == 0 else FURTHER_QUERY_BYTES
        assert downloaded <= budget, (answer["query"], [(n, sizes[f"{n}.js"]) for n in answer["loaded"]])
        expected = reference.search(index, answer["query"])
        ranking = [[page_no[r["url"]], r["section"], round(r["score"] * 1e6)] for r in expected]
        assert answer["ranking"] == ranking, answer["query"]
        assert answer["shown"] == [[r["url"], r["anchor"]] for r in expected[:SHOWN]]
    assert "manifest" in answers[0]["loaded"]
