"""Staging writes only what changed and removes what is gone, so `mkdocs serve` does not loop."""

from __future__ import annotations

from pathlib import Path

from microsite.staging import split_front_matter, stage


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


def test_front_matter_is_split_off() -> None:
    assert split_front_matter("---\ntitle: x\n---\nbody\n") == ("title: x", "body\n")
    assert split_front_matter("no front matter") == ("", "no front matter")
