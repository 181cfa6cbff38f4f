/* Site search, one index per language section: the folder <lang>/search-index/, written at build time
 * by src/microsite/search/shards.py and loaded a few small files at a time: the manifest when the box
 * is first focused, then the term shards a query's words need and the document shards of the results
 * shown, each once. No framework, no request to anyone but this site, works from file:// too.
 *
 * normalise, tokenize, stem and search are the same algorithm as in src/microsite/search/ (text.py,
 * reference.py); tests/test_search_parity.py runs both on the whole vocabulary and compares.
 * The site serves a minified copy (src/microsite/search/minify.py); this file is the source.
 */
(function (root) {
  "use strict";

  // ASCII only in this file, so that it works whatever encoding the page declares:
  // l with stroke, d with stroke, o with stroke, sharp s, final sigma to sigma, dotless i
  // (as _EXTRA_FOLDS in search/text.py)
  var EXTRA_FOLDS = { "\u0142": "l", "\u0111": "d", "\u00f8": "o", "\u00df": "ss", "\u03c2": "\u03c3", "\u0131": "i" };
  var EXTRA = /[\u0142\u0111\u00f8\u00df\u03c2\u0131]/g;
  var MARK = /^\p{M}$/u;
  var CYRILLIC = /^\p{Script=Cyrillic}$/u;
  var WORD = /[\p{L}\p{N}]+/gu;
  var ORIGINAL_WORD = /[\p{L}\p{M}\p{N}]+/gu;

  function normalise(text) {
    var chars = Array.from(String(text).toLowerCase().normalize("NFKD"));
    var out = [];
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      if (MARK.test(ch)) {
        var keep = ch === "\u0306" && i > 0 && CYRILLIC.test(chars[i - 1]);
        if (!keep) continue;
      }
      out.push(ch);
    }
    return out.join("").normalize("NFC").replace(EXTRA, function (c) { return EXTRA_FOLDS[c]; });
  }

  function tokenize(text) {
    return normalise(text).match(WORD) || [];
  }

  function stem(word, rules) {
    var suffixes = rules.suffixes;
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i];
      if (word.length - s.length >= rules.min_stem && word.slice(-s.length) === s) {
        return word.slice(0, word.length - s.length);
      }
    }
    return word;
  }

  // --- the index files (written by src/microsite/search/shards.py) ------------------------------

  // Base-32 digits, most significant first; the upper half of the alphabet means "more digits
  // follow" (as encode_numbers in shards.py).
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = Object.create(null);
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS[d]] = d;

  function decode(text) {
    var out = [];
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text[i]];
      if (digit >= 32) n = n * 32 + digit - 32;
      else { out.push(n * 32 + digit); n = 0; }
    }
    return out;
  }

  // Code-point order, as Python sorts the words (JavaScript's < compares UTF-16 units).
  function before(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) < y[i].codePointAt(0);
    }
    return x.length < y.length;
  }

  // The last i with starts[i] <= x (starts ascending, starts[0] <= x).
  function lastAtMost(starts, x, less) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (less(x, starts[mid])) hi = mid - 1; else lo = mid;
    }
    return lo;
  }

  // The term shard that holds `word` (keys[i] <= word < keys[i + 1]).
  function shardOf(keys, word) { return lastAtMost(keys, word, before); }

  // The term shards that hold the words starting with `prefix`.
  function shardsWithPrefix(keys, prefix) {
    var out = [shardOf(keys, prefix)];
    for (var i = out[0] + 1; i < keys.length && keys[i].startsWith(prefix); i++) out.push(i);
    return out;
  }

  // One language's index: `load(name)` returns a promise of a shard's data ("manifest", "t3", "d12");
  // each shard is loaded once and kept.
  function Index(load) {
    this.load = load;
    this.cache = Object.create(null);
  }

  Index.prototype.shard = function (name) {
    var cache = this.cache;
    if (!cache[name]) {
      cache[name] = this.load(name).catch(function (error) { delete cache[name]; throw error; });
    }
    return cache[name];
  };

  Index.prototype.manifest = function () {
    return this.shard("manifest").then(function (m) {
      if (!m.sectionPage) {
        var counts = decode(m.pages);
        m.sectionPage = new Int32Array(m.sections);
        for (var p = 0, s = 0; p < counts.length; p++) {
          for (var k = 0; k < counts[p]; k++) m.sectionPage[s++] = p;
        }
        m.docStart = [0];
        decode(m.docs).forEach(function (n, i) { m.docStart.push(m.docStart[i] + n); });
      }
      return m;
    });
  };

  function postings(shard, word) {
    var cached = shard[" " + word];  // decoded once; a space cannot start a word
    if (!cached) {
      // twice the gap since the previous section, plus one when a weight other than 1 follows
      var numbers = decode(shard[word]);
      cached = [];
      for (var j = 0, section = 0; j < numbers.length; j++) {
        section += Math.floor(numbers[j] / 2);
        cached.push(section, numbers[j] % 2 ? numbers[++j] : 1);
      }
      shard[" " + word] = cached;
    }
    return cached;
  }

  // Pages containing every query word (any of its forms), best first, as search() in
  // src/microsite/search/reference.py: [{page, section, score}], with `words` the index words matched.
  Index.prototype.search = function (query, prefix) {
    if (prefix === undefined) prefix = true;
    var self = this;
    var words = tokenize(query);
    if (!words.length) return Promise.resolve(Object.assign([], { words: new Set() }));
    return this.manifest().then(function (m) {
      // The words an index word must start with: its stem's (a stem is a start of the word), or
      // for a stem too short to have been cut, the word itself only.
      var plans = words.map(function (qword, i) {
        var st = stem(qword, m.stemmer);
        var byPrefix = prefix && i === words.length - 1 && Array.from(qword).length >= 2;
        var shards = st.length >= m.stemmer.min_stem ? shardsWithPrefix(m.terms, st) : [shardOf(m.terms, st)];
        if (byPrefix) shards = shards.concat(shardsWithPrefix(m.terms, qword));
        return { qword: qword, stem: st, byPrefix: byPrefix, shards: Array.from(new Set(shards)) };
      });
      return Promise.all(plans.map(function (plan) {
        return Promise.all(plan.shards.map(function (i) { return self.shard("t" + i); }));
      })).then(function (loaded) { return rank(m, plans, loaded); });
    });
  };

  function rank(m, plans, loaded) {
    var nSections = Math.max(1, m.sections);
    var pageScores = new Map();
    var pageBest = new Map();
    var matched = null;
    var matchedWords = new Set();
    plans.forEach(function (plan, i) {
      var home = Object.create(null);  // word -> its shard
      loaded[i].forEach(function (shard) {
        Object.keys(shard).forEach(function (w) { if (w[0] !== " ") home[w] = shard; });
      });
      var candidates = Object.keys(home).sort();
      var variants = new Map();
      candidates.forEach(function (w) { if (stem(w, m.stemmer) === plan.stem) variants.set(w, 1.0); });
      if (plan.byPrefix) {
        candidates.forEach(function (w) {
          if (w.startsWith(plan.qword) && !variants.has(w)) variants.set(w, 0.5);
        });
      }
      var sectionScores = new Map();
      variants.forEach(function (factor, w) {
        matchedWords.add(w);
        var plist = postings(home[w], w);
        var n = Math.floor(plist.length / 2);
        var idf = 1.0 + (nSections / n > 0 ? Math.log(nSections / n) : 0);
        for (var j = 0; j < plist.length; j += 2) {
          var score = factor * idf * plist[j + 1];
          var s = plist[j];
          if (!sectionScores.has(s) || sectionScores.get(s) < score) sectionScores.set(s, score);
        }
      });
      var pagesHere = new Map();
      sectionScores.forEach(function (score, s) {
        var p = m.sectionPage[s];
        if (!pagesHere.has(p) || pagesHere.get(p) < score) pagesHere.set(p, score);
        var best = pageBest.get(p);
        if (score > (best ? best[0] : 0.0)) pageBest.set(p, [score, s]);
      });
      pagesHere.forEach(function (score, p) { pageScores.set(p, (pageScores.get(p) || 0.0) + score); });
      if (matched === null) {
        matched = new Set(pagesHere.keys());
      } else {
        matched = new Set(Array.from(matched).filter(function (p) { return pagesHere.has(p); }));
      }
    });
    // pages are numbered in the order of their URLs, so the page number breaks ties as the URL does
    var results = Array.from(matched || []).map(function (p) {
      return { page: p, section: pageBest.get(p)[1], score: pageScores.get(p) };
    });
    results.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    results.words = matchedWords;
    return results;
  }

  // Fills in url, title, anchor, heading and text of these results, from their document shards.
  Index.prototype.describe = function (results) {
    var self = this;
    return this.manifest().then(function (m) {
      return Promise.all(results.map(function (r) {
        var i = lastAtMost(m.docStart, r.section, function (a, b) { return a < b; });
        return self.shard("d" + i).then(function (doc) {
          var page = doc.pages[r.page];
          var row = doc.sections[r.section - m.docStart[i]];
          r.url = page[0]; r.title = page[1]; r.anchor = row[0]; r.heading = row[1]; r.text = row[2];
          return r;
        });
      }));
    });
  };

  // --- the user interface --------------------------------------------------------------------------

  function message(strings, lang, count) {
    var category = new Intl.PluralRules(lang).select(count);
    var template = strings.results[category] || strings.results.other;
    return template.replace("{count}", new Intl.NumberFormat(lang).format(count));
  }

  // A short piece of the section's text around the first matched word, matched words in <mark>.
  function snippet(text, words, length) {
    var fragment = document.createDocumentFragment();
    var hits = [];
    var m;
    ORIGINAL_WORD.lastIndex = 0;
    while ((m = ORIGINAL_WORD.exec(text)) !== null) {
      var norm = tokenize(m[0]);
      if (norm.some(function (w) { return words.has(w); })) hits.push([m.index, m.index + m[0].length]);
    }
    var start = hits.length ? Math.max(0, hits[0][0] - Math.floor(length / 3)) : 0;
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < hits[0][0] ? space + 1 : start;
    }
    var end = Math.min(text.length, start + length);
    var pos = start;
    if (start > 0) fragment.append("\u2026 ");
    hits.forEach(function (h) {
      if (h[0] < pos || h[1] > end) return;
      fragment.append(text.slice(pos, h[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(h[0], h[1]);
      fragment.append(mark);
      pos = h[1];
    });
    fragment.append(text.slice(pos, end));
    if (end < text.length) fragment.append(" \u2026");
    return fragment;
  }

  // Index files are scripts that call micrositeSearch.shard(lang, name, data): a <script> loads from
  // a plain folder (file://) too, where fetch() cannot.
  var arrived = Object.create(null);

  function shardArrived(lang, name, data) { arrived[lang + "/" + name] = data; }

  function scriptLoader(base, lang) {
    return function (name) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(name + ".js", base).href;
        script.charset = "utf-8";  // whatever the page's encoding
        script.async = true;
        script.onload = function () {
          var key = lang + "/" + name;
          var data = arrived[key];
          delete arrived[key];
          script.remove();
          if (data) resolve(data); else reject(new Error("search index: " + script.src));
        };
        script.onerror = function () { script.remove(); reject(new Error("search index: " + script.src)); };
        document.head.appendChild(script);
      });
    };
  }

  function setup(form) {
    var lang = form.getAttribute("data-lang") || document.documentElement.lang;
    var base = new URL(form.getAttribute("data-index"), document.baseURI).href;  // .../pl/search-index/
    var index = new Index(scriptLoader(base, lang));
    var strings = JSON.parse(form.querySelector(".microsite-search__strings").textContent);
    var input = form.querySelector("input");
    var status = form.querySelector(".microsite-search__status");
    var list = form.querySelector(".microsite-search__results");
    var limit = Number(form.getAttribute("data-limit") || 10);
    var pending = 0;

    function show(results) {
      list.replaceChildren();
      var query = input.value.trim();
      if (!query) { status.textContent = ""; form.classList.remove("microsite-search--open"); return; }
      form.classList.add("microsite-search--open");
      var total = results.total === undefined ? results.length : results.total;
      status.textContent = total ? message(strings, lang, total) : strings.none;
      results.forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = new URL("../" + r.url, base).href + (r.anchor ? "#" + encodeURIComponent(r.anchor) : "");
        var title = document.createElement("span");
        title.className = "microsite-search__title";
        title.textContent = r.title;
        a.append(title);
        if (r.heading && r.heading !== r.title) {
          var heading = document.createElement("span");
          heading.className = "microsite-search__heading";
          heading.textContent = r.heading;
          a.append(heading);
        }
        var text = document.createElement("span");
        text.className = "microsite-search__snippet";
        text.append(snippet(r.text, results.words, 160));
        a.append(text);
        li.append(a);
        list.append(li);
      });
    }

    // Each keystroke asks again; only the answer to the latest question is shown.
    function run() {
      var ticket = ++pending;
      var query = input.value;
      if (!query.trim()) { show([]); return; }
      status.textContent = strings.loading;
      index.search(query).then(function (results) {
        if (ticket !== pending) return;
        return index.describe(results.slice(0, limit)).then(function (shown) {
          if (ticket !== pending) return;
          shown.words = results.words;
          shown.total = results.length;
          show(shown);
        });
      }).catch(function () { if (ticket === pending) status.textContent = strings.error; });
    }

    // the manifest (a few kB) as soon as the reader shows interest; the rest query by query
    input.addEventListener("focus", function () { index.manifest().catch(function () {}); }, { once: true });
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; show([]); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) root.location.href = first.href;
    });
    form.hidden = false;
    if (input.value) run();
  }

  root.micrositeSearch = {
    normalise: normalise, tokenize: tokenize, stem: stem, decode: decode, Index: Index, shard: shardArrived,
  };
  if (typeof document !== "undefined") {
    var start = function () { document.querySelectorAll("form.microsite-search").forEach(setup); };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})(typeof window !== "undefined" ? window : globalThis);
