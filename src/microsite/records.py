"""Load and validate `data/projects.yaml`: every problem at once, each with file, line and field."""

from __future__ import annotations

import difflib
import hashlib
import pickle
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from microsite.field_forms import accepts_key, expected
from microsite.languages import LANGUAGES
from microsite.problems import DataError, Problem
from microsite.schema import FundersFile, FundingProgramme, Project, ProjectsFile
from microsite.yaml_source import LoadedYaml, YamlProblem, collector_paused, load_yaml

FileModel = TypeVar("FileModel", ProjectsFile, FundersFile)

# Pydantic error types that only say "this value has the wrong shape": when one branch of a choice
# (e.g. `not-stated` or a full budget) gets further into the value, these are noise.
SHAPE_ERRORS = {
    "literal_error",
    "string_type",
    "dict_type",
    "model_type",
    "model_attributes_type",
    "list_type",
    "int_type",
    "int_parsing",
    "decimal_parsing",
    "decimal_type",
    "bool_parsing",
    "date_from_datetime_parsing",
    "date_parsing",
    "date_type",
    "time_parsing",
    "time_type",
    "url_parsing",
}


def load_projects(
    path: Path, display_name: str | None = None, programmes: set[str] | None = None, sources: set[str] | None = None
) -> list[Project]:
    """Parse and validate the records file; raise DataError listing every problem.

    `programmes`: the ids in data/funders.yaml, to check each project's `funding.programme_id`;
    `sources`: the file names in data/sources/, to check each `source_document`."""
    return load_located_projects(path, display_name, programmes, sources)[0]


def load_located_projects(
    path: Path,
    display_name: str | None = None,
    programmes: set[str] | None = None,
    sources: set[str] | None = None,
    reuse: bool = False,
) -> tuple[list[Project], LoadedYaml]:
    """The records and where each value is in the file (to place problems found later, e.g. a
    slug whose address is taken). `reuse`: records already validated in this process with the same
    values are not validated again (the preview, whose saves mostly change one record)."""
    context = {"programmes": programmes, "sources": sources}
    result, loaded = _load(path, display_name, ProjectsFile, "projects", context, reuse)
    return result.projects, loaded


def load_funders(path: Path, display_name: str | None = None) -> list[FundingProgramme]:
    """Parse and validate the funding programmes file (acknowledgements, logos)."""
    return _load(path, display_name, FundersFile, "programmes")[0].programmes


def _load(
    path: Path,
    display_name: str | None,
    model: type[FileModel],
    top_key: str,
    context: dict[str, Any] | None = None,
    reuse: bool = False,
) -> tuple[FileModel, LoadedYaml]:
    try:
        loaded = load_yaml(path, display_name, reuse_items=reuse)
    except YamlProblem as err:
        field = _dotted(err.path)
        raise DataError([Problem(err.file, err.line, err.column, field, err.message, err.hint)]) from None
    if not isinstance(loaded.data, dict):
        raise DataError([Problem(loaded.file, 1, 1, "", f"the file must start with `{top_key}:`")])
    problems = duplicate_keys(loaded, top_key)
    if top_key == "projects":
        problems += duplicate_event_slugs(loaded)
        problems += language_problems(loaded)
    reused = (
        _validated_records(loaded.data, context or {}) if reuse and model is ProjectsFile and not problems else None
    )
    if reused is not None:
        return reused, loaded  # type: ignore[return-value]  # model is ProjectsFile
    try:
        with collector_paused():  # as while reading: a large file makes a million objects
            result = model.model_validate(loaded.data, context=context)
    except ValidationError as err:
        problems += problems_from(err, loaded)
    if problems:
        raise DataError(problems)
    return result, loaded


# Records validated at the preview's last build, by a fingerprint of their values and the context
# (the programme ids and source files they may name). Only the last build's are kept.
_VALIDATED: dict[bytes, Project] = {}


def _validated_records(data: Any, context: dict[str, Any]) -> ProjectsFile | None:
    """The records file validated record by record, reusing the records validated before with the
    same values; None when a record has a problem (or the file an unusual shape): the whole file is
    then validated as always, so that the report is the same, with every problem of the file."""
    global _VALIDATED
    if not (isinstance(data, dict) and set(data) == {"projects"} and isinstance(data["projects"], list)):
        return None
    known = pickle.dumps({name: sorted(value) if value is not None else None for name, value in context.items()})
    projects: list[Project] = []
    validated: dict[bytes, Project] = {}
    with collector_paused():
        for record in data["projects"]:
            key = hashlib.blake2b(pickle.dumps(record, protocol=5) + known, digest_size=16).digest()
            project = validated.get(key) or _VALIDATED.get(key)
            if project is None:
                try:
                    project = Project.model_validate(record, context=context)
                except ValidationError:
                    return None
            validated[key] = project
            projects.append(project)
    _VALIDATED = validated
    return ProjectsFile.model_construct(projects=projects)


# Per file: the list of records and the field that must be unique in it, with why.
UNIQUE_KEYS = {
    "projects": ("slug", "project", "each project needs its own slug: it is the address of its pages"),
    "programmes": ("id", "programme", "each programme needs its own id: projects name it in funding.programme_id"),
}


def duplicate_keys(loaded: LoadedYaml, top_key: str) -> list[Problem]:
    """Two records with one slug (or id) would silently overwrite each other."""
    key, noun, hint = UNIQUE_KEYS[top_key]
    records = loaded.data.get(top_key) if isinstance(loaded.data, dict) else None
    first_seen: dict[str, int] = {}
    problems = []
    for index, record in enumerate(records if isinstance(records, list) else []):
        value = record.get(key) if isinstance(record, dict) else None
        if not isinstance(value, str):
            continue
        if value in first_seen:
            line, column = loaded.position((top_key, index, key))
            first_line = loaded.position((top_key, first_seen[value], key))[0]
            message = f"two {noun}s have the {key} {value!r} (the other is on line {first_line})"
            problems.append(Problem(loaded.file, line, column, _dotted((top_key, index, key)), message, hint))
        else:
            first_seen[value] = index
    return problems


def duplicate_event_slugs(loaded: LoadedYaml) -> list[Problem]:
    """An event's slug is its anchor on the project page and the name of its calendar file."""
    projects = loaded.data.get("projects") if isinstance(loaded.data, dict) else None
    problems = []
    for index, record in enumerate(projects if isinstance(projects, list) else []):
        events = record.get("events") if isinstance(record, dict) else None
        first_seen: dict[str, int] = {}
        for number, event in enumerate(events if isinstance(events, list) else []):
            value = event.get("slug") if isinstance(event, dict) else None
            if not isinstance(value, str):
                continue
            path = ("projects", index, "events", number, "slug")
            if value in first_seen:
                line, column = loaded.position(path)
                first_line = loaded.position(("projects", index, "events", first_seen[value], "slug"))[0]
                message = f"two events of this project have the slug {value!r} (the other is on line {first_line})"
                hint = "each event needs its own slug: it is the event's anchor and the name of its calendar file"
                problems.append(
                    Problem(loaded.file, line, column, _dotted(path), message, hint, _slug_at(loaded, path))
                )
            else:
                first_seen[value] = number
    return problems


# Fields whose value is not reader text in several languages.
NOT_TEXT_FIELDS = {"translations", "slug", "source_document", "original_language"}


def language_problems(loaded: LoadedYaml) -> list[Problem]:
    """Every text must have the record's original language and only languages `translations` lists.

    Checked on the raw records, so these problems come with all the others of the file in one run."""
    records = loaded.data.get("projects") if isinstance(loaded.data, dict) else None
    problems = []
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict) or record.get("original_language") not in LANGUAGES:
            continue
        original = str(record["original_language"])
        translations = record.get("translations")
        declared: dict[str, Any] = translations if isinstance(translations, dict) else {}
        slug = str(record.get("slug", ""))
        here = ("projects", index)
        if original in declared:
            line, column = loaded.position((*here, "translations", original), of_key=True)
            message = f"`translations` lists {original}, which is the original language"
            hint = "list only the languages translated from it"
            problems.append(Problem(loaded.file, line, column, _dotted((*here, "translations")), message, hint, slug))
        for path, text in _raw_texts(record, here):
            written = [lang for lang, value in text.items() if value not in (None, "")]
            undeclared = [lang for lang in written if lang != original and lang not in declared]
            if original in written and not undeclared:
                continue  # nearly every text: its place is not looked up
            line, column = loaded.position(path, of_key=True)
            field = _dotted(path)
            name = _dotted(path[2:])
            if original not in written:
                message = f"`{name}` has no text in the original language ({original})"
                key = f"{path[-1]}: " if isinstance(path[-1], str) else "- "
                hint = f'write it there first, translations after, e.g. `{key}{{{original}: "…"}}`'
                problems.append(Problem(loaded.file, line, column, field, message, hint, slug))
            if undeclared:
                message = f"`{name}` has text in {', '.join(undeclared)}, which `translations` does not list"
                example = ", ".join(f"{lang}: machine-assisted-unreviewed" for lang in undeclared)
                hint = f"say how it was translated, e.g. `translations: {{{example}}}`"
                problems.append(Problem(loaded.file, line, column, field, message, hint, slug))
    return problems


_LANGUAGE_SET = frozenset(LANGUAGES)


def _raw_texts(value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """The per-language texts in a raw record: mappings whose keys are all languages."""
    if isinstance(value, dict):
        if value and value.keys() <= _LANGUAGE_SET:
            return [(path, value)]
        found = []
        for key, item in value.items():
            if not (len(path) == 2 and key in NOT_TEXT_FIELDS):
                found += _raw_texts(item, (*path, key))
        return found
    if isinstance(value, list):
        return [text for index, item in enumerate(value) for text in _raw_texts(item, (*path, index))]
    return []


def problems_from(error: ValidationError, loaded: LoadedYaml) -> list[Problem]:
    entries = []
    for details in error.errors(include_url=False):
        item: dict[str, Any] = dict(details)
        data_path = _data_path(loaded.data, item["loc"])
        item["at_key"] = bool(item["loc"]) and item["loc"][-1] == "[key]"  # a bad key, e.g. a language
        entries.append((data_path, item))
    # Keep the most specific explanation: drop "wrong shape" errors for a value when another
    # alternative got further into that same value.
    deepest = [path for path, _ in entries]
    kept = [
        (path, item)
        for path, item in entries
        if not (item["type"] in SHAPE_ERRORS and any(len(o) > len(path) and o[: len(path)] == path for o in deepest))
    ]
    by_path: dict[tuple[str | int, ...], list[dict[str, Any]]] = defaultdict(list)
    for path, item in kept:
        by_path[path].append(item)
    problems = []
    for path, items in by_path.items():
        problems += [replace(problem, record=_slug_at(loaded, path)) for problem in _explain(path, items, loaded)]
    return problems


def _slug_at(loaded: LoadedYaml, path: tuple[str | int, ...]) -> str:
    if len(path) >= 2 and path[0] == "projects" and isinstance(path[1], int):
        record = loaded.data["projects"][path[1]]
        if isinstance(record, dict) and isinstance(record.get("slug"), str):
            return str(record["slug"])
    return ""


def _explain(path: tuple[str | int, ...], items: list[dict[str, Any]], loaded: LoadedYaml) -> list[Problem]:
    line, column = loaded.position(
        path, of_key=any(item["type"] == "extra_forbidden" or item.get("at_key") for item in items)
    )
    field = _dotted(path)
    shape = [item for item in items if item["type"] in SHAPE_ERRORS]
    if len(shape) < len(items):
        # A validator that understood the value explains it better than "expected not-stated".
        items = [item for item in items if item not in shape]
        shape = []
    problems = []
    if len(shape) > 1:  # no alternative of the field fits: one message naming them all
        items = shape[:1]
    for item in items:
        message, hint = _message(item, path, loaded)
        # a missing field is reported where its record (or group) starts
        where = loaded.position(path[:-1]) if item["type"] == "missing" else (line, column)
        problems.append(Problem(loaded.file, *where, field, message, hint))
    return problems


DATE_HINT = "write dates as YYYY-MM-DD, e.g. `2015-03-31` for 31 March 2015"
AMOUNT_HINT = (
    "write the number in quotes, with a point before the cents and without spaces, thousands separators "
    'or currency signs; the currency is a separate code: `amount: "59964.19"` with `currency: BGN`'
)
BOUNDS = {
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
}


def _message(item: dict[str, Any], path: tuple[str | int, ...], loaded: LoadedYaml) -> tuple[str, str]:
    """The plain-words message and hint for one pydantic error: what is wrong and what the field expects."""
    kind = item["type"]
    found = _found(item)
    wanted = expected(path, _root(loaded))
    name = str(path[-1]) if path else ""
    if kind == "missing":
        return "this required field is missing", f"add `{name}:` with {wanted}"
    if kind == "extra_forbidden":
        return f"unknown field `{name}`", _misplaced(path, loaded) or _did_you_mean(name)
    if item.get("at_key"):
        if misplaced := _misplaced(path, loaded):
            return f"`{name}` is not a language, so it cannot be part of `{path[-2]}`", misplaced
        return f"`{name}` is not one of the site's languages", "the languages are " + ", ".join(
            f"`{lang}`" for lang in LANGUAGES
        )
    textual = isinstance(item.get("input"), str)
    empty = item.get("input") in (None, "") and not kind.startswith("value_error")
    if empty and kind not in ("string_too_short", "value_error"):
        return "this field has no value", f"write {wanted}"
    if kind == "string_too_short":
        return "this text is empty", f"write {wanted}"
    if kind == "string_pattern_mismatch" and name == "slug":
        return (
            f"{found} is not a valid slug",
            "use lowercase letters a-z, digits and single hyphens, e.g. `open-data-vidin`",
        )
    if kind in ("string_pattern_mismatch", "string_too_long"):
        limit = (item.get("ctx") or {}).get("max_length")
        too_long = f" (longer than {limit} characters)" if kind == "string_too_long" else ""
        return f"{found} is not in the right form{too_long}", f"write {wanted}"
    if kind in ("decimal_parsing", "decimal_type") and textual:
        return f"{found} is not an amount the site can read", AMOUNT_HINT
    if kind == "decimal_max_places":
        return f"{found} has more than two digits after the point", AMOUNT_HINT
    if textual and (kind.startswith("date") or kind.startswith("datetime")):
        real_day = "outside expected range" in str((item.get("ctx") or {}).get("error", ""))
        what = "is not a day of the calendar" if real_day else "is not a date written YYYY-MM-DD"
        return f"{found} {what}", DATE_HINT
    if textual and kind.startswith("time"):
        return f"{found} is not a time written HH:MM", 'write times as HH:MM in quotes, e.g. `start: "09:30"`'
    if kind in BOUNDS:
        key, words = BOUNDS[kind]
        return f"{found} is out of range: it must be {words} {(item.get('ctx') or {}).get(key)}", f"write {wanted}"
    if kind == "value_error" and "email address" in str(item["msg"]):
        return f"{found} is not an email address", "write it as name@example.org"
    if kind in ("value_error", "assertion_error"):
        message = str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        # a single value our validator refused: show the form; a group's rule says what to change itself
        scalar = not isinstance(item.get("input"), dict | list)
        return message, f"write {wanted}" if scalar and "`" not in message else ""
    if kind in SHAPE_ERRORS or kind.endswith("_type") or kind.endswith("_parsing"):
        hint = AMOUNT_HINT if "amount with its currency" in wanted and isinstance(item.get("input"), str) else ""
        return f"expected {wanted}; found {found}", hint
    return f"{found} is not accepted here", f"write {wanted}"


def _root(loaded: LoadedYaml) -> type[BaseModel]:
    return FundersFile if isinstance(loaded.data, dict) and "programmes" in loaded.data else ProjectsFile


def _misplaced(path: tuple[str | int, ...], loaded: LoadedYaml) -> str:
    """An unknown field that a neighbouring group accepts is most likely indented wrongly: name that group."""
    key, parent = str(path[-1]), path[:-1]
    root = _root(loaded)
    key_line = loaded.position(path, of_key=True)[0]
    node = _node(loaded.data, parent)
    if isinstance(node, dict):  # indented too little: it belongs to the group just above it
        above = [
            (loaded.position((*parent, other), of_key=True)[0], other)
            for other, value in node.items()
            if other != key and isinstance(value, dict | list | type(None))
        ]
        above = [(line, other) for line, other in above if line < key_line]
        for line, other in sorted(above, reverse=True)[:1]:
            value = node[other]
            target = (*parent, other, 0) if isinstance(value, list) else (*parent, other)
            if accepts_key(target, key, root):
                return (
                    f"this line is probably indented too little: `{key}` looks like part of `{other}` "
                    f"(line {line}); indent it like the lines under `{other}`"
                )
    for depth in range(len(parent) - 1, -1, -1):  # indented too far: it belongs to a group further out
        outer = parent[:depth]
        if accepts_key(outer, key, root) and not isinstance(parent[depth], int):
            owner = f"`{parent[depth]}`"
            return (
                f"this line is probably indented too far: `{key}` is not a part of {owner} but a field next to it; "
                f"move it left, in line with {owner}"
            )
    return ""


def _node(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _found(item: dict[str, Any]) -> str:
    value = item.get("input")
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None or value == "":
        return "nothing"
    return repr(value)


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Pydantic locations mix field names with the names of union branches; keep the former."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and (part in node or not _is_branch(part)):
            path.append(part)
            node = node.get(part)
    return tuple(path)


def _is_branch(part: str) -> bool:
    return (
        any(mark in part for mark in ("[", "]", "-"))
        or part in {"str", "int", "bool", "dict", "list"}
        or part[:1].isupper()
    )


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _all_field_names() -> set[str]:
    from microsite import schema

    names: set[str] = set()
    for value in vars(schema).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == schema.__name__:
            names |= set(value.model_fields)
    return names


def _did_you_mean(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(_all_field_names()), n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return "remove it, or check the spelling against the field list in the README"
