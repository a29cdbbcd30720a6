"""Typed values of the event stage: what it needs from the actors stage, what it gives back.

The coder depends on the actors stage only through two small protocols, so anything with an
``at(start, end)`` method works as the lookup (the real ``dateline.actors`` result, a test fake).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable


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


class QuoteLike(Protocol):
    """What the coder reads of a quote: direct quotes' extents hold no reported acts."""

    @property
    def kind(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


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


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


#: The modalities the record, its exports and stories (and the article scorer) count by
#: default; ``--all-modalities`` (``Options.all_modalities``) adds the others.
DEFAULT_MODALITIES = frozenset({"asserted"})


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its provenance (see the analysis record in docs/architecture.md)."""

    cameo: str
    cameo_root: str
    plover: str
    plover_mode: str | None
    quad_class: int
    goldstein: float
    source: Participant | None
    target: Participant | None
    date: str | None
    location: Location | None
    sentence: str
    start: int
    end: int
    confidence: float
    rule: str
    #: "asserted" (reported as done), "negated", "hypothetical" (conditional, hedged),
    #: "planned" (future, planned) or "quoted" (inside a direct quote: the speaker's words)
    modality: str = "asserted"
    #: where ``date`` comes from: "text" (the sentence), "published" (the article's date), None
    date_source: str | None = None
    #: the predicate word(s) that fired, for reading the output
    trigger: str = ""
    #: for a quoted event, the speaker of the quote it is in (None when unknown)
    attributed_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "rule": self.rule,
            "modality": self.modality,
            "date_source": self.date_source,
            "trigger": self.trigger,
            "attributed_to": self.attributed_to,
        }
