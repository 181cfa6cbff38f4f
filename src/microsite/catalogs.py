"""Interface text: gettext catalogs (`locales/<lang>/LC_MESSAGES/messages.po`), one per language.

Translators edit the .po files with standard tools (Poedit, Weblate). The build refuses to run
with an untranslated or fuzzy entry, naming the string and the language.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from microsite.problems import DataError, Problem

DOMAIN = "messages"


def catalog_path(locales_dir: Path, lang: str) -> Path:
    return locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def load_translations(
    locales_dir: Path, languages: tuple[str, ...], untranslated: list[Problem] | None = None
) -> dict[str, Translations]:
    """Compile every language's catalog in memory; fail listing every missing translation.

    A preview passes `untranslated`: missing translations are listed there instead, and shown
    in English (the msgid) until they are translated."""
    template = read_catalog(locales_dir / f"{DOMAIN}.pot")
    problems: list[Problem] = []
    translations: dict[str, Translations] = {}
    for lang in languages:
        path = catalog_path(locales_dir, lang)
        if not path.exists():
            problems.append(Problem(str(path), 0, 0, "", f"the interface catalog for {lang} is missing"))
            continue
        catalog = read_catalog(path, lang)
        missing = missing_translations(template, catalog, str(path), lang)
        if untranslated is None:
            problems += missing
        else:
            untranslated += missing
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        translations[lang] = Translations(buffer, domain=DOMAIN)
    if problems:
        raise DataError(problems)
    return translations


def missing_translations(template: Catalog, catalog: Catalog, file: str, lang: str) -> list[Problem]:
    problems = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id)
        strings = [] if entry is None else (list(entry.string) if isinstance(entry.string, tuple) else [entry.string])
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        line = entry.lineno if entry is not None and entry.lineno else 0
        if entry is None or not all(strings) or entry.fuzzy:
            state = "is fuzzy" if entry is not None and entry.fuzzy and all(strings) else "has no translation"
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    f"msgid {msgid!r}",
                    f"the interface string {state} in {lang}",
                    "translate it in the .po file (e.g. with Poedit) and remove any `fuzzy` flag",
                )
            )
    return problems
