"""Invented sample records for the web app's tests, demos and load test.

Every name, place and sentence here is made up. Records are built by hand (no NLP), with
entity mentions, quotes and events whose offsets index into ``article.body`` exactly as the
pipeline's do, so the store, the API and the pages can be exercised without a model.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from dateline.model import Analysis, Article, Block, content_id


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: str
    role: str | None
    country: str
    sector: str | None
    code: str


@dataclass(frozen=True, slots=True)
class Verb:
    cameo: str
    plover: str
    mode: str | None
    quad_class: int
    goldstein: float
    phrase: str  # "{source} <phrase> {target}"


ACTORS: tuple[Actor, ...] = (
    Actor("Lena Morgan", "PERSON", "Harbour Minister", "EST", "GOV", "ESTGOV"),
    Actor("Piet Olsen", "PERSON", "Foreign Minister", "NOR", "GOV", "NORGOV"),
    Actor("Ama Boateng", "PERSON", "President", "GHA", "GOV", "GHAGOV"),
    Actor("Rafael Quintero", "PERSON", "Interior Minister", "CHL", "GOV", "CHLGOV"),
    Actor("Keiko Arata", "PERSON", "Trade Envoy", "JPN", "GOV", "JPNGOV"),
    Actor("Valport Dockers Union", "ORG", None, "LVA", "LAB", "LVALAB"),
    Actor("Northern Relief Fund", "ORG", None, "CAN", "NGO", "CANNGO"),
    Actor("Latvia", "GPE", None, "LVA", None, "LVA"),
    Actor("Ghana", "GPE", None, "GHA", None, "GHA"),
    Actor("Chile", "GPE", None, "CHL", None, "CHL"),
)

VERBS: tuple[Verb, ...] = (
    Verb("042", "CONSULT", "visit", 1, 1.9, "visited"),
    Verb("036", "CONSULT", "meet", 1, 4.0, "agreed to meet"),
    Verb("057", "AGREE", "sign", 1, 8.0, "signed a trade accord with"),
    Verb("070", "AID", None, 2, 7.0, "sent aid to"),
    Verb("112", "ACCUSE", None, 3, -2.0, "accused"),
    Verb("130", "THREATEN", None, 3, -4.4, "threatened"),
    Verb("173", "COERCE", "arrest", 4, -5.0, "detained officials of"),
    Verb("163", "SANCTION", None, 4, -8.0, "imposed an embargo on"),
)

PLACES: tuple[tuple[str, str, float, float], ...] = (
    ("Valport", "LVA", 56.95, 24.1),
    ("Tallinn", "EST", 59.44, 24.75),
    ("Accra", "GHA", 5.6, -0.19),
    ("Valparaiso", "CHL", -33.05, -71.62),
    ("Osaka", "JPN", 34.69, 135.5),
    ("Tromso", "NOR", 69.65, 18.96),
    ("Halifax", "CAN", 44.65, -63.57),
)

SAYINGS = (
    "The talks were long but worth it",
    "We will not accept these terms",
    "Nobody should read this as a threat",
    "The ships will sail again next week",
    "Our patience has limits",
)


def _side(actor: Actor) -> dict[str, Any]:
    return {
        "name": actor.name,
        "text": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
    }


def _entity(n: int, actor: Actor, body: str) -> dict[str, Any]:
    mentions = []
    at = body.find(actor.name)
    while at >= 0:
        mentions.append({"text": actor.name, "start": at, "end": at + len(actor.name)})
        at = body.find(actor.name, at + 1)
    return {
        "id": f"e{n}",
        "name": actor.name,
        "type": actor.type,
        "role": actor.role,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
        "aliases": [],
        "mentions": mentions,
    }


def record(n: int, events: int = 3, *, seed: int = 0) -> Analysis:
    """The ``n``-th invented article, with ``events`` events, one quote and its entities."""
    rng = random.Random(seed * 1_000_003 + n)
    day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    pieces: list[str] = []
    event_list: list[dict[str, Any]] = []
    used: list[Actor] = []
    offset = 0
    for _ in range(events):
        source, target = rng.sample(ACTORS, 2)
        verb = rng.choice(VERBS)
        place = rng.choice(PLACES)
        sentence = f"{source.name} {verb.phrase} {target.name} in {place[0]} on {day}."
        event_list.append(
            {
                "cameo": verb.cameo,
                "cameo_root": verb.cameo[:2],
                "plover": verb.plover,
                "plover_mode": verb.mode,
                "quad_class": verb.quad_class,
                "goldstein": verb.goldstein,
                "source": _side(source),
                "target": _side(target),
                "date": day,
                "location": {
                    "name": place[0],
                    "country": place[1],
                    "lat": place[2],
                    "lon": place[3],
                },
                "sentence": sentence,
                "start": offset,
                "end": offset + len(sentence),
                "confidence": 0.8,
                "rule": f"sample:{verb.cameo}",
            }
        )
        used += [source, target]
        pieces.append(sentence)
        offset += len(sentence) + 2
    speaker = next((a for a in used if a.type == "PERSON"), used[0])
    saying = rng.choice(SAYINGS)
    quote_sentence = f'"{saying}," {speaker.name} said.'
    quote: dict[str, Any] = {
        "text": saying,
        "kind": "direct",
        "speaker": {"name": speaker.name, "entity": None, "text": speaker.name},
        "cue": "said",
        "sentence": quote_sentence,
        "start": offset + 1,
        "end": offset + 1 + len(saying),
    }
    pieces.append(quote_sentence)
    body = "\n\n".join(pieces)
    entities: list[dict[str, Any]] = []
    for actor in dict.fromkeys(used):
        entities.append(_entity(len(entities) + 1, actor, body))
    quote["speaker"]["entity"] = next(e["id"] for e in entities if e["name"] == speaker.name)
    title = f"Sample dispatch {n}: {used[0].name} and {used[1].name}"
    return build(title, body, published=day, entities=entities, quotes=[quote], events=event_list)


def build(
    title: str,
    body: str,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str = "Sample Wire",
    entities: list[dict[str, Any]] | None = None,
    quotes: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Analysis:
    """An analysis record from its parts (the article's body split into paragraphs)."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    article = Article(
        url=url,
        outlet=outlet,
        title=title,
        authors=["Sample Desk"],
        published=published,
        language="en",
        body=body,
        blocks=[Block("title", title), *(Block("paragraph", p) for p in paragraphs)],
    )
    return Analysis(
        id=content_id(title + "\n" + body),
        input_id=title,
        article=article,
        entities=list(entities or []),
        quotes=list(quotes or []),
        events=list(events or []),
    )


def build_store(db: str, events: int = 10_000, per_article: int = 10) -> int:
    """Fill the store at ``db`` with invented articles holding ``events`` events in all."""
    from dateline.store import Store

    articles = max(1, -(-events // per_article))
    with Store.open(db) as store:
        counts = store.ingest(record(n, per_article) for n in range(articles))
    return counts.inserted
