"""Every field of the record format, given wrong values, is explained in plain words: what is wrong,
where, and what the field expects with an example; no word of the libraries underneath."""

from __future__ import annotations

import copy
import re
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from microsite import schema
from microsite.field_forms import types_at
from microsite.problems import DataError
from microsite.records import load_projects

FIXTURE = Path(__file__).parent / "fixtures" / "every_field.yaml"
# Words of pydantic, Python or YAML that mean nothing to an editor.
LIBRARY_WORDS = re.compile(
    r"dictionary|instance of|model|decimal|traceback|input should|string should|function-after|constrained"
    r"|literal|integer|boolean|datetime|pattern|pydantic|value error|\[type=|union|nonetype|(?-i:\bNone\b)",
    re.IGNORECASE,
)
WRONG_VALUES: list[Any] = ["59 964,19 лв.", "31.02.2015", {"wrong": "group"}, ["a", "list"], "", None]


def leaf_paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    paths = [path] if path else []
    if isinstance(value, dict):
        paths += [p for key, item in value.items() for p in leaf_paths(item, (*path, key))]
    elif isinstance(value, list):
        paths += [p for index, item in enumerate(value) for p in leaf_paths(item, (*path, index))]
    return paths


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The record groups (models) an annotation may hold, however deeply wrapped in lists, unions, Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in models_in(arg)]


def schema_fields(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """Every `Model.field` reachable from a record."""
    seen = seen if seen is not None else set()
    seen.add(model)
    names = {f"{model.__name__}.{name}" for name in model.model_fields}
    for field in model.model_fields.values():
        for nested in models_in(field.annotation):
            if nested not in seen:
                names |= schema_fields(nested, seen)
    return names


def covered_fields(data: dict[str, Any]) -> set[str]:
    names = set()
    for path in leaf_paths(data):
        if isinstance(path[-1], str):
            for annotation in types_at(path[:-1]):
                names |= {f"{m.__name__}.{path[-1]}" for m in models_in(annotation) if path[-1] in m.model_fields}
    return names


BASE = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
PATHS = [p for p in leaf_paths(BASE) if len(p) > 2 and p[2] != "slug"]


def test_the_fixture_uses_every_field_of_the_schema() -> None:
    assert schema_fields(schema.Project) - covered_fields(BASE) == set()


def set_at(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@pytest.mark.parametrize("path", PATHS, ids=lambda p: ".".join(map(str, p[2:])))
def test_every_wrong_value_is_explained_in_plain_words(path: tuple[str | int, ...], tmp_path: Path) -> None:
    explained = 0
    for wrong in WRONG_VALUES:
        data = copy.deepcopy(BASE)
        set_at(data, path, wrong)
        file = tmp_path / "projects.yaml"
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            load_projects(file, "data/projects.yaml")
        except DataError as err:
            report = err.report()
            assert not LIBRARY_WORDS.search(report), report
            assert all(p.line > 0 and p.field for p in err.problems), report
            # each message that says "expected" shows the form, as an example in backticks
            assert all("`" in f"{p.message} {p.hint}" for p in err.problems if "expected" in p.message), report
            explained += 1
    assert explained >= 2  # a group and a list are wrong for every single value
