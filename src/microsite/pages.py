"""The registry of everything the site publishes: each kind of page or file, with its address.

This is the one place that makes URLs and output paths. A kind's `pattern` is its path in the
built site (= its URL relative to the site root), with `{lang}`, `{project}` and `{event}` to fill
in. Pages made from Markdown are staged as `.md` (MkDocs turns them into the `.html` address).

To add a page kind: add a `PageKind` below and to `PAGE_KINDS` (a `nav` position puts it in each
language's navigation, see `nav()`), write its template, and render it in `site.render_pages` under
`kind.source(lang, ...)`. Templates link to it by name: `link_to("events")`, `href_to(...)` in raw
HTML, `url_to(...)` for an absolute URL (render.Renderer). The output plan (`outputs.py`, which
reports collisions), staging, alternates, sitemaps, the link check and the tests then know it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin

MadeBy = Literal["written", "generated", "data", "theme", "post-build"]


@dataclass(frozen=True)
class PageKind:
    name: str
    pattern: str  # path in site/, e.g. "{lang}/projects/{project}.html"
    made_by: MadeBy  # written: content/; generated: a template; data: code; theme/post-build: MkDocs side
    lists: str  # what it shows, for the reader of this registry
    template: str | None = None  # in templates/
    nav: int | None = None  # position in each language's navigation; None: not in it
    # a written file merged into the generated page instead of published on its own (content/ path)
    merges: str | None = None

    def template_file(self) -> str:
        """Its template in templates/ (only the kinds rendered from one ask for it)."""
        if self.template is None:
            raise ValueError(f"the {self.name} kind has no template")
        return self.template

    @property
    def per_language(self) -> bool:
        return "{lang}" in self.pattern

    @property
    def is_page(self) -> bool:
        return self.pattern.endswith(".html")

    def output(self, lang: str = "", project: str = "", event: str = "", folder: str = "") -> str:
        """Its path in the built site, also its URL relative to the site root."""
        return self.pattern.format(lang=lang, project=project, event=event, folder=folder)

    def source(self, lang: str = "", project: str = "", event: str = "") -> str:
        """Its path in docs_dir (the staging folder): Markdown for pages, the file itself otherwise."""
        output = self.output(lang, project, event)
        return source_of(output) if self.made_by in ("written", "generated") else output

    def url(self, site_url: str, lang: str = "", project: str = "", event: str = "", anchor: str = "") -> str:
        """Its absolute URL."""
        return urljoin(site_url, self.output(lang, project, event)) + (f"#{anchor}" if anchor else "")

    def in_language(self, lang: str, project: str = "", event: str = "") -> str:
        """Its URL relative to its language folder (for links between pages of one language)."""
        return self.output(lang, project, event).removeprefix(f"{lang}/")


# Written by editors in content/<lang>/ (listed for the navigation; any other written page is published too).
ABOUT = PageKind("about", "{lang}/about.html", "written", "about the site", nav=40)
# Generated from the records and mkdocs.yml.
HOME = PageKind(
    "home",
    "{lang}/index.html",
    "generated",
    "the language's home page: the editors' introduction, the projects, upcoming events, open data",
    "home.md.j2",
    nav=0,
    merges="{lang}/index.md",  # the editors' introduction
)
ROOT = PageKind("root", "index.html", "generated", "the language chooser (x-default)", "root_index.md.j2")
PROJECT_INDEX = PageKind(
    "project-index", "{lang}/projects/index.html", "generated", "every project", "projects_index.md.j2", nav=10
)
PROJECT = PageKind(
    "project",
    "{lang}/projects/{project}.html",
    "generated",
    "one project's facts, events and JSON-LD",
    "project.md.j2",
    merges="{lang}/projects/{project}.md",  # the project's longer story, written by an editor
)
EVENTS = PageKind("events", "{lang}/events.html", "generated", "every event, by date", "events.md.j2", nav=20)
OPEN_DATA = PageKind(
    "open-data", "{lang}/open-data.html", "generated", "the open-data exports", "open_data.md.j2", nav=30
)
TRANSLATION_STATUS = PageKind(
    "translation-status",
    "{lang}/translation-status.html",
    "generated",
    "which record text is original, translated or missing",
    "translation_status.md.j2",
)
PRIVACY = PageKind(
    "privacy",
    "{lang}/privacy.html",
    "generated",
    "the privacy notice (its text in the catalogs)",
    "privacy.md.j2",
    nav=60,
)
ACCESSIBILITY = PageKind(
    "accessibility",
    "{lang}/accessibility.html",
    "generated",
    "the accessibility statement (mkdocs.yml extra.accessibility)",
    "accessibility/{lang}.md.j2",  # where a country's law words it its own way; else accessibility/statement.md.j2
    nav=50,
)
NOT_FOUND = PageKind("404", "404.html", "theme", "the 404 page in every language", "overrides/404.html")
PROJECT_FILTERS = PageKind(
    "project-filters",
    "assets/javascripts/project-filters.js",
    "theme",
    "the project list's filters and sort (overrides/assets/javascripts/, loaded by that page only)",
)
CALENDAR = PageKind("calendar", "{lang}/events.ics", "data", "every event with a full date (iCalendar)")
# One folder per project: slugs contain no "/", so no two events of the site can share a file.
EVENT_CALENDAR = PageKind("event-calendar", "{lang}/events/{project}/{event}.ics", "data", "one event (iCalendar)")
PROJECTS_JSON = PageKind("projects-json", "open-data/projects.json", "data", "every record, as validated")
PROJECTS_CSV = PageKind("projects-csv", "open-data/projects.csv", "data", "one row per project and language")
PROJECTS_SCHEMA = PageKind("projects-schema", "open-data/projects.schema.json", "data", "the records' JSON Schema")
ROBOTS = PageKind("robots", "robots.txt", "data", "crawling rules and the sitemap's address")
SEARCH_INDEX = PageKind(
    "search-index",
    "{lang}/search-index/manifest.js",
    "post-build",
    "the language's search index (its manifest; the shards beside it, search/shards.py)",
)
# In the root and in every folder that holds pages ({folder}: "", "pl/", "pl/projects/"), because
# One sitemap in every folder that holds pages, for search engines (alternates.write_sitemaps).
SITEMAP = PageKind("sitemap", "{folder}sitemap.xml", "post-build", "the pages in and below its folder, with alternates")

PAGE_KINDS: tuple[PageKind, ...] = (
    HOME,
    ABOUT,
    PRIVACY,
    ROOT,
    PROJECT_INDEX,
    PROJECT,
    EVENTS,
    OPEN_DATA,
    TRANSLATION_STATUS,
    ACCESSIBILITY,
    NOT_FOUND,
    PROJECT_FILTERS,
    CALENDAR,
    EVENT_CALENDAR,
    PROJECTS_JSON,
    PROJECTS_CSV,
    PROJECTS_SCHEMA,
    ROBOTS,
    SEARCH_INDEX,
    SITEMAP,
)


KINDS: dict[str, PageKind] = {kind.name: kind for kind in PAGE_KINDS}


def link(
    here: str, kind: PageKind, lang: str = "", project: str = "", event: str = "", anchor: str = "", raw: bool = False
) -> str:
    """A relative link from the page staged at `here` to a kind's file: for Markdown, to the .md
    source of a page (MkDocs checks that it exists and writes the .html address); `raw`, for raw
    HTML, which MkDocs leaves alone, to the file as published."""
    target = kind.output(lang, project, event) if raw else kind.source(lang, project, event)
    relative = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def source_of(output: str) -> str:
    """The Markdown page in docs_dir that becomes this .html page."""
    return output.removesuffix(".html") + ".md" if output.endswith(".html") else output


def output_of(source: str) -> str:
    """The path in site/ of a file in docs_dir: Markdown becomes .html (README.md is an index)."""
    if not source.endswith(".md"):
        return source
    head, _, name = source.rpartition("/")
    name = "index.md" if name == "README.md" else name
    return f"{head}/{name}".lstrip("/").removesuffix(".md") + ".html"


def nav() -> list[str]:
    """Each language's navigation, in order: MkDocs' `nav:` (paths relative to the language folder)."""
    kinds = sorted((kind for kind in PAGE_KINDS if kind.nav is not None), key=lambda kind: kind.nav or 0)
    return [
        kind.in_language("LANG") if not kind.is_page else kind.source("LANG").removeprefix("LANG/") for kind in kinds
    ]


def language_pages() -> list[str]:
    """The pages every language has besides one per project, relative to the language folder."""
    kinds = [kind for kind in PAGE_KINDS if kind.per_language and kind.is_page and "{project}" not in kind.pattern]
    return [kind.in_language("LANG") for kind in kinds]
