"""Load YAML keeping the line and column of every value.

Every scalar stays a string: YAML 1.1 would silently turn `no` into False or `1.10` into 1.1, and
money must stay exact. The schema converts strings into numbers, dates and booleans, where it can
say which field is wrong. Duplicate keys are problems, not silent overwrites.

A few lines of YAML can describe a billion values (aliases of aliases) or nest deep enough to
crash the parser. Both are caught cheaply (bracket depth before parsing, a count while converting);
only then is the event stream read again, to say exactly where.

The values are made first without their positions (half the work of reading a large file); the
positions are gathered from the same composed document when a problem first asks for one, so a
report says exactly what and where it always did.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]
# libyaml's parser is about six times faster and keeps the same line and column marks.
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UntaggedLoader(_BASE_LOADER):  # type: ignore[misc]
    """Every scalar stays text (see above), so the tag YAML would guess for it from its look is never
    used: skipping that guess (a dozen patterns tried on every value) saves a fifth of the reading time."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return str(self.DEFAULT_SCALAR_TAG)
        return str(self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG)


_LOADER = _UntaggedLoader
# The real records file is about 70 kB for 5 projects; these leave room for thousands of projects
# (the benchmark's synthetic 1 000-project file is 27 MB, issue 18 measured `make check` on 30 MB).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
MAX_NESTING = 64  # a record nests about 6 levels deep
MAX_ALIAS_VALUES = 10_000  # values that aliases (`*name`) may add beyond those written out


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a file's values are made: it would otherwise scan every
    value made so far again and again (a 35 MB file: 9.6 s to compose instead of 1.9 s). Reading
    makes no reference cycles, so nothing is left for it to find."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass
class LoadedYaml:
    file: str
    data: Any
    # (line, column), both 1-based, of each value and mapping key, by field path.
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # The composed document while the positions are not collected yet: a file without problems
    # never needs them, so they are gathered from it at the first question (`position`).
    unlocated: yaml.Node | None = None
    # Or the text, when it was read item by item (`load_yaml(reuse_items=True)`): composed then.
    uncomposed: str | None = None

    def position(self, path: Path_, of_key: bool = False) -> tuple[int, int]:
        """The position of a field's value (or its key), else of its closest parent in the file."""
        if self.uncomposed is not None:
            text, self.uncomposed = self.uncomposed, None
            with collector_paused():
                self.unlocated = yaml.compose(text, Loader=_LOADER)
        if self.unlocated is not None:
            node, self.unlocated = self.unlocated, None
            with collector_paused():
                _to_python(node, (), self, _Budget(""))  # the same values again, their places kept
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


def load_yaml(path: Path, display_name: str | None = None, reuse_items: bool = False) -> LoadedYaml:
    """`reuse_items`: a file that is one list of records under one key (data/projects.yaml) is read
    record by record, each record's values kept by its text for the next read in this process (the
    preview: a save mostly changes one record, and composing the whole file is a tenth of a rebuild)."""
    name = display_name or str(path)
    if not path.is_file():
        raise YamlProblem(
            name, 0, 0, (), "the file does not exist", f"create it, or run the command in the site folder ({path})"
        )
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise _too_big(name, path.stat().st_size)
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
    if reuse_items and (loaded := _by_item(text, name)) is not None:
        return loaded
    return parse_yaml(text, name)


# The values of each record read item by item at the last read, by the record's text.
_ITEM_VALUES: dict[str, list[Any]] = {}
_LIST_HEAD = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*([a-z_]+):[ \t]*(?:#[^\n]*)?\n")
_ITEM_START = re.compile(r"^([ ]*)- ", re.M)
_DOCUMENT_MARK = re.compile(r"^(?:---|\.\.\.|%)", re.M)  # one record alone could read where the file does not


def _by_item(text: str, name: str) -> LoadedYaml | None:
    """`{key: [record, …]}` read record by record, reusing the values of the records whose text is
    unchanged; None when the text is anything else, or anything unusual (anchors, a record that
    does not read alone, which it does not when a quote or bracket runs past it): it is then read
    whole, as always, with the same values and problems. A record starts at a line `- ` with the
    first record's indent; inside a block scalar such a line would end the scalar (it is indented
    less), inside quotes or brackets it leaves a record that does not read alone."""
    global _ITEM_VALUES
    head = _LIST_HEAD.match(text)
    if head is None or _ANCHOR.search(text) or "\t" in text or _DOCUMENT_MARK.search(text):
        return None
    first = _ITEM_START.search(text, head.end())
    if first is None or text[head.end() : first.start()].strip(" \n") != "":
        return None
    starts = [m.start() for m in _ITEM_START.finditer(text, first.start()) if m.group(1) == first.group(1)]
    if _deepest_brackets(text) > MAX_NESTING:  # libyaml would recurse that deep (no anchors: no aliases)
        return None
    records: list[Any] = []
    seen: dict[str, list[Any]] = {}
    with collector_paused():
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
            item = text[start:end]
            values = seen.get(item) or _ITEM_VALUES.get(item) or _read_item(item)
            if values is None:
                return None
            seen[item] = values
            records += values
    _ITEM_VALUES = seen
    return LoadedYaml(name, {head.group(1): records}, uncomposed=text)


def _read_item(item: str) -> list[Any] | None:
    """One record's text read alone: a list of that one record, or None when it does not read alone."""
    try:
        node = yaml.compose(item, Loader=_LOADER)
        values = _values(node, 1, None) if node is not None else None
    except (yaml.YAMLError, _Unusual):
        return None
    return values if isinstance(values, list) and len(values) == 1 and isinstance(values[0], dict) else None


def parse_yaml(text: str, name: str, first_line: int = 1) -> LoadedYaml:
    """Parse YAML text that starts on line `first_line` of file `name` (e.g. a page's front matter)."""
    if len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
        raise _too_big(name, len(text.encode("utf-8")))
    text = "\n" * (first_line - 1) + text  # so every reported line is the file's own
    try:
        # libyaml recurses (and crashes past ~100 000 levels), and composes every alias: read the
        # events first when the brackets or the asterisks could be that many.
        if _deepest_brackets(text) > MAX_NESTING or _aliases(text) > MAX_ALIAS_VALUES:
            _check_sizes(text, name)
        with collector_paused():
            node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        opened = unclosed_quote(text, line, column)
        if opened:  # YAML notices a missing closing quote only where the text runs into the next one
            written = text.splitlines()[opened[0] - 1].strip()
            closed = written.rstrip("}]") + '"' + written[len(written.rstrip("}]")) :]
            raise YamlProblem(
                name,
                *opened,
                (),
                f"the quotation mark opened on line {opened[0]} is never closed",
                f"close it at the end of the text: `{closed}` (YAML noticed it only on line {line})",
            ) from err
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
    with collector_paused():
        try:  # the values alone first: positions cost as much again and only a problem needs them
            loaded.data, loaded.unlocated = _values(node, 0, _Anchored() if _ANCHOR.search(text) else None), node
        except _Unusual:  # a duplicate key, too deep or too many aliases: said where, as it always was
            loaded.data = _to_python(node, (), loaded, _Budget(text))
    return loaded


class _Unusual(Exception):
    """Something `_to_python` reports with its place."""


class _Anchored:
    """The nodes seen while reading a text that may have anchors (`&name`), whose aliases add values."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.visits = 0

    def spend(self, node: yaml.Node) -> None:
        self.visits += 1
        self.seen.add(id(node))
        if self.visits - len(self.seen) > MAX_ALIAS_VALUES:
            raise _Unusual


def _values(node: yaml.Node, depth: int, anchored: _Anchored | None) -> Any:
    """The values of `_to_python`, without their positions; raises _Unusual where it would report a problem."""
    if depth > MAX_NESTING:
        raise _Unusual
    if anchored is not None:
        anchored.spend(node)
    if isinstance(node, yaml.ScalarNode):  # most nodes: asked first
        if not node.style and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_values(item, depth + 1, anchored) for item in node.value]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in result:
            raise _Unusual
        result[key] = _values(value_node, depth + 1, anchored)
    return result


_BRACKETS = re.compile(r"[\[\]{}]")
# `*name` where a value starts and ending where a value ends: Markdown's `*emphasis*` in record
# texts (thousands of them in a large file) does not look like that.
# The asterisk first (and what stands before it looked at after it): the search then skips from one
# asterisk to the next instead of trying the pattern at every character.
_ALIAS = re.compile(r"\*(?<![^\s\[{,]\*)[^\s\[\]{},*]+(?=[\s\]},]|\Z)")
# An anchor (`&name`) is what lets aliases repeat values; most files have none, not even an `&`.
_ANCHOR = re.compile(r"&[^\s\[\]{},]")


def _aliases(text: str) -> int:
    """How many aliases the text may hold, at most (the plain count of asterisks first: it is cheap)."""
    return 0 if text.count("*") <= MAX_ALIAS_VALUES else len(_ALIAS.findall(text))


def _deepest_brackets(text: str) -> int:
    """How deep flow collections (`[...]`, `{...}`) nest, at most (brackets in quotes count too)."""
    depth = deepest = 0
    for bracket in _BRACKETS.finditer(text):
        if bracket.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


@dataclass
class _Budget:
    """Counts what aliases add while converting; values reached a second time came through one."""

    text: str
    seen: set[int] = field(default_factory=set)
    visits: int = 0

    def spend(self, node: yaml.Node, path: Path_, name: str) -> None:
        self.visits += 1
        self.seen.add(id(node))
        if len(path) > MAX_NESTING or self.visits - len(self.seen) > MAX_ALIAS_VALUES:
            _check_sizes(self.text, name)  # raises with the place
            raise YamlProblem(name, 0, 0, (), "the file nests or repeats its values too much to be read")


def _too_big(name: str, size: int) -> YamlProblem:
    return YamlProblem(
        name,
        0,
        0,
        (),
        f"the file is {size / 2**20:.1f} MB; a records file may be at most {MAX_DOCUMENT_BYTES // 2**20} MB",
        "check that the right file was saved here; split a very large site into several files",
    )


def _check_sizes(text: str, name: str) -> None:
    """Refuse nesting deeper than MAX_NESTING and aliases that would repeat too much, where they are."""
    sizes: dict[str, int] = {}  # values per anchor, its aliases expanded
    open_collections: list[tuple[str | None, int]] = []  # (anchor, values so far)
    added_by_aliases = 0

    def add(count: int) -> None:
        if open_collections:
            anchor, so_far = open_collections[-1]
            open_collections[-1] = (anchor, so_far + count)

    for event in yaml.parse(text, Loader=_LOADER):
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for anchor, _ in open_collections):
                raise YamlProblem(
                    name,
                    line,
                    column,
                    (),
                    f"the alias `*{event.anchor}` is inside the value it repeats, so it would never end",
                    f"write the values out instead of `*{event.anchor}`",
                )
            size = sizes.get(str(event.anchor), 1)
            added_by_aliases += size  # as many values as converting the alias visits again
            if added_by_aliases > MAX_ALIAS_VALUES:
                raise YamlProblem(
                    name,
                    line,
                    column,
                    (),
                    f"the aliases (`*{event.anchor}` and those before it) repeat more than {MAX_ALIAS_VALUES:,} values",
                    "write the values out, or use fewer aliases; an alias of aliases multiplies very fast",
                )
            add(size)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            add(1)
        elif isinstance(event, yaml.CollectionStartEvent):
            open_collections.append((event.anchor, 1))
            if len(open_collections) > MAX_NESTING:
                raise YamlProblem(
                    name,
                    line,
                    column,
                    (),
                    f"the values here are nested more than {MAX_NESTING} levels deep",
                    "a bracket `[` or `{` is probably not closed, or the indentation runs away",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, count = open_collections.pop()
            if anchor:
                sizes[anchor] = count
            add(count)


def unclosed_quote(text: str, line: int, column: int) -> tuple[int, int] | None:
    """Where the double-quoted text that YAML could not end was opened, when it runs over a line end.

    A quoted value in our files sits on one line; a quote that stays open at a line end before the
    place YAML gave up is almost certainly the one whose closing mark is missing."""
    opened_at: tuple[int, int] | None = None
    last_unclosed: tuple[int, int] | None = None
    for number, content in enumerate(text.splitlines()[:line], start=1):
        index = 0
        while index < len(content):
            char = content[index]
            if number == line and index + 1 >= column and opened_at is None:
                break
            if opened_at is None:
                if char == "#" and (index == 0 or content[index - 1] in " \t"):
                    break  # a comment
                if char == '"':
                    opened_at = (number, index + 1)
            elif char == "\\":
                index += 1  # an escaped character, e.g. \"
            elif char == '"':
                opened_at = None
            index += 1
        if opened_at is not None and opened_at[0] == number:
            last_unclosed = opened_at
    return last_unclosed if last_unclosed and last_unclosed[0] < line else None


def _syntax_hint(problem: str, text: str, line: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        return "YAML does not allow tab characters for indentation; use spaces"
    if "found character '\\t'" in problem:
        return "YAML does not allow tab characters for indentation; use spaces"
    if ("end of" in problem and "stream" in problem) or "quoted scalar" in problem or "expected ','" in problem:
        return "a quotation mark or bracket is probably not closed on this line or a line above"
    return "check the indentation and the quotes on this line and the line before it"


def _to_python(node: yaml.Node, path: Path_, loaded: LoadedYaml, budget: _Budget) -> Any:
    budget.spend(node, path, loaded.file)
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
            result[key] = _to_python(value_node, (*path, key), loaded, budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, index), loaded, budget) for index, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    # An unquoted empty value or `~`/`null` is "no value"; everything else stays text.
    if not node.style and node.value in ("", "~", "null", "Null", "NULL"):  # plain: None (libyaml: "")
        return None
    return node.value
