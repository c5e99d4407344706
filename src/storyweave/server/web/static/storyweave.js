// storyweave web UI: the only script. It never builds HTML from data; it toggles classes.
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
  document.addEventListener("click", function (event) {
    var control = event.target.closest("[data-show]");
    if (!control) { return; }
    event.preventDefault();
    var token = control.getAttribute("data-show");
    var on = control.classList.contains("showing");
    document.querySelectorAll(".showing").forEach(function (el) { el.classList.remove("showing"); });
    if (on) { light(null); return; }
    control.classList.add("showing");
    light(token);
  });
})();
