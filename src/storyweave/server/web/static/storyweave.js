// storyweave web UI: the only script. It never builds HTML from data; it toggles classes
// and attributes. Without it every page still reads: the claims are grouped by status
// (single-source ones in a <details> a click opens), the timeline and graph are SVG.
// A control with data-show="TOKEN" lights up every span whose data-refs holds TOKEN
// (a claim's evidence, a brief sentence's citations, an entity's mentions) in every article.
"use strict";
(function () {
  function light(token) {
    document.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
    if (!token) { return; }
    var hits = document.querySelectorAll('[data-refs~="' + CSS.escape(token) + '"]');
    hits.forEach(function (el) { el.classList.add("lit"); });
    var seen = {};
    hits.forEach(function (el) {
      var card = el.closest("[data-article]");
      var key = card ? card.getAttribute("data-article") : "";
      if (!seen[key]) { seen[key] = true; el.scrollIntoView({ block: "nearest", inline: "nearest" }); }
    });
  }
  function show(control) {
    var token = control.getAttribute("data-show");
    var on = control.classList.contains("showing");
    document.querySelectorAll(".showing").forEach(function (el) { el.classList.remove("showing"); });
    if (on) { light(null); return; }
    control.classList.add("showing");
    light(token);
  }
  document.addEventListener("click", function (event) {
    var control = event.target.closest("[data-show]");
    if (!control) { return; }
    event.preventDefault();
    show(control);
  });
  // timeline markers are SVG groups: Enter or Space acts as a click
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var control = event.target.closest && event.target.closest("g[data-show]");
    if (!control) { return; }
    event.preventDefault();
    show(control);
  });

  // A link to a claim inside a closed group ("conflicts with", a badge) opens the group.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var group = el && el.closest("details");
    if (group) { group.open = true; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // The claim filter: status buttons and a word filter; hidden claims get [hidden].
  var filter = document.getElementById("claim-filter");
  if (!filter) { return; }
  var query = document.getElementById("claim-query");
  var count = document.getElementById("claim-count");
  var none = document.getElementById("claim-none");
  var groups = document.querySelectorAll(".claim-group");
  var status = "";
  filter.hidden = false;
  document.querySelectorAll(".claim-jumps").forEach(function (el) { el.hidden = true; });
  function apply() {
    var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (group) {
      var inGroup = 0;
      group.querySelectorAll(".claim").forEach(function (claim) {
        var text = claim.textContent.toLowerCase();
        var ok = (!status || claim.getAttribute("data-status") === status) &&
          words.every(function (w) { return text.indexOf(w) !== -1; });
        claim.hidden = !ok;
        if (ok) { inGroup += 1; }
      });
      group.hidden = inGroup === 0;
      // a chosen status or words show their claims even in a group collapsed by default
      if (inGroup && (status || words.length)) { group.open = true; }
      shown += inGroup;
    });
    none.hidden = shown !== 0;
    count.textContent = status || words.length ? shown + " shown" : "";
  }
  filter.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-filter]");
    if (!button) { return; }
    status = button.getAttribute("data-filter");
    filter.querySelectorAll("button[data-filter]").forEach(function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
    apply();
  });
  query.addEventListener("input", apply);
})();
