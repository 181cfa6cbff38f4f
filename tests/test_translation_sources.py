"""Outdated translations: fingerprints of originals, data/translations.yaml, detection and reports."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from microsite.cli import main
from microsite.problems import DataError
from microsite.records import load_projects
from microsite.settings import settings_from_config_file
from microsite.site import prepare_site
from microsite.translation_sources import (
    Stamp,
    TranslationSources,
    dump_sources,
    fingerprint,
    load_sources,
    outdated_report,
    stamp_translations,
    translation_states,
)

from .conftest import FIXTURES, REPO, make_fixture_site
from .test_fixture_build import HOME

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")


def stamped_site(tmp_path: Path, data: str = MINI) -> Path:
    """A fixture site whose translations are all recorded as made from the current originals."""
    site = make_fixture_site(tmp_path / "site", data, HOME)
    assert main(["translations-stamp", str(site)]) == 0
    return site


def test_fingerprint_is_short_and_ignores_wrapping_but_not_words() -> None:
    text = "Projekt WeOpenGov aspiruje do tego"
    assert len(fingerprint(text)) == 8 and fingerprint(text) == fingerprint(text)
    assert fingerprint(text) == fingerprint("  Projekt WeOpenGov\n  aspiruje do  tego ")
    assert fingerprint("Cafe\u0301") == fingerprint("Café")  # the same letter, typed two ways
    assert fingerprint(text) != fingerprint("Projekt WeOpenGov aspiruje do tego.")


def test_a_changed_original_makes_its_translations_outdated_and_nothing_else(tmp_path: Path) -> None:
    (project,) = load_projects(FIXTURES / "mini.yaml")
    sources, count = stamp_translations([project], TranslationSources())
    assert count == 6  # title, summary and one event title, each in el and bg
    assert {state.state for state in translation_states([project], sources)} == {"current"}

    edited = MINI.replace("Opis <b>z</b>", "Nowy opis <b>z</b>")
    (tmp_path / "projects.yaml").write_text(edited, encoding="utf-8")
    (changed,) = load_projects(tmp_path / "projects.yaml")
    states = translation_states([changed], sources)
    outdated = {(s.field, s.lang) for s in states if s.state == "outdated"}
    assert outdated == {("summary", "el"), ("summary", "bg")}
    assert outdated_report(states) == ["mini: summary (el, bg) outdated since the Polish text changed"]


def test_unrecorded_translations_count_as_up_to_date_and_methods_follow_the_record() -> None:
    (project,) = load_projects(FIXTURES / "mini.yaml")
    states = {(s.field, s.lang): s for s in translation_states([project], TranslationSources())}
    assert states[("title", "bg")].state == "unrecorded" and states[("title", "bg")].method == "human"
    reviewed = TranslationSources({("mini", "title", "bg"): Stamp(fingerprint("Mały projekt"), "human-reviewed")})
    states = {(s.field, s.lang): s for s in translation_states([project], reviewed)}
    assert states[("title", "bg")].state == "current" and states[("title", "bg")].method == "human-reviewed"
    assert outdated_report(list(states.values())) == []


def test_the_file_is_written_in_record_order_and_reads_back(tmp_path: Path) -> None:
    (project,) = load_projects(FIXTURES / "mini.yaml")
    sources, _ = stamp_translations([project], TranslationSources())
    sources.stamps[("mini", "title", "bg")] = Stamp(sources.stamps[("mini", "title", "bg")].original, "human-reviewed")
    text = dump_sources(sources, [project])
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines[0] == "mini:"
    assert (
        lines[1] == f"  title: {{el: {fingerprint('Mały projekt')}, bg: {fingerprint('Mały projekt')} human-reviewed}}"
    )
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["title", "summary", "events[1].title"]
    (tmp_path / "translations.yaml").write_text(text, encoding="utf-8")
    assert load_sources(tmp_path / "translations.yaml", "data/translations.yaml").stamps == sources.stamps


def test_a_damaged_entry_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "translations.yaml"
    path.write_text("mini:\n  title: {el: 1234abcd, bg: nonsense}\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_sources(path, "data/translations.yaml")
    (problem,) = raised.value.problems
    assert (problem.file, problem.line, problem.column) == ("data/translations.yaml", 2, 29)
    assert "found bg: 'nonsense'" in problem.message


def test_stamping_a_project_and_language_marks_only_those_as_up_to_date(tmp_path: Path) -> None:
    site = stamped_site(tmp_path)
    data = site / "data" / "projects.yaml"
    data.write_text(MINI.replace("Opis <b>z</b>", "Nowy opis <b>z</b>"), encoding="utf-8")
    assert main(["translations-stamp", str(site), "--project", "mini", "--language", "bg"]) == 0
    states = translation_states(
        load_projects(data), load_sources(site / "data" / "translations.yaml", "data/translations.yaml")
    )
    assert {(s.field, s.lang) for s in states if s.state == "outdated"} == {("summary", "el")}


def test_make_check_lists_outdated_fields_and_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = stamped_site(tmp_path)
    edited = MINI.replace("Opis <b>z</b>", "Nowy opis <b>z</b>").replace('"Mały projekt"', '"Mały projekt X"')
    (site / "data" / "projects.yaml").write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(site)]) == 0
    assert gc.isenabled()  # check pauses the cycle collector; a caller of main() gets it back
    assert capsys.readouterr().out.splitlines() == [
        "Outdated translations (the site shows them with a notice; see README, For translators):",
        "  mini: title, summary (el, bg) outdated since the Polish text changed",
        "OK: 1 projects, 45 pages and files to generate, no problems found.",
    ]


def test_make_check_says_when_new_translations_are_not_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = stamped_site(tmp_path)
    edited = MINI.replace('{pl: "Opole"}', '{pl: "Opole", el: "Όπολε"}')
    (site / "data" / "projects.yaml").write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(site)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "1 translation has no recorded original yet, so a later change of the original would go unnoticed:"
        " `make translations-stamp` records them"
    )


def test_the_refuse_setting_stops_the_build_at_each_outdated_translation(tmp_path: Path) -> None:
    site = stamped_site(tmp_path)
    (site / "data" / "projects.yaml").write_text(MINI.replace("Opis <b>z</b>", "Nowy opis"), encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "refuse_outdated: !ENV [REFUSE_OUTDATED_TRANSLATIONS, false]", "refuse_outdated: true"
        ),
        encoding="utf-8",
    )
    settings = settings_from_config_file(site)
    assert settings.refuse_outdated
    with pytest.raises(DataError) as raised:
        prepare_site(settings)
    assert [str(problem) for problem in raised.value.problems] == [
        "data/projects.yaml:8:63: summary.el (project 'mini'): this translation was made from an earlier version"
        " of the pl text\n    hint: update it (make translations-export LANGUAGE=el), or build without refuse_outdated",
        "data/projects.yaml:8:81: summary.bg (project 'mini'): this translation was made from an earlier version"
        " of the pl text\n    hint: update it (make translations-export LANGUAGE=bg), or build without refuse_outdated",
    ]


def test_the_seed_translations_are_all_recorded_and_up_to_date() -> None:
    projects = load_projects(REPO / "data" / "projects.yaml")
    sources = load_sources(REPO / "data" / "translations.yaml", "data/translations.yaml")
    states = translation_states(projects, sources)
    assert states and {state.state for state in states} == {"current"}
    # the file is exactly what the stamp command writes
    assert dump_sources(sources, projects) == (REPO / "data" / "translations.yaml").read_text(encoding="utf-8")


def test_the_check_command_prints_everything_before_it_leaves(tmp_path: Path) -> None:
    # `microsite check` ends its process without freeing the records (cli.leave_now): what it printed
    # must still be there, and the exit status still says whether problems were found
    site = stamped_site(tmp_path)
    command = [str(Path(sys.executable).parent / "microsite"), "check", str(site)]
    buffered = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    passed = subprocess.run(command, capture_output=True, text=True, check=False, env=buffered)
    assert (passed.returncode, passed.stderr) == (0, "")
    assert passed.stdout == "OK: 1 projects, 45 pages and files to generate, no problems found.\n"
    (site / "data" / "projects.yaml").write_text(MINI.replace("slug: mini", "slug: Mini"), encoding="utf-8")
    failed = subprocess.run(command, capture_output=True, text=True, check=False, env=buffered)
    assert failed.returncode == 1 and "'Mini' is not a valid slug" in failed.stderr
