"""The sentences the event coder reads and the quotations around them.

A sentence never spans two paragraphs of the body; a wire dateline opening the lead ("NARVA,
Estonia (Ledger) -- ") is no part of it; an act inside quotation marks is the speaker's words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from dateline.events.model import QuoteLike
from dateline.events.places import IN_AT
from dateline.events.predicates import FINITE, IN_PHRASE

_QUOTE_PAIRS = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """The words of a sentence the coder looks among more than once (each read of a sentence
    makes new Token objects), found once per Doc (:class:`DocWords`): its verbs, by tag or
    part of speech (the predicates' candidates); its finite verbs and modals outside noun
    phrases (whether it has a verb of its own, :func:`~dateline.events.predicates.misread_verbs`);
    its "in"/"at" prepositions (its own place, :func:`~dateline.events.places.sentence_location`).
    Each list in the sentence's order."""

    verbs: list[Token]
    finite: list[Token]
    in_at: list[Token]


class DocWords:
    """Where a Doc's :class:`SentenceWords` are, found once from its attribute arrays: a Token
    is made only for the words found, not for every word of every sentence."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        pos, tag, dep, lower = doc.to_array([POS, TAG, DEP, LOWER]).T
        strings = doc.vocab.strings

        def among(values: np.ndarray, words: Iterable[str]) -> np.ndarray:
            return np.isin(values, [strings[w] for w in words])

        tags = [t for t in (strings[int(v)] for v in np.unique(tag)) if t.startswith("VB")]
        verbs = among(pos, ["VERB"]) | among(tag, tags)
        finite = among(tag, FINITE) & ~among(dep, IN_PHRASE)
        in_at = among(dep, ["prep"]) & among(lower, IN_AT)
        self._verbs: list[int] = np.flatnonzero(verbs).tolist()
        self._finite: list[int] = np.flatnonzero(finite).tolist()
        self._in_at: list[int] = np.flatnonzero(in_at).tolist()

    def of(self, sent: Span) -> SentenceWords:
        """The words of a sentence of the Doc."""
        return SentenceWords(
            self._within(self._verbs, sent),
            self._within(self._finite, sent),
            self._within(self._in_at, sent),
        )

    def _within(self, found: list[int], sent: Span) -> list[Token]:
        first, end = bisect_left(found, sent.start), bisect_left(found, sent.end)
        return [self.doc[i] for i in found[first:end]]


def quoted_spans(
    text: str, quotes: Iterable[QuoteLike] | None
) -> list[tuple[int, int, str | None]]:
    """Extents of direct quotes with their speaker's name (None when unknown)."""
    spans: list[tuple[int, int, str | None]] = []
    for q in quotes or ():
        if getattr(q, "kind", "") == "direct":
            speaker = getattr(q, "speaker", None)
            spans.append((q.start, q.end, getattr(speaker, "name", None) if speaker else None))
    spans.extend((m.start(), m.end(), None) for m in _QUOTE_PAIRS.finditer(text))
    return spans


def inside_quote(offset: int, spans: list[tuple[int, int, str | None]]) -> str | bool | None:
    """The speaker of the quote around ``offset`` (None: a quote of no known speaker), or
    False outside every quote."""
    for s, e, speaker in spans:
        if s <= offset < e:
            return speaker
    return False
