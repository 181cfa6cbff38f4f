"""Does typing without diacritics find the same pages as typing with them? Pagefind vs own index.

    python bench/search/probe_folding.py /tmp/search-site /tmp/pf-site > bench/search/folding.json

For each word, `pages` is the set of pages of that language whose article has the word (any case,
whole word, as written with its diacritics). Pagefind is asked through its JS API in Chromium
(pagefind.search), the own index through microsite.search_index.search (the same algorithm as microsite-search.js).
A result page outside `pages` is not necessarily wrong for a stemming engine (another form of the
word), so both lists are kept for reading.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import CHROMIUM_ARGS, serve

import microsite.search_index as b

WORDS = {
    "pl": ["działania", "społeczeństwa", "budżet", "Marszałkowskiego", "Widyń", "współpracy", "pozarządowych"],
    "el": ["διακυβέρνηση", "προϋπολογισμός", "Ελλάδα", "Βιδίνου", "συμμετοχή"],
}


def pages_with(site: Path, lang: str, word: str) -> list[str]:
    out = []
    for page in b.site_pages(site, lang):
        text = " ".join(s.heading + " " + s.text for s in page.sections)
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I):
            out.append(f"/{lang}/{page.url}")
    return sorted(out)


def main() -> None:
    base, pagefind_site = Path(sys.argv[1]), Path(sys.argv[2])
    rows: list[dict[str, Any]] = []
    server, port = serve(pagefind_site, port=0)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for lang, words in WORDS.items():
            index = b.build_index(b.site_pages(base, lang), lang)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/{lang}/index.html")

            def pagefind(q: str, page: Any = page) -> list[str]:
                urls: list[str] = page.evaluate(
                    """async q => { const pf = await import('/pagefind/pagefind.js');
                       const s = await pf.search(q);
                       return (await Promise.all(s.results.map(r => r.data()))).map(d => d.url); }""",
                    q,
                )
                return sorted(u if u.endswith(".html") else u + "index.html" for u in urls)

            def own(q: str, index: dict[str, Any] = index, lang: str = lang) -> list[str]:
                return sorted(f"/{lang}/{r['url']}" for r in b.search(index, q, prefix=False))

            for word in words:
                plain = b.normalise(word)  # lowercase, no diacritics (σ for final ς: what a reader types is ς)
                if lang == "el" and plain.endswith("σ"):
                    plain = plain[:-1] + "ς"
                rows.append(
                    {
                        "lang": lang,
                        "word": word,
                        "plain": plain,
                        "pages": pages_with(base, lang, word),
                        "pagefind": pagefind(word),
                        "pagefind_plain": pagefind(plain),
                        "own": own(word),
                        "own_plain": own(plain),
                    }
                )
            page.close()
        browser.close()
    server.shutdown()
    server.server_close()
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
