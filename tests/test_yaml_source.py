"""YAML is read without YAML 1.1 surprises, and every value keeps its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from microsite import yaml_source
from microsite.yaml_source import YamlProblem, load_yaml, parse_yaml


def test_values_stay_text_until_the_schema_converts_them(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "country: NO\nanswer: no\nswitch: on\nversion: 1.10\nday: 2014-03-01\nempty:\nquoted: ''\n", encoding="utf-8"
    )
    data = load_yaml(path).data
    assert data == {
        "country": "NO",
        "answer": "no",
        "switch": "on",
        "version": "1.10",
        "day": "2014-03-01",
        "empty": None,
        "quoted": "",
    }


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("projects:\n  - slug: a\n    title: {pl: T}\n", encoding="utf-8")
    loaded = load_yaml(path, "data/projects.yaml")
    assert loaded.position(("projects", 0, "title", "pl")) == (3, 17)
    assert loaded.position(("projects", 0, "title"), of_key=True) == (3, 5)
    assert loaded.position(("projects", 0, "nothing", "here")) == (2, 5)  # the closest parent


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_source, "MAX_DOCUMENT_BYTES", 1024)
    big = tmp_path / "projects.yaml"
    big.write_text("projects:\n" + "  - x\n" * 400, encoding="utf-8")
    with pytest.raises(YamlProblem, match="a records file may be at most"):
        load_yaml(big)


def test_deep_block_nesting_is_located_without_a_recursion_error() -> None:
    deep = "projects:\n" + "".join("  " * level + "- \n" for level in range(1, 200))
    with pytest.raises(YamlProblem, match="nested more than 64 levels deep") as raised:
        parse_yaml(deep, "data/projects.yaml")
    assert raised.value.line == 65


def test_many_aliases_of_one_value_are_refused_where_they_pass_the_limit() -> None:
    flood = "a: &a x\nprojects: [" + ",".join(["*a"] * 12_000) + "]\n"
    with pytest.raises(YamlProblem, match="repeat more than 10,000 values") as raised:
        parse_yaml(flood, "data/projects.yaml")
    assert (raised.value.line, raised.value.column) == (2, 30012)


def test_a_few_aliases_are_still_fine() -> None:
    loaded = parse_yaml("org: &org {name: X}\nprojects: [{partners: [*org, *org]}]\n", "data/projects.yaml")
    assert loaded.data["projects"][0]["partners"] == [{"name": "X"}, {"name": "X"}]


def test_markdown_emphasis_is_not_read_as_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    # a large file's record texts hold thousands of `*emphasis*`: no slow second reading for them
    monkeypatch.setattr(yaml_source, "_check_sizes", lambda text, name: pytest.fail("read twice"))
    text = "projects:\n" + "".join(f"  - summary: Tekst *ważny{n}* i *inny*.\n" for n in range(6_000))
    assert len(yaml_source.parse_yaml(text, "data/projects.yaml").data["projects"]) == 6_000


def test_values_are_read_first_and_located_only_when_asked() -> None:
    # a file without problems never needs its positions; asked once, they are those of the full reading
    path = Path(__file__).parent.parent / "data" / "projects.yaml"
    loaded = load_yaml(path, "data/projects.yaml")
    assert loaded.unlocated is not None and not loaded.positions
    located = yaml_source.LoadedYaml("data/projects.yaml", None)
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml_source._LOADER)
    located.data = yaml_source._to_python(node, (), located, yaml_source._Budget(""))
    assert loaded.data == located.data
    assert loaded.position(("projects", 1, "title"), of_key=True) == located.position(
        ("projects", 1, "title"), of_key=True
    )
    assert loaded.positions == located.positions and len(located.positions) > 500
    assert loaded.key_positions == located.key_positions and loaded.unlocated is None


def test_aliases_of_a_large_anchor_are_refused_where_they_pass_the_limit() -> None:
    # too few asterisks for the first look, so the values alone are read first: that reading notices
    # the repetition and the full one says where
    text = "list: &big [" + ", ".join(["x"] * 100) + "]\nprojects:\n" + "".join("  - *big\n" for _ in range(200))
    with pytest.raises(YamlProblem, match="repeat more than 10,000 values") as raised:
        parse_yaml(text, "data/projects.yaml")
    assert (raised.value.line, raised.value.column) == (102, 5)


def test_a_repeated_key_is_located_after_the_values_alone_were_read() -> None:
    with pytest.raises(YamlProblem, match="the field `title` appears twice") as raised:
        parse_yaml("projects:\n  - slug: a\n    title: A\n    title: B\n", "data/projects.yaml")
    assert (raised.value.line, raised.value.column, raised.value.path) == (4, 5, ("projects", 0, "title"))


RECORDS = """# the projects
projects:
- slug: a
  title: {pl: "Tytuł"}
  summary: |
    Wiersz.
    - nie nowy rekord, bo wcięty
- slug: b  # comment
  partners:
  - name: X
"""
SAME_WHOLE_ONLY = {  # texts whose records do not read alone: read whole, the same values or problem
    "a quote running past a record": 'projects:\n- slug: a\n  title: "one\n- slug: b"\n',
    "brackets running past a record": "projects:\n- slug: a\n  tags: [x,\n- y]\n",
    "a document end inside": "projects:\n- slug: a\n...\n- slug: b\n",
    "an anchor": "projects:\n- &x {slug: a}\n- *x\n",
    "a record that is not a mapping": "projects:\n- slug: a\n- just text\n",
    "a second key": "projects:\n- slug: a\nother: 1\n",
    "a duplicate key": "projects:\n- slug: a\n  slug: b\n",
}


def test_records_read_one_by_one_have_the_values_of_the_file_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "projects.yaml"
    path.write_text(RECORDS, encoding="utf-8")
    by_item = load_yaml(path, reuse_items=True)
    assert by_item.uncomposed is not None  # read record by record
    assert by_item.data == parse_yaml(RECORDS, str(path)).data
    assert by_item.data["projects"][0]["summary"] == "Wiersz.\n- nie nowy rekord, bo wcięty\n"
    assert by_item.position(("projects", 1, "partners", 0, "name")) == (10, 11)  # composed when asked
    path.write_text(RECORDS.replace("name: X", "name: Y"), encoding="utf-8")
    again = load_yaml(path, reuse_items=True)
    assert again.data["projects"][0] is by_item.data["projects"][0]  # unchanged: its values reused
    assert again.data["projects"][1]["partners"] == [{"name": "Y"}]


@pytest.mark.parametrize("text", SAME_WHOLE_ONLY.values(), ids=SAME_WHOLE_ONLY.keys())
def test_records_that_do_not_read_alone_are_read_with_the_whole_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "projects.yaml"
    path.write_text(text, encoding="utf-8")

    def read(**how: bool) -> object:
        try:
            loaded = load_yaml(path, **how)
        except YamlProblem as problem:
            return (problem.line, problem.column, problem.message)
        assert loaded.uncomposed is None  # not read record by record
        return loaded.data

    assert read(reuse_items=True) == read()
