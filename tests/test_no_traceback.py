"""No bad input ever shows an editor a traceback: every scenario of bad_inputs/ and bad_content/
goes through the real `microsite check` command, in one process, and must end in plain words."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, make_fixture_site

HERE = Path(__file__).parent
# Words of the implementation that an editor cannot act on.
NOT_PLAIN = ("Traceback", "dictionary", "instance", "Decimal", "NoneType", "pydantic", "Error:")

RUN_EVERY_CHECK = """
import contextlib, io, sys
from microsite.cli import main
for site in sys.argv[1:]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", site])
    print(f"=== {site} exit {code}")
    print(err.getvalue())
"""


def test_every_bad_input_ends_in_a_plain_message(tmp_path: Path) -> None:
    sites = []
    for scenario in sorted(p for p in (HERE / "bad_inputs").iterdir() if p.is_dir()):
        site = make_fixture_site(tmp_path / scenario.name, "", {"pl/about.md": "# O nas\n"})
        shutil.copy(scenario / "projects.yaml", site / "data" / "projects.yaml")  # bytes as they are
        if (scenario / "sources").is_dir():  # a scenario about the source pages the records name
            shutil.copytree(scenario / "sources", site / "data" / "sources")
        sites.append(site)
    mini = (REPO / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    for scenario in sorted(p for p in (HERE / "bad_content").iterdir() if p.is_dir()):
        site = make_fixture_site(tmp_path / f"content-{scenario.name}", mini, {})
        if (scenario / "projects.yaml").exists():  # a scenario about records and pages together
            shutil.copy(scenario / "projects.yaml", site / "data" / "projects.yaml")
        shutil.copytree(scenario / "content", site / "content", symlinks=True, dirs_exist_ok=True)
        sites.append(site)
    result = subprocess.run(
        [sys.executable, "-c", RUN_EVERY_CHECK, *map(str, sites)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr  # an uncaught exception would end the loop here
    reports = result.stdout.split("=== ")[1:]
    assert len(reports) == len(sites)
    for report in reports:
        assert " exit 1\n" in report, report  # every scenario is refused
        assert "problem" in report, report
        for word in NOT_PLAIN:
            assert word not in report, report
