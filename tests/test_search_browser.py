"""The site search in a real headless Chromium, on the real site: a query typed into the box of each
language section finds other forms of the word and words typed without diacritics, only in that
language; the count is in the page's language with the right plural; the only requests are files of the
section's own index, a few of them per query; the open results have no WCAG violations; the search works
from file:// too, and from inside a container that is shown only later."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from microsite.languages import LANGUAGES

from .test_accessibility import axe_violations

pytestmark = pytest.mark.browser


def polish_count(n: int) -> str:
    """The Polish count as a reader expects it (1 wynik, 2–4 / 22–24 wyniki, else wyników)."""
    if n == 1:
        return "1 wynik"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} wyniki"
    return f"{n} wyników"


COUNT = {
    "pl": polish_count,
    "el": lambda n: f"{n} αποτέλεσμα" if n == 1 else f"{n} αποτελέσματα",
    "bg": lambda n: f"{n} резултат" if n == 1 else f"{n} резултата",
    "ka": lambda n: f"{n} შედეგი",
}


def ask(page: Any, query: str) -> tuple[str, list[str]]:
    page.fill("#microsite-search-input", query)
    page.wait_for_function(
        "q => { const s = document.querySelector('.microsite-search__status').textContent;"
        " return document.querySelector('#microsite-search-input').value === q && s && !s.includes('…'); }",
        arg=query,
    )
    status = page.text_content(".microsite-search__status")
    links = page.eval_on_selector_all(".microsite-search__results a", "els => els.map(a => a.href)")
    return status, links


# (lang, query, a word that a result page must contain, what the query checks)
QUERIES = [
    ("pl", "współpraca", "współpracy", "inflection"),
    ("pl", "wspolpraca", "współpracy", "no diacritics"),
    ("pl", "marszalkowski", "Marszałkowski", "ł typed as l"),
    ("pl", "Feniksa", "Feniks", "partner, inflected"),
    ("pl", "gminy", "gmin", "target group, inflected"),
    ("pl", "widyn", "Widyń", "place, no diacritics"),
    ("bg", "бюджет", "бюджет", "whole word"),
    ("bg", "бюджета", "бюджет", "inflection (the site says бюджет)"),
    ("bg", "бюджетът", "бюджет", "inflection, definite article"),
    ("bg", "община", "общини", "target group, inflected"),
    ("bg", "Видин", "Видин", "place"),
    ("el", "προϋπολογισμός", "προϋπολογισμός", "whole word"),
    ("el", "προϋπολογισμού", "προϋπολογισμός", "inflection (the site says προϋπολογισμός)"),
    ("el", "προϋπολογισμών", "προϋπολογισμός", "inflection, genitive plural"),
    ("el", "προυπολογισμος", "προϋπολογισμός", "no tonos/dialytika"),
    ("el", "GRNET", "GRNET", "partner, in parentheses"),
    ("el", "εκπρόσωπος", "εκπρόσωπ", "target group, inflected"),
    ("el", "Βιδίνο", "Βιδίν", "place, inflected"),
    ("ka", "ბიუჯეტი", "ბიუჯეტი", "whole Georgian word"),
    ("ka", "ფენიქსი", "ფენიქს", "partner"),
    ("ka", "მუნიციპალიტეტი", "მუნიციპალიტეტ", "target group, inflected"),
    ("ka", "ვიდინი", "ვიდინ", "place, inflected"),
] + [(lang, "WeOpenGov", "WeOpenGov", "in every language") for lang in LANGUAGES]


@pytest.fixture(scope="module")
def search_page(served_site: str, browser: Any) -> Any:
    """One page per language section, its requests and failed requests recorded."""
    pages: dict[str, Any] = {}
    log: dict[str, tuple[list[str], list[str]]] = {}
    for lang in LANGUAGES:
        page = browser.new_page()
        requests: list[str] = []
        failures: list[str] = []
        page.on("request", lambda r, requests=requests: requests.append(r.url))
        page.on("requestfailed", lambda r, failures=failures: failures.append(r.url))
        page.on("response", lambda r, failures=failures: failures.append(r.url) if r.status >= 400 else None)
        page.goto(f"{served_site}{lang}/projects/index.html", wait_until="networkidle")
        pages[lang] = page
        log[lang] = (requests, failures)
    yield pages, log
    for page in pages.values():
        page.close()


@pytest.mark.parametrize(("lang", "query", "target", "checks"), QUERIES, ids=[f"{q[0]}-{q[1]}" for q in QUERIES])
def test_query_finds_the_word_in_the_language_read(
    served_site: str,
    search_page: Any,
    lang: str,
    query: str,
    target: str,
    checks: str,
) -> None:
    pages, log = search_page
    page = pages[lang]
    status, links = ask(page, query)
    assert links, f"{query!r} ({checks}) found nothing: {status!r}"
    count = int(re.match(r"\d+", status).group())  # type: ignore[union-attr]
    assert status == COUNT[lang](count)
    assert 0 < len(links) <= count
    assert [link for link in links if not link.startswith(f"{served_site}{lang}/")] == []  # no other language
    texts = [page.request.get(link.split("#")[0]).text() for link in links]
    assert any(target in text for text in texts), f"no result of {query!r} contains {target!r}"
    requests, failures = log[lang]
    assert [url for url in requests if not url.startswith(served_site)] == []
    assert failures == []
    index = f"{served_site}{lang}/search-index/"
    assert f"{index}manifest.js" in requests
    loaded = [url for url in requests if url.startswith(index)]
    assert len(loaded) == len(set(loaded))  # each index file once
    assert not any(url.endswith("search_index.json") or "/search/" in url for url in requests)  # no lunr


@pytest.mark.parametrize(
    # the home page lists the projects too: Widyń is on three pages (project, list, home)
    ("query", "status"),
    [("widyn", "3 wyniki"), ("współpraca", "6 wyników"), ("Feniksa", "1 wynik")],
)
def test_polish_counts_follow_the_plural_rules(search_page: Any, query: str, status: str) -> None:
    pages, _ = search_page
    assert ask(pages["pl"], query)[0] == status


def test_a_word_of_another_language_finds_nothing(search_page: Any) -> None:
    pages, _ = search_page
    assert ask(pages["pl"], "προϋπολογισμός") == ("Brak wyników", [])
    assert ask(pages["el"], "współpraca") == ("Κανένα αποτέλεσμα", [])


def test_open_results_have_no_wcag_violations_and_enter_opens_the_first(served_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(f"{served_site}bg/index.html", wait_until="networkidle")
    _, links = ask(page, "бюджет")
    assert axe_violations(page) == []
    page.focus("#microsite-search-input")
    page.keyboard.press("Enter")
    page.wait_for_url(links[0])
    page.close()


def test_no_search_box_on_the_root_pages(served_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(served_site + "index.html", wait_until="networkidle")
    assert page.locator("form.microsite-search").count() == 0
    page.close()


def test_works_from_a_plain_folder(built_site: Path, browser: Any) -> None:
    site_dir = built_site
    page = browser.new_page()
    page.goto((site_dir / "pl" / "about.html").as_uri())
    status, links = ask(page, "wspolpraca")
    assert status == "6 wyników"
    assert all(link.startswith((site_dir / "pl").as_uri() + "/") for link in links)
    page.close()


def test_index_files_are_loaded_as_queries_need_them(served_site: str, browser: Any) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{served_site}pl/projects/index.html", wait_until="networkidle")
    index = f"{served_site}pl/search-index/"
    assert [url for url in requests if url.startswith(index)] == []  # nothing before the box is used
    page.focus("#microsite-search-input")
    page.wait_for_function("() => !document.querySelector('script[src*=\"search-index/\"]')")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if url.startswith(index)] == [index + "manifest.js"]
    ask(page, "współpraca")
    first = [url for url in requests if url.startswith(index)]
    assert any("/t" in url for url in first) and any("/d" in url for url in first)
    ask(page, "wspolpraca")  # the same words and results: nothing new to load
    assert [url for url in requests if url.startswith(index)] == first
    page.close()


def test_works_inside_a_container_shown_later(served_site: str, browser: Any) -> None:
    """The header puts the box behind a button on phones: hidden at load, shown when asked for."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{served_site}ka/index.html", wait_until="networkidle")
    assert page.locator("#microsite-search-input").is_hidden()
    page.click(".site-header__search-toggle")
    status, links = ask(page, "ბიუჯეტი")
    assert links and status == COUNT["ka"](int(status.split()[0]))
    page.close()
