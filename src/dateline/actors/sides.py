"""An event's sides: the phrase at a grammatical role's head, resolved to who it is.

    sides = Sides(doc, actors, gazetteer, sectors, pronouns)
    sides.phrase(head)          # list[Participant]: the head and its conjuncts

The one place a phrase becomes an actor: the event stage reads its sources and targets from
here. The article's entities decide first (``actors.at(start, end)`` over the phrase: names,
descriptions and pronouns the actors stage resolved, the knowledge base, article-context
countries). What the phrase adds around them: the sector from its head noun or title
(``sectors``: "police" -> COP), several countries for conjoined modifiers ("Hungarian and
Romanian officials"), an organisation's agent ("the bloc's envoy"), a person named again by
surname after a phrase gave the country ("Peruvian President X" ... "X"). A phrase the
entities do not cover resolves through the gazetteer: countries, capitals and cities
("Nairobi" -> KEN), demonyms ("Peruvian troops" -> PER), international organisations (their
CAMEO code). Pronouns the entities leave open ("it", "they") take the subject of the clause
above, else the last actor named alone as a subject.

This module puts the steps together; each is a module of its own: the phrase's words
(:mod:`.phrase_words`), the gazetteer over them (:mod:`.phrase_gazetteer`), the antecedents
of pronouns (:mod:`.antecedents`) and who the sentences before name
(:mod:`.earlier_sentences`).
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dateline.actors.antecedents import (
    object_antecedent,
    subject_antecedent,
    thing_before,
    thing_done,
)
from dateline.actors.earlier_sentences import At, EarlierSentences, stand_in
from dateline.actors.groups import group_kind, last_pair
from dateline.actors.model import ActorLike, ActorLookup, Participant
from dateline.actors.phrase_gazetteer import PhraseGazetteer, participant
from dateline.actors.phrase_words import head_sector, outside_phrase, phrase_words, titles
from dateline.actors.roles import RoleTable
from dateline.nlp import text_of
from dateline.nlp.gazetteer import Gazetteer

__all__ = ["Sides", "outside_phrase"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "pobj", "dative"})
#: Pronouns that stand for someone named before as an object ("sentenced *him*")
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
#: ... but "met *in Nairobi*" names a place, not an actor
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "into"})
#: The pronouns only a person is: the actors stage's coreference resolves them.
_PERSONAL = frozenset({"he", "she"})
#: Possessive pronouns that can stand for an organisation ("the bloc ... *its* envoy").
_OWNER_PRONOUNS = frozenset({"its", "their"})
#: A person's possessive pronouns: the bodies they own are of that person's country. ("its"
#: and "their" are left to the rules above: an act on its own troops is aimed elsewhere.)
_POSSESSIVES = frozenset({"his", "her"})
#: Sentences before the current one a group phrase ("the two leaders") looks back over
_RECENT = 3


class Sides:
    """Resolves phrase heads of one Doc to participants; remembers the last subject.

    ``sectors`` maps head nouns and titles to CAMEO sectors; ``pronouns`` are the pronouns
    that stand for an actor named before ("it", "they")."""

    def __init__(
        self,
        doc: Doc,
        actors: ActorLookup | None,
        gazetteer: Gazetteer,
        sectors: Mapping[str, str],
        pronouns: AbstractSet[str],
        text: str | None = None,
        relations: AbstractSet[str] = frozenset(),
        ents: dict[int, Span] | None = None,
        together: AbstractSet[str] = frozenset(),
        groups: Mapping[str, tuple[str, str | None]] | None = None,
    ) -> None:
        """``text`` and ``ents`` (the entity of each token index), when the caller has them,
        spare reading the Doc for them again. ``together``: lemmas of acts two do together
        ("meet"), whose two sides a later "the two leaders" may stand for; ``groups``: the
        nouns of such group phrases (``groups.tsv``, :attr:`.roles.RoleTable.groups`)."""
        self.doc = doc
        #: offsets handed to ``actors.at`` are shifted by this (0: the Doc is the whole body)
        self.offset = 0
        self.actors = actors
        self.gaz = gazetteer
        self.sectors = sectors
        self.pronouns = pronouns
        #: nouns of a relation to another actor ("Israel's *ally*"): the possessor is not it
        self.relations = relations
        if ents is None:
            ents = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
        self.ents = ents
        self.places = PhraseGazetteer(gazetteer, ents, relations)
        self.text = text_of(doc) if text is None else text
        #: where the current sentence starts after a wire dateline (words before are no actors)
        self.cut = 0
        #: token bounds of the current sentence
        self.span = (0, len(doc))
        #: a token no phrase reaches over, from either side (a verb the parse put inside a
        #: noun phrase), or None
        self.floor: int | None = None
        self.last: Participant | None = None
        #: reading the phrases of an earlier sentence (:meth:`_named_before` looks no further)
        self._looking_back = False
        #: the one who did the last act of force told ("rebels shelled the town"), for a
        #: condemnation of "the attack" that names no one
        self.doer: Participant | None = None
        #: the sentence before, and the current paragraph's first sentence
        #: (it is handed ``named_in`` on each call: holding the bound method would tie the
        #: two in a reference cycle that keeps the Doc alive until a full collection)
        self.before = EarlierSentences()
        self.together = together
        self.groups = RoleTable.default().groups if groups is None else groups
        #: the sentences told so far, the current last (at most ``_RECENT``)
        self.recent: list[At] = []
        #: looking for the pair a group phrase stands for: group phrases stay as they are
        self._grouping = False
        self._seen: dict[tuple[int, int], ActorLike | None] = {}

    def sentence(self, span: tuple[int, int], cut: int, new_paragraph: bool) -> None:
        """Start the sentence of tokens ``span`` (its words before ``cut`` are a dateline):
        the actors of the one before become ``previous``."""
        before = self.span
        self.before.next_sentence(
            (before, self.cut) if before != (0, len(self.doc)) else None, new_paragraph
        )
        self.span, self.cut = span, cut
        self.recent = [*self.recent[-_RECENT:], (span, cut)]

    def named_in(self, at: At, subjects_only: bool = False) -> list[Participant]:
        """Actors we know (:attr:`.model.Participant.known`: a country, a body such as the
        UN, a person the actors stage found) a sentence (its token span and dateline cut)
        names as a subject or an object."""
        deps = _SUBJECTS if subjects_only else _SUBJECTS | _OBJECTS
        saved = self.span, self.cut
        span, self.cut = at
        self.span = span
        try:
            found = [
                p
                for tok in self.doc[span[0] : span[1]]
                if tok.dep_ in deps
                and tok.pos_ in ("NOUN", "PROPN")
                and not (tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS)
                for p in self.phrase(tok)
                if p.known and p.via != "pronoun"
            ]
        finally:
            self.span, self.cut = saved
        return found

    def earlier(
        self, sources: list[Participant], phrase: Participant, words: bool = False
    ) -> list[Participant]:
        """Who a target ``phrase`` with no country of its own stands for ("the two
        delegations", ``words``: "the accusation"):
        :meth:`.earlier_sentences.EarlierSentences.earlier`."""
        return self.before.earlier(sources, phrase, self.named_in, words)

    def remember_doer(self, sources: list[Participant]) -> None:
        """The sources of an act of force told as done: its doer, when they are of one
        country (and not a pronoun's guess)."""
        named = [p for p in sources if p.via != "pronoun"]
        countries = {p.country for p in named}
        if len(countries) == 1 and None not in countries:
            self.doer = named[0]

    def doer_of(self, sources: list[Participant], deed: Participant | None) -> list[Participant]:
        """Whom a condemnation of a deed that names no doer ("condemned *the attack*") is
        addressed to: the doer of the last act of force told, when the sources are known and
        not of its country (a state does not condemn its own strike). The deed's phrase keeps
        its words and takes the doer's country; none when nothing was told."""
        doer = self.doer
        if doer is None or not sources or not all(p.known for p in sources):
            return []
        if doer.country in {p.country for p in sources}:
            return []
        return [stand_in(deed, doer) if deed is not None else doer]

    def remember(self, participants: list[Participant]) -> None:
        known = [p for p in participants if p.known and p.via != "pronoun"]
        if len(known) == 1:
            self.last = known[0]

    def phrase(self, head: Token, conjuncts: bool = True) -> list[Participant]:
        """The participants of a phrase head and its conjuncts ("Sosa and Lugo"); of the head
        alone without ``conjuncts`` (a conjunct the parse joined to another clause's noun)."""
        if head.idx < self.cut:
            # a subject inside a wire dateline: the phrase after it ("NAIROBI -- Delegations")
            after = [
                t
                for t in head.subtree
                if t.idx >= self.cut and t.head.idx < self.cut and t.pos_ in ("NOUN", "PROPN")
            ]
            if not after:
                return []
            head = after[0]
        out: list[Participant] = []
        heads = 0
        for h in (head, *head.conjuncts) if conjuncts else (head,):
            if h.idx < self.cut:
                continue
            if h.pos_ in ("VERB", "AUX") or h.dep_ in ("cc", "punct"):
                continue
            plural = h.tag_ in ("NNS", "NNPS")
            named = any(t.pos_ == "PROPN" for t in h.subtree if t.i <= h.i)
            found = self.one(h)
            if not self._grouping and not any(p.known for p in found):
                found = self._group(h, found) or found
            heads += bool(found)
            out.extend(
                replace(p, plural=plural, named=named) if plural or named else p for p in found
            )
        return _joined(out) if heads > 1 else out

    def _group(self, head: Token, found: list[Participant]) -> list[Participant]:
        """The two actors a group phrase stands for ("*the two leaders* agreed", "urged
        *both governments*"), each in the phrase's words (:mod:`.groups`); [] when it is no
        such phrase or no pair before it fits."""
        kind = group_kind(head, self.groups)
        if kind is None or len(found) != 1:
            return []
        self._grouping = True
        try:
            return last_pair(
                head, kind, found[0], self.recent, self._phrase_in, self.together, self._subjects
            )
        finally:
            self._grouping = False

    def _subjects(self, at: At) -> list[Participant]:
        """The actors we know the sentence ``at`` names as its subjects."""
        return self.named_in(at, subjects_only=True)

    def _phrase_in(self, head: Token, at: At) -> list[Participant]:
        """The participants of a phrase head of the sentence ``at``."""
        saved = self.span, self.cut
        self.span, self.cut = at
        try:
            return self.phrase(head)
        finally:
            self.span, self.cut = saved

    def _floor(self, head: Token) -> int:
        """The first token a phrase headed by ``head`` may start at, for :attr:`floor`."""
        return self.floor + 1 if self.floor is not None and head.i > self.floor else 0

    def _ceiling(self, head: Token) -> int:
        """The token a phrase headed by ``head`` ends before: the sentence's end, or the
        :attr:`floor` token for a phrase headed before it."""
        return self.floor if self.floor is not None and head.i < self.floor else self.span[1]

    def one(self, head: Token) -> list[Participant]:
        """The participants of one phrase head (no conjuncts): a pronoun's antecedent, else the
        phrase's words (:func:`.phrase_words.phrase_words`) resolved: the entities, the
        gazetteer, a name."""
        if not self.span[0] <= head.i < self.span[1]:
            return []  # a word of another sentence the parser attached here
        if (head.lower_ in _OBJECT_PRONOUNS and head.dep_ in _OBJECTS) or (
            head.lower_ in self.pronouns and head.pos_ == "PRON"
        ):
            side = self._pronoun(head)
            if side is not None:
                return side
        low = max(self.span[0], self._floor(head))
        while low < head.i and self.doc[low].idx < self.cut:
            low += 1  # "NARVA, Va. - *Police* said": the dateline's words are no part of it
        left, right, first, last = phrase_words(head, self.sectors, low, self._ceiling(head))
        tail = self.doc[last]
        text = self.text[self.doc[first].idx : tail.idx + len(tail)]
        start = self.offset + self.doc[first].idx
        end = self.offset + tail.idx + len(tail)
        head_end = self.offset + head.idx + len(head)
        sector = head_sector(titles(left, head), head, self.sectors)
        if any(
            (e := self.ents.get(t.i)) is not None and e.id_.startswith("region:")
            for t in left + right
        ):
            sector = None  # "leaders of the Andean countries": many countries, none inferred
        if any(t.dep_ == "cc" for t in left):
            # "Mongolian and Chinese officials": one participant per country
            several = self.places.countries(left, [], head)
            if len(several) > 1:
                made = [participant(h, text, sector, start, end) for h in several]
                return self.places.own_words(made, left, end, self.offset)
        if head.pos_ == "NOUN":
            owned_by = self._owner_side(left, sector, text, start, end)
            if owned_by is not None:
                return owned_by
        # the phrase up to its head; "Syria's neighbor": the head alone (the possessor is not it)
        related = head.lemma_.lower() in self.relations and any(t.dep_ == "poss" for t in left)
        # "his Chilean counterpart": the owner a possessive pronoun stands for is not the phrase
        owned = [t for t in left if t.dep_ == "poss" and t.pos_ == "PRON"]
        lookup = self.offset + self.doc[owned[-1].i + 1].idx if owned else start
        actor = self._lookup(self.offset + head.idx if related else lookup, head_end, head)
        appos = next(
            (c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
        )
        if head.pos_ == "NOUN" and appos is not None and (actor is None or actor.type != "PERSON"):
            # "his Chilean counterpart Carlos Mendoza", "the bloc's envoy, X": the person named
            holder = self._at(self.offset + appos.idx, self.offset + appos.idx + len(appos))
            if holder is not None and holder.type == "PERSON":
                actor = holder
        if any(t.lower_ == "ethnic" for t in left):
            actor = None  # "ethnic Hungarians in Romania": a people, not a state
            sector = sector or "CVL"
        if actor is not None and not actor.country and not (actor.code or "").startswith("IGO"):
            found = self.places.countries(left, right, head)
            if found and found[0][1]:
                name, country, code = found[0]
                return [
                    Participant(
                        actor.name or name,
                        text,
                        country,
                        actor.sector or sector,
                        code or f"{country}{actor.sector or sector or ''}"[:9],
                        start,
                        end,
                        "actors",
                    )
                ]
        if actor is not None:
            return [_of_actor(actor, text, sector, start, end)]
        found = self.places.countries(left, right, head)
        person = self.places.person(left + right) or (head.text if head.pos_ == "PROPN" else None)
        if not found and person:
            # a name the parser's entities missed ("Sosa and Lugo signed"): the person the
            # actors stage knows by that name or surname
            named = getattr(self.actors, "named", None)
            actor = named(person) if named is not None else None
            if actor is not None and actor.type == "PERSON":
                return [_of_actor(actor, text, sector, start, end)]
        if not found:
            unplaced = Participant(person, text, None, sector, None, start, end, "text")
            bare = [t.lower_ for t in left if t.i != head.i] == ["the"] and not right
            if person is None and bare and head.pos_ == "NOUN":
                return [self._named_before(unplaced, head) or unplaced]
            return [unplaced]
        return [participant(h, text, sector, start, end) for h in found]

    def _named_before(self, made: Participant, head: Token) -> Participant | None:
        """Who a bare "the <noun>" stands for ("North Korea's foreign ministry criticised
        ... A spokesman said *the ministry* condemned ..."): the one country's actor the
        sentence before or the paragraph's first names with the same head noun; else None.
        Not the home country's, nor that of a place the sentence names."""
        if self._looking_back:
            return None  # reading an earlier sentence's phrases: no further back
        self._looking_back = True
        try:
            named = [*self.before.previous(self.named_in), *self.before.topic(self.named_in)]
        finally:
            self._looking_back = False
        word = head.lower_
        same = [p for p in named if p.country and p.text.lower().rstrip(" ,.").endswith(word)]
        countries = {p.country for p in same}
        return stand_in(made, same[0]) if len(countries) == 1 else None

    def _owner_side(
        self, left: list[Token], sector: str | None, text: str, start: int, end: int
    ) -> list[Participant] | None:
        """The side a noun phrase's possessor makes it ("the African Union's special envoy":
        the organisation's agent, whoever he is), or None."""
        for t in left:
            ent = self.ents.get(t.i)
            if t.dep_ == "poss" and ent is not None:
                hit = self.places.resolve(ent)
                if hit is not None and hit[1] is None and hit[2]:
                    return [Participant(hit[0], text, None, "IGO", hit[2], start, end)]
            if t.dep_ == "poss" and t.lower_ in _OWNER_PRONOUNS and sector is not None:
                # "the bloc would send *its* special envoy": the agent of whom "its" is
                owner = subject_antecedent(t, self.one)
                if owner is not None and (owner.code or "").startswith("IGO"):
                    return [Participant(owner.name, text, None, "IGO", owner.code, start, end)]
                if owner is not None and owner.country and t.head.dep_ in _SUBJECTS:
                    # "X's ministry said *its* forces had struck ...": the teller's own, not
                    # of where they struck (as the object, "its" may be the doer's victim)
                    return [_owned(owner.country, sector, text, start, end)]
            if t.dep_ == "poss" and t.lower_ in _POSSESSIVES and sector is not None:
                # "the minister said *his* ministry had offered": of the owner's country,
                # not of where the act happens
                owner = subject_antecedent(t, self.one)
                if owner is not None and owner.country:
                    return [_owned(owner.country, sector, text, start, end)]
        return None

    def _pronoun(self, head: Token) -> list[Participant] | None:
        """The side a pronoun head stands for, [] for none, or None to read it as a phrase (an
        object pronoun with no antecedent)."""
        if head.lower_ in _OBJECT_PRONOUNS and head.dep_ in _OBJECTS:
            # "called X to congratulate *him*", "convicted X ... and sentenced *him*"
            ante = object_antecedent(head, self.one)
            if ante is not None:
                return [replace(ante, via="pronoun")]
        if head.lower_ in self.pronouns and head.pos_ == "PRON":
            if thing_done(head, self.one):
                return []  # "X welcomed the deal, saying it would ...": the deal, no actor
            p = subject_antecedent(head, self.one)
            if p is not None and p.end > p.start:
                # the phrase of its sentence it stands for ("The navy says *it* ..."): those
                # words are the side, as PLV and PLOVER mark it
                return [replace(p, via="pronoun")]
            if p is None and thing_before(head, self.one):
                return []  # "the report is long, yet it blames ...": the thing, no actor
            if p is None and head.lower_ in _PERSONAL:
                person = self._person_at(head)
                if person is not None:
                    return [person]
            p = p or self.last
            if p is None:
                return []
            return [
                Participant(
                    p.name,
                    head.text,
                    p.country,
                    p.sector,
                    p.code,
                    self.offset + head.idx,
                    self.offset + head.idx + len(head),
                    "pronoun",
                )
            ]
        return None

    def _person_at(self, pronoun: Token) -> Participant | None:
        """The person the actors stage resolved "he" or "she" to (its coreference reads the
        sentences before, and a person's gender), as the side: the last actor named as a
        subject is only the fallback ("President X ... is expected to ... He has ordered
        ...": X, not the country a statement in between named)."""
        if self.actors is None:
            return None
        start = self.offset + pronoun.idx
        end = start + len(pronoun)
        actor = self._at(start, end)
        if actor is None or actor.type != "PERSON":
            return None
        return replace(_of_actor(actor, pronoun.text, None, start, end), via="pronoun")

    def _lookup(self, start: int, end: int, head: Token) -> ActorLike | None:
        if self.actors is None:
            return None
        actor = self._at(start, end)
        if actor is None:
            actor = self._at(self.offset + head.idx, self.offset + head.idx + len(head))
        return actor

    def _at(self, start: int, end: int) -> ActorLike | None:
        """``actors.at``, asked once per span (phrases are resolved again and again)."""
        key = (start, end)
        if key not in self._seen:
            assert self.actors is not None
            self._seen[key] = self.actors.at(start, end)
        return self._seen[key]


def _of_actor(actor: ActorLike, text: str, sector: str | None, start: int, end: int) -> Participant:
    """The actor the actors stage found for a phrase; the phrase's sector when it has none
    (and then in its code: "Riot police", the tagger's person "Riot" of Ghana, is GHACOP)."""
    code = actor.code
    if not actor.sector and sector and actor.country and code == actor.country:
        code = f"{actor.country}{sector}"
    return Participant(
        actor.name,
        text,
        actor.country,
        actor.sector or sector,
        code,
        start,
        end,
        "actors",
        kind=actor.type,
    )


def _joined(side: list[Participant]) -> list[Participant]:
    """Conjuncts of one phrase ("Peru and Chile", "the envoy and his aides"), each still
    its own actor, told the extent of the whole coordination."""
    spans = [(p.start, p.end) for p in side if p.end > p.start and p.via != "pronoun"]
    if len(spans) < 2:
        return side
    extent = (min(s for s, _ in spans), max(e for _, e in spans))
    return [replace(p, joined=extent) if p.end > p.start else p for p in side]


def _owned(country: str, sector: str, text: str, start: int, end: int) -> Participant:
    """A body of ``sector`` an owner's possessive pronoun gives the owner's country."""
    return Participant(None, text, country, sector, f"{country}{sector}", start, end, "inferred")
