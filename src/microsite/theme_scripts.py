"""Keep Material's JavaScript from ever loading a file from another host.

Material's bundle holds two fallback URLs on unpkg.com: a ResizeObserver polyfill, which older
browsers (before about 2020) would fetch, and Mermaid, which only pages with diagrams load (we
have none). Both are pointed at files next to the bundle: the polyfill is self-hosted
(overrides/assets/javascripts/vendor/, MIT), and Mermaid would fail locally instead of leaking
the reader's address. Source maps, which only developer tools read, are not published."""

from __future__ import annotations

from pathlib import Path

# A script URL resolved next to the running bundle, whatever the page's depth.
_NEXT_TO_BUNDLE = "document.querySelector('script[src*=\"bundle.\"]').src.replace(/bundle\\.[^/]*$/,{!r})"

REPLACEMENTS = {
    '"https://unpkg.com/resize-observer-polyfill"': _NEXT_TO_BUNDLE.format("vendor/resize-observer-polyfill.js"),
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': _NEXT_TO_BUNDLE.format("vendor/mermaid-not-included.js"),
}


def self_host_theme_scripts(site_dir: Path) -> list[str]:
    """Rewrite the theme's files in a built site; return the third-party URLs that were replaced."""
    replaced = []
    assets = site_dir / "assets"
    for bundle in sorted((assets / "javascripts").glob("bundle.*.min.js")):
        text = bundle.read_text(encoding="utf-8")
        for old, new in REPLACEMENTS.items():
            if old in text:
                text = text.replace(old, new)
                replaced.append(old.strip('"'))
        bundle.write_text(text, encoding="utf-8")
    for source_map in assets.rglob("*.map"):
        source_map.unlink()
        compiled = source_map.with_suffix("")  # bundle.js.map → bundle.js
        if compiled.is_file():  # drop its "sourceMappingURL" line, or developer tools ask for the map
            lines = compiled.read_text(encoding="utf-8").splitlines()
            kept = [line for line in lines if "# sourceMappingURL=" not in line]
            compiled.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return replaced
