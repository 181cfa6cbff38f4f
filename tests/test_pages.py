"""The generated pages readers start from, as built: project key facts and budget, the project
list, the home page of each language, and the root chooser with nothing in English."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from microsite.catalogs import load_translations
from microsite.languages import LANGUAGES
from microsite.settings import REPO_DIR

from .test_seed_facts import PROJECTS, page_text

TRANSLATIONS = load_translations(REPO_DIR / "locales", LANGUAGES)


def article(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return raw[raw.index('<article class="md-content__inner') : raw.rindex("</article>")]


def words(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split()).replace("\u00a0", " ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_facts_come_right_after_the_title_and_gaps_are_named_once(built_site: Path, lang: str) -> None:
    catalog = TRANSLATIONS[lang]
    for slug in PROJECTS:
        text = article(built_site / lang / "projects" / f"{slug}.html")
        after_title = r"</h1>\s*(<p>.*?</p>\s*){0,2}<dl class=\"key-facts\">"  # maybe a short name, a headline
        assert re.search(after_title, text), (lang, slug)
        missing = catalog.gettext("Not stated in the source: %(facts)s.").split("%")[0]
        assert words(text).count(missing) == 1, (lang, slug)
    # AVATAR's source gives none of these: one line says so, no row repeats it
    avatar = words(article(built_site / lang / "projects" / "avatar.html"))
    assert catalog.gettext("budget") in avatar.split(missing)[1].split(".")[0]
    raw = article(built_site / lang / "projects" / "avatar.html")
    assert f"<dd>{catalog.gettext('not stated in the source')}</dd>" not in raw


def test_budget_has_a_euro_column_a_full_total_and_the_rate_once(built_site: Path) -> None:
    expected = {"bg": "100,0%", "el": "100,0%", "ka": "100,0%", "pl": "100,0%"}
    for lang in LANGUAGES:
        text = article(built_site / lang / "projects" / "digital-participation-vidin.html")
        table = text[text.index('<table class="budget-table">') : text.index("</table>")]
        assert table.count("<tr>") == 4  # head, two sources, total
        assert "26 060,32 €" in words(table).replace("\u202f", " ") or "26.060,32 €" in words(table)
        assert expected[lang] in words(table.split("<tfoot>")[1])
        assert words(text).count("1,95583") == 1, lang  # the fixed rate, stated once
        assert table.count('class="share-bar"') == 2 and 'aria-hidden="true"' in table  # the text says the share


def test_partner_lines_do_not_repeat_their_role(built_site: Path) -> None:
    for slug, label in (("weopengov", "Partner"), ("opolskie-ngo-cooperation", "Partner")):
        text = page_text(built_site, slug, "pl")
        assert f"— {label}" not in text and f"— {label.lower()}" not in text
    assert "— Εταίρος" not in page_text(built_site, "weopengov", "el")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_project_list_has_a_card_per_project_with_its_facts(built_site: Path, lang: str) -> None:
    text = article(built_site / lang / "projects" / "index.html")
    assert text.count('<article class="project-card"') == len(PROJECTS)
    assert 'data-status="ongoing"' in text and 'data-start="2014-03-01"' in text and 'data-budget="30659.20"' in text
    assert '<form class="project-filters" data-project-filters hidden>' in text  # shown by the script only
    assert 'src="../../assets/javascripts/project-filters.js" defer' in text
    assert (built_site / "assets" / "javascripts" / "project-filters.js").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_has_the_editors_text_the_projects_events_and_open_data(built_site: Path, lang: str) -> None:
    catalog = TRANSLATIONS[lang]
    text = article(built_site / lang / "index.html")
    intro = (REPO_DIR / "content" / lang / "index.md").read_text(encoding="utf-8").splitlines()[2]
    assert intro.strip() in words(text)
    assert all(f'href="projects/{slug}.html"' in text for slug in PROJECTS)
    # the seeds' events have no year, so none is "upcoming"; a guessed year would be
    assert catalog.gettext("No upcoming events with a known date.") in words(text)
    assert 'href="events.html"' in text and 'href="open-data.html"' in text


def test_root_chooser_has_nothing_in_english(built_site: Path) -> None:
    raw = (built_site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", raw, re.S)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", raw, re.S)
    assert title and h1
    for lang in LANGUAGES:
        heading = TRANSLATIONS[lang].gettext("Choose your language")
        assert heading in title.group(1)
        assert f'<span lang="{lang}">{heading}</span>' in h1.group(1)
    assert "Open-government" not in raw and "el · bg · ka · pl" not in raw
