"""Targets an act's own dependents do not name: those inside its complement clause ("urged
that *Norway* ...", "warned it would cut ties *with Peru*"), whoever it is "against" anywhere
in its phrase, or the subject of the condition it waits on ("... *unless Oslo* paid").

    targets = complement_targets(verb, resolver, addressed)
    targets = against(verb, resolver, sources)

Also the small readers of the parse the other steps of the roles share (:func:`pobjs`,
:func:`subject_of`) and the prepositions whose object can be a target.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dateline.actors.sides import Sides
from dateline.events.implied_sides import agentive
from dateline.events.model import Participant
from dateline.events.predicates import phrase_tokens
from dateline.nlp import to_infinitive

#: Prepositions whose object can be the target when the verb has no direct object.
#: ("mediated *between* X and Y": both are its targets)
TARGET_PREPS = (
    *("to", "with", "against", "on", "upon", "at", "into", "toward", "towards", "from"),
    "between",
)
#: Prepositions on the direct object whose object can be the target ("support for X", "a
#: mediation effort between X and Y").
OBJECT_PREPS = frozenset({"for", "to", "with", "against", "on", "by", "from", "between"})
#: Subordinators of the condition an act waits on: its subject is whom the act is aimed at
#: ("threatened a toll ... *unless Oslo* paid", "keeps the pass shut *until Ruritania* disarms")
_CONDITIONS = frozenset({"unless", "if", "until"})


def complement_targets(
    verb: Token, resolver: Sides, addressed: bool, depth: int = 0
) -> list[Participant]:
    """The target inside a complement clause: its subject ("insisted that *Norway*
    withdraw"); unless the act is addressed (appeals, demands), also its object or a
    prepositional object, there or on the object, nested complements included ("agreed
    to send the files *to Chile*", "warned it would cut ties *with Peru*")."""
    fallback: list[Participant] = []
    # "X warned that *it* would cut ties with Y": the pronoun for the teller is the target
    # only when nothing else in the clause is (then the act is X's own, reflexive)
    itself: list[Participant] = []
    for comp in verb.children:
        purpose = comp.dep_ == "advcl" and to_infinitive(comp)
        if (comp.dep_ not in ("ccomp", "xcomp") and not purpose) or depth > 2:
            continue
        subjects = [c for c in comp.children if c.dep_ == "nsubj"]
        own = [c for c in subjects if _itself(c, verb, resolver)]
        itself.extend(t for h in own for t in resolver.phrase(h) if agentive(t))
        groups = [[c for c in subjects if c not in own]]
        if not addressed:
            objs = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
            groups.append(objs)
            groups.append(pobjs(comp, TARGET_PREPS))
            groups.append([p for o in objs for p in pobjs(o, OBJECT_PREPS)])
        for group in groups:
            found = [t for h in group for t in resolver.phrase(h) if agentive(t)]
            if any(t.known for t in found):
                return [t for t in found if t.known]
            fallback = fallback or found
        if not addressed:
            found = complement_targets(comp, resolver, addressed, depth + 1)
            if any(t.known for t in found):
                return found
            fallback = fallback or found
    return fallback or itself


def _itself(subj: Token, verb: Token, resolver: Sides) -> bool:
    """Whether a complement's subject is a pronoun for the predicate's own subject ("China
    warned that *it* would cut ties with X"): the teller, not whom the act is aimed at."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if subj.pos_ != "PRON" or not own:
        return False
    at = resolver.offset + own[0].idx
    return any(p.start <= at < p.end for p in resolver.phrase(subj))


def against(verb: Token, resolver: Sides, sources: list[Participant]) -> list[Participant]:
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


def subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


#: Dependencies inside a noun phrase, from a word of it up to its head ("X, *a candidate*
#: *for* the *party*": appos, prep, pobj).
_IN_PHRASE = frozenset({"appos", "prep", "pobj", "compound"})


def verbless_subject(verb: Token) -> Token | None:
    """The noun heading a sentence that has no main verb when ``verb`` is that sentence's main
    verb the parser hung on it as a clause, else None: a sentence tells something, so its
    only clause is what. On the head noun itself ("A panel urged talks ..." parsed as "a panel
    [that was] urged ...", "<City>: The ministry will sign ..." hung on the dateline's word),
    or, told in a past or present tense no participle has, on a word of the phrase beside it
    ("X, the farmers' association, *called on* ...", "X, a candidate for the party, *called*
    ..." hung on "association", "party")."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VB", "VBD", "VBN", "VBP", "VBZ"):
        return None
    head = verb.head
    if next((t for t in head.children if t.dep_ == "acl"), None) != verb:
        return None
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        steps = 0
        while head.dep_ in _IN_PHRASE and head.head.i != head.i and steps < 6:
            head, steps = head.head, steps + 1
    if head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
        return head
    return None


def charged_by(clause: Token, charges: frozenset[str]) -> Token | None:
    """The one charged when ``clause`` is a participle with no subject of its own hung on a
    verb of charging (``charges``: "accused", "blamed") after its object: the act it tells is
    what that object is said to have done ("accused *X* of shelling the town, *killing*
    four"), not the accuser's; else None."""
    verb = clause.head
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or verb.lemma_.lower() not in charges:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i), None)
