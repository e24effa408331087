/* aseankb search, part 1: the index and the query. aseankb-search-phrase.js checks quoted
 * phrases and ranks adjacent words; aseankb-search.js shows the results in Material's header
 * search box and on the 404 page; they share window.__kbQuery, which this file sets (load it
 * first: mkdocs.yml extra_javascript).
 * The index is the one `aseankb search-index` writes into kb-search/ (see aseankb/search.py).
 * A query loads only the files its words need (a vocabulary shard per word, a hash bucket
 * per matching word, one small file per result shown), with <script> tags, so that search
 * works the same over HTTP and from a folder (file://). */
(function () {
  "use strict";
  var cfg = document.getElementById("__config");
  if (!cfg) return;
  var config = JSON.parse(cfg.textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var MAX = 10;          // results shown at once; fewer pages holding every word: partial ones follow
  var EXPAND = 12;       // words a typed prefix may stand for (the most frequent first)
  var FIX_MIN = 5;       // letters of a word that matches nothing, for a typo to be looked for
  var SHORT = 3;         // letters of a word whose beginnings are mostly look-alikes ("do": "domaine")
  // The same list as aseankb.words.STOP_WORDS.
  var STOP = ["le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "au", "aux", "pour", "par",
    "sur", "dans", "avec", "ou", "qu", "que", "qui"];

  /* The same words as aseankb.words.search_words: lower case, no accents, œ -> oe,
   * apostrophes split elisions (l’, d’), one-letter words dropped, final s/x removed. */
  function stem(w) { return w.length > 3 && /[sx]$/.test(w) && w[w.length - 2] !== "s" ? w.slice(0, -1) : w; }
  function fold(text) {
    return text.replace(/[đĐ]/g, "d").replace(/[øØ]/g, "o").replace(/[łŁ]/g, "l")
      .normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().normalize("NFC")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }
  function split(folded) {
    return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return w.length > 1; }).map(stem);
  }
  function words(text) { return split(fold(text)); }
  /* A word and a number joined by "+" ("ASEAN+3", "asean + 3", "ASEAN plus 3") is one term,
   * "asean+3", which the index gives the pages saying it (aseankb.words.GLUE_RE, the same
   * pattern): the number alone is one letter, dropped, and "asean" is on every page. */
  var GLUE = /(?<![\p{L}\p{N}])([\p{L}\p{N}]+)(?:\+|\s+\+\s+|\s+plus\s+)([0-9]+)(?![\p{L}\p{N}])/gu;
  var GLUE_AT = new RegExp(GLUE.source, "iuy");
  /* A word and a one-digit number apart ("asean 3": phone keyboards hide "+") is that term
   * when known(term), the index holding it (aseankb.words.SPACED_RE, the same pattern): it
   * was "asean", 72 results instead of ASEAN+3's 14 (user audit). */
  var SPACED = /(?<![\p{L}\p{N}])([\p{L}\p{N}]+)\s+([0-9])(?![\p{L}\p{N}])/gu;
  function terms(text, known) {
    var folded = fold(text), out = [], at = 0, m;
    GLUE.lastIndex = 0;
    while ((m = GLUE.exec(folded))) {
      out = out.concat(spaced(folded.slice(at, m.index), known), [stem(m[1]) + "+" + m[2]]);
      at = m.index + m[0].length;
    }
    return out.concat(spaced(folded.slice(at), known));
  }
  function spaced(folded, known) {
    var out = [], at = 0, m, re = new RegExp(SPACED.source, "gu");
    while (known && (m = re.exec(folded))) {
      var t = stem(m[1]) + "+" + m[2];
      if (!known(t)) continue;
      out = out.concat(split(folded.slice(at, m.index)), [t]);
      at = m.index + m[0].length;
    }
    return out.concat(split(folded.slice(at)));
  }
  // The term glued at text[i] and the characters it spans, or null (aseankb-search.js marks it).
  function glueAt(text, i) {
    GLUE_AT.lastIndex = i;
    var m = GLUE_AT.exec(text);
    return m ? [terms(m[0])[0], m[0].length] : null;
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
  // Words are keys of plain objects: "constructor" or "tostring" must not find Object's own.
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

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
  function loadMeta() { return load("meta", function () { return store.meta; }); }
  function loadVocab(k) {
    // meta.js lists the shards there are: none is asked for in vain (a failed request is an
    // error in the console). An index without the list: ask, and take a failure as "none".
    var shards = store.meta && store.meta.shards;
    if (typeof shards === "string" && ("," + shards + ",").indexOf("," + k + ",") < 0) return Promise.resolve();
    return load("v-" + k, function () { return store.vocab[k]; });
  }
  function loadWords(ws) { return Promise.all(unique(ws.map(shardKey)).map(loadVocab)); }
  function loadBucket(b) { return load("b-" + b, function () { return store.bucket[b]; }); }
  function loadDoc(n) { return load("d-" + n, function () { return store.doc[n]; }); }

  /* ---- Query ---- */
  function candidates(w, exact) {
    // Each word the query says also stands for the words it begins ("coree" -> "coreen",
    // "coreenne"); a word of another name the query runs with, only for itself ("inde" for
    // "india", not "independance").
    // A name's token ("united_state": see phrase) begins no word's list, nor does a glued
    // term ("asean+3", which stands only for itself: not "asean+30").
    var vocab = store.vocab[shardKey(w)] || {};
    if (exact || w.indexOf("+") >= 0) return has(vocab, w) ? [w] : [];
    return Object.keys(vocab).filter(function (v) { return v.indexOf(w) === 0 && !/[_+]/.test(v); })
      .sort(function (a, b) { return vocab[b] - vocab[a] || (a < b ? -1 : 1); }).slice(0, EXPAND);
  }
  function queryWords(query, known) {
    // Stop words count only in a query of nothing else ("de la"): neither found nor marked.
    var ws = terms(query, known), kept = ws.filter(function (w) { return STOP.indexOf(w) < 0; });
    return kept.length ? kept : ws;
  }
  /* The query as slots: a word, or a run of words that is one of a thing's names
   * (meta.synonyms, data/synonyms.yaml), which a page holds by any of its names, whole:
   * "mer de chine meridionale" finds the dispatches that say "mer Orientale", "japan" the
   * pages that say "Japon". A slot counts as many words as the query gave it (weight);
   * alts[0] is what the query says. A name of more than one word counts for a page only
   * where its words are side by side (see phrase). */
  function slots(ws) {
    var m = store.meta || {}, loose = m.loose || [];
    var groups = (m.synonyms || []).map(function (g) {
      return g.split("|").map(function (p) { return p.split(" "); });
    });
    var out = [];
    for (var i = 0; i < ws.length;) {
      var best = null, group = null, gi = -1;  // the longest name the query says from word i
      groups.forEach(function (phrases, k) {
        phrases.forEach(function (p) {
          if ((!best || p.length > best.length) && p.every(function (w, j) { return ws[i + j] === w; })) {
            best = p; group = phrases; gi = k;
          }
        });
      });
      var alts = best ? [best].concat(group.filter(function (q) { return q !== best; })) : [[ws[i]]];
      // loose: the name of a field (meta.loose), whose words a page may also hold apart.
      // short: one word of SHORT letters or fewer; exact: such a word that is one of a thing's
      // names, an acronym ("ale", "rok"), which stands for itself, not the words it begins
      // ("alentours").
      var short = alts[0].length === 1 && alts[0][0].length <= SHORT;
      out.push({ weight: alts[0].length, alts: alts, named: !!best, loose: loose.indexOf(gi) >= 0,
                 short: short, exact: short && !!best });
      i += alts[0].length;
    }
    return out;
  }
  /* The token of a name of more than one word in a slot of names: the index gives it to the
   * pages that say the name as a phrase (aseankb/search_names.py), since a page holding its
   * words apart ("Member States", "United Nations") does not say "United States". */
  function phrase(s, alt) { return s.named && alt.length > 1 ? alt.join("_") : null; }
  // Whether a slot's name stands only for itself: another name, or a typed acronym (slots).
  function exactly(s, ai) { return ai > 0 || s.exact; }
  function forms(sl) {
    // The query and each query with one slot said by another of its names, each as its words
    // sorted: what a page's other names are compared with (named).
    var typed = sl.map(function (s) { return s.alts[0]; }), out = [typed];
    sl.forEach(function (s, i) {
      s.alts.slice(1).forEach(function (alt) { out.push(typed.slice(0, i).concat([alt], typed.slice(i + 1))); });
    });
    return unique(out.map(function (f) { return [].concat.apply([], f).sort().join(" "); }));
  }
  /* A word no page holds (none is it or begins with it) of FIX_MIN letters or more: the
   * vocabulary word one edit away from it (a letter added, dropped, changed, or two
   * neighbours swapped) that most pages hold, looked for in its shard and in those a
   * typo in its first letters would have moved it from. */
  function nearShards(t) {
    return unique([t.slice(0, 2), t[1] + t[0], t[1] + t[2], t[0] + t[2]].map(shardKey));
  }
  function oneEdit(a, b) {
    var la = a.length, lb = b.length, i = 0;
    if (a === b || Math.abs(la - lb) > 1) return false;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la > lb) return a.slice(i + 1) === b.slice(i);
    if (la < lb) return a.slice(i) === b.slice(i + 1);
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  function nearest(t) {
    var best = null, most = 0;
    nearShards(t).forEach(function (k) {
      var vocab = store.vocab[k] || {};
      Object.keys(vocab).forEach(function (v) {
        if (v.indexOf("_") < 0 && oneEdit(t, v) && (vocab[v] > most || (vocab[v] === most && v < best))) { best = v; most = vocab[v]; }
      });
    });
    return best;
  }
  function correct(ws, fixes) {
    var todo = [], at = 0;
    slots(ws).forEach(function (s) {
      var w = ws[at];
      if (s.alts.length === 1 && w.length >= FIX_MIN && !/^\d+$|\+/.test(w) && !candidates(w, false).length) todo.push(at);
      at += s.weight;
    });
    if (!todo.length) return ws;
    return Promise.all(todo.map(function (i) { return Promise.all(nearShards(ws[i]).map(loadVocab)); })).then(function () {
      var out = ws.slice();
      todo.forEach(function (i) {
        var to = nearest(ws[i]);
        if (to) { fixes.push([ws[i], to]); out[i] = to; }
      });
      return out;
    });
  }
  /* What a query finds: { whole: the pages holding every word (by one of its names); part:
   * when those are fewer than MAX, the pages holding the most of the words, k of n; ids:
   * both; marks(id): the words to mark in a page's result (runs(id): of them, the names of
   * several words, marked only side by side); fixes: with `fix`, the words that
   * matched nothing and those the query ran with instead ([[typed, used]...]) }. */
  function search(query, fix) {
    var ws = queryWords(query), fixes = [];
    return loadMeta().then(function () { return loadWords(ws); }).then(function () {
      // "asean 3" as "asean+3" when the index holds it: a term's shard is its word's, loaded.
      ws = queryWords(query, function (t) { return has(store.vocab[shardKey(t)] || {}, t); });
      return fix ? correct(ws, fixes) : ws;
    }).then(function (ws2) {
      var sl = slots(ws2), all = unique([].concat.apply([], sl.map(function (s) { return [].concat.apply([], s.alts); })));
      return loadWords(all).then(function () {
        var buckets = [];
        sl.forEach(function (s) { s.alts.forEach(function (alt, ai) {
          // Its words' buckets too: their titles rank the pages.
          alt.concat(phrase(s, alt) || []).forEach(function (w, wi) {
            candidates(w, exactly(s, ai) || wi === alt.length).forEach(function (c) {
              buckets.push(bucketOf(c, store.meta.buckets));
            });
          });
        }); });
        return Promise.all(unique(buckets).map(loadBucket));
      }).then(function () { var found = rank(sl, ws2.length); found.fixes = fixes; return found; });
    });
  }
  function pagesOf(w, exact, cache) {
    // The pages holding a word (one beginning with it: docs; the word itself: whole), and
    // those with it in their title.
    // own: the pages holding it outside the entries of their search terms (any article);
    // listed: of the others, hub pages, the entries holding it (meta.lists, search.py).
    var key = (exact ? "=" : "") + w, m = store.meta, width = m.lists || 0;
    if (!cache[key]) {
      var docs = {}, whole = {}, inTitle = {}, own = {}, listed = {};
      candidates(w, exact).forEach(function (c) {
        var b = store.bucket[bucketOf(c, m.buckets)] || {}, lists = {};
        if (width && has(b, "~" + c)) decode(b["~" + c]).forEach(function (v) {
          var p = (m.articles || 0) + Math.floor(v / width);
          (lists[p] = lists[p] || {})[v % width] = 1;
        });
        if (has(b, c)) decode(b[c]).forEach(function (n) {
          docs[n] = 1;
          if (c === w) whole[n] = 1;
          if (!lists[n]) own[n] = 1;
          else listed[n] = Object.assign(listed[n] || {}, lists[n]);
        });
        if (has(b, "^" + c)) decode(b["^" + c]).forEach(function (n) { inTitle[n] = 1; });
      });
      cache[key] = { docs: docs, whole: whole, title: inTitle, own: own, listed: listed };
    }
    return cache[key];
  }
  /* A slot's pages: has (holding it by one of its names), whole (by its words themselves, not
   * only by words they begin: "inde", not "independence"; a name's token is whole), hits
   * (its words in their title, as query words), titled (as title words) and lists (a hub
   * page's entries holding it); via and apart (see rank) are filled in. */
  function slotPages(s, si, cache, via, apart) {
    var has = {}, whole = {}, hits = {}, titled = {}, loose = null, lists = {};
    function found(p, by, ai) {
      has[p] = 1;
      if (by.every(function (x) { return x.whole[p]; })) whole[p] = 1;
      ((via[p] = via[p] || {})[si] = via[p][si] || []).push(ai);
      // A hub page: true when its own words hold the name, else the entries of its search
      // terms that hold all its words (by any of its names).
      if (p < store.meta.articles || lists[p] === true) return;
      var e = by.reduce(function (acc, x) {
        if (x.own[p]) return acc;
        var js = x.listed[p] || {};
        return acc === true ? js : Object.keys(acc).reduce(function (o, j) { if (js[j]) o[j] = 1; return o; }, {});
      }, true);
      lists[p] = e === true ? true : Object.assign(lists[p] || {}, e);
    }
    s.alts.forEach(function (alt, ai) {
      var sets = alt.map(function (w) { return pagesOf(w, exactly(s, ai), cache); }), count = {};
      var token = phrase(s, alt), within = token ? [pagesOf(token, true, cache)] : sets;
      Object.keys(within[0].docs).forEach(function (p) {
        if (within.every(function (x) { return x.docs[p]; })) found(p, within, ai);
      });
      if (token && ai === 0 && s.loose) loose = sets;
      // Title words: a name whole in the title counts as the slot's words, a part of it less;
      // titled: the title's own words it holds (a matrix cell must have them all, see rank).
      sets.forEach(function (x) { Object.keys(x.title).forEach(function (p) { count[p] = (count[p] || 0) + 1; }); });
      Object.keys(count).forEach(function (p) {
        var h = count[p] === alt.length ? s.weight : Math.min(count[p], s.weight - 1);
        if (h > (hits[p] || 0)) hits[p] = h;
        if (count[p] > (titled[p] || 0)) titled[p] = count[p];
      });
    });
    // A field's name as typed, its words apart: found too, after the pages that say it by
    // one of its names (after all of them: "cyber-securite" put the domain page, which says
    // "cybersécurité", 8th among those holding "cyber" and "sécurité" apart).
    if (loose) Object.keys(loose[0].docs).forEach(function (p) {
      if (has[p] || !loose.every(function (x) { return x.docs[p]; })) return;
      (apart[p] = apart[p] || {})[si] = 1;
      found(p, loose, 0);
    });
    return { has: has, whole: whole, hits: hits, titled: titled, lists: lists };
  }
  function rank(sl, n) {
    var cache = Object.create(null), held = {}, counted = {}, full = {}, score = {}, via = {}, apart = {};
    var titled = {}, low = {}, lists = {};
    sl.forEach(function (s, si) {
      var got = slotPages(s, si, cache, via, apart);
      Object.keys(got.has).forEach(function (p) {
        held[p] = (held[p] || 0) + s.weight;
        // Among the pages holding most words, a short one counts only whole: "do" of "do hung
        // viet" is no "domaine", "hun" of "hun sen" no "Hung".
        if (!s.short || got.whole[p]) counted[p] = (counted[p] || 0) + s.weight;
      });
      Object.keys(got.whole).forEach(function (p) { full[p] = (full[p] || 0) + s.weight; });
      Object.keys(got.hits).forEach(function (p) { score[p] = (score[p] || 0) + got.hits[p]; });
      Object.keys(got.titled).forEach(function (p) { titled[p] = (titled[p] || 0) + got.titled[p]; });
      Object.keys(got.lists).forEach(function (p) { (lists[p] = lists[p] || [])[si] = got.lists[p]; });
    });
    var fs = forms(sl);
    // A hub page whose title holds none of the query's words holds together only the words
    // that one entry of its search terms holds, or its description and other names: "japon
    // 2019" gave first 7 pages listing the partner Japon and, apart, the year 2019 (the
    // domains' years, the AMM's meetings), before the partner page and the year page (user
    // audit). A page titled by one of them lists what concerns it: the partner page Japon
    // holds "sommet asean japon 2023".
    Object.keys(lists).forEach(function (p) {
      if (score[p] || named(p, fs)) return;
      var per = {}, best = 0;
      sl.forEach(function (s, si) {
        var e = lists[p][si];
        Object.keys(e === true ? { own: 1 } : e || {}).forEach(function (j) {
          per[j] = (per[j] || 0) + s.weight;
          best = Math.max(best, per[j]);
        });
      });
      if (best < held[p]) {
        held[p] = best;
        counted[p] = Math.min(counted[p] || 0, best);
        full[p] = Math.min(full[p] || 0, best);
      }
    });
    // Every word; then, when those are fewer than a page of results, the pages holding the
    // most of them ("sommet asean japon 2023": the ASEAN-Japan summits of other years),
    // at least half, and two of three or more.
    var whole = [], k = 0, part = [], pages = Object.keys(held);
    pages.forEach(function (p) {
      var h = counted[p] || 0;
      if (held[p] === n) whole.push(+p);
      else if (h > k && 2 * h >= n && (n < 3 || h >= 2)) k = h;
    });
    if (whole.length < MAX && k) part = pages.filter(function (p) { return held[p] < n && counted[p] === k; });
    else k = 0;
    part = part.map(Number);
    // A page the query names by one of its other names counts as titled by every word. A
    // matrix cell ("Corée du Sud × Tourisme") counts as titled only when the query names
    // both its partner and its domain (every word of its title: the query's words count as
    // many as they are, "cyber securite" two for "Cybersécurité"); else it is low, after
    // every article: for "coree du sud" not before the articles that name Korea in their
    // text only (12 cells led them at 23 articles), for "cyber-securite" not before the
    // domain page and the articles (5 of the first 7 were cells: see settle).
    whole.concat(part).forEach(function (p) {
      if (named(p, fs)) score[p] = n;
      else if (minor(p) && (titled[p] || 0) < titleCount(p)) { score[p] = 0; low[p] = 1; }
    });
    // The pages that say the query's names before those holding a field's words apart; then
    // those holding the most query words whole (after folding), before those holding only
    // words they begin ("inde": "Inde" before "independence"); then those with the most query
    // words in their title; among them, the pages whose title those words make up (see
    // covers); then the newest articles (lowest numbers), then the other pages.
    function spread(p) { return apart[p] ? Object.keys(apart[p]).length : 0; }
    function order(a, b) {
      return spread(a) - spread(b) || (full[b] || 0) - (full[a] || 0) || (score[b] || 0) - (score[a] || 0) ||
        covers(b, score[b], fs) - covers(a, score[a], fs) || a - b;
    }
    // A low cell after every article, where those keys put it among the other pages.
    function settle(list) {
      var last = -1, arts = store.meta.articles || 0;
      list.forEach(function (p, i) { if (p < arts) last = i; });
      var head = list.slice(0, last + 1), isLow = function (p) { return low[p]; };
      return head.filter(function (p) { return !low[p]; }).concat(head.filter(isLow), list.slice(last + 1));
    }
    whole = settle(whole.sort(order));
    part = settle(part.sort(order));
    // slots, via (slot -> the names of it a page holds), apart (whether it holds a slot's
    // words apart only), named, settle, full (the query words it holds whole) and score: for
    // aseankb-search-phrase.js.
    return { ids: whole.concat(part), whole: whole, part: part, k: k, n: n, slots: sl, settle: settle, via: function (p) {
      return via[p] || {}; }, apart: function (p, si) {
      return !!(apart[p] && apart[p][si]); }, named: function (p) { return named(p, fs); }, full: function (p) {
      return full[p] || 0; }, score: function (p) {
      return score[p] || 0; }, runs: function (p) {
      // The names of several words the page says as phrases (not a field's words apart),
      // marked only side by side (aseankb-search.js, highlight).
      return [].concat.apply([], sl.map(function (s, si) {
        if (apart[p] && apart[p][si]) return [];
        return ((via[p] && via[p][si]) || []).filter(function (ai) { return phrase(s, s.alts[ai]); })
          .map(function (ai) { return s.alts[ai].map(function (w) { return exactly(s, ai) ? "=" + w : w; }); });
      }));
    }, marks: function (p) {
      // Of each slot, the words of the names the page holds (what the query says of one it
      // lacks); those of another name or a typed acronym, "=" before them, mark only themselves.
      return unique([].concat.apply([], sl.map(function (s, si) {
        var ais = (via[p] && via[p][si]) || [0];
        return [].concat.apply([], ais.map(function (ai) {
          return s.alts[ai].map(function (w) { return exactly(s, ai) ? "=" + w : w; });
        }));
      })));
    } };
  }
  function named(p, fs) {
    // The query (its words sorted) is one of the page's other names (meta.aliases: "ue",
    // "european union", "changement climatique").
    var m = store.meta, i = p - (m.articles || 0), names = i >= 0 && m.aliases && m.aliases[i];
    return !!names && names.split("|").some(function (q) { return fs.indexOf(q.split(" ").sort().join(" ")) >= 0; });
  }
  function covers(p, hits, fs) {
    // 2: a title that is nothing but the query's words (the partner "Japon" for "japon");
    // 1: at least half of its words ("Corée du Sud" for "coree", "Union européenne" for
    // "europe": it came after every article with the word in its title, 23rd for "coree" at
    // 300 articles), unless it is a matrix cell (meta.minor: "Japon × Énergie" for "japon"
    // comes after the articles); 0: less, or an article.
    var count = titleCount(p);
    if (named(p, fs)) return 2;  // one of its other names: as good as its title
    if (!count || !hits) return 0;
    return hits >= count ? 2 : 2 * hits >= count && !minor(p) ? 1 : 0;
  }
  function titleCount(p) {  // the words of a page's title (meta.titles), 0 for an article
    var m = store.meta, i = p - (m.articles || 0);
    return i >= 0 && m.titles ? parseInt(m.titles[i], 36) : 0;
  }
  function minor(p) {
    var m = store.meta, i = p - (m.articles || 0);
    return i >= 0 && !!m.minor && m.minor[i] === "1";
  }
  /* The words of a list that some page holds (or begins): the 404 page drops the others. */
  function known(ws) {
    return loadMeta().then(function () { return loadWords(ws); }).then(function () {
      return ws.filter(function (w) { return candidates(w, false).length; });
    });
  }

  window.__kbQuery = {
    config: config, root: root, MAX: MAX, STOP: STOP, words: words, terms: terms, glueAt: glueAt,
    search: search, known: known, exactly: exactly,
    loadDoc: loadDoc, doc: function (n) { return store.doc[n]; }, meta: function () { return store.meta; }
  };
})();
