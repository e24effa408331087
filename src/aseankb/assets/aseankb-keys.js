/* aseankb: the keyboard in Material's header, its drawer and its search dialog (the
 * search itself is aseankb-search.js): the header's buttons are reachable by Tab
 * (overrides/partials/header.html) and open with Enter or Space; Escape and tabbing out
 * close what they opened; the arrow keys move between the search box and its results.
 * (aseankb.css keeps the closed drawer and the closed results out of the Tab order.) */
(function () {
  "use strict";
  /* The header's menu button (on a phone, or a desktop zoomed in) is reachable by Tab
   * (overrides/partials/header.html); Material clicks a focused label on Enter, and Space
   * does the same here. Opened from the keyboard, the drawer takes the focus; Escape closes
   * it and gives the focus back. (aseankb.css keeps the closed drawer out of the Tab order.) */
  function menuByKeyboard() {
    // Space on either header button (menu, search) does what Enter does.
    document.querySelectorAll("label.md-header__button[tabindex]").forEach(function (label) {
      label.addEventListener("keydown", function (e) {
        if (e.key === " ") { e.preventDefault(); label.click(); }
      });
    });
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector("label.md-header__button[for=__drawer][tabindex]");
    var panel = document.querySelector(".md-sidebar--primary");
    if (!drawer || !button || !panel) return;
    drawer.addEventListener("change", function () {
      var first = panel.querySelector("a");
      if (drawer.checked && document.activeElement === button && first) setTimeout(function () { first.focus(); }, 0);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && drawer.checked) { button.click(); button.focus(); }
    });
    // Tabbing out of the open drawer closes it, as the search dialog does: the focus went on
    // to the page under its overlay, out of sight.
    panel.addEventListener("focusout", function (e) {
      if (drawer.checked && e.relatedTarget && !panel.contains(e.relatedTarget) && e.relatedTarget !== button) {
        button.click();
      }
    });
  }
  /* Each header button says whether what it opens is open (aria-expanded): the checkbox it
   * toggles changes by a click on it (a change event) or by a script setting `checked`
   * (this file and aseankb-search.js do), which fires no event: the box's own `checked` is
   * wrapped so that both keep the button's state. */
  function expandedState(box, button) {
    if (!box || !button) return;
    var own = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "checked");
    function show() { button.setAttribute("aria-expanded", own.get.call(box) ? "true" : "false"); }
    Object.defineProperty(box, "checked", {
      configurable: true,
      get: function () { return own.get.call(box); },
      set: function (on) { own.set.call(box, on); show(); }
    });
    box.addEventListener("change", show);
    show();
  }
  expandedState(document.getElementById("__drawer"), document.querySelector("label.md-header__button[for=__drawer]"));
  expandedState(document.getElementById("__search"), document.querySelector("label.md-header__button[for=__search]"));
  menuByKeyboard();
  /* Escape dismisses a tooltip (WCAG 1.4.13): Material draws the matrix cells' titles
   * ("Japon × Énergie", mkdocs.yml's content.tooltips) as tooltips of its own, shown on hover
   * and focus, which nothing but moving away hid, over the cells below. Material shows one
   * again when the pointer or the focus comes back to its cell. */
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
      tip.classList.remove("md-tooltip2--active");
    });
  });
  var input = document.getElementById("kb-search-input");
  var toggle = document.getElementById("__search");
  var box = document.getElementById("kb-search-results");
  if (!input || !toggle || !box) return;
  var list = box.querySelector(".md-search-result__list");
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  // Escape gives the focus back to the box without reopening it (below); typing or a click
  // in it reopens the results, as in a combobox.
  var quiet = false;
  function open() { if (!toggle.checked && !quiet) toggle.checked = true; }
  input.addEventListener("focus", open);
  input.addEventListener("input", open);
  input.addEventListener("click", open);
  // Tabbing out of the search dialog closes it: the overlay would otherwise dim and cover
  // the page the keyboard has moved on to. (A click on the overlay closes it as before.)
  var dialog = document.getElementById("kb-search") || input.form;
  dialog.addEventListener("focusout", function (e) {
    if (toggle.checked && e.relatedTarget && !dialog.contains(e.relatedTarget)) toggle.checked = false;
  });
  // Arrow keys: from the box to the results and back.
  dialog.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = document.activeElement === input ? -1 : links.indexOf(document.activeElement);
    var next = at + (e.key === "ArrowDown" ? 1 : -1);
    if ((at < 0 && document.activeElement !== input) || next < -1 || next >= links.length) return;
    e.preventDefault();
    (next < 0 ? input : links[next]).focus();
  });
  var opener = document.querySelector("label.md-header__button[for=__search]");
  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    // Not the search box's own Escape, which empties it and so (an input) reopened it, open
    // or closed: the query stays for when the results are opened again.
    if (e.key === "Escape" && document.activeElement === input) e.preventDefault();
    if (e.key === "Escape" && toggle.checked) {
      // The focus leaves the closed dialog's results (it stayed on a hidden result, where
      // Enter opened a page the reader never saw): back to the header's search button where
      // it shows (a phone), else to the box, which stays in the header (a wide screen), so
      // that Tab goes on from the header rather than from the top of the page.
      var inside = dialog.contains(document.activeElement);
      toggle.checked = false;
      if (inside && opener && opener.getClientRects().length) opener.focus();
      else if (inside) { quiet = true; input.focus(); quiet = false; }
    }
    else if (!typing && (e.key === "/" || e.key === "s" || e.key === "f") && !e.ctrlKey && !e.metaKey) {
      e.preventDefault(); toggle.checked = true; input.focus();
    }
  });
})();
