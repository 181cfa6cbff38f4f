"""A language's home page: the editors' introduction from content/<lang>/index.md, followed by
what the records give (the projects, the upcoming events, the open data)."""

from __future__ import annotations

from pathlib import Path

import yaml

from microsite import front_matter
from microsite.calendar_files import Listing
from microsite.project_list import Card

HOME_PROJECTS = 6  # a longer list shows the ones that started last; the project list has them all
HOME_EVENTS = 5


def editor_introduction(content_dir: Path, lang: str) -> tuple[str, str]:
    """The front matter and the text of content/<lang>/index.md ("" when there is none)."""
    page = content_dir / lang / "index.md"
    if not page.is_file():
        return "", ""
    meta, body = front_matter.split(page.read_text(encoding="utf-8"))
    written = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) if meta else ""
    return written.strip(), body.strip()


def home_cards(cards: list[Card]) -> list[Card]:
    if len(cards) <= HOME_PROJECTS:
        return cards
    dated = sorted((c for c in cards if c.start), key=lambda c: c.start, reverse=True)
    return (dated + [c for c in cards if not c.start])[:HOME_PROJECTS]


def upcoming_events(listings: list[Listing]) -> list[Listing]:
    """Events with a full date that have not ended; one whose year the source leaves out is never
    counted as upcoming (its year would be a guess)."""
    return [item for item in listings if item.when == "upcoming"][:HOME_EVENTS]
