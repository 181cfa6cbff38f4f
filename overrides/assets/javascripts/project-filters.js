/* The project list's filters and sort (templates/projects_index.md.j2), in place, in the page.
 * Without this script the form stays hidden and the whole list is shown. The count of shown
 * projects is announced (role=status) in the page's language, its plural picked by CLDR rules
 * (Intl.PluralRules) from strings the catalogs give. The choice is kept in the address
 * (?status=ongoing&sort=budget-desc) so that a filtered list can be shared. */
(function () {
  "use strict";
  var form = document.querySelector("[data-project-filters]");
  var list = document.querySelector("[data-project-list]");
  var count = document.querySelector(".project-count");
  if (!form || !list || !count) return;

  var cards = Array.prototype.slice.call(list.querySelectorAll(".project-card"));
  var filters = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
  var sort = form.querySelector("[data-sort]");
  var strings = JSON.parse(count.getAttribute("data-count-strings") || "{}");
  var lang = document.documentElement.lang || "en";
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  function countText(n) {
    var category = plural ? plural.select(n) : "other";
    var text = strings[category] || strings.other || String(n);
    return text.replace("{count}", n.toLocaleString(lang));
  }

  function matches(card) {
    return filters.every(function (select) {
      if (!select.value) return true;
      var values = (card.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
      return values.indexOf(select.value) !== -1;
    });
  }

  // Projects without the sorted value (no start date, no budget) go last, in the list's order.
  function compare(key, direction) {
    return function (a, b) {
      var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
      if (x && y && x !== y) {
        var less = key === "start" ? x < y : Number(x) < Number(y); // ISO dates compare as text
        return (less ? -1 : 1) * direction;
      }
      if (x && !y) return -1;
      if (y && !x) return 1;
      return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    };
  }

  function order() {
    var choice = sort.value;
    if (choice === "start-desc") return compare("start", -1);
    if (choice === "start-asc") return compare("start", 1);
    if (choice === "budget-desc") return compare("budget", -1);
    return compare("order", 1);
  }

  function remember() {
    if (!window.history || !history.replaceState) return;
    var query = [];
    filters.concat([sort]).forEach(function (select) {
      if (select.value) query.push(encodeURIComponent(select.id) + "=" + encodeURIComponent(select.value));
    });
    history.replaceState(null, "", location.pathname + (query.length ? "?" + query.join("&") : "") + location.hash);
  }

  function update(announce) {
    var shown = 0;
    cards.slice().sort(order()).forEach(function (card) {
      var visible = matches(card);
      card.hidden = !visible;
      if (visible) shown += 1;
      list.appendChild(card);
    });
    if (announce) {
      count.textContent = countText(shown);
      remember();
    }
  }

  // a shared address: ?filter-status=ongoing&project-sort=budget-desc
  var restored = false;
  location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
    var parts = pair.split("=");
    var select = parts[0] && document.getElementById(decodeURIComponent(parts[0]));
    if (select && form.contains(select)) {
      var value = decodeURIComponent(parts[1] || "");
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
      if (known) {
        select.value = value;
        restored = true;
      }
    }
  });

  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { update(true); }, 0); // after the browser has reset the fields
  });
  form.hidden = false;
  if (restored) update(true);
})();
