"""MkDocs hooks: the only MkDocs-specific glue. Each function hands over to plain code in
`src/microsite/`, so moving to another MkDocs-compatible builder means rewriting this file only."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from microsite.alternates import alternate_links, sitemap_entries, switcher_links, write_sitemaps
from microsite.formatting import own_language_name
from microsite.languages import LANGUAGES
from microsite.page_shell import (
    PRELOAD_FONTS,
    breadcrumb,
    is_base_theme_file,
    localise_permalinks,
    shell_links,
    wrap_tables,
)
from microsite.pages import SITEMAP
from microsite.problems import DataError
from microsite.search.minify import minify_search_script
from microsite.search.shards import index_folder, write_site_indexes
from microsite.search.strings import search_strings
from microsite.shell_strings import shell_strings
from microsite.site import PreparedSite, build_languages, not_found_messages, prepare_site, site_settings

# mkdocs-static-i18n runs one MkDocs build per language in this same process, and `mkdocs serve`
# keeps this module between rebuilds. The records are loaded, validated and staged once, and again
# only when an input file has changed since.
log = logging.getLogger("mkdocs.hooks.microsite")
ROOT_LANGUAGE = "mul"  # theme language of the root build (language chooser, 404), see mkdocs.yml
LANGUAGE_NAMES = {lang: own_language_name(lang) for lang in LANGUAGES}  # in the switcher
_site: PreparedSite | None = None
_site_inputs: object = None
_finished_builds = 0
_serving = False  # under `mkdocs serve`, a mistake keeps the last good pages up (see on_config)
_problems: str | None = None  # the report shown on every page of the preview while there are mistakes


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)  # before mkdocs-static-i18n reads docs_dir
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _site_inputs, _problems
    if not config.site_url:
        raise PluginError(
            "site_url is not set. Sitemaps, language alternates and calendar files need the site's "
            "public address: set SITE_URL (e.g. SITE_URL=https://projects.example.org/ make build) "
            "or site_url in mkdocs.yml."
        )
    try:  # a parallel build (`microsite build --jobs N`) gives each process some languages
        building = build_languages(os.environ.get("MICROSITE_LANGUAGES"))
    except ValueError as err:
        raise PluginError(str(err)) from None
    i18n = config.plugins.get("i18n")
    for language in getattr(i18n, "config", {}).get("languages", []):
        if language.locale in LANGUAGES:
            language.build = language.locale in building
    folder = Path(config.config_file_path).resolve().parent
    paths = site_settings(folder, config.site_url, dict(config.extra), building)
    inputs = paths.fingerprint()
    if _site is None or inputs != _site_inputs:
        try:
            _site = prepare_site(paths)
            _problems = None
        except DataError as err:
            if not (_serving and _site is not None):
                raise PluginError(err.report()) from None
            # MkDocs' server would hang on a failed build; keep serving the last good pages instead,
            # with the problems on screen and in the terminal.
            _problems = err.report()
            print(f"\n{_problems}\nThe preview shows the last good version until this is fixed.\n", file=sys.stderr)
        _site_inputs = inputs
        for note in _site.notes:
            log.info(note)
    # We write the sitemaps ourselves, with every language's alternates.
    config.theme.static_templates.discard("sitemap.xml")
    config.docs_dir = str(_site.paths.stage_dir)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    global _finished_builds
    # Every language build would write the one root 404.html, the last language winning; only the
    # root build (all four languages, see overrides/404.html) writes it. The root build is also
    # the first of a run, so per-run state starts afresh there.
    if _build_language(config) == ROOT_LANGUAGE:
        _finished_builds = 0
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    # The language switcher lists every language, also those another process builds (static-i18n
    # lists only the languages it builds); pages replace these home links by their own versions.
    _set_switcher(config, switcher_links(config.site_url or "", {}, LANGUAGE_NAMES))


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    assert _site is not None
    # JSON in pages (Material's translations, our search strings) as UTF-8 text, not \uXXXX escapes:
    # a third of the size for Greek, Cyrillic and Georgian. Jinja still escapes <, >, & and '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals["microsite_not_found"] = not_found_messages(_site, _build_language(config))
    # the page shell's words: this language's, or every language's on the root pages (chooser, 404)
    shell_languages = [lang for lang in LANGUAGES if lang in _site.translations]
    if _build_language(config) in shell_languages:
        shell_languages = [_build_language(config)]
    env.globals["microsite_shell"] = [
        {"lang": lang, "strings": shell_strings(_site.translations[lang].gettext), "links": shell_links(lang)}
        for lang in shell_languages
    ]
    env.globals["microsite_preload_fonts"] = PRELOAD_FONTS.get(_build_language(config), ())
    # the preview's banner: what is wrong in data/ or content/ (None when all is well)
    env.globals["microsite_problems"] = _problems
    # the per-language search box (overrides/partials/microsite-search.html); none on the root pages
    lang = _build_language(config)
    env.globals["microsite_search"] = (
        {
            "index": index_folder(lang),
            "lang": lang,
            "strings": search_strings(_site.translations[lang].gettext, _site.translations[lang].ngettext, lang),
        }
        if lang in LANGUAGES
        else None
    )
    return env


def on_files(files: Any, config: MkDocsConfig) -> Any:
    # Our own page shell (overrides/main.html) uses none of Material's CSS, JavaScript, icons or
    # images: they are not published. Our files in overrides/ are kept.
    theme_dirs = list(config.theme.dirs)
    for file in list(files):
        if is_base_theme_file(file.abs_src_path, theme_dirs, config.theme.custom_dir):
            files.remove(file)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    assert _site is not None
    lang = _build_language(config)
    if lang not in _site.translations:
        return html
    words = shell_strings(_site.translations[lang].gettext)
    return wrap_tables(localise_permalinks(html, words["permalink"]), words["table"])


@event_priority(-50)  # after mkdocs-static-i18n, which resets `extra.alternate` for every page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    assert _site is not None
    urls = _site.versions.get(page.file.src_uri, {})
    context["microsite_alternates"] = alternate_links(config.site_url or "", urls, LANGUAGES)
    context["microsite_breadcrumb"] = breadcrumb(page.url, {item.url: item.title for item in nav.pages})
    _set_switcher(config, switcher_links(config.site_url or "", urls, LANGUAGE_NAMES))
    return context


@event_priority(-200)  # after mkdocs-static-i18n has run the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    global _finished_builds
    _finished_builds += 1
    i18n = config.plugins.get("i18n")
    languages_built = len(getattr(i18n, "build_languages", [None]))
    if _finished_builds == languages_built and _site is not None:  # the outermost build, after every language
        site_dir, built = Path(config.site_dir), _site.paths.build_languages
        entries = sitemap_entries(_site.versions, config.site_url or "", LANGUAGES)
        write_sitemaps(site_dir, entries, config.site_url or "", _site.outputs.outputs(SITEMAP), built)
        write_site_indexes(site_dir, list(built))
        minify_search_script(site_dir)


def _set_switcher(config: MkDocsConfig, links: list[dict[str, str]]) -> None:
    # static-i18n sets `extra.alternate` both as a key and as an attribute (which templates read first)
    config.extra["alternate"] = links
    setattr(config.extra, "alternate", links)  # noqa: B010


def _build_language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language", ""))
