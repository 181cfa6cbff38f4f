"""Which version of its original each translated record text was made from.

`data/translations.yaml` (next to `data/projects.yaml`, which stays free of bookkeeping) holds, per
project, field path and language, the short fingerprint of the original text the translation was
made from, and the translation method when it differs from the record's `translations:` (e.g. after
an import with METHOD=human-reviewed):

    weopengov:
      summary: {bg: 5e1f0c2a, ka: 5e1f0c2a, pl: 5e1f0c2a human-reviewed}

A translation whose recorded fingerprint differs from its original's is *outdated*; one with no
entry is *unrecorded* and counts as up to date (the file may not exist at all: then nothing is
tracked). `make translations-import` and `make translations-stamp` write the file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from babel import Locale

from microsite.languages import LANGUAGES
from microsite.problems import DataError, Problem
from microsite.schema import Project, TranslationMethod, localized_texts
from microsite.yaml_source import Path_, YamlProblem, load_yaml

METHODS: tuple[str, ...] = get_args(TranslationMethod)
# From least to most trustworthy: a page that mixes methods is described by its weakest one.
METHOD_ORDER = ("machine-assisted-unreviewed", "human", "human-reviewed")
FINGERPRINT = re.compile(r"^[0-9a-f]{8}$")
HEADER = """\
# Which version of the original each translation in data/projects.yaml was made from: per project,
# field and language, a fingerprint of the original text, and the translation method when it is
# not the record's `translations:` one. Written by `make translations-import` and
# `make translations-stamp`; edit data/projects.yaml, not this file.
"""

Key = tuple[str, str, str]  # project slug, field path, language
State = Literal["current", "outdated", "unrecorded"]


def parse_field_path(path: str) -> Path_:
    """`funding.fund_operators[0].name` → ("funding", "fund_operators", 0, "name")."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([A-Za-z_]\w*)|\[(\d+)\]", path):
        parts.append(name if name else int(index))
    return tuple(parts)


def fingerprint(text: str) -> str:
    """A short fingerprint of an original text. Unicode form and runs of white space are
    normalised first: re-wrapping a text or retyping an accent the same way is not a change."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Stamp:
    original: str  # fingerprint of the original text the translation was made from
    method: str | None = None  # None: the record's `translations:` method

    def __str__(self) -> str:
        return f"{self.original} {self.method}" if self.method else self.original


@dataclass
class TranslationSources:
    stamps: dict[Key, Stamp] = field(default_factory=dict)
    tracked: bool = False  # False: there is no data/translations.yaml, nothing is tracked


def load_sources(path: Path, display_name: str) -> TranslationSources:
    """Read data/translations.yaml; every malformed entry is a located problem."""
    if not path.exists():
        return TranslationSources()
    try:
        loaded = load_yaml(path, display_name)
    except YamlProblem as err:
        if err.message == "the file is empty":
            return TranslationSources(tracked=True)
        raise DataError([Problem(err.file, err.line, err.column, "", err.message, err.hint)]) from None
    problems: list[Problem] = []
    sources = TranslationSources(tracked=True)
    hint = "this file is written by `make translations-stamp`; run it to rewrite the file"
    if not isinstance(loaded.data, dict):
        raise DataError([Problem(display_name, 1, 1, "", "expected projects with their fields", hint)])
    for slug, fields in loaded.data.items():
        for name, languages in fields.items() if isinstance(fields, dict) else []:
            for lang, value in languages.items() if isinstance(languages, dict) else []:
                parts = value.split() if isinstance(value, str) else []
                if (
                    lang in LANGUAGES
                    and len(parts) in (1, 2)
                    and FINGERPRINT.match(parts[0])
                    and (len(parts) == 1 or parts[1] in METHODS)
                ):
                    sources.stamps[(slug, name, lang)] = Stamp(parts[0], parts[1] if len(parts) == 2 else None)
                    continue
                line, column = loaded.position((slug, name, lang))
                message = f"expected a language and `fingerprint [method]`; found {lang}: {value!r}"
                problems.append(Problem(display_name, line, column, f"{slug}.{name}.{lang}", message, hint))
            if not isinstance(languages, dict):
                line, column = loaded.position((slug, name))
                problems.append(Problem(display_name, line, column, f"{slug}.{name}", "expected languages", hint))
    if problems:
        raise DataError(problems)
    return sources


def dump_sources(sources: TranslationSources, projects: list[Project]) -> str:
    """The file's text, in the records' order: the same stamps always give the same bytes."""
    order = {project.slug: index for index, project in enumerate(projects)}
    field_order = {
        (project.slug, path): index for project in projects for index, (path, _) in enumerate(localized_texts(project))
    }
    by_field: dict[tuple[str, str], dict[str, Stamp]] = {}
    for (slug, path, lang), stamp in sources.stamps.items():
        by_field.setdefault((slug, path), {})[lang] = stamp
    lines = [HEADER.rstrip("\n")]
    current = None
    for slug, path in sorted(
        by_field, key=lambda key: (order.get(key[0], len(order)), key[0], field_order.get(key, 10**6), key[1])
    ):
        if slug != current:
            lines.append(f"{slug}:")
            current = slug
        languages = by_field[(slug, path)]
        cells = ", ".join(f"{lang}: {languages[lang]}" for lang in LANGUAGES if lang in languages)
        lines.append(f"  {path}: {{{cells}}}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class TextState:
    """One translated text of a record: up to date with its original or not, and how it was made."""

    project: str
    field: str
    lang: str
    original_language: str
    state: State
    method: str


def translation_states(projects: list[Project], sources: TranslationSources) -> list[TextState]:
    states = []
    for project in projects:
        for path, texts in localized_texts(project):
            if not isinstance(texts, dict):
                continue
            current = ""  # the original's fingerprint, made only for a text with a recorded stamp
            for lang in LANGUAGES:
                if lang == project.original_language or lang not in texts:
                    continue
                stamp = sources.stamps.get((project.slug, path, lang))
                state: State = "unrecorded" if stamp is None else "current"
                if stamp is not None:
                    current = current or fingerprint(texts[project.original_language])
                    if stamp.original != current:
                        state = "outdated"
                method = (stamp.method if stamp else None) or str(project.translations.get(lang))
                states.append(TextState(project.slug, path, lang, project.original_language, state, method))
    return states


def weakest(methods: set[str] | list[str]) -> str | None:
    present = [method for method in METHOD_ORDER if method in methods]
    return present[0] if present else None


def outdated_report(states: list[TextState]) -> list[str]:
    """`weopengov: summary (bg, ka, pl) outdated since the Greek text changed`, one line per
    project and set of languages, in the records' order."""
    grouped: dict[tuple[str, str], dict[str, list[str]]] = {}  # (project, original) → field → langs
    for item in states:
        if item.state == "outdated":
            grouped.setdefault((item.project, item.original_language), {}).setdefault(item.field, []).append(item.lang)
    lines = []
    for (project, original), fields in grouped.items():
        by_languages: dict[tuple[str, ...], list[str]] = {}
        for path, field_langs in fields.items():
            by_languages.setdefault(tuple(field_langs), []).append(path)
        language = Locale.parse(original).get_display_name("en") or original
        for langs, paths in by_languages.items():
            lines.append(
                f"{project}: {', '.join(paths)} ({', '.join(langs)}) outdated since the {language} text changed"
            )
    return lines


def stamp_translations(
    projects: list[Project],
    sources: TranslationSources,
    project: str | None = None,
    lang: str | None = None,
) -> tuple[TranslationSources, int]:
    """Record the current original for translations: every unrecorded one, and, for the project
    and/or language named, every one (the editor has checked them). Entries of texts that no
    longer exist are dropped. Returns the new sources and how many stamps changed."""
    keep: dict[Key, Stamp] = {}
    changed = 0
    for record in projects:
        for path, texts in localized_texts(record):
            if not isinstance(texts, dict):
                continue
            current = fingerprint(texts[record.original_language])
            for language in texts:
                if language == record.original_language:
                    continue
                key = (record.slug, path, language)
                old = sources.stamps.get(key)
                named = (project or lang) and project in (None, record.slug) and lang in (None, language)
                if old is None or named:
                    new = Stamp(current, old.method if old else None)
                    changed += new != old
                    keep[key] = new
                else:
                    keep[key] = old
    changed += len(set(sources.stamps) - set(keep))
    return TranslationSources(keep, tracked=True), changed
