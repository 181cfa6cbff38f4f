"""The site's languages, declared once: the entries of mkdocs.yml's `plugins: - i18n: languages:` list
(all but the root's, which has `default: true`), in the order of the language switcher.

The hook takes them from the loaded configuration (mkdocs_adapter.site_languages); the rest of the
code, the record schema included, from LANGUAGES, read here from the repository's mkdocs.yml.
`make new-language LANGUAGE=xx` adds one (microsite.new_language)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import yaml
from pydantic import WithJsonSchema

CONFIG_FILE = Path(__file__).resolve().parents[2] / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml without MkDocs: its tags (!ENV, !!python/...) are read as "no value"."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return config if isinstance(config, dict) else {}


def i18n_entries(config: dict[str, Any]) -> list[dict[str, Any]]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [entry for entry in (plugin["i18n"] or {}).get("languages") or [] if isinstance(entry, dict)]
    return []


def languages_of(config: dict[str, Any]) -> tuple[str, ...]:
    """The site languages named in a parsed mkdocs.yml, in order (the root entry left out)."""
    return tuple(str(entry["locale"]) for entry in i18n_entries(config) if not entry.get("default"))


LANGUAGES: tuple[str, ...] = languages_of(read_config(CONFIG_FILE))
# The editors' JSON Schema (schema/*.schema.json) describes a language code by its form, without the
# list: adding a language changes no generated file. The records are still checked against the list.
LANGUAGE_CODE_SCHEMA = {
    "type": "string",
    "pattern": "^[a-z]{2}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$",
    "description": "a language of the site, as listed in mkdocs.yml's i18n languages, e.g. pl",
}
if TYPE_CHECKING:
    Lang = str
else:  # a record's language keys are checked against the list (pydantic), whatever it holds
    Lang = Annotated[Literal[LANGUAGES], WithJsonSchema(LANGUAGE_CODE_SCHEMA)]
