/* aseankb: the Explorer page (render/explorer.py). Filters the articles by partner,
 * domain and years together; the selection lives in the URL hash
 * (#partenaire=japon&domaine=cybersecurite&de=2019&a=2025), so a filtered view can be
 * shared as a link. Data files are loaded with <script> tags, which also work on file://.
 * Titles are shown with textContent: no data is ever parsed as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("kb-explorer");
  var out = document.getElementById("kb-explorer-results");
  if (!form || !out) return;
  var count = document.getElementById("kb-explorer-count");
  if (!count) { count = document.createElement("p"); count.className = "kb-explorer-count"; out.before(count); }
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  // The offline variant has page.html URLs (use_directory_urls: false).
  var dirUrls = !/\.html$/.test(location.pathname);
  var PAGE = 100;
  var facets = null, years = {}, waiting = {}, shown = PAGE;
  // What the address asked for that no menu offers (readHash), said before the count.
  var notice = "", NB = "\u00a0";
  var FILTERS = ["partenaire", "domaine", "de", "a"];  // the menus, as the address names them
  var UNKNOWN = { partenaire: "Partenaire inconnu", domaine: "Domaine inconnu",
                  de: "Année «" + NB + "De" + NB + "» inconnue", a: "Année «" + NB + "À" + NB + "» inconnue" };

  window.__kbExplorer = {
    facets: function (data) { facets = data; start(); },
    year: function (payload) {
      years[payload[0]] = payload[1];
      (waiting[payload[0]] || []).forEach(function (f) { f(); });
      delete waiting[payload[0]];
    }
  };
  function script(name) {
    var s = document.createElement("script");
    s.src = new URL("assets/explorer/" + name + ".js", root).href;
    document.head.appendChild(s);
  }
  function loadYear(key) {
    if (years[key]) return Promise.resolve();
    return new Promise(function (resolve) {
      if (!waiting[key]) { waiting[key] = []; script("y-" + key); }
      waiting[key].push(resolve);
    });
  }

  function option(select, value, label) {
    var o = document.createElement("option");
    o.value = value; o.textContent = label; select.appendChild(o);
  }
  function start() {
    facets.partners.forEach(function (p) { option(form.partenaire, p[0], p[1]); });
    facets.domains.forEach(function (d) { option(form.domaine, d[0], d[1]); });
    var dated = facets.years.filter(function (y) { return /^\d+$/.test(y[0]); }).map(function (y) { return y[0]; });
    dated.slice().reverse().forEach(function (y) { option(form.de, y, y); });
    dated.forEach(function (y) { option(form.a, y, y); });
    form.hidden = false;
    readHash();
    form.addEventListener("change", function () { shown = PAGE; notice = ""; writeHash(); update(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { shown = PAGE; notice = ""; writeHash(); update(); }, 0);
    });
    window.addEventListener("hashchange", function () { readHash(); });
  }
  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1)), unknown = [];
    FILTERS.forEach(function (name) {
      var v = params.get(name) || "";
      var ok = Array.prototype.some.call(form[name].options, function (o) { return o.value === v; });
      form[name].value = ok ? v : "";
      // A mistyped or cut address (#partenaire=xxx) showed every article with "Tous"
      // selected, as if that were what it asked for (user audit): say what was ignored.
      var said = v.length > 40 ? v.slice(0, 40) + "…" : v;
      var what = unknown.length ? UNKNOWN[name][0].toLowerCase() + UNKNOWN[name].slice(1) : UNKNOWN[name];
      if (v && !ok) unknown.push(what + " dans l'adresse" + NB + ": «" + NB + said + NB + "»");
    });
    var any = FILTERS.some(function (name) { return form[name].value; });
    notice = !unknown.length ? "" : unknown.join(NB + "; ") + NB + "; " +
      (any ? (unknown.length > 1 ? "ces filtres sont ignorés. " : "ce filtre est ignoré. ") : "tous les articles sont affichés. ");
    shown = PAGE;
    update();
  }
  function writeHash() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      if (form[name].value) params.set(name, form[name].value);
    });
    var hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function matches() {
    var p = facets.partners.findIndex(function (x) { return x[0] === form.partenaire.value; });
    var d = facets.domains.findIndex(function (x) { return x[0] === form.domaine.value; });
    var from = form.de.value ? +form.de.value : null, to = form.a.value ? +form.a.value : null;
    var found = [], offsets = {};
    facets.articles.forEach(function (row) {
      var key = facets.years[row[0]][0];
      var pos = offsets[key] = (offsets[key] === undefined ? 0 : offsets[key] + 1);
      var year = /^\d+$/.test(key) ? +key : null;
      if (p >= 0 && row[1].indexOf(p) < 0) return;
      if (d >= 0 && row[2].indexOf(d) < 0) return;
      // An article about several partners: the domain must be one it reports on with this
      // partner (row[3], render/explorer.py), as the matrix counts it.
      if (p >= 0 && d >= 0 && row[3] && row[3].some(function (pair) { return pair[0] === p && pair[1].indexOf(d) < 0; })) return;
      if ((from !== null || to !== null) && year === null) return;
      if (from !== null && year < from) return;
      if (to !== null && year > to) return;
      found.push([key, pos]);
    });
    return found;
  }
  function update() {
    var found = matches(), page = found.slice(0, shown);
    var need = page.map(function (f) { return f[0]; }).filter(function (k, i, all) { return all.indexOf(k) === i; });
    Promise.all(need.map(loadYear)).then(function () { show(found, page); });
  }
  // Only the count is announced (role=status): the list itself is not read out again
  // each time a menu changes.
  function countText(n) {
    var from = form.de.value ? +form.de.value : null, to = form.a.value ? +form.a.value : null;
    if (from !== null && to !== null && from > to) return "Aucun article\u00a0: l'année «\u00a0De\u00a0» (" + from
      + ") est après l'année «\u00a0À\u00a0» (" + to + ").";
    var text = n === 0 ? "Aucun article ne correspond à cette sélection." : n === 1 ? "1 article." : n + " articles.";
    // A year filter cannot keep the articles whose year is unknown: say so.
    return (from !== null || to !== null) && facets.years.some(function (y) { return !/^\d+$/.test(y[0]); })
      ? text.replace(/\.$/, "") + " (les articles sans date sont exclus par le filtre d'années)." : text;
  }
  // One article as every other list shows it (render/titles.py, dates.language_note):
  // a = [slug, title, date, lang?, French name after the title's own words?]. Not in
  // French, its title carries its language for screen readers, its own words only when
  // a French name follows them, and the note "(en anglais)" follows the link. Seed text
  // only ever goes into text nodes, the language code into an attribute.
  function item(key, a) {
    var li = document.createElement("li"), link = document.createElement("a");
    link.href = new URL("articles/" + key + "/" + a[0] + (dirUrls ? "/" : ".html"), root).href;
    if (a[4]) {
      var own = document.createElement("span");
      own.setAttribute("lang", a[3]);
      own.textContent = a[1];
      link.append(own, a[4]);
    } else {
      link.textContent = a[1];
      if (a[3]) link.setAttribute("lang", a[3]);
    }
    li.append(a[2] + " — ", link);
    var notes = facets.languages || {};
    if (a[3] && Object.prototype.hasOwnProperty.call(notes, a[3])) {
      var note = document.createElement("em");
      note.textContent = "(" + notes[a[3]] + ")";
      li.append(" ", note);
    }
    return li;
  }
  function show(found, page) {
    var focus = out.contains(document.activeElement) ? out.querySelectorAll("li").length : -1;
    out.textContent = "";
    count.textContent = notice + countText(found.length);  // text: the address is anyone's
    var ul = document.createElement("ul");
    page.forEach(function (f) { ul.appendChild(item(f[0], years[f[0]][f[1]])); });
    if (page.length) out.appendChild(ul);
    if (found.length > page.length) {
      var more = document.createElement("button");
      more.type = "button";
      more.className = "md-button";
      more.textContent = "Afficher " + Math.min(PAGE, found.length - page.length) + " de plus";
      more.addEventListener("click", function () { shown += PAGE; update(); });
      out.appendChild(more);
    }
    // "Show more" is replaced by the longer list: the keyboard goes on from the first new
    // article, not from the top of the page.
    if (focus >= 0) {
      var links = out.querySelectorAll("li a");
      (links[focus] || out.querySelector("button") || form.partenaire).focus();
    }
  }
  script("facets");
})();
