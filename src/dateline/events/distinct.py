"""Telling sides and events apart: a side that is a thing, an act a side does to itself,
and one event per sentence, type, source and target."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dateline.events.model import Event, Participant
from dateline.events.rules import CoderRules


def is_thing(p: Participant, doc: Doc, rules: CoderRules) -> bool:
    """Whether a side is a thing, not an agent: a phrase no actor stands for, with no sector
    (no agent noun of the actors stage's ``sectors.tsv``), headed by a common noun outside
    every entity that is no agent noun either (``words.tsv`` classes ``agent``, "group",
    "countries", ``relation``, "ally", and the actors' ``agent_suffix``, "cleaners",
    "residents", unless of class ``thing``)."""
    if p.known or p.sector or p.end <= p.start:
        return False
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if p.kind is not None and not _verb_read_as_group(p, span):
        return False
    if p.via != "text" and p.kind is None:
        return False
    root = span.root
    lemma = root.lemma_.lower()
    suffixes = rules.words["agent_suffix"]
    return (
        root.pos_ == "NOUN"
        and not root.ent_type_
        and not rules.is_("agent", lemma)
        and not rules.is_("relation", lemma)
        and (rules.is_("thing", lemma) or not any(lemma.endswith(s) for s in suffixes))
    )


def _verb_read_as_group(p: Participant, span: Span) -> bool:
    """Whether the side's entity is a tagger's slip: a group of people (NORP) over words the
    tagger reads as verbs ("*Repeated* delays hampered ...": a participle opening a sentence),
    which no nationality, religion or party is."""
    words = [t for t in span if t.ent_type_ == p.kind]
    return p.kind == "NORP" and bool(words) and all(t.pos_ == "VERB" for t in words)


def root_of(p: Participant, doc: Doc) -> int | None:
    """The token index of the head of a side's words (None for a side with no words)."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand") if p.end > p.start else None
    return span.root.i if span is not None and len(span) else None


def same_actor(source: Participant | None, target: Participant | None) -> bool:
    """Whether an act's target is its source ("X insists it needs ...", a pronoun taking its
    antecedent's words): an act a side does to itself is no event between actors."""
    if source is None or target is None:
        return False
    if (source.code, source.country) != (target.code, target.country):
        return False  # "Peruvian and Chilean officials met": one phrase, two actors
    if (source.start, source.end) == (target.start, target.end) and source.end > source.start:
        return True
    return _bare(source.text) == _bare(target.text) != ""


def _bare(text: str) -> str:
    words = text.lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def side_key(p: Participant | None) -> str | None:
    return None if p is None else (p.code or p.country or p.text)


def _actor_key(p: Participant | None) -> str | None:
    """Who a side is for telling events apart: the country (or the organisation's code) it
    resolved to; a phrase that resolved to no actor ("the proposal", "residents") is nobody
    in particular."""
    if p is None or not p.known:
        return None
    return p.country or p.code


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, PLOVER type, source, target): the most confident. Sides
    count by the country or organisation they resolved to, so two phrases of no known actor
    after one "discussed" make one event, not two, and "police and protesters" of one
    country one source. Within a sentence and type, a source no actor stands for ("teachers"
    in "students and teachers staged a walkout") adds nothing when a known one acts."""
    best: dict[tuple[int, str, str | None, str | None], Event] = {}
    for e in _not_own_country(events):
        key = (e.start, e.plover, _actor_key(e.source), _actor_key(e.target))
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    acted = {(k[0], k[1]) for k in best if k[2] is not None}
    kept = [e for k, e in best.items() if k[2] is not None or (k[0], k[1]) not in acted]
    return sorted(kept, key=lambda e: (e.start, -e.confidence))


def _words(p: Participant | None) -> tuple[int, int] | None:
    return None if p is None or p.end <= p.start else (p.start, p.end)


def _not_own_country(events: list[Event]) -> list[Event]:
    """Without the events whose target is the source's own country when the same target
    words also give another country, in the same sentence and type: a phrase naming the
    source's country beside another ("X's officials criticised the treaty between X and
    Y") points past the source's own side, to the other one."""
    other: set[tuple[int, str, tuple[int, int] | None, tuple[int, int] | None]] = set()
    for e in events:
        src, tgt = e.source, e.target
        if src is not None and tgt is not None and tgt.country and tgt.country != src.country:
            other.add((e.start, e.plover, _words(src), _words(tgt)))
    return [
        e
        for e in events
        if e.source is None
        or e.target is None
        or e.target.country != e.source.country
        or _words(e.source) == _words(e.target)
        or (e.start, e.plover, _words(e.source), _words(e.target)) not in other
    ]
