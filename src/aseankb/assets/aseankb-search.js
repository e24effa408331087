/* aseankb search, the results: answers Material's header search box
 * (overrides/partials/search.html) and fills the 404 page's suggestions
 * (overrides/404.html) with what part 1 finds (aseankb-search-query.js, window.__kbQuery:
 * the index, the query and the ranking; aseankb-search-phrase.js wraps its search).
 * Results are built with DOM calls: no page text is ever parsed as HTML. */
(function () {
  "use strict";
  var Q = window.__kbQuery;
  var input = document.getElementById("kb-search-input");
  var box = document.getElementById("kb-search-results");
  if (!Q || !input || !box) return;
  var T = Q.config.translations || {};
  var root = Q.root, words = Q.words, MAX = Q.MAX, STOP = Q.STOP;
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  // Above the results, when a word matched nothing and the query ran with a word near it.
  var note = document.createElement("div");
  note.className = "md-search-result__meta kb-search-fix";
  note.setAttribute("role", "status");  // announced, as the count is (overrides/partials/search.html)
  note.hidden = true;
  meta.parentNode.insertBefore(note, list);
  var seq = 0, limit = MAX, focusAt = -1;
  // Over HTTP a page's address is its folder ("partenaires/japon/"), as in the site's own
  // links; from a folder (file://) it must name the file.
  var pretty = location.protocol === "file:" ? function (p) { return p; }
    : function (p) { return p.replace(/(^|\/)index\.html$/, "$1"); };

  /* ---- Rendering, in Material's result markup ---- */
  var KINDS = { partenaires: "Partenaire", domaines: "Domaine", annees: "Année", personnes: "Personnalité",
                reunions: "Réunion", matrice: "Partenaire × domaine" };
  function kindOf(path) {
    var m = /^(\w+)\/(?!index\.html$)[^/]/.exec(path);
    return m && KINDS[m[1]] || "";
  }
  var SHOWN = 180;  // characters of text under a result's title (aseankb.search.TEASER_CHARS)
  var TOKEN = /[\p{L}\p{N}]+/gu;
  // A query word marks the words it begins; one of another name ("=inde"), only itself.
  function hit(w, q) { return q[0] === "=" ? w === q.slice(1) : w.indexOf(q) === 0; }
  function matches(w, ws) { return !!w && ws.some(function (q) { return hit(w, q); }); }
  function passage(text, ws) {
    // What an article's result shows of its text (d[3], its first EXCERPT_CHARS characters):
    // the sentence that holds the most query words, the first of them on a tie, from its
    // start, or from a little before the first stretch of it that holds them all, when that
    // lies too far into it (stretch). The
    // opening when the text has none of the words (the title or a tag matched): it says
    // what the article is about.
    if (text.length <= SHOWN) return text;
    var best = { n: 0, start: 0, occ: [] }, start = 0, seen = {}, occ = [], m;
    var ends = /[.!?…]+["»”’)\]]*\s+/g, end = ends.exec(text);
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) {
      while (end && m.index >= end.index + end[0].length) {
        start = end.index + end[0].length; seen = {}; occ = []; end = ends.exec(text);
      }
      // A word joined to a number ("ASEAN+3") is its term as well as its word.
      var glue = Q.glueAt(text, m.index), ts = [words(m[0])[0]].concat(glue ? [glue[0]] : []);
      if (!ts.some(function (w) { return matches(w, ws); })) continue;
      ws.forEach(function (q) {
        var key = q.replace(/^=/, "");
        if (ts.some(function (w) { return hit(w, q); })) { seen[key] = 1; occ.push([m.index, key]); }
      });
      var n = Object.keys(seen).length;
      if (n > best.n) best = { n: n, start: start, occ: occ.slice() };
    }
    var from = best.n ? best.start : 0, at = stretch(best.occ, best.n);
    if (best.n && (at[0] - from > SHOWN / 2 || at[1] - from > SHOWN - 20)) {
      from = text.lastIndexOf(" ", at[0] - SHOWN / 4) + 1;
    }
    var shown = text.slice(from);
    if (shown.length > SHOWN) shown = shown.slice(0, SHOWN).replace(/\s+\S*$/, "") + " …";
    return (from ? "… " : "") + shown;
  }
  function stretch(occ, need) {
    // [first, last]: the first stretch of the sentence, under 3/4 of what is shown, that holds
    // all its query words. From the sentence's start, "cooperation maritime" showed the
    // first "coopération" and stopped before "la coopération maritime" (fourteenth audit).
    for (var i = 0; i < occ.length; i++) {
      var keys = {}, j = i;
      for (; j < occ.length && occ[j][0] - occ[i][0] < SHOWN * 3 / 4; j++) keys[occ[j][1]] = 1;
      if (Object.keys(keys).length === need) return [occ[i][0], occ[j - 1][0]];
    }
    return occ.length ? [occ[0][0], occ[0][0]] : [0, 0];
  }
  function highlight(p, text, ws, runs) {
    // <mark> around the words that begin with a query word; everything as text nodes. The
    // words of a name of several words (`runs`: "etats unis") only where they stand side by
    // side, stop words aside: not the "Uni" of "Royaume-Uni", nor "Union" (fourteenth audit).
    var parts = text.split(/([\p{L}\p{N}]+)/u), marked = runMarks(parts, runs || []);
    glueMarks(parts, ws, marked);
    var inRuns = [].concat.apply([], runs || []);
    var single = ws.filter(function (q) { return inRuns.indexOf(q) < 0; });
    parts.forEach(function (part, i) {
      if (marked[i] || (i % 2 && matches(words(part)[0], single))) {
        var m = document.createElement("mark"); m.textContent = part; p.appendChild(m);
      } else p.appendChild(document.createTextNode(part));
    });
  }
  function markTitle(el, lang) {
    // An article not in French (d[5]): its title is read in its language. Only its own
    // words when a French name follows them (d[5] = [language, where they end]: search.py,
    // doc_file), as the lists mark them (render/titles.py). Marks are whole words and the
    // cut falls before " — ", so only a text node can straddle it.
    var cut = Array.isArray(lang) ? lang[1] : 0;
    lang = Array.isArray(lang) ? lang[0] : lang;
    if (!cut) { el.lang = lang; return lang; }
    var own = document.createElement("span"), n = 0;
    own.lang = lang;
    while (el.firstChild && n < cut) {
      var node = el.firstChild;
      if (n + node.textContent.length > cut && node.nodeType === Node.TEXT_NODE) node.splitText(cut - n);
      n += node.textContent.length;
      own.appendChild(node);
    }
    el.insertBefore(own, el.firstChild);
    return lang;
  }
  function glueMarks(parts, ws, marked) {
    // A glued query term ("asean+3") marks the word, "+" or "plus" and number that say it:
    // 3 parts ("ASEAN", "+", "3") or 5 ("ASEAN", " ", "plus", " ", "3").
    var glued = ws.filter(function (q) { return q.indexOf("+") > 0; });
    for (var i = 1; glued.length && i < parts.length; i += 2) {
      [3, 5].forEach(function (n) {
        var span = parts.slice(i, i + n).join(""), g = Q.glueAt(span, 0);
        if (g && g[1] === span.length && matches(g[0], glued)) for (var j = i; j < i + n; j++) marked[j] = 1;
      });
    }
  }
  function runMarks(parts, runs) {
    // The indexes in `parts` (words at odd ones) of the runs' words side by side.
    var at = [], marked = {};
    for (var i = 1; i < parts.length; i += 2) {
      var w = words(parts[i])[0];
      if (w && STOP.indexOf(w) < 0) at.push([i, w]);
    }
    runs.forEach(function (run) {
      var r = run.filter(function (q) { return STOP.indexOf(q.replace(/^=/, "")) < 0; });
      for (var k = 0; r.length && k + r.length <= at.length; k++) {
        if (r.every(function (q, j) { return hit(at[k + j][1], q); })) {
          r.forEach(function (_, j) { marked[at[k + j][0]] = 1; });
        }
      }
    });
    return marked;
  }
  function foundCount(n) {
    return n === 0 ? T["search.result.none"] : n === 1 ? T["search.result.one"]
      : (T["search.result.other"] || "#").replace("#", n);
  }
  function phraseCount(found) {
    // A quoted phrase (aseankb-search-phrase.js): the pages checked to hold it; those that
    // hold all its words but were not checked, or not wholly (an excerpt), counted apart.
    var n = found.ids.length, left = found.phrase.unchecked + found.phrase.unsure;
    if (!left) return foundCount(n);
    return (n === 0 ? "Aucun document vérifié ne contient l’expression exacte" : n === 1
      ? "1 document contient l’expression exacte" : n + " documents contiennent l’expression exacte") + "\u00a0; " +
      (left === 1 ? "1 autre contient tous ses mots mais n’a pas été vérifié."
        : left + " autres contiennent tous ses mots mais n’ont pas été vérifiés.");
  }
  function count(found) {
    // The pages holding every word, then those holding k of the n (found.part): both counts.
    if (found.phrase) return phraseCount(found);
    var n = found.ids.length, w = found.whole.length, p = found.part.length;
    if (!p) return foundCount(n);
    var some = " " + found.k + " sur " + found.n + ".";
    if (!w) return "Aucun document ne contient tous ces mots\u00a0; " + (p === 1 ? "1 document en contient" : p +
      " documents en contiennent") + some;
    return (w === 1 ? "1 document contient" : w + " documents contiennent") + " tous ces mots\u00a0; " +
      (p === 1 ? "1 autre en contient" : p + " autres en contiennent") + some;
  }
  function showFixes(query, fixes) {
    // « Résultats pour « cooperation » (aucun document ne contient « cooperaton ») »: the
    // query as typed, each word that matched nothing replaced by the one used.
    note.textContent = "";
    note.hidden = !fixes.length;
    if (!fixes.length) return;
    var typed = [];
    var used = query.replace(/[\p{L}\p{M}\p{N}]+/gu, function (token) {
      var w = words(token), fix = w.length === 1 && fixes.filter(function (f) { return f[0] === w[0]; })[0];
      if (!fix) return token;
      if (typed.indexOf(token) < 0) typed.push(token);
      return fix[1];
    });
    if (!typed.length) typed = fixes.map(function (f) { return f[0]; });
    var strong = document.createElement("strong");
    strong.textContent = used;
    note.append("Résultats pour «\u00a0", strong, "\u00a0» (aucun document ne contient «\u00a0" + typed.join("\u00a0» ni «\u00a0") + "\u00a0»)");
  }
  function render(found, query) {
    var ids = found.ids, n = ids.length;
    list.textContent = "";
    meta.textContent = count(found);
    showFixes(query, found.fixes);
    ids.slice(0, limit).forEach(function (id) {
      var d = Q.doc(id), ws = found.marks(id), runs = found.runs ? found.runs(id) : [];
      if (!d) return;
      var li = document.createElement("li"), a = document.createElement("a");
      var art = document.createElement("article"), h = document.createElement("h1");
      var p = document.createElement("p"), icon = document.createElement("div");
      li.className = "md-search-result__item";
      a.className = "md-search-result__link";
      a.href = new URL(pretty(d[1]), root).href;
      art.className = "md-search-result__article md-typeset";
      icon.className = "md-search-result__icon md-icon";
      highlight(h, d[2], ws, runs);  // the title too, as Material marks it
      highlight(p, passage(d[3], ws), ws, runs);
      if (d[5]) p.lang = markTitle(h, d[5]);  // its text too
      art.append(icon, h);
      // An article's date (d[4]), else what kind of page it is: results of the same title
      // could not be told apart.
      var label = d[4] || kindOf(d[1]);
      if (label) {
        var when = document.createElement("p");
        when.className = "kb-search-label";
        when.textContent = label;
        art.appendChild(when);
      }
      art.appendChild(p);
      a.appendChild(art);
      li.appendChild(a);
      list.appendChild(li);
    });
    // A quoted phrase's candidates left unchecked: more results may be found by checking them.
    if (n > limit || (found.phrase && found.phrase.unchecked)) {
      var more = document.createElement("li"), button = document.createElement("button");
      more.className = "md-search-result__item kb-search-more";
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Afficher plus de résultats";
      button.addEventListener("click", function () { focusAt = limit; limit += MAX; run(true); });
      more.appendChild(button);
      list.appendChild(more);
    }
    // The button that asked for more is gone with the old list: the keyboard goes on from
    // the first new result, not from the top of the page.
    if (focusAt >= 0) {
      var links = list.querySelectorAll("a.md-search-result__link");
      (links[focusAt] || links[links.length - 1] || input).focus();
      focusAt = -1;
    }
  }
  function run(keepLimit) {
    var query = input.value.trim(), mine = ++seq;
    if (keepLimit !== true) { limit = MAX; focusAt = -1; }
    if (!Q.terms(query).length) {
      list.textContent = "";
      note.hidden = true;
      meta.textContent = T["search.result.placeholder"] || "";
      return;
    }
    Q.search(query, true, limit).then(function (found) {
      return Promise.all(found.ids.slice(0, limit).map(Q.loadDoc)).then(function () {
        if (mine === seq) render(found, query);
      });
    }, function (err) {
      if (mine === seq) { meta.textContent = T["search.result.none"]; list.textContent = ""; note.hidden = true; }
      if (window.console) console.warn("aseankb search:", err);
    });
  }

  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  // Enter opens the first result only when the reader sees the results: not in the closed
  // box, nor when Enter on the phone's search button has just opened the dialog (the same
  // key then submits the form from the box it focused), which opened a page never seen.
  var toggle = document.getElementById("__search");
  var seen = false;
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") seen = !toggle || toggle.checked; });
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (!seen) { if (toggle) toggle.checked = true; }
    else if (first) location.href = first.href;
    seen = false;
  });
  input.form.addEventListener("reset", function () { setTimeout(run, 0); });
  /* ---- The 404 page (overrides/404.html): the pages a missing address may have meant ---- */
  // Folder names of the site (as words() stems them), which say nothing of the page sought.
  var FOLDERS = ["article", "partenaire", "domaine", "annee", "matrice", "personne", "source", "feed", "index",
    "html", "md"];
  function addressWords(parts) {
    return words(parts.join(" ")).filter(function (w) { return Q.STOP.indexOf(w) < 0 && FOLDERS.indexOf(w) < 0; });
  }
  function suggest(hint) {
    var path = location.pathname;
    if (path.indexOf(root.pathname) === 0) path = path.slice(root.pathname.length);
    try { path = decodeURIComponent(path); } catch (e) { /* a malformed escape: its words as they are */ }
    var parts = path.split("/").filter(Boolean);
    // The whole address first (a mistyped or cut article address: that article, or those
    // like it), then its folders alone ("articles/2025/", "matrice/japon/": the year's or
    // the partner's page). Words no page holds (a slug's id suffix) are left out.
    var tries = [addressWords(parts), addressWords(parts.slice(0, -1))];
    function attempt(i) {
      if (i >= tries.length || !tries[i].length) return;
      Q.known(tries[i]).then(function (known) {
        return known.length ? Q.search(known.join(" "), false) : { ids: [] };
      }).then(function (found) {
        var ids = found.ids.slice(0, 5);
        if (!ids.length) return attempt(i + 1);
        return Promise.all(ids.map(Q.loadDoc)).then(function () { showHint(hint, ids); });
      });
    }
    attempt(0);
  }
  function showHint(hint, ids) {
    var ul = hint.querySelector("ul");
    ids.forEach(function (id) {
      var d = Q.doc(id), li = document.createElement("li"), a = document.createElement("a");
      if (!d) return;
      a.href = new URL(pretty(d[1]), root).href;
      a.textContent = d[2];
      if (d[5]) markTitle(a, d[5]);
      li.appendChild(a);
      var label = d[4] || kindOf(d[1]);
      if (label) li.appendChild(document.createTextNode(" — " + label));
      ul.appendChild(li);
    });
    hint.hidden = false;
  }
  var hint = document.getElementById("kb-suggest");
  if (hint) suggest(hint);
})();
