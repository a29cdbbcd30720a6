"""Who is speaking: the speaker phrase of a cue, pronoun resolution and full names.

A speaker phrase is the cue's subject noun phrase without what commas set off (appositions,
relative clauses: "X, a doctor, said" → "X"). A pronoun resolves to the nearest preceding
person that is a speaker or a subject outside quotation marks. A name is widened to the longest
PERSON mention of the same article that contains it ("Rama" → "Edi Rama").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dateline.nlp.gazetteer import Gazetteer

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUNS = PERSON_PRONOUNS | frozenset({"they", "it", "i", "we", "you", "them", "this", "that"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Dependents that a comma or a clause sets off from the head noun: not part of the speaker.
_CUT = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "prep"})
#: Prepositions whose phrase is part of a speaker ("the president of Ukraine").
_KEEP_PREP = frozenset({"of", "for", "at"})
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep."})


@functools.cache
def _title_words() -> frozenset[str]:
    try:
        return Gazetteer.default().title_words | _HONORIFICS
    except Exception:  # a broken gazetteer install must not stop quotes
        return _HONORIFICS


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing from an -ing or conjoined verb to its governor's."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                return child
        if node.dep_ in {"advcl", "conj", "xcomp", "pcomp", "prep"} and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def speaker_phrase(head: Token) -> Span:
    """The noun phrase of ``head`` without its comma-set dependents, as one contiguous span."""
    keep: list[Token] = [head]

    def walk(tok: Token) -> None:
        for child in tok.children:
            if child.dep_ in _CUT and not (
                child.dep_ == "prep" and child.lower_ in _KEEP_PREP and child.i > head.i
            ):
                continue
            keep.append(child)
            walk(child)

    walk(head)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep)
    doc = head.doc
    # keep the run contiguous around the head: stop at the first comma on either side
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].text in {",", "(", "—", "–"}:
            lo = i + 1
            break
    for i in range(head.i + 1, hi + 1):
        if doc[i].text in {",", "(", "—", "–"}:
            hi = i - 1
            break
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ == "POS"):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo : hi + 1]


def is_pronoun(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in PRONOUNS


def person_in(span: Span) -> Span | None:
    """The longest PERSON entity inside ``span`` (or the span itself when it is a bare name)."""
    people = [e for e in span.doc.ents if e.label_ == "PERSON" and e.start >= span.start]
    people = [e for e in people if e.end <= span.end]
    if people:
        return max(people, key=len)
    names = [t for t in span if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP"}]
    if names and span[-1].pos_ == "PROPN" and span.root.pos_ == "PROPN" and not span[0].is_lower:
        # a name the model missed: the trailing proper nouns after any title words
        start = span.end
        while start > span.start and span.doc[start - 1].pos_ == "PROPN":
            start -= 1
        return strip_titles(span.doc[start : span.end])
    return None


def strip_titles(span: Span) -> Span:
    titles = _title_words()
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].text in titles or span.doc[start].pos_ not in {"PROPN"}
    ):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def full_name(name: Span, people: Sequence[Span]) -> str:
    """The longest PERSON mention in ``people`` that contains ``name``'s words, else its text."""
    words = [t.text for t in strip_titles(name)]
    best: list[str] = words
    for ent in people:
        ent_words = [t.text for t in strip_titles(ent)]
        if len(ent_words) <= len(best):
            continue
        n = len(words)
        if any(ent_words[i : i + n] == words for i in range(len(ent_words) - n + 1)):
            best = ent_words
    return " ".join(best)


def article_people(doc: Doc, outside: Sequence[tuple[int, int]]) -> list[Span]:
    """PERSON mentions outside quotation marks, in order."""
    return [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and not any(a <= e.start_char < b for a, b in outside)
    ]
