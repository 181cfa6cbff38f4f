"""`make new-language LANGUAGE=xx`: add a language to a site in one step.

It adds the language to the one list (mkdocs.yml's i18n `languages:`), creates its interface catalog
`locales/xx/LC_MESSAGES/messages.po` from the template, with the plural forms Babel/CLDR gives for
xx, and `content/xx/` with the written pages of the first language as stubs to translate. No other
file is changed: the hook, templates, statements, nav and tests take the languages from that list."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from microsite.catalogs import DOMAIN, catalog_path, read_catalog
from microsite.formatting import own_language_name
from microsite.languages import i18n_entries, languages_of, read_config
from microsite.mkdocs_adapter import theme_has_language

# mkdocs-static-i18n takes two-letter codes, optionally with a script or a region (its own rule)
STATIC_I18N_LOCALE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")
STUB_NOTE = "<!-- To translate into {name} ({code}): this page is a copy of content/{source}. -->\n\n"


def check_language(source_dir: Path, code: str) -> Locale:
    """The language's CLDR data, or ValueError saying why it cannot be added."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"{code!r} is not a language Babel (CLDR) knows, e.g. ro, uk, lt, sr-Latn") from None
    if not STATIC_I18N_LOCALE.match(code):
        raise ValueError(f"{code!r}: mkdocs-static-i18n takes two-letter codes (ISO 639-1), optionally -Script or -RR")
    config = read_config(source_dir / "mkdocs.yml")
    if code in languages_of(config):
        raise ValueError(f"{code} is already one of the site's languages")
    if any(entry.get("locale") == code for entry in i18n_entries(config)):
        raise ValueError(f"{code} is the locale of the root (the language chooser) in mkdocs.yml")
    if not theme_has_language(code):
        raise ValueError(f"Material for MkDocs has no interface translation for {code}; its theme would fail")
    return locale


def new_language(source_dir: Path, code: str) -> list[Path]:
    """Add the language; returns the files written (mkdocs.yml first)."""
    locale = check_language(source_dir, code)
    config_file = source_dir / "mkdocs.yml"
    config = read_config(config_file)
    first = languages_of(config)[0]
    written = [config_file]
    config_file.write_text(with_language(config_file.read_text(encoding="utf-8"), code, config), encoding="utf-8")

    locales_dir = source_dir / "locales"
    # a new catalog for the language gets the plural forms CLDR gives for it; then the template's strings
    catalog = Catalog(locale=locale, domain=DOMAIN, project="microsite", fuzzy=False)
    for message in read_catalog(locales_dir / f"{DOMAIN}.pot"):
        if message.id:
            catalog.add(message.id, None, flags=message.flags, context=message.context)
    po_file = catalog_path(locales_dir, code)
    po_file.parent.mkdir(parents=True, exist_ok=True)
    with po_file.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False)
    written.append(po_file)

    first_content = source_dir / "content" / first
    for page in sorted(first_content.rglob("*.md")):
        relative = page.relative_to(first_content)
        if relative.parts[0] == "projects":  # project stories are written per language, not stubbed
            continue
        stub = source_dir / "content" / code / relative
        stub.parent.mkdir(parents=True, exist_ok=True)
        note = STUB_NOTE.format(name=own_language_name(code), code=code, source=f"{first}/{relative.as_posix()}")
        stub.write_text(note + page.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(stub)
    return written


def with_language(text: str, code: str, config: dict[str, object]) -> str:
    """mkdocs.yml with the language appended to the i18n list, the rest of the file as it was."""
    lines = text.splitlines(keepends=True)
    entries = [i for i, line in enumerate(lines) if re.match(r"\s*- locale:", line)]
    if not entries:
        raise ValueError("mkdocs.yml has no i18n `languages:` list with `- locale:` entries")
    indent = len(lines[entries[-1]]) - len(lines[entries[-1]].lstrip())
    end = entries[-1] + 1
    while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
        end += 1
    pad = " " * indent
    site_name = str(config.get("site_name") or "")
    entry = (
        f"{pad}- locale: {code}\n"
        f"{pad}  name: {own_language_name(code)}\n"
        f"{pad}  site_name: {site_name}  # to translate into {own_language_name(code)}\n"
    )
    return "".join(lines[:end]) + entry + "".join(lines[end:])
