"""Interface text comes from gettext catalogs that are complete in every language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from microsite.catalogs import catalog_path, load_translations, read_catalog
from microsite.languages import LANGUAGES
from microsite.problems import DataError
from microsite.settings import REPO_DIR

LOCALES = REPO_DIR / "locales"


def test_every_language_has_every_string() -> None:
    translations = load_translations(LOCALES, LANGUAGES)
    assert translations["bg"].gettext("Budget") == "Бюджет"
    assert translations["ka"].gettext("Target groups") == "სამიზნე ჯგუფები"


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 projekt"), (2, "2 projekty"), (5, "5 projektów"), (22, "22 projekty")]
)
def test_polish_has_three_plural_forms(count: int, expected: str) -> None:
    polish = load_translations(LOCALES, LANGUAGES)["pl"]
    assert polish.ngettext("%(num)d project", "%(num)d projects", count) % {"num": count} == expected


def test_a_missing_translation_fails_naming_the_string_and_the_language(tmp_path: Path) -> None:
    shutil.copytree(LOCALES, tmp_path / "locales")
    po = catalog_path(tmp_path / "locales", "ka")
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "სამიზნე ჯგუფები"', 'msgstr ""'), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_translations(tmp_path / "locales", LANGUAGES)
    (problem,) = raised.value.problems
    assert problem.field == "msgid 'Target groups'"
    assert "in ka" in problem.message
    assert problem.file.endswith("ka/LC_MESSAGES/messages.po")


def test_catalog_template_lists_exactly_the_strings_in_the_code() -> None:
    """Run `make catalogs` when this fails: a string was added or changed in a template."""
    method_map = [("src/**.py", "python"), ("templates/**.j2", "jinja2")]
    options = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}}
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    in_code = set()
    for _file, _line, message, _comments, _context in extract_from_dir(REPO_DIR, method_map, options, keywords):
        in_code.add(message[0] if isinstance(message, tuple) else message)
    in_template = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_catalog(LOCALES / "messages.pot") if m.id}
    assert in_code == in_template
