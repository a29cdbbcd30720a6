// dateline: the actor-interaction network, drawn as SVG with a small force layout.
// Data comes from /api/network (same filters as the page); all text is set with
// textContent, never parsed as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function svg(name, attrs) {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, String(value));
  return el;
}

function layout(nodes, edges, width, height) {
  // Fruchterman-Reingold with gravity towards the centre and a repulsion cut-off (so
  // separate groups stay near), a fixed number of cooling steps from a deterministic
  // start, then the drawing is scaled to fill the box.
  const n = nodes.length;
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.5;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    node.x = width / 2 + (width / 4) * Math.cos(angle);
    node.y = height / 2 + (height / 4) * Math.sin(angle);
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges
    .map((e) => [index.get(e.source), index.get(e.target)])
    .filter(([a, b]) => a !== undefined && b !== undefined);
  let temperature = width / 8;
  for (let step = 0; step < 300; step++) {
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = nodes[i].x - nodes[j].x;
        const y = nodes[i].y - nodes[j].y;
        const d2 = Math.max(x * x + y * y, 0.01);
        if (d2 > 9 * k * k) continue;
        const force = (k * k) / d2;
        dx[i] += x * force; dy[i] += y * force;
        dx[j] -= x * force; dy[j] -= y * force;
      }
    }
    for (const [a, b] of links) {
      const x = nodes[a].x - nodes[b].x;
      const y = nodes[a].y - nodes[b].y;
      const d = Math.max(Math.sqrt(x * x + y * y), 0.01);
      const force = d / k;
      dx[a] -= x * force; dy[a] -= y * force;
      dx[b] += x * force; dy[b] += y * force;
    }
    for (let i = 0; i < n; i++) {
      dx[i] -= (nodes[i].x - width / 2) * 0.05;
      dy[i] -= (nodes[i].y - height / 2) * 0.05;
      const d = Math.max(Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 0.01);
      const move = Math.min(d, temperature);
      nodes[i].x += (dx[i] / d) * move;
      nodes[i].y += (dy[i] / d) * move;
    }
    temperature = Math.max(temperature * 0.97, 0.5);
  }
  const xs = nodes.map((node) => node.x);
  const ys = nodes.map((node) => node.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const node of nodes) {
    node.x = 40 + ((node.x - x0) / Math.max(x1 - x0, 1)) * (width - 220);
    node.y = 30 + ((node.y - y0) / Math.max(y1 - y0, 1)) * (height - 60);
  }
}

function draw(container, graph) {
  const width = container.clientWidth || 900;
  const height = container.clientHeight || 560;
  const nodes = graph.nodes.slice(0, 150);
  const keep = new Set(nodes.map((node) => node.id));
  const edges = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  layout(nodes, edges, width, height);
  const where = new Map(nodes.map((node) => [node.id, node]));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  const defs = svg("defs");
  for (const q of [0, 1, 2, 3, 4]) {
    const marker = svg("marker", {
      id: "arrow-q" + q, viewBox: "0 0 10 10", refX: 16, refY: 5,
      markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse",
    });
    marker.appendChild(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "q" + q }));
    defs.appendChild(marker);
  }
  root.appendChild(defs);
  const most = Math.max(1, ...edges.map((e) => e.events));
  for (const e of edges) {
    const a = where.get(e.source);
    const b = where.get(e.target);
    const q = [1, 2, 3, 4].includes(e.quad_class) ? e.quad_class : 0;
    const line = svg("path", {
      d: `M ${a.x} ${a.y} L ${b.x} ${b.y}`,
      class: "edge q" + q,
      "stroke-width": 1 + 4 * Math.sqrt(e.events / most),
      "marker-end": `url(#arrow-q${q})`,
    });
    const title = svg("title");
    title.textContent = `${e.source} → ${e.target}: ${e.events} events`;
    line.appendChild(title);
    root.appendChild(line);
  }
  for (const node of nodes) {
    const link = svg("a", { class: "node", href: "/actor?" + new URLSearchParams({ name: node.id }) });
    link.appendChild(svg("circle", { cx: node.x, cy: node.y, r: 3 + Math.min(8, Math.sqrt(node.events)) }));
    const label = svg("text", { x: node.x + 8, y: node.y + 4 });
    label.textContent = node.id;
    link.appendChild(label);
    root.appendChild(link);
  }
  container.replaceChildren(root);
}

document.addEventListener("DOMContentLoaded", async () => {
  const container = document.getElementById("network");
  if (!container) return;
  const source = container.getAttribute("data-source");
  try {
    const answer = await fetch(source, { headers: { Accept: "application/json" } });
    if (!answer.ok) return;
    const graph = await answer.json();
    if (graph.nodes.length) draw(container, graph);
  } catch (error) {
    // the table below the graph shows the same data
  }
});
