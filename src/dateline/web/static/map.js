// dateline map: a time slider over the months of the events, and a click on a place that
// lists its events without a reload. The page works without this file (the slider stays
// hidden and a click opens /map?place=...).
"use strict";

function monthCounts(circle) {
  // "2024-03:1:2 2024-03:4:1" -> [{month, quad, count}]
  return (circle.getAttribute("data-months") || "")
    .split(" ")
    .filter(Boolean)
    .map((part) => {
      const [month, quad, count] = part.split(":");
      return { month, quad: Number(quad), count: Number(count) };
    });
}

function setupSlider(svg) {
  const form = document.getElementById("timeline");
  if (!form) return () => null;
  const months = (svg.getAttribute("data-months") || "").split(" ").filter(Boolean);
  const from = document.getElementById("month-from");
  const to = document.getElementById("month-to");
  const label = document.getElementById("month-range");
  const summary = document.getElementById("month-summary");
  const circles = Array.from(svg.querySelectorAll("circle.place"));
  const data = circles.map(monthCounts);
  const range = () => {
    const a = Math.min(Number(from.value), Number(to.value));
    const b = Math.max(Number(from.value), Number(to.value));
    const all = a === 0 && b === months.length - 1;
    return { since: months[a], until: months[b], all };
  };
  const update = () => {
    const { since, until, all } = range();
    const totals = data.map((rows) => {
      const byQuad = new Map();
      let n = 0;
      for (const row of rows) {
        const inside = row.month === "undated" ? all : row.month >= since && row.month <= until;
        if (!inside) continue;
        n += row.count;
        byQuad.set(row.quad, (byQuad.get(row.quad) || 0) + row.count);
      }
      let quad = 0;
      let most = -1;
      for (const [q, c] of byQuad) if (c > most) [quad, most] = [q, c];
      return { n, quad };
    });
    const top = Math.max(1, ...totals.map((t) => t.n));
    let events = 0;
    let places = 0;
    circles.forEach((circle, i) => {
      const { n, quad } = totals[i];
      const link = circle.closest("a");
      if (link) link.classList.toggle("hidden", n === 0);
      const row = document.querySelector('tr[data-place="' + i + '"]');
      if (row) {
        row.hidden = n === 0;
        row.querySelector(".place-count").textContent = n;
      }
      if (n === 0) return;
      events += n;
      places += 1;
      circle.setAttribute("r", (1.2 + 4 * Math.sqrt(n / top)).toFixed(2));
      for (const q of [0, 1, 2, 3, 4]) circle.classList.toggle("q" + q, q === quad);
    });
    label.textContent = since === until ? since : since + " – " + until;
    summary.textContent = "· " + events + " events in " + places + " places";
  };
  from.addEventListener("input", update);
  to.addEventListener("input", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  update();
  return range;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

function sentenceHref(e) {
  const base = "/articles/" + encodeURIComponent(e.article_id);
  return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end
    ? base + "?hl=" + e.start + "-" + e.end + "#hl"
    : base;
}

function showPlace(panel, link, answer) {
  panel.replaceChildren();
  const heading = element("h2", null, link.getAttribute("data-name") || "?");
  heading.append(" ", element("span", "muted", "· " + answer.events + " event" + (answer.events === 1 ? "" : "s")));
  panel.append(heading);
  const list = element("ol", "place-events");
  for (const e of answer.items) {
    const item = element("li");
    item.append(element("span", "muted", e.date || "undated"), " ", element("code", null, e.cameo), " ");
    const quad = element("span", "quad q" + (e.quad_class || 0), QUADS[e.quad_class] || "unknown");
    item.append(quad, " " + (e.source_name || "?") + " → " + (e.target_name || "?") + " ");
    const sentence = element("a", "sentence-link", e.sentence);
    sentence.href = sentenceHref(e);
    item.append(sentence);
    list.append(item);
  }
  if (!answer.items.length) list.append(element("li", "muted", "No events here in this period."));
  panel.append(list);
}

function setupClicks(svg, range) {
  const panel = document.getElementById("place-events");
  if (!panel) return;
  const filters = svg.getAttribute("data-filters") || "";
  svg.addEventListener("click", async (event) => {
    const link = event.target.closest("a.place-link");
    if (!link) return;
    event.preventDefault();
    svg.querySelectorAll("circle.selected").forEach((c) => c.classList.remove("selected"));
    link.querySelector("circle").classList.add("selected");
    const query = new URLSearchParams(filters);
    query.set("name", link.getAttribute("data-name") || "");
    query.set("lat", link.getAttribute("data-lat"));
    query.set("lon", link.getAttribute("data-lon"));
    const chosen = range();
    if (chosen && !chosen.all) {
      query.set("since", chosen.since);
      query.set("until", chosen.until);
    }
    panel.replaceChildren(element("p", "muted", "Loading…"));
    try {
      const response = await fetch("/api/places/events?" + query.toString());
      if (!response.ok) throw new Error("HTTP " + response.status);
      showPlace(panel, link, await response.json());
    } catch (error) {
      panel.replaceChildren(element("p", "error", "Could not list the events: " + error.message));
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const svg = document.getElementById("map");
  if (!svg) return;
  const range = setupSlider(svg);
  setupClicks(svg, range);
});
