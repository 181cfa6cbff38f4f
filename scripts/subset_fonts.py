"""Subset the self-hosted Noto fonts to what el, bg, ka and pl pages need, and write fonts.css.

Sources: scripts/font-sources/ (the @fontsource 5.3.0 woff2 files, SIL OFL 1.1). Outputs, committed:
overrides/assets/fonts/noto-sans-<script>-<weight>.woff2 and fonts.css. Run it again after
changing the glyph sets: `.venv/bin/python scripts/subset_fonts.py`.

One file per script and weight (400 text, 700 headings and emphasis): a page loads only the
scripts it shows (unicode-range). Latin holds the Polish letters too, so a Polish page needs one
file per weight. fonts.css also declares metric-matched local fallbacks (size-adjust and
ascent/descent overrides, computed here from the fonts themselves), so the text does not move
when the web font arrives (font-display: swap: the text never waits for it)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "scripts" / "font-sources"
OUT = REPO / "overrides" / "assets" / "fonts"
WEIGHTS = (400, 700)


def ranges(*spans: tuple[int, int]) -> list[int]:
    return [code for first, last in spans for code in range(first, last + 1)]


# Punctuation and symbols a page of any of the four languages shows: quotes „“”‘’«», dashes,
# ellipsis, bullets, the spaces CLDR puts in numbers (no-break, narrow no-break, thin), €, №, %, ·.
PUNCTUATION = ranges((0x2009, 0x200A), (0x2010, 0x2027), (0x202F, 0x2030), (0x2032, 0x203A), (0x20AC, 0x20AC))
PUNCTUATION += [0x2116, 0x2122, 0x2212, 0x2009, 0xFEFF]
POLISH = [0x0104, 0x0105, 0x0106, 0x0107, 0x0118, 0x0119, 0x0141, 0x0142, 0x0143, 0x0144]
POLISH += [0x015A, 0x015B, 0x0179, 0x017A, 0x017B, 0x017C]
# Basic Latin and Latin-1 (ó, «», §, ×, °) for every page (digits, Latin names, URLs) + Polish.
LATIN = ranges((0x0020, 0x007E), (0x00A0, 0x00FF)) + POLISH + PUNCTUATION
GREEK = ranges((0x0370, 0x0377), (0x037A, 0x037F), (0x0384, 0x038A), (0x038C, 0x038C), (0x038E, 0x03A1))
GREEK += ranges((0x03A3, 0x03CE))
CYRILLIC = ranges((0x0400, 0x045F))  # Bulgarian (incl. ѝ, Ѝ) and the other Cyrillic names a page may cite
GEORGIAN = ranges((0x10D0, 0x10FF), (0x1C90, 0x1CBA), (0x1CBD, 0x1CBF)) + [0x0589, 0x10FB]

# script: (source file stems, code points, CSS family)
SCRIPTS: dict[str, tuple[tuple[str, ...], list[int], str]] = {
    "latin": (("noto-sans-latin", "noto-sans-latin-ext"), LATIN, "Noto Sans"),
    "greek": (("noto-sans-greek",), GREEK, "Noto Sans"),
    "cyrillic": (("noto-sans-cyrillic",), CYRILLIC, "Noto Sans"),
    "georgian": (("noto-sans-georgian-georgian",), GEORGIAN, "Noto Sans Georgian"),
}
# Local fallbacks whose metrics are matched to Noto: Arial and Liberation Sans share their metrics;
# DejaVu Sans is the common Linux font with Georgian letters. Sample text measures average widths.
FALLBACKS = {
    "Noto Sans Fallback": (
        ("Arial", "Liberation Sans", "Helvetica"),
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "Zgodność sprawdzono testami automatycznymi 0123456789 Η συμμόρφωση ελέγχθηκε Съответствието е проверено",
        "latin",
    ),
    "Noto Sans Georgian Fallback": (
        ("DejaVu Sans", "Sylfaen"),
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "შესაბამისობა შემოწმდა ავტომატური ტესტებით და კლავიატურით ხელმისაწვდომობის",
        "georgian",
    ),
}


def unicode_range(codes: list[int]) -> str:
    codes = sorted(set(codes))
    spans: list[tuple[int, int]] = []
    for code in codes:
        if spans and code == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], code)
        else:
            spans.append((code, code))
    return ",".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in spans)


def subset_font(stems: tuple[str, ...], weight: int, codes: list[int]) -> TTFont:
    options = subset.Options()
    options.flavor = None
    options.hinting = False  # hinting is most of the size; browsers on phones ignore it
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.layout_features = ["kern", "liga", "ccmp", "locl", "mark", "mkmk", "calt", "clig"]
    parts = []
    for stem in stems:
        font = TTFont(SOURCES / f"{stem}-{weight}-normal.woff2")
        font.flavor = None
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codes)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        parts.append(buffer)
    if len(parts) == 1:
        return TTFont(parts[0])
    return Merger().merge(parts)  # one file: the Latin and Polish letters of the same font


def metrics(font: TTFont) -> tuple[int, int, int, int]:
    hhea = font["hhea"]
    return font["head"].unitsPerEm, hhea.ascent, -hhea.descent, hhea.lineGap


def average_width(font: TTFont, text: str) -> float:
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = [hmtx[cmap[ord(ch)]][0] for ch in text if ord(ch) in cmap]
    return sum(widths) / len(widths) / font["head"].unitsPerEm


def fallback_face(family: str, fonts: dict[str, TTFont]) -> str:
    locals_, fallback_file, sample, script = FALLBACKS[family]
    ours = fonts[script]
    theirs = TTFont(fallback_file)
    size_adjust = average_width(ours, sample) / average_width(theirs, sample)
    em, ascent, descent, gap = metrics(ours)
    scale = em * size_adjust  # the overrides apply to the size-adjusted font
    src = ", ".join(f'local("{name}")' for name in locals_)
    return (
        f"@font-face {{\n  font-family: '{family}';\n  src: {src};\n"
        f"  size-adjust: {size_adjust * 100:.2f}%;\n  ascent-override: {ascent / scale * 100:.2f}%;\n"
        f"  descent-override: {descent / scale * 100:.2f}%;\n  line-gap-override: {gap / scale * 100:.2f}%;\n}}\n"
    )


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    faces = []
    regular: dict[str, TTFont] = {}
    for script, (stems, codes, family) in SCRIPTS.items():
        for weight in WEIGHTS:
            font = subset_font(stems, weight, codes)
            if weight == 400:
                regular[script] = font
            target = OUT / f"noto-sans-{script}-{weight}.woff2"
            font.flavor = "woff2"
            font.save(target)
            font.flavor = None
            covered = [code for code in codes if code in font.getBestCmap()]
            faces.append(
                f"@font-face {{\n  font-family: '{family}';\n  font-style: normal;\n  font-weight: {weight};\n"
                f"  font-display: swap;\n  src: url(./{target.name}) format('woff2');\n"
                f"  unicode-range: {unicode_range(covered)};\n}}\n"
            )
            print(f"{target.relative_to(REPO)}: {target.stat().st_size} bytes, {len(covered)} characters")
    header = (
        "/* Self-hosted Noto Sans and Noto Sans Georgian (SIL Open Font License 1.1, see OFL.txt),\n"
        "   subset by scripts/subset_fonts.py to the letters el, bg, ka and pl pages need: do not edit,\n"
        "   run the script. Nothing is loaded from another host. */\n\n"
    )
    fallbacks = [fallback_face(family, regular) for family in FALLBACKS]
    (OUT / "fonts.css").write_text(header + "\n".join(faces + fallbacks), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
