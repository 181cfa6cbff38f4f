"""Funder compliance: each programme's acknowledgement on every project page, in its language or marked."""

from __future__ import annotations

import datetime as dt
import html as html_text
import re
from pathlib import Path

import pytest

from microsite.catalogs import load_translations
from microsite.key_facts import key_facts
from microsite.languages import LANGUAGES
from microsite.problems import DataError
from microsite.records import load_funders, load_projects
from microsite.render import Renderer
from microsite.schema import Funding, FundingProgramme, Project
from microsite.settings import REPO_DIR
from microsite.viewmodel import project_view

SITE = "https://example.org/"

FUNDERS = {p.id: p for p in load_funders(REPO_DIR / "data" / "funders.yaml")}
PROJECTS = load_projects(REPO_DIR / "data" / "projects.yaml", programmes=set(FUNDERS))


def test_every_funded_seed_project_names_a_programme() -> None:
    named = {p.slug: p.funding.programme_id for p in PROJECTS if isinstance(p.funding, Funding)}
    assert named == {
        "weopengov": "eea-active-citizens-fund-greece",
        "civic-platform-open-governance": "eea-ngo-programme-bulgaria",
        "digital-participation-vidin": "european-social-fund",
        "opolskie-ngo-cooperation": "european-social-fund",
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_project_pages_show_their_funders_acknowledgement(built_site: Path, lang: str) -> None:
    for project in PROJECTS:
        html = (built_site / lang / "projects" / f"{project.slug}.html").read_text(encoding="utf-8")
        found = re.findall(r'<div class="funder-acknowledgement">\s*<p>(.*?)</p>', html, re.S)
        blocks = [html_text.unescape(block) for block in found]  # record text arrives with entities
        if isinstance(project.funding, Funding) and project.funding.programme_id:
            assert blocks == [FUNDERS[project.funding.programme_id].acknowledgement[lang]]  # type: ignore[index]
        else:
            assert blocks == []  # AVATAR: the source names no funder


def test_an_acknowledgement_not_yet_written_in_a_language_is_shown_in_the_original_marked(tmp_path: Path) -> None:
    # a language just added has no acknowledgement yet: its pages show the original's, in its language
    text = (REPO_DIR / "data" / "funders.yaml").read_text(encoding="utf-8")
    written = tmp_path / "funders.yaml"
    written.write_text(re.sub(r"\n      ka: [^\n]*", "", text, count=1), encoding="utf-8")
    programme = next(p for p in load_funders(written, "data/funders.yaml") if p.id == "eea-active-citizens-fund-greece")
    assert "ka" not in programme.acknowledgement
    (project,) = [p for p in PROJECTS if p.slug == "weopengov"]
    view = project_view(project, "ka")
    renderer = Renderer(REPO_DIR / "templates", load_translations(REPO_DIR / "locales", LANGUAGES), SITE)
    facts = key_facts(project, view, dt.date(2026, 1, 1), renderer.translations["ka"].gettext)
    page = renderer.project_page(view, facts, None, "", programme)
    block = page.split('<div class="funder-acknowledgement" markdown>')[1].split("</div>")[0]
    original = project.original_language
    assert f'<span lang="{original}">{programme.acknowledgement[original][:40]}' in block
    notice = renderer.translations["ka"].gettext(
        "Some text has no translation yet and is shown in the original language (%(language)s)."
    )
    assert notice.split("(")[0] in page
    assert "<span lang=" not in project_page_in(renderer, project, "el", FUNDERS[programme.id])  # written in el


def test_an_acknowledgement_in_no_language_is_refused(tmp_path: Path) -> None:
    text = (REPO_DIR / "data" / "funders.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "funders.yaml"
    broken.write_text(re.sub(r"(\n    acknowledgement:)(\n      [a-z]{2}: [^\n]*)+", r"\1 {}", text, count=1), "utf-8")
    with pytest.raises(DataError) as raised:
        load_funders(broken, "data/funders.yaml")
    (problem,) = raised.value.problems
    assert problem.file == "data/funders.yaml" and problem.field == "programmes[0].acknowledgement"


def project_page_in(renderer: Renderer, project: Project, lang: str, programme: FundingProgramme) -> str:
    view = project_view(project, lang)
    facts = key_facts(project, view, dt.date(2026, 1, 1), renderer.translations[lang].gettext)
    page = renderer.project_page(view, facts, None, "", programme)
    return page.split('<div class="funder-acknowledgement" markdown>')[1].split("</div>")[0]


def test_an_unknown_programme_is_reported_where_it_is_written(tmp_path: Path) -> None:
    text = (REPO_DIR / "data" / "projects.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "projects.yaml"
    broken.write_text(text.replace("programme_id: european-social-fund", "programme_id: esf", 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_projects(broken, "data/projects.yaml", programmes=set(FUNDERS))
    (problem,) = raised.value.problems
    line = text[: text.index("programme_id: european-social-fund")].count("\n") + 1
    assert (problem.line, problem.field, problem.record) == (
        line,
        "projects[3].funding.programme_id",
        "digital-participation-vidin",
    )
    assert "'esf' is not a programme in data/funders.yaml" in problem.message


def test_two_programmes_with_one_id_are_reported(tmp_path: Path) -> None:
    text = (REPO_DIR / "data" / "funders.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "funders.yaml"
    broken.write_text(text.replace("id: european-social-fund", "id: eea-ngo-programme-bulgaria"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_funders(broken, "data/funders.yaml")
    (problem,) = raised.value.problems
    assert problem.field == "programmes[2].id"
    assert "two programmes have the id 'eea-ngo-programme-bulgaria' (the other is on line " in problem.message
