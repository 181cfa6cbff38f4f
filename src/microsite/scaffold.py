"""`microsite new-project SLUG LANGUAGE`: add a record with every required field, ready to fill.

The record is inserted as text after the last project, so every other byte of the file (comments,
layout, line endings, a missing final newline) stays as it was. The list may be indented or start
in column 1; an empty `projects: []` becomes a list of one. Anything else is refused with a
message, and the result is parsed before it is written: the file always stays readable.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from microsite.languages import LANGUAGES
from microsite.schema import SLUG_PATTERN
from microsite.yaml_source import YamlProblem, parse_yaml

TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "new_project.yaml"


def new_project(data_file: Path, slug: str, language: str) -> str:
    """Add the record; return what to tell the editor. Raises ValueError on a bad request."""
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise ValueError(f"{slug!r} is not a valid slug: use lowercase letters a-z, digits and single hyphens")
    if language not in LANGUAGES:
        raise ValueError(f"{language!r} is not one of the site's languages ({', '.join(LANGUAGES)})")
    try:
        text = data_file.read_bytes().decode("utf-8")  # bytes: read_text would turn CRLF into LF
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"{data_file} cannot be read as UTF-8 text ({err})") from None
    projects = _projects(text, data_file)
    if any(isinstance(p, dict) and p.get("slug") == slug for p in projects):
        raise ValueError(f"a project with the slug {slug!r} exists already")
    new_text, record_line = with_record(text, slug, language, data_file)
    try:  # never leave a file that does not parse, or parses to something else
        after = _projects(new_text, data_file)
    except ValueError:
        after = []
    if len(after) != len(projects) + 1 or after[-1].get("slug") != slug:
        raise ValueError(f"the record could not be added to {data_file} in its layout; add it by hand")
    data_file.write_bytes(new_text.encode("utf-8"))
    return f"Added project {slug!r} at line {record_line} of {data_file}. Fill it in, then run `make check`."


def with_record(text: str, slug: str, language: str, data_file: Path) -> tuple[str, int]:
    """The file's text with the new record after the last project, and the record's first line."""
    newline = "\r\n" if "\r\n" in text else "\n"
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # the pure-Python parser: marks are string offsets
    if root is None:  # empty, or only comments
        return _insert(text, len(text), "projects:" + newline, 2, slug, language, newline)
    if not isinstance(root, yaml.MappingNode):
        raise ValueError(f"{data_file} must start with `projects:`")
    key, value = next(
        ((k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "projects"), (None, None)
    )
    if key is None or value is None:
        return _insert(text, len(text), "projects:" + newline, 2, slug, language, newline)
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        end = _end_of_line(text, _last_position(value))
        return _insert(text, end, "", value.start_mark.column, slug, language, newline)
    indent = key.start_mark.column + 2
    start, stop = value.start_mark.index, value.end_mark.index
    empty_flow = isinstance(value, yaml.SequenceNode) and value.flow_style and not value.value
    null = (
        isinstance(value, yaml.ScalarNode) and value.style is None and value.value in ("", "~", "null", "Null", "NULL")
    )
    if empty_flow or (null and stop > start):  # `projects: []` or `projects: ~`: that goes, a list follows
        without = text[:start] + text[stop:]
        return _insert(without, _end_of_line(without, start), "", indent, slug, language, newline)
    if null:  # `projects:` alone
        return _insert(text, _end_of_line(text, key.end_mark.index), "", indent, slug, language, newline)
    line = value.start_mark.line + 1
    if isinstance(value, yaml.SequenceNode):
        raise ValueError(
            f"line {line} of {data_file} writes the projects as a [ … ] list; add the record by hand, "
            "or write the list with one `- ` item per project"
        )
    raise ValueError(f"line {line} of {data_file}: `projects:` must be a list of records")


def _insert(text: str, at: int, head: str, indent: int, slug: str, language: str, newline: str) -> tuple[str, int]:
    template = TEMPLATE.read_text(encoding="utf-8").format(slug=slug, language=language)
    lines = [line.removeprefix("  ") for line in template.splitlines() if line.strip()]
    record = "".join(" " * indent + line + newline for line in lines)
    starts_line = at == 0 or text[at - 1] == "\n"  # else: the end of a file without a final line break
    before = text[:at] + ("" if starts_line else newline) + head
    first_line = before.count("\n") + 2  # the comment line, then `- slug:`
    return before + record + text[at:], first_line


def _last_position(node: yaml.Node) -> int:
    """Where the last value of a block list or mapping ends (a block node's own end mark can lie
    past comments and blank lines that follow it)."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return int(node.end_mark.index)


def _end_of_line(text: str, index: int) -> int:
    """The index after the line break that ends the line holding `index` (the end of the text
    when that line has none)."""
    if index > 0 and text[index - 1] == "\n":  # a block scalar ends with its line break
        return index
    found = text.find("\n", index)
    return len(text) if found == -1 else found + 1


def _projects(text: str, data_file: Path) -> list[dict[str, object]]:
    if not text.strip("\ufeff \t\r\n") or all(
        line.lstrip().startswith("#") for line in text.splitlines() if line.strip()
    ):
        return []  # nothing written yet
    try:
        data = parse_yaml(text, str(data_file)).data or {}
    except YamlProblem as err:
        raise ValueError(f"fix {data_file} first: line {err.line}: {err.message}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{data_file} must start with `projects:`")
    projects = data.get("projects") or []
    return [p for p in projects if isinstance(p, dict)] if isinstance(projects, list) else []
