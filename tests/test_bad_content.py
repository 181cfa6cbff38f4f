"""Mistakes in hand-written pages are reported like mistakes in the records: file, line, hint.

A scenario with a `projects.yaml` is checked as a whole site (`microsite check`: records, content
and the output plan together); its expected lines name the file (`content/pl/events.md:0:0`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from microsite.content_check import check_content
from microsite.languages import LANGUAGES
from microsite.problems import DataError, Problem
from microsite.settings import settings_from_config_file
from microsite.site import prepare_site

from .conftest import REPO
from .test_bad_inputs import parse_expected

SCENARIOS = sorted(path for path in (Path(__file__).parent / "bad_content").iterdir() if path.is_dir())


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[path.name for path in SCENARIOS])
def test_bad_content_is_reported_precisely(scenario: Path, tmp_path: Path) -> None:
    if (scenario / "projects.yaml").exists():
        problems = whole_site_problems(scenario, tmp_path)
    else:
        problems = check_content(scenario / "content", LANGUAGES)
    expected = parse_expected(scenario / "expected.txt")
    report = "\n".join(str(p) for p in problems)
    assert len(problems) == len(expected), report
    for position, field, texts in expected:
        assert any(
            position in (f"{p.line}:{p.column}", f"{p.file}:{p.line}:{p.column}")
            and p.field == field
            and all(t in f"{p.message} {p.hint}" for t in texts)
            for p in problems
        ), f"expected {position} {field} {texts} in:\n{report}"
    assert "Traceback" not in report


def whole_site_problems(scenario: Path, tmp_path: Path) -> list[Problem]:
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", site / "mkdocs.yml")
    shutil.copy(scenario / "projects.yaml", site / "data" / "projects.yaml")
    shutil.copytree(scenario / "content", site / "content")
    with pytest.raises(DataError) as raised:
        prepare_site(settings_from_config_file(site))
    return raised.value.problems


def test_the_real_content_is_sound() -> None:
    assert check_content(Path(__file__).parents[1] / "content", LANGUAGES) == []
