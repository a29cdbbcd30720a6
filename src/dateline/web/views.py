"""What the pages and the API show, computed from the Store API (no SQL here).

Lists are paged with ``limit``/``offset``; the page functions fetch one row more than asked
to know whether a next page exists. Aggregates (stats, network, map, timelines) are computed
over at most ``SCAN_LIMIT`` of the newest matching events, so one request stays bounded.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.store import Store

#: The most events an aggregate (network, map, actor page, stats) reads in one request.
SCAN_LIMIT = 20_000
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
EVENT_FILTERS = ("actor", "country", "code", "plover", "since", "until")


@dataclass(slots=True)
class Page:
    items: list[dict[str, Any]]
    limit: int
    offset: int
    more: bool
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": self.offset + self.limit if self.more else None,
            **self.extra,
        }


def paged(rows: list[dict[str, Any]], limit: int, offset: int) -> Page:
    """A page from ``limit + 1`` fetched rows."""
    return Page(rows[:limit], limit, offset, len(rows) > limit)


def articles(store: Store, limit: int, offset: int) -> Page:
    rows = [r.to_dict() for r in store.articles(limit=limit + 1, offset=offset)]
    return paged(rows, limit, offset)


def search(
    store: Store, q: str, limit: int, offset: int, marks: tuple[str, str] = ("[", "]")
) -> Page:
    hits = store.search(q, limit=offset + limit + 1, highlight=marks)
    rows = [h.to_dict() for h in hits[offset:]]
    return paged(rows, limit, offset)


def events(store: Store, filters: dict[str, Any], limit: int, offset: int) -> Page:
    return paged(store.events(**filters, limit=limit + 1, offset=offset), limit, offset)


def actors(store: Store, filters: dict[str, Any], limit: int, offset: int) -> Page:
    return paged(store.actors(**filters, limit=limit + 1, offset=offset), limit, offset)


def quotes(
    store: Store,
    speaker: str | None,
    article_id: str | None,
    q: str | None,
    limit: int,
    offset: int,
) -> Page:
    """Quotes by speaker and article; ``q`` keeps quotes whose text has every word of it
    (found through the articles' full-text index, so only matching articles are read)."""
    if not q:
        rows = store.quotes(speaker=speaker, article_id=article_id, limit=limit + 1, offset=offset)
        return paged(rows, limit, offset)
    words = [w.casefold() for w in q.split()]
    found: list[dict[str, Any]] = []
    ids = [article_id] if article_id else [h.id for h in store.search(q, limit=200)]
    for aid in ids:
        for row in store.quotes(speaker=speaker, article_id=aid, limit=None):
            text = (row.get("text") or "").casefold()
            if all(w in text for w in words):
                found.append(row)
    return paged(found[offset : offset + limit + 1], limit, offset)


def _side(row: dict[str, Any], side: str) -> tuple[str, str | None] | None:
    name = row.get(f"{side}_name")
    return (name, row.get(f"{side}_code")) if name else None


def network(store: Store, filters: dict[str, Any], limit: int) -> dict[str, Any]:
    """Who did what to whom: actors as nodes, (source, target) pairs as edges, each edge
    with its event count per QuadClass and its dominant QuadClass (the colour)."""
    pairs: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    nodes: dict[str, dict[str, Any]] = {}
    rows = store.events(**filters, limit=SCAN_LIMIT)
    for row in rows:
        source, target = _side(row, "source"), _side(row, "target")
        if source is None or target is None or source[0] == target[0]:
            continue
        for (name, code), side in ((source, "source"), (target, "target")):
            node = nodes.setdefault(
                name, {"id": name, "code": code, "country": row.get(f"{side}_country"), "events": 0}
            )
            node["events"] += 1
        pairs[(source[0], target[0])][int(row.get("quad_class") or 0)] += 1
    edges: list[dict[str, Any]] = [
        {
            "source": s,
            "target": t,
            "events": sum(by.values()),
            "quad_class": by.most_common(1)[0][0],
            "by_quad_class": {str(k): v for k, v in sorted(by.items())},
        }
        for (s, t), by in pairs.items()
    ]
    edges.sort(key=lambda e: (-e["events"], e["source"], e["target"]))
    edges = edges[:limit]
    keep = {e["source"] for e in edges} | {e["target"] for e in edges}
    node_list = sorted(
        (n for n in nodes.values() if n["id"] in keep), key=lambda n: -int(n["events"])
    )
    return {"nodes": node_list, "edges": edges, "scanned": len(rows)}


def places(store: Store, filters: dict[str, Any], limit: int) -> dict[str, Any]:
    """Event locations with coordinates, one row per place, most events first."""
    found: dict[tuple[str, float, float], dict[str, Any]] = {}
    rows = store.events(**filters, limit=SCAN_LIMIT)
    for row in rows:
        lat, lon = row.get("lat"), row.get("lon")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        key = (row.get("location_name") or "", float(lat), float(lon))
        place = found.setdefault(
            key,
            {
                "name": key[0],
                "country": row.get("location_country"),
                "lat": key[1],
                "lon": key[2],
                "events": 0,
                "by_quad_class": Counter(),
                "by_month": defaultdict(Counter),
            },
        )
        quad = int(row.get("quad_class") or 0)
        place["events"] += 1
        place["by_quad_class"][quad] += 1
        day = row.get("date")
        month = day[:7] if isinstance(day, str) and len(day) >= 7 else "undated"
        place["by_month"][month][quad] += 1
    out = sorted(found.values(), key=lambda p: (-p["events"], p["name"]))[:limit]
    for place in out:
        by = place["by_quad_class"]
        place["quad_class"] = by.most_common(1)[0][0]
        place["by_quad_class"] = {str(k): v for k, v in sorted(by.items())}
        place["by_month"] = {
            month: {str(k): v for k, v in sorted(counts.items())}
            for month, counts in sorted(place["by_month"].items())
        }
    return {"places": out, "scanned": len(rows)}


def place_events(
    store: Store, filters: dict[str, Any], name: str, lat: float, lon: float, limit: int
) -> dict[str, Any]:
    """The events of one place of the map (its name and coordinates as ``places`` gives
    them), newest first, with what a list needs to link each to its sentence."""
    keep = (
        "article_id", "n", "date", "cameo", "plover", "quad_class", "source_name",
        "target_name", "sentence", "start", "end", "title", "location_country",
    )  # fmt: skip
    items = []
    rows = store.events(**filters, limit=SCAN_LIMIT)
    for row in rows:
        if (row.get("location_name") or "") != name:
            continue
        if row.get("lat") != lat or row.get("lon") != lon:
            continue
        items.append({k: row.get(k) for k in keep})
    return {
        "place": {"name": name, "lat": lat, "lon": lon},
        "events": len(items),
        "items": items[:limit],
        "scanned": len(rows),
    }


def actor(store: Store, name: str, code: str | None, limit: int) -> dict[str, Any]:
    """One actor: its rows in the actor index, its events (as source or target), a monthly
    timeline of them by QuadClass, and its quotes."""
    rows = [r for r in store.actors(name=name, limit=200) if r["name"] == name]
    if code:
        rows = [r for r in rows if r.get("code") == code] or rows
    # Events can be filtered by code in the store; the name is matched here.
    scan = store.events(actor=code, limit=SCAN_LIMIT) if code else store.events(limit=SCAN_LIMIT)
    mine = [e for e in scan if name in (e.get("source_name"), e.get("target_name"))]
    said = [q for q in store.quotes(speaker=name, limit=limit) if q.get("speaker") == name]
    return {
        "name": name,
        "code": code,
        "rows": rows,
        "events": mine[:limit],
        "event_count": len(mine),
        "timeline": timeline(mine),
        "quotes": said,
    }


def _months(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), at most 240 of them."""
    try:
        year, month = int(first[:4]), int(first[5:7])
        date(year, month, 1)
    except ValueError:
        return sorted({first, last})
    out: list[str] = []
    while len(out) < 240:
        out.append(f"{year:04d}-{month:02d}")
        if out[-1] >= last:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def timeline(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per month and QuadClass, oldest month first, empty months between included
    (undated events left out)."""
    months: dict[str, Counter[int]] = defaultdict(Counter)
    for row in rows:
        day = row.get("date")
        if isinstance(day, str) and len(day) >= 7:
            months[day[:7]][int(row.get("quad_class") or 0)] += 1
    if not months:
        return []
    keys = sorted(months)
    return [
        {
            "month": m,
            "events": sum(months[m].values()),
            "by_quad_class": {str(k): v for k, v in months[m].items()},
        }
        for m in sorted({*keys, *_months(keys[0], keys[-1])})
    ]


class StatsCache:
    """Store statistics, recomputed at most every ``ttl`` seconds or when articles change."""

    def __init__(self, ttl: float = 30.0) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._value: dict[str, Any] | None = None
        self._key: tuple[int, float] = (-1, 0.0)

    def clear(self) -> None:
        with self._lock:
            self._value = None

    def get(self, store: Store) -> dict[str, Any]:
        count = store.count()
        with self._lock:
            fresh = time.monotonic() - self._key[1] < self.ttl
            if self._value is not None and self._key[0] == count and fresh:
                return self._value
        value = stats(store, count)
        with self._lock:
            self._value, self._key = value, (count, time.monotonic())
        return value


def stats(store: Store, articles: int | None = None) -> dict[str, Any]:
    """Counts over the store (events over at most SCAN_LIMIT of the newest)."""
    own = getattr(store, "stats", None)
    if callable(own):
        result: dict[str, Any] = own()
        return result
    rows = store.events(limit=SCAN_LIMIT)
    dates = sorted(d for r in rows if isinstance(d := r.get("date"), str) and d)
    quad = Counter(int(r.get("quad_class") or 0) for r in rows)
    return {
        "articles": store.count() if articles is None else articles,
        "events": len(rows),
        "events_capped": len(rows) >= SCAN_LIMIT,
        "quotes": len(store.quotes(limit=None)),
        "actors": len(store.actors(limit=None)),
        "first_event": dates[0] if dates else None,
        "last_event": dates[-1] if dates else None,
        "by_quad_class": {str(k): v for k, v in sorted(quad.items())},
        "by_plover": dict(Counter(r.get("plover") or "" for r in rows).most_common()),
        "by_cameo_root": dict(sorted(Counter(r.get("cameo_root") or "" for r in rows).items())),
        "top_actors": [
            {k: a.get(k) for k in ("name", "type", "country", "code", "articles")}
            for a in store.actors(limit=10)
        ],
    }
