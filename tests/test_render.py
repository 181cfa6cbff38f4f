"""Renderer tests: small golden outputs, escaping, and provenance markup."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import markdown
import pytest

from microsite.calendar_files import event_listings
from microsite.catalogs import load_translations
from microsite.key_facts import key_facts
from microsite.languages import LANGUAGES
from microsite.records import load_projects
from microsite.render import Renderer
from microsite.settings import REPO_DIR
from microsite.viewmodel import project_view

GOLDEN = Path(__file__).parent / "golden"
FIXTURE = Path(__file__).parent / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(REPO_DIR / "templates", load_translations(REPO_DIR / "locales", LANGUAGES), "https://x.test/")


def render_mini(renderer: Renderer, lang: str) -> str:
    (project,) = load_projects(FIXTURE)
    view = project_view(project, lang)
    facts = key_facts(project, view, dt.date(2026, 1, 15), renderer.translations[lang].gettext)
    return renderer.project_page(view, facts, narrative=None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_project_page_matches_golden(renderer: Renderer, lang: str) -> None:
    """To accept an intended change: UPDATE_GOLDEN=1 pytest tests/test_render.py, then review the diff."""
    output = render_mini(renderer, lang)
    golden = GOLDEN / f"mini.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_record_text_is_escaped_and_never_run_as_a_template(renderer: Renderer) -> None:
    page = render_mini(renderer, "pl")
    assert "<b>" not in page
    assert "&#60;b&#62;z&#60;/b&#62;" in page
    assert "{{ 7*7 }}" in page
    assert "49" not in page


def test_fallback_text_carries_its_language(renderer: Renderer) -> None:
    page = render_mini(renderer, "ka")  # the fixture has no Georgian: everything falls back to Polish
    assert '<span lang="pl">Mały projekt</span>' in page
    assert "ორიგინალის ენაზე" in page  # the fallback notice, in Georgian
    assert '<span lang="pl">Fundacja X</span>' not in page  # a plain string is language-neutral


def test_translated_page_names_the_original_language_and_links_to_it(renderer: Renderer) -> None:
    page = render_mini(renderer, "el")
    assert "μεταφράστηκε από τα Πολωνικά" in page
    assert "(https://x.test/pl/projects/mini.html)" in page
    assert "About this translation" not in page
    assert "O tłumaczeniu" not in render_mini(renderer, "pl")  # no notice on the original


def test_table_cells_cannot_be_broken_by_a_pipe(renderer: Renderer, tmp_path: Path) -> None:
    """A pipe in a budget source's name stays in its cell: every row keeps the heading's columns."""
    data = tmp_path / "projects.yaml"
    data.write_text(FIXTURE.read_text(encoding="utf-8").replace('{pl: "EFS"}', '{pl: "EFS | Fundusz"}'), "utf-8")
    (project,) = load_projects(data)
    view = project_view(project, "pl")
    facts = key_facts(project, view, dt.date(2026, 1, 1), renderer.translations["pl"].gettext)
    page = renderer.project_page(view, facts, narrative=None)
    html = markdown.markdown(page, extensions=["tables", "attr_list", "md_in_html"])
    table = html.split('<table class="budget-table">')[1]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("</table>")[0], flags=re.S)
    assert len(rows) == 4  # heading, two sources, total
    cells = [len(re.findall(r"<t[hd][ >]", row)) for row in rows]
    assert cells == [cells[0]] * 4 and cells[0] >= 3, cells  # every row as many cells as the heading
    assert re.search(r"<t[hd][^>]*>EFS (\||&#124;) Fundusz</t[hd]>", table), table
    # record text never carries a bare pipe: it is an entity, in a list as in a table cell
    assert "Działanie &#124; pierwsze" in page


def test_home_page_keeps_the_editors_text_and_lists_only_dated_upcoming_events(
    renderer: Renderer, tmp_path: Path
) -> None:
    (tmp_path / "pl").mkdir()
    (tmp_path / "pl" / "index.md").write_text("---\ntitle: Start\n---\n# Witamy\n\nTekst *redakcji*.\n", "utf-8")
    (project,) = load_projects(FIXTURE)
    view = project_view(project, "pl")
    today = dt.date(2026, 1, 15)
    facts = [key_facts(project, view, today, renderer.translations["pl"].gettext)]
    cards = renderer.cards([view], facts, "pl")[0]
    page = renderer.home_page(tmp_path, cards, event_listings([project], "pl", today), "pl")
    assert page.startswith("---\ntitle: Start\n---\n# Witamy\n\nTekst *redakcji*.\n")
    upcoming = page.split("## Nadchodzące wydarzenia")[1].split("##")[0]
    assert "[Warsztaty](projects/mini.md#warsztaty) — wtorek, 7 kwietnia 2026" in upcoming
    assert "Spotkanie" not in upcoming  # 7 April without a year is never "upcoming"
    later = renderer.home_page(tmp_path, cards, event_listings([project], "pl", dt.date(2026, 5, 1)), "pl")
    assert "Brak nadchodzących wydarzeń o znanej dacie." in later
    assert '<h3 class="project-card__title"><a href="projects/mini.html">Mały projekt</a></h3>' in page
