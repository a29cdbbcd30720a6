"""The words an event's side carries in the record: run on over what describes its noun after
it ("militias *loyal to X*", "workers *at the mine*"), and over a whole coordination
("*Peru and Chile* condemned X"), as PLV and PLOVER mark a side's span.

    p = widened(p, sentence, predicate_token)
    p = joined_words(p, other_side, text)

The actor stays the one :mod:`.roles` found; only ``text``, ``start`` and ``end`` change.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.actors.phrase_words import outside_phrase
from dateline.events.model import Participant
from dateline.nlp import text_of

#: Clauses that describe a side's noun and belong to its phrase as PLV and PLOVER mark it
#: ("a complaint *filed by the guild*", "the league, *which two farmers set up*").
_DESCRIBING = frozenset({"acl", "relcl", "prep", "amod"})
#: ... but a date after the noun is when the act happened ("talks *on Monday*")
_WHEN = frozenset({"DATE", "TIME"})


def widened(p: Participant, sent: Span, pred: Token, charges: frozenset[str]) -> Participant:
    """The side's words run on over what describes its noun after it (a participle, a
    relative clause, an adjective or a prepositional phrase, also one on its apposition:
    "Harlow Mutual, a lender *that X set up*", "militias *loyal to X*",
    "workers *at the mine*"), not over a date nor a clause that holds the predicate itself
    ("protesters *calling for* ...": the act is no part of who does it), nor over what the
    object of a verb of charging (``charges``: "accused", "blamed") is said to have done."""
    if p.end <= p.start or p.via == "pronoun":
        return p
    doc = sent.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span) or span.start < sent.start or span.end > sent.end:
        return p
    end = span.end
    for tok in span:
        for c in tok.rights:
            if c.dep_ not in _DESCRIBING or c.left_edge.i > end + 1:
                continue
            if _charge(c, tok, pred, charges):
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


def _charge(prep: Token, head: Token, pred: Token, charges: frozenset[str]) -> bool:
    """Whether ``prep`` on the object of a verb of ``charges`` says what the one charged is said
    to have done, no words of theirs ("accused *X* of trying to ...", "blamed *X* for
    failing to ..."); in the passive the parse may hang it on the agent instead ("X was
    accused by *Y* of arming ...")."""
    charged = head.dep_ == "dobj" and head.head.i == pred.i
    agent = head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.i == pred.i
    return (
        outside_phrase(prep)
        and prep.lower_ in ("of", "for")
        and (charged or agent)
        and pred.lemma_.lower() in charges
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
