"""One test per touchpoint of microsite.mkdocs_adapter with the real Material and mkdocs-static-i18n,
on the repository's mkdocs.yml: when either package changes what the adapter relies on, a test here
names the touchpoint to redo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs_static_i18n import plugin as i18n_module

from microsite import mkdocs_adapter as adapter
from microsite import pages
from microsite.languages import LANGUAGES
from microsite.staging import language_view

from .conftest import REPO, SITE_URL


@pytest.fixture
def config() -> MkDocsConfig:
    return load_config(str(REPO / "mkdocs.yml"), site_url=SITE_URL)


def i18n(config: MkDocsConfig) -> Any:
    return config.plugins[adapter.I18N_PLUGIN]


def test_1_languages_to_build_are_what_static_i18n_builds(config: MkDocsConfig) -> None:
    adapter.choose_languages_to_build(config, LANGUAGES, ("bg", "pl"))
    assert {entry.locale: entry.build for entry in adapter.i18n_languages(config)} == {
        "en": True,  # the root is left alone
        "el": False,
        "bg": True,
        "ka": False,
        "pl": True,
    }
    assert i18n(config).build_languages == ["en", "bg", "pl"]


def test_2_the_outermost_build_is_the_one_static_i18n_is_not_inside(
    config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = i18n(config)
    plugin.current_language = "en"
    inner: list[tuple[str, bool, str]] = []

    def seen(config: MkDocsConfig) -> tuple[str, bool, str]:
        return plugin.current_language, adapter.is_outermost_build(config), adapter.language_being_built(config)

    # static-i18n runs each other language's build from its on_post_build; record what ours would see there
    monkeypatch.setattr(i18n_module, "build", lambda config, dirty: inner.append(seen(config)))
    assert adapter.is_outermost_build(config) and adapter.language_being_built(config) == ""  # a plain build
    plugin.on_post_build(config)
    assert inner == [(lang, False, lang) for lang in LANGUAGES]
    assert adapter.is_outermost_build(config)  # back in the outermost build, after every language


def test_3_and_5_each_language_gets_the_shared_nav_its_theme_language_and_site_name(config: MkDocsConfig) -> None:
    shared = pages.nav()
    assert all(entry.nav is None for entry in adapter.i18n_languages(config) if entry.locale in LANGUAGES)
    adapter.share_nav(config, LANGUAGES, shared)
    plugin = i18n(config)
    plugin.current_language = "pl"
    config = plugin.on_config(config)
    assert adapter.build_language(config) == "pl"
    assert config.nav == shared
    assert config.site_name == "Strony projektów otwartego rządu"
    plugin.current_language = "en"
    config = plugin.on_config(config)
    assert adapter.build_language(config) == "mul"  # the root keeps its own (see mkdocs.yml)
    assert config.nav == ["index.md"]


def test_4_the_switcher_is_read_by_templates_as_static_i18n_leaves_it(config: MkDocsConfig) -> None:
    links = [{"name": "Polski", "link": "pl/index.html", "lang": "pl"}]
    adapter.set_switcher(config, links)
    env = config.theme.get_env()
    rendered = env.from_string("{% for alt in config.extra.alternate %}{{ alt.lang }} {{ alt.link }}{% endfor %}")
    assert rendered.render(config=config) == "pl pl/index.html"
    assert config.extra["alternate"] == links


def test_6_event_order_around_static_i18n() -> None:
    plugin = i18n_module.I18n
    assert plugin.on_config.mkdocs_priority < adapter.BEFORE_I18N
    assert plugin.on_page_context.mkdocs_priority > adapter.AFTER_I18N
    assert plugin.on_post_build.mkdocs_priority > adapter.AFTER_I18N_BUILDS
    assert plugin.on_nav.mkdocs_priority > adapter.AFTER_I18N_NAV


def test_7_the_theme_static_pages_we_replace_or_limit(config: MkDocsConfig) -> None:
    templates = config.theme.static_templates
    assert {"sitemap.xml", "404.html"} <= templates  # what Material would write
    adapter.drop_theme_sitemap(config)
    adapter.write_not_found_page(config, False)
    assert not {"sitemap.xml", "404.html"} & templates
    adapter.write_not_found_page(config, True)
    assert "404.html" in templates


def test_8_a_hidden_table_of_contents_is_emptied_below_the_title(config: MkDocsConfig, tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("---\nhide: [toc]\n---\n# Title\n\n## One\n\n## Two\n", encoding="utf-8")
    file = File("page.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=False)
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    assert [item.title for item in page.toc.items[0].children] == ["One", "Two"]
    adapter.empty_hidden_toc(page)
    assert [item.title for item in page.toc.items] == ["Title"]
    assert page.toc.items[0].children == []


def test_9_material_speaks_every_site_language() -> None:
    assert all(adapter.theme_has_language(lang) for lang in LANGUAGES)
    assert adapter.theme_has_language("ro")
    assert not adapter.theme_has_language("xx")


def test_10_json_in_pages_is_text(config: MkDocsConfig) -> None:
    env = config.theme.get_env()
    adapter.json_as_text(env)
    assert env.from_string("{{ value | tojson }}").render(value={"b": "ბიუჯეტი", "a": "<"}) == (
        '{"a": "\\u003c", "b": "ბიუჯეტი"}'
    )


def test_13_a_page_a_dirty_build_skipped_is_read_as_mkdocs_reads_it_or_given_its_title(tmp_path: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"), site_url=SITE_URL, hooks=[])  # static-i18n's events only
    (tmp_path / "page.md").write_text("# The title\n\nText.\n", encoding="utf-8")
    file = File("page.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=False)
    skipped = Page(None, file, config)  # what a dirty build leaves of a page it does not rebuild
    assert not adapter.is_read(skipped) and skipped.title is None
    adapter.give_title(skipped, "The title")
    assert skipped.title == "The title"
    page = Page(None, file, config)
    i18n(config).current_language = "pl"  # the plugin events run too, as in a language's build
    adapter.read_page(page, config, Files([file]))
    assert adapter.is_read(page) and page.title == "The title"
    assert page.content is not None and "<p>Text.</p>" in page.content


def test_14_the_preview_stops_watching_the_staging_folder(tmp_path: Path) -> None:
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))  # as `mkdocs serve` watches docs_dir
    adapter.stop_watching(server, str(tmp_path))
    assert not server._watched_paths
    adapter.look_for_changes_every(server, 0.1)
    server.watch(str(tmp_path))  # a folder of `watch:`, watched after on_serve
    (emitter,) = server.observer.emitters
    assert emitter.timeout == 0.1


def test_15_the_dirty_build_warning_is_the_one_mkdocs_logs(config: MkDocsConfig, tmp_path: Path) -> None:
    import inspect

    from mkdocs.commands import build

    assert build.log.name == adapter.DIRTY_BUILD_LOGGER
    assert adapter.DIRTY_BUILD_WARNING in inspect.getsource(build.build)


def test_16_the_theme_lists_only_our_files_and_still_loads_materials_templates(config: MkDocsConfig) -> None:
    from mkdocs.structure.files import Files

    listed_by_mkdocs = Files([])
    listed_by_mkdocs.add_files_from_theme(config.theme.get_env(), config)
    adapter.list_only_our_theme_files(config)
    env = config.theme.get_env()
    ours = Files([])
    ours.add_files_from_theme(env, config)
    custom_dir = str(config.theme.custom_dir)
    assert {f.src_uri for f in ours} == {f.src_uri for f in listed_by_mkdocs if f.abs_src_path.startswith(custom_dir)}
    assert len(listed_by_mkdocs) > len(ours) > 0  # Material's files are not listed (14 000 with its icons)
    assert env.get_template("main.html") and env.get_template("partials/languages/pl.html")  # ours, Material's
    assert env.bytecode_cache is not None


@pytest.mark.parametrize("lang", ["pl", "mul"])  # a language's build, the root's
def test_17_each_build_sees_only_the_files_static_i18n_keeps(tmp_path: Path, lang: str) -> None:
    from mkdocs.structure.files import get_files

    docs = tmp_path / "pages"
    for name in ("index.md", "open-data/projects.json", "pl/index.md", "pl/projects/a.md", "el/index.md", "el/a.ics"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# x\n", encoding="utf-8")
    config = load_config(str(REPO / "mkdocs.yml"), site_url=SITE_URL, docs_dir=str(docs), hooks=[])
    plugin = i18n(config)
    plugin.current_language = "en" if lang == "mul" else lang
    config.theme["language"] = lang

    def used(files: Files) -> list[tuple[str, str]]:
        return sorted((f.src_uri, f.dest_uri) for f in plugin.reconfigure_files(files, config))

    everything = get_files(config)
    expected = used(everything)
    # the folder the hook gives this build as docs_dir (staging.language_view) lists only the files
    # static-i18n keeps of the whole folder, and it makes the same files of them
    view = language_view(docs, "" if lang == "mul" else lang, LANGUAGES)
    config.docs_dir = str(view)
    through_view = get_files(config)
    others = {x for x in LANGUAGES if x != lang}
    assert {f.src_uri for f in through_view} == {f.src_uri for f in everything if f.src_uri.split("/")[0] not in others}
    assert len(through_view) < len(everything) and used(through_view) == expected


def test_18_static_i18n_path_tests_are_remembered_with_the_same_answers() -> None:
    from mkdocs_static_i18n import folder, reconfigure
    from mkdocs_static_i18n import is_relative_to as original

    adapter.remember_i18n_path_tests()
    adapter.remember_i18n_path_tests()  # once per process: not wrapped twice
    for module in (folder, reconfigure):
        remembered = module.is_relative_to
        assert remembered.__wrapped__ is original  # what static-i18n calls is the remembered one
        for path, folder_name in [("pl/index.md", "pl"), ("plx/index.md", "pl"), ("/a/b/c.md", "/a/b"), ("b", "a")]:
            assert remembered(path, folder_name) == original(path, folder_name)
