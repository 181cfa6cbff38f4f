"""The search script as the site serves it: minified (rjsmin: comments and white space out, nothing renamed).

The readable source stays in overrides/assets/javascripts/; the build overwrites its copy in the output.
tests/test_search_parity.py runs the minified copy against the Python reference too.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin  # type: ignore[import-untyped]  # no type information shipped

SEARCH_SCRIPT = Path("assets") / "javascripts" / "microsite-search.js"  # in the output folder


HEADER = "/* microsite-search.js, minified; source: overrides/assets/javascripts/microsite-search.js */\n"


def minify_js(source: str) -> str:
    return HEADER + str(rjsmin.jsmin(source)) + "\n"


def minify_search_script(site_dir: Path) -> int:
    """Minify the output's copy of the search script in place; returns its size in bytes. A copy
    minified already (the preview's rebuild copies the script only when its source changed) is kept."""
    path = site_dir / SEARCH_SCRIPT
    source = path.read_text(encoding="ascii")
    if source.startswith(HEADER):
        return len(source.encode("ascii"))
    minified = minify_js(source).encode("ascii")
    path.write_bytes(minified)
    return len(minified)
