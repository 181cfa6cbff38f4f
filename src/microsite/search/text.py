"""Words as the search sees them, at build time and in the browser: folding, tokenising, stemmer rules.

The index builder (index.py) tokenises the pages with these functions; microsite-search.js runs the same
steps on the query. The stemmer is data (a suffix list per language, shipped in the index manifest), so the
browser and the build cannot disagree about it; tests/test_search_parity.py checks both sides with node.
Stemming a word is done only by the browser (and by tests/search_reference.py, its Python twin
that the tests compare it with).
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

# --- normalisation --------------------------------------------------------------------------------

# Letters with no Unicode decomposition that readers type without their stroke; Greek final sigma.
_EXTRA_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "ς": "σ", "ı": "i"})
_BREVE = "\u0306"


def normalise(text: str) -> str:
    """Lowercase and drop accents and diacritics: ą→a, ł→l, ύ/ϋ→υ, ς→σ, ѝ→и (but Cyrillic й stays й).

    Same steps as `normalise` in microsite-search.js: lowercase, NFKD, drop every combining mark except the
    breve of a Cyrillic letter, NFC, then the few letters that have no decomposition.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    out: list[str] = []
    for i, ch in enumerate(decomposed):
        if unicodedata.category(ch).startswith("M"):
            keep = ch == _BREVE and i > 0 and unicodedata.name(decomposed[i - 1], "").startswith("CYRILLIC")
            if not keep:
                continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).translate(_EXTRA_FOLDS)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


def tokenize(text: str) -> list[str]:
    """Normalised words: runs of letters and digits (Unicode L and N). Georgian words stay whole."""
    return [word for chunk in text.split() for word in _chunk_words(chunk)]


@functools.lru_cache(maxsize=100_000)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    # Text is normalised a whitespace-separated chunk at a time, each distinct chunk once: a site
    # repeats its words thousands of times. The same as normalising the whole text first, since
    # normalisation never joins or splits across whitespace.
    words: list[str] = []
    current: list[str] = []
    for ch in normalise(chunk) + " ":
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    return tuple(words)


# --- stemming -------------------------------------------------------------------------------------

# Light suffix stripping, applied once, longest suffix first, keeping at least `min_stem` letters.
# (Bulgarian has no bare "-та/-то/-те": бюджета would lose its т; the articles after a vowel are
# covered by "-ата", "-ото", "-ето", "-ите".)
# Suffixes are written normalised (no accents, σ for ς). They conflate the common noun and adjective
# forms (cases, number, the Bulgarian article); they do not try to be a morphological analyser.
STEMMERS: dict[str, dict[str, Any]] = {
    "pl": {
        "min_stem": 3,
        "suffixes": [
            "iami", "iach", "iego", "iemu", "owie",
            "ami", "ach", "ego", "emu", "ymi", "imi", "ych", "ich", "iej", "iem", "iom", "owi",
            "ow", "om", "em", "ej", "ym", "im", "ie", "ia", "iu",
            "a", "e", "i", "y", "o", "u",
        ],
    },
    "bg": {
        "min_stem": 3,
        "suffixes": [
            "ищата", "овете",
            "ията", "ието",
            "ият", "ите", "ата", "ото", "ето", "ове", "ища",
            "ът", "ят", "ия", "ие", "ии",
            "а", "я", "о", "е", "и",
        ],
    },
    "el": {
        "min_stem": 3,
        "suffixes": [
            "ατων", "ατοσ",
            "ιεσ", "ιων", "ιασ", "ιου", "εων", "εισ", "ουσ", "ουν", "ατα",
            "οσ", "ου", "οι", "ων", "ησ", "εσ", "ασ", "ια", "ιο", "ει",
            "α", "ε", "η", "ι", "ο", "υ", "ω",
        ],
    },
    "ka": {
        "min_stem": 4,
        "suffixes": [
            "ებისთვის", "ისთვის", "ებიდან", "ებისა", "ებთან",
            "ების", "ებში", "ებზე", "ებით", "ებმა", "იდან", "თვის",
            "ები", "ებს", "ისა",
            "ში", "ზე", "თან", "ით", "ის", "ად", "მა",
            "ს", "ი", "ო",
        ],
    },
}  # fmt: skip


def stemmer_rules(lang: str) -> dict[str, Any]:
    rules = STEMMERS.get(lang, {"min_stem": 3, "suffixes": []})
    suffixes = sorted({normalise(s) for s in rules["suffixes"]}, key=lambda s: (-len(s), s))
    return {"min_stem": rules["min_stem"], "suffixes": suffixes}
