"""The PLOVER export: POLECAT-style event records, one JSON object per line (JSON Lines).

JSON Lines rather than one JSON array so that a large export streams in and out (``jq``,
``pandas.read_json(lines=True)``, DuckDB's ``read_json``). Each line:

    {"event_id": "<article id>-<n>", "event_date": "2024-05-06", "event_type": "CONSULT",
     "mode": "visit", "context": [], "cameo": "042", "quad_class": 1, "goldstein": 1.9,
     "tone": -2.5,
     "actor": [{"name", "country", "sector", "wikidata_id", "code"}], "recipient": [...],
     "location": {"name", "country", "lat", "lon"} | null,
     "provenance": {"article_id", "url", "outlet", "published", "sentence", "start", "end",
                    "sentence_id", "rule", "confidence"}}

``actor`` and ``recipient`` are lists as in POLECAT (empty when the side is unknown);
``wikidata_id`` is the actor's Wikidata QID when the actor or its entity carries one (a
``wikidata_id``/``wikidata`` field, or a ``kb`` reference like ``wikidata:Q403``), else null.
``context`` is the event's ``context`` list when the coder gives one, else empty. ``tone`` is
the event's tone (``event.tone``, else the tone of its sentence); ``event_id`` matches the
``event_id`` column of the table exports.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.export.records import (
    StoredRecord,
    event_date,
    event_key,
    event_tone,
)

_QID = re.compile(r"\bQ[1-9][0-9]*\b")


def _wikidata(actor: dict[str, Any], entities: list[dict[str, Any]]) -> str | None:
    candidates: list[Any] = [actor.get("wikidata_id"), actor.get("wikidata"), actor.get("kb")]
    name = actor.get("name")
    for entity in entities:
        if name and entity.get("name") == name:
            candidates += [entity.get("wikidata_id"), entity.get("wikidata"), entity.get("kb")]
    for value in candidates:
        match = _QID.search(str(value)) if value else None
        if match:
            return match.group()
    return None


def _actors(actor: dict[str, Any] | None, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not actor:
        return []
    return [
        {
            "name": actor.get("name") or actor.get("text"),
            "country": actor.get("country"),
            "sector": actor.get("sector"),
            "wikidata_id": _wikidata(actor, entities),
            "code": actor.get("code"),
        }
    ]


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    return {key: place.get(key) for key in ("name", "country", "lat", "lon")}


def plover_events(item: StoredRecord) -> list[dict[str, Any]]:
    """The PLOVER records of one stored record's selected events."""
    article = item.article
    entities = list(item.record.get("entities") or [])
    out = []
    for n, e in item.events:
        context = e.get("context")
        out.append(
            {
                "event_id": event_key(item.id, n),
                "event_date": event_date(e, article.get("published")),
                "event_type": e.get("plover"),
                "mode": e.get("plover_mode"),
                "context": list(context) if isinstance(context, list | tuple) else [],
                "cameo": e.get("cameo"),
                "quad_class": e.get("quad_class"),
                "goldstein": e.get("goldstein"),
                "tone": round(event_tone(e), 4),
                "actor": _actors(e.get("source"), entities),
                "recipient": _actors(e.get("target"), entities),
                "location": _location(e.get("location")),
                "provenance": {
                    "article_id": item.id,
                    "url": article.get("url"),
                    "outlet": article.get("outlet"),
                    "published": article.get("published"),
                    "sentence": e.get("sentence"),
                    "start": e.get("start"),
                    "end": e.get("end"),
                    "sentence_id": item.sentence_number(e),
                    "rule": e.get("rule"),
                    "confidence": e.get("confidence"),
                },
            }
        )
    return out


def write_plover(items: Iterable[StoredRecord], handle: TextIO) -> int:
    """Write the PLOVER records as JSON Lines; return how many."""
    count = 0
    for item in items:
        for record in plover_events(item):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


__all__ = ["plover_events", "write_plover"]
