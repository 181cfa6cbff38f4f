"""Every mistake an editor can make is reported with file, line, column, field and a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from microsite.problems import DataError
from microsite.records import load_located_projects, load_projects

SCENARIOS = sorted(path for path in (Path(__file__).parent / "bad_inputs").iterdir() if path.is_dir())


def parse_expected(path: Path) -> list[tuple[str, str, list[str]]]:
    expected = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            where, *texts = (part.strip() for part in line.split("|"))
            position, _, field = where.partition(" ")
            expected.append((position, field, texts))
    return expected


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[path.name for path in SCENARIOS])
def test_bad_input_is_reported_precisely(scenario: Path) -> None:
    # a scenario with a sources/ folder checks `source_document` against it, as data/sources/ is
    sources = {p.name for p in (scenario / "sources").iterdir()} if (scenario / "sources").is_dir() else None
    with pytest.raises(DataError) as raised:
        load_projects(scenario / "projects.yaml", "data/projects.yaml", sources=sources)
    problems = raised.value.problems
    expected = parse_expected(scenario / "expected.txt")
    report = raised.value.report()
    assert len(problems) == len(expected), report
    for position, field, texts in expected:
        matching = [
            p
            for p in problems
            if f"{p.line}:{p.column}" == position
            and p.field == field
            and all(t in f"{p.message} {p.hint}" for t in texts)
        ]
        assert matching, f"expected {position} {field} {texts} in:\n{report}"
    assert all(p.file == "data/projects.yaml" for p in problems)
    assert "Traceback" not in report
    # the preview, which reuses the records it validated before, reports the same
    with pytest.raises(DataError) as again:
        load_located_projects(scenario / "projects.yaml", "data/projects.yaml", sources=sources, reuse=True)
    assert again.value.report() == report
