"""Every place where the site relies on Material for MkDocs or mkdocs-static-i18n beyond MkDocs' own
plugin events, in one module, each tested in tests/test_mkdocs_adapter.py.

Material is in maintenance mode and MkDocs 2.0 drops plugins, so this is the list of what to redo
when the stack moves (README, "When the stack moves"):

static-i18n
  0. the site's languages: its `languages` list (all but the root's `default` entry)  site_languages
  1. languages to build: its per-language entries (`plugins.i18n.languages[].build`)   choose_languages_to_build
  2. the outermost build: its `building` flag, set while it runs the other languages  is_outermost_build
  3. the language being built: it sets the theme's `language` for each build           build_language
  4. the language switcher: it resets `extra.alternate` (key and attribute) per build   set_switcher
  5. one nav for every language: its per-language `nav` option                          share_nav
  6. the event order: ours before its on_config, after its on_nav, on_page_context and
     on_post_build (it runs the other languages' builds inside its on_post_build)      BEFORE_I18N, AFTER_I18N
Material for MkDocs
  7. its static pages `sitemap.xml` (ours replace it), `404.html`  drop_theme_sitemap, write_not_found_page
  8. the hidden table of contents (front matter `hide: [toc]`) still written          empty_hidden_toc
  9. its interface translations, one partial per language                             theme_has_language
  10. JSON written into pages (its translations, our search strings)                   json_as_text
  11. its bundle's third-party URLs and source maps                                   microsite.theme_scripts
  12. the blocks and partials overridden in overrides/ (main.html, partials/*.html, 404.html)
MkDocs (the preview's fast rebuild, microsite.incremental)
  13. a dirty build skips the pages it does not rebuild: read one anyway, give one its title
                                                                          read_page, is_read, give_title
  14. the preview server watches docs_dir (the staging folder, written by the hook)  stop_watching
      and looks for changes every 0.5 s (a save waits for it)                        look_for_changes_every
  15. the warning every dirty build logs (strict mode would fail on it)            DIRTY_BUILD_WARNING
  16. the theme's environment, made anew for every build: MkDocs lists every file of every theme
      folder (Material's: 14 000) to publish them, and compiles every template again   list_only_our_theme_files
  17. static-i18n's folder structure: a language's build uses only the files of its folder (the
      root's build those outside every language folder), so the hook gives each build a view of
      only those (staging.language_view); static-i18n names the language before each build inside
      its own                                                                 language_being_built
  18. static-i18n's test of whether a path is in a language's folder (pathlib, every file of
      every build), whose answers are remembered                          remember_i18n_path_tests
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from microsite.render import CompiledTemplates

I18N_PLUGIN = "i18n"
# Event priorities: static-i18n runs its own at -100 (on_config, on_post_build) and 50 (on_page_context).
BEFORE_I18N = 100  # on_config: before static-i18n reads docs_dir and the languages
AFTER_I18N = -50  # on_page_context: after static-i18n, which resets `extra.alternate` for every page
AFTER_I18N_BUILDS = -200  # on_post_build: after static-i18n has run the other languages' builds
AFTER_I18N_NAV = -150  # on_nav: after static-i18n has made the language's navigation


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get(I18N_PLUGIN)


def i18n_languages(config: MkDocsConfig) -> list[Any]:
    """static-i18n's language entries (each has `.locale`, `.build`, `.nav`, `.theme`, …)."""
    plugin = _i18n(config)
    return list(plugin.config["languages"]) if plugin is not None else []


def site_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The site's languages, in the switcher's order: the one list (see microsite.languages)."""
    return tuple(str(entry.locale) for entry in i18n_languages(config) if not entry.default)


def choose_languages_to_build(config: MkDocsConfig, languages: Iterable[str], building: Iterable[str]) -> None:
    """Build only `building` of the site's `languages` (the root entry is left as it is)."""
    site_languages, wanted = set(languages), set(building)
    for entry in i18n_languages(config):
        if entry.locale in site_languages:
            entry.build = entry.locale in wanted


def share_nav(config: MkDocsConfig, languages: Iterable[str], nav: list[str]) -> None:
    """One nav (paths in the language's folder) for every language that does not set its own."""
    site_languages = set(languages)
    for entry in i18n_languages(config):
        if entry.locale in site_languages and entry.nav is None:
            entry.nav = list(nav)
        if entry.locale in site_languages and not (entry.theme or {}).get("language"):
            # static-i18n resets theme options between builds: each language names its own
            entry.theme = {**(entry.theme or {}), "language": entry.locale}


def is_outermost_build(config: MkDocsConfig) -> bool:
    """Whether this on_post_build ends the whole run (static-i18n runs every other language inside it)."""
    plugin = _i18n(config)
    return not getattr(plugin, "building", False)


def language_being_built(config: MkDocsConfig) -> str:
    """At on_config (ours runs before static-i18n's): the language this build makes, "" for the
    outermost build (the root's); static-i18n names the language before each build inside it."""
    plugin = _i18n(config)
    if plugin is None or not getattr(plugin, "building", False):
        return ""
    return str(plugin.current_language)


def build_language(config: MkDocsConfig) -> str:
    """The theme language of the build being made (a site language, or the root's)."""
    return str(config.theme.get("language", ""))


def set_switcher(config: MkDocsConfig, links: list[dict[str, str]]) -> None:
    # static-i18n sets `extra.alternate` both as a key and as an attribute (which templates read first)
    config.extra["alternate"] = links
    setattr(config.extra, "alternate", links)  # noqa: B010


def drop_theme_sitemap(config: MkDocsConfig) -> None:
    """We write the sitemaps ourselves, with every language's alternates."""
    config.theme.static_templates.discard("sitemap.xml")


def write_not_found_page(config: MkDocsConfig, write: bool) -> None:
    """Whether this build writes the theme's 404.html (every language build would overwrite the one file)."""
    if write:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


def empty_hidden_toc(page: Page) -> None:
    """Material still writes a table of contents it hides; on the project index it would repeat every
    project (a second copy of the page). The h1 stays: it is the skip link's target."""
    if "toc" in (page.meta.get("hide") or []) and page.toc.items:
        page.toc.items[0].children = []


def theme_has_language(locale: str) -> bool:
    """Whether Material has its interface words (search, skip link, …) in this language."""
    return files("material").joinpath("templates", "partials", "languages", f"{locale}.html").is_file()


def json_as_text(env: Any) -> None:
    """JSON in pages (Material's translations, our search strings) as UTF-8 text, not \\uXXXX escapes:
    a third of the size for Greek, Cyrillic and Georgian. Jinja still escapes <, >, & and '."""
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}


# Logged by every dirty build (mkdocs.commands.build): the preview's rebuilds are made exact by the hook.
DIRTY_BUILD_LOGGER = "mkdocs.commands.build"
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"


def is_read(page: Page) -> bool:
    """Whether this build has read the page's Markdown (a dirty build skips pages it does not rebuild)."""
    return page.markdown is not None


def read_page(page: Page, config: MkDocsConfig, files: Any) -> None:
    """Read and render a page a dirty build skipped, as MkDocs itself does (with the plugin events)."""
    mkdocs_build._populate_page(page, config, files, dirty=False)


def give_title(page: Page, title: str | None) -> None:
    """The title of a page this build has not read (the same as when it was last read: unchanged)."""
    page.title = title  # MkDocs lets a property be set


def stop_watching(server: Any, path: str) -> None:
    """`mkdocs serve` watches docs_dir; ours is written by the hook from the watched folders, so a
    change there only follows a rebuild and would start a needless second one."""
    server.unwatch(path)


def look_for_changes_every(server: Any, seconds: float) -> None:
    """How often `mkdocs serve` looks at the watched folders (0.5 s: on average a quarter of a second
    of every wait after a save). For the folders it starts watching after on_serve (`watch:`)."""
    server.observer._timeout = seconds  # watchdog's observer hands it to each folder's poller


_THEME_TEMPLATE_CODE = CompiledTemplates()


class _OwnFilesLoader(jinja2.FileSystemLoader):
    """Loads templates from every theme folder, but lists (for MkDocs to publish) only the files of
    ours: the hook's on_files removes every other theme file anyway (page_shell.is_base_theme_file)."""

    def __init__(self, dirs: list[str], own_dir: str | None) -> None:
        super().__init__(dirs)
        self.own = jinja2.FileSystemLoader([own_dir]) if own_dir else None

    def list_templates(self) -> list[str]:
        return self.own.list_templates() if self.own is not None else []


def list_only_our_theme_files(config: MkDocsConfig) -> None:
    """Every build's theme environment lists only our theme folder's files and keeps its compiled
    templates: a preview's rebuild of one page otherwise spends most of its time on both."""
    theme: Any = config.theme
    if getattr(theme, "_microsite_env", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env: jinja2.Environment = make_env()
        env.loader = _OwnFilesLoader(list(theme.dirs), theme.custom_dir)
        env.bytecode_cache = _THEME_TEMPLATE_CODE
        return env

    theme.get_env, theme._microsite_env = get_env, True


def remember_i18n_path_tests() -> None:
    """static-i18n asks, for every file of every build, whether its path is inside each language's
    folder, with pathlib: a tenth of a preview's rebuild at 100 projects. The answer depends only on
    the two paths, so it is remembered (once per process; a later version without it is left as is)."""
    for name in ("mkdocs_static_i18n.folder", "mkdocs_static_i18n.reconfigure"):
        module = importlib.import_module(name)
        test = getattr(module, "is_relative_to", None)
        if callable(test) and not hasattr(test, "cache_info"):
            setattr(module, "is_relative_to", functools.lru_cache(maxsize=1 << 16)(test))  # noqa: B010
