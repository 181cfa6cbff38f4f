"""The five seed projects: their facts are on their pages, in all four languages, and the original
text is the source's own wording."""

from __future__ import annotations

import html
import re
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest

from microsite.catalogs import load_translations
from microsite.languages import LANGUAGES
from microsite.records import load_projects
from microsite.schema import Project, localized_texts
from microsite.settings import REPO_DIR
from microsite.viewmodel import Shown, project_view

PROJECTS = {p.slug: p for p in load_projects(REPO_DIR / "data" / "projects.yaml")}
TRANSLATIONS = load_translations(REPO_DIR / "locales", LANGUAGES)
SOURCES = REPO_DIR / "data" / "sources"
PAGES = [(slug, lang) for slug in PROJECTS for lang in LANGUAGES]

# Facts read off the seed pages by hand (not from our records): each must be on the project's page
# in every language, exactly as written here (numbers are checked in each locale's own format below).
SEED_FACTS = {
    "weopengov": [
        "WeOpenGov",
        "info@weopengov.gr",
        "http://weopengov.gr/",
        "https://www.facebook.com/WeOpenGov",
        "www.activecitizensfund.gr",
        "SolidarityNow",
        "GRNET",
        "dmPart",
        "11:00",
        "13:00",
        "EEA Grants",
        "2014 – 2021",
        "Active citizens fund",
        "OGP",
    ],
    "civic-platform-open-governance": ["OpenDataExpo"],
    "avatar": ["AVATAR", "ALDA", "OECD", "(12)", "(24)"],
    "digital-participation-vidin": [],
    "opolskie-ngo-cooperation": [
        "Kalina Polok",
        "77 402 51 06",
        "77 402 51 15",
        "kalina.polok@haus.pl",
        "tel:+48774025106",
        "5.4",
        "5.4.2",
        "UMWO",
        "12",
    ],
}
# Amounts and dates of the seeds, as each language writes them.
LOCALE_FACTS = {
    ("digital-participation-vidin", "bg"): ["59 964,19 лв.", "50 969,56 лв.", "8 994,63 лв.", "85,0%", "15,0%"],
    ("digital-participation-vidin", "el"): ["59.964,19 BGN", "50.969,56 BGN", "8.994,63 BGN"],
    ("digital-participation-vidin", "pl"): ["59 964,19 BGN", "50 969,56 BGN", "8 994,63 BGN"],
    ("digital-participation-vidin", "ka"): ["59 964,19 BGN", "50 969,56 BGN", "8 994,63 BGN"],
    ("weopengov", "el"): ["13,5 εκ. €", "Παρασκευή 7 Απριλίου"],
    ("weopengov", "bg"): ["13,5 млн. €", "петък, 7 април"],
    ("weopengov", "ka"): ["13,5 მლნ. €", "პარასკევი, 7 აპრ"],
    ("weopengov", "pl"): ["13,5 mln €", "piątek, 7 kwietnia"],
    ("opolskie-ngo-cooperation", "pl"): ["1 marca 2014 – 31 marca 2015"],
    ("opolskie-ngo-cooperation", "bg"): ["1 март 2014 г. – 31 март 2015 г."],
    ("avatar", "pl"): ["24–27 maja"],
    ("avatar", "el"): ["24–27 Μαΐ"],
}


def article(site: Path, slug: str, lang: str) -> str:
    raw = (site / lang / "projects" / f"{slug}.html").read_text(encoding="utf-8")
    return raw[raw.index('<article class="md-content__inner') : raw.index("</article>")]


def page_text(site: Path, slug: str, lang: str) -> str:
    shown = re.sub(r"<script\b.*?</script>", " ", article(site, slug, lang), flags=re.S)  # JSON-LD is not read
    text = html.unescape(re.sub(r"<[^>]+>", " ", shown))
    return " ".join(text.split()).replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


def page_links(site: Path, slug: str, lang: str) -> list[str]:
    """The targets of the article's links (a phone number is also a tel: link, an address a mailto:)."""
    return [html.unescape(href) for href in re.findall(r'<a [^>]*href="([^"]*)"', article(site, slug, lang))]


def collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("slug", "lang"), PAGES)
def test_seed_facts_are_on_every_language_page(built_site: Path, slug: str, lang: str) -> None:
    text, links = page_text(built_site, slug, lang), page_links(built_site, slug, lang)
    for fact in SEED_FACTS[slug] + LOCALE_FACTS.get((slug, lang), []):
        # a fact is read on the page, or is where one of its links leads (a URL, tel: or mailto:)
        assert fact in text or fact in links, f"{fact!r} missing on {lang}/{slug}"


def shown_texts(value: Any) -> list[Shown]:
    if isinstance(value, Shown):
        return [value]
    if is_dataclass(value) and not isinstance(value, type):
        return [s for f in fields(value) for s in shown_texts(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in shown_texts(item)]
    return []


@pytest.mark.parametrize(("slug", "lang"), PAGES)
def test_every_text_of_the_record_is_on_its_page(built_site: Path, slug: str, lang: str) -> None:
    text = page_text(built_site, slug, lang)
    view = project_view(PROJECTS[slug], lang)
    # An organisation's role that only repeats the label of its row ("Partner: GRNET — Partner") is
    # said by that label: the label must be on the page instead.
    catalog = TRANSLATIONS[lang]
    labels = {catalog.gettext(label).casefold(): catalog.gettext(label) for label in ("Implementer", "Partners")}
    labels[catalog.gettext("Partner").casefold()] = catalog.gettext("Partners")
    roles = {org.role for org in [view.implementer, *view.partners] if org and org.role}
    for shown in shown_texts(view):
        if shown in roles and shown.text.casefold() in labels:
            assert labels[shown.text.casefold()] in text, f"{lang}/{slug}: label for role {shown.text!r}"
            continue
        assert collapse(shown.text) in text, f"{lang}/{slug}: {shown.text[:80]!r}"


@pytest.mark.parametrize("slug", PROJECTS)
def test_every_language_has_its_own_text(slug: str) -> None:
    """The seeds are fully translated: no field falls back to the original language."""
    for path, texts in localized_texts(PROJECTS[slug]):
        assert isinstance(texts, dict)
        assert set(texts) == set(LANGUAGES), f"{slug}.{path}"


# Fields that hold the source's running text; names and labels may be put in the nominative.
VERBATIM_FIELDS = re.compile(
    r"^(summary|headline|context|goals|activities|results|target_groups|funding\.(statement|programme_description)|events\[\d+\]\.description|partners\[\d+\]\.role)"
)


@pytest.mark.parametrize("slug", PROJECTS)
def test_original_text_is_the_sources_own_wording(slug: str) -> None:
    project: Project = PROJECTS[slug]
    source = collapse((SOURCES / project.source_document).read_text(encoding="utf-8"))
    checked = 0
    for path, texts in localized_texts(project):
        if isinstance(texts, dict) and VERBATIM_FIELDS.match(path):
            original = collapse(texts[project.original_language]).rstrip(".;:")
            if path.endswith(".role") and len(original) < 40:
                continue  # a role label such as "Partner", not a sentence of the source
            assert original in source, f"{slug}.{path}: {original[:80]!r} is not in {project.source_document}"
            checked += 1
    assert checked >= 3


def test_no_year_is_invented_for_events_the_source_gives_without_one(built_site: Path) -> None:
    for lang in LANGUAGES:
        for slug in ("weopengov", "avatar"):
            text = page_text(built_site, slug, lang)
            catalog = TRANSLATIONS[lang]
            events, unknown = catalog.gettext("Events"), catalog.gettext("the source does not give the year")
            summary = text[text.index(events) : text.index(catalog.gettext("Summary"))]  # key facts' row
            for section in (summary.split(" "), text[text.rindex(events) :].split(" ")):  # and the events section
                assert unknown in " ".join(section)
                years = [w for w in section if re.fullmatch(r"20(1[5-9]|2\d)", w.strip(".,()"))]
                assert years == [], (slug, lang, years)


def test_placeholder_links_are_shown_as_unpublished_never_as_links(built_site: Path) -> None:
    labels = {"ka": "დღის წესრიგი", "pl": "nieopublikowany", "bg": "не е публикувана", "el": "δεν δημοσιεύεται"}
    for lang, marker in labels.items():
        raw = (built_site / lang / "projects" / "avatar.html").read_text(encoding="utf-8")
        assert 'href="#"' not in raw
        assert marker in page_text(built_site, "avatar", lang)


def test_empty_seed_sections_are_shown_as_not_published(built_site: Path) -> None:
    assert "не е публикуван" in page_text(built_site, "civic-platform-open-governance", "bg")  # budget of 001
    assert "Nie opublikowano zdjęć" in page_text(built_site, "digital-participation-vidin", "pl")  # gallery of 003
