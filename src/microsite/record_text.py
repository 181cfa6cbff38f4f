"""One record text (the Markdown an editor writes in a record field) made into HTML that is safe
in the generated pages.

Three layers, each enough on its own for what it guards:

1. Python-Markdown with its own inline-only set (emphasis, code, links, escapes), never the content
   pages' extensions: no attribute lists, no HTML in Markdown, no headings or lists in a sentence.
   Raw HTML and entities are shown as typed.
2. `nh3` (the ammonia sanitiser) keeps only the elements and attributes our templates need, and
   every URL is checked after the browser's own normalisation (WHATWG URL parsing).
3. The result is re-written so that a second Markdown pass cannot act on it: the generated pages
   are Markdown that MkDocs renders with attr_list and md_in_html, so every character those could
   read (`{ } * _ [ ] ( )` ...) is an entity in text and in attribute values.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

import markdown
import nh3

ALLOWED_URL_SCHEMES = ("http", "https", "mailto", "tel")
ALLOWED_TAGS = {"a", "em", "strong", "code", "br", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang", "lang"}, "span": {"lang"}}
URL_ATTRIBUTES = {"href"}
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

# Characters that make text look different from what is stored: bidirectional embeddings,
# overrides and isolates can reorder a title, the marks are invisible. None of the site's
# languages is written right to left, so record text never needs them.
BIDI_CONTROLS = {
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
BIDI_PATTERN = re.compile("[" + "".join(BIDI_CONTROLS) + "]")
# C0 controls (but tab and line breaks), DEL, C1 controls, lone surrogates and the two
# non-characters: YAML's escapes ("\x01", "\x9b") can put them in a text, and a generated page's
# front matter holding one is no longer YAML, so MkDocs would render it as Markdown.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
CONTROL_PATTERN = re.compile(f"[{CONTROL_CHARACTERS}]")

# Markdown, attr_list, md_in_html, tables, admonitions and toc act on these; as entities they are
# plain text to every Markdown pass and the same characters to a browser.
MARKDOWN_ACTIVE = set("\\`*_{}[]()<>#+-.!|&~=^:\"'")
_ENCODE = {ord(char): f"&#{ord(char)};" for char in MARKDOWN_ACTIVE}
_ATTRIBUTE_ENCODE = {**_ENCODE, **{ord(c): f"&#{ord(c)};" for c in "@$%;/?,\t\n\r "}}


# Either kind, to tell in one search that a text (nearly every one) has neither.
_INVISIBLE_PATTERN = re.compile("[" + "".join(BIDI_CONTROLS) + CONTROL_CHARACTERS + "]")


def invisible_character(text: str) -> tuple[int, str] | None:
    """The first bidirectional or control character in `text`: (index, its name), else None."""
    if not _INVISIBLE_PATTERN.search(text):
        return None
    for pattern in (BIDI_PATTERN, CONTROL_PATTERN):
        found = pattern.search(text)
        if found:
            char = found.group()
            name = BIDI_CONTROLS.get(char, "control character")
            return found.start(), f"{name} (U+{ord(char):04X})"
    return None


def strip_invisible(text: str) -> str:
    """For places where nothing may reorder the text (the page title, attributes)."""
    return CONTROL_PATTERN.sub("", BIDI_PATTERN.sub("", text))


_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))


def normalized_url(url: str) -> str:
    """The URL as a browser reads it (WHATWG URL parsing): leading and trailing C0 controls and
    spaces stripped, tabs and line breaks removed anywhere, the scheme in lower case."""
    url = url.strip(_C0_AND_SPACE)
    url = re.sub(r"[\t\n\r]", "", url)
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", url)
    if scheme:
        url = scheme.group(1).lower() + url[scheme.end(1) :]
    return url


def url_scheme(url: str) -> str | None:
    """The scheme of `url` after normalisation (None for a relative address)."""
    scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", normalized_url(url))
    return scheme.group(1) if scheme else None


def is_safe_url(url: str) -> bool:
    # An invisible or control character is refused outright: the writers strip them from attributes
    # afterwards, which would turn "\x7fdata:" (relative while checked) into "data:" (found by the
    # property test).
    if invisible_character(url):
        return False
    scheme = url_scheme(url)
    return scheme is None or scheme in ALLOWED_URL_SCHEMES


def _inline_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")  # HTML is shown as typed
    for name in ("empty", "indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference"):
        md.parser.blockprocessors.deregister(name)  # a record text is one paragraph of inline text
    for name in ("html", "entity", "image_link", "image_reference", "short_image_ref"):
        md.inlinePatterns.deregister(name)
    return md


_MARKDOWN = _inline_markdown()


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in URL_ATTRIBUTES:
        return value if is_safe_url(value) else None
    if attribute in ("lang", "hreflang"):
        return value if LANGUAGE_TAG.match(value) else None
    return value


class _InertWriter(HTMLParser):
    """Re-writes sanitised HTML with every Markdown-active character as an entity."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:  # nh3 already dropped it; this writer never adds anything back
            return
        written = "".join(
            f' {name}="{strip_invisible(value or "").translate(_ATTRIBUTE_ENCODE)}"'
            for name, value in attrs
            if name in ALLOWED_ATTRIBUTES.get(tag, set())
        )
        self.parts.append(f"<{tag}{written}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ALLOWED_TAGS and tag != "br":
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.translate(_ENCODE))


def link_html(label_html: str, url: str) -> str:
    """A link around an already safe label; an unsafe address leaves the label alone."""
    if not is_safe_url(url):  # the schema refuses these; this is the second lock
        return label_html
    return f'<a href="{strip_invisible(url).translate(_ATTRIBUTE_ENCODE)}">{label_html}</a>'


@functools.lru_cache(maxsize=1 << 18)  # every text of a large site (1 300 records: ~100 000), kept between previews
def record_html(text: str, links: bool = True) -> str:
    """Safe, Markdown-inert HTML for one record text (one line, no block elements).

    `links=False` keeps a link's words but not the link, for text that is itself a link's label."""
    one_line = " ".join(text.split())  # a stray newline must not start a Markdown block
    if not one_line:
        return ""
    _MARKDOWN.reset()
    rendered = _MARKDOWN.convert(one_line)
    rendered = rendered.removeprefix("<p>").removesuffix("</p>")
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS if links else ALLOWED_TAGS - {"a"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        attribute_filter=_keep_attribute,
        link_rel=None,
        strip_comments=True,
    )
    writer = _InertWriter()
    writer.feed(cleaned)
    writer.close()
    return "".join(writer.parts)
