// dateline: small progressive enhancements. Every page works without this file.
"use strict";

// Article pages: hovering or clicking an event or quote in the side list marks its text,
// and clicking marked text shows the matching entry of the side list.
function linkFacts() {
  const body = document.getElementById("body");
  if (!body) return;
  const marks = (kind, index) =>
    Array.from(body.querySelectorAll("[data-" + kind + "]")).filter((el) =>
      el.getAttribute("data-" + kind).split(" ").includes(index)
    );
  for (const kind of ["event", "quote"]) {
    for (const item of document.querySelectorAll("li." + kind + "[data-" + kind + "]")) {
      const index = item.getAttribute("data-" + kind);
      const toggle = (on) => marks(kind, index).forEach((el) => el.classList.toggle("active", on));
      item.addEventListener("mouseenter", () => toggle(true));
      item.addEventListener("mouseleave", () => toggle(false));
      item.addEventListener("click", () => {
        const first = marks(kind, index)[0];
        if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
      });
    }
  }
  body.addEventListener("click", (event) => {
    const mark = event.target.closest("[data-event], [data-quote]");
    if (!mark || event.target.closest("a")) return;
    const kind = mark.hasAttribute("data-event") ? "event" : "quote";
    const index = mark.getAttribute("data-" + kind).split(" ")[0];
    const item = document.getElementById(kind + "-" + index);
    if (!item) return;
    document.querySelectorAll("li.active").forEach((el) => el.classList.remove("active"));
    item.classList.add("active");
    item.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
}

// Filter forms: drop empty fields from the query string so links stay short.
function tidyForms() {
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("submit", () => {
      for (const input of form.querySelectorAll("input")) {
        if (!input.value) input.removeAttribute("name");
      }
    });
  }
}

// The analyze form: say that work is under way (the first analysis loads a model).
function busyAnalyze() {
  const form = document.querySelector("form.analyze");
  if (!form) return;
  form.addEventListener("submit", () => {
    const button = form.querySelector("button");
    button.disabled = true;
    button.textContent = "Analyzing…";
  });
}

document.addEventListener("DOMContentLoaded", () => {
  linkFacts();
  tidyForms();
  busyAnalyze();
});
