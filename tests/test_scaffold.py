"""`make new-project` edits data/projects.yaml in any valid layout, or refuses and leaves it alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from microsite.scaffold import new_project
from microsite.yaml_source import parse_yaml

RECORD = "- slug: {slug}\n  source_document: x.txt\n  title: {{pl: T}}\n"


def indented(text: str, by: int) -> str:
    return "".join(" " * by + line if line.strip() else line for line in text.splitlines(keepends=True))


LAYOUTS = {
    "indented": "# projects\nprojects:\n" + indented(RECORD.format(slug="a"), 2),
    "column-1": "projects:\n" + RECORD.format(slug="a") + RECORD.format(slug="b"),
    "deeper-indent": "projects:\n" + indented(RECORD.format(slug="a"), 4),
    "crlf": ("projects:\n" + indented(RECORD.format(slug="a"), 2)).replace("\n", "\r\n"),
    "no-final-newline": "projects:\n" + indented(RECORD.format(slug="a"), 2).rstrip("\n"),
    "crlf-no-final-newline": ("projects:\n" + RECORD.format(slug="a")).replace("\n", "\r\n").rstrip("\r\n"),
    "comments-after": "projects:\n" + indented(RECORD.format(slug="a"), 2) + "\n  # the next one soon\n# end\n",
    "block-text-last": "projects:\n  - slug: a\n    summary: |\n      Line one.\n      Line two.\n\n# end\n",
    "flow-mapping-last": "projects:\n  - slug: a\n    title: {pl: 'T',\n      el: 'E'}  # two lines\n",
    "empty-flow": "# none yet\nprojects: []\n",
    "empty-flow-comment": "projects: []  # none yet\n# below\n",
    "empty-flow-no-newline": "projects: []",
    "empty-flow-crlf": "# none\r\nprojects: []\r\n",
    "no-value": "projects:\n# to come\n",
    "tilde": "projects: ~\n",
    "bom": "\ufeffprojects:\n  - slug: a\n",
}
# what the edit removes from the file (the empty list), besides adding the record
REMOVED = {
    "empty-flow": "[]",
    "empty-flow-comment": "[]",
    "empty-flow-no-newline": "[]",
    "empty-flow-crlf": "[]",
    "tilde": "~",
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_new_project_adds_one_record_and_changes_no_other_byte(tmp_path: Path, layout: str) -> None:
    old = LAYOUTS[layout]
    data = tmp_path / "projects.yaml"
    data.write_bytes(old.encode("utf-8"))

    message = new_project(data, "open-data-opole", "pl")

    new = data.read_bytes().decode("utf-8")
    before = [p["slug"] for p in parse_yaml(old, "x").data["projects"] or []]
    after = parse_yaml(new, "x").data["projects"]
    assert [p["slug"] for p in after] == [*before, "open-data-opole"]
    assert after[-1]["original_language"] == "pl" and after[-1]["title"] == {"el": "", "bg": "", "ka": "", "pl": ""}
    old = old.replace(REMOVED.get(layout, ""), "", 1)
    prefix = len(_common_prefix(old, new))
    suffix = len(_common_prefix(old[prefix:][::-1], new[prefix:][::-1]))
    assert old[prefix : len(old) - suffix] == ""  # one insertion: nothing else of the old file changed
    if "\r\n" in old:
        assert "\n" not in new.replace("\r\n", "")  # the record keeps the file's line endings
    line = int(message.split(" at line ")[1].split()[0])
    assert new.splitlines()[line - 1].strip() == "- slug: open-data-opole"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("projects: [{slug: a, title: {pl: T}}]\n", "writes the projects as a [ … ] list"),
        ("projects: none\n", "must be a list of records"),
        ("- slug: a\n", "must start with `projects:`"),
        ("projects:\n  - slug: a\n  - slug: a\n    x: 'unclosed\n", "fix"),
    ],
)
def test_new_project_refuses_a_layout_it_cannot_edit_and_leaves_the_file(tmp_path: Path, text: str, error: str) -> None:
    data = tmp_path / "projects.yaml"
    data.write_bytes(text.encode("utf-8"))
    with pytest.raises(ValueError, match=error.replace("[", r"\[").replace("]", r"\]")):
        new_project(data, "open-data-opole", "pl")
    assert data.read_bytes() == text.encode("utf-8")


def test_new_project_adds_the_list_when_the_file_has_none(tmp_path: Path) -> None:
    data = tmp_path / "projects.yaml"
    data.write_bytes(b"# the projects of the site")
    new_project(data, "open-data-opole", "pl")
    text = data.read_text(encoding="utf-8")
    assert text.startswith("# the projects of the site\nprojects:\n  # New project")
    assert parse_yaml(text, "x").data["projects"][0]["slug"] == "open-data-opole"


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
