"""A fifth language: `microsite new-language ro` (make new-language) on a fixture site, then the real
build. Romanian has three plural forms; the fixture's record has no Romanian text, so every text
falls back to the Polish original with the notice."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from microsite import pages
from microsite.languages import LANGUAGES
from microsite.new_language import new_language
from microsite.problems import DataError
from microsite.settings import settings_from_config_file
from microsite.site import prepare_site

from .conftest import FIXTURES, LANGUAGE_PAGES, REPO, SITE_URL, make_fixture_site, run_mkdocs
from .test_fixture_build import HOME

pytestmark = pytest.mark.build


def fill_catalog(path: Path) -> None:
    """Stand-in Romanian for the test ("[ro] " + the English), every plural form filled."""
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid_plural:
            entry.msgstr_plural = {
                0: f"[ro] {entry.msgid}",
                1: f"[ro] {entry.msgid_plural}",
                2: f"[ro] {entry.msgid_plural}",
            }
        else:
            entry.msgstr = f"[ro] {entry.msgid}"
    catalog.save()


def git_status(site: Path) -> list[str]:
    shown = subprocess.run(
        ["git", "-C", str(site), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(shown.stdout.splitlines())


@pytest.fixture(scope="module")
def fifth(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[Path]]:
    """The fixture site, committed to git, after adding Romanian: what `git status` says then."""
    site = make_fixture_site(
        tmp_path_factory.mktemp("fifth") / "fixture", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), HOME
    )
    shutil.copytree(REPO / "locales", site / "locales")  # its own catalogs, so that ro can be added
    shutil.copytree(REPO / "schema", site / "schema")  # the editors' schemas, which must stay as they are
    git = ["git", "-C", str(site), "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "four languages"], check=True)
    written = new_language(site, "ro")
    return site, git_status(site), written


def test_new_language_adds_to_the_one_list_and_touches_no_other_file(
    fifth: tuple[Path, list[str], list[Path]],
) -> None:
    site, status, written = fifth
    assert status == [
        " M mkdocs.yml",
        "?? content/ro/about.md",
        "?? content/ro/index.md",
        "?? locales/ro/LC_MESSAGES/messages.po",
    ]
    assert written[0] == site / "mkdocs.yml"
    assert settings_from_config_file(site).languages == (*LANGUAGES, "ro")
    header = (site / "locales" / "ro" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    assert "nplurals=3;" in header  # CLDR's Romanian: one, few, other
    assert "Language: ro" in header
    # `make new-language` runs that command alone (no `microsite schema` rewriting schema/ after it)
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^new-language:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe is not None and recipe.group(1) == "\t$(BIN)/microsite new-language $(LANGUAGE)\n"


def test_a_language_babel_or_the_stack_cannot_take_is_refused(fifth: tuple[Path, list[str], list[Path]]) -> None:
    site, _, _ = fifth
    for code, reason in [
        ("xx", "not a language Babel"),
        ("ro", "already one of the site's languages"),
        ("en", "the root"),
        ("fil", "two-letter codes"),
    ]:
        with pytest.raises(ValueError, match=reason):
            new_language(site, code)


def test_publishing_refuses_the_incomplete_catalog_the_preview_shows_it(
    fifth: tuple[Path, list[str], list[Path]], tmp_path: Path
) -> None:
    site, _, _ = fifth
    result = run_mkdocs(site, tmp_path / "out")
    assert result.returncode != 0
    assert "locales/ro/LC_MESSAGES/messages.po" in result.stderr
    assert "has no translation in ro" in result.stderr
    with pytest.raises(DataError) as raised:
        prepare_site(settings_from_config_file(site, SITE_URL))
    assert {Path(p.file).relative_to(site).as_posix() for p in raised.value.problems} == {
        "locales/ro/LC_MESSAGES/messages.po"
    }  # nothing else
    preview = settings_from_config_file(site, SITE_URL)
    preview = type(preview)(**{**preview.__dict__, "preview": True})
    prepared = prepare_site(preview)
    (note,) = [n for n in prepared.notes if "locales/ro/" in n]
    assert "not translated yet; the preview shows them in English" in note
    assert (
        "mkdocs.yml: extra.accessibility.known_issues[0] is not written in ro; the statement shows it in el there"
        in prepared.notes
    )
    assert "[ro]" not in prepared.pages["ro/events.md"] and "Events" in prepared.pages["ro/events.md"]


def test_the_fifth_language_is_built_like_the_others(fifth: tuple[Path, list[str], list[Path]], tmp_path: Path) -> None:
    site, _, _ = fifth
    fill_catalog(site / "locales" / "ro" / "LC_MESSAGES" / "messages.po")
    # nothing else is added by hand: the statement's known issues, not written in Romanian, fall back
    out = tmp_path / "out"
    result = run_mkdocs(site, out)
    assert result.returncode == 0, result.stderr
    built = {p.relative_to(out / "ro").as_posix() for p in (out / "ro").rglob("*.html")}
    assert built == {*LANGUAGE_PAGES, "projects/mini.html"}
    page = (out / "ro" / "projects" / "mini.html").read_text(encoding="utf-8")
    assert '<html lang="ro"' in page
    assert '<span lang="pl">Mały projekt</span>' in page  # no Romanian text: the original, marked
    assert "[ro] " in page  # the interface, from the new catalog
    alternates = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', page)
    assert [lang for _, lang in alternates] == [*LANGUAGES, "ro", "x-default"]
    greek = (out / "el" / "projects" / "mini.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}ro/projects/mini.html" hreflang="ro"' in greek
    assert 'lang="ro"' in greek  # the switcher names Romanian, in Romanian
    statement = (out / "ro" / "accessibility.html").read_text(encoding="utf-8")
    assert "[ro] Accessibility statement" in statement  # the EU model statement, its text from the catalog
    issue = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("known_issues:")[1].split('el: "')[1][:30]
    assert f'<li><span lang="el">{issue}' in statement  # in the first language that has it, marked
    assert "[ro] Some text has no translation yet" in statement
    privacy = (out / "ro" / "privacy.html").read_text(encoding="utf-8")
    assert "[ro] What this site does not collect" in privacy  # the one privacy template, its text to translate
    assert "<loc>" + SITE_URL + "ro/projects/mini.html</loc>" in (out / "ro" / "sitemap.xml").read_text("utf-8")
    assert (out / pages.SEARCH_INDEX.output("ro")).is_file()  # its own search index
    assert "Română" in (out / "index.html").read_text(encoding="utf-8")  # the root chooser offers it
