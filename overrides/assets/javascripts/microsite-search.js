/* Site search, one index per language section: <lang>/search-index.js, written at build time by
 * src/microsite/search_index.py. No framework, no request to anyone but this site, works from file:// too.
 *
 * normalise, tokenize, stem and search are the same algorithm as in search_index.py (the tests run
 * both on the whole vocabulary of the built site and compare).
 */
(function (root) {
  "use strict";

  // ASCII only in this file, so that it works whatever encoding the page declares:
  // l with stroke, d with stroke, o with stroke, sharp s, final sigma to sigma, dotless i
  // (as _EXTRA_FOLDS in search_index.py)
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

  // Stems of the index's words, computed once per index.
  function prepare(index) {
    if (index._byStem) return index;
    var byStem = Object.create(null);
    var words = Object.keys(index.terms).sort();
    for (var i = 0; i < words.length; i++) {
      var st = stem(words[i], index.stemmer);
      (byStem[st] = byStem[st] || []).push(words[i]);
    }
    index._byStem = byStem;
    index._words = words;
    return index;
  }

  // Pages containing every query word (any of its forms), best first; as search() in search_index.py.
  function search(index, query, prefix) {
    if (prefix === undefined) prefix = true;
    prepare(index);
    var words = tokenize(query);
    if (!words.length) return [];
    var nSections = Math.max(1, index.sections.length);
    var pageScores = new Map();
    var pageBest = new Map();
    var matched = null;
    var matchedWords = new Set();
    words.forEach(function (qword, i) {
      var variants = new Map();
      (index._byStem[stem(qword, index.stemmer)] || []).forEach(function (w) { variants.set(w, 1.0); });
      if (prefix && i === words.length - 1 && Array.from(qword).length >= 2) {
        index._words.forEach(function (w) {
          if (w.startsWith(qword) && !variants.has(w)) variants.set(w, 0.5);
        });
      }
      var sectionScores = new Map();
      variants.forEach(function (factor, w) {
        matchedWords.add(w);
        var plist = index.terms[w];
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
        var p = index.sections[s][0];
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
    var results = Array.from(matched || []).map(function (p) {
      var s = pageBest.get(p)[1];
      return {
        url: index.pages[p][0], title: index.pages[p][1], anchor: index.sections[s][1],
        heading: index.sections[s][2], text: index.sections[s][3], score: pageScores.get(p),
      };
    });
    results.sort(function (a, b) {
      return b.score - a.score || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
    });
    results.words = matchedWords;
    return results;
  }

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

  function loadIndex(src) {
    if (!loadIndex.promise) {
      loadIndex.promise = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.charset = "utf-8";  // whatever the page's encoding
        script.async = true;
        script.onload = function () { resolve(prepare(root.micrositeSearchIndex)); };
        script.onerror = function () { loadIndex.promise = null; reject(new Error("search index: " + src)); };
        document.head.appendChild(script);
      });
    }
    return loadIndex.promise;
  }

  function setup(form) {
    var lang = form.getAttribute("data-lang") || document.documentElement.lang;
    var src = new URL(form.getAttribute("data-index"), document.baseURI).href;
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
      status.textContent = results.length ? message(strings, lang, results.length) : strings.none;
      results.slice(0, limit).forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = new URL(r.url, src).href + (r.anchor ? "#" + encodeURIComponent(r.anchor) : "");
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

    function run() {
      var ticket = ++pending;
      if (!loadIndex.promise) status.textContent = strings.loading;
      loadIndex(src).then(function (index) {
        if (ticket === pending) show(search(index, input.value));
      }, function () { status.textContent = strings.error; });
    }

    input.addEventListener("focus", function () { loadIndex(src).catch(function () {}); }, { once: true });
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

  root.micrositeSearch = { normalise: normalise, tokenize: tokenize, stem: stem, search: search };
  if (typeof document !== "undefined") {
    var start = function () { document.querySelectorAll("form.microsite-search").forEach(setup); };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})(typeof window !== "undefined" ? window : globalThis);
