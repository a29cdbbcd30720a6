"""A report the parse shows (:class:`Report`: a cue, its speaker phrase and what it reports),
and the cut of a content's token indices to the words a reader sees (:func:`trim`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.quotes.lexicon import Cue

_EDGE_PUNCT = frozenset(",;:-—–\"“”‘’'()")


@dataclass(slots=True)
class Report:
    """A cue in the text, with what the parse says is its speaker and content."""

    cue: Token
    entry: Cue
    cue_text: str
    cue_start: int
    cue_end: int
    source: Span | None
    content: list[int] = field(default_factory=list)  # token indices, sorted

    @property
    def sentence(self) -> Span:
        return self.cue.sent


def trim(doc: Doc, indices: set[int]) -> list[int]:
    """Sorted indices without punctuation and conjunctions dangling at either edge."""
    ordered = sorted(indices)
    while ordered and (doc[ordered[0]].text in _EDGE_PUNCT or doc[ordered[0]].dep_ == "cc"):
        ordered.pop(0)
    while ordered and (doc[ordered[-1]].text in _EDGE_PUNCT or doc[ordered[-1]].dep_ == "cc"):
        ordered.pop()
    return ordered


#: Clitics written onto the word before them ("don’t", "it’s"), lower case, either apostrophe.
_CLITICS = frozenset(
    c.replace("'", a) for c in ("n't", "'s", "'re", "'ll", "'ve", "'d", "'m") for a in "'’"
)


def with_clitic(doc: Doc, kept: list[int]) -> list[int]:
    """The content with the clitic written onto its last word, which a parse can hang
    elsewhere ("… when the trains don’t" parsed with "n’t" on the main verb)."""
    if not kept or kept[-1] + 1 >= len(doc):
        return kept
    last, nxt = doc[kept[-1]], doc[kept[-1] + 1]
    if nxt.lower_ in _CLITICS and not last.whitespace_:
        return [*kept, nxt.i]
    return kept
