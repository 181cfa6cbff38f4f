"""Change a few text values in a YAML file and keep every other byte: comments, quoting, order,
line endings. Used by `make translations-import`, so that an import shows in `git diff` as exactly
the translations that changed.

Each edit works on the character range that the YAML parser marks for the value (the same marks
`yaml_source` reports lines and columns from). After editing, the result is parsed again and must
hold exactly the old data with the new values: anything else is a bug, and nothing is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from microsite.yaml_source import _LOADER, Path_

NULLS = ("~", "null", "Null", "NULL")  # a plain scalar spelled so is "no value"
PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n#]*$")


@dataclass(frozen=True)
class Edit:
    path: Path_  # e.g. ("projects", 0, "summary", "pl"); the last key may be new in its mapping
    value: str


class EditFailed(Exception):
    pass


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with each edit's value set; raises EditFailed when a path cannot be edited."""
    root = _compose(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    splices: list[tuple[int, int, str]] = []
    for edit in edits:
        parent = _node_at(root, edit.path[:-1])
        if not isinstance(parent, yaml.MappingNode):
            raise EditFailed(f"{_dotted(edit.path[:-1])} is not a group of fields")
        key = edit.path[-1]
        existing = next((value for k, value in parent.value if k.value == key), None)
        if existing is not None:
            if not isinstance(existing, yaml.ScalarNode):
                raise EditFailed(f"{_dotted(edit.path)} is not a text")
            splices.append(_replace_scalar(text, existing, edit.value))
        else:
            splices.append(_insert_key(text, parent, str(key), edit.value, newline))
    splices.sort(key=lambda splice: splice[0], reverse=True)
    for start, end, replacement in splices:
        text = text[:start] + replacement + text[end:]
    return text


def verify_edits(before_text: str, after_text: str, edits: list[Edit]) -> None:
    """The edited text must hold the old data plus the new values and nothing else."""
    expected = _plain_data(_compose(before_text))
    for edit in edits:
        node = expected
        for part in edit.path[:-1]:
            node = node[part]
        node[edit.path[-1]] = edit.value
    after = _plain_data(_compose(after_text))
    if after != expected:
        raise EditFailed("the edited file does not read back as expected")


def _compose(text: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        raise EditFailed(f"the YAML cannot be read: {err}") from None
    if node is None:
        raise EditFailed("the file is empty")
    return node


def _replace_scalar(text: str, node: yaml.ScalarNode, value: str) -> tuple[int, int, str]:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):
        # a block text ends with its line breaks: keep them, write the new text quoted
        span = text[start:end]
        return start, end, _double_quoted(value) + span[len(span.rstrip("\r\n")) :]
    if node.style == "'" and value.strip() == value and not any(map(_needs_escape, value)):
        return start, end, "'" + value.replace("'", "''") + "'"
    if not node.style and start < end and _plain_ok(value):
        return start, end, value
    prefix = " " if start == end and text[start - 1 : start] == ":" else ""  # `pl:` with no value
    return start, end, prefix + _double_quoted(value)


def _insert_key(text: str, mapping: yaml.MappingNode, key: str, value: str, newline: str) -> tuple[int, int, str]:
    if not mapping.value:
        if not mapping.flow_style:
            raise EditFailed("cannot add to an empty group")
        at = text.rindex("}", mapping.start_mark.index, mapping.end_mark.index)  # {} → {pl: "…"}
        return at, at, f"{key}: {_inserted(value)}"
    last_value = mapping.value[-1][1]
    entry = f"{key}: {_inserted(value)}"
    if mapping.flow_style:  # {pl: "…", el: "…"} → {pl: "…", el: "…", bg: "…"}
        at = last_value.end_mark.index
        return at, at, ", " + entry
    indent = mapping.value[0][0].start_mark.column
    # after the last value's line (and any comment on it), before its line break
    at = text.find("\n", last_value.end_mark.index)
    at = len(text) if at < 0 else at
    if text[at - 1 : at] == "\r":
        at -= 1
    if isinstance(last_value, yaml.ScalarNode) and last_value.style in ("|", ">"):
        at = last_value.end_mark.index  # a block text ends at the start of the next line
        return at, at, " " * indent + entry + newline
    return at, at, newline + " " * indent + entry


def _inserted(value: str) -> str:
    # a keyword such as a translation method stays unquoted, like its neighbours; text is quoted
    keyword = re.fullmatch(r"[a-z]+(-[a-z]+)*", value) and value not in NULLS
    return value if keyword else _double_quoted(value)


def _needs_escape(char: str) -> bool:
    # control characters and line separators: YAML would refuse or fold them unless escaped
    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char == "\ufeff"


def _double_quoted(value: str) -> str:
    escaped = []
    for char in value:
        if char in ('"', "\\"):
            escaped.append("\\" + char)
        elif char == "\n":
            escaped.append("\\n")
        elif char == "\t":
            escaped.append("\\t")
        elif _needs_escape(char):
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _plain_ok(value: str) -> bool:
    """Whether the value reads back unchanged as a plain (unquoted) scalar, in any context."""
    if not PLAIN_SAFE.match(value) or value != value.strip() or ": " in value or value.endswith(":"):
        return False
    if any(map(_needs_escape, value)) or " #" in value or "\t" in value or value in NULLS:
        return False
    return not any(mark in value for mark in (",", "[", "]", "{", "}"))


def _node_at(root: yaml.Node, path: Path_) -> yaml.Node:
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            found = node.value[part]
        else:
            found = None
        if found is None:
            raise EditFailed(f"{_dotted(path)} does not exist")
        node = found
    return node


def _plain_data(node: yaml.Node) -> Any:
    """Data as yaml_source reads it (every scalar a string) but with None kept apart from ""."""
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): _plain_data(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain_data(item) for item in node.value]
    if isinstance(node, yaml.ScalarNode) and not node.style and node.value in ("", *NULLS):
        return None
    return node.value


def _dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
