"""Search pages of a large synthetic site without building it: bench/synthetic.py's records turned
straight into the sections a project page, the project list and the events page have (the headings of
templates/project.md.j2), with each language's text or the original's where a translation is missing.
Enough to measure the index's shards at 1000 projects in seconds instead of a 80-second build."""

from __future__ import annotations

import functools
import importlib.util
from types import ModuleType
from typing import Any

from microsite.search.built_pages import Page, Section

from .conftest import REPO


@functools.cache
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_synthetic", REPO / "bench" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def synthetic_records(n: int, seed: int = 20240601) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = _generator().make_records(n, seed)[0]
    return records


def _say(value: Any, lang: str, original: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get(original) or "")
    return "" if value in (None, "not-stated", "not-published") else str(value)


def _all(values: Any, lang: str, original: str) -> str:
    return " ".join(_say(v, lang, original) for v in values or [])


def _org(org: Any, lang: str, original: str) -> str:
    if not isinstance(org, dict):
        return ""
    return " ".join([_say(org.get("name"), lang, original), _say(org.get("role"), lang, original)])


def project_page(record: dict[str, Any], lang: str) -> Page:
    o = record["original_language"]
    title = _say(record["title"], lang, o)
    funding = record["funding"] if isinstance(record["funding"], dict) else {}
    budget = record["budget"] if isinstance(record["budget"], dict) else {}
    sections = [
        Section("", title, _say(record.get("headline"), lang, o)),
        Section("summary", "Summary", _say(record["summary"], lang, o)),
        Section("status", "Status and period", f"{record['status']} {record['period']}"),
        Section(
            "funding",
            "Funding and budget",
            " ".join(
                [_say(funding.get(k), lang, o) for k in ("programme", "mechanism", "programme_description")]
                + [_all(funding.get("funders"), lang, o), _all(funding.get("programme_parts"), lang, o)]
                + [_say(s["name"], lang, o) + " " + s["amount"]["amount"] for s in budget.get("sources", [])]
            ),
        ),
        Section(
            "partners",
            "Implementer and partners",
            " ".join([_org(record["implementer"], lang, o)] + [_org(p, lang, o) for p in record["partners"]]),
        ),
    ]
    for key in ("context", "goals", "activities", "results", "target_groups"):
        if record[key]:
            sections.append(Section(key, key.replace("_", " ").title(), _all(record[key], lang, o)))
    if record["events"]:
        sections.append(Section("events", "Events", ""))
        for event in record["events"]:
            text = " ".join([_say(event.get("place"), lang, o), _all(event["description"], lang, o)])
            sections.append(Section(event["slug"], _say(event["title"], lang, o), text))
    contacts = " ".join(" ".join(str(v) for v in c.values() if isinstance(v, str)) for c in record["contacts"])
    sections.append(Section("contacts", "Contacts", contacts))
    if record["links"]:
        sections.append(Section("links", "Links", " ".join(_say(x["label"], lang, o) for x in record["links"])))
    return Page(f"projects/{record['slug']}.html", lang, title, sections)


def synthetic_pages(n: int, lang: str) -> list[Page]:
    """Every project page of an N-project site in `lang`, the project list and the events page."""
    records = synthetic_records(n)
    pages = [project_page(record, lang) for record in records]
    listing = [Section("", "Projects", "")] + [
        Section(p.url.split("/")[1][:-5], p.title, p.sections[1].text) for p in pages
    ]
    events = [Section("", "Events", "")] + [s for p in pages for s in p.sections if s.anchor.startswith("event-")]
    return [*pages, Page("projects/index.html", lang, "Projects", listing), Page("events.html", lang, "Events", events)]
