"""Load and validate `data/projects.yaml`: every problem at once, each with file, line and field."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from microsite.problems import DataError, Problem
from microsite.schema import FundersFile, FundingProgramme, Project, ProjectsFile
from microsite.yaml_source import LoadedYaml, YamlProblem, load_yaml

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


def load_projects(path: Path, display_name: str | None = None, programmes: set[str] | None = None) -> list[Project]:
    """Parse and validate the records file; raise DataError listing every problem.

    `programmes`: the ids in data/funders.yaml, to check each project's `funding.programme_id`."""
    return load_located_projects(path, display_name, programmes)[0]


def load_located_projects(
    path: Path, display_name: str | None = None, programmes: set[str] | None = None
) -> tuple[list[Project], LoadedYaml]:
    """The records and where each value is in the file (to place problems found later, e.g. a
    slug whose address is taken)."""
    context = {"programmes": programmes} if programmes is not None else None
    result, loaded = _load(path, display_name, ProjectsFile, "projects", context)
    return result.projects, loaded


def load_funders(path: Path, display_name: str | None = None) -> list[FundingProgramme]:
    """Parse and validate the funding programmes file (acknowledgements, logos)."""
    return _load(path, display_name, FundersFile, "programmes")[0].programmes


def _load(
    path: Path, display_name: str | None, model: type[FileModel], top_key: str, context: dict[str, Any] | None = None
) -> tuple[FileModel, LoadedYaml]:
    try:
        loaded = load_yaml(path, display_name)
    except YamlProblem as err:
        field = _dotted(err.path)
        raise DataError([Problem(err.file, err.line, err.column, field, err.message, err.hint)]) from None
    if not isinstance(loaded.data, dict):
        raise DataError([Problem(loaded.file, 1, 1, "", f"the file must start with `{top_key}:`")])
    problems = duplicate_keys(loaded, top_key)
    if top_key == "projects":
        problems += duplicate_event_slugs(loaded)
    try:
        result = model.model_validate(loaded.data, context=context)
    except ValidationError as err:
        problems += problems_from(err, loaded)
    if problems:
        raise DataError(problems)
    return result, loaded


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
    if len(shape) > 1:
        expected = "; or ".join(dict.fromkeys(_plain(item) for item in shape))
        problems.append(Problem(loaded.file, line, column, field, f"expected {expected}; found {_found(shape[0])}"))
    for item in items:
        if len(shape) > 1 and item in shape:
            continue
        message, hint = _message(item, path)
        # a missing field is reported where its record (or group) starts
        where = loaded.position(path[:-1]) if item["type"] == "missing" else (line, column)
        problems.append(Problem(loaded.file, *where, field, message, hint))
    return problems


def _message(item: dict[str, Any], path: tuple[str | int, ...]) -> tuple[str, str]:
    """The plain-words message and hint for one pydantic error."""
    kind = item["type"]
    if kind == "missing":
        return "this required field is missing", "add it; write `not-stated` if the source does not give it"
    if kind == "extra_forbidden":
        return f"unknown field `{path[-1]}`", _did_you_mean(str(path[-1]))
    if kind == "string_too_short":
        return "this text is empty", "write it, or write `not-stated` where the field allows it"
    if kind == "string_pattern_mismatch" and path and path[-1] == "slug":
        return (
            f"{item['input']!r} is not a valid slug",
            "use lowercase letters a-z, digits and single hyphens, e.g. `open-data-vidin`",
        )
    if kind in SHAPE_ERRORS:
        return f"expected {_plain(item)}; found {_found(item)}", ""
    return _plain(item), ""


def _plain(item: dict[str, Any]) -> str:
    message = str(item["msg"])
    for prefix in ("Value error, ", "Input should be "):
        message = message.removeprefix(prefix)
    return message


def _found(item: dict[str, Any]) -> str:
    value = item.get("input")
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
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
