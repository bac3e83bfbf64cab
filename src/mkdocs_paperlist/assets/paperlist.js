// mkdocs_paperlist: filter entries by words (title and notes), year and "has code".
// A typed word matches the start of a word of the entry (words are separated by spaces and
// punctuation, ASCII or CJK), so "EC" finds "ECG" but not "decade".
// No dependencies; without JavaScript the filter bar stays hidden and the full list shows.
(function () {
  "use strict";
  var SEPARATORS = /[\s.,;:!?()[\]{}<>"'\/|`*_=+~“”‘’«»—–…（），。、：；！？【】《》「」]+/;
  function setup(root) {
    var bar = root.querySelector(".paperlist-filter");
    if (!bar || bar.dataset.ready) { return; }
    bar.dataset.ready = "1";
    var entries = Array.prototype.slice.call(root.querySelectorAll(".paperlist-entry"));
    var text = entries.map(function (entry) {
      var words = entry.textContent;
      var target = entry.dataset.notes && document.getElementById(entry.dataset.notes);
      var notes = target && target.closest(".paperlist-notes");
      if (notes) { words += " " + notes.textContent; }
      var seen = {};
      words.toLowerCase().split(SEPARATORS).forEach(function (word) {
        if (word) { seen[word] = true; }
      });
      return Object.keys(seen);
    });
    var input = bar.querySelector("input[type=search]");
    var year = bar.querySelector("select");
    var code = bar.querySelector("input[type=checkbox]");
    var count = bar.querySelector(".paperlist-count");
    function apply() {
      var terms = input.value.toLowerCase().split(SEPARATORS).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry, index) {
        var visible = terms.every(function (term) {
          return text[index].some(function (word) { return word.lastIndexOf(term, 0) === 0; });
        })
          && (!year.value || entry.dataset.year === year.value)
          && (!code.checked || entry.dataset.code === "yes");
        entry.hidden = !visible;
        if (visible) { shown += 1; }
      });
      count.textContent = shown + " of " + entries.length + " papers";
    }
    input.addEventListener("input", apply);
    year.addEventListener("change", apply);
    code.addEventListener("change", apply);
    bar.hidden = false;
    apply();
  }
  function fragment() {
    var raw = location.hash.slice(1);
    // A hand-typed or truncated link ("#%E0%A4%A") is not valid percent-encoding; it can
    // still name an element as written, and must not stop the script.
    try { return decodeURIComponent(raw); } catch (error) { return raw; }
  }
  function openTarget() {
    var id = fragment();
    var target = id && document.getElementById(id);
    var details = target && target.closest("details");
    if (details) { details.open = true; }
  }
  function init() {
    setup(document);
    openTarget();
  }
  window.addEventListener("hashchange", openTarget);
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
