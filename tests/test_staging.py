"""Staging writes only what changed and removes what is gone, so `mkdocs serve` does not loop."""

from __future__ import annotations

from pathlib import Path

from microsite import front_matter
from microsite.content_check import check_content
from microsite.staging import stage


def test_stage_mirrors_content_overlaid_with_generated_pages(tmp_path: Path) -> None:
    content, staged = tmp_path / "content", tmp_path / "stage"
    (content / "pl").mkdir(parents=True)
    (content / "pl" / "index.md").write_text("home", encoding="utf-8")
    (content / "pl" / "story.md").write_text("story", encoding="utf-8")

    first = stage(staged, content, {"pl/projects/a.md": "A"})
    assert sorted(first) == ["pl/index.md", "pl/projects/a.md", "pl/story.md"]
    assert stage(staged, content, {"pl/projects/a.md": "A"}) == []  # nothing changed: nothing written

    (content / "pl" / "story.md").unlink()
    changed = stage(staged, content, {"pl/projects/b.md": "B"})
    assert sorted(changed) == ["pl/projects/a.md", "pl/projects/b.md", "pl/story.md"]
    assert sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*.md")) == ["pl/index.md", "pl/projects/b.md"]


def test_front_matter_is_read_by_mkdocs_rule() -> None:
    assert front_matter.split("---\ntitle: x\n---\nbody\n") == ({"title": "x"}, "body\n")
    assert front_matter.split("--- \ntitle: x\n...\n\nbody\n") == ({"title": "x"}, "body\n")  # MkDocs' closers
    assert front_matter.split("no front matter") == ({}, "no front matter")
    # MultiMarkdown's `Word: text` meta-data is not taken from a story: it is its first sentence
    assert front_matter.split("Uwaga: projekt trwa.\n\nDalej.") == ({}, "Uwaga: projekt trwa.\n\nDalej.")


def test_the_check_and_the_reader_agree_where_front_matter_ends(tmp_path: Path) -> None:
    page = tmp_path / "content" / "pl" / "about.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: O nas\nhide: [toc]\n...\nTekst.\n", encoding="utf-8")  # closed by `...`
    assert check_content(tmp_path / "content", ("pl",)) == []
    page.write_text("---\ntitle: O nas\nTekst.\n", encoding="utf-8")
    assert [p.message for p in check_content(tmp_path / "content", ("pl",))] == [
        "the front matter that starts on line 1 is never closed"
    ]
