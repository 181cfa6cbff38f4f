"""microsite-search.js run in node, as the page runs it, for the search tests (tests/test_search_*.py):
the script loaded, and shard files loaded the way the page's script loader does (each one a script
that hands its data to micrositeSearch.shard), counted in `loaded`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from .conftest import REPO

SEARCH_JS = REPO / "overrides" / "assets" / "javascripts" / "microsite-search.js"
NODE = shutil.which("node") or "node"

PROLOGUE = """
const fs = require("fs"), path = require("path"), vm = require("vm");
vm.runInThisContext(fs.readFileSync(process.argv[1], "utf8"));
const s = globalThis.micrositeSearch;
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const arrived = {};
s.shard = (lang, name, data) => { arrived[lang + "/" + name] = data; };
let loaded = [];
const load = name => new Promise(resolve => {
  loaded.push(name);
  vm.runInThisContext(fs.readFileSync(path.join(input.folder, name + ".js"), "utf8"));
  resolve(arrived[input.lang + "/" + name]);
});
"""


def run_search_js(body: str, payload: dict[str, Any], script: Path = SEARCH_JS) -> Any:
    """Run `body` (JavaScript, after the prologue: `s`, `input`, `load`, `loaded`), which writes its
    answer as JSON to stdout; `payload` is its `input` (with the shards' `folder` and `lang`)."""
    done = subprocess.run(
        [NODE, "-e", PROLOGUE + body, str(script)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)
