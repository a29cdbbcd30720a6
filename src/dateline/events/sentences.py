"""The sentences the event coder reads and the quotations around them.

A sentence never spans two paragraphs of the body; a wire dateline opening the lead ("NARVA,
Estonia (Ledger) -- ") is no part of it; an act inside quotation marks is the speaker's words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.events.model import QuoteLike
from dateline.events.places import IN_AT
from dateline.events.predicates import FINITE, IN_PHRASE

#: "ACCRA, May 2 (Wire) — ", "NARVA, Estonia (Ledger) -- ", "LIMA (AP) - ", "GENEVA: "
DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,[^—–\n(]{1,40})?(?:\s*\([^)\n]{1,60}\))?\s*(?:—|–|--|-|:)\s+"
)
_QUOTE_PAIRS = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")


def paragraph_sentences(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, cut at paragraph breaks the parser ran across (a sentence never
    spans two paragraphs of the body)."""
    breaks = line_breaks(doc)
    for sent in doc.sents:
        start = sent.start
        for i in breaks[bisect_left(breaks, sent.start) : bisect_left(breaks, sent.end)]:
            if i > start:
                yield doc[start:i]
                start = i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def line_breaks(doc: Doc) -> list[int]:
    """The indices of the Doc's whitespace tokens that hold a line break, in order: found
    among its few whitespace tokens, not by reading every word."""
    spaces = (int(i) for i in doc.to_array("IS_SPACE").nonzero()[0])
    return [i for i in spaces if "\n" in doc[i].text]


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """The words of a sentence the coder looks among more than once, found in one reading of
    its words (each read makes new Token objects): its verbs, by tag or part of speech (the
    predicates' candidates); its finite verbs and modals outside noun phrases (whether it has
    a verb of its own, :func:`~dateline.events.predicates.misread_verbs`); its "in"/"at"
    prepositions (its own place, :func:`~dateline.events.places.sentence_location`). Each
    list in the sentence's order."""

    verbs: list[Token]
    finite: list[Token]
    in_at: list[Token]


def sentence_words(sent: Span) -> SentenceWords:
    verbs: list[Token] = []
    finite: list[Token] = []
    in_at: list[Token] = []
    for tok in sent:
        tag = tok.tag_
        if tok.pos_ == "VERB" or tag.startswith("VB"):
            verbs.append(tok)
        dep = tok.dep_
        if tag in FINITE and dep not in IN_PHRASE:
            finite.append(tok)
        if dep == "prep" and tok.lower_ in IN_AT:
            in_at.append(tok)
    return SentenceWords(verbs, finite, in_at)


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
