"""Sources and targets of a matched predicate, and the pairs of them that make events.

Source = the subject (the agent of a passive; a conjunct's, a complement's or a participial
clause's head's subject when it has none). Target = the object (the subject of a passive),
else a prepositional object naming a known actor, else one inside a complement clause ("urged
that *Norway* ...", "warned it would cut ties *with Peru*"), else whoever it is "against".
Defaults when nobody is named: a protest targets the government where it happens; a material
act targets the country it happens in; an agent named without a country ("police") is of the
sentence's place or the article's focus country; a target like "the president" is of the
source's country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.actors.sides import Sides, outside_phrase
from dateline.events import ontology
from dateline.events.lexicon import LexEntry
from dateline.events.model import Location, Participant
from dateline.events.predicates import Predicate, phrase_tokens
from dateline.nlp import text_of
from dateline.nlp.gazetteer import Gazetteer

#: Prepositions whose object can be the target when the verb has no direct object.
#: ("mediated *between* X and Y": both are its targets)
TARGET_PREPS = (
    *("to", "with", "against", "on", "upon", "at", "into", "toward", "towards", "from"),
    "between",
)
#: Prepositions on the direct object whose object can be the target ("support for X", "a
#: mediation effort between X and Y").
OBJECT_PREPS = frozenset({"for", "to", "with", "against", "on", "by", "from", "between"})
#: Prepositions on an object that names the act whose object is what the act is done to
#: ("an investigation *into* X", "a ban *of* X").
_ACT_PREPS = frozenset({"into", "of", "over", "at"})
#: Roots of acts done with something to someone (meet, cooperate, aid, investigate, mobilize,
#: sanction, coerce, attack): an object the entry requires is the means, not the target.
_MATERIAL = frozenset({"04", "06", "07", "09", "15", "16", "17", "18", "19", "20"})
#: Roots of force (coerce, assault, fight, mass violence): what is fired, thrown or used is the
#: means; whom it is aimed "at", "on" or "against" is the target ("fired gas *at protesters*").
_FORCE = frozenset({"17", "18", "19", "20"})
#: Verbs of charging someone with what they did ("accused X of ...", "blamed X for ...").
_CHARGES = frozenset({"accuse", "charge", "blame", "suspect", "convict", "indict", "fault"})
#: Prepositions of whom a force act is aimed at.
_AIMED = ("at", "on", "upon", "against")
#: Roots whose target is whom the speech act addresses (appeals, demands), never someone
#: inside the act asked for ("urged X to send aid *to Chad*": the target is X).
_ADDRESSED = frozenset({"02", "10"})
#: Roots of acts done by speaking or meeting (01-05, 10-13): a thing cannot be their source.
_SPOKEN = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
#: Dependencies through which a predicate without a subject takes its head's.
_CLIMB = frozenset({"conj", "xcomp", "advcl", "acomp"})
#: Roots of acts a government does at home when no one else is named (yield, refuse, coerce).
_DOMESTIC = frozenset({"08", "12", "17"})
#: Aid given (CAMEO 07).
_AID = "07"
#: Visits: the place visited is the host ("arrived in Abuja for a state visit").
_VISITS = frozenset({"042", "043"})
#: Roots of acts only a state does (investigate, sanction, coerce): a passive with no agent
#: was done by the government of the place.
_STATE_POWER = frozenset({"09", "16", "17"})
#: Roots of acts addressed to someone (appeal, demand, disapprove, reject, threaten, reduce
#: relations): with no target in the sentence, the one named just before is it.
_NEEDS_TARGET = frozenset({"02", "10", "11", "12", "13", "16"})
#: Acts done to someone's words (deny, praise, criticise, reject): "rejected *the accusation*"
#: is addressed to whoever made it.
_ON_WORDS = ("016", "051", "11", "12")
#: Subordinators of the condition an act waits on: its subject is whom the act is aimed at
#: ("threatened a toll ... *unless Oslo* paid", "keeps the pass shut *until Ruritania* disarms")
_CONDITIONS = frozenset({"unless", "if", "until"})
#: Returning property: the one it is returned to is the target, not the thing
_RETURN_PROPERTY = "0842"
#: At most this many events from one predicate (conjoined actors multiply).
_MAX_PAIRS = 9


class Roles:
    """``shells``: nouns that stand for the clause they introduce ("the fact that X ...");
    ``claims``: nouns of what someone said ("the accusation"), whose teller is the target;
    ``stances``: nouns of the actor's own stance ("its support"), never the target;
    ``controls``: verbs whose object does their complement's act ("urged X to ...")."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        shells: frozenset[str] = frozenset(),
        claims: frozenset[str] = frozenset(),
        stances: frozenset[str] = frozenset(),
        controls: frozenset[str] = frozenset(),
    ) -> None:
        self.gaz = gazetteer
        self.shells = shells
        self.claims = claims
        self.stances = stances
        self.controls = controls

    def _controller(self, comp: Token, verb: Token) -> Token | None:
        """The object of ``verb`` that does the act of its "to" complement ``comp`` ("urged
        *X* to release", "allowed *X* to enter"; ``controls``), or None."""
        if comp.dep_ != "xcomp" or verb.lemma_.lower() not in self.controls:
            return None
        return next((c for c in verb.children if c.dep_ == "dobj" and c.i < comp.i), None)

    def roles(
        self, pred: Predicate, resolver: Sides
    ) -> tuple[list[Participant], list[Participant]]:
        tok = pred.token
        subject = pred.subject
        if subject is None and tok.dep_ == "acl":
            # "protesters *calling for* ...": the noun; "a letter *urging*": its author
            noun = tok.head
            if any(p.known for p in resolver.phrase(noun)):
                subject = noun
            elif noun.dep_ in ("dobj", "pobj", "attr"):
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head
                subject = subject_of(verb)
        node = tok
        # a passive with no agent takes no one's subject: "X is a city but has been shelled"
        # shares X as the one acted on, not as who acted
        while subject is None and not pred.passive and node.dep_ in _CLIMB and node.head != node:
            below, node = node, node.head
            # "urged *Chile* to release ...": the one asked, told or allowed does the act
            subject = self._controller(below, node) or subject_of(node)
        sources = resolver.phrase(subject) if subject is not None else []
        if node is not tok and _spoken(pred) and _a_thing(subject, sources):
            # "X said that the boat had provoked it and *warned* Y": the parser hangs the
            # speech act on the reported clause, but a thing does not speak; the one who
            # reported it does
            teller = _teller(node)
            if teller is not None:
                subject, sources = teller, resolver.phrase(teller)
        targets: list[Participant] = []
        slots = pred.entry.role_slots()
        if pred.kind == "noun" and pred.noun is not None:
            noun = pred.noun
            wanted = slots.get("target", ()) or TARGET_PREPS
            for c in noun.children:
                key = "poss" if c.dep_ == "poss" else c.lower_ if c.dep_ == "prep" else ""
                if key and key in wanted and key != "poss":
                    for p in pred.preps.get(key, []):
                        targets.extend(resolver.phrase(p))
            if not sources:
                for key in slots.get("source", ()):
                    for p in pred.preps.get(key, []):
                        sources.extend(resolver.phrase(p))
            between = [t for p in pred.preps.get("between", []) for t in resolver.phrase(p)]
            if not any(s.known for s in sources) and len(between) > 1:
                # "clashes between X and Y": X against Y
                sources, targets = between[:1], between[1:]
        else:
            # an object the entry requires names the act, not whom it is done to ("rendered
            # *help* to X", "launched *an investigation* into X", "sent *troops* to X")
            # (an agent there is the one it is done to: "arrested *a journalist*"); nor is
            # the actor's own stance ("voiced *Chile's support* for X")
            acts = [
                o
                for o in pred.objects
                if (names_act(o, pred.entry) and not any(_agentive(t) for t in resolver.phrase(o)))
                or o.lemma_.lower() in self.stances
            ]
            for obj in pred.objects:
                if obj not in acts:
                    targets.extend(self._shell(obj, resolver) or resolver.phrase(obj))
            if not any(t.known for t in targets):
                # "reiterated their support *for Chad*", "sent aid *to* ..."
                for obj in pred.objects:
                    preps = OBJECT_PREPS | _ACT_PREPS if obj in acts else OBJECT_PREPS
                    for c in obj.children:
                        if c.dep_ == "prep" and c.lower_ in preps:
                            for p in c.children:
                                if p.dep_ == "pobj":
                                    found = resolver.phrase(p)
                                    agents = [t for t in found if _agentive(t)]
                                    targets = agents or targets or (found if obj in acts else [])
            if not any(t.known for t in targets):
                unplaced: list[Participant] = []
                for prep in TARGET_PREPS:
                    found = [t for p in pred.preps.get(prep, []) for t in resolver.phrase(p)]
                    known = any(t.known for t in found)
                    if known or (acts and found and not targets):
                        targets = found
                        if known:
                            break
                    unplaced = unplaced or [t for t in found if _agentive(t)]
                else:
                    if unplaced and not targets:
                        # "clashed *with police*", "surrendered *to the army*": an agent no
                        # country is named for is still whom the act is done to
                        targets = unplaced
            if not targets:
                # no one named it is done to: the act's object stands, as it did ("deployed
                # troops": the troops, of the source's country)
                targets = [t for o in acts for t in resolver.phrase(o)]
            if (pred.entry.cameo or "")[:2] in _FORCE and not any(_agentive(t) for t in targets):
                # "fired rubber bullets and gas *at students*": the things fired are the
                # means (the lexicon row names only one of them); the agents aimed at are
                # whom the act is done to
                heads = [tok, *pred.objects]
                aimed = [t for h in heads for p in pobjs(h, _AIMED) for t in _agents(p, resolver)]
                targets = aimed or targets
        root = (pred.entry.cameo or "00")[:2]
        if pred.kind == "verb" and slots.get("target"):
            # the row says where its target is ("sought refuge *in* X": target=in)
            named = [
                t
                for k in slots["target"]
                for p in pred.preps.get(k, [])
                for t in resolver.phrase(p)
            ]
            targets = [t for t in named if t.known] or targets
        if pred.entry.cameo == _RETURN_PROPERTY and pred.preps.get("to"):
            # "handed back two old maps *to X's culture ministry*": what is returned is no one
            owners = [t for p in pred.preps["to"] for t in resolver.phrase(p)]
            targets = owners or targets
        if root == "04" and pred.kind == "verb" and pred.preps.get("with"):
            # "discussed *Libya* with X": what a consultation is about is no one consulted
            partners = [t for p in pred.preps["with"] for t in resolver.phrase(p) if _agentive(t)]
            targets = partners or targets
        if not any(t.known for t in targets) and pred.kind == "verb":
            targets = self._complement_targets(tok, resolver, root in _ADDRESSED) or targets
        if not any(t.known for t in targets):
            targets = self._against(tok, resolver, sources) or targets
        if pred.entry.swapped:
            sources, targets = targets, sources
        sources = [p for p in sources if p.known] or sources
        targets = [p for p in targets if p.known] or targets
        return inherit(sources, targets)

    def _shell(self, obj: Token, resolver: Sides) -> list[Participant]:
        """Who a shell noun's clause is about ("deplored *the fact* that two judges had
        been dismissed"): the agents its subject names; else nothing."""
        if obj.lemma_.lower() not in self.shells:
            return []
        for clause in obj.children:
            if clause.dep_ not in ("acl", "ccomp") or not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                continue
            for subj in clause.children:
                if subj.dep_ in ("nsubj", "nsubjpass"):
                    found = [t for t in resolver.phrase(subj) if _agentive(t)]
                    if found:
                        return found
        return []

    def open_target(self, pred: Predicate, targets: list[Participant]) -> bool:
        """Whether the act is done *to* actors the sentence names only by a description that
        stands for ones named before ("urged *the two delegations*", "warned *both sides*"):
        an act addressed to someone (appeal, demand, criticism, rejection, threat, cutting
        ties) whose target phrase is an agent with no country, or words no owner is named for
        ("rejected *the accusation*"). An appeal to no one ("called for aid") has no such
        phrase and stays without a target."""
        code = pred.entry.cameo or ""
        return (
            bool(targets)
            and not any(t.known for t in targets)
            and (
                (code[:2] in _NEEDS_TARGET and any(_agentive(t) for t in targets))
                or (code.startswith(_ON_WORDS) and self._claim(pred))
            )
        )

    def _claim(self, pred: Predicate) -> bool:
        """Whether the act is done to words no owner is named for ("rejected *the
        accusation*"): their teller is the one it is addressed to."""
        return pred.kind == "verb" and any(
            o.lemma_.lower() in self.claims and not any(c.dep_ == "poss" for c in o.children)
            for o in pred.objects
        )

    def _complement_targets(
        self, verb: Token, resolver: Sides, addressed: bool, depth: int = 0
    ) -> list[Participant]:
        """The target inside a complement clause: its subject ("insisted that *Norway*
        withdraw"); unless the act is addressed (appeals, demands), also its object or a
        prepositional object, there or on the object, nested complements included ("agreed
        to send the files *to Chile*", "warned it would cut ties *with Peru*")."""
        fallback: list[Participant] = []
        for comp in verb.children:
            purpose = comp.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in comp.children
            )
            if (comp.dep_ not in ("ccomp", "xcomp") and not purpose) or depth > 2:
                continue
            groups = [[c for c in comp.children if c.dep_ == "nsubj"]]
            if not addressed:
                objs = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
                groups.append(objs)
                groups.append(pobjs(comp, TARGET_PREPS))
                groups.append([p for o in objs for p in pobjs(o, OBJECT_PREPS)])
            for group in groups:
                found = [t for h in group for t in resolver.phrase(h) if _agentive(t)]
                if any(t.known for t in found):
                    return [t for t in found if t.known]
                fallback = fallback or found
            if not addressed:
                found = self._complement_targets(comp, resolver, addressed, depth + 1)
                if any(t.known for t in found):
                    return found
                fallback = fallback or found
        return fallback

    def _against(
        self, verb: Token, resolver: Sides, sources: list[Participant]
    ) -> list[Participant]:
        """Whoever the act is "against" (or "with"), anywhere in the predicate's phrase
        ("massed tanks for a push *against Ruritania*", "a halt to shipping *with
        Atlantis*"), else the subject of its condition ("threatened ... *unless Oslo* paid",
        "keeps it shut *until Ruritania* ..."): a known actor other than the source."""
        own = {p.country for p in sources if p.country}
        tokens = phrase_tokens(verb)
        for prep in ("against", "with"):
            for tok in tokens:
                if tok.dep_ == "prep" and tok.lower_ == prep:
                    found = [
                        t
                        for p in pobjs(tok.head, {prep})
                        for t in resolver.phrase(p)
                        if t.known and t.country not in own
                    ]
                    if found:
                        return found
        for tok in verb.subtree:
            if tok.dep_ == "mark" and tok.lower_ in _CONDITIONS and tok.head.dep_ == "advcl":
                subj = subject_of(tok.head)
                found = [t for t in resolver.phrase(subj) if t.known] if subj is not None else []
                if found and not any(t.country in own for t in found):
                    return found
        return []

    def default_target(
        self,
        code: str,
        sources: list[Participant],
        targets: list[Participant],
        here: Location | None,
        loc: Location | None,
        someone: list[Participant] | None = None,
        home: str | None = None,
    ) -> list[Participant]:
        """The target when the sentence names none it can resolve: a protest is against the
        government where it happens; a material act, a rejection or a threat is done to the
        country of the place the sentence names ("imposed a curfew in <a town>", "threatened to
        shut the ports in X"), and the people it names as acted on (``someone``: the targets that
        are no thing) are of that country ("police in X arrested *six suspects*"); a domestic
        measure (yielding, coercing, refusing) with no place is done at home (the source's
        country); aid that names no receiver and no place ("pledged $5 million in aid") goes
        to the country the article is about (``home``), when that is not the giver's."""
        root = code[:2]
        if root == "14":
            return self.protest_target(sources, loc) or targets
        quad = ontology.code(code).quad_class
        if (
            here is not None
            and here.country
            and (quad in (2, 4) or root in ("12", "13") or code in _VISITS)
        ):
            people = [t for t in someone or () if t.text] if code not in _VISITS else []
            if people:
                return [_placed(t, here.country) for t in people]
            # the place keeps its name as the target's words ("shelled *Poonch district*")
            return [replace(self.country_participant(here.country), text=here.name)]
        # a giver of a country, or an international body (none of the home country)
        givers = {p.country or (p.code or "")[:3] for p in sources}
        if (
            root == _AID
            and home
            and sources
            and home not in givers
            and "" not in givers
            and not any(map(_agentive, targets))
        ):
            return [self.country_participant(home)]
        if root in _DOMESTIC and not any(_agentive(t) for t in targets):
            found = {p.country for p in sources if p.country}
            if len(found) == 1:
                # the phrase acted on keeps its words ("detained *the owner of a bakery*")
                # and takes the country
                country = found.pop()
                return [_placed(t, country) for t in targets] or [self.country_participant(country)]
        return targets

    def default_source(self, code: str, country: str) -> list[Participant]:
        """The agent of a passive act of state power that names none ("was detained in
        Ghana", "was charged in Norway"): the government where it happens."""
        if code[:2] not in _STATE_POWER:
            return []
        return [self.country_participant(country, "GOV")]

    def protest_target(self, sources: list[Participant], loc: Location | None) -> list[Participant]:
        """A protest that names no target is against the government where it happens (else
        the protesters' own): the convention of the PLOVER gold data."""
        country = loc.country if loc is not None and loc.country else None
        if country is None:
            found = {p.country for p in sources if p.country}
            country = found.pop() if len(found) == 1 else None
        if country is None:
            return []
        return [self.country_participant(country, "GOV")]

    def country_participant(self, country: str, sector: str | None = None) -> Participant:
        entry = self.gaz.country_by_code(country)
        name = entry.name if entry else country
        return Participant(name, "", country, sector, country + (sector or ""), 0, 0, "inferred")


#: Clauses that describe a side's noun and belong to its phrase as PLV and PLOVER mark it
#: ("a complaint *filed by the guild*", "the league, *which two farmers set up*").
_DESCRIBING = frozenset({"acl", "relcl", "prep", "amod"})
#: ... but a date after the noun is when the act happened ("talks *on Monday*")
_WHEN = frozenset({"DATE", "TIME"})


def widened(p: Participant, sent: Span, pred: Token) -> Participant:
    """The side's words run on over what describes its noun after it (a participle, a
    relative clause, an adjective or a prepositional phrase, also one on its apposition:
    "Harlow Mutual, a lender *that X set up*", "militias *loyal to X*",
    "workers *at the mine*"), not over a date nor a clause that holds the predicate itself
    ("protesters *calling for* ...": the act is no part of who does it)."""
    if p.end <= p.start or p.via == "pronoun":
        return p
    doc = sent.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span) or span.start < sent.start or span.end > sent.end:
        return p
    end = span.end
    for tok in span:
        for c in tok.rights:
            if c.dep_ not in _DESCRIBING or c.left_edge.i > end + 1 or _charge(c, tok, pred):
                continue
            if any(t.ent_type_ in _WHEN for t in c.subtree):
                continue
            if c.left_edge.i <= pred.i <= c.right_edge.i or c.right_edge.i >= sent.end:
                continue
            end = max(end, c.right_edge.i + 1)
    if end == span.end:
        return p
    while end > span.end and doc[end - 1].is_punct:
        end -= 1
    last = doc[end - 1]
    return replace(p, text=text_of(doc)[p.start : last.idx + len(last)], end=last.idx + len(last))


def _charge(prep: Token, head: Token, pred: Token) -> bool:
    """Whether ``prep`` on the object of a verb of charging says what the one charged is said
    to have done, no words of theirs ("accused *X* of trying to ...", "blamed *X* for
    failing to ...")."""
    return (
        outside_phrase(prep)
        and prep.lower_ in ("of", "for")
        and head.dep_ == "dobj"
        and head.head.i == pred.i
        and pred.lemma_.lower() in _CHARGES
    )


def joined_words(p: Participant | None, other: Participant | None, text: str) -> Participant | None:
    """A conjunct's words run over its whole coordination ("*Peru and Chile* condemned X"),
    as PLV and PLOVER mark a coordinated side as one span (the actor stays the conjunct's);
    not when the other side is a conjunct of the same one ("Peru and Chile met": each is
    the other's side)."""
    if p is None or p.joined is None:
        return p
    if other is not None and other.joined == p.joined:
        # "Peruvian and Chilean officials met": each is its own words
        if p.own is None:
            return p
        start, end = p.own
        return replace(p, text=text[start:end], start=start, end=end)
    start, end = min(p.start, p.joined[0]), max(p.end, p.joined[1])
    return replace(p, text=text[start:end], start=start, end=end)


def _placed(p: Participant, country: str) -> Participant:
    """The phrase with the country an act's place or source gives it (its words kept)."""
    return replace(p, country=country, code=country + (p.sector or ""), via="inferred")


def names_act(obj: Token, entry: LexEntry) -> bool:
    """Whether the object is one the lexicon entry requires (the act's own noun: "help" in
    "render help", "troops" in "send troops") of an act done to someone, by its head word."""
    if (entry.cameo or "")[:2] not in _MATERIAL:
        return False  # "condemned the attack", "rejected the plan": the thing judged is the target
    words = {obj.lemma_.lower(), obj.lower_}
    return any(w.split()[-1] in words for group in entry.object for w in group)


def acted_on(pred: Predicate) -> set[int]:
    """Token indexes of the phrases a predicate is done to, a thing or not: a verb's objects
    that do not name the act ("stormed *a police post*", not "imposed *a curfew*"), and what
    fills an event noun's own target slot ("the arrest *of nine thieves*", as "arrested nine
    thieves")."""
    done = {o.i for o in pred.objects if not names_act(o, pred.entry)}
    if pred.kind == "noun":
        slots = pred.entry.role_slots().get("target", ())
        done |= {p.i for key in slots if key != "poss" for p in pred.preps.get(key, [])}
    return done


def pobjs(head: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``head``'s prepositions among ``preps`` ("sent X *to* Y" is often parsed as
    a dative)."""
    return [
        p
        for c in head.children
        if (c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")) and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _agents(head: Token, resolver: Sides) -> list[Participant]:
    """The agents a phrase names, a count of them included ("hundreds *of students*": the
    phrase, with the sector of whom it counts)."""
    found = [t for t in resolver.phrase(head) if _agentive(t)]
    if found or not (head.like_num or head.ent_type_ == "CARDINAL"):
        return found
    counted = [t for p in pobjs(head, ("of",)) for t in resolver.phrase(p) if _agentive(t)]
    if not counted:
        return []
    return [replace(t, sector=counted[0].sector) for t in resolver.phrase(head)]


def subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _spoken(pred: Predicate) -> bool:
    """An act done by speaking or meeting (statements, appeals, promises, talks, demands,
    disapproval, rejection, threats): only someone can do it."""
    return (pred.entry.cameo or "00")[:2] in _SPOKEN


def _a_thing(subject: Token | None, sources: list[Participant]) -> bool:
    """The subject is a common noun no one stands behind: no sector, no entity of its own
    ("the boat", "the incident"), however its modifiers place it."""
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and not subject.ent_type_
        and bool(sources)
        and all(p.sector is None and p.kind != "PERSON" for p in sources)
    )


def _teller(clause: Token) -> Token | None:
    """The subject of the verb a reported clause is the complement of ("X *said* that ...")."""
    if clause.dep_ != "ccomp" or clause.head == clause:
        return None
    return subject_of(clause.head)


#: Sectors whose plural agents ("protesters", "police", "rebels") are local by default; plural
#: diplomats and delegations ("the two delegations", "both parties") come from anywhere.
_LOCAL_PLURAL = frozenset({"COP", "MIL", "CVL", "OPP", "REB", "LAB", "EDU", "AGR", "REF", "JUD"})


def _agentive(p: Participant) -> bool:
    """Known, or at least an agent whose country a default may supply ("President X")."""
    return p.known or (p.sector is not None and p.sector != "IGO")


def _localizable(p: Participant) -> bool:
    if p.country or p.sector == "IGO" or (p.code or "").startswith("IGO"):
        return False
    if p.via == "actors" and p.kind == "PERSON":
        return True  # a person the actors stage could not place
    if not p.sector:
        return False
    return not p.plural or p.sector in _LOCAL_PLURAL


def localize(
    side: list[Participant], country: str, named: bool = True, persons: bool = False
) -> list[Participant]:
    """Agents without a country acting where the event happens are of that country;
    ``named=False``: only those the text does not name ("police", not "Oman's envoy"), but
    with ``persons`` also the people the actors stage found without a country (mostly of the
    country the article is about)."""
    return [
        replace(p, country=country, code=country + (p.sector or ""), via="inferred")
        if _localizable(p) and (named or not p.named or (persons and p.kind == "PERSON"))
        else p
        for p in side
    ]


def inherit(
    sources: list[Participant], targets: list[Participant]
) -> tuple[list[Participant], list[Participant]]:
    """A target named without a country ("the president", "police", "opposition groups")
    takes the source's country when the source has exactly one: domestic news names its own
    government without saying whose it is. (Not the other way: an attacker is seldom of
    his victims' country.)"""

    def fill(side: list[Participant], other: list[Participant]) -> list[Participant]:
        countries = {p.country for p in other if p.country}
        if len(countries) != 1:
            return side
        (country,) = countries
        return [
            replace(p, country=country, code=country + (p.sector or ""), via="inferred")
            if _localizable(p)
            else p
            for p in side
        ]

    return sources, fill(targets, sources)


def pairs(
    sources: list[Participant], targets: list[Participant], code: str, symmetric: bool = False
) -> list[tuple[Participant | None, Participant | None]]:
    """Source-target pairs; a conjoined subject of a symmetric predicate ("Peru and Bolivia
    met") without another target gives both directions between its members."""
    if symmetric and not any(t.known for t in targets) and len(sources) > 1:
        among: list[tuple[Participant | None, Participant | None]] = [
            (a, b) for a in sources for b in sources if a is not b
        ]
        return among[:_MAX_PAIRS]
    srcs: list[Participant | None] = list(sources) or [None]
    tgts: list[Participant | None] = list(targets) or [None]
    return [(s, t) for s in srcs for t in tgts][:_MAX_PAIRS]
