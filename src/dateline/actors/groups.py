"""A side's step for a group phrase that refers back to a pair: "the two leaders", "both
governments", "both sides" stand for the two actors last named together before it.

    kind = group_kind(head, groups)               # "the two *leaders*": ("leader", "GOV")
    pair = last_pair(head, kind, recent, named)   # the pair, each member as the phrase

``groups`` is ``groups.tsv`` (:attr:`.roles.RoleTable.groups`): the plural head nouns, the
kind of pair each fits (people only, people or states, states, anyone) and the sector they
give. A pair is a coordination ("Kenya and Ethiopia", "Peruvian and Chilean officials") or
the subject and the other side of an act done together ("X met Y", "X held talks with Y"),
in the phrase's own sentence before it or in the sentences just before; the nearest whose
kind fits wins. Each member becomes one participant with the phrase's words, as a
coordination gives one per conjunct.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace

from spacy.tokens import Token

from dateline.actors.earlier_sentences import At
from dateline.actors.model import Participant

#: Resolves a phrase head (with its conjuncts) of a sentence to its participants.
PhraseIn = Callable[[Token, At], list[Participant]]
#: The actors we know a sentence names as its subjects.
SubjectsIn = Callable[[At], list[Participant]]

_NOMINAL = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: kinds of group phrase that stand for people ("the two men", "the two leaders")
_PEOPLE = frozenset({"person", "leader"})
#: where the other side of an act done together stands: "met *Y*", "talks *with* Y"
_OTHER_SIDE = frozenset({"dobj"})
_WITH = frozenset({"with"})


def group_kind(
    head: Token, groups: Mapping[str, tuple[str, str | None]]
) -> tuple[str, str | None] | None:
    """The kind and sector of a definite group phrase standing for two ("*the two* leaders",
    "*both* sides"), or None: a plural head of ``groups`` with "both", or with "the" and
    "two"."""
    if head.tag_ != "NNS" or head.lower_ not in groups:
        return None
    left = {c.lower_ for c in head.children if c.i < head.i}
    if "both" in left or {"the", "two"} <= left:
        return groups[head.lower_]
    return None


def last_pair(
    head: Token,
    kind: tuple[str, str | None],
    phrase: Participant,
    recent: list[At],
    phrase_in: PhraseIn,
    together: AbstractSet[str],
    subjects_in: SubjectsIn | None = None,
) -> list[Participant]:
    """The two actors a group phrase headed by ``head`` stands for, as the phrase: the
    nearest pair before it (in its sentence, then in ``recent``, nearest first) whose members
    fit ``kind``; else, for people ("the two leaders"), the two people the sentences before
    name alone as their subjects (``subjects_in``); [] when none does."""
    for at, before in _sentences(head, recent):
        (start, end), _ = at
        stop = min(end, before)
        for tok in reversed(head.doc[start:stop]):
            if stop < end and _acts_on(tok, head):
                continue
            for pair in _pairs(tok, at, phrase_in, together):
                members = _fit(pair, kind, phrase)
                if members:
                    return members
    if subjects_in is not None and kind[0] in _PEOPLE:
        return _fit(_last_subjects(head, recent, subjects_in), kind, phrase)
    return []


def _last_subjects(head: Token, recent: list[At], subjects_in: SubjectsIn) -> list[Participant]:
    """The two people last named alone as the subjects of the sentences before ("X arrived
    ... Y welcomed him ... *The two leaders* signed"); [] when a sentence names several."""
    found: dict[str, Participant] = {}
    for at, _ in _sentences(head, recent)[1:]:
        people = {_who(p): p for p in subjects_in(at) if p.kind == "PERSON"}
        if len(people) > 1:
            return []
        found.update((k, p) for k, p in people.items() if k not in found)
        if len(found) == 2:
            return list(found.values())
    return []


def _acts_on(tok: Token, head: Token) -> bool:
    """Whether ``tok`` is a side of a verb the group phrase is another side of ("Kenya and
    Ethiopia urged *both sides*", "Kenya met Ethiopia and urged *both sides*"): a pair does
    not act on itself; a group phrase that is a subject may go on from it ("X and Y signed a
    pact and *the two leaders* agreed ...")."""
    if head.dep_ in _SUBJECTS:
        return False
    verb = tok if tok.pos_ in _VERBS else next((a for a in tok.ancestors if a.pos_ in _VERBS), None)
    return verb is not None and verb in head.ancestors


def _sentences(head: Token, recent: list[At]) -> list[tuple[At, int]]:
    """The sentences to look in, nearest first, each with the token it ends before."""
    own = next((at for at in recent if at[0][0] <= head.i < at[0][1]), None)
    out: list[tuple[At, int]] = []
    if own is not None:
        out.append((own, head.left_edge.i))
    first = own[0][0] if own is not None else head.i
    out += [(at, at[0][1]) for at in reversed(recent) if at[0][1] <= first]
    return out


def _pairs(
    tok: Token, at: At, phrase_in: PhraseIn, together: AbstractSet[str]
) -> list[list[Participant]]:
    """The pairs a token opens: a coordination headed by it (or by a head its modifiers
    coordinate: "Peruvian and Chilean officials"), or an act done together it is the verb of
    ("X met Y")."""
    out = []
    if tok.pos_ in _NOMINAL and tok.dep_ != "conj":
        coordinated = (
            any(c.dep_ == "conj" for c in tok.children)
            or any(c.dep_ == "cc" for c in tok.children if c.i < tok.i)
            or any(m.dep_ == "cc" for c in tok.children if c.i < tok.i for m in c.children)
        )
        if coordinated:
            out.append(phrase_in(tok, at))
    if tok.pos_ == "VERB" and tok.lemma_.lower() in together:
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in _NOMINAL]
        others = [c for c in tok.children if c.dep_ in _OTHER_SIDE and c.pos_ in _NOMINAL]
        others += [
            g
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ in _WITH
            for g in p.children
            if g.dep_ == "pobj" and g.pos_ in _NOMINAL
        ]
        if len(subjects) == 1 and len(others) == 1:
            one = phrase_in(subjects[0], at)
            other = phrase_in(others[0], at)
            if len(one) == 1 and len(other) == 1:
                out.append(one + other)
    return out


def _who(p: Participant) -> str:
    """Who an actor is, for telling the two apart."""
    return (p.name or "") if p.kind == "PERSON" else p.country or p.code or p.name or p.text


def _fit(
    pair: list[Participant], kind: tuple[str, str | None], phrase: Participant
) -> list[Participant]:
    """The pair's members as the phrase when they are two actors we know, not one, of the
    phrase's kind; else []."""
    if len(pair) != 2 or not all(p.known and p.via != "pronoun" for p in pair):
        return []
    if _who(pair[0]) == _who(pair[1]):
        return []
    what, sector = kind
    people = [p.kind == "PERSON" for p in pair]
    states = [p.kind != "PERSON" and bool(p.country) for p in pair]
    if what == "person" and not all(people):
        return []
    if what == "leader" and not (all(people) or all(states)):
        return []
    if what == "state" and (not all(p.country for p in pair) or pair[0].country == pair[1].country):
        return []
    return [_member(phrase, p, what, sector) for p in pair]


def _member(phrase: Participant, found: Participant, what: str, sector: str | None) -> Participant:
    """One member of the pair, in the phrase's words: a person stays that person ("the two
    men"), a state takes the phrase's sector ("the two leaders" of two states: their
    governments); "the two countries" of two people are their states."""
    person = found.kind == "PERSON"
    if person and what in ("person", "leader", "any"):
        return replace(
            found,
            text=phrase.text,
            start=phrase.start,
            end=phrase.end,
            via="context",
            joined=None,
            own=None,
        )
    if what == "any":
        sector = found.sector  # "both sides": each as it is
    country = found.country
    code = f"{country}{sector or ''}"[:9] if country else found.code
    return replace(
        phrase,
        name=None if person else found.name,
        country=country,
        sector=sector,
        code=code,
        via="context",
        kind=None if person else found.kind,
        joined=None,
        own=None,
    )
