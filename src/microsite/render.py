"""Render generated pages from the Jinja templates in `templates/`.

Autoescape is on: record text can never inject HTML, and it is passed as data, never compiled as
a template, so `{{ ... }}` written by an editor is shown as typed.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import json
import pickle
from pathlib import Path
from typing import Any
from urllib.parse import quote

from babel.support import Translations
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from microsite import pages
from microsite.calendar_files import Listing
from microsite.home import editor_introduction, home_cards, upcoming_events
from microsite.key_facts import KeyFacts
from microsite.pages import HOME, PROJECT, PROJECT_INDEX, PageKind
from microsite.project_list import Card, Filters, count_strings, project_cards
from microsite.record_text import link_html, record_html, strip_invisible
from microsite.schema import FundingProgramme
from microsite.viewmodel import ProjectView, acknowledgement_view


def _inline(text: str) -> str:
    # Record text is one paragraph; a stray newline must not start a Markdown block.
    return " ".join(text.split())


def _record_text(text: str, links: bool = True) -> Markup:
    return Markup(record_html(text, links))


def _record_link(label: Markup, url: str) -> Markup:
    return Markup(link_html(str(label), url))


def _cell(text: str) -> Markup:
    return Markup(str(text).replace("|", "\\|"))


def _front_matter(text: str) -> Markup:
    # Themes print page.meta values unescaped, so they are HTML-escaped here, then YAML-quoted.
    return Markup(json.dumps(str(escape(_inline(strip_invisible(text)))), ensure_ascii=False))


def _url_target(url: str) -> Markup:
    return Markup("<" + quote(url, safe=":/?#[]@!$&'()*+,;=%~.-_") + ">")


def _catalog_state(catalog: Translations) -> bytes:
    """Everything a catalog (and those it falls back to) translates, as bytes to fingerprint."""
    parts: list[object] = []
    current: object = catalog
    while current is not None:
        entries = getattr(current, "_catalog", {})
        parts.append((sorted(entries.items(), key=repr), getattr(current, "_info", {})))
        current = getattr(current, "_fallback", None)
    return repr(parts).encode("utf-8")


def _templates_state(templates_dir: Path) -> bytes:
    return b"".join(
        path.as_posix().encode("utf-8") + b"\0" + path.read_bytes()
        for path in sorted(templates_dir.rglob("*"))
        if path.is_file()
    )


# Pages already rendered, by a fingerprint of all they are made from (the templates, the catalog, the
# site's address and the page's data): the preview re-renders, at each save, only the pages whose
# data changed (a record's pages, the lists showing it). Compiled templates are kept (_TEMPLATE_CODE).
_RENDERED_PAGES: dict[bytes, str] = {}
_RENDERED_PAGES_LIMIT = 50_000  # about five rebuilds of a 1 300-record site in four languages


def _view_reference(made_from: bytes) -> bytes:
    return made_from


def _reduce_view(view: ProjectView) -> str | tuple[Any, ...]:
    # a view by the key of what it was made from (ProjectViews.view_key): the same key, the same view
    if view.made_from:
        return (_view_reference, (view.made_from,))
    return view.__reduce_ex__(5)


def _fingerprint_bytes(value: object) -> bytes:
    """`value` pickled, with each view that has a key written as that key."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.dispatch_table = {**copyreg.dispatch_table, ProjectView: _reduce_view}
    pickler.dump(value)
    return out.getvalue()


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory between builds of one process (Renderers here, the theme's
    environment in mkdocs_adapter); Jinja compares each template's source before it reuses the code."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CODE = CompiledTemplates()


class Renderer:
    def __init__(self, templates_dir: Path, translations: dict[str, Translations], site_url: str):
        self.site_url = site_url
        self.translations = translations
        self.templates_dir = templates_dir
        self.environments: dict[str, Environment] = {}
        shared = hashlib.blake2b(_templates_state(templates_dir) + b"\0" + site_url.encode("utf-8"))
        self._page_keys: dict[str, hashlib.blake2b] = {}
        for lang, catalog in translations.items():
            key = shared.copy()
            key.update(lang.encode("utf-8") + b"\0" + _catalog_state(catalog))
            self._page_keys[lang] = key
            env = Environment(
                bytecode_cache=_TEMPLATE_CODE,
                loader=FileSystemLoader(templates_dir),
                autoescape=True,
                undefined=StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
                extensions=["jinja2.ext.i18n"],
            )
            env.install_gettext_translations(catalog, newstyle=True)  # type: ignore[attr-defined]
            env.filters.update(
                # `inline` is the record text filter too, for templates that print record text directly
                inline=_record_text,
                record_text=_record_text,
                record_link=_record_link,
                cell=_cell,
                front_matter=_front_matter,
                url_target=_url_target,
            )
            self.environments[lang] = env

    def has_template(self, name: str) -> bool:
        return (self.templates_dir / name).is_file()

    def render(self, template: str, lang: str, here: PageKind | None = None, **context: Any) -> str:
        """Render a template for the page of kind `here` in `lang`. Templates make every address with
        link_to (Markdown links), href_to (raw HTML) and url_to (absolute), named by page kind."""
        try:
            key = self._page_keys[lang].copy()
            key.update(_fingerprint_bytes((template, here.name if here else None, context)))
        except (KeyError, TypeError, AttributeError, pickle.PicklingError):  # not fingerprinted: rendered
            return self._render(template, lang, here, context)
        cached = _RENDERED_PAGES.get(key.digest())
        if cached is None:
            if len(_RENDERED_PAGES) > _RENDERED_PAGES_LIMIT:
                _RENDERED_PAGES.clear()
            cached = _RENDERED_PAGES[key.digest()] = self._render(template, lang, here, context)
        return cached

    def _render(self, template: str, lang: str, here: PageKind | None, context: dict[str, Any]) -> str:
        source = here.source(lang if here and here.per_language else "", "x") if here else f"{lang}/index.md"

        def link_to(name: str, project: str = "", event: str = "", anchor: str = "", lang: str = lang) -> str:
            return pages.link(source, pages.KINDS[name], lang, project, event, anchor)

        def href_to(name: str, project: str = "", event: str = "", anchor: str = "", lang: str = lang) -> str:
            return pages.link(source, pages.KINDS[name], lang, project, event, anchor, raw=True)

        def url_to(name: str, project: str = "", event: str = "", anchor: str = "", lang: str = lang) -> str:
            return pages.KINDS[name].url(self.site_url, lang, project, event, anchor)

        return (
            self.environments[lang]
            .get_template(template)
            .render(page_lang=lang, link_to=link_to, href_to=href_to, url_to=url_to, **context)
        )

    def project_page(
        self,
        view: ProjectView,
        facts: KeyFacts,
        narrative: str | None,
        jsonld: str = "",
        programme: FundingProgramme | None = None,
    ) -> str:
        # Absolute: MkDocs builds one language at a time and cannot resolve links into another.
        original_url = PROJECT.url(self.site_url, view.original_language, view.slug)
        return self.render(
            "project.md.j2",
            view.lang,
            PROJECT,
            p=view,
            facts=facts,
            narrative=Markup(narrative) if narrative else None,
            original_url=original_url,
            jsonld=Markup(jsonld),
            acknowledgement=(
                acknowledgement_view(programme.acknowledgement, view.lang, view.original_language)
                if programme
                else None
            ),
            logo=programme.logo if programme and programme.logo != "not-available" else None,
            logo_alt=programme.name if programme else "",
            site_url=self.site_url,
        )

    def cards(self, views: list[ProjectView], facts: list[KeyFacts], lang: str) -> tuple[list[Card], Filters]:
        return project_cards(views, facts, self.translations[lang].gettext, lang)

    def projects_index(self, views: list[ProjectView], facts: list[KeyFacts], lang: str) -> str:
        catalog = self.translations[lang]
        cards, filters = self.cards(views, facts, lang)
        return self.render(
            "projects_index.md.j2",
            lang,
            PROJECT_INDEX,
            cards=cards,
            filters=filters,
            count_strings=count_strings(catalog.ngettext, lang),
        )

    def home_page(self, content_dir: Path, cards: list[Card], listings: list[Listing], lang: str) -> str:
        front_matter, intro = editor_introduction(content_dir, lang)
        return self.render(
            "home.md.j2",
            lang,
            HOME,
            front_matter=Markup(front_matter),
            intro=Markup(intro),  # the editors' Markdown, as their own pages are
            cards=home_cards(cards),
            total=len(cards),
            upcoming=upcoming_events(listings),
        )
