"""The front matter of the pages editors write, found by MkDocs' own rule (`mkdocs.utils.meta`), so
that the check, the pages merged into generated ones (a language's home introduction, a project's
story) and MkDocs' own pages agree on where it ends (`---` or `...` closes it, spaces may follow)."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.utils import meta

_OPENING = re.compile(r"-{3}[ \t]*\n")  # the first line of YAML_RE in mkdocs.utils.meta


def opens(text: str) -> bool:
    """Whether the page's first line opens a front matter block."""
    return _OPENING.match(text) is not None


def split(text: str) -> tuple[dict[str, Any], str]:
    """A page's front matter (its `---` YAML block, read by MkDocs' `get_data`) and its body.

    Only the `---` form: MkDocs would also take a first paragraph of `Word: text` lines (MultiMarkdown
    meta-data) from a page of its own, but a story that begins with "Note: …" is text to show."""
    if not opens(text):
        return {}, text
    body, data = meta.get_data(text)
    return data, body


def block(text: str) -> tuple[str, int] | None:
    """The front matter's YAML text as written, and the line it starts on (2), for the check that
    reads it again with every position; None when the page has none, or it is never closed."""
    match = meta.YAML_RE.match(text)
    return (match.group(1), 2) if match else None
