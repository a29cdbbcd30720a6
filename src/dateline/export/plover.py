"""The PLOVER export: one event record a line (JSON Lines), with the field names of the PLOVER
manual's data-exchange format (Table 6.1, entities Table 6.2, text Table 6.3, citation Table
6.5, location Table 6.6), which asks a data set to use those names for what they hold.

JSON Lines, as the manual suggests, so that a large export streams in and out (``jq``,
``pandas.read_json(lines=True)``, DuckDB's ``read_json``). Each line:

    {"id": "<article id>-<n>", "date": "2024-05-06",
     "event": ["CONSULT"], "mode": ["visit"], "context": [],
     "actor": [ENTITY], "recipient": [ENTITY],
     "quad_code": 1, "event_scale": 1.9,
     "event_loc": {"resolved_place", "country_code", "lat", "lon"} | null,
     "event_text": ["<the sentence>"],
     "text_info": {"sequence", "start", "end"},
     "cite_info": {"url", "title", "publication", "language", "published", "article_id"},
     "coder": "dateline 0.1.0",
     "cameo": "042", "tone": -2.5, "confidence": 0.91, "rule": "..."}

    ENTITY = {"code", "sector", "entity_text", "identifier_id", "identifier_text",
              "cameo_code"}

- ``event``, ``mode`` and ``context`` are lists, as the manual has them (one PLOVER type per
  record here; ``mode`` empty when the mapping gives none; ``context`` the event's, else the
  contexts cameo.tsv maps its CAMEO code to). Events with no PLOVER type (the
  plain statements of CAMEO 01, which PLOVER does not code) are left out.
- ``actor`` and ``recipient`` are lists of entities, empty when the side is unknown. An
  entity's ``code`` is its country (ISO 3166-1 alpha-3) or, for an international actor, the
  manual's Table 5.1 code (IGO, UNO, EUR, NGO, ISM, IMG, MNC); ``entity_text`` the words of
  the sentence; ``identifier_id`` its Wikidata QID when known (a ``wikidata_id``/``wikidata``
  field or a ``kb`` reference like ``wikidata:Q403`` on the side or its entity) and
  ``identifier_text`` the resolved name; ``cameo_code`` the full CAMEO actor code.
- ``quad_code`` is the PLOVER type's quad category (manual Table 7.2), ``event_scale`` the
  event's Goldstein value.
- ``text_info.sequence`` is the sentence's 1-based number in the body, ``start``/``end`` its
  character offsets there; ``cite_info.published`` and ``cite_info.article_id`` (the stored
  article) and the last four fields are dateline's own, as the manual allows.

``id`` matches the ``event_id`` column of the table exports. The field names were
``event_id``, ``event_date``, ``event_type``, ``provenance``... before release 0.1.0 of this
format (docs/decisions.md, decision 21).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.events.ontology import PLOVER_QUADS, default
from dateline.export.records import (
    StoredRecord,
    event_date,
    event_key,
    event_tone,
)
from dateline.version import __version__

_QID = re.compile(r"\bQ[1-9][0-9]*\b")
#: The manual's international non-state actors (Table 5.1), stood for by the start of a
#: CAMEO actor code: the UN's and the EU's codes first, then the kinds.
_INTERNATIONAL = (
    ("IGOUNO", "UNO"),
    ("IGOEUR", "EUR"),
    *((kind, kind) for kind in ("IGO", "NGO", "ISM", "IMG", "MNC")),
)
CODER = f"dateline {__version__}"


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


def _top_code(actor: dict[str, Any]) -> str | None:
    """The entity's top-level code: its country, else its international kind."""
    if actor.get("country"):
        return str(actor["country"])
    code = str(actor.get("code") or "")
    return next((top for start, top in _INTERNATIONAL if code.startswith(start)), None)


def _entities(actor: dict[str, Any] | None, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not actor:
        return []
    return [
        {
            "code": _top_code(actor),
            "sector": actor.get("sector"),
            "entity_text": actor.get("text") or actor.get("name"),
            "identifier_id": _wikidata(actor, entities),
            "identifier_text": actor.get("name"),
            "cameo_code": actor.get("code"),
        }
    ]


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    return {
        "resolved_place": place.get("name"),
        "country_code": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
    }


def _listed(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    return [value] if value else []


def _contexts(event: dict[str, Any]) -> list[Any]:
    """The event's ``context`` when it has one, else the contexts the ontology maps its
    CAMEO code to (``plover_context`` in cameo.tsv)."""
    if event.get("context"):
        return _listed(event["context"])
    known = default().get(str(event.get("cameo") or ""))
    return list(known.plover_context) if known else []


def plover_events(item: StoredRecord) -> list[dict[str, Any]]:
    """The PLOVER records of one stored record's selected events that have a PLOVER type."""
    article = item.article
    entities = list(item.record.get("entities") or [])
    out = []
    for n, e in item.events:
        kind = e.get("plover")
        if not kind:
            continue
        out.append(
            {
                "id": event_key(item.id, n),
                "date": event_date(e, article.get("published")),
                "event": [kind],
                "mode": _listed(e.get("plover_mode")),
                "context": _contexts(e),
                "actor": _entities(e.get("source"), entities),
                "recipient": _entities(e.get("target"), entities),
                "quad_code": PLOVER_QUADS.get(kind),
                "event_scale": e.get("goldstein"),
                "event_loc": _location(e.get("location")),
                "event_text": _listed(e.get("sentence")),
                "text_info": {
                    "sequence": item.sentence_number(e),
                    "start": e.get("start"),
                    "end": e.get("end"),
                },
                "cite_info": {
                    "url": article.get("url"),
                    "title": article.get("title"),
                    "publication": article.get("outlet"),
                    "language": article.get("language"),
                    "published": article.get("published"),
                    "article_id": item.id,
                },
                "coder": CODER,
                "cameo": e.get("cameo"),
                "tone": round(event_tone(e), 4),
                "confidence": e.get("confidence"),
                "rule": e.get("rule"),
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


__all__ = ["CODER", "plover_events", "write_plover"]
