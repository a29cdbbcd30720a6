"""Sources and targets of a matched predicate, read from the parse, and the pairs of them that
make events.

Source = the subject (the agent of a passive; a conjunct's, a complement's or a participial
clause's head's subject when it has none). Target = the object (the subject of a passive),
else a prepositional object naming a known actor, else one inside a complement clause ("urged
that *Norway* ...", "warned it would cut ties *with Peru*"), else whoever it is "against".
Defaults when nobody is named: a protest targets the government where it happens; a material
act targets the country it happens in; an agent named without a country ("police") is of the
sentence's place or the article's focus country; a target like "the president" is of the
source's country.

This module reads the predicate's own dependents; the other steps are modules of their own:
targets beyond them (:mod:`.clause_targets`), the sides an act implies when the sentence names
none and the countries sides take (:mod:`.implied_sides`), and the words a side carries in the
record (:mod:`.side_words`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.actors.earlier_sentences import stands_for_two
from dateline.actors.sides import Sides
from dateline.events.clause_targets import (
    OBJECT_PREPS,
    TARGET_PREPS,
    against,
    charged_by,
    complement_targets,
    pobjs,
    subject_of,
    verbless_subject,
)
from dateline.events.implied_sides import FORCE_ROOTS, agentive, inherit
from dateline.events.lexicon import LexEntry
from dateline.events.model import Participant
from dateline.events.predicates import Predicate
from dateline.nlp import past_perfect, to_infinitive

#: Prepositions on an object that names the act whose object is what the act is done to
#: ("an investigation *into* X", "a ban *of* X").
_ACT_PREPS = frozenset({"into", "of", "over", "at"})
#: Roots of acts done with something to someone (meet, cooperate, aid, investigate, mobilize,
#: sanction, coerce, attack): an object the entry requires is the means, not the target.
_MATERIAL = frozenset({"04", "06", "07", "09", "15", "16", "17", "18", "19", "20"})
#: Prepositions of whom an act of force (FORCE_ROOTS) is aimed at: what is fired, thrown or
#: used is the means; whom it is aimed "at", "on" or "against" is the target ("fired gas *at
#: protesters*").
_AIMED = ("at", "on", "upon", "against")
#: Nouns of a body of people named by whom it is made of ("a group *of migrants*").
_GROUPS = frozenset({"group", "band", "crowd", "column", "convoy", "number"})
#: Nouns of "in an attempt to V": V states what the act was for ("in a bid to scatter X").
_PURPOSE_NOUNS = frozenset({"attempt", "bid", "effort"})
#: Roots of reducing relations: the envoy a state recalls ("*its* ambassador") is its own
#: means, not whom ties are cut with.
_TIES = frozenset({"16"})
#: Roots whose target is whom the speech act addresses (appeals, demands), never someone
#: inside the act asked for ("urged X to send aid *to Chad*": the target is X).
_ADDRESSED = frozenset({"02", "10"})
#: Roots of acts done by speaking or meeting (01-05, 10-13): a thing cannot be their source.
_SPOKEN = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
#: Dependencies through which a predicate without a subject takes its head's.
_CLIMB = frozenset({"conj", "xcomp", "advcl", "acomp"})
#: Roots of acts addressed to someone (appeal, demand, disapprove, reject, threaten, reduce
#: relations): with no target in the sentence, the one named just before is it.
_NEEDS_TARGET = frozenset({"02", "10", "11", "12", "13", "16"})
#: Acts done to someone's words (deny, praise, criticise, reject): "rejected *the accusation*"
#: is addressed to whoever made it.
_ON_WORDS = ("016", "051", "11", "12")
#: Disapproval (criticise, condemn, accuse): a condemned deed's doer is its target
_DISAPPROVE = "11"
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
        shells: frozenset[str] = frozenset(),
        claims: frozenset[str] = frozenset(),
        stances: frozenset[str] = frozenset(),
        controls: frozenset[str] = frozenset(),
        charges: frozenset[str] = frozenset(),
        sent: frozenset[str] = frozenset(),
        deeds: frozenset[str] = frozenset(),
    ) -> None:
        self.shells = shells
        self.claims = claims
        self.stances = stances
        self.controls = controls
        self.charges = charges
        self.sent = sent
        self.deeds = deeds

    def _controller(self, comp: Token, verb: Token) -> Token | None:
        """The object of ``verb`` that does the act of its "to" complement ``comp`` ("urged
        *X* to release", "allowed *X* to enter"; ``controls``), or the one a passive verb of
        sending sent ("*a team* was dispatched to inspect the dam"; ``sent``), or None."""
        lemma = verb.lemma_.lower()
        if lemma in self.sent and _to_clause(comp):
            return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if comp.dep_ != "xcomp" or lemma not in self.controls:
            return None
        return next((c for c in verb.children if c.dep_ == "dobj" and c.i < comp.i), None)

    def roles(
        self, pred: Predicate, resolver: Sides, home: str | None = None
    ) -> tuple[list[Participant], list[Participant]]:
        """The predicate's sources and targets; ``home`` is the article's home country (CAMEO
        code), whose government a foreign source's act on "the government" is aimed at."""
        tok = pred.token
        subject = pred.subject
        if subject is None and tok.dep_ == "acl":
            # "protesters *calling for* ...": the noun; "a letter *urging*": its author
            noun = tok.head
            heading = verbless_subject(tok)
            if heading is not None and heading != noun:
                subject = heading  # "X, the farmers' group, *called* ...": X
            elif any(p.known for p in resolver.phrase(noun)):
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
            subject = (
                self._controller(below, node) or charged_by(below, self.charges) or subject_of(node)
            )
        # a subject that is a conjunct stands alone: the parse joined it to the noun of
        # another clause (:func:`~dateline.events.predicates.verb_predicate`)
        alone = subject is not None and subject.dep_ == "conj"
        sources = resolver.phrase(subject, conjuncts=not alone) if subject is not None else []
        thing = _spoken(pred) and _a_thing(subject, sources)
        # (not an act of violence: "said rebels had shelled the town and *killed* four" is
        # the rebels' killing, whatever the tagger made of its tense)
        violent = (pred.entry.cameo or "")[:2] in _VIOLENT
        if node is not tok and (thing or (_tense_breaks(tok, node) and not violent)):
            # "X said that the boat had provoked it and *warned* Y": the parser hangs the
            # speech act on the reported clause, but a thing does not speak; the one who
            # reported it does. So too a past act joined to a reported clause in another
            # tense ("told reporters that the president *would keep* fighting and *blamed*
            # Y"): it goes with the telling
            teller = _teller(node)
            told = resolver.phrase(teller) if teller is not None else []
            # a text that tells ("the statement said the bloc would ... and asked ...") does
            # not act: the subject of the reported clause, its author, does
            text = teller is not None and (_a_thing(teller, told) or not told)
            if teller is not None and (thing or not text):
                subject, sources = teller, told
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
            # (the envoy a state recalls is its own means too: whom ties are cut with is the
            # target, "recalled *its ambassador* from X")
            ties = (pred.entry.cameo or "")[:2] in _TIES and any(map(_own, pred.objects))
            acts = [
                o
                for o in pred.objects
                if (
                    names_act(o, pred.entry)
                    and (ties or not any(agentive(t) for t in resolver.phrase(o)))
                )
                or o.lemma_.lower() in self.stances
            ]
            for obj in pred.objects:
                if obj not in acts and obj.ent_type_ not in _AMOUNTS:
                    # an amount is what is given or taken ("fined X *$5,000*"), never whom
                    targets.extend(self._shell(obj, resolver) or resolver.phrase(obj))
            if not any(t.known for t in targets):
                # "reiterated their support *for Chad*", "sent aid *to* ..."
                for obj in pred.objects:
                    preps = OBJECT_PREPS | _ACT_PREPS if obj in acts else OBJECT_PREPS
                    for c in obj.children:
                        if c.dep_ == "prep" and c.lower_ in preps:
                            for p in c.children:
                                # "tariffs *of 60%*": a rate or a sum is no side either
                                if p.dep_ == "pobj" and p.ent_type_ not in _AMOUNTS:
                                    found = resolver.phrase(p)
                                    agents = [t for t in found if agentive(t)]
                                    targets = (
                                        agents
                                        or targets
                                        or (found if obj in acts and not ties else [])
                                    )
            if not any(t.known for t in targets):
                unplaced: list[Participant] = []
                for prep in TARGET_PREPS:
                    found = [t for p in pred.preps.get(prep, []) for t in resolver.phrase(p)]
                    known = any(t.known for t in found)
                    if known or (acts and found and not targets):
                        targets = found
                        if known:
                            break
                    unplaced = unplaced or [t for t in found if agentive(t)]
                else:
                    if unplaced and not targets:
                        # "clashed *with police*", "surrendered *to the army*": an agent no
                        # country is named for is still whom the act is done to
                        targets = unplaced
            if not targets and not ties:
                # no one named it is done to: the act's object stands, as it did ("deployed
                # troops": the troops, of the source's country)
                targets = [t for o in acts for t in resolver.phrase(o)]
            if (pred.entry.cameo or "")[:2] in FORCE_ROOTS and not any(
                agentive(t) for t in targets
            ):
                # "fired rubber bullets and gas *at students*": the things fired are the
                # means (the lexicon row names only one of them); the agents aimed at are
                # whom the act is done to
                heads = [tok, *pred.objects]
                aimed = [t for h in heads for p in pobjs(h, _AIMED) for t in _agents(p, resolver)]
                targets = aimed or _purposed(tok, resolver) or targets
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
            partners = [t for p in pred.preps["with"] for t in resolver.phrase(p) if agentive(t)]
            targets = partners or targets
        # "met investors *to present* the plan": whom a meeting was with, not its topic
        met = root == "04" and bool(pred.objects) and bool(targets)
        if not any(t.known for t in targets) and pred.kind == "verb" and not met:
            targets = complement_targets(tok, resolver, root in _ADDRESSED) or targets
        if not any(t.known for t in targets):
            targets = against(tok, resolver, sources) or targets
        if pred.entry.swapped:
            sources, targets = targets, sources
        sources = [p for p in sources if p.known] or sources
        targets = [p for p in targets if p.known] or targets
        return inherit(sources, targets, home)

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
                    found = [t for t in resolver.phrase(subj) if agentive(t)]
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
                (code[:2] in _NEEDS_TARGET and any(agentive(t) or _pair(t) for t in targets))
                or self.on_words(pred)
            )
        )

    def on_deed(self, pred: Predicate) -> bool:
        """Whether the act is a condemnation of a deed of force no doer is named for
        ("condemned *the attack*", "denounced the strike"; not "the attack *by* X", not
        "*its* raid"): it is addressed to whoever did it."""
        return (pred.entry.cameo or "")[:2] == _DISAPPROVE and _unowned_object(
            pred, self.deeds, doer_named=True
        )

    def on_words(self, pred: Predicate) -> bool:
        """Whether the act is done to words no owner is named for ("rejected *the
        accusation*"): their teller is the one it is addressed to."""
        return (pred.entry.cameo or "").startswith(_ON_WORDS) and _unowned_object(pred, self.claims)


def _unowned_object(pred: Predicate, nouns: frozenset[str], doer_named: bool = False) -> bool:
    """Whether a verb predicate's object is one of ``nouns`` with no owner named: no
    possessor ("*its* raid", "*X's* claim"), nor with ``doer_named`` a "by" phrase ("the
    attack *by* X")."""
    return pred.kind == "verb" and any(
        o.lemma_.lower() in nouns
        and not any(c.dep_ == "poss" or (doer_named and c.lower_ == "by") for c in o.children)
        for o in pred.objects
    )


def _pair(p: Participant) -> bool:
    """Whether a plural phrase says it stands for two ("both sides", "the two camps")."""
    return p.plural and stands_for_two(p)


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


def _agents(head: Token, resolver: Sides) -> list[Participant]:
    """The agents a phrase names, a count or a group of them included ("hundreds *of
    students*", "a group *of migrants*": the phrase, with the sector of whom it counts)."""
    found = [t for t in resolver.phrase(head) if agentive(t)]
    if found or not (
        head.like_num or head.ent_type_ == "CARDINAL" or head.lemma_.lower() in _GROUPS
    ):
        return found
    counted = [t for p in pobjs(head, ("of",)) for t in resolver.phrase(p) if agentive(t)]
    if not counted:
        return []
    return [replace(t, sector=counted[0].sector) for t in resolver.phrase(head)]


def _own(obj: Token) -> bool:
    """Whether a pronoun names the object's owner ("*its* ambassador"): the actor's own."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _purposed(verb: Token, resolver: Sides) -> list[Participant]:
    """The agents an act of force is done to by its stated purpose ("fired tear gas *to
    disperse the crowd*", "in a bid to scatter *the marchers*"): the object of a "to"
    infinitive hung on the verb, or on the noun of an "in an attempt/bid/effort" phrase."""
    clauses = [c for c in verb.children if _to_clause(c)]
    clauses += [
        a
        for p in pobjs(verb, ("in",))
        if p.lemma_.lower() in _PURPOSE_NOUNS
        for a in p.children
        if a.dep_ == "acl" and to_infinitive(a)
    ]
    return [
        t for c in clauses for o in c.children if o.dep_ == "dobj" for t in _agents(o, resolver)
    ]


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


#: Roots of violence (assault, fight, mass violence): no teller does them by telling.
_VIOLENT = frozenset({"18", "19", "20"})
#: Entity labels of amounts: an object that is one is no side ("fined X *$5,000*").
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})


def _tense_breaks(tok: Token, head: Token) -> bool:
    """Whether ``tok``, a simple past joined to ``head``, the verb of a reported clause, is
    told in another tense than it: ``head`` in the present, under a modal or in the past
    perfect of reported speech ("that the plan *falls* short and *called on* X", "that he
    *would* resign and *urged* Y", "that X *had refused* to talk and *called on* Y")."""
    if tok.dep_ != "conj" or tok.head.i != head.i or head.dep_ != "ccomp" or tok.tag_ != "VBD":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    return head.tag_ in ("VBZ", "VBP") or (head.tag_ == "VB" and modal) or past_perfect(head)


def _teller(clause: Token) -> Token | None:
    """The subject of the verb a reported clause is the complement of ("X *said* that ...")."""
    if clause.dep_ != "ccomp" or clause.head == clause:
        return None
    return subject_of(clause.head)


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


def _to_clause(comp: Token) -> bool:
    """Whether ``comp`` is a "to" infinitive hung on its verb ("sent *to investigate*")."""
    return comp.dep_ in ("xcomp", "advcl") and to_infinitive(comp)
