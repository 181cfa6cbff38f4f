"""The site search: a per-language index written at build time, searched in the browser.

- `built_pages`: the searchable parts of a built page (language, title, text split at headings);
- `text`: folding, words and the stemmer rules, the same as microsite-search.js;
- `index`: the whole index of one language, as data;
- `shards`: that index cut into the small files the browser loads on demand, and writing them;
- `strings`: the search box's words in the page's language.

The build neither stems nor searches: the browser does (overrides/assets/javascripts/microsite-search.js).
Its Python twin, which the tests compare it with, is tests/search_reference.py.
"""
