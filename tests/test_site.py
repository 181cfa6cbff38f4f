"""Integration: the real site, built by MkDocs + Material + static-i18n, in all four languages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from microsite.languages import LANGUAGES
from microsite.linkcheck import check_site
from microsite.records import load_projects
from microsite.settings import REPO_DIR

from .conftest import LANGUAGE_PAGES, SITE_URL

PROJECTS = load_projects(REPO_DIR / "data" / "projects.yaml")
SLUGS = [project.slug for project in PROJECTS]


class Head(HTMLParser):
    """The facts of a page's markup that the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang = ""
        self.alternates: dict[str, str] = {}
        self.canonical = ""
        self.switcher: list[dict[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang", "")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        elif tag == "a" and "lang-switch__link" in a.get("class", ""):
            self.switcher.append(a)
        if "id" in a:
            self.ids.add(a["id"])


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def all_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html" and p.parent != site]


def test_twenty_project_pages_and_an_index_per_language(built_site: Path) -> None:
    assert len(SLUGS) == 5
    for lang in LANGUAGES:
        pages = sorted(p.name for p in (built_site / lang / "projects").glob("*.html"))
        assert pages == sorted([*(f"{slug}.html" for slug in SLUGS), "index.html"])
        top_level = {name for name in LANGUAGE_PAGES if "/" not in name}
        assert {p.name for p in (built_site / lang).glob("*.html")} == top_level


def test_every_page_declares_its_language(built_site: Path) -> None:
    for page in all_pages(built_site):
        lang = page.relative_to(built_site).parts[0]
        assert parse(page).html_lang == lang, page


def test_root_pages_hold_all_four_languages_each_marked(built_site: Path) -> None:
    for name in ("index.html", "404.html"):
        page = built_site / name
        html = page.read_text(encoding="utf-8")
        assert parse(page).html_lang == "mul"
        for lang in LANGUAGES:
            assert re.search(rf'<(section|li) lang="{lang}"', html), (name, lang)
            assert f'<div class="site-footer__language" lang="{lang}">' in html, (name, lang)
        assert "Open-government project sites" not in html, name  # the English site name of mkdocs.yml
    assert "Nie znaleziono strony" in (built_site / "404.html").read_text(encoding="utf-8")
    assert not list(built_site.glob("*/404.html"))


def test_alternates_are_absolute_with_x_default_and_canonical(built_site: Path) -> None:
    for page in all_pages(built_site):
        relative = page.relative_to(built_site).as_posix()
        _lang, rest = relative.split("/", 1)
        head = parse(page)
        assert head.alternates == {
            **{other: f"{SITE_URL}{other}/{rest}" for other in LANGUAGES},
            "x-default": SITE_URL,
        }, relative
        assert head.canonical == f"{SITE_URL}{relative}"


def test_switcher_leads_to_the_same_page_and_names_carry_their_lang(built_site: Path) -> None:
    for slug in SLUGS:
        head = parse(built_site / "pl" / "projects" / f"{slug}.html")
        assert [a["lang"] for a in head.switcher] == list(LANGUAGES)
        expected = [f"../../{lang}/projects/{slug}.html" if lang != "pl" else f"{slug}.html" for lang in LANGUAGES]
        assert [a["href"] for a in head.switcher] == expected


def test_a_sitemap_sits_next_to_every_alternate(built_site: Path) -> None:
    """Search engines find a sitemap in every folder an alternate link points into (no page
    script fetches them: tests/test_browser.py)."""
    for page in all_pages(built_site):
        for href in parse(page).alternates.values():
            folder = href[len(SITE_URL) :].rpartition("/")[0]
            assert (built_site / folder / "sitemap.xml").is_file(), href
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<url>") == len(all_pages(built_site)) + 1  # + the root chooser


def test_heading_anchors_keep_each_languages_letters(built_site: Path) -> None:
    expected = {"pl": "działania", "el": "δραστηριότητες", "bg": "дейности", "ka": "აქტივობები"}
    for lang, anchor in expected.items():
        ids = parse(built_site / lang / "projects" / "opolskie-ngo-cooperation.html").ids
        assert anchor in ids, (lang, sorted(ids))
        assert not any(re.fullmatch(r"_\d+", i) for i in ids)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert check_site(built_site, SITE_URL) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_section_labels_are_in_the_pages_language(built_site: Path, lang: str) -> None:
    labels = {"el": "Ομάδες-στόχοι", "bg": "Целеви групи", "ka": "სამიზნე ჯგუფები", "pl": "Grupy docelowe"}
    html = (built_site / lang / "projects" / "weopengov.html").read_text(encoding="utf-8")
    assert labels[lang] in html
    assert all(label not in html for other, label in labels.items() if other != lang)


def test_no_built_file_names_a_third_party_script_or_font_host(built_site: Path) -> None:
    hosts = re.compile(r"unpkg\.com|cdn\.jsdelivr|cdnjs|fonts\.(googleapis|gstatic)\.com")
    offenders = [
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*")
        if p.is_file()
        and p.suffix in (".html", ".js", ".css", ".map", ".json")
        and hosts.search(p.read_text(errors="ignore"))
    ]
    assert offenders == []
    assert not list(built_site.rglob("*.map"))


def test_project_index_does_not_repeat_its_list_in_a_table_of_contents(built_site: Path) -> None:
    for lang in LANGUAGES:
        html = (built_site / lang / "projects" / "index.html").read_text(encoding="utf-8")
        assert 'class="page-toc"' not in html
        assert html.count("<h2") == 5  # the list itself is still there, one heading per project
        project = (built_site / lang / "projects" / "avatar.html").read_text(encoding="utf-8")
        toc = re.search(r'<nav class="page-toc".*?</nav>', project, re.S)
        assert toc is not None and toc.group(0).count("href=") >= 3


def test_no_base_theme_file_is_published(built_site: Path) -> None:
    """The page shell is our own: none of Material's stylesheets, scripts or icons ship."""
    assets = {p.relative_to(built_site).as_posix() for p in (built_site / "assets").rglob("*") if p.is_file()}
    assert not [a for a in assets if a.startswith(("assets/stylesheets/", "assets/images/")) or "bundle." in a]
    assert not [a for a in assets if "/workers/" in a or "/lunr/" in a]
    for page in [built_site / "index.html", built_site / "pl" / "projects" / "avatar.html"]:
        html = page.read_text(encoding="utf-8")
        assert "md-" not in re.sub(r'class="md-content__inner', "", html), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shell_words_are_in_the_pages_language(built_site: Path, lang: str) -> None:
    permalink = {
        "el": "Σύνδεσμος σε αυτή την ενότητα",
        "bg": "Връзка към този раздел",
        "ka": "ბმული ამ ნაწილზე",
        "pl": "Link do tej sekcji",
    }
    footer = {
        "el": "Δήλωση προσβασιμότητας",
        "bg": "Декларация за достъпност",
        "ka": "ხელმისაწვდომობის განცხადება",
        "pl": "Deklaracja dostępności",
    }
    html = (built_site / lang / "projects" / "weopengov.html").read_text(encoding="utf-8")
    assert "Permanent link" not in html and "Made with" not in html
    assert f'title="{permalink[lang]}" aria-label="{permalink[lang]}"' in html
    footer_html = html[html.index('<footer class="site-footer">') :]
    assert footer[lang] in footer_html
    for target in ("accessibility.html", "privacy.html", "open-data.html"):
        assert f'href="../{target}"' in footer_html, target
