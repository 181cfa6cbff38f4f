"""The whole pipeline, without MkDocs: records → validation → view models → pages → staging folder.
Settings are in settings.py, the accessibility statement in accessibility.py, the projects' stories
in narratives.py; this module puts them together.

data/projects.yaml ─load+validate─> Project records ─project_view─> ProjectView per language
    ─Renderer (templates/*.j2)─> Markdown pages ─stage─> build/pages/ (docs_dir for MkDocs)
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from babel.support import Translations

from microsite import pages
from microsite.accessibility import accessibility_statement, check_accessibility_settings, unwritten_known_issues
from microsite.alternates import language_versions
from microsite.calendar_files import calendar_events, calendars, event_listings
from microsite.catalogs import load_translations
from microsite.content_check import check_content, links_leaving
from microsite.formatting import own_language_name
from microsite.jsonld import project_jsonld, script_json
from microsite.key_facts import key_facts
from microsite.languages import LANGUAGES
from microsite.narratives import read_narratives
from microsite.open_data import projects_csv, projects_json, projects_schema
from microsite.outputs import OutputPlan, plan_outputs
from microsite.problems import DataError, Problem
from microsite.records import load_funders, load_located_projects
from microsite.render import Renderer
from microsite.schema import Event, FundingProgramme, Project
from microsite.settings import SitePaths
from microsite.staging import stage
from microsite.translation_sources import TextState, TranslationSources, load_sources, translation_states
from microsite.translation_status import content_pages, outdated_problems, project_statuses, translation_status
from microsite.viewmodel import ProjectViews
from microsite.yaml_source import LoadedYaml


def N_(message: str) -> str:
    """Marks interface text for extraction into the catalogs; translated where it is shown."""
    return message


TAGLINE = N_("Open-government projects: facts, funding, partners and events")
CHOOSE = N_("Choose your language")  # the root chooser's heading, in every language
NOT_FOUND_TITLE = N_("Page not found")
NOT_FOUND_TEXT = N_("The page you asked for does not exist. It may have moved.")
NOT_FOUND_HOME = N_("Go to the home page")


@dataclass
class PreparedSite:
    paths: SitePaths
    projects: list[Project]
    translations: dict[str, Translations]
    funders: dict[str, FundingProgramme]
    views: ProjectViews = field(default_factory=ProjectViews)  # each view made once, used by every output
    pages: dict[str, str] = field(default_factory=dict)  # generated files by path in docs_dir
    outputs: OutputPlan = field(default_factory=OutputPlan)  # every file of the whole site, and who writes it
    # every page of the whole site (all languages, even those another process builds) by path in
    # docs_dir, with the URL of its version in each language (alternates.language_versions)
    versions: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the build report should say
    calendar_ready: list[tuple[Project, Event]] = field(default_factory=list)  # events with a full date
    text_states: list[TextState] = field(default_factory=list)  # each translation: up to date or outdated


def check_inputs(
    paths: SitePaths, languages: tuple[str, ...] | None = None
) -> tuple[PreparedSite, dict[tuple[str, str], str]]:
    """Read and validate data/, content/, the catalogs and the settings (what `microsite check` does,
    without rendering); the site without pages yet, and the project stories. Raises DataError."""
    languages = languages or paths.languages
    # Each check runs even when an earlier one failed, so that every problem is listed at once.
    # Nothing outside the site folder is read: links out of data/ or content/ stop the run unread.
    leaving = links_leaving(paths.source_dir / "data", paths.source_dir, "data")
    leaving += links_leaving(paths.content_dir, paths.source_dir, "content")
    if leaving:
        raise DataError(leaving)
    problems: list[Problem] = []
    projects: list[Project] = []
    records: LoadedYaml | None = None
    funders: list[FundingProgramme] = []
    translations: dict[str, Translations] = {}
    try:  # optional: a site whose projects name no funding programme needs no funders.yaml
        if paths.funders_file.exists():
            funders = load_funders(paths.funders_file, paths.shown(paths.funders_file))
    except DataError as err:
        problems += err.problems
    try:
        known = {programme.id for programme in funders} if not problems else None
        projects, records = load_located_projects(
            paths.data_file, paths.shown(paths.data_file), known, source_files(paths), reuse=paths.preview
        )
    except DataError as err:
        problems += err.problems
    untranslated: list[Problem] | None = [] if paths.preview else None
    try:
        translations = load_translations(paths.locales_dir, languages, untranslated)
    except DataError as err:
        problems += err.problems
    sources = TranslationSources()
    try:
        sources = load_sources(paths.translations_file, paths.shown(paths.translations_file))
    except DataError as err:
        problems += err.problems
    text_states = translation_states(projects, sources)
    if paths.refuse_outdated:
        problems += outdated_problems(text_states, paths.data_file, paths.shown(paths.data_file))
    problems += check_content(paths.content_dir, languages)
    problems += check_accessibility_settings(paths.accessibility, languages)
    narratives, narrative_problems = read_narratives(paths, projects, languages)
    problems += narrative_problems
    ready, left_out = calendar_events(projects)
    outputs = plan_outputs(projects, ready, languages, paths.content_dir, records)
    problems += outputs.problems
    if problems:
        raise DataError(problems)
    site = PreparedSite(
        paths,
        projects,
        translations,
        {programme.id: programme for programme in funders},
        views=ProjectViews(text_states),
        text_states=text_states,
    )
    site.calendar_ready, site.outputs = ready, outputs
    site.notes = [f"event {item.project}/{item.event} is not in the calendar files: {item.reason}" for item in left_out]
    site.notes += untranslated_notes(untranslated or [])
    site.notes += unwritten_known_issues(paths.accessibility, languages)
    return site, narratives


def prepare_site(paths: SitePaths, languages: tuple[str, ...] | None = None) -> PreparedSite:
    """Validate everything, render the generated pages and stage them. Raises DataError."""
    languages = languages or paths.languages
    site, narratives = check_inputs(paths, languages)
    outputs = site.outputs
    building = tuple(lang for lang in languages if lang in paths.build_languages)
    site.pages = render_pages(site, narratives, building, languages)
    for path, text in data_files(site, building).items():
        _add(site.pages, path, text)
    site.versions = language_versions(outputs.page_sources(), languages)
    left_out_languages = tuple(lang for lang in languages if lang not in building)
    stage(paths.stage_dir, paths.content_dir, site.pages, left_out_languages, outputs.sources())
    return site


def untranslated_notes(untranslated: list[Problem]) -> list[str]:
    """One line per catalog with strings left to translate (a preview shows them in English)."""
    per_file: dict[str, int] = {}
    for problem in untranslated:
        per_file[problem.file] = per_file.get(problem.file, 0) + 1
    return [
        f"{file}: {count} interface strings are not translated yet; the preview shows them in English, "
        "a published build refuses until they are"
        for file, count in per_file.items()
    ]


def _add(files: dict[str, str], path: str, text: str) -> None:
    # two writers of one path would silently keep the last; the output plan has ruled that out
    if path in files:
        raise RuntimeError(f"{path} is written twice")
    files[path] = text


def source_files(paths: SitePaths) -> set[str] | None:
    """The source pages a record's `source_document` may name (None: the site keeps no sources folder)."""
    folder = paths.data_file.parent / "sources"
    if not folder.is_dir():
        return None
    return {file.name for file in folder.iterdir() if file.is_file() and file.name != "README.md"}


def render_pages(
    site: PreparedSite,
    narratives: dict[tuple[str, str], str],
    building: tuple[str, ...],
    languages: tuple[str, ...] = LANGUAGES,
) -> dict[str, str]:
    """The generated pages of the languages being built, and the root chooser (which names them all)."""
    renderer = Renderer(site.paths.templates_dir, site.translations, site.paths.site_url)
    choices = [
        (lang, own_language_name(lang), catalog.gettext(TAGLINE), catalog.gettext(CHOOSE))
        for lang, catalog in ((lang, site.translations[lang]) for lang in languages)
    ]
    files: dict[str, str] = {}
    _add(
        files,
        pages.ROOT.source(),
        renderer.render(pages.ROOT.template_file(), languages[0], pages.ROOT, choices=choices),
    )
    status_rows = project_statuses(translation_status(site.projects, languages, site.text_states), languages)
    pages_by_language = content_pages(site.paths.content_dir, languages)
    today = build_date().date()
    for lang in building:
        listings = event_listings(site.projects, lang, today, site.views)
        events = renderer.render(
            pages.EVENTS.template_file(), lang, pages.EVENTS, listings=listings, feed=bool(site.calendar_ready)
        )
        _add(files, pages.EVENTS.source(lang), events)
        statement = accessibility_statement(renderer, site.paths.accessibility, lang, site.paths.site_url, languages)
        _add(files, pages.ACCESSIBILITY.source(lang), statement)
        _add(files, pages.PRIVACY.source(lang), renderer.render(pages.PRIVACY.template_file(), lang, pages.PRIVACY))
        open_data = renderer.render(
            pages.OPEN_DATA.template_file(),
            lang,
            pages.OPEN_DATA,
            licence=site.paths.data_licence,
            licence_url=site.paths.data_licence_url,
        )
        _add(files, pages.OPEN_DATA.source(lang), open_data)
        status = renderer.render(
            pages.TRANSLATION_STATUS.template_file(),
            lang,
            pages.TRANSLATION_STATUS,
            rows=status_rows,
            languages=languages,
            content_pages=pages_by_language,
        )
        _add(files, pages.TRANSLATION_STATUS.source(lang), status)
        views = [site.views(project, lang) for project in site.projects]
        catalog = site.translations[lang]
        facts = [key_facts(p, view, today, catalog.gettext) for p, view in zip(site.projects, views, strict=True)]
        _add(files, pages.PROJECT_INDEX.source(lang), renderer.projects_index(views, facts, lang))
        # the home page: the editors' content/<lang>/index.md as its introduction, then the records
        cards = renderer.cards(views, facts, lang)[0]
        _add(files, pages.HOME.source(lang), renderer.home_page(site.paths.content_dir, cards, listings, lang))
        for project, view, fact in zip(site.projects, views, facts, strict=True):
            page_url = pages.PROJECT.url(site.paths.site_url, lang, view.slug)
            programme = (
                site.funders.get(project.funding.programme_id or "") if project.funding != "not-stated" else None
            )
            page = renderer.project_page(
                view,
                fact,
                narratives.get((lang, view.slug)),
                script_json(project_jsonld(project, lang, page_url, site.views)),
                programme,
            )
            _add(files, pages.PROJECT.source(lang, view.slug), page)
    return files


def build_date() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for a reproducible build (it decides upcoming vs past events)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)


def data_files(site: PreparedSite, building: tuple[str, ...]) -> dict[str, str]:
    """Open data, calendars and robots.txt, next to the pages."""
    site_url = site.paths.site_url
    files = {}
    if site.paths.builds_root:
        files = {
            pages.PROJECTS_JSON.source(): projects_json(site.projects, site.views),
            pages.PROJECTS_CSV.source(): projects_csv(site.projects, site.paths.languages, site.views),
            pages.PROJECTS_SCHEMA.source(): projects_schema(),
            pages.ROBOTS.source(): f"User-agent: *\nAllow: /\nSitemap: {pages.SITEMAP.url(site_url)}\n",
        }
    stamp = build_date()
    for lang in building:
        feed, singles = calendars(site.calendar_ready, lang, site_url, stamp, site.views)
        _add(files, pages.CALENDAR.source(lang), feed.decode("utf-8"))
        for (project, event), single in zip(site.calendar_ready, singles, strict=True):
            _add(files, pages.EVENT_CALENDAR.source(lang, project.slug, event.slug), single.decode("utf-8"))
    return files


def not_found_messages(site: PreparedSite, build_language: str) -> list[dict[str, str]]:
    """The 404 text in the language being built, or in every language for the root (chooser)."""
    languages = [build_language] if build_language in site.translations else list(site.translations)
    return [
        {
            "lang": lang,
            "title": site.translations[lang].gettext(NOT_FOUND_TITLE),
            "text": site.translations[lang].gettext(NOT_FOUND_TEXT),
            "home": site.translations[lang].gettext(NOT_FOUND_HOME),
            "home_url": pages.HOME.output(lang),
        }
        for lang in languages
    ]
