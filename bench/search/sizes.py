"""Index sizes per language, raw and gzip -9, of the three candidates (files as built).

    python bench/search/sizes.py /tmp/search-site /tmp/pf-site /tmp/own-site > bench/search/sizes.json

- lunr: Material writes one search/search_index.json for all languages; the per-language share is
  the same JSON restricted to that language's documents (what a per-language index would weigh).
- pagefind: the language's files (pagefind.<lang>_*.pf_meta, index/<lang>_*, fragment/<lang>_*;
  Pagefind stores them gzipped already, so "gzip" is their size on disk and "raw" is unpacked), plus
  the shared code a first search loads (pagefind.js, pagefind-worker.js, the language's wasm).
- own: <lang>/search-index.js, plus microsite-search.js and microsite-search.css (shared).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

LANGUAGES = ["el", "bg", "ka", "pl"]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def lunr(site: Path) -> dict[str, Any]:
    raw = (site / "search" / "search_index.json").read_bytes()
    index = json.loads(raw)
    out: dict[str, Any] = {"whole_file": {"raw": len(raw), "gzip": gz(raw), "docs": len(index["docs"])}}
    for lang in LANGUAGES:
        part = dict(index, docs=[d for d in index["docs"] if d["location"].startswith(f"{lang}/")])
        data = json.dumps(part, ensure_ascii=False).encode()
        out[lang] = {"raw": len(data), "gzip": gz(data), "docs": len(part["docs"])}
    return out


def pagefind(site: Path) -> dict[str, Any]:
    root = site / "pagefind"
    entry = json.loads((root / "pagefind-entry.json").read_text())
    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        files = [root / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta"]
        files += sorted((root / "index").glob(f"{lang}_*")) + sorted((root / "fragment").glob(f"{lang}_*"))
        packed = sum(f.stat().st_size for f in files)
        unpacked = sum(len(gzip.decompress(f.read_bytes())) for f in files)
        wasm = root / f"wasm.{entry['languages'][lang]['wasm'] or 'unknown'}.pagefind"
        out[lang] = {
            "raw": unpacked,
            "gzip": packed,
            "files": len(files),
            "wasm_gzip": wasm.stat().st_size,  # already gzipped
        }
    code = [root / "pagefind.js", root / "pagefind-worker.js"]
    out["shared_code"] = {"raw": sum(f.stat().st_size for f in code), "gzip": sum(gz(f.read_bytes()) for f in code)}
    ui = [root / "pagefind-ui.js", root / "pagefind-ui.css"]
    out["default_ui"] = {"raw": sum(f.stat().st_size for f in ui), "gzip": sum(gz(f.read_bytes()) for f in ui)}
    return out


def own(site: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        data = (site / lang / "search-index.js").read_bytes()
        out[lang] = {"raw": len(data), "gzip": gz(data)}
    code = [site / "assets" / "microsite-search.js", site / "assets" / "microsite-search.css"]
    out["shared_code"] = {"raw": sum(f.stat().st_size for f in code), "gzip": sum(gz(f.read_bytes()) for f in code)}
    return out


def main() -> None:
    lunr_site, pagefind_site, own_site = (Path(p) for p in sys.argv[1:4])
    sizes = {"lunr": lunr(lunr_site), "pagefind": pagefind(pagefind_site), "own": own(own_site)}
    json.dump(sizes, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
