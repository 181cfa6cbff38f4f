"""The searchable parts of a built page: its language, title and text split at its headings."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Section:
    anchor: str  # id of the heading ("" for the text before the first heading)
    heading: str
    text: str


@dataclass
class Page:
    url: str  # relative to the language folder: "projects/avatar.html"
    lang: str  # <html lang>
    title: str  # the page's h1, else <title>
    sections: list[Section] = field(default_factory=list)


_SKIP = {"script", "style", "template", "noscript", "svg", "button"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _PageParser(HTMLParser):
    """Keeps the text of Material's article (`<article class="md-content__inner">`), split at h1–h3."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.sections: list[Section] = [Section("", "", "")]
        self._in_title = False
        self._article_depth = 0  # element depth inside the article, 0 = outside
        self._skip_depth = 0
        self._heading: str | None = None  # tag of the heading being read
        self._buf: list[str] = []
        self._no_index = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = (a.get("lang") or "").strip()
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and (a.get("name") or "").lower() == "robots" and "noindex" in (a.get("content") or ""):
            self._no_index = True
        if self._article_depth == 0:
            if tag == "article" and "md-content__inner" in (a.get("class") or "").split():
                self._article_depth = 1
            return
        if tag in _VOID:
            if tag in ("br", "hr") and not self._skip_depth:
                self._buf.append(" ")
            return
        self._article_depth += 1
        if self._skip_depth or tag in _SKIP or "headerlink" in (a.get("class") or "").split():
            self._skip_depth += 1
            return
        if tag in ("h1", "h2", "h3") and self._heading is None:
            self._flush()
            self._heading = tag
            # a hit in the page title links to the page itself, not to its h1
            anchor = "" if tag == "h1" else (a.get("id") or "")
            self.sections.append(Section(anchor, "", ""))
        elif tag in ("p", "li", "dt", "dd", "td", "th", "div", "br", "tr", "blockquote", "h4", "h5", "h6"):
            self._buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._article_depth == 0 or tag in _VOID:
            return
        self._article_depth -= 1
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if self._heading == tag:
            self.sections[-1].heading = _squash("".join(self._buf))
            self._buf = []
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._article_depth and not self._skip_depth:
            self._buf.append(data)

    def _flush(self) -> None:
        self.sections[-1].text = _squash(self.sections[-1].text + " " + "".join(self._buf))
        self._buf = []

    def close(self) -> None:
        super().close()
        self._flush()


def _head_and_article(html: str) -> str:
    """Only the head (language, title, robots) and the article are read: the header, navigation and
    footer are half of a page and hold nothing to index."""
    body = html.find("<body")
    start = html.find('<article class="md-content__inner', max(body, 0))
    end = html.rfind("</article>")
    if body < 0 or start < 0 or end < start:
        return html
    return html[:body] + html[start : end + len("</article>")]


def _squash(text: str) -> str:
    return " ".join(text.split())


def parse_page(html: str, url: str) -> Page | None:
    """The searchable parts of one built page, or None for a page that is not to be indexed."""
    parser = _PageParser()
    parser.feed(_head_and_article(html))
    parser.close()
    if parser._no_index:
        return None
    sections = [s for s in parser.sections if s.heading or s.text]
    title = next((s.heading for s in sections if s.heading), "") or _squash(parser.title)
    return Page(url=url, lang=parser.lang, title=title, sections=sections)


def site_pages(site_dir: Path, lang: str, cache: dict[str, tuple[bytes, Page | None]] | None = None) -> list[Page]:
    """The searchable pages of one language. `cache` (the preview's, kept between rebuilds): each page
    read before, by path, with its bytes then; a page is parsed again only when its bytes changed."""
    pages = []
    root = site_dir / lang
    for path in sorted(root.rglob("*.html")):
        url, data = path.relative_to(root).as_posix(), path.read_bytes()
        known = cache.get(str(path)) if cache is not None else None
        if known is not None and known[0] == data:
            page = known[1]
        else:
            page = parse_page(data.decode("utf-8"), url)
            if cache is not None:
                cache[str(path)] = (data, page)
        if page is not None:
            pages.append(page)
    return pages
