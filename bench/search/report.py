"""Markdown tables for bench/search-comparison.md from results.json, sizes.json and folding.json.

python bench/search/report.py bench/search
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

LANGUAGES = ["el", "bg", "ka", "pl"]
ENGINES = ["lunr", "pagefind", "own"]


def kb(n: float) -> str:
    return f"{n / 1000:.1f}"


def quality(results: dict[str, Any]) -> str:
    lines = [
        "| lang | query | checks | lunr (Material) | Pagefind | own index |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for lang in LANGUAGES:
        for i, row in enumerate(results["lunr"][lang]["queries"]):
            cells = []
            for engine in ENGINES:
                r = results[engine][lang]["queries"][i]
                mark = "found" if r["found"] else "**not found**"
                if r["foreign"]:
                    mark += f", **{len(r['foreign'])} foreign**"
                cells.append(f"{mark} ({r['message']})" if r["message"] else mark)
            lines.append(f"| {lang} | {row['query']} | {row['purpose']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def scores(results: dict[str, Any]) -> str:
    lines = ["| engine | queries found | with foreign-language results |", "| --- | --- | --- |"]
    for engine in ENGINES:
        rows = [r for lang in LANGUAGES for r in results[engine][lang]["queries"]]
        found = sum(r["found"] for r in rows)
        foreign = sum(bool(r["foreign"]) for r in rows)
        lines.append(f"| {engine} | {found} / {len(rows)} | {foreign} |")
    return "\n".join(lines)


def timing(results: dict[str, Any], sizes: dict[str, Any]) -> str:
    lines = [
        "| engine | lang | index raw / gzip (kB) | page view (kB, no fonts) | first search downloads (kB) "
        "| first result, local (ms) | first result, slow 4G (ms) | next queries, median (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for engine in ENGINES:
        for lang in LANGUAGES:
            r = results[engine][lang]
            s = sizes[engine][lang]
            index = f"{kb(s['raw'])} / {kb(s['gzip'])}"
            if engine == "lunr":
                whole = sizes["lunr"]["whole_file"]
                index += f" (share of one {kb(whole['raw'])} / {kb(whole['gzip'])} file for all languages)"
            if engine == "pagefind":
                index += f" + wasm {kb(s['wasm_gzip'])}"
            lines.append(
                f"| {engine} | {lang} | {index} | {kb(r['page_bytes'])} | {kb(r['search_bytes'])} "
                f"| {r['first_ms']:.0f} | {r['first_slow_ms']:.0f} | {r['warm_ms']:.0f} |"
            )
    return "\n".join(lines)


def folding(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| lang | typed with diacritics → pages | typed without → Pagefind | → own index |",
        "| --- | --- | --- | --- |",
    ]
    for r in rows:
        truth = set(r["pages"])

        def cell(found: list[str], truth: set[str] = truth) -> str:
            missing = len(truth - set(found))
            extra = len(set(found) - truth)
            note = [f"{missing} missing"] * bool(missing) + [f"{extra} other"] * bool(extra)
            return f"{len(found)}" + (f" ({', '.join(note)})" if note else "")

        lines.append(
            f"| {r['lang']} | {r['word']} → {len(truth)} | {r['plain']} → {cell(r['pagefind_plain'])} "
            f"| {r['plain']} → {cell(r['own_plain'])} |"
        )
    return "\n".join(lines)


def main() -> None:
    folder = Path(sys.argv[1])
    results = json.loads((folder / "results.json").read_text())
    sizes = json.loads((folder / "sizes.json").read_text())
    rows = json.loads((folder / "folding.json").read_text())
    print("## Scores\n\n" + scores(results))
    print("\n## Quality\n\n" + quality(results))
    print("\n## Size and speed\n\n" + timing(results, sizes))
    print("\n## Folding\n\n" + folding(rows))


if __name__ == "__main__":
    main()
