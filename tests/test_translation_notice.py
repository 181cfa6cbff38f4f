"""Readers are told, in their language, when the original has changed since a text was translated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from microsite.catalogs import load_translations
from microsite.cli import main
from microsite.key_facts import key_facts
from microsite.languages import LANGUAGES
from microsite.records import load_projects
from microsite.render import Renderer
from microsite.settings import REPO_DIR
from microsite.translation_sources import Stamp, TranslationSources, fingerprint, translation_states
from microsite.viewmodel import ProjectViews

from .conftest import FIXTURES, SITE_URL, make_fixture_site, run_mkdocs
from .test_fixture_build import HOME

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
CHANGED = {
    "el": "Το πρωτότυπο έχει αλλάξει από τότε που μεταφράστηκε αυτό το κείμενο.",
    "bg": "Оригиналът е променен, откакто този текст е преведен.",
}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(REPO_DIR / "templates", load_translations(REPO_DIR / "locales", LANGUAGES), "https://x.test/")


def page(renderer: Renderer, sources: TranslationSources, lang: str) -> str:
    (project,) = load_projects(FIXTURES / "mini.yaml")
    views = ProjectViews(translation_states([project], sources))
    view = views(project, lang)
    facts = key_facts(project, view, dt.date(2026, 1, 1), renderer.translations[lang].gettext)
    return renderer.project_page(view, facts, narrative=None)


def test_an_outdated_text_is_named_by_its_section(renderer: Renderer) -> None:
    sources = TranslationSources({("mini", "summary", "el"): Stamp("0badf00d")})
    greek = page(renderer, sources, "el")
    assert f"**{CHANGED['el']}** Η μετάφραση των παρακάτω μερών μπορεί να μην αντιστοιχεί πια σε αυτό: Σύνοψη." in greek
    assert "[Διαβάστε το πρωτότυπο](https://x.test/pl/projects/mini.html)" in greek
    assert CHANGED["bg"] not in page(renderer, sources, "bg")  # the Bulgarian summary is up to date


def test_the_notice_follows_the_recorded_review_state(renderer: Renderer) -> None:
    current = fingerprint("Mały projekt")
    mixed = TranslationSources({("mini", "title", "el"): Stamp(current, "human-reviewed")})
    assert "Ορισμένα μέρη της μεταφράστηκαν με τη βοήθεια μηχανικής μετάφρασης" in page(renderer, mixed, "el")
    reviewed = TranslationSources(
        {
            ("mini", path, "el"): Stamp(fingerprint(original), "human-reviewed")
            for path, original in (
                ("title", "Mały projekt"),
                ("summary", "Opis <b>z</b> {{ 7*7 }} i „cudzysłowem”."),
                ("events[1].title", "Warsztaty"),
            )
        }
    )
    text = page(renderer, reviewed, "el")
    assert "Αυτή η σελίδα μεταφράστηκε από τα Πολωνικά και η μετάφραση έχει ελεγχθεί." in text
    assert "μηχανικής" not in text


def test_built_site_shows_the_notice_where_the_original_changed(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path / "fixture", MINI, HOME)
    assert main(["translations-stamp", str(site)]) == 0
    (site / "data" / "projects.yaml").write_text(MINI.replace("Opis <b>z</b>", "Nowy opis <b>z</b>"), encoding="utf-8")

    result = run_mkdocs(site, tmp_path / "out")

    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for lang, notice in CHANGED.items():
        html = (out / lang / "projects" / "mini.html").read_text(encoding="utf-8")
        assert notice in html and f'href="{SITE_URL}pl/projects/mini.html"' in html
        status = (out / lang / "translation-status.html").read_text(encoding="utf-8")
        assert "↻" in status and "<code>summary</code>" in status
    for lang in ("pl", "ka"):  # the original itself, and a language without that translation
        html = (out / lang / "projects" / "mini.html").read_text(encoding="utf-8")
        assert not any(notice in html for notice in CHANGED.values())
        assert "↻" not in html
    status = (out / "pl" / "translation-status.html").read_text(encoding="utf-8")
    assert "<code>about.md</code>" in status and "<code>privacy.md</code>" not in status  # a template now
