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
  var GAP = " … ";  // between the fragments of one passage, as web search engines join theirs
  // A query word marks the words it begins; one of another name ("=inde"), only itself.
  function hit(w, q) { return q[0] === "=" ? w === q.slice(1) : w.indexOf(q) === 0; }
  // The query word that marks w, or "".
  function markedBy(w, ws) { return (!!w && ws.filter(function (q) { return hit(w, q); })[0]) || ""; }
  function passage(text, ws, runs, keyOf) {
    // What an article's result shows of its text (d[3], its first EXCERPT_CHARS characters):
    // every query word it holds, marked, for the reader to see why it matched. One stretch
    // when one holds them all: the first of the sentence holding the most of them (the first
    // of those on a tie), else of the text (around). Else two or three fragments, each
    // around words the others lack (fragments): the first stretch alone showed "… la
    // coopération dans des domaines prioritaires tels que …" for "cooperation maritime", and
    // not the "sécurité maritime" further on in its sentence (audit). The opening when the
    // text has none of the words (the title or a tag matched): it says what it is about.
    if (text.length <= SHOWN) return text;
    var occ = occurrences(text, ws, runs, keyOf || function (q) { return q.replace(/^=/, ""); });
    var need = keysOf(occ).length;
    if (!need) return join(text, [[0, SHOWN, 0]]);
    var best = bestSentence(occ), inBest = occ.filter(function (o) { return o.s === best; });
    var at = (keysOf(inBest).length === need && stretch(inBest, need)) || stretch(occ, need);
    return at ? around(text, at) : fragments(text, occ, need, best);
  }
  function occurrences(text, ws, runs, keyOf) {
    // Where the words highlight() marks stand: {at, end, key: what they say (keyOf: a thing
    // the query names, by any of its names), s: where their sentence starts}.
    var m = marksOf(text, ws, runs), out = [], pos = 0, start = 0;
    var ends = /[.!?…]+["»”’)\]]*\s+/g, end = ends.exec(text);
    m.parts.forEach(function (part, i) {
      while (end && pos >= end.index + end[0].length) {
        start = end.index + end[0].length; end = ends.exec(text);
      }
      if (m.marked[i]) out.push({ at: pos, end: pos + part.length, key: keyOf(m.marked[i]), s: start });
      pos += part.length;
    });
    return out;
  }
  function keysOf(occ) {
    var keys = {};
    occ.forEach(function (o) { keys[o.key] = 1; });
    return Object.keys(keys);
  }
  function bestSentence(occ) {
    // Where the sentence holding the most query words starts; the first of them on a tie.
    var keys = {}, best = 0, most = 0;
    occ.forEach(function (o) {
      (keys[o.s] = keys[o.s] || {})[o.key] = 1;
      var n = Object.keys(keys[o.s]).length;
      if (n > most) { most = n; best = o.s; }
    });
    return best;
  }
  function stretch(occ, need) {
    // [first, last]: the first stretch of these places, under 3/4 of what is shown, that holds
    // `need` query words, up to the place that completes them; null when none does. All of
    // a sentence's places: its places up to where it first held the most words missed the
    // "sécurité maritime, la coopération" after them (audit).
    for (var i = 0; i < occ.length; i++) {
      var keys = {}, n = 0;
      for (var j = i; j < occ.length && occ[j].at - occ[i].at < SHOWN * 3 / 4; j++) {
        if (!keys[occ[j].key]) { keys[occ[j].key] = 1; n++; }
        if (n === need) return [occ[i], occ[j]];
      }
    }
    return null;
  }
  function around(text, at) {
    // One stretch, from its sentence's start, or from a little before it when it lies too
    // far into it: from the sentence's start, "cooperation maritime" showed the first
    // "coopération" and stopped before "la coopération maritime" (fourteenth audit). Its
    // last word whole: a quarter of what is shown before the first, then the 3/4 of the
    // stretch, cut "la sécurité" from its "maritime".
    var from = at[0].s;
    if (at[0].at - from > SHOWN / 2 || at[1].end - from > SHOWN - 10) {
      from = text.lastIndexOf(" ", Math.max(at[0].at - SHOWN / 4, at[1].end - SHOWN + 10)) + 1;
    }
    return join(text, [[from, from + SHOWN, at[1].end]]);
  }
  function fragments(text, occ, need, best) {
    // Two fragments, or three when they show more query words, in text order.
    var two = cover(occ, best, 2), three = two.n < need ? cover(occ, best, 3) : two;
    var picks = (three.n > two.n ? three : two).picks.sort(function (a, b) { return a.at - b.at; });
    return join(text, layout(text, picks));
  }
  function roomOf(k) { return Math.floor((SHOWN - GAP.length * (k - 1)) / k); }
  function cover(occ, best, k) {
    // {picks, n}: up to k stretches short enough for k fragments (30 characters of each left
    // to what surrounds its words), each the one adding the most query words not yet
    // picked, then one in the best sentence, then the first; n, the words they hold.
    var span = roomOf(k) - 30, got = {}, picks = [];
    while (picks.length < k) {
      var pick = null;
      occ.forEach(function (o, i) {
        if (got[o.key]) return;
        var fresh = {}, n = 0, end = o.end;
        for (var j = i; j < occ.length && occ[j].end - o.at <= span; j++) {
          var key = occ[j].key;
          if (got[key]) continue;
          if (!fresh[key]) { fresh[key] = 1; n++; }
          end = Math.max(end, occ[j].end);  // all of "ASEAN plus 3", marked in three
        }
        var score = 2 * n + (o.s === best ? 1 : 0);
        if (n && (!pick || score > pick.score)) pick = { score: score, at: o.at, end: end, s: o.s, keys: fresh };
      });
      if (!pick) break;
      Object.assign(got, pick.keys);
      picks.push(pick);
    }
    return { picks: picks, n: Object.keys(got).length };
  }
  function layout(text, picks) {
    // [from, to, end of its words]: each fragment its words and an equal share of the room
    // left (a third of it before them, from their sentence's start at the earliest; all of
    // it before them at the text's end), from a word's start. Fragments that meet, or that
    // only a few words part ("la gestion frontalière, la … lutte contre le terrorisme" left
    // "prévention et la" out), are one, and share the room again.
    var g = picks.length, share = Math.max(0, (SHOWN - GAP.length * (g - 1) -
      picks.reduce(function (n, p) { return n + p.end - p.at; }, 0)) / g), spans = [], met = [];
    picks.forEach(function (p) {
      var from = Math.max(p.s, p.at - Math.round(share / 3)), last = spans[spans.length - 1];
      var over = Math.round(p.end + share - (p.at - from)) - text.length;
      if (over > 0) from = Math.max(0, from - over);
      if (from > 0 && from < p.at) from = text.lastIndexOf(" ", from) + 1;
      var to = Math.max(p.end, Math.round(p.end + share - (p.at - from)));
      if (last && from <= last[1] + 20) {
        last[1] = Math.max(last[1], to); last[2] = p.end;
        met[met.length - 1] = { at: met[met.length - 1].at, end: p.end, s: met[met.length - 1].s };
      } else { spans.push([from, to, p.end]); met.push(p); }
    });
    return met.length < g ? layout(text, met) : spans;
  }
  function join(text, spans) {
    // The spans ([from, to, the end of their query words]) at whole words, "…" where text
    // is left out: a span's last word is cut only when it is one of its query words.
    var parts = spans.map(function (sp) {
      if (sp[1] >= text.length) return text.slice(sp[0]);
      var cut = text.slice(sp[0], sp[1]), whole = cut.replace(/\s+\S*$/, "");
      return sp[0] + whole.length >= sp[2] ? whole : cut;
    });
    return (spans[0][0] ? "… " : "") + parts.join(GAP) + (spans[spans.length - 1][1] < text.length ? " …" : "");
  }
  function slotKeys(found) {
    // What a query word says: the slot of the query it is a word of, whichever of its names
    // (found.marks: "=" before another's words), so that a passage shows "cyber-sécurité" or
    // "cybersécurité" for "cybersecurite", not both in two fragments.
    var slot = {};
    (found.slots || []).forEach(function (s, si) {
      s.alts.forEach(function (alt, ai) { alt.forEach(function (w) { slot[(Q.exactly(s, ai) ? "=" : "") + w] = si; }); });
    });
    return function (q) { return q in slot ? "#" + slot[q] : q.replace(/^=/, ""); };
  }
  function marksOf(text, ws, runs) {
    // The text's parts (words at odd indexes) and, by index, the query word each one marked
    // stands for. The words of a name of several words (`runs`: "etats unis") only where they
    // stand side by side, stop words aside: not the "Uni" of "Royaume-Uni", nor "Union"
    // (fourteenth audit).
    var parts = text.split(/([\p{L}\p{N}]+)/u), marked = runMarks(parts, runs || []);
    glueMarks(parts, ws, marked);
    var inRuns = [].concat.apply([], runs || []);
    var single = ws.filter(function (q) { return inRuns.indexOf(q) < 0; });
    for (var i = 1; i < parts.length; i += 2) marked[i] = marked[i] || markedBy(words(parts[i])[0], single);
    return { parts: parts, marked: marked };
  }
  function highlight(p, text, ws, runs) {
    // <mark> around the words that begin with a query word; everything as text nodes.
    var m = marksOf(text, ws, runs);
    m.parts.forEach(function (part, i) {
      if (m.marked[i]) {
        var mark = document.createElement("mark"); mark.textContent = part; p.appendChild(mark);
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
        var q = g && g[1] === span.length && markedBy(g[0], glued);
        if (q) for (var j = i; j < i + n; j++) marked[j] = q;
      });
    }
  }
  function runMarks(parts, runs) {
    // The indexes in `parts` (words at odd ones) of the runs' words side by side: their words.
    var at = [], marked = {};
    for (var i = 1; i < parts.length; i += 2) {
      // Words either side of a "…" (where a passage leaves text out) are not side by side.
      if (parts[i - 1].indexOf("…") >= 0) at.push([-1, ""]);
      var w = words(parts[i])[0];
      if (w && STOP.indexOf(w) < 0) at.push([i, w]);
    }
    runs.forEach(function (run) {
      var r = run.filter(function (q) { return STOP.indexOf(q.replace(/^=/, "")) < 0; });
      for (var k = 0; r.length && k + r.length <= at.length; k++) {
        if (r.every(function (q, j) { return hit(at[k + j][1], q); })) {
          r.forEach(function (q, j) { marked[at[k + j][0]] = q; });
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
    var keyOf = slotKeys(found);
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
      highlight(p, passage(d[3], ws, runs, keyOf), ws, runs);
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
