"""YAML is read without YAML 1.1 surprises, and every value keeps its line and column."""

from __future__ import annotations

from pathlib import Path

from microsite.yaml_source import load_yaml


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
