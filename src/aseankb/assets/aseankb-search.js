/* aseankb: answers Material's header search box (overrides/partials/search.html) from
 * the index that `aseankb search-index` writes into kb-search/ (see aseankb/search.py).
 * A query loads only the files its words need (a vocabulary shard per word, a hash
 * bucket per matching word, one small file per result shown), with <script> tags, so
 * that search works the same over HTTP and from a folder (file://).
 * Results are built with DOM calls: no page text is ever parsed as HTML. */
(function () {
  "use strict";
  var input = document.getElementById("kb-search-input");
  var box = document.getElementById("kb-search-results");
  if (!input || !box) return;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var T = config.translations || {};
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var MAX = 10;          // results shown at once
  var EXPAND = 12;       // words a typed prefix may stand for (the most frequent first)
  // The same list as aseankb.search.STOP_WORDS.
  var STOP = ["le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "au", "aux", "pour", "par",
    "sur", "dans", "avec", "ou", "qu", "que", "qui"];
  var seq = 0, limit = MAX, focusAt = -1;
  // Over HTTP a page's address is its folder ("partenaires/japon/"), as in the site's own
  // links; from a folder (file://) it must name the file.
  var pretty = location.protocol === "file:" ? function (p) { return p; }
    : function (p) { return p.replace(/(^|\/)index\.html$/, "$1"); };

  /* The same words as aseankb.search.search_words: lower case, no accents, œ -> oe,
   * apostrophes split elisions (l’, d’), one-letter words dropped, final s/x removed. */
  function stem(w) { return w.length > 3 && /[sx]$/.test(w) && w[w.length - 2] !== "s" ? w.slice(0, -1) : w; }
  function words(text) {
    var folded = text.replace(/[đĐ]/g, "d").replace(/[øØ]/g, "o").replace(/[łŁ]/g, "l")
      .normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().normalize("NFC")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
    return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return w.length > 1; }).map(stem);
  }
  function shardKey(w) { var k = w.slice(0, 2); return /^[a-z0-9]{1,2}$/.test(k) ? k : "_"; }
  function bucketOf(w, n) {
    var h = 2166136261;
    for (var ch of w) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    return h % n;
  }
  function decode(s) {
    var out = [], n = -1;
    s.split(",").forEach(function (part) {
      var p = part.split("*"), gap = parseInt(p[0], 36), run = p[1] ? parseInt(p[1], 36) : 1;
      for (var i = 0; i < run; i++) { n += gap; out.push(n); }
    });
    return out;
  }

  /* ---- Loading the index files (script tags: they work on file:// too) ---- */
  var store = { meta: null, vocab: {}, bucket: {}, doc: {} }, waiting = {};
  function arrived(name) { (waiting[name] || []).forEach(function (f) { f(); }); delete waiting[name]; }
  window.__kbSearch = {
    meta: function (m) { store.meta = m; arrived("meta"); },
    vocab: function (p) { store.vocab[p[0]] = p[1]; arrived("v-" + p[0]); },
    bucket: function (p) { store.bucket[p[0]] = p[1]; arrived("b-" + p[0]); },
    doc: function (p) { store.doc[p[0]] = p; arrived("d-" + p[0]); }
  };
  function load(name, have) {
    if (have()) return Promise.resolve();
    return new Promise(function (resolve) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push(resolve);
      if (!first) return;
      var s = document.createElement("script");
      s.src = new URL("kb-search/" + name + ".js", root).href;
      s.onerror = function () { arrived(name); };  // no such shard: no such word
      document.head.appendChild(s);
    });
  }
  function loadVocab(k) {
    // meta.js lists the shards there are: none is asked for in vain (a failed request is an
    // error in the console). An index without the list: ask, and take a failure as "none".
    var shards = store.meta && store.meta.shards;
    if (typeof shards === "string" && ("," + shards + ",").indexOf("," + k + ",") < 0) return Promise.resolve();
    return load("v-" + k, function () { return store.vocab[k]; });
  }
  function loadBucket(b) { return load("b-" + b, function () { return store.bucket[b]; }); }
  function loadDoc(n) { return load("d-" + n, function () { return store.doc[n]; }); }

  /* ---- Query ---- */
  function candidates(w, prefix) {
    var vocab = store.vocab[shardKey(w)] || {};
    if (!prefix) return vocab[w] ? [w] : [];
    // Each word also stands for the words it begins ("coree" -> "coreen", "coreenne").
    return Object.keys(vocab).filter(function (v) { return v.indexOf(w) === 0; })
      .sort(function (a, b) { return vocab[b] - vocab[a] || (a < b ? -1 : 1); }).slice(0, EXPAND);
  }
  function queryWords(query) {
    // Stop words count only in a query of nothing else ("de la"): neither found nor marked.
    var ws = words(query), kept = ws.filter(function (w) { return STOP.indexOf(w) < 0; });
    return kept.length ? kept : ws;
  }
  function find(query) { return findWords(queryWords(query)); }
  function findWords(ws) {
    return load("meta", function () { return store.meta; }).then(function () {
      return Promise.all(ws.map(function (w) { return loadVocab(shardKey(w)); }));
    }).then(function () {
      var each = ws.map(function (w) { return candidates(w, true); });
      var buckets = [];
      each.forEach(function (cs) { cs.forEach(function (c) { buckets.push(bucketOf(c, store.meta.buckets)); }); });
      return Promise.all(buckets.map(loadBucket)).then(function () { return rank(each, ws); });
    });
  }
  /* A query that holds one of a thing's names also runs with its other names (meta.synonyms,
   * data/synonyms.yaml): "mer de chine meridionale" finds the dispatches that say "mer
   * Orientale". The pages holding every word of the query come first, then those of each
   * other name; only when none holds every word, the query's own partial results. */
  function variants(ws) {
    var out = [ws], groups = (store.meta && store.meta.synonyms) || [];
    groups.forEach(function (group) {
      var phrases = group.split("|").map(function (p) { return p.split(" "); });
      phrases.forEach(function (p) {
        var at = runAt(ws, p);
        if (at < 0) return;
        phrases.forEach(function (q) { if (q !== p) out.push(ws.slice(0, at).concat(q, ws.slice(at + p.length))); });
      });
    });
    return out;
  }
  function runAt(ws, p) {
    for (var i = 0; i + p.length <= ws.length; i++) {
      if (p.every(function (w, j) { return ws[i + j] === w; })) return i;
    }
    return -1;
  }
  function findAll(query) {
    var ws = queryWords(query);
    return load("meta", function () { return store.meta; }).then(function () {
      var all = variants(ws);
      return Promise.all(all.map(findWords)).then(function (found) {
        var whole = found.filter(function (ids) { return ids.length && !ids.partial; });
        if (!whole.length) return { ids: found[0], ws: ws };
        var seen = {}, ids = [];
        whole.forEach(function (list) { list.forEach(function (n) { if (!seen[n]) { seen[n] = 1; ids.push(n); } }); });
        return { ids: ids, ws: [].concat.apply([], all).filter(function (w, i, a) { return a.indexOf(w) === i; }) };
      });
    });
  }
  function rank(each, ws) {
    var held = {}, score = {};
    each.forEach(function (cs) {
      var docs = {}, inTitle = {};
      cs.forEach(function (c) {
        var b = store.bucket[bucketOf(c, store.meta.buckets)] || {};
        if (b[c]) decode(b[c]).forEach(function (n) { docs[n] = 1; });
        if (b["^" + c]) decode(b["^" + c]).forEach(function (n) { inTitle[n] = 1; });
      });
      Object.keys(docs).forEach(function (n) { held[n] = (held[n] || 0) + 1; });
      Object.keys(inTitle).forEach(function (n) { score[n] = (score[n] || 0) + 1; });
    });
    // The pages holding every query word; when there are none, those holding the most of
    // them ("covid vaccins": the articles on COVID, though none says "vaccin"), which the
    // results' count says (ids.partial).
    var most = Object.keys(held).reduce(function (m, n) { return Math.max(m, held[n]); }, 0);
    var ids = Object.keys(held).filter(function (n) { return held[n] === most; }).map(Number);
    if (most && most < each.length) ids.partial = [most, each.length];
    var query = ws.slice().sort().join(" ");  // once, not in each comparison of the sort
    // A page the query names by one of its other names counts as titled by every word. A
    // matrix cell ("Corée du Sud × Tourisme") counts as titled only when the query names
    // both its partner and its domain: for "coree du sud" it comes after every article, not
    // before those that name Korea in their text only (12 cells led them at 23 articles).
    ids.forEach(function (n) {
      if (named(n, query)) score[n] = each.length;
      else if (minor(n) && covers(n, score[n], query) < 2) score[n] = 0;
    });
    // Pages with the most query words in their title first; among them, the pages whose
    // title those words make up (see covers); then the newest articles (lowest numbers),
    // then the other pages.
    ids.sort(function (a, b) {
      return (score[b] || 0) - (score[a] || 0) || covers(b, score[b], query) - covers(a, score[a], query) || a - b;
    });
    return ids;
  }
  function named(n, query) {
    // The query (its words sorted) is one of the page's other names (meta.aliases: "ue",
    // "european union", "changement climatique").
    var m = store.meta, i = n - (m.articles || 0), names = i >= 0 && m.aliases && m.aliases[i];
    return !!names && names.split("|").some(function (p) { return p.split(" ").sort().join(" ") === query; });
  }
  function covers(n, hits, query) {
    // 2: a title that is nothing but the query's words (the partner "Japon" for "japon");
    // 1: at least half of its words ("Corée du Sud" for "coree", "Union européenne" for
    // "europe": it came after every article with the word in its title, 23rd for "coree" at
    // 300 articles), unless it is a matrix cell (meta.minor: "Japon × Énergie" for "japon"
    // comes after the articles); 0: less, or an article.
    var m = store.meta, i = n - (m.articles || 0), words = i >= 0 && m.titles ? parseInt(m.titles[i], 36) : 0;
    if (named(n, query)) return 2;  // one of its other names: as good as its title
    if (!words || !hits) return 0;
    return hits >= words ? 2 : 2 * hits >= words && !minor(n) ? 1 : 0;
  }
  function minor(n) {
    var m = store.meta, i = n - (m.articles || 0);
    return i >= 0 && !!m.minor && m.minor[i] === "1";
  }

  /* ---- Rendering, in Material's result markup ---- */
  var KINDS = { partenaires: "Partenaire", domaines: "Domaine", annees: "Année", personnes: "Personnalité",
                reunions: "Réunion", matrice: "Partenaire × domaine" };
  function kindOf(path) {
    var m = /^(\w+)\/(?!index\.html$)[^/]/.exec(path);
    return m && KINDS[m[1]] || "";
  }
  var SHOWN = 180;  // characters of text under a result's title (aseankb.search.TEASER_CHARS)
  var TOKEN = /[\p{L}\p{N}]+/gu;
  function matches(w, ws) { return !!w && ws.some(function (q) { return w.indexOf(q) === 0; }); }
  function passage(text, ws) {
    // What an article's result shows of its text (d[3], its first EXCERPT_CHARS characters):
    // the sentence that holds the most query words, the first of them on a tie, from its
    // start, or from a little before its first query word when that lies far into it. The
    // opening when the text has none of the words (the title or a tag matched): it says
    // what the article is about.
    if (text.length <= SHOWN) return text;
    var best = { n: 0, start: 0, at: 0 }, start = 0, seen = {}, at = -1, m;
    var ends = /[.!?…]+["»”’)\]]*\s+/g, end = ends.exec(text);
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) {
      while (end && m.index >= end.index + end[0].length) {
        start = end.index + end[0].length; seen = {}; at = -1; end = ends.exec(text);
      }
      var w = words(m[0])[0];
      if (!matches(w, ws)) continue;
      ws.forEach(function (q) { if (w.indexOf(q) === 0) seen[q] = 1; });
      if (at < 0) at = m.index;
      var n = Object.keys(seen).length;
      if (n > best.n) best = { n: n, start: start, at: at };
    }
    var from = best.n ? best.start : 0;
    if (best.n && best.at - from > SHOWN / 2) from = text.lastIndexOf(" ", best.at - SHOWN / 4) + 1;
    var shown = text.slice(from);
    if (shown.length > SHOWN) shown = shown.slice(0, SHOWN).replace(/\s+\S*$/, "") + " …";
    return (from ? "… " : "") + shown;
  }
  function highlight(p, text, ws) {
    // <mark> around the words that begin with a query word; everything as text nodes.
    text.split(/([\p{L}\p{N}]+)/u).forEach(function (part) {
      if (matches(words(part)[0], ws)) { var m = document.createElement("mark"); m.textContent = part; p.appendChild(m); }
      else p.appendChild(document.createTextNode(part));
    });
  }
  function render(ids, ws) {
    list.textContent = "";
    var n = ids.length;
    meta.textContent = n === 0 ? T["search.result.none"] : n === 1 ? T["search.result.one"]
      : (T["search.result.other"] || "#").replace("#", n);
    if (ids.partial) {
      meta.textContent = "Aucun document ne contient tous ces mots ; " + (n === 1 ? "1 document en contient "
        : n + " documents en contiennent ") + ids.partial[0] + " sur " + ids.partial[1] + ".";
    }
    ids.slice(0, limit).forEach(function (id) {
      var d = store.doc[id];
      if (!d) return;
      var li = document.createElement("li"), a = document.createElement("a");
      var art = document.createElement("article"), h = document.createElement("h1");
      var p = document.createElement("p"), icon = document.createElement("div");
      li.className = "md-search-result__item";
      a.className = "md-search-result__link";
      a.href = new URL(pretty(d[1]), root).href;
      art.className = "md-search-result__article md-typeset";
      icon.className = "md-search-result__icon md-icon";
      highlight(h, d[2], ws);  // the title too, as Material marks it
      highlight(p, passage(d[3], ws), ws);
      if (d[5]) h.lang = p.lang = d[5];  // an article not in French: read in its language
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
    if (n > limit) {
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
    if (!words(query).length) {
      list.textContent = "";
      meta.textContent = T["search.result.placeholder"] || "";
      return;
    }
    findAll(query).then(function (found) {
      var ids = found.ids;
      return Promise.all(ids.slice(0, limit).map(loadDoc)).then(function () {
        if (mine === seq) render(ids, found.ws);
      });
    }, function (err) {
      if (mine === seq) { meta.textContent = T["search.result.none"]; list.textContent = ""; }
      if (window.console) console.warn("aseankb search:", err);
    });
  }

  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  input.form.addEventListener("reset", function () { setTimeout(run, 0); });
  /* ---- The 404 page (overrides/404.html): the pages a missing address may have meant ---- */
  // Folder names of the site (as words() stems them), which say nothing of the page sought.
  var FOLDERS = ["article", "partenaire", "domaine", "annee", "matrice", "personne", "source", "feed", "index",
    "html", "md"];
  function addressWords(parts) {
    return words(parts.join(" ")).filter(function (w) { return STOP.indexOf(w) < 0 && FOLDERS.indexOf(w) < 0; });
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
      load("meta", function () { return store.meta; }).then(function () {
        return Promise.all(tries[i].map(function (w) { return loadVocab(shardKey(w)); }));
      }).then(function () {
        var known = tries[i].filter(function (w) { return candidates(w, true).length; });
        return known.length ? find(known.join(" ")) : [];
      }).then(function (ids) {
        if (!ids.length) return attempt(i + 1);
        ids = ids.slice(0, 5);
        return Promise.all(ids.map(loadDoc)).then(function () { showHint(hint, ids); });
      });
    }
    attempt(0);
  }
  function showHint(hint, ids) {
    var ul = hint.querySelector("ul");
    ids.forEach(function (id) {
      var d = store.doc[id], li = document.createElement("li"), a = document.createElement("a");
      if (!d) return;
      a.href = new URL(pretty(d[1]), root).href;
      a.textContent = d[2];
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
