"""schema.org JSON-LD for a project page, made from the record (only facts the record holds)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

from microsite.schema import Budget, Project
from microsite.viewmodel import OrgView, ProjectViews


def project_jsonld(project: Project, lang: str, page_url: str, views: ProjectViews | None = None) -> dict[str, Any]:
    view = (views or ProjectViews())(project, lang)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Project",
        "@id": f"{page_url}#project",
        "url": page_url,
        "inLanguage": lang,
        "name": view.title.text,
        "description": view.summary.text,
    }
    if view.short_name:
        data["alternateName"] = view.short_name.text
    if view.places:
        data["location"] = [{"@type": "Place", "name": place.text} for place in view.places]
    members = ([view.implementer] if view.implementer else []) + view.partners
    if members:
        data["member"] = [_organization(org) for org in members]
    if view.funding:
        data["funder"] = [{"@type": "Organization", "name": funder.text} for funder in view.funding.funders]
        if view.funding.programme:
            data["funding"] = [{"@type": "MonetaryGrant", "name": view.funding.programme.text}]
    if isinstance(project.budget, Budget):
        grants = data.setdefault("funding", [])
        for (name, _), source in zip(view.budget.sources, project.budget.sources, strict=True):  # type: ignore[union-attr]
            grants.append(
                {
                    "@type": "MonetaryGrant",
                    "name": name.text,
                    "amount": _amount(source.amount.amount, source.amount.currency),
                }
            )
        data["estimatedCost" if project.budget.total_is_estimate else "totalCost"] = _amount(
            project.budget.total.amount, project.budget.total.currency
        )
    events = [_event(project, event_view, page_url) for event_view in view.events]
    if events:
        data["event"] = events
    contacts = [
        {
            key: value
            for key, value in {
                "@type": "ContactPoint",
                "name": contact.name.text if contact.name else None,
                "email": contact.email,
                "telephone": contact.phone_uri.removeprefix("tel:") if contact.phone_uri else None,
                "faxNumber": contact.fax,
            }.items()
            if value
        }
        for contact in view.contacts
    ]
    if contacts:
        data["contactPoint"] = contacts
    same_as = [link.url for link in view.links if link.url]
    if same_as:
        data["sameAs"] = same_as
    return data


def _organization(org: OrgView) -> dict[str, Any]:
    entry: dict[str, Any] = {"@type": "Organization", "name": org.name.text}
    if org.website:
        entry["url"] = org.website
    return entry


def _amount(value: object, currency: str) -> dict[str, Any]:
    return {"@type": "MonetaryAmount", "value": str(value), "currency": currency}


def _event(project: Project, shown: Any, page_url: str) -> dict[str, Any]:
    event = next(e for e in project.events if e.slug == shown.slug)
    entry: dict[str, Any] = {"@type": "Event", "name": shown.title.text, "url": f"{page_url}#{event.slug}"}
    day = event.start.known_date
    if day is not None:  # never a guessed year: no startDate when the source gives none
        if event.time != "not-stated":
            entry["startDate"] = dt.datetime.combine(
                day, event.time.start, tzinfo=ZoneInfo(event.time.timezone)
            ).isoformat()
        else:
            entry["startDate"] = day.isoformat()
    if event.online:
        entry["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        entry["location"] = {"@type": "VirtualLocation", "url": f"{page_url}#{event.slug}"}
    elif shown.place:
        entry["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        entry["location"] = {"@type": "Place", "name": shown.place.text}
    return entry


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no `</script>` or HTML comment can end the block early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
