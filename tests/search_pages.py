"""Small built-looking pages in the four languages, for the search tests (tests/test_search_*.py)."""

from __future__ import annotations

from pathlib import Path

# (url, title, sections [(anchor, heading, text)]) per language; each page says a thing in one form
# only, so that a query in another form finds it only by stemming or folding.
TEXTS = {
    "pl": [
        ("projects/a.html", "Otwarte dane", [
            ("cele", "Cele", "Poprawa współpracy administracji i organizacji pozarządowych."),
            ("partnerzy", "Realizator i partnerzy", "Partner: Urząd Marszałkowski Województwa Opolskiego (UMWO)."),
        ]),
        ("projects/b.html", "Fundacja", [
            ("grupy-docelowe", "Grupy docelowe", "przedstawiciele gmin; organizacje pozarządowe"),
            ("miejsca", "Miejsca", "obwód Widyń, Grecja"),
        ]),
        ("projects/c.html", "Budżet", [
            ("budzet", "Budżet", "Budżet projektu: 100 000 zł, współpraca z Fundacją „Feniks”."),
        ]),
    ],
    "bg": [
        ("projects/a.html", "Отворени данни", [("budget", "Финансиране", "Общият размер на бюджета е 59 964,19 лв.")]),
        ("projects/b.html", "Фондация", [("groups", "Целеви групи", "представители на общините; НПО от област Видин")]),
    ],
    "el": [
        ("projects/a.html", "Ανοικτά δεδομένα", [
            ("budget", "Χρηματοδότηση", "Το ύψος του προϋπολογισμού είναι 40.000 ευρώ."),
        ]),
        ("projects/b.html", "Ίδρυμα", [("partners", "Εταίροι", "Ίδρυμα «Φοίνικας 21ος αιώνας», περιφέρεια Βιδίνου")]),
    ],
    "ka": [
        ("projects/a.html", "ღია მონაცემები", [("budget", "დაფინანსება", "პროექტის ბიუჯეტი: 40 000 ლარი.")]),
        ("projects/b.html", "ფონდი", [("places", "ადგილები", "ვიდინის ოლქი; მუნიციპალიტეტების წარმომადგენლები")]),
    ],
}  # fmt: skip


def page_html(lang: str, title: str, sections: list[tuple[str, str, str]]) -> str:
    """A page shaped like Material's output: header and nav outside the article, a JSON-LD script,
    permalink anchors in the headings."""
    body = [f'<h1 id="t">{title}<a class="headerlink" href="#t">¶</a></h1>']
    for anchor, heading, text in sections:
        body.append(f'<h2 id="{anchor}">{heading}<a class="headerlink" href="#{anchor}">¶</a></h2><p>{text}</p>')
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title} - Site</title></head><body>'
        "<header><nav>Navigation WeOpenGov menu</nav></header>"
        '<article class="md-content__inner md-typeset">'
        + "".join(body)
        + '<script type="application/ld+json">{"name": "jsonld-only"}</script><br>'
        "</article><footer>footer text</footer></body></html>"
    )


def write_search_pages(tmp_path: Path) -> Path:
    """A built-looking site: /<lang>/<page>.html in the four languages, plus the root chooser."""
    (tmp_path / "index.html").write_text(page_html("mul", "Choose", [("x", "x", "Ελληνικά Polski")]))
    for lang, pages in TEXTS.items():
        for url, title, sections in pages:
            path = tmp_path / lang / url
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page_html(lang, title, sections), encoding="utf-8")
    return tmp_path
