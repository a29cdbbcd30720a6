"""A side's step for phrases the article's entities leave open: the countries and
international organisations the phrase's words name, from the gazetteer.

    hits = PhraseGazetteer(gazetteer, ents, relations).countries(left, right, head)

Countries, capitals and cities ("Nairobi" -> KEN), a state or province for its country,
demonyms ("Peruvian troops" -> PER), international organisations (their CAMEO code); several
only for conjoined modifiers ("Hungarian and Romanian officials"). Not the possessor of a
relation noun ("Israel's *ally*" is someone else), nor the "ethnic" people of a place.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.actors.home import subdivisions
from dateline.actors.model import Participant
from dateline.nlp.gazetteer import Country, Demonym, Gazetteer, Igo, Place, strip_direction

#: (name, country, code) of what a phrase names: a country has no code (it is made from the
#: country and the phrase's sector), an international organisation no country
Hit = tuple[str | None, str | None, str | None]


class PhraseGazetteer:
    """The gazetteer read over one Doc's phrases: ``ents`` is the entity of each token index,
    ``relations`` the nouns of a relation to another actor ("ally")."""

    def __init__(
        self, gazetteer: Gazetteer, ents: dict[int, Span], relations: AbstractSet[str]
    ) -> None:
        self.gaz = gazetteer
        self.ents = ents
        self.relations = relations

    def person(self, tokens: list[Token]) -> str | None:
        """The name of a person or organisation among ``tokens`` the gazetteer does not know."""
        for t in tokens:
            ent = self.ents.get(t.i)
            if ent is not None and ent.label_ in ("PERSON", "ORG") and not ent.id_:
                return ent.text
        return None

    def countries(self, left: list[Token], right: list[Token], head: Token) -> list[Hit]:
        """(name, country, code) for the countries/organisations the phrase names: those left
        of the head first; several only when they are conjoined ("Hungarian and Romanian
        officials")."""
        doc = head.doc
        person = self.person(left + right)
        for side in (left, right):
            hits: list[Hit] = []
            seen: set[int] = set()
            for t in side:
                ent = self.ents.get(t.i)
                if ent is None or ent.start in seen:
                    continue
                if ent.label_ == "NORP" and ent.start > 0 and doc[ent.start - 1].lower_ == "ethnic":
                    continue  # "ethnic Hungarians in Romania": a people, not a state
                seen.add(ent.start)
                if self.related(ent):
                    continue  # "X's ally in Y": someone of Y (or unknown), not X
                hit = self.resolve(ent)
                if hit is not None:
                    hits.append((person or hit[0], hit[1], hit[2]))
            if hits:
                conjoined = any(t.dep_ == "cc" for t in side)
                return _dedupe(hits) if conjoined else hits[:1]
        for t in left:
            # a demonym or country the NER folded into a wider name ("British Defence ..."),
            # not a word of a region's name ("South American countries": no one country)
            ent = self.ents.get(t.i)
            if ent is not None and ent.id_.startswith("region:"):
                continue
            if t.is_title and t.i != head.i and not self.related(doc[t.i : t.i + 1]):
                country = self.gaz.country_by_demonym(t.text) or self.gaz.country_by_name(t.text)
                if country is not None:
                    return [(person or country.name, country.cameo, None)]
        return []

    def related(self, ent: Span) -> bool:
        """Whether the entity is the possessor of a relation noun ("*Israel's* militia ally")."""
        root = ent.root
        return root.dep_ == "poss" and root.head.lemma_.lower() in self.relations

    def resolve(self, ent: Span) -> Hit | None:
        """What one entity span names: a country, a place's or a people's country, or an
        international organisation; None for anything else."""
        entry = self.gaz.by_ent_id(ent.id_) if ent.id_ else None
        if entry is None:
            text = ent.text.removesuffix("'s").removesuffix("’s")
            if ent.label_ in ("GPE", "LOC"):
                text = text.removeprefix("the ")
                rest = strip_direction(text)  # "South Lebanon", "western Cambodia"
                if rest and not self.gaz.country_by_name(text) and not self.gaz.place_by_name(text):
                    text = rest
                entry = self.gaz.country_by_name(text) or self.gaz.place_by_name(text)
                state = subdivisions().get(text.lower()) if entry is None else None
                if state is not None and ent.label_ == "GPE":
                    # a first-level subdivision stands for its country ("the state of X", "a
                    # X court"), as the actors stage's entities have it ("X officials")
                    entry = self.gaz.country_by_code(state)
            elif ent.label_ == "NORP":
                entry = self.gaz.demonym(text)
            elif ent.label_ == "ORG":
                entry = self.gaz.igo_by_name(text) or self.gaz.country_by_name(text)
        if isinstance(entry, Country):
            return entry.name, entry.cameo, None
        if isinstance(entry, Demonym | Place):
            country = self.gaz.country_by_code(entry.iso3)
            if country is not None:
                return country.name, country.cameo, None
        if isinstance(entry, Igo):
            return entry.name, None, entry.code
        return None

    def own_words(
        self, made: list[Participant], left: list[Token], end: int, offset: int
    ) -> list[Participant]:
        """Each actor of a phrase several share ("Peruvian and Chilean officials") told the
        phrase's extent and its own words: its name, the last one's running on to the head
        ("Peruvian" / "Chilean officials"). ``offset`` shifts the Doc's offsets to the body's."""
        at: dict[str | None, tuple[int, int]] = {}
        for t in left:
            ent = self.ents.get(t.i)
            hit = self.resolve(ent) if ent is not None else None
            if ent is not None and hit is not None and hit[1] not in at:
                at[hit[1]] = (offset + ent.start_char, offset + ent.end_char)
        if any(p.country not in at for p in made):
            return made
        last = max(at[p.country][0] for p in made)
        return [
            replace(
                p,
                joined=(p.start, p.end),
                own=(at[p.country][0], end if at[p.country][0] == last else at[p.country][1]),
            )
            for p in made
        ]


def participant(hit: Hit, text: str, sector: str | None, start: int, end: int) -> Participant:
    """The participant a phrase's words ``text`` (``start``-``end``) make of what the
    gazetteer found in them: a country's agent of the phrase's sector, or an organisation."""
    name, country, code = hit
    if code is None and country is not None:
        code = country + (sector or "")
    return Participant(name, text, country, sector if country else "IGO", code, start, end)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for h in hits:
        if (h[1], h[2]) not in seen:
            seen.add((h[1], h[2]))
            out.append(h)
    return out
