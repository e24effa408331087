/* aseankb search, between part 1 (aseankb-search-query.js: the index, the query, its
 * ranking) and part 2 (aseankb-search.js: the results): phrases. Load it between them.
 *
 * The index holds, per word, only the pages holding it, not where (aseankb/search.py): a
 * page holding "sécurité" and "maritime" far apart looks like one saying "sécurité
 * maritime". Where the words stand is read here from the pages' result files (d-<n>.js: an
 * article's first 6,000 characters; a page's title, opening lines, search terms and other
 * names), which the results shown load anyway:
 * - a quoted phrase ("sécurité maritime", « mer Orientale ») keeps only the pages that hold
 *   its words adjacent and in order (stop words included: "mer de Chine" is not "mer
 *   Chine"; words folded as the index folds them). The candidates are the pages holding
 *   every word, checked in their ranking's order until a page of results holds the phrase,
 *   CHECK pages of candidates at most per page of results asked for: the count says how
 *   many candidates were left unchecked, or could not be checked (the phrase may lie past
 *   an article's excerpt). A pair index was measured instead (README, Search).
 * - an unquoted query of several words: among its first MAX results (WINDOW when one of
 *   those does not say them so), the pages where its words follow each other (stop words
 *   aside, by any of a slot's names) come first among those with as many query words in
 *   their title.
 * window.__kbQuery.search is wrapped: its results are already these. */
(function () {
  "use strict";
  var Q = window.__kbQuery;
  if (!Q) return;
  var words = Q.words, STOP = Q.STOP, MAX = Q.MAX;
  var QUOTES = /["“”«»„]/;
  var CHECK = 3;          // candidates checked per result asked for, at most (10 shown: 30)
  var WINDOW = 2 * MAX;   // an unquoted query's first results reordered by adjacency
  var REVERSED = 0.9;     // the weight of two query words side by side the other way round
  var tokens = { all: Object.create(null), kept: Object.create(null) };

  /* The quoted phrases of a query, each its words; an unclosed last quote is being typed:
   * its last word may be the beginning of one. */
  function parse(query, fixes) {
    var parts = query.split(QUOTES), out = [];
    for (var i = 1; i < parts.length; i += 2) {
      var ws = Q.terms(parts[i]).map(base).filter(function (w) { return w.length > 1; }).map(function (w) {
        // The word the query ran with when this one matched nothing ("maritme" -> "maritime").
        var fix = fixes.filter(function (f) { return f[0] === w; })[0];
        return fix ? fix[1] : w;
      });
      if (ws.length) out.push({ words: ws, open: i === parts.length - 1 && parts.length % 2 === 0 });
    }
    return out;
  }
  /* A glued term ("asean+3", query.js terms) as a page's words say it: its word ("asean";
   * the number is one letter, or a word after "plus"). The index knows the page says it. */
  function base(w) { return w.replace(/\+[0-9]+$/, ""); }
  /* A page's texts as words: its title, its text, its search terms and its other names
   * (meta.aliases); `kept`: without the stop words, as an unquoted query drops them. Each
   * apart, so that the title's last word does not seem to precede the text's first. */
  function pieces(p, kept) {
    var cache = kept ? tokens.kept : tokens.all;
    if (!cache[p]) {
      var d = Q.doc(p) || [p, "", "", ""], m = Q.meta(), i = p - (m.articles || 0);
      var names = i >= 0 && m.aliases && Object.prototype.hasOwnProperty.call(m.aliases, i) ? m.aliases[i] : "";
      // d[6]: a hub page's search terms (search.py, Doc.terms), which its teaser does not
      // say, each label apart ("Paix et sécurité · Coopération maritime" says no phrase).
      var texts = [d[2], d[3]].concat(d[6] ? d[6].split(" · ") : [], names ? names.split("|") : []);
      cache[p] = texts.map(function (text) {
        var ws = words(text);
        return kept ? ws.filter(function (w) { return STOP.indexOf(w) < 0; }) : ws;
      });
    }
    return cache[p];
  }
  function contains(ws, phrase) {
    var n = phrase.words.length;
    for (var i = 0; i + n <= ws.length; i++) {
      var j = 0;
      while (j < n && (ws[i + j] === phrase.words[j] ||
             (phrase.open && j === n - 1 && ws[i + j].indexOf(phrase.words[j]) === 0))) j++;
      if (j === n) return true;
    }
    return false;
  }
  function verdict(p, phrases) {
    // 1: the page holds every phrase; 0: not in its excerpt, which its text goes on past
    // (teaser() ends a cut text with " …"); -1: it does not.
    var ps = pieces(p, false);
    if (phrases.every(function (ph) { return ps.some(function (ws) { return contains(ws, ph); }); })) return 1;
    return / …$/.test((Q.doc(p) || [])[3] || "") ? 0 : -1;
  }
  function typed(found, phrases) {
    // The candidates: the pages holding every word, each slot that a phrase's words are in
    // by what the query says ("mer orientale", not its other name "mer de Chine
    // méridionale", which no check would keep).
    var said = [].concat.apply([], phrases.map(function (ph) { return ph.words; }));
    var slots = (found.slots || []).map(function (s, si) {
      return s.alts[0].some(function (w) { return said.indexOf(w) >= 0; }) ? si : -1;
    }).filter(function (si) { return si >= 0; });
    // Not a page that holds a name's words apart only: the index knows it does not say it.
    return found.whole.filter(function (p) {
      var via = found.via(p);
      return slots.every(function (si) { return (via[si] || []).indexOf(0) >= 0 && !found.apart(p, si); });
    });
  }
  function verify(found, phrases, limit) {
    var todo = typed(found, phrases), kept = [], checked = 0, unsure = 0, most = CHECK * limit;
    function step() {
      if (kept.length >= limit || checked >= todo.length || checked >= most) {
        found.ids = found.whole = kept;
        found.part = [];
        found.k = 0;
        found.phrase = { unchecked: todo.length - checked, unsure: unsure };
        return found;
      }
      var batch = todo.slice(checked, Math.min(checked + MAX, most));
      return Promise.all(batch.map(Q.loadDoc)).then(function () {
        batch.forEach(function (p) {
          var v = verdict(p, phrases);
          if (v > 0) kept.push(p); else if (v === 0) unsure++;
        });
        checked += batch.length;
        return step();
      });
    }
    return step();
  }

  /* ---- Unquoted: adjacent words first ---- */
  function orderedForms(sl) {
    // The query's words in order, then with each slot said by one of its other names:
    // [[word, exact]...] (another name stands only for itself, as in the query).
    // A typed acronym ("ale", query.js slots) stands only for itself too.
    var typed = sl.map(function (s) {
      return s.alts[0].map(function (w) { return [base(w), Q.exactly(s, 0) || w !== base(w)]; });
    });
    var out = [[].concat.apply([], typed)];
    sl.forEach(function (s, i) {
      s.alts.slice(1).forEach(function (alt) {
        var f = typed.slice();
        f[i] = alt.map(function (w) { return [base(w), true]; });
        out.push([].concat.apply([], f));
      });
    });
    return out[0].length > 1 ? out : [];
  }
  function fits(t, w) { return w[1] ? t === w[0] : t.indexOf(w[0]) === 0; }
  function pairIn(ws, a, b) {
    for (var i = 0; i + 1 < ws.length; i++) if (fits(ws[i], a) && fits(ws[i + 1], b)) return true;
    return false;
  }
  function closeness(p, forms) {
    // The share of the query's neighbouring words that the page holds side by side: 1 for
    // the whole phrase, by the best of its forms and texts.
    var best = 0;
    pieces(p, true).forEach(function (ws) {
      forms.forEach(function (f) {
        if (f.length < 2) return;
        // Two words side by side the other way round count nearly as much: "maritime securite"
        // typed for "sécurité maritime" ranked the pages that say it after those holding the
        // words apart (fourteenth audit).
        var pairs = 0;
        for (var j = 0; j + 1 < f.length; j++) {
          pairs += pairIn(ws, f[j], f[j + 1]) ? 1 : pairIn(ws, f[j + 1], f[j]) ? REVERSED : 0;
        }
        best = Math.max(best, pairs / (f.length - 1));
      });
    });
    return best;
  }
  function adjacent(found) {
    var sl = found.slots || [], forms = orderedForms(sl);
    // A query that is one name of a synonym slot ("etats unis", "securite maritime"): the
    // pages that say it as a phrase (or by a one-word name), as the index knows it, come
    // first already, those that hold a field's words apart after them (query.js, rank).
    if (!forms.length || found.whole.length < 2 || (sl.length === 1 && sl[0].named)) return found;
    var score = {};
    function rate(ps) {
      return Promise.all(ps.map(Q.loadDoc)).then(function () {
        // A page the query names by one of its other names is as good as the phrase.
        ps.forEach(function (p) { score[p] = found.named(p) ? 1 : closeness(p, forms); });
      });
    }
    // The results shown first; the next ones only when one of those lacks the phrase (a
    // later page could then come before it): 10 records more to download.
    return rate(found.whole.slice(0, MAX)).then(function () {
      var whole = found.whole.slice(0, MAX).every(function (p) { return score[p] === 1; });
      return whole ? MAX : rate(found.whole.slice(MAX, WINDOW)).then(function () { return WINDOW; });
    }).then(function (size) {
      var top = found.whole.slice(0, size), at = {};
      top.forEach(function (p, i) { at[p] = i; });
      // Within the query's ranking by whole words and title words (found.full, found.score): a
      // title that holds both "cybersécurité" and "terrorisme" says more than a text that says
      // them side by side, and "Inde" whole more than "independence" side by side; matrix
      // cells the query does not name after every article (found.settle).
      top.sort(function (a, b) {
        return found.full(b) - found.full(a) || found.score(b) - found.score(a) || score[b] - score[a] ||
          at[a] - at[b];
      });
      found.whole = found.settle(top).concat(found.whole.slice(size));
      found.ids = found.whole.concat(found.part);
      return found;
    });
  }

  var search = Q.search;
  Q.search = function (query, fix, limit) {
    return search(query, fix).then(function (found) {
      var phrases = parse(query, found.fixes || []);
      return phrases.length ? verify(found, phrases, limit || MAX) : adjacent(found);
    });
  };
})();
