"""The translation status report names, for every field, what each language shows."""

from __future__ import annotations

from pathlib import Path

from microsite.cli import main
from microsite.languages import LANGUAGES
from microsite.records import load_projects
from microsite.translation_status import project_statuses, status_table, translation_status

FIXTURE = Path(__file__).parent / "fixtures" / "mini.yaml"


def test_each_language_is_original_translated_or_missing() -> None:
    rows = {row.field: row for row in translation_status(load_projects(FIXTURE), LANGUAGES)}
    title = rows["title"].states
    assert title == {"el": "machine-assisted-unreviewed", "bg": "human", "ka": "missing", "pl": "original"}
    assert rows["places[0]"].missing == ["el", "bg", "ka"]
    assert "implementer.name" not in rows  # a plain string is a name, the same in every language


def test_page_rows_fold_fields_to_one_row_per_project() -> None:
    rows = translation_status(load_projects(FIXTURE), LANGUAGES)
    (status,) = project_statuses(rows, LANGUAGES)
    assert status.states == {"el": "machine-assisted-unreviewed", "bg": "human", "ka": "missing", "pl": "original"}
    assert status.missing["ka"] == [row.field for row in rows if row.states["ka"] == "missing"]
    assert "places[0]" in status.missing["el"] and "title" not in status.missing["el"]
    assert status.missing["pl"] == []


def test_report_counts_missing_texts() -> None:
    report = status_table(translation_status(load_projects(FIXTURE), LANGUAGES), LANGUAGES)
    assert "missing → pl" in report
    assert report.rstrip().endswith("texts missing (shown in their original language).")


def test_the_real_records_are_complete(capsys: object) -> None:
    assert main(["translation-status", str(Path(__file__).parents[1])]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.rstrip().endswith("0 texts missing (shown in their original language).")


def test_status_page_in_every_language(built_site: Path) -> None:
    for lang in LANGUAGES:
        html = (built_site / lang / "translation-status.html").read_text(encoding="utf-8")
        assert "opolskie-ngo-cooperation" in html and "<table>" in html
