"""The site search: a per-language index written at build time, searched in the browser.

- `built_pages`: the searchable parts of a built page (language, title, text split at headings);
- `text`: folding, words and the stemmer rules, the same as microsite-search.js;
- `index`: the whole index of one language, as data;
- `shards`: that index cut into the small files the browser loads on demand, and writing them;
- `strings`: the search box's words in the page's language;
- `reference`: the search itself in Python, for the tests and benchmarks only (the build does not
  search; the browser does, in overrides/assets/javascripts/microsite-search.js).
"""
