/* aseankb: answers Material's header search box (overrides/partials/search.html).
 * Over HTTP it asks Pagefind (site/pagefind/, built by `aseankb search-index`), which
 * downloads only the index chunks a query needs. Opened from a folder (file://), where
 * browsers refuse fetch() and module imports, it reads the offline index
 * (site-offline/search-offline/) through plain <script> tags.
 * Results are built with DOM calls: no page text is ever parsed as HTML, except
 * Pagefind's excerpt, whose only markup (<mark>) is rebuilt from escaped text. */
(function () {
  "use strict";
  var input = document.getElementById("kb-search-input");
  var box = document.getElementById("kb-search-results");
  var toggle = document.getElementById("__search");
  if (!input || !box || !toggle) return;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var T = config.translations || {};
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var MAX = 10;  // results shown at once: each Pagefind result is one more download
  var seq = 0, limit = MAX;

  /* The same folding as aseankb.search.search_words: lower case, no accents,
   * apostrophes split elisions (l’, d’), one-letter words dropped. */
  function words(text) {
    var folded = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss").replace(/đ/g, "d").replace(/ø/g, "o")
      .replace(/ł/g, "l");
    return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return w.length > 1; });
  }

  /* ---- Pagefind (HTTP) ---- */
  var pagefind = null;
  function pagefindSearch(query) {
    if (!pagefind) {
      var bundle = new URL("pagefind/", root).href;
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        // No web worker: it would be one more script (~40 kB) to download for a search
        // that takes milliseconds on the page itself.
        var instance = pf.createInstance({ basePath: bundle, baseUrl: root.pathname, excerptLength: 24, noWorker: true });
        return instance.init().then(function () { return instance; });
      });
    }
    // Pagefind folds accents itself; elisions are split here so that "l'energie" finds "énergie".
    var q = words(query).join(" ");
    return pagefind.then(function (pf) { return pf.search(q); }).then(function (found) {
      var top = found.results.slice(0, limit);
      return Promise.all(top.map(function (r) { return r.data(); })).then(function (data) {
        return { total: found.results.length, items: data.map(function (d) {
          return { url: d.url, title: (d.meta && d.meta.title) || d.url, excerpt: d.excerpt, marked: true };
        }) };
      });
    });
  }

  /* ---- Offline index (file://) ---- */
  var offline = { docs: null, shards: {}, waiting: {} };
  window.__kbSearch = {
    docs: function (docs) { offline.docs = docs; done("docs"); },
    shard: function (payload) { offline.shards[payload[0]] = payload[1]; done("t-" + payload[0]); }
  };
  function done(name) { (offline.waiting[name] || []).forEach(function (f) { f(); }); delete offline.waiting[name]; }
  function load(name, ready) {
    if (ready()) return Promise.resolve();
    return new Promise(function (resolve) {
      var first = !offline.waiting[name];
      (offline.waiting[name] = offline.waiting[name] || []).push(resolve);
      if (!first) return;
      var s = document.createElement("script");
      s.src = new URL("search-offline/" + name + ".js", root).href;
      s.onerror = function () { done(name); };  // a word with no shard: nothing found
      document.head.appendChild(s);
    });
  }
  function shardKey(w) { var k = w.slice(0, 2); return /^[a-z0-9]{1,2}$/.test(k) ? k : "_"; }
  function offlineSearch(query) {
    var ws = words(query);
    var keys = ws.map(shardKey);
    var loads = [load("docs", function () { return offline.docs; })].concat(keys.map(function (k) {
      return load("t-" + k, function () { return offline.shards[k]; });
    }));
    return Promise.all(loads).then(function () {
      var hits = null;
      ws.forEach(function (w, i) {
        var shard = offline.shards[keys[i]] || {}, docs = {};
        // Every word is a prefix, so that a word being typed already finds its pages.
        Object.keys(shard).forEach(function (k) {
          if (k.indexOf(w) === 0) shard[k].forEach(function (n) { docs[n] = true; });
        });
        hits = hits === null ? docs : Object.keys(hits).reduce(function (acc, n) {
          if (docs[n]) acc[n] = true; return acc;
        }, {});
      });
      var ids = Object.keys(hits || {}).map(Number);
      function score(n) {
        var t = words(offline.docs[n][1]);
        return ws.filter(function (w) { return t.some(function (x) { return x.indexOf(w) === 0; }); }).length;
      }
      ids.sort(function (a, b) { return score(b) - score(a) || a - b; });
      return { total: ids.length, items: ids.slice(0, limit).map(function (n) {
        var d = offline.docs[n];
        return { url: new URL(d[0], root).href, title: d[1], excerpt: d[2] + "…", marked: false };
      }) };
    });
  }

  /* ---- Rendering, in Material's result markup ---- */
  function excerptNodes(p, html) {
    // Pagefind returns text with <mark> around hits: keep the marks, show everything else as text.
    html.split(/(<mark>|<\/mark>)/).reduce(function (mark, part) {
      if (part === "<mark>") return document.createElement("mark");
      if (part === "</mark>") { p.appendChild(mark); return null; }
      var txt = document.createElement("textarea");
      txt.innerHTML = part;  // decodes entities only: a textarea's content is never markup
      (mark || p).appendChild(document.createTextNode(txt.value));
      return mark;
    }, null);
  }
  function render(query, res) {
    list.textContent = "";
    if (!res) { meta.textContent = T["search.result.placeholder"] || ""; return; }
    var n = res.total;
    meta.textContent = n === 0 ? T["search.result.none"] : n === 1 ? T["search.result.one"]
      : (T["search.result.other"] || "#").replace("#", n);
    res.items.forEach(function (item) {
      var li = document.createElement("li"), a = document.createElement("a");
      var art = document.createElement("article"), h = document.createElement("h1");
      var p = document.createElement("p"), icon = document.createElement("div");
      li.className = "md-search-result__item";
      a.className = "md-search-result__link";
      a.href = item.url;
      art.className = "md-search-result__article md-typeset";
      icon.className = "md-search-result__icon md-icon";
      h.textContent = item.title;
      if (item.marked) excerptNodes(p, item.excerpt); else p.textContent = item.excerpt;
      art.append(icon, h, p);
      a.appendChild(art);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (n > res.items.length) {
      var more = document.createElement("li"), button = document.createElement("button");
      more.className = "md-search-result__item kb-search-more";
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Afficher plus de résultats";
      button.addEventListener("click", function () { limit += MAX; run(true); });
      more.appendChild(button);
      list.appendChild(more);
    }
  }
  function run(keepLimit) {
    var query = input.value.trim(), mine = ++seq;
    if (keepLimit !== true) limit = MAX;
    if (!words(query).length) { render(query, null); return; }
    var search = location.protocol === "file:" ? offlineSearch : pagefindSearch;
    search(query).then(function (res) { if (mine === seq) render(query, res); }, function (err) {
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
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  input.addEventListener("focus", function () { if (!toggle.checked) toggle.checked = true; });
  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key === "Escape" && toggle.checked) { toggle.checked = false; input.blur(); }
    else if (!typing && (e.key === "/" || e.key === "s" || e.key === "f") && !e.ctrlKey && !e.metaKey) {
      e.preventDefault(); toggle.checked = true; input.focus();
    }
  });
})();
