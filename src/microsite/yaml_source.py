"""Load YAML keeping the line and column of every value.

Every scalar stays a string: YAML 1.1 would silently turn `no` into False or `1.10` into 1.1, and
money must stay exact. The schema converts strings into numbers, dates and booleans, where it can
say which field is wrong. Duplicate keys are problems, not silent overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]
# libyaml's parser is about six times faster and keeps the same line and column marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class LoadedYaml:
    file: str
    data: Any
    # (line, column), both 1-based, of each value and mapping key, by field path.
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_, of_key: bool = False) -> tuple[int, int]:
        """The position of a field's value (or its key), else of its closest parent in the file."""
        if of_key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


class YamlProblem(Exception):
    def __init__(self, file: str, line: int, column: int, path: Path_, message: str, hint: str = ""):
        super().__init__(message)
        self.file, self.line, self.column, self.path, self.message, self.hint = (
            file,
            line,
            column,
            path,
            message,
            hint,
        )


def load_yaml(path: Path, display_name: str | None = None) -> LoadedYaml:
    name = display_name or str(path)
    if not path.is_file():
        raise YamlProblem(
            name, 0, 0, (), "the file does not exist", f"create it, or run the command in the site folder ({path})"
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(
            name,
            line,
            1,
            (),
            "the file is not valid UTF-8 text",
            "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)",
        ) from err
    if not text.strip():
        raise YamlProblem(name, 0, 0, (), "the file is empty", "it must start with `projects:`")
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str, first_line: int = 1) -> LoadedYaml:
    """Parse YAML text that starts on line `first_line` of file `name` (e.g. a page's front matter)."""
    text = "\n" * (first_line - 1) + text  # so every reported line is the file's own
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise YamlProblem(
            name,
            line,
            column,
            (),
            f"the YAML cannot be read: {err.problem}",
            _syntax_hint(str(err.problem), text, line),
        ) from err
    if node is None:  # only comments
        raise YamlProblem(name, 0, 0, (), "the file is empty", "it must start with `projects:`")
    loaded = LoadedYaml(name, None)
    loaded.data = _to_python(node, (), loaded)
    return loaded


def _syntax_hint(problem: str, text: str, line: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        return "YAML does not allow tab characters for indentation; use spaces"
    if "found character '\\t'" in problem:
        return "YAML does not allow tab characters for indentation; use spaces"
    if ("end of" in problem and "stream" in problem) or "quoted scalar" in problem or "expected ','" in problem:
        return "a quotation mark or bracket is probably not closed on this line or a line above"
    return "check the indentation and the quotes on this line and the line before it"


def _to_python(node: yaml.Node, path: Path_, loaded: LoadedYaml) -> Any:
    loaded.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                raise YamlProblem(
                    loaded.file,
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    (*path, key),
                    f"the field `{key}` appears twice",
                    "keep one of them: YAML would silently use only the last one",
                )
            loaded.key_positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _to_python(value_node, (*path, key), loaded)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, index), loaded) for index, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    # An unquoted empty value or `~`/`null` is "no value"; everything else stays text.
    if not node.style and node.value in ("", "~", "null", "Null", "NULL"):  # plain: None (libyaml: "")
        return None
    return node.value
