"""The index builder's pure functions: folding, words, stems, pages, the per-language index, its shards,
and the Python reference search."""

from __future__ import annotations

from pathlib import Path

import pytest

from microsite.search import shards
from microsite.search.built_pages import Page, Section, parse_page, site_pages
from microsite.search.index import SNIPPET_CHARS, build_index, snippet_text
from microsite.search.text import _is_word_char, normalise, stemmer_rules, tokenize

from . import search_reference as reference
from .search_pages import TEXTS
from .search_reference import search, stem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Współpraca", "wspolpraca"),
        ("Marszałkowski ŁÓDŹ", "marszalkowski lodz"),
        ("προϋπολογισμός", "προυπολογισμοσ"),
        ("ΠΡΟΫΠΟΛΟΓΙΣΜΌΣ", "προυπολογισμοσ"),
        ("Νάй ѝ", "ναй и"),  # Cyrillic й keeps its breve; the accent of ѝ goes
        ("бюджетът", "бюджетът"),
        ("ბიუჯეტი", "ბიუჯეტი"),
        ("ﬁnanse", "finanse"),
    ],
)
def test_normalise_folds_case_and_diacritics(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_tokenize_keeps_georgian_words_whole_and_drops_punctuation() -> None:
    assert tokenize("„ადგილობრივი დემოკრატიის“ (ALDA), 21-ე") == ["ადგილობრივი", "დემოკრატიის", "alda", "21", "ე"]
    assert tokenize("(GRNET) «Φοίνικας» „Feniks”") == ["grnet", "φοινικασ", "feniks"]


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("pl", ["współpraca", "współpracy", "współpracę", "współpracą", "współpracami", "wspolpraca"]),
        ("pl", ["organizacja", "organizacji", "organizacje", "organizacjami", "organizacjach"]),
        ("pl", ["opolskie", "opolskiego", "opolskim", "opolska", "opolskiej"]),
        ("bg", ["бюджет", "бюджета", "бюджетът", "бюджети", "бюджетите"]),
        ("bg", ["община", "общини", "общините", "общината"]),
        ("el", ["προϋπολογισμός", "προϋπολογισμού", "προϋπολογισμό", "προϋπολογισμοί", "προϋπολογισμών"]),
        ("el", ["διακυβέρνηση", "διακυβέρνησης", "διακυβερνήσεις", "διακυβερνήσεων"]),
        ("ka", ["ბიუჯეტი", "ბიუჯეტის", "ბიუჯეტს", "ბიუჯეტში", "ბიუჯეტით"]),
        ("ka", ["მუნიციპალიტეტი", "მუნიციპალიტეტების", "მუნიციპალიტეტებისა", "მუნიციპალიტეტს"]),
    ],
)
def test_inflected_forms_share_a_stem(lang: str, forms: list[str]) -> None:
    rules = stemmer_rules(lang)
    assert len({stem(normalise(f), rules) for f in forms}) == 1


def test_stemmer_keeps_a_minimum_stem_and_tries_longest_suffix_first() -> None:
    rules = stemmer_rules("pl")
    assert rules["suffixes"] == sorted(rules["suffixes"], key=lambda s: (-len(s), s))
    assert stem("ami", rules) == "ami"  # nothing left otherwise
    assert stem("grupami", rules) == "grup"


def test_parse_page_reads_the_article_only_split_at_headings() -> None:
    html = (
        '<html lang="pl"><head><title>T - S</title></head><body><nav>menu</nav>'
        '<article class="md-content__inner"><h1 id="t">Tytuł<a class="headerlink" href="#t">¶</a></h1>'
        "<p>Wstęp.</p><h2 id='a'>Partnerzy<a class='headerlink' href='#a'>¶</a></h2><ul><li>Feniks</li>"
        '<li>Gmina<br>Opole</li></ul><script type="application/ld+json">{"x": 1}</script>'
        "<h3 id='b'>Miejsca</h3><p>Widyń</p></article><footer>stopka</footer></body></html>"
    )
    page = parse_page(html, "p.html")
    assert page is not None
    assert (page.lang, page.title) == ("pl", "Tytuł")
    assert [(s.anchor, s.heading, s.text) for s in page.sections] == [
        ("", "Tytuł", "Wstęp."),
        ("a", "Partnerzy", "Feniks Gmina Opole"),
        ("b", "Miejsca", "Widyń"),
    ]


def test_index_keeps_the_start_of_each_section_and_every_word() -> None:
    words = [f"word{n}" for n in range(100)]
    page = Page("a.html", "pl", "A", [Section("s", "S", " ".join(words))])
    index = build_index([page], "pl")
    snippet = index["sections"][0][3]
    assert snippet.endswith(" …") and len(snippet) <= SNIPPET_CHARS + 2
    assert snippet.startswith("word0 word1 ") and " ".join(words).startswith(snippet[:-2])
    assert [r["url"] for r in search(index, "word99")] == ["a.html"]  # cut from the snippet, still found
    assert snippet_text("short text") == "short text"


def test_tokenize_gives_the_same_words_chunk_by_chunk_as_for_the_whole_text() -> None:
    text = "Σ ΟΔΟΣ\u00a0Współpraca,  ΑΙΣ™ й\u0306 a\u0301b ´x  ﬁnał ქართული!"
    whole = [w for w in "".join(ch if _is_word_char(ch) else " " for ch in normalise(text)).split()]
    assert tokenize(text) == whole
    assert tokenize(text) == ["σ", "οδοσ", "wspolpraca", "αισTM", "й", "ab", "x", "final", "ქართული"]


def test_parse_page_skips_noindex_pages() -> None:
    html = '<html lang="pl"><head><meta name="robots" content="noindex"></head><body></body></html>'
    assert parse_page(html, "x.html") is None


def test_each_language_gets_its_own_index_folder(search_site: Path) -> None:
    sizes = shards.write_site_indexes(search_site, ["el", "bg", "ka", "pl"])
    for lang in ["el", "bg", "ka", "pl"]:
        folder = search_site / lang / shards.INDEX_FOLDER
        manifest = (folder / "manifest.js").read_text(encoding="utf-8")
        assert manifest.startswith(f'micrositeSearch.shard("{lang}","manifest",{{')
        index = reference.read_index(folder)
        assert index["lang"] == lang
        assert {url for url, _ in index["pages"]} == {p[0] for p in TEXTS[lang]}
        assert "navigation" not in index["terms"] and "jsonld" not in index["terms"]  # article text only
        assert sizes[lang] == {path.name: path.stat().st_size for path in folder.iterdir()}


def test_numbers_are_written_compactly_and_read_back() -> None:
    numbers = [0, 1, 31, 32, 1023, 1024, 10**6, 5]
    encoded = shards.encode_numbers(numbers)
    assert reference.decode_numbers(encoded) == numbers
    assert len(shards.encode_numbers([3, 1])) == 2  # a small gap and a weight: a character each
    assert set(encoded) <= set(shards.DIGITS)
    with pytest.raises(ValueError):
        shards.encode_numbers([-1])


def test_term_shards_are_cut_at_keys_that_sort_between_their_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "TERM_SHARD_BYTES", 40)
    words = ["ab", "abc", "abd", "b", "ba", "bab", "ბიუჯეტი", "ბიუჯეტის", "ზე"]
    keys, runs = shards.term_shards({w: [0, 1] for w in words})
    assert len(runs) > 3 and keys[0] == ""
    assert [w for run in runs for w in run] == words  # every word once, in order
    for i, run in enumerate(runs):
        for word in run:
            assert keys[i] <= word and (i + 1 == len(keys) or word < keys[i + 1])


def _urls(search_site: Path, lang: str, query: str) -> list[str]:
    index = build_index(site_pages(search_site, lang), lang)
    return [r["url"] for r in search(index, query)]


@pytest.mark.parametrize(
    ("lang", "query", "url"),
    [
        ("pl", "współpraca", "projects/a.html"),  # the page says współpracy
        ("pl", "wspolpraca", "projects/a.html"),
        ("pl", "marszalkowski", "projects/a.html"),  # ł typed as l
        ("pl", "gminy", "projects/b.html"),  # target group "gmin"
        ("pl", "widyn", "projects/b.html"),  # place "Widyń"
        ("pl", "Feniksa", "projects/c.html"),
        ("bg", "бюджет", "projects/a.html"),  # the page says бюджета
        ("bg", "община", "projects/b.html"),  # общините
        ("el", "προϋπολογισμός", "projects/a.html"),  # προϋπολογισμού
        ("el", "προυπολογισμος", "projects/a.html"),
        ("el", "φοινικα", "projects/b.html"),  # partner «Φοίνικας»
        ("ka", "ბიუჯეტი", "projects/a.html"),
        ("ka", "ბიუჯეტის", "projects/a.html"),
        ("ka", "ვიდინი", "projects/b.html"),  # ვიდინის
    ],
)
def test_queries_find_other_forms(search_site: Path, lang: str, query: str, url: str) -> None:
    assert url in _urls(search_site, lang, query)


def test_results_are_only_in_the_language_read(search_site: Path) -> None:
    # "WeOpenGov" is only in the (unindexed) nav; "Grecja" only in Polish
    assert _urls(search_site, "pl", "Grecja") == ["projects/b.html"]
    assert _urls(search_site, "el", "Grecja") == []
    assert _urls(search_site, "pl", "WeOpenGov") == []


def test_every_word_must_match_and_the_last_is_a_prefix(search_site: Path) -> None:
    assert _urls(search_site, "pl", "przedstawiciele gmin") == ["projects/b.html"]
    assert _urls(search_site, "pl", "przedstawiciele budżet") == []
    assert set(_urls(search_site, "pl", "wspol")) == {"projects/a.html", "projects/c.html"}  # współpracy, współpraca
    index = build_index(site_pages(search_site, "pl"), "pl")
    assert search(index, "wspol", prefix=False) == []


def test_a_hit_in_a_section_links_to_it(search_site: Path) -> None:
    index = build_index(site_pages(search_site, "pl"), "pl")
    (hit,) = search(index, "Widyń")
    assert (hit["url"], hit["anchor"]) == ("projects/b.html", "miejsca")
    hit = search(index, "Fundacja")[0]  # the page title: the page itself, first
    assert (hit["url"], hit["anchor"]) == ("projects/b.html", "")
