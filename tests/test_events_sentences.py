"""The sentences the event coder reads: paragraph cuts and the words it looks among, with our
own invented sentences."""

from __future__ import annotations

from typing import Any

from dateline.events.places import IN_AT
from dateline.events.predicates import FINITE, IN_PHRASE
from dateline.events.sentences import DocWords
from dateline.nlp import paragraph_sentences
from event_helpers import nlp

__all__ = ["nlp"]  # the fixture, shared from event_helpers

TEXT = (
    "Rebels attack a post in the north.\n\nThe council met at noon In the town hall and "
    "voted at last, officials said.\nArmy shells village AT dawn\n \n\nIt will decide."
)


def _read(sent: Any) -> tuple[list[int], list[int], list[int]]:
    """The words, read one by one: what DocWords finds from the Doc's arrays."""
    verbs = [t.i for t in sent if t.pos_ == "VERB" or t.tag_.startswith("VB")]
    finite = [t.i for t in sent if t.tag_ in FINITE and t.dep_ not in IN_PHRASE]
    in_at = [t.i for t in sent if t.dep_ == "prep" and t.lower_ in IN_AT]
    return verbs, finite, in_at


def test_doc_words_are_the_words_read_one_by_one(nlp: Any) -> None:
    doc = nlp(TEXT)
    words = DocWords(doc)
    sentences = list(paragraph_sentences(doc))
    assert len(sentences) >= 4
    for sent in sentences:
        found = words.of(sent)
        got = ([t.i for t in found.verbs], [t.i for t in found.finite], [t.i for t in found.in_at])
        assert got == _read(sent), sent.text
    assert any(words.of(s).in_at for s in sentences)


def test_paragraph_sentences_never_span_a_line_break(nlp: Any) -> None:
    doc = nlp(TEXT)
    for sent in paragraph_sentences(doc):
        assert "\n" not in sent.text
    empty = nlp("")
    assert list(paragraph_sentences(empty)) == []
    assert DocWords(empty).of(empty[0:0]).verbs == []
