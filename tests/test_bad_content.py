"""Mistakes in hand-written pages are reported like mistakes in the records: file, line, hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from microsite.content_check import check_content
from microsite.languages import LANGUAGES

from .test_bad_inputs import parse_expected

SCENARIOS = sorted(path for path in (Path(__file__).parent / "bad_content").iterdir() if path.is_dir())


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[path.name for path in SCENARIOS])
def test_bad_content_is_reported_precisely(scenario: Path) -> None:
    problems = check_content(scenario / "content", LANGUAGES)
    expected = parse_expected(scenario / "expected.txt")
    report = "\n".join(str(p) for p in problems)
    assert len(problems) == len(expected), report
    for position, field, texts in expected:
        assert any(
            f"{p.line}:{p.column}" == position and p.field == field and all(t in f"{p.message} {p.hint}" for t in texts)
            for p in problems
        ), f"expected {position} {field} {texts} in:\n{report}"


def test_the_real_content_is_sound() -> None:
    assert check_content(Path(__file__).parents[1] / "content", LANGUAGES) == []
