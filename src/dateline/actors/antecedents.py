"""A side's step for pronouns the article's entities leave open: whom "it", "they" or "him"
stands for, found over the parse.

    p = subject_antecedent(pronoun, one)      # "Syria says *it* will ...": Syria
    p = object_antecedent(pronoun, one)       # "filed a suit against X, accusing *him*": X
    thing_before(pronoun, one)                # "the report is long, yet *it* blames": a thing
    thing_done(pronoun, one)                  # "X welcomed the deal, saying *it* ...": the deal

``one`` resolves a phrase head to its participants (:meth:`.sides.Sides.one`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.actors.model import Participant
from dateline.actors.roles import RoleTable

#: Resolves one phrase head (no conjuncts) to its participants.
OnePhrase = Callable[[Token], list[Participant]]


def subject_antecedent(pronoun: Token, one: OnePhrase) -> Participant | None:
    """The subject of a verb above the pronoun's clause ("Syria says *it* will ..."); of two,
    the nearer (a wire dateline parsed as a second subject comes first: "CITY (Wire) - The
    army said *it* ...")."""
    node = pronoun.head
    while node.head.i != node.i:
        node = node.head
        for c in sorted(node.children, key=lambda t: -t.i):
            if c.dep_ == "nsubj" and c.i < pronoun.i and c.pos_ != "PRON":
                found = [p for p in one(c) if p.known or p.sector]
                if len(found) == 1:
                    return found[0]
    return None


def thing_before(pronoun: Token, one: OnePhrase) -> bool:
    """Whether "it" stands for a thing: the nearest subject before it, of a verb above its
    clause, is a singular common noun no actor, sector or entity stands for ("The report
    is long, yet *it* blames ..."); "it" is that thing, not the last actor named."""
    found = _subject_above(pronoun) if pronoun.lower_ == "it" else None
    return found is not None and _thing(found[1], one)


def thing_done(pronoun: Token, one: OnePhrase) -> bool:
    """Whether "it" stands for the thing a person's act before it was done to: the subject
    of the nearest verb above its clause is a person (a name the actors stage knows as one, or
    a role title: "minister", "president") and that verb's object is a singular common noun
    no actor stands for ("The minister welcomed *the agreement*, saying *it* would help
    ..."). A person is never "it"; the agreement is."""
    found = _subject_above(pronoun) if pronoun.lower_ == "it" else None
    if found is None:
        return False
    verb, subj = found
    person = subj.ent_type_ == "PERSON" or RoleTable.default().role(subj.lower_) is not None
    if not (person or any(p.kind == "PERSON" for p in one(subj))):
        return False
    return any(o.dep_ == "dobj" and o.i < pronoun.i and _thing(o, one) for o in verb.children)


def _subject_above(pronoun: Token) -> tuple[Token, Token] | None:
    """The nearest verb above the pronoun's clause with a subject before the pronoun, and
    that subject."""
    node = pronoun.head
    while node.head.i != node.i:
        node = node.head
        subj = next((c for c in node.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
        if subj is not None:
            return node, subj
    return None


def _thing(head: Token, one: OnePhrase) -> bool:
    """Whether a phrase head is a singular common noun no actor, sector or entity stands for."""
    return (
        head.tag_ == "NN" and not head.ent_type_ and not any(p.known or p.sector for p in one(head))
    )


def object_antecedent(pronoun: Token, one: OnePhrase) -> Participant | None:
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
            found = [p for p in one(obj) if p.known or p.sector or p.kind == "PERSON"]
            if len(found) == 1:
                return found[0]
    return None
