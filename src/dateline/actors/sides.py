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
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dateline.actors.home import subdivisions
from dateline.actors.model import ActorLike, ActorLookup, Participant
from dateline.nlp import text_of
from dateline.nlp.gazetteer import Country, Demonym, Gazetteer, Igo, Place, strip_direction

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "pobj", "dative"})
#: Pronouns that stand for someone named before as an object ("sentenced *him*")
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
#: ... but "met *in Nairobi*" names a place, not an actor
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "into"})
#: Right-hand dependents that still describe the actor ("Ana Sosa, president *of Uruguay*").
_RIGHT_DEPS = frozenset({"appos", "compound", "prep", "nmod", "flat"})
_RIGHT_PREPS = frozenset({"of", "from", "in"})
#: ... "in"/"from" only after an agent noun ("rebels *in* Chad"), not "talks *in* Beijing"
_OF = frozenset({"of"})
_SKIP_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "cc", "punct"})
#: Possessive pronouns that can stand for an organisation ("the bloc ... *its* envoy").
_OWNER_PRONOUNS = frozenset({"its", "their"})
#: A person's possessive pronouns: the bodies they own are of that person's country. ("its"
#: and "their" are left to the rules above: an act on its own troops is aimed elsewhere.)
_POSSESSIVES = frozenset({"his", "her"})
#: Floating quantifiers the parser hangs on a subject ("the two ministers *both* signed"):
#: they say how many act, they are not words of the actor
_FLOATING = frozenset({"both", "all", "each"})
_LED_BY = frozenset({"lead", "head", "represent"})
_LEFT_SKIP = frozenset({"relcl", "acl", "advcl"})
#: Punctuation inside a phrase before its head: hyphens, possessives and the brackets of an
#: abbreviation ("the Free Coast Front *(FCF)* fighters")
_INNER_PUNCT = frozenset({"HYPH", "POS", "-LRB-", "-RRB-"})
#: a sentence: its token span and where its words start after a wire dateline
_At = tuple[tuple[int, int], int]


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
    ) -> None:
        """``text`` and ``ents`` (the entity of each token index), when the caller has them,
        spare reading the Doc for them again."""
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
        self.text = text_of(doc) if text is None else text
        #: where the current sentence starts after a wire dateline (words before are no actors)
        self.cut = 0
        #: token bounds of the current sentence
        self.span = (0, len(doc))
        #: a token no phrase reaches over, from either side (a verb the parse put inside a
        #: noun phrase), or None
        self.floor: int | None = None
        self.last: Participant | None = None
        #: the sentence before, and the current paragraph's first sentence: (span, cut) of
        #: each, resolved to the actors they name only when ``earlier`` asks (rarely)
        self._previous_at: _At | None = None
        self._topic_at: _At | None = None
        self._opening = False
        self._seen: dict[tuple[int, int], ActorLike | None] = {}
        self._named_at: dict[tuple[_At, bool], list[Participant]] = {}

    def sentence(self, span: tuple[int, int], cut: int, new_paragraph: bool) -> None:
        """Start the sentence of tokens ``span`` (its words before ``cut`` are a dateline):
        the actors of the one before become ``previous``."""
        before = self.span
        if before != (0, len(self.doc)):
            self._previous_at = (before, self.cut)
            if self._opening:
                # the sentence before opened its paragraph: its subject is the paragraph's
                self._topic_at = (before, self.cut)
        self._opening = new_paragraph
        if new_paragraph:
            # the previous sentence still counts: in news a paragraph is often one sentence
            self._topic_at = None
        self.span, self.cut = span, cut
        live = (self._previous_at, self._topic_at)
        self._named_at = {k: v for k, v in self._named_at.items() if k[0] in live}

    @property
    def previous(self) -> list[Participant]:
        """Actors with a country the previous sentence names as a subject or object."""
        return self._named_once(self._previous_at, subjects_only=False)

    @property
    def topic(self) -> list[Participant]:
        """Actors with a country the current paragraph's first sentence names as a subject."""
        return self._named_once(self._topic_at, subjects_only=True)

    def _named_once(self, at: _At | None, subjects_only: bool) -> list[Participant]:
        """``_named`` of a sentence, computed once (a sentence's phrases do not change)."""
        if at is None:
            return []
        key = (at, subjects_only)
        if key not in self._named_at:
            self._named_at[key] = self._named(at, subjects_only)
        return self._named_at[key]

    def _named(self, at: _At, subjects_only: bool = False) -> list[Participant]:
        """Actors with a country a sentence (its token span and dateline cut) names as a
        subject or an object."""
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
                if p.country and p.via != "pronoun"
            ]
        finally:
            self.span, self.cut = saved
        return found

    def earlier(self, sources: list[Participant], phrase: Participant) -> list[Participant]:
        """Who a target ``phrase`` with no country of its own stands for ("the two
        delegations"): the one country the previous sentence names as an actor, else the
        paragraph's subject's, when it is not the source's own (the source must have a
        country). The phrase keeps its words and sector, and takes the country."""
        own = {p.country for p in sources}
        if not own or None in own:
            return []
        for context in (self.previous, self.topic):
            others = [p for p in context if p.country not in own]
            if others and len({p.country for p in others}) == 1:
                found = others[-1]
                sector = phrase.sector or found.sector
                code = f"{found.country}{sector or ''}" if found.country else found.code
                return [
                    replace(
                        phrase,
                        name=found.name,
                        country=found.country,
                        sector=sector,
                        code=code,
                        via="context",
                    )
                ]
        return []

    def remember(self, participants: list[Participant]) -> None:
        known = [p for p in participants if p.known and p.via != "pronoun"]
        if len(known) == 1:
            self.last = known[0]

    def phrase(self, head: Token) -> list[Participant]:
        """The participants of a phrase head and its conjuncts ("Sosa and Lugo")."""
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
        for h in (head, *head.conjuncts):
            if h.idx < self.cut:
                continue
            if h.pos_ in ("VERB", "AUX") or h.dep_ in ("cc", "punct"):
                continue
            plural = h.tag_ in ("NNS", "NNPS")
            named = any(t.pos_ == "PROPN" for t in h.subtree if t.i <= h.i)
            found = self.one(h)
            heads += bool(found)
            out.extend(
                replace(p, plural=plural, named=named) if plural or named else p for p in found
            )
        return _joined(out) if heads > 1 else out

    def _floor(self, head: Token) -> int:
        """The first token a phrase headed by ``head`` may start at, for :attr:`floor`."""
        return self.floor + 1 if self.floor is not None and head.i > self.floor else 0

    def _ceiling(self, head: Token) -> int:
        """The token a phrase headed by ``head`` ends before: the sentence's end, or the
        :attr:`floor` token for a phrase headed before it."""
        return self.floor if self.floor is not None and head.i < self.floor else self.span[1]

    def one(self, head: Token) -> list[Participant]:
        """The participants of one phrase head (no conjuncts): a pronoun's antecedent, else the
        phrase's words resolved (:meth:`_words`, then the entities, the gazetteer, a name)."""
        if not self.span[0] <= head.i < self.span[1]:
            return []  # a word of another sentence the parser attached here
        if (head.lower_ in _OBJECT_PRONOUNS and head.dep_ in _OBJECTS) or (
            head.lower_ in self.pronouns and head.pos_ == "PRON"
        ):
            side = self._pronoun(head)
            if side is not None:
                return side
        left, right, first, last = self._words(head)
        tail = self.doc[last]
        text = self.text[self.doc[first].idx : tail.idx + len(tail)]
        start = self.offset + self.doc[first].idx
        end = self.offset + tail.idx + len(tail)
        head_end = self.offset + head.idx + len(head)
        sector = self._sector(_titles(left, head), head)
        if any(
            (e := self.ents.get(t.i)) is not None and e.id_.startswith("region:")
            for t in left + right
        ):
            sector = None  # "leaders of the Andean countries": many countries, none inferred
        if any(t.dep_ == "cc" for t in left):
            # "Mongolian and Chinese officials": one participant per country
            several = self._gazetteer(left, [], head)
            if len(several) > 1:
                made = [self._make(h, text, sector, start, end) for h in several]
                return self._own_words(made, left, end)
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
            found = self._gazetteer(left, right, head)
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
        found = self._gazetteer(left, right, head)
        person = self._name(left + right) or (head.text if head.pos_ == "PROPN" else None)
        if not found and person:
            # a name the parser's entities missed ("Sosa and Lugo signed"): the person the
            # actors stage knows by that name or surname
            named = getattr(self.actors, "named", None)
            actor = named(person) if named is not None else None
            if actor is not None and actor.type == "PERSON":
                return [_of_actor(actor, text, sector, start, end)]
        if not found:
            return [Participant(person, text, None, sector, None, start, end, "text")]
        return [self._make(h, text, sector, start, end) for h in found]

    def _owner_side(
        self, left: list[Token], sector: str | None, text: str, start: int, end: int
    ) -> list[Participant] | None:
        """The side a noun phrase's possessor makes it ("the African Union's special envoy":
        the organisation's agent, whoever he is), or None."""
        for t in left:
            ent = self.ents.get(t.i)
            if t.dep_ == "poss" and ent is not None:
                hit = self._resolve_ent(ent)
                if hit is not None and hit[1] is None and hit[2]:
                    return [Participant(hit[0], text, None, "IGO", hit[2], start, end)]
            if t.dep_ == "poss" and t.lower_ in _OWNER_PRONOUNS and sector is not None:
                # "the bloc would send *its* special envoy": the agent of whom "its" is
                owner = self._antecedent(t)
                if owner is not None and (owner.code or "").startswith("IGO"):
                    return [Participant(owner.name, text, None, "IGO", owner.code, start, end)]
            if t.dep_ == "poss" and t.lower_ in _POSSESSIVES and sector is not None:
                # "the minister said *his* ministry had offered": of the owner's country,
                # not of where the act happens
                owner = self._antecedent(t)
                if owner is not None and owner.country:
                    body = f"{owner.country}{sector}"
                    return [
                        Participant(None, text, owner.country, sector, body, start, end, "inferred")
                    ]
        return None

    def _pronoun(self, head: Token) -> list[Participant] | None:
        """The side a pronoun head stands for, [] for none, or None to read it as a phrase (an
        object pronoun with no antecedent)."""
        if head.lower_ in _OBJECT_PRONOUNS and head.dep_ in _OBJECTS:
            # "called X to congratulate *him*", "convicted X ... and sentenced *him*"
            ante = self._object_antecedent(head)
            if ante is not None:
                return [replace(ante, via="pronoun")]
        if head.lower_ in self.pronouns and head.pos_ == "PRON":
            p = self._antecedent(head)
            if p is not None and p.end > p.start:
                # the phrase of its sentence it stands for ("The navy says *it* ..."): those
                # words are the side, as PLV and PLOVER mark it
                return [replace(p, via="pronoun")]
            if p is None and self._thing_before(head):
                return []  # "the report is long, yet it blames ...": the thing, no actor
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

    def _words(self, head: Token) -> tuple[list[Token], list[Token], int, int]:
        """The phrase's words before the head and after it, and its first and last token."""
        leftmost = head.left_edge.i
        left = [t for t in head.subtree if leftmost <= t.i <= head.i]
        left = [t for t in left if not _under(t, head, _LEFT_SKIP)]
        agent = self._sector(_titles(left, head), head) is not None
        right_preps = _RIGHT_PREPS if agent or head.pos_ == "PROPN" else _OF
        right = [
            t
            for child in head.rights
            if child.dep_ in _RIGHT_DEPS
            and (child.dep_ != "prep" or child.lower_ in right_preps)
            and not outside_phrase(child)
            for t in child.subtree
            if not _under(t, child, _LEFT_SKIP)
        ]
        for child in head.rights:
            if child.dep_ == "acl" and child.lemma_ in _LED_BY:
                # "the government delegation, led by <its minister>"
                right.extend(t for t in child.subtree if t.i != child.i)
        # the contiguous words before the head, not what punctuation sets apart
        # ("NAIROBI, March 5 (Wire) -- Delegations ...")
        first = head.i
        edge = max(head.left_edge.i, self.span[0], self._floor(head))
        while first - 1 >= edge and _in_run(self.doc[first - 1]):
            first -= 1
        left = [t for t in left if t.i >= first]
        # the words after the head that belong to the phrase ("the leader *of the network*",
        # "Idil Eser*, a rights activist*"), as far as they run on from it
        last = head.i
        after = {t.i for t in right}
        while last + 1 < self._ceiling(head) and (
            last + 1 in after
            or (self.doc[last + 1].pos_ == "PUNCT" and last + 2 in after and last + 1 != head.i)
        ):
            last += 1
        return left, right, first, last

    def _make(
        self,
        hit: tuple[str | None, str | None, str | None],
        text: str,
        sector: str | None,
        start: int,
        end: int,
    ) -> Participant:
        name, country, code = hit
        if code is None and country is not None:
            code = country + (sector or "")
        return Participant(name, text, country, sector if country else "IGO", code, start, end)

    def _own_words(self, made: list[Participant], left: list[Token], end: int) -> list[Participant]:
        """Each actor of a phrase several share ("Peruvian and Chilean officials") told the
        phrase's extent and its own words: its name, the last one's running on to the head
        ("Peruvian" / "Chilean officials")."""
        at: dict[str | None, tuple[int, int]] = {}
        for t in left:
            ent = self.ents.get(t.i)
            hit = self._resolve_ent(ent) if ent is not None else None
            if ent is not None and hit is not None and hit[1] not in at:
                at[hit[1]] = (self.offset + ent.start_char, self.offset + ent.end_char)
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

    def _antecedent(self, pronoun: Token) -> Participant | None:
        """The subject of a verb above the pronoun's clause ("Syria says *it* will ...")."""
        node = pronoun.head
        while node.head.i != node.i:
            node = node.head
            for c in node.children:
                if c.dep_ == "nsubj" and c.i < pronoun.i and c.pos_ != "PRON":
                    found = [p for p in self.one(c) if p.known or p.sector]
                    if len(found) == 1:
                        return found[0]
        return None

    def _thing_before(self, pronoun: Token) -> bool:
        """Whether "it" stands for a thing: the nearest subject before it, of a verb above its
        clause, is a singular common noun no actor, sector or entity stands for ("The report
        is long, yet *it* blames ..."); "it" is that thing, not the last actor named."""
        if pronoun.lower_ != "it":
            return False
        node = pronoun.head
        while node.head.i != node.i:
            node = node.head
            subj = next((c for c in node.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
            if subj is None:
                continue
            return (
                subj.tag_ == "NN"
                and not subj.ent_type_
                and not any(p.known or p.sector for p in self.one(subj))
            )
        return False

    def _object_antecedent(self, pronoun: Token) -> Participant | None:
        """The one an object pronoun stands for: the object of a verb above its clause, or
        of a conjunct before it (its direct object, else the object of one of its
        prepositions), when that is someone ("filed a suit against X, accusing *him*")."""
        node = pronoun.head
        for _ in range(4):
            if node.head.i == node.i:
                return None
            node = node.head
            objects = [c for c in node.children if c.dep_ in ("dobj", "dative")]
            objects += [
                g
                for c in (node, *objects)
                for p in c.children
                if p.dep_ == "prep"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            for obj in sorted((o for o in objects if o.i < pronoun.i), key=lambda o: o.i):
                found = [p for p in self.one(obj) if p.known or p.sector or p.kind == "PERSON"]
                if len(found) == 1:
                    return found[0]
        return None

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

    def _name(self, tokens: list[Token]) -> str | None:
        for t in tokens:
            ent = self.ents.get(t.i)
            if ent is not None and ent.label_ in ("PERSON", "ORG") and not ent.id_:
                return ent.text
        return None

    def _sector(self, tokens: list[Token], head: Token) -> str | None:
        before = self.doc[head.i - 1] if head.i > 0 else None
        if before is not None and before.dep_ == "compound" and before.head.i == head.i:
            # "coast guard" (MIL) is no plain "guard" (COP): the two words decide first
            sector = self.sectors.get(f"{before.lower_} {head.lemma_.lower()}")
            if sector is not None:
                return sector
        for t in (head, *reversed(tokens)):
            sector = self.sectors.get(t.lemma_.lower()) or self.sectors.get(t.lower_)
            if sector is not None:
                return sector
        return None

    def _gazetteer(
        self, left: list[Token], right: list[Token], head: Token
    ) -> list[tuple[str | None, str | None, str | None]]:
        """(name, country, code) for the countries/organisations the phrase names: those left
        of the head first; several only when they are conjoined ("Hungarian and Romanian
        officials")."""
        person = self._name(left + right)
        for side in (left, right):
            hits: list[tuple[str | None, str | None, str | None]] = []
            seen: set[int] = set()
            for t in side:
                ent = self.ents.get(t.i)
                if ent is None or ent.start in seen:
                    continue
                if (
                    ent.label_ == "NORP"
                    and ent.start > 0
                    and self.doc[ent.start - 1].lower_ == "ethnic"
                ):
                    continue  # "ethnic Hungarians in Romania": a people, not a state
                seen.add(ent.start)
                if self._related(ent):
                    continue  # "X's ally in Y": someone of Y (or unknown), not X
                hit = self._resolve_ent(ent)
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
            if t.is_title and t.i != head.i and not self._related(self.doc[t.i : t.i + 1]):
                country = self.gaz.country_by_demonym(t.text) or self.gaz.country_by_name(t.text)
                if country is not None:
                    return [(person or country.name, country.cameo, None)]
        return []

    def _related(self, ent: Span) -> bool:
        """Whether the entity is the possessor of a relation noun ("*Israel's* militia ally")."""
        root = ent.root
        return root.dep_ == "poss" and root.head.lemma_.lower() in self.relations

    def _resolve_ent(self, ent: Span) -> tuple[str | None, str | None, str | None] | None:
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


def _of_actor(actor: ActorLike, text: str, sector: str | None, start: int, end: int) -> Participant:
    """The actor the actors stage found for a phrase; the phrase's sector when it has none."""
    return Participant(
        actor.name,
        text,
        actor.country,
        actor.sector or sector,
        actor.code,
        start,
        end,
        "actors",
        kind=actor.type,
    )


def outside_phrase(child: Token) -> bool:
    """A right-hand dependent that is no part of the actor's words: a floating quantifier
    ("Sosa and Lugo *both* urged"), or a preposition over a gerund clause, which is what the
    actor is said to have done ("accused the guards *of beating* prisoners")."""
    if child.dep_ == "appos" and child.lower_ in _FLOATING:
        return True
    return child.dep_ == "prep" and any(
        c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX") for c in child.children
    )


def _joined(side: list[Participant]) -> list[Participant]:
    """Conjuncts of one phrase ("Peru and Chile", "the envoy and his aides"), each still
    its own actor, told the extent of the whole coordination."""
    spans = [(p.start, p.end) for p in side if p.end > p.start and p.via != "pronoun"]
    if len(spans) < 2:
        return side
    extent = (min(s for s, _ in spans), max(e for _, e in spans))
    return [replace(p, joined=extent) if p.end > p.start else p for p in side]


def _in_run(tok: Token) -> bool:
    """Whether a word before a phrase's head runs on into it: not a space, nor punctuation
    other than the phrase's own (hyphens, possessives, brackets)."""
    return not tok.is_space and (tok.pos_ != "PUNCT" or tok.tag_ in _INNER_PUNCT)


def _titles(left: list[Token], head: Token) -> list[Token]:
    """Words before the head that can name its role: compounds ("riot *police*", "Foreign
    *Minister* X"), not adjectives ("a *military* offensive" is no army)."""
    return [t for t in left if t.head.i == head.i and t.dep_ in ("compound", "nmod", "poss")]


def _under(tok: Token, top: Token, deps: frozenset[str]) -> bool:
    """Whether ``tok`` hangs below ``top`` through one of ``deps``."""
    while tok.i != top.i:
        if tok.dep_ in deps:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _dedupe(
    hits: list[tuple[str | None, str | None, str | None]],
) -> list[tuple[str | None, str | None, str | None]]:
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for h in hits:
        if (h[1], h[2]) not in seen:
            seen.add((h[1], h[2]))
            out.append(h)
    return out
