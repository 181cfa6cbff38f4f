"""The translators' round trip: translations/<lang>.po out of data/projects.yaml and back in."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from microsite.cli import main
from microsite.languages import LANGUAGES
from microsite.po_files import export_po, import_po, po_path
from microsite.problems import DataError
from microsite.records import load_projects
from microsite.translation_sources import load_sources, translation_states
from microsite.yaml_edit import Edit, apply_edits, verify_edits

from .conftest import FIXTURES, REPO

GOLDEN = Path(__file__).parent / "golden"
MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
WHEN = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def records_site(tmp_path: Path, data: str = MINI, stamp: bool = True) -> Path:
    """A site folder with only what the translator commands read: data/."""
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "data" / "projects.yaml").write_bytes(data.encode("utf-8"))
    if stamp:
        assert main(["translations-stamp", str(site)]) == 0
    return site


def export(site: Path, lang: str, earlier: dict[tuple[str, str], str] | None = None) -> Path:
    path = po_path(site, lang)
    path.parent.mkdir(exist_ok=True)
    export_po(site, lang, WHEN, earlier).save(str(path))
    return path


def files(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (site / "data").iterdir() if p.is_file()}


def test_golden_export_of_a_fixture_record(tmp_path: Path) -> None:
    """To accept an intended change: UPDATE_GOLDEN=1 pytest tests/test_po_files.py, then review the diff."""
    site = records_site(tmp_path)
    changed = MINI.replace("Opis <b>z</b>", "Nowy opis <b>z</b>")
    (site / "data" / "projects.yaml").write_text(changed, encoding="utf-8")
    previous = {("mini", "summary"): "Opis <b>z</b> {{ 7*7 }} i „cudzysłowem”."}
    output = export(site, "bg", previous).read_text(encoding="utf-8")
    golden = GOLDEN / "mini.bg.po"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
    po = polib.pofile(output)
    assert po.metadata["Language"] == "bg" and po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    summary = next(entry for entry in po if entry.msgctxt == "mini/summary")
    assert summary.fuzzy and summary.previous_msgid == previous[("mini", "summary")]
    assert summary.msgstr == "Описание." and summary.msgid.startswith("Nowy opis")
    assert next(entry for entry in po if entry.msgctxt == "mini/places[0]").msgstr == ""


def test_the_earlier_original_of_an_outdated_text_comes_from_the_git_history(tmp_path: Path) -> None:
    site = records_site(tmp_path)
    git = ["git", "-C", str(site), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "records"], check=True)
    changed = MINI.replace('"Mały projekt"', '"Mały projekt pilotażowy"')
    (site / "data" / "projects.yaml").write_text(changed, encoding="utf-8")
    po = polib.pofile(str(export(site, "el")))
    title = next(entry for entry in po if entry.msgctxt == "mini/title")
    assert title.fuzzy and title.previous_msgid == "Mały projekt" and title.msgid == "Mały projekt pilotażowy"
    assert [entry.msgctxt for entry in po.fuzzy_entries()] == ["mini/title"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exports_of_the_seed_data_pass_msgfmt_and_come_back_byte_identical(tmp_path: Path, lang: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "data", site / "data")
    before = files(site)
    path = export(site, lang)
    checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    with path.open("rb") as handle:  # Babel's reader (Weblate's and Poedit's are stricter than polib) agrees
        assert len(read_po(handle)) == len(polib.pofile(str(path)))
    po = polib.pofile(str(path))
    assert len(po) > 50 and not po.fuzzy_entries() and not po.untranslated_entries()
    assert len({entry.msgctxt for entry in po}) == len(po)  # every context is unique
    result = import_po(site, lang)
    assert result.changed == [] and result.confirmed == len(po)
    assert files(site) == before


def test_one_changed_entry_changes_exactly_one_yaml_value(tmp_path: Path) -> None:
    site = records_site(tmp_path)
    before = (site / "data" / "projects.yaml").read_text(encoding="utf-8")
    path = export(site, "el")
    po = polib.pofile(str(path))
    next(entry for entry in po if entry.msgctxt == "mini/summary").msgstr = 'Μια "νέα" περιγραφή.'
    next(entry for entry in po if entry.msgctxt == "mini/places[0]").msgstr = "Όπολε"
    po.save(str(path))
    result = import_po(site, "el")
    assert result.changed == ["mini/summary", "mini/places[0]"]
    after = (site / "data" / "projects.yaml").read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines(), strict=True) if old != new]
    original = '{pl: "Opis <b>z</b> {{ 7*7 }} i „cudzysłowem”.", '
    assert changed == [
        (
            f'    summary: {original}el: "Περιγραφή.", bg: "Описание."}}',
            f'    summary: {original}el: "Μια \\"νέα\\" περιγραφή.", bg: "Описание."}}',
        ),
        ('    places: [{pl: "Opole"}]', '    places: [{pl: "Opole", el: "Όπολε"}]'),
    ]
    (project,) = load_projects(site / "data" / "projects.yaml")
    assert project.summary == {
        "pl": "Opis <b>z</b> {{ 7*7 }} i „cudzysłowem”.",
        "el": 'Μια "νέα" περιγραφή.',
        "bg": "Описание.",
    }
    states = translation_states([project], load_sources(site / "data" / "translations.yaml", ""))
    assert {(s.field, s.lang, s.state) for s in states if s.field == "places[0]"} == {("places[0]", "el", "current")}


def test_a_fuzzy_entry_is_not_imported(tmp_path: Path) -> None:
    site = records_site(tmp_path)
    before = files(site)
    path = export(site, "el")
    po = polib.pofile(str(path))
    entry = next(entry for entry in po if entry.msgctxt == "mini/title")
    entry.msgstr, entry.flags = "Ένα άλλο έργο", ["fuzzy"]
    po.save(str(path))
    result = import_po(site, "el")
    assert result.fuzzy == 1 and result.changed == []
    assert files(site) == before


def test_a_broken_po_file_changes_nothing_and_names_its_line(tmp_path: Path) -> None:
    site = records_site(tmp_path)
    before = files(site)
    path = export(site, "el")
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(number for number, line in enumerate(lines) if line.startswith("msgstr") and number > 20)
    lines[broken] = lines[broken].replace('msgstr "', 'msgstr "unclosed ')[:-1]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        import_po(site, "el")
    (problem,) = raised.value.problems
    assert problem.file == "translations/el.po" and problem.line == broken + 1
    assert str(problem).startswith(f"translations/el.po:{broken + 1}: the PO file cannot be read")
    assert files(site) == before


def test_every_problem_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    site = records_site(tmp_path)
    before = files(site)
    path = export(site, "el")
    po = polib.pofile(str(path))
    by_context = {entry.msgctxt: entry for entry in po}
    by_context["mini/title"].msgstr = "[Κλικ](javascript:alert(1))"  # the records' own link rule
    by_context["mini/summary"].msgctxt = "mini/sumary"
    by_context["mini/places[0]"].msgid, by_context["mini/places[0]"].msgstr = "Wrocław", "Βρότσλαβ"
    po.save(str(path))
    lines = {entry.msgctxt: entry.linenum for entry in polib.pofile(str(path))}
    with pytest.raises(DataError) as raised:
        import_po(site, "el")
    found = {(problem.line, problem.field, problem.message) for problem in raised.value.problems}
    assert found == {
        (lines["mini/sumary"], "mini/sumary", "the project 'mini' has no text `sumary` any more"),
        (
            lines["mini/places[0]"],
            "mini/places[0]",
            "the original text has changed in data/projects.yaml since this file was exported",
        ),
        (
            lines["mini/title"],
            "mini/title",
            "a link in this text uses a forbidden address type; links may only be http, https, mailto or tel",
        ),
    }
    assert all(problem.file == "translations/el.po" for problem in raised.value.problems)
    assert files(site) == before


def test_a_translation_must_keep_the_links_of_its_original(tmp_path: Path) -> None:
    data = MINI.replace('"Opis <b>z</b>', '"Opis [strona](https://example.org/a) <b>z</b>')
    site = records_site(tmp_path, data)
    path = export(site, "el")
    po = polib.pofile(str(path))
    next(entry for entry in po if entry.msgctxt == "mini/summary").msgstr = "Περιγραφή [σελίδα](https://example.org/b)"
    po.save(str(path))
    with pytest.raises(DataError) as raised:
        import_po(site, "el")
    (problem,) = raised.value.problems
    assert problem.message == (
        "the translation's links differ from the original's: it lacks https://example.org/a; it adds https://example.org/b"
    )


def test_review_state_is_recorded_and_a_new_language_needs_one(tmp_path: Path) -> None:
    site = records_site(tmp_path)
    path = export(site, "ka")
    po = polib.pofile(str(path))
    next(entry for entry in po if entry.msgctxt == "mini/title").msgstr = "მცირე პროექტი"
    po.save(str(path))
    with pytest.raises(DataError) as raised:
        import_po(site, "ka")
    assert "make translations-import LANGUAGE=ka METHOD=human" in raised.value.problems[0].hint
    assert main(["translations-import", "ka", str(site), "--method", "human-reviewed"]) == 0
    text = (site / "data" / "projects.yaml").read_text(encoding="utf-8")
    assert "translations: {el: machine-assisted-unreviewed, bg: human, ka: human-reviewed}" in text
    assert 'title: {pl: "Mały projekt", el: "Μικρό έργο", bg: "Малък проект", ka: "მცირე პროექტი"}' in text
    # the Greek file reviewed: its fields keep the record's default but are now recorded as reviewed
    export(site, "el")
    import_po(site, "el", "human-reviewed")
    (project,) = load_projects(site / "data" / "projects.yaml")
    states = translation_states([project], load_sources(site / "data" / "translations.yaml", ""))
    assert {s.method for s in states if s.lang == "el"} == {"human-reviewed"}
    assert project.translations["el"] == "machine-assisted-unreviewed"  # the record itself is unchanged


def test_yaml_edits_keep_comments_quoting_and_line_endings() -> None:
    text = (
        "projects:\r\n"
        "  - slug: a  # the slug\r\n"
        "    title:\r\n"
        "      pl: 'Tytuł'   # kept\r\n"
        "      el: Τίτλος\r\n"
        "    goals:\r\n"
        '      - pl: "Cel"\r\n'
        "        bg:\r\n"
        "    summary:\r\n"
        "      pl: |\r\n"
        "        Opis\r\n"
        "    # a comment after\r\n"
    )
    edits = [
        Edit(("projects", 0, "title", "el"), "Νέος: τίτλος"),
        Edit(("projects", 0, "title", "bg"), "Заглавие"),
        Edit(("projects", 0, "goals", 0, "bg"), "Цел"),
        Edit(("projects", 0, "summary", "ka"), "აღწერა"),
    ]
    after = apply_edits(text, edits)
    verify_edits(text, after, edits)
    assert after == (
        "projects:\r\n"
        "  - slug: a  # the slug\r\n"
        "    title:\r\n"
        "      pl: 'Tytuł'   # kept\r\n"
        '      el: "Νέος: τίτλος"\r\n'
        '      bg: "Заглавие"\r\n'
        "    goals:\r\n"
        '      - pl: "Cel"\r\n'
        '        bg: "Цел"\r\n'
        "    summary:\r\n"
        "      pl: |\r\n"
        "        Opis\r\n"
        '      ka: "აღწერა"\r\n'
        "    # a comment after\r\n"
    )


@settings(max_examples=60, deadline=None)
@given(value=st.text(min_size=1, max_size=40).filter(lambda text: text.strip() == text and text.strip()))
def test_any_text_is_written_so_that_it_reads_back_exactly(value: str) -> None:
    text = 'a:\n  b: {pl: "x"}\n  c:\n    pl: plain\n    el: "q"  # note\n  d: [{pl: "y"}]\n'
    edits = [
        Edit(("a", "b", "el"), value),
        Edit(("a", "c", "pl"), value),
        Edit(("a", "c", "bg"), value),
        Edit(("a", "d", 0, "ka"), value),
    ]
    verify_edits(text, apply_edits(text, edits), edits)
