// mkdocs_paperlist: the reading page's filter (words, field, date range, venue, "has code"),
// kept in the URL's query, and links into closed notes. No dependencies; without JavaScript
// the filter form stays hidden and the whole list shows.
//
// A term matches anywhere inside the text (case- and width-insensitive after NFKC), so a
// Chinese or Japanese word is found inside a sentence that has no spaces; several terms must
// all match; "quoted words" match as one term.
(function () {
  "use strict";
  var FIELDS = {
    title: ".paperlist-title",
    authors: ".paperlist-authors",
    venue: ".paperlist-venue",
    notes: ".paperlist-note, .paperlist-notes"
  };
  var NAMES = ["q", "in", "from", "to", "venue", "code"];
  var DEBOUNCE_MS = 100;

  function fold(text) {
    // NFKC makes full-width "ＧＰＴ" plain "GPT" and ligatures letters; whitespace is squashed
    // so that a quoted phrase matches across the source's line breaks.
    var normal = text.normalize ? text.normalize("NFKC") : text;
    return normal.toLowerCase().replace(/\s+/g, " ");
  }

  function terms(query) {
    var found = [];
    var pattern = /"([^"]*)"|(\S+)/g;
    var folded = fold(query);
    var match;
    while ((match = pattern.exec(folded)) !== null) {
      var term = (match[1] !== undefined ? match[1] : match[2]).trim();
      if (term) { found.push(term); }
    }
    return found;
  }

  // Dates are "2023-08-15", "2023-08" or "2023", compared on their common prefix: a paper of
  // "2023" is inside a range that starts or ends at "2023-05", and "2023-08-15" inside one
  // that ends at "2023-08".
  function common(left, right) { return left.slice(0, Math.min(left.length, right.length)); }
  function inRange(date, from, to) {
    if (!from && !to) { return true; }
    if (!date) { return false; }
    return (!from || common(date, from) >= common(from, date))
      && (!to || common(date, to) <= common(to, date));
  }

  function decoded(raw) {
    // A hand-typed or truncated link ("#%E0%A4%A") is not valid percent-encoding; it can
    // still name an element as written, and must not stop the script.
    try { return decodeURIComponent(raw); } catch (error) { return raw; }
  }

  // Each list's controls come before its entries: whatever follows a controls block, up to
  // the next one, belongs to it.
  function lists(root) {
    var found = [];
    var current = null;
    var selector = ".paperlist-controls, .paperlist-entry, [data-group]";
    Array.prototype.forEach.call(root.querySelectorAll(selector), function (element) {
      if (element.classList.contains("paperlist-controls")) {
        current = { controls: element, entries: [], groups: [], counts: [] };
        found.push(current);
      } else if (current && element.classList.contains("paperlist-entry")) {
        current.entries.push(element);
      } else if (current) {
        // Section wrappers, group titles, the author's headings and the chips.
        current.groups.push(element);
      }
    });
    found.forEach(function (list) {
      list.groups.forEach(function (element) {
        var spans = element.querySelectorAll(".paperlist-chip-count, .paperlist-group-count");
        Array.prototype.forEach.call(spans, function (span) {
          list.counts.push({ span: span, group: element.getAttribute("data-group") });
        });
      });
    });
    return found;
  }

  function setup(list, index) {
    var form = list.controls.querySelector("form.paperlist-filter");
    if (!form || form.getAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "1");
    // The first list's state is ?q=..&in=..; a second list on the page uses ?q2=..&in2=..
    var suffix = index ? String(index + 1) : "";
    var entries = list.entries;
    var output = form.querySelector(".paperlist-count");
    var texts = null;
    var timer = null;

    function control(name) { return form.elements.namedItem(name); }
    function value(name) {
      var element = control(name);
      if (!element || element.length !== undefined && !element.tagName) { return ""; }
      if (element.type === "checkbox") { return element.checked ? element.value || "yes" : ""; }
      return element.value;
    }

    function prepare() {
      // Once (when the browser is idle, or on the first search): reading the text of
      // thousands of entries costs more than filtering them.
      if (texts) { return; }
      texts = entries.map(function (entry) {
        var record = { "": fold(entry.textContent) };
        Object.keys(FIELDS).forEach(function (field) {
          var parts = Array.prototype.map.call(entry.querySelectorAll(FIELDS[field]),
            function (element) { return element.textContent; });
          record[field] = fold(parts.join(" "));
        });
        return record;
      });
    }

    function apply() {
      timer = null;
      var wanted = terms(value("q"));
      var field = Object.prototype.hasOwnProperty.call(FIELDS, value("in")) ? value("in") : "";
      var from = value("from");
      var to = value("to");
      var venue = value("venue");
      var code = value("code");
      if (wanted.length) { prepare(); }
      var perGroup = {};
      var shown = 0;
      entries.forEach(function (entry, position) {
        var visible = (!code || entry.getAttribute("data-code") === "yes")
          && (!venue || entry.getAttribute("data-venue") === venue)
          && inRange(entry.getAttribute("data-date") || "", from, to)
          && wanted.every(function (term) { return texts[position][field].indexOf(term) !== -1; });
        if (entry.hidden === visible) { entry.hidden = !visible; }
        if (visible) {
          shown += 1;
          var group = entry.getAttribute("data-group");
          if (group) { perGroup[group] = (perGroup[group] || 0) + 1; }
        }
      });
      list.groups.forEach(function (element) {
        var empty = !perGroup[element.getAttribute("data-group")];
        if (element.hidden !== empty) { element.hidden = empty; }
      });
      list.counts.forEach(function (count) {
        count.span.textContent = String(perGroup[count.group] || 0);
      });
      if (output) {
        var noun = entries.length === 1 ? " paper" : " papers";
        output.textContent = shown + " of " + entries.length + noun;
      }
      save();
    }

    function schedule() {
      if (timer !== null) { clearTimeout(timer); }
      timer = setTimeout(apply, DEBOUNCE_MS);
    }

    function save() {
      var params = new URLSearchParams(location.search);
      NAMES.forEach(function (name) {
        var current = value(name);
        if (current.trim()) { params.set(name + suffix, current); }
        else { params.delete(name + suffix); }
      });
      var query = params.toString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      if (url === location.pathname + location.search + location.hash) { return; }
      // Replaced, not pushed: typing is not a step back; the hash (an anchor) stays.
      try { history.replaceState(history.state, "", url); } catch (error) { /* file: pages */ }
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      NAMES.forEach(function (name) {
        var element = control(name);
        var saved = params.get(name + suffix);
        if (!element || saved === null) { return; }
        if (element.type === "checkbox") {
          element.checked = saved === (element.value || "yes");
        } else if (element.tagName === "SELECT") {
          // A value no option offers (an old link) is ignored, not half-applied.
          var known = Array.prototype.some.call(element.options,
            function (option) { return option.value === saved; });
          if (known) { element.value = saved; }
        } else {
          element.value = saved;
        }
      });
    }

    // On the box itself: an "input" event that does not bubble (sent by a script) counts too.
    var box = control("q");
    if (box && box.addEventListener) { box.addEventListener("input", schedule); }
    form.addEventListener("change", function () {
      if (timer !== null) { clearTimeout(timer); }
      apply();
    });
    // Enter in the box must not send the form (and reload the page).
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (timer !== null) { clearTimeout(timer); }
      apply();
    });
    // "reset" fires before the fields are cleared.
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    restore();
    form.hidden = false;
    apply();
    // Read the entries' texts while the reader looks at the page, not on the first key.
    if (window.requestIdleCallback) { window.requestIdleCallback(prepare, { timeout: 2000 }); }
  }

  // Opens every closed <details> around the element `id` names (a paper's notes); true if
  // one was closed.
  function reveal(id) {
    var target = id ? document.getElementById(id) : null;
    var opened = false;
    for (var details = target && target.closest("details"); details;
      details = details.parentElement && details.parentElement.closest("details")) {
      if (!details.open) {
        details.open = true;
        opened = true;
      }
    }
    return opened ? target : null;
  }

  function revealHash() {
    var target = reveal(decoded(location.hash.slice(1)));
    // The browser scrolled while the notes were closed: scroll again, now that they show.
    if (target) { target.scrollIntoView(); }
  }

  // A click on a link into closed notes opens them first, so that the browser's own scroll
  // lands on the anchor (also when the hash does not change and no hashchange follows).
  // Links are compared as URLs: Material's instant navigation makes "#x" absolute.
  function onClick(event) {
    var link = event.target.closest ? event.target.closest("a[href*='#']") : null;
    if (link && link.hash && link.origin === location.origin
      && link.pathname === location.pathname) {
      reveal(decoded(link.hash.slice(1)));
    }
  }

  // Printing shows every paper's notes; they close again afterwards.
  var openedForPrint = [];
  function beforePrint() {
    openedForPrint = Array.prototype.filter.call(
      document.querySelectorAll("details.paperlist-notes"),
      function (details) { return !details.open; });
    openedForPrint.forEach(function (details) { details.open = true; });
  }
  function afterPrint() {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  }

  // A copy button on each paper's BibTeX block (its label is CSS: see paperlist.css).
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Pages served over plain http (or opened as files) have no clipboard API.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  function addCopyButtons(root) {
    Array.prototype.forEach.call(root.querySelectorAll("details.paperlist-cite"), function (cite) {
      var summary = cite.querySelector("summary");
      var code = cite.querySelector("pre");
      if (!summary || !code || summary.querySelector(".paperlist-copy")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "paperlist-copy";
      button.setAttribute("aria-label", "Copy the BibTeX");
      button.addEventListener("click", function (event) {
        // A button in a summary would also open or close the block.
        event.preventDefault();
        copyText(code.textContent).then(function () {
          button.setAttribute("data-state", "copied");
        }, function () {
          button.setAttribute("data-state", "failed");
          cite.open = true;
        });
        setTimeout(function () { button.removeAttribute("data-state"); }, 2000);
      });
      summary.appendChild(button);
    });
  }

  // The styles give badges dark colours when the system prefers dark and the theme names no
  // scheme of its own; a theme that then still paints a light page (Sphinx's alabaster) keeps
  // light badges: the page's actual background decides.
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function rgba(text) {
    var match = /rgba?\(([^)]*)\)/.exec(text || "");
    if (!match) { return null; }
    var parts = match[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  }
  function lightPage(element) {
    for (var node = element; node && node.nodeType === 1; node = node.parentElement) {
      var colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour && colour.a > 0.5) {
        return 0.299 * colour.r + 0.587 * colour.g + 0.114 * colour.b > 128;
      }
    }
    // Nothing painted: the canvas, dark only if the page allows a dark colour scheme.
    var meta = document.querySelector("meta[name='color-scheme']");
    var scheme = (getComputedStyle(document.documentElement).colorScheme || "") + " "
      + (meta ? meta.getAttribute("content") : "");
    return !/dark/.test(scheme);
  }
  function matchPage() {
    var controls = document.querySelector(".paperlist-controls");
    var light = Boolean(systemDark && systemDark.matches && controls && lightPage(controls));
    document.documentElement.classList.toggle("paperlist-light-page", light);
  }

  function init() {
    addCopyButtons(document);
    lists(document).forEach(setup);
    matchPage();
    revealHash();
  }

  // Loaded again (written inline into each list page, whose copy a theme's instant navigation
  // runs on arrival): set up the new page with the first copy, whose listeners stay alone.
  if (typeof window.paperlistInit === "function") {
    window.paperlistInit();
    return;
  }
  window.paperlistInit = init;
  if (systemDark && systemDark.addEventListener) { systemDark.addEventListener("change", matchPage); }
  window.addEventListener("hashchange", revealHash);
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  document.addEventListener("click", onClick);
  // Material's instant navigation swaps the page's content without loading the script again.
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
