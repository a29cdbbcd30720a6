// dateline: keep list pages current while `dateline watch` adds records. Polls
// /api/updated (a cheap stamp); when the newest article changes, the footer's times are
// updated and the lists of a list page are replaced by the server's fresh ones, without a
// reload (filters typed into forms stay as they are). Every page works without this file.
"use strict";

(() => {
  const POLL_MS = window.DATELINE_POLL_MS || 30000;
  // Pages whose lists are safe to replace wholesale (no script holds on to their rows).
  const LIST_PAGES = ["/", "/search", "/events", "/actors", "/quotes", "/stories"];
  const LISTS = "main table.list, main ol.results, main .pager";

  function setTime(id, value) {
    const el = document.getElementById(id);
    if (el && value) {
      el.textContent = value;
      el.setAttribute("datetime", value);
    }
  }

  async function refreshLists() {
    const answer = await fetch(location.href, { headers: { Accept: "text/html" } });
    if (!answer.ok) return;
    const fresh = new DOMParser().parseFromString(await answer.text(), "text/html");
    const now = Array.from(document.querySelectorAll(LISTS));
    const next = Array.from(fresh.querySelectorAll(LISTS));
    if (now.length !== next.length) {
      // the page's shape changed (an empty list got its first rows): swap the whole main
      const main = fresh.querySelector("main");
      if (main) document.querySelector("main").replaceWith(main);
    } else {
      now.forEach((el, i) => el.replaceWith(next[i]));
    }
    for (const el of document.querySelectorAll(LISTS)) {
      el.classList.add("live-new");
    }
  }

  async function poll(stamp) {
    if (document.hidden) return;
    let data;
    try {
      const answer = await fetch("/api/updated", { headers: { Accept: "application/json" } });
      if (!answer.ok) return;
      data = await answer.json();
    } catch (error) {
      return; // the server is restarting or the network is down: try again next time
    }
    setTime("store-checked", data.checked_at);
    if (String(data.last_seq) === stamp.dataset.seq) return;
    setTime("store-updated", data.updated_at);
    stamp.dataset.seq = String(data.last_seq);
    if (LIST_PAGES.includes(location.pathname)) await refreshLists();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const stamp = document.getElementById("stamp");
    if (!stamp) return;
    setInterval(() => poll(stamp), POLL_MS);
  });
})();
