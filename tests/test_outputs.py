"""The registry of page kinds and the output plan: one address per file, collisions located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from microsite import pages
from microsite.calendar_files import calendar_events
from microsite.languages import LANGUAGES
from microsite.linkcheck import missing_outputs
from microsite.outputs import plan_outputs
from microsite.problems import DataError
from microsite.records import load_projects
from microsite.settings import REPO_DIR, settings_from_config_file
from microsite.site import prepare_site

from .conftest import FIXTURES, make_fixture_site, run_mkdocs

EVENT = "      - {{slug: {event}, title: {{pl: E}}, start: {{year: 2026, month: 5, day: 4}}, online: false}}\n"
RECORD = """  - slug: {slug}
    source_document: x
    original_language: pl
    title: {{pl: "T"}}
    summary: {{pl: "S"}}
    status: not-stated
    period: not-stated
    funding: not-stated
    budget: not-stated
    implementer: not-stated
    events:
"""


def records(tmp_path: Path, *pairs: tuple[str, str]) -> Path:
    text = "projects:\n" + "".join(RECORD.format(slug=slug) + EVENT.format(event=event) for slug, event in pairs)
    path = tmp_path / "projects.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_joined_slugs_no_longer_share_a_calendar_file(tmp_path: Path) -> None:
    # `open` + `data-day` and `open-data` + `day` were both events/open-data-day.ics
    projects = load_projects(records(tmp_path, ("open", "data-day"), ("open-data", "day")))
    plan = plan_outputs(projects, calendar_events(projects)[0], LANGUAGES, tmp_path / "content")
    assert plan.problems == []
    calendars = plan.outputs(pages.EVENT_CALENDAR)
    assert "pl/events/open/data-day.ics" in calendars and "pl/events/open-data/day.ics" in calendars
    assert len(calendars) == 2 * len(LANGUAGES)


def test_the_registry_makes_every_address_of_a_kind() -> None:
    assert pages.PROJECT.output("pl", "avatar") == "pl/projects/avatar.html"
    assert pages.PROJECT.source("pl", "avatar") == "pl/projects/avatar.md"
    assert (
        pages.PROJECT.url("https://x.org/s/", "pl", "avatar", anchor="e") == "https://x.org/s/pl/projects/avatar.html#e"
    )
    assert pages.EVENT_CALENDAR.in_language("bg", "avatar", "day") == "events/avatar/day.ics"
    assert pages.CALENDAR.source("ka") == "ka/events.ics"
    assert pages.output_of("pl/guide/README.md") == "pl/guide/index.html"
    assert len({kind.name for kind in pages.PAGE_KINDS}) == len(pages.PAGE_KINDS)
    assert len({kind.pattern for kind in pages.PAGE_KINDS}) == len(pages.PAGE_KINDS)


def test_the_navigation_is_the_registrys() -> None:
    """mkdocs.yml names no language's nav: the hook gives each the registry's (test_mkdocs_adapter)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((REPO_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    navs = {entry["locale"]: entry.get("nav") for entry in config["plugins"][0]["i18n"]["languages"]}
    assert pages.nav() == [
        "index.md",
        "projects/index.md",
        "events.md",
        "open-data.md",
        "about.md",
        "accessibility.md",
        "privacy.md",
    ]
    for lang in LANGUAGES:
        assert navs[lang] is None, lang


def test_the_built_site_has_every_planned_file_and_the_sitemaps_are_the_plans(built_site: Path) -> None:
    plan = prepare_site(settings_from_config_file(REPO_DIR)).outputs
    assert missing_outputs(built_site, sorted(plan.claims)) == []
    written = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("sitemap.xml"))
    assert written == plan.outputs(pages.SITEMAP)
    assert missing_outputs(built_site, ["pl/nowhere.html"]) == ["pl/nowhere.html: planned, but not in the built site"]


def test_symlinks_out_of_the_site_folder_are_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("# Private\n", encoding="utf-8")
    site = make_fixture_site(tmp_path / "site", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), {})
    (site / "content" / "pl").mkdir(parents=True)
    (site / "content" / "pl" / "notes.md").symlink_to(secret)
    (site / "content" / "pl" / "notes.txt").symlink_to(secret.with_name("gone.txt"))
    (site / "content" / "pl" / "inside.md").symlink_to(site / "data" / "projects.yaml")  # inside: allowed
    outside_data = tmp_path / "outside" / "funders.yaml"
    outside_data.write_text("programmes: []\n", encoding="utf-8")
    (site / "data" / "funders.yaml").symlink_to(outside_data)

    with pytest.raises(DataError) as raised:
        prepare_site(settings_from_config_file(site))
    report = raised.value.report()
    assert [p.file for p in raised.value.problems] == [
        "content/pl/notes.md",
        "content/pl/notes.txt",
        "data/funders.yaml",
    ]
    assert "outside the site folder" in report and "copy the file into the site folder" in report

    result = run_mkdocs(site, tmp_path / "out")  # the build refuses the same way, before reading anything
    assert result.returncode != 0
    assert "content/pl/notes.md: this is a link to" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "pl" / "notes.html").exists()
    shutil.rmtree(tmp_path / "outside")
