"""The values a comparison is made of: items, groups of items across outlets, outlets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Item:
    """One outlet's version of something: an actor it names, a quote, an event, a sentence.

    ``start``/``end`` are offsets into that article's body (None when the record had none);
    ``fields`` carries what the kind adds (speaker and cut for quotes, code and sides for
    events, type and mentions for actors)."""

    article_id: str
    text: str
    start: int | None
    end: int | None
    sentence: str | None
    fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            **self.fields,
        }


@dataclass(slots=True)
class Group:
    """The versions of one actor, quote or event across outlets (one or more per outlet)."""

    kind: str  # "actor", "quote" or "event"
    label: str
    items: list[Item]

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(item.article_id for item in self.items))

    def by_article(self, article_id: str) -> list[Item]:
        return [item for item in self.items if item.article_id == article_id]

    def to_dict(self) -> dict[str, Any]:
        articles = self.articles
        return {
            "kind": self.kind,
            "label": self.label,
            "articles": articles,
            "only": articles[0] if len(articles) == 1 else None,
            "items": [item.to_dict() for item in self.items],
        }


@dataclass(frozen=True, slots=True)
class Outlet:
    """One article of the story: who published it, when, and how it reads."""

    article_id: str
    outlet: str
    title: str | None
    url: str | None
    published: str | None
    rank: int  # 1 for the first to publish; equal for ties; None-dated articles last
    minutes_after_first: int | None  # None when either time is unknown
    tone: float
    words: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "rank": self.rank,
            "first": self.rank == 1,
            "minutes_after_first": self.minutes_after_first,
            "tone": round(self.tone, 2),
            "words": self.words,
        }


@dataclass(slots=True)
class Comparison:
    outlets: list[Outlet]
    actors: list[Group]
    quotes: list[Group]
    events: list[Group]
    #: sentences, quotes and events only one outlet carries, outlet by outlet in text order
    claims: list[Item]
    story: dict[str, Any] | None = None

    def outlet(self, article_id: str) -> Outlet:
        return next(o for o in self.outlets if o.article_id == article_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "outlets": [o.to_dict() for o in self.outlets],
            "actors": [g.to_dict() for g in self.actors],
            "quotes": [g.to_dict() for g in self.quotes],
            "events": [g.to_dict() for g in self.events],
            "claims": [c.to_dict() for c in self.claims],
        }


def fields_of(item: Item) -> dict[str, Any]:
    """An item's common fields, to build a copy with other kind-specific ``fields``."""
    return {
        "article_id": item.article_id,
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "sentence": item.sentence,
    }
