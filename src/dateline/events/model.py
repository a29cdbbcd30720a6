"""Typed values of the event stage: what it gives back (events, their places).

An event's sides are the actors stage's values (:class:`~dateline.actors.model.Participant`,
resolved by :mod:`dateline.actors.sides`); they are re-exported here, with the two small
protocols the stage reads (anything with an ``at(start, end)`` method works as the lookup: the
real ``dateline.actors`` result, a test fake).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from dateline.actors.model import ActorLike, ActorLookup, Participant

__all__ = [
    "DEFAULT_MODALITIES",
    "ActorLike",
    "ActorLookup",
    "Event",
    "Location",
    "Participant",
    "QuoteLike",
]


class QuoteLike(Protocol):
    """What the coder reads of a quote: direct quotes' extents hold no reported acts."""

    @property
    def kind(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


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
    #: "asserted" (reported as done), "negated", "hypothetical" (conditional, hedged, or
    #: an act under another act: "urged X to *release* ..."),
    #: "planned" (future, planned, or the aim of an effort under way: "is massing tanks
    #: to *invade*"), "quoted" (inside a direct quote: the speaker's words),
    #: "ongoing" (a standing state or a running total: "has been deployed there for ten
    #: years"; a process in a clause of circumstance: "as the ministry tightens the
    #: curfew"), "agentless" (no one acting is named: a passive with no agent, "an airstrike
    #: killed", "58% of respondents back ...", or only common nouns on both sides: "several
    #: states back the draft"), "reflexive" (an act its source does to itself:
    #: "X insists it needs ...") or "background" (told as background to the news: a past
    #: perfect put before it, "X had earlier seized ..."; an act a relative or participial
    #: clause describes, "Chile, which has refused ..."; one an after/since/because clause
    #: gives, "after rebels shelled"; or one a clause of contrast sets against the news,
    #: "while the union praised the budget")
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
