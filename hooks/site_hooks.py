"""MkDocs hooks: the only MkDocs-specific glue. Each function hands over to plain code in
`src/microsite/`; what it relies on in Material and mkdocs-static-i18n is in microsite.mkdocs_adapter,
so moving to another MkDocs-compatible builder means rewriting this file and that one only."""

from __future__ import annotations

import logging
import os
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from microsite import mkdocs_adapter as adapter
from microsite.alternates import alternate_links, sitemap_entries, switcher_links, write_sitemaps
from microsite.formatting import own_language_name
from microsite.incremental import (
    Incremental,
    NavTitles,
    collector_paused_once,
    digest,
    folder_contents,
    preview_build_epoch,
    remove_unwritten,
    set_aside_what_the_first_build_made,
)
from microsite.page_shell import (
    PRELOAD_FONTS,
    breadcrumb,
    is_base_theme_file,
    localise_permalinks,
    shell_links,
    wrap_tables,
)
from microsite.pages import SITEMAP, nav
from microsite.preview import banner, port_problem, preview_address, stand_in_site, terminal_note
from microsite.problems import DataError
from microsite.search.minify import minify_search_script
from microsite.search.shards import index_folder, write_site_indexes
from microsite.search.strings import search_strings
from microsite.settings import build_languages, site_settings
from microsite.shell_strings import shell_strings
from microsite.site import PreparedSite, not_found_messages, prepare_site
from microsite.staging import language_view
from microsite.terminal import BuildClock, allow_dirty_builds, build_summary, install, say

log = logging.getLogger("mkdocs.hooks.microsite")
ROOT_LANGUAGE = "mul"  # theme language of the root build (language chooser, 404), see mkdocs.yml
WATCH_INTERVAL = 0.1  # seconds between the preview's looks at data/, content/, … (a few files: cheap)


@dataclass
class HookState:
    """All that the hook keeps between events. mkdocs-static-i18n runs one MkDocs build per language
    in this same process, and `mkdocs serve` keeps this module between rebuilds: the records are
    loaded, validated and staged once, and again only when an input file has changed since."""

    languages: tuple[str, ...] = ()  # the site's, from mkdocs.yml (microsite.languages)
    language_names: dict[str, str] = field(default_factory=dict)  # each in its own language, for the switcher
    site: PreparedSite | None = None
    site_inputs: object = None  # SitePaths.fingerprint() of the inputs `site` was prepared from
    serving: bool = False  # under `mkdocs serve`, a mistake keeps the last good pages up (see on_config)
    problems: str | None = None  # the report shown on every page of the preview while there are mistakes
    clock: BuildClock = field(default_factory=BuildClock)  # for the one line per build (microsite.terminal)
    addressed: bool = False  # the preview's address is printed once, after its first build
    stand_in: bool = False  # the preview shows stand-in pages: it started while the files had problems
    # `mkdocs serve --dirty` (make serve): each save rebuilds only what it changes (microsite.incremental)
    fast: bool = False
    incremental: Incremental = field(default_factory=Incremental)
    nav_titles: NavTitles = field(default_factory=NavTitles)
    nav_pages: list[Page] = field(default_factory=list)  # the navigation of the language being built
    search_pages: dict[str, Any] = field(default_factory=dict)  # built pages read for the search index
    own_build_date: bool = False  # the preview set SOURCE_DATE_EPOCH (preview_build_epoch)
    rebuilt_languages: tuple[str, ...] = ()  # of this rebuild: those with a changed file

    @property
    def prepared(self) -> PreparedSite:
        assert self.site is not None, "on_config prepares the site before any other event"
        return self.site


_state = HookState()


def on_startup(command: str, dirty: bool) -> None:
    _state.serving = command == "serve"
    _state.fast = _state.serving and dirty
    install()  # progress notes only with VERBOSE=1
    adapter.remember_i18n_path_tests()
    if _state.fast:
        allow_dirty_builds()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    adapter.stop_watching(server, config.docs_dir)  # the staging folder: made from the watched folders
    if _state.fast:
        adapter.look_for_changes_every(server, WATCH_INTERVAL)
    return server


@event_priority(adapter.BEFORE_I18N)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clock.start()
    if not config.site_url:
        raise PluginError(
            "site_url is not set. Sitemaps, language alternates and calendar files need the site's "
            "public address: set SITE_URL (e.g. SITE_URL=https://projects.example.org/ make build) "
            "or site_url in mkdocs.yml."
        )
    if _state.serving and not _state.addressed and (busy := port_problem(config.dev_addr.host, config.dev_addr.port)):
        raise PluginError(busy)
    languages = _state.languages = adapter.site_languages(config)
    _state.language_names = {lang: own_language_name(lang) for lang in languages}
    try:  # a parallel build (`microsite build --jobs N`) gives each process some languages
        building = build_languages(os.environ.get("MICROSITE_LANGUAGES"), languages)
    except ValueError as err:
        raise PluginError(str(err)) from None
    outermost = adapter.is_outermost_build(config)
    fast_rebuild = _state.fast and outermost
    # a fast rebuild runs MkDocs only for the languages it changed (their outputs stay otherwise)
    to_build = _state.rebuilt_languages if _state.fast and not fast_rebuild else building
    adapter.choose_languages_to_build(config, languages, to_build)
    adapter.share_nav(config, languages, nav())  # the registry of page kinds' navigation
    folder = Path(config.config_file_path).resolve().parent
    paths = site_settings(folder, config.site_url, dict(config.extra), building, languages, preview=_state.serving)
    if fast_rebuild:
        if _state.own_build_date or "SOURCE_DATE_EPOCH" not in os.environ:
            os.environ["SOURCE_DATE_EPOCH"], _state.own_build_date = preview_build_epoch(time.time()), True
        _state.incremental.before_staging(paths.stage_dir)
    # Only the outermost build looks at the inputs: the language builds inside it use what it
    # prepared. A file saved during a run (an editor writes in two steps) would otherwise give some
    # languages other pages than the rest, and the preview would miss what the save removed.
    inputs = paths.fingerprint() if outermost or _state.site is None else _state.site_inputs
    if _state.site is None or inputs != _state.site_inputs:
        try:
            with collector_paused_once() if _state.fast and _state.site is not None else nullcontext():
                _state.site = prepare_site(paths)
            _state.problems = None
            _state.stand_in = False
        except DataError as err:
            if not _state.serving:
                say(err.report())
                raise PluginError("the site was not built: fix the problems listed above") from None
            # A mistake never stops the preview: it keeps the last good pages (or, at start, stand-in
            # pages) with the problems in a banner, and recovers on the next good save.
            _state.problems, _state.stand_in = err.report(), _state.stand_in or _state.site is None
            if _state.stand_in:
                _state.site = stand_in_site(paths)
            say(terminal_note(_state.problems, good_version=not _state.stand_in))
        _state.site_inputs = inputs
        for note in _state.prepared.notes:
            log.info(note)
    if fast_rebuild:
        changes = _state.incremental.after_staging(
            _state.prepared.paths.stage_dir,
            shown_everywhere(config, paths.locales_dir, building),
            _state.prepared.versions,
        )
        _state.rebuilt_languages = tuple(changes.languages(building))
        adapter.choose_languages_to_build(config, languages, _state.rebuilt_languages)
    adapter.drop_theme_sitemap(config)
    adapter.list_only_our_theme_files(config)
    # each build lists only the staged files it uses (the same files static-i18n would keep)
    stage_dir = _state.prepared.paths.stage_dir
    config.docs_dir = str(language_view(stage_dir, adapter.language_being_built(config), languages))
    return config


def shown_everywhere(config: MkDocsConfig, locales_dir: Path, building: tuple[str, ...]) -> str:
    """A fingerprint of what every page shows: when it changes, the preview rebuilds every page."""
    theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    return digest(
        Path(config.config_file_path).read_bytes(),
        folder_contents([theme, locales_dir]),
        _state.problems,
        _state.stand_in,
        building,
        config.site_url,
    )


def on_pre_build(config: MkDocsConfig) -> None:
    # Every language build would write the one root 404.html, the last language winning; only the
    # root build (all four languages, see overrides/404.html) writes it.
    adapter.write_not_found_page(config, adapter.build_language(config) == ROOT_LANGUAGE)
    # The language switcher lists every language, also those another process builds (static-i18n
    # lists only the languages it builds); pages replace these home links by their own versions.
    adapter.set_switcher(config, switcher_links(config.site_url or "", {}, _state.language_names))


def on_build_error(error: Exception) -> None:
    if _state.fast:
        _state.incremental.forget()


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    site, lang = _state.prepared, adapter.build_language(config)
    adapter.json_as_text(env)
    env.globals["microsite_not_found"] = not_found_messages(site, lang)
    # the page shell's words: this language's, or every language's on the root pages (chooser, 404)
    shell_languages = [lang] if lang in site.translations else [x for x in _state.languages if x in site.translations]
    env.globals["microsite_shell"] = [
        {"lang": x, "strings": shell_strings(site.translations[x].gettext), "links": shell_links(x)}
        for x in shell_languages
    ]
    env.globals["microsite_preload_fonts"] = PRELOAD_FONTS.get(lang, ())
    # the preview's banner: what is wrong in data/ or content/ (None when all is well)
    page_languages = [lang] if lang in _state.languages else list(_state.languages)
    env.globals["microsite_problems"] = banner(_state.problems, site.translations, page_languages, not _state.stand_in)
    if _state.fast:
        settle_nav_titles(config, files, lang)
    # the per-language search box (overrides/partials/microsite-search.html); none on the root pages
    env.globals["microsite_search"] = (
        {
            "index": index_folder(lang),
            "lang": lang,
            "strings": search_strings(site.translations[lang].gettext, site.translations[lang].ngettext, lang),
        }
        if lang in _state.languages
        else None
    )
    return env


def settle_nav_titles(config: MkDocsConfig, files: Any, lang: str) -> None:
    """A dirty build reads only the pages it rebuilds: the others' titles (menu, breadcrumbs) are given
    back, or, when a navigation title changed, every page of the language is read and rebuilt."""
    pages = _state.nav_pages
    read = {page.file.src_uri: page.title for page in pages if adapter.is_read(page)}
    unread = [page for page in pages if not adapter.is_read(page)]
    titles = _state.nav_titles.settle(lang, read, [page.file.src_uri for page in unread])
    if titles is not None:
        for page in unread:
            adapter.give_title(page, titles[page.file.src_uri])
        return
    for file in files.documentation_pages():
        if file.page is not None and not adapter.is_read(file.page):
            adapter.read_page(file.page, config, files)
            os.utime(file.abs_src_path)  # newer than its output: MkDocs rebuilds it


@event_priority(adapter.AFTER_I18N_NAV)
def on_nav(nav: Any, config: MkDocsConfig, files: Any) -> Any:
    _state.nav_pages = list(nav.pages)
    return nav


def on_files(files: Any, config: MkDocsConfig) -> Any:
    # Our own page shell (overrides/main.html) uses none of Material's CSS, JavaScript, icons or
    # images: they are not published. Our files in overrides/ are kept.
    theme_dirs = list(config.theme.dirs)
    for file in list(files):
        if is_base_theme_file(file.abs_src_path, theme_dirs, config.theme.custom_dir):
            files.remove(file)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    site, lang = _state.prepared, adapter.build_language(config)
    if lang not in site.translations:
        return html
    words = shell_strings(site.translations[lang].gettext)
    return wrap_tables(localise_permalinks(html, words["permalink"]), words["table"])


@event_priority(adapter.AFTER_I18N)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    adapter.empty_hidden_toc(page)
    urls = _state.prepared.versions.get(page.file.src_uri, {})
    context["microsite_alternates"] = alternate_links(config.site_url or "", urls, _state.languages)
    context["microsite_breadcrumb"] = breadcrumb(page.url, {item.url: item.title for item in nav.pages})
    adapter.set_switcher(config, switcher_links(config.site_url or "", urls, _state.language_names))
    return context


@event_priority(adapter.AFTER_I18N_BUILDS)
def on_post_build(config: MkDocsConfig) -> None:
    if not adapter.is_outermost_build(config):
        return
    # the outermost build, after every language: the files made from all of them
    site, site_url = _state.prepared, config.site_url or ""
    site_dir, built = Path(config.site_dir), site.paths.build_languages
    if _state.fast:  # before the search index, which reads every page in site_dir
        _state.incremental.remove_stale_outputs(site_dir)
    entries = sitemap_entries(site.versions, site_url, _state.languages)
    sitemaps = write_sitemaps(site_dir, entries, site_url, site.outputs.outputs(SITEMAP), built)
    if _state.fast:
        remove_unwritten(site_dir, Path(SITEMAP.pattern).name, sitemaps)
    if _state.fast:  # the other languages' pages are as they were, and so are their indexes
        write_site_indexes(site_dir, list(_state.rebuilt_languages), _state.search_pages)
    else:
        write_site_indexes(site_dir, list(built))
    minify_search_script(site_dir)
    say(build_summary(site_dir, built, site.paths.builds_root, _state.clock.stop()))
    if _state.serving and not _state.addressed:
        _state.addressed = True
        if _state.fast:
            set_aside_what_the_first_build_made()
        say(preview_address(config.dev_addr.host, config.dev_addr.port))
