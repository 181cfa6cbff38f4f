"""Tools for editors: the scaffold, the safe build, and `check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from microsite.problems import DataError
from microsite.records import load_projects
from microsite.safe_build import build_site
from microsite.scaffold import new_project

from .conftest import FIXTURES, make_fixture_site
from .test_fixture_build import HOME


def test_scaffold_adds_a_record_that_check_explains_field_by_field(tmp_path: Path) -> None:
    data = tmp_path / "projects.yaml"
    shutil.copy(FIXTURES / "mini.yaml", data)
    message = new_project(data, "open-data-opole", "pl")
    assert "open-data-opole" in message
    with pytest.raises(DataError) as raised:
        load_projects(data, "data/projects.yaml")
    # every empty field of the new record at once, not one per run
    problems = {problem.field: problem for problem in raised.value.problems}
    assert sorted(problems) == ["projects[1].source_document", "projects[1].summary", "projects[1].title"]
    assert problems["projects[1].source_document"].message == "this text is empty"
    assert "has no text in the original language (pl)" in problems["projects[1].title"].message
    assert all(problem.record == "open-data-opole" for problem in problems.values())
    # once the editor fills in the source and the title, the record is valid
    text = data.read_text(encoding="utf-8").replace('source_document: ""', 'source_document: "leaflet"')
    text = text.replace(
        '    title: {el: "", bg: "", ka: "", pl: ""}\n    summary: {el: "", bg: "", ka: "", pl: ""}',
        '    title: {el: "", bg: "", ka: "", pl: "Otwarte dane"}\n    summary: {el: "", bg: "", ka: "", pl: "Opis."}',
    )
    data.write_text(text, encoding="utf-8")
    assert [p.slug for p in load_projects(data)] == ["mini", "open-data-opole"]


@pytest.mark.parametrize(
    ("slug", "language", "error"),
    [
        ("Open Data", "pl", "not a valid slug"),
        ("x", "en", "not one of the site's languages"),
        ("mini", "pl", "exists already"),
    ],
)
def test_scaffold_refuses_bad_requests(tmp_path: Path, slug: str, language: str, error: str) -> None:
    data = tmp_path / "projects.yaml"
    shutil.copy(FIXTURES / "mini.yaml", data)
    with pytest.raises(ValueError, match=error):
        new_project(data, slug, language)
    assert data.read_text(encoding="utf-8") == (FIXTURES / "mini.yaml").read_text(encoding="utf-8")


def test_a_failed_build_keeps_the_last_good_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_fixture_site(tmp_path / "fixture", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), HOME)
    assert build_site(site, Path("site")) == 0
    good = {p.relative_to(site / "site"): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    data = site / "data" / "projects.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("status: ongoing", "status: finished"), encoding="utf-8")

    assert build_site(site, Path("site")) != 0

    after = {p.relative_to(site / "site"): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert after == good
    assert not (site / "site.partial").exists()
    assert "the last good site" in capsys.readouterr().err
