"""Offline check of a built site: every internal link, anchor and loaded file must exist, no page
may load anything from another host, and a placeholder link (`#`, empty) is an error."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

# Attributes whose URL the browser loads by itself (as opposed to links a reader follows).
LOADED = {("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"), ("link", "href")}
FOLLOWED = {("a", "href"), ("area", "href")}


@dataclass
class _Page(HTMLParser):
    ids: set[str] = field(default_factory=set)
    urls: list[tuple[str, str, bool]] = field(default_factory=list)  # (tag, url, loaded)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if key in values:
                self.ids.add(values[key])
        for name, value in values.items():
            if (tag, name) in FOLLOWED:
                self.urls.append((tag, value, False))
            elif (tag, name) in LOADED and not (tag == "link" and values.get("rel") in ("alternate", "canonical")):
                self.urls.append((tag, value, True))


def check_site(site_dir: Path, site_url: str) -> list[str]:
    """Return one line per broken link; an empty list means the site is sound."""
    pages: dict[str, _Page] = {}
    for path in sorted(site_dir.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site_dir).as_posix()] = parser
    own = urlsplit(site_url)
    errors = []
    for page_path, page in pages.items():
        for tag, url, loaded in page.urls:
            problem = _check(page_path, url, loaded, pages, site_dir, own.netloc, site_url)
            if problem:
                errors.append(f"{page_path}: <{tag}> {url!r}: {problem}")
    return errors


def missing_outputs(site_dir: Path, planned: list[str]) -> list[str]:
    """The files of the output plan (outputs.OutputPlan) that a built site lacks: a build that
    stopped halfway, or a writer that wrote elsewhere."""
    return [f"{path}: planned, but not in the built site" for path in planned if not (site_dir / path).is_file()]


def _check(
    page_path: str, url: str, loaded: bool, pages: dict[str, _Page], site_dir: Path, own_host: str, site_url: str
) -> str | None:
    if url.strip() in ("", "#"):
        return "placeholder link that leads nowhere"
    parts = urlsplit(url)
    base_path = urlsplit(site_url).path or "/"
    if parts.scheme in ("mailto", "tel", "data"):
        return None
    if parts.scheme in ("http", "https") or url.startswith("//"):
        if parts.netloc != own_host:
            return f"loads a file from another host ({parts.netloc})" if loaded else None
        target = _from_site_root(parts.path, base_path)
    elif parts.scheme:
        return f"unexpected link type {parts.scheme}:"
    elif parts.path.startswith("/"):
        target = _from_site_root(parts.path, base_path)
    elif parts.path:
        target = unquote(urljoin(page_path, parts.path))
    else:
        target = page_path
    if target in ("", ".") or target.endswith("/") or (site_dir / target).is_dir():
        target = f"{target.rstrip('/')}/index.html".lstrip("/.")
    target = str(PurePosixPath(target))
    if not (site_dir / target).is_file():
        return f"{target} does not exist"
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
        return f"{target} has no anchor #{unquote(parts.fragment)}"
    return None


def _from_site_root(path: str, base_path: str) -> str:
    """A path on the site's own host, made relative to the site folder."""
    if not path.startswith(base_path):
        return f"(outside the site) {path}"
    return unquote(path[len(base_path) :])
