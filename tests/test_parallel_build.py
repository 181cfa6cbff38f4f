"""The parallel build (`microsite build --jobs N`): each group of languages in its own MkDocs
process, assembled into the same site, byte for byte, as the whole build."""

from __future__ import annotations

from pathlib import Path

import pytest

from microsite.alternates import language_versions, switcher_links
from microsite.languages import LANGUAGES
from microsite.safe_build import build_site, language_groups
from microsite.settings import REPO_DIR, build_languages, settings_from_config_file
from microsite.site import prepare_site

from .conftest import FIXTURES, SITE_URL, make_fixture_site
from .test_fixture_build import HOME


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("jobs", [0, 1, 2, 3, 4, 8])
def test_languages_are_split_into_groups_in_site_order(jobs: int) -> None:
    groups = language_groups(jobs)
    assert [lang for group in groups for lang in group] == list(LANGUAGES)  # every language once, in order
    assert len(groups) == max(1, min(jobs, len(LANGUAGES)))
    assert max(map(len, groups)) - min(map(len, groups)) <= 1  # as even as the count allows


def test_four_languages_in_three_processes() -> None:
    if LANGUAGES == ("el", "bg", "ka", "pl"):  # the repository's site today
        assert language_groups(3) == [("el",), ("bg", "ka"), ("pl",)]


def test_the_languages_to_build_come_from_the_environment() -> None:
    first, last = LANGUAGES[0], LANGUAGES[-1]
    assert build_languages(None) == LANGUAGES
    assert build_languages(f"{last}, {first}") == (first, last)  # site order, spaces allowed
    with pytest.raises(ValueError, match=f"MICROSITE_LANGUAGES names en; the languages are {', '.join(LANGUAGES)}"):
        build_languages("en")


def test_versions_of_a_page_come_from_the_staged_files() -> None:
    paths = {"index.md", "el/index.md", "pl/index.md", "el/projects/a.md", "pl/projects/a.md", "pl/only.md"}
    versions = language_versions(paths, ("el", "bg", "ka", "pl"))
    assert versions["pl/projects/a.md"] == {"el": "el/projects/a.html", "pl": "pl/projects/a.html"}
    assert versions["index.md"] == {"el": "el/index.html", "pl": "pl/index.html"}  # the chooser
    assert versions["pl/only.md"] == {"pl": "pl/only.html"}
    links = switcher_links(SITE_URL, versions["pl/only.md"], {"el": "Ελληνικά", "pl": "Polski"})
    # no Greek version: the switcher leads to the Greek home page
    assert links == [
        {"name": "Ελληνικά", "lang": "el", "link": "/microsite/el/index.html"},
        {"name": "Polski", "lang": "pl", "link": "pl/only.html"},
    ]


def test_parallel_builds_give_the_same_site_as_the_whole_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the same "today" for every build
    monkeypatch.setenv("MICROSITE_LANGUAGES", "pl")  # left over from a preview: a build still makes every language
    content = HOME | {"pl/only-polish.md": "# Tylko po polsku\n"}
    site = make_fixture_site(tmp_path / "fixture", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), content)

    assert build_site(site, tmp_path / "whole") == 0
    whole = files_of(tmp_path / "whole")
    assert "pl/only-polish.html" in whole and "el/events/mini/warsztaty.ics" in whole
    assert {
        "pl/search-index/manifest.js",
        "ka/sitemap.xml",
        "open-data/projects.json",
        "robots.txt",
        "404.html",
    } <= set(whole)
    for jobs in (2, 4):
        assert build_site(site, tmp_path / f"jobs{jobs}", jobs=jobs) == 0
        assert files_of(tmp_path / f"jobs{jobs}") == whole, f"--jobs {jobs}"
        assert not (tmp_path / f"jobs{jobs}.parallel").exists()
    # each group staged only its own languages
    assert sorted(p.name for p in (site / "build" / "pages-ka").iterdir()) == ["index.md", "ka"]


def test_a_mistake_stops_a_parallel_build_once_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SITE_URL", SITE_URL)
    data = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    site = make_fixture_site(tmp_path / "fixture", data, HOME)
    assert build_site(site, Path("site"), jobs=2) == 0
    good = files_of(site / "site")
    (site / "data" / "projects.yaml").write_text(data.replace("status: ongoing", "staus: ongoing"), encoding="utf-8")

    assert build_site(site, Path("site"), jobs=2) == 1

    err = capsys.readouterr().err
    assert err.count("projects[0].staus (project 'mini'): unknown field `staus`") == 1  # both groups said it
    assert "the last good site" in err and "Traceback" not in err
    assert files_of(site / "site") == good
    assert not (site / "site.parallel").exists() and not (site / "site.partial").exists()


def test_the_page_list_used_for_alternates_is_what_the_renderer_makes() -> None:
    # language_versions is given the output plan's pages, so that a build of one language still
    # knows the others' pages; its generated ones must be exactly the pages render_pages writes.
    site = prepare_site(settings_from_config_file(REPO_DIR, SITE_URL))
    rendered = {path for path in site.pages if path.endswith(".md")}
    claims = site.outputs.claims.values()
    planned = {claim.source for claim in claims if claim.kind and claim.kind.made_by in ("generated", "data")}
    assert rendered == {path for path in planned if path.endswith(".md")}
    assert set(site.pages) == planned
    # per language: home, events, accessibility, privacy, open data, translation status, project list
    assert len(rendered) == 1 + len(LANGUAGES) * (7 + len(site.projects))
