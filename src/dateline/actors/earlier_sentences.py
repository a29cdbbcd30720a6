"""A side's step across sentences: who the sentences before name, for a phrase that stands
for them.

    earlier = EarlierSentences()
    earlier.next_sentence(before, new_paragraph)    # at each sentence, in order
    earlier.earlier(sources, phrase, named)         # "urged *the two delegations*": whom

The sentence before and the current paragraph's first sentence are remembered by their token
span; the actors they name (``named``: :meth:`.sides.Sides.named_in`, passed on each call,
never kept: a kept bound method would tie the two in a reference cycle holding the Doc) are
resolved only when ``earlier`` asks, which is rare, and once per sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dateline.actors.model import Participant

#: a sentence: its token span and where its words start after a wire dateline
At = tuple[tuple[int, int], int]
#: The actors we know a sentence names as a subject (``True``: subjects only) or object.
NamedIn = Callable[[At, bool], list[Participant]]


class EarlierSentences:
    """The sentence before the current one and its paragraph's first, and who they name."""

    def __init__(self) -> None:
        self._previous_at: At | None = None
        self._topic_at: At | None = None
        self._opening = False
        self._named_at: dict[tuple[At, bool], list[Participant]] = {}

    def next_sentence(self, before: At | None, new_paragraph: bool) -> None:
        """A sentence starts: ``before`` (None at the first) becomes the previous one."""
        if before is not None:
            self._previous_at = before
            if self._opening:
                # the sentence before opened its paragraph: its subject is the paragraph's
                self._topic_at = before
        self._opening = new_paragraph
        if new_paragraph:
            # the previous sentence still counts: in news a paragraph is often one sentence
            self._topic_at = None
        live = (self._previous_at, self._topic_at)
        self._named_at = {k: v for k, v in self._named_at.items() if k[0] in live}

    def previous(self, named: NamedIn, subjects_only: bool = False) -> list[Participant]:
        """Actors we know the previous sentence names as a subject or object (or as a
        subject only)."""
        return self._named_once(named, self._previous_at, subjects_only)

    def topic(self, named: NamedIn) -> list[Participant]:
        """Actors we know the current paragraph's first sentence names as a subject."""
        return self._named_once(named, self._topic_at, subjects_only=True)

    def _named_once(self, named: NamedIn, at: At | None, subjects_only: bool) -> list[Participant]:
        """``named`` of a sentence, computed once (a sentence's phrases do not change)."""
        if at is None:
            return []
        key = (at, subjects_only)
        if key not in self._named_at:
            self._named_at[key] = named(at, subjects_only)
        return self._named_at[key]

    def earlier(
        self, sources: list[Participant], phrase: Participant, named: NamedIn, words: bool = False
    ) -> list[Participant]:
        """Who a target ``phrase`` with no country of its own stands for ("the two
        delegations"): the one country the previous sentence names as an actor, else the
        paragraph's subject's, when it is not the source's own (the source must have a
        country). The phrase keeps its words and sector, and takes the country. When the
        phrase is words no owner is named for (``words``: "rejected *the accusation*"), their
        teller is a sentence's subject, never one its words are about ("said that the firms
        shipped parts *to Iranian buyers*")."""
        if not sources or not all(p.known for p in sources):
            return []
        own = {p.country for p in sources if p.country}
        if words:
            # the teller: the one actor the previous sentence has speak or act, a body
            # without a country (the UN, the EU's council) as much as a state
            tellers = {_who(p): p for p in self.previous(named, subjects_only=True)}
            tellers = {k: p for k, p in tellers.items() if p.country not in own or not p.country}
            if len(tellers) == 1:
                return [stand_in(phrase, next(iter(tellers.values())))]
        for context in (self.previous(named), self.topic(named)):
            others = [p for p in context if p.country and p.country not in own]
            countries = list(dict.fromkeys(p.country for p in others))
            if len(countries) == 1 or (len(countries) == 2 and stands_for_two(phrase)):
                # "both sides", "the two delegations": each of two countries named just before
                last = {p.country: p for p in others}
                return [stand_in(phrase, last[c]) for c in countries]
        return []


#: Words that make a phrase stand for two actors ("both sides", "the two delegations").
_TWO = frozenset({"both", "two"})


def stands_for_two(phrase: Participant) -> bool:
    """Whether a phrase stands for two actors: "both" or "two" among its words."""
    return bool(_TWO & set(phrase.text.lower().split()))


def _who(p: Participant) -> str:
    """Who an actor is, for telling two apart: its country, else its code or name."""
    return p.country or p.code or p.name or p.text


def stand_in(phrase: Participant, found: Participant) -> Participant:
    """The phrase, standing for ``found``: its words and sector, ``found``'s country."""
    sector = phrase.sector or found.sector
    code = f"{found.country}{sector or ''}" if found.country else found.code
    return replace(
        phrase, name=found.name, country=found.country, sector=sector, code=code, via="context"
    )
