"""The article's setting: what the article as a whole tells of whose its agents are and where
its acts happen, read once per article and used by every sentence's events.

- the home country (the actors stage's: named most, else the dateline's, else the outlet's)
  places agents named without one ("police", "the opposition"); without one, the country the
  article names most places those the text does not name (``leading``);
- an agent noun the article gives one country wherever it gives one ("Chile's military", "the
  Chilean army") is of that country where it stands alone ("the military said");
- an act the sentence does not place happened at the dateline when its source is of the
  dateline's country, at the home place (:func:`~dateline.events.places.home_location`) when
  it is done within the home country (at a home state only when the sentence names it), else
  nowhere we know.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from dateline.actors.home import named_most
from dateline.events import places
from dateline.events.implied_sides import localize
from dateline.events.model import Location, Participant
from dateline.nlp.gazetteer import Gazetteer


@dataclass(frozen=True)
class Setting:
    #: the article's home country (CAMEO code), or None
    home: str | None
    #: without a home country, the country (CAMEO code) the article names most
    leading: str | None
    #: where the home country is seen from (:func:`~dateline.events.places.home_location`)
    home_place: Location | None
    #: the article's dateline place
    dateline: Location | None
    #: the dateline's country (CAMEO code)
    dateline_country: str | None
    #: agent noun -> the one country (CAMEO code) the article gives it ("the military")
    agents: Mapping[str, str]
    #: token index -> the city or state its entity names (:func:`places.local_places`)
    local: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        doc: Doc,
        entities: Iterable[Span],
        ents: Mapping[int, Span],
        home: str | None,
        dateline: Location | None,
        gazetteer: Gazetteer,
        sectors: Collection[str],
    ) -> Setting:
        """The setting of the article parsed as ``doc``: ``entities`` its entity spans,
        ``ents`` the same by token, ``home`` the actors stage's home country (ISO3)."""
        entities = list(entities)
        return cls(
            home=cameo_of(home, gazetteer),
            leading=None if home else cameo_of(named_most(entities, gazetteer), gazetteer),
            home_place=places.home_location(entities, gazetteer, home, dateline),
            dateline=dateline,
            dateline_country=cameo_of(dateline.country, gazetteer) if dateline else None,
            agents=agent_countries(doc, ents, gazetteer, sectors),
            local=places.local_places(entities, gazetteer),
        )

    def unplaced(self, side: list[Participant], doc: Doc) -> list[Participant]:
        """The side of an act in a sentence that names no country where it happens: an agent
        noun alone takes the country the article gives it elsewhere (:meth:`same_agent`);
        "police" and people given no country are of the home country, else those the text
        does not name are of the leading one."""
        side = [self.same_agent(p, doc) for p in side]
        if self.home:
            return localize(side, self.home, persons=True)
        if self.leading:
            return localize(side, self.leading, named=False, persons=True)
        return side

    def same_agent(self, side: Participant, doc: Doc) -> Participant:
        """A side named by an agent noun alone ("the military said") takes the country the
        article gives that noun elsewhere (:func:`agent_countries`)."""
        if side.country or side.named or not side.sector or side.end <= side.start:
            return side
        span = doc.char_span(side.start, side.end, alignment_mode="expand")
        country = self.agents.get(span.root.lemma_.lower()) if span is not None else None
        if country is None:
            return side
        return replace(side, country=country, code=country + side.sector, via="inferred")

    def at_home(
        self,
        source: Participant | None,
        target: Participant | None,
        sent: Span,
        meeting: bool = False,
    ) -> Location | None:
        """Where an act the sentence ``sent`` does not place happened: the dateline when its
        source is of the dateline's country, or, for a ``meeting``, either side is (a meeting
        is held where its host is, and a report filed from the host's country tells of one
        there: "<dateline> -- the visiting envoy held talks with the host"); the home place when it
        is done within the home country (its source is of it, and so is its target if it has a
        known one); else nowhere we know. A home place that is a state (no city of the home
        country named) is too wide to be where any act of the article happened: only an act
        whose sentence names the state, or "the state", as a place or in its source's words is
        placed there.
        A source whose own words name another city or state ("a Texas senator") is not at the
        home place."""
        if source is None or source.country is None:
            return None
        if self.dateline is not None and source.country == self.dateline_country:
            return self.dateline
        host = target is not None and target.known and target.country == self.dateline_country
        if meeting and self.dateline is not None and host:
            return self.dateline
        if self.home_place is None or source.country != self.home:
            return None
        if target is not None and target.known and target.country != self.home:
            return None
        if self.home_place.lat is None and not _names_region(sent, self.home_place.name, source):
            return None
        name = self.home_place.name
        if any(
            self.local.get(t.i, name) != name for t in sent if source.start <= t.idx < source.end
        ):
            return None  # "a Texas senator", "Lyon's mayor": one of another place acts from there
        return self.home_place


#: Words that refer back to a first-level subdivision ("in the state").
REGION_WORDS = frozenset({"state"})


def _names_region(sent: Span, name: str, source: Participant) -> bool:
    """Whether the sentence names the subdivision ``name`` (or refers to one: "the state") as
    where something is: a place phrase ("in Vermont", "in a town, Vermont") or a word of the
    source's phrase ("Vermont officials"), not a word of another thing ("criticised a visit to
    a Vermont school")."""
    ents: list[Span] | None = None  # the sentence's entities, read once (spaCy builds them anew)
    for tok in sent:
        if tok.ent_type_:
            ents = list(sent.ents) if ents is None else ents
            ent = next((e for e in ents if e.start <= tok.i < e.end), None)
            if ent is None or ent.root != tok or ent.text.removeprefix("the ") != name:
                continue
        elif not (
            tok.lemma_.lower() in REGION_WORDS
            and tok.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
        ):
            continue
        if source.start <= tok.idx < source.end:
            return True
        pobj = tok.head if tok.dep_ in ("appos", "conj") else tok
        if pobj.dep_ == "pobj" and pobj.head.lower_ in places.AT_PREPS:
            return True
    return False


def cameo_of(iso3: str | None, gazetteer: Gazetteer) -> str | None:
    """The CAMEO code of a country given by its ISO3 code (the code itself when unknown)."""
    country = gazetteer.country_by_code(iso3) if iso3 else None
    return country.cameo if country else iso3


def agent_countries(
    doc: Doc, ents: Mapping[int, Span], gazetteer: Gazetteer, sectors: Collection[str]
) -> dict[str, str]:
    """The country of each agent noun ("military", "army", "police") the article gives a
    country wherever it does ("Chile's military", "the Chilean army"), when that is
    always the same one: a bare "the military" elsewhere in the article is that one."""
    found: dict[str, set[str]] = {}
    # read from the entities' words up to the noun they modify: a walk over every word
    # of the article would find the same pairs
    for i, ent in ents.items():
        if not ent.id_:
            continue
        child = doc[i]
        if child.dep_ not in ("poss", "amod", "compound"):
            continue
        tok = child.head
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in sectors:
            continue
        country = gazetteer.country_of(ent.id_)
        if country is not None:
            found.setdefault(tok.lemma_.lower(), set()).add(country.iso3)
    return {
        noun: cameo
        for noun, countries in found.items()
        if len(countries) == 1 and (cameo := cameo_of(next(iter(countries)), gazetteer))
    }
