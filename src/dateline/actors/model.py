"""The actors stage's values: entities, their mentions, and the per-article lookup over them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from dateline.nlp.gazetteer import normalize

MentionKind = Literal["name", "description", "pronoun", "modifier"]

#: Which mention wins a tie in ``Actors.at``: names, descriptions, pronouns, then modifiers
#: (a country named in a person's title: "Moldovan" in "Moldovan PM Ana Lupu").
_KIND_RANK = {"name": 0, "description": 1, "pronoun": 2, "modifier": 3}


@dataclass(slots=True)
class Mention:
    """One place an entity is named or referred to.

    ``start``/``end`` are character offsets into the doc the mention was found in: the article
    body, or, when ``in_caption`` is true, caption number ``caption`` of the captions given to
    ``find_actors``.
    """

    text: str
    start: int
    end: int
    sentence: str
    in_caption: bool = False
    caption: int | None = None
    kind: MentionKind = "name"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "in_caption": self.in_caption,
            "caption": self.caption,
            "kind": self.kind,
        }


@dataclass(slots=True)
class Entity:
    """A person, organisation, country or place of one article."""

    id: str
    name: str
    type: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, ...
    role: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, JUD, ... (see dateline.actors.codes)
    code: str | None = None  # CAMEO-style actor code: UKRGOV, ALB, IGOEUREEC
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    author: bool = False
    caption_only: bool = False
    #: what resolved it: a knowledge-base actor ("kb:VLADIMIR_PUTIN") or a gazetteer entry
    #: ("country:ALB", "igo:NATO", "place:3183875")
    kb: str | None = None

    def add_alias(self, text: str) -> None:
        if text and text != self.name and text not in self.aliases:
            self.aliases.append(text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "author": self.author,
            "caption_only": self.caption_only,
            "kb": self.kb,
        }


@dataclass(slots=True)
class Actors:
    """The entities of one article, with lookups by body offsets and by name."""

    entities: list[Entity] = field(default_factory=list)
    #: the article's home country (ISO alpha-3; see dateline.actors.home), or None
    home: str | None = None
    #: resolves a body span no mention covers (a pronoun, a description); set by find_actors.
    #: It is given these Actors with the span rather than holding them: a reference back
    #: would make a cycle, and a cycle keeps the article's parsed Doc alive until the
    #: garbage collector's next full pass instead of freeing it once the record is built.
    fallback: Callable[[Actors, int, int], Entity | None] | None = field(default=None, repr=False)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose body mentions best overlaps body[start:end]: the most
        characters shared, then names before descriptions before pronouns, then people. A
        modifier ("Cambodian" in "Cambodian Prime Minister <name>") is chosen only when no
        other mention overlaps: the phrase is the person's, however short the name."""
        return self._best(start, end)[0]

    def _best(self, start: int, end: int) -> tuple[Entity | None, int]:
        best: tuple[bool, int, int, int] | None = None
        found: Entity | None = None
        for entity in self.entities:
            for m in entity.mentions:
                if m.in_caption or m.end <= start or end <= m.start:
                    continue
                overlap = min(end, m.end) - max(start, m.start)
                key = (
                    m.kind == "modifier",
                    -overlap,
                    _KIND_RANK[m.kind],
                    0 if entity.type == "PERSON" else 1,
                )
                if best is None or key < best:
                    best, found = key, entity
        return found, -best[1] if best else 0

    def resolve(self, start: int, end: int) -> tuple[str, str] | None:
        """(entity id, display name) for a speaker or actor phrase in the body ("Lupu", "the
        Kenyan president", "she"), or None. Stricter than ``at``: a place or organisation
        must cover at least half the phrase ("the leaders of the European countries" is no
        mention of Europe)."""
        entity, overlap = self._best(start, end)
        if entity is not None and entity.type != "PERSON" and 2 * overlap < end - start:
            entity = None
        if entity is None and self.fallback is not None:
            entity = self.fallback(self, start, end)
        # a demonym or region qualifies the speaker ("West African leaders"); it names one
        # only when it is about the whole phrase ("the Albanians")
        if entity and entity.type in {"NORP", "LOC"} and len(entity.name) < 0.8 * (end - start):
            entity = None
        return (entity.id, entity.name) if entity else None

    def named(self, name: str) -> Entity | None:
        """The entity with this name or alias (case, accents and dots ignored); a bare surname
        matches when one person only carries it."""
        key = normalize(name)
        if not key:
            return None
        for entity in self.entities:
            if normalize(entity.name) == key or any(normalize(a) == key for a in entity.aliases):
                return entity
        people = [
            e for e in self.entities if e.type == "PERSON" and key in normalize(e.name).split()[1:]
        ]
        return people[0] if len(people) == 1 else None

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_list(self) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self.entities]


# -- what the event stage reads: an actor, a lookup by offsets, an event's side ----------------


@runtime_checkable
class ActorLike(Protocol):
    """One actor as the actors stage resolved it."""

    @property
    def name(self) -> str | None: ...

    @property
    def country(self) -> str | None: ...

    @property
    def sector(self) -> str | None: ...

    @property
    def code(self) -> str | None: ...

    @property
    def type(self) -> str | None: ...


class ActorLookup(Protocol):
    """The actors of one document, looked up by character offsets into the Doc's text."""

    def at(self, start: int, end: int) -> ActorLike | None: ...


@dataclass(frozen=True, slots=True)
class Participant:
    """A source or target of an event: the phrase in the text and what it resolved to."""

    name: str | None
    text: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    start: int = 0
    end: int = 0
    via: str = "gazetteer"  # "actors", "gazetteer", "pronoun", "coreference", "inferred"
    plural: bool = False  # the phrase's head is plural ("protesters", "delegations")
    kind: str | None = None  # the actor's entity type when the actors stage found it
    named: bool = False  # the phrase holds a proper name ("Oman's foreign minister", "Okafor")
    #: the character extent of the coordination the phrase is one conjunct of ("*Peru and
    #: Chile* signed"), which PLV and PLOVER mark as one side; None when it stands alone
    joined: tuple[int, int] | None = None
    #: a conjunct's own words inside a phrase several actors share ("*Peruvian* and Chilean
    #: officials"), for when the other side is another conjunct of it
    own: tuple[int, int] | None = None

    @property
    def known(self) -> bool:
        """Whether we know who this is at all (a country, an organisation, a named actor)."""
        if self.country or (self.code or "").startswith("IGO"):
            return True
        # a person the actors stage knows, not a document or a thing it tagged
        return self.via == "actors" and self.kind == "PERSON"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "text": self.text,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
        }
