"""Reported speech from the dependency parse: a cue verb, its speaker and its content.

"X said (that) …", "X warned … that …", "X urged Y to …", "…, adding that …", "according to X,
…", and the inverted "…, X said." A cue inside quotation marks is part of what someone said, not
a report by the article, and is skipped. Every cue found is returned, with or without content:
a cue with none ("he said.") still names the speaker of a direct quote next to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.quotes.lexicon import Cue, Lexicon
from dateline.quotes.speakers import speaker_phrase, subject_of

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


def _cue_phrase(tok: Token) -> tuple[str, int, int]:
    parts = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc):
        parts.append(tok.doc[tok.i + 1])
    parts.sort(key=lambda t: t.i)
    start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
    return tok.doc.text[start:end], start, end


def _trim(doc: Doc, indices: set[int]) -> list[int]:
    """Sorted indices without punctuation and conjunctions dangling at either edge."""
    ordered = sorted(indices)
    while ordered and (doc[ordered[0]].text in _EDGE_PUNCT or doc[ordered[0]].dep_ == "cc"):
        ordered.pop(0)
    while ordered and (doc[ordered[-1]].text in _EDGE_PUNCT or doc[ordered[-1]].dep_ == "cc"):
        ordered.pop()
    return ordered


def _subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _content(tok: Token, entry: Cue) -> set[int]:
    """Token indices of what the cue reports (empty when the parse shows none)."""
    if entry.quote_only:
        return set()
    found: set[int] = set()
    for child in tok.children:
        if child.dep_ in entry.deps:
            found |= _subtree(child)
        elif child.dep_ == "prep" and f"prep:{child.lower_}" in entry.deps:
            found |= _subtree(child) - {child.i}
    if found:
        return found
    # inverted: "Clinton will win, he said." parsed with the cue hanging off the clause
    head = tok.head
    if (
        "ccomp" in entry.deps
        and tok.dep_ in {"parataxis", "ccomp"}
        and head.i != tok.i
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
    ):
        return _subtree(head) - _subtree(tok)
    return set()


def _according(tok: Token) -> tuple[Span | None, set[int]] | None:
    """("the poll", content) for "according to the poll"; None when it is not that phrase."""
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    source = speaker_phrase(objs[0]) if objs else None
    head = tok.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    scope = _subtree(head) if head.pos_ in {"VERB", "AUX"} else {t.i for t in tok.sent}
    return source, scope - _subtree(tok) - {to.i}


def _in_source(tok: Token, lexicon: Lexicon) -> Report | None:
    """ "In a CNN poll, Clinton held a lead": a document or survey as the source of the clause
    (only when the clause's verb is no cue of its own, which would name the speaker)."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    head = tok.head
    if not objs or objs[0].lemma_.lower() not in lexicon.evidence_nouns:
        return None
    if head.pos_ not in {"VERB", "AUX"} or lexicon.cue(head.lemma_) is not None:
        return None
    content = _subtree(head) - _subtree(tok)
    kept = _trim(tok.doc, content)
    source = speaker_phrase(objs[0])
    entry = Cue("in", "report", frozenset({"according"}))
    return Report(tok, entry, tok.text, tok.idx, tok.idx + len(tok.text), source, kept)


def headline_reports(doc: Doc, lexicon: Lexicon) -> list[Report]:
    """ "Milbank: Republicans waving the flag": a short line whose few words before a colon name
    who says the rest (headlines, and the same convention in bulleted paragraphs)."""
    out: list[Report] = []
    text = doc.text
    for line in _HEADLINE.finditer(text):
        colon = line.start(2)
        who = doc.char_span(line.start(1), colon, alignment_mode="contract")
        rest = doc.char_span(line.start(3), line.end(3), alignment_mode="contract")
        if who is None or rest is None or not len(who) or len(rest) < 3:
            continue
        if not any(t.pos_ in {"PROPN", "NOUN"} for t in who) or who[0].is_lower:
            continue
        entry = Cue(":", "say", frozenset({"according"}))
        content = [t.i for t in rest]
        out.append(Report(who[-1], entry, ":", colon, colon + 1, who, content))
    del lexicon
    return out


_HEADLINE = re.compile(r"^([^\n:.!?\"“”]{2,40}?)(:)[ \t]+([^\n]{8,160}?)[ \t]*$", re.MULTILINE)


def find_reports(doc: Doc, quoted: Sequence[bool], lexicon: Lexicon) -> list[Report]:
    """Every cue outside quotation marks (``quoted[i]`` is True for quoted tokens)."""
    reports: list[Report] = []
    for tok in doc:
        if quoted[tok.i]:
            continue
        entry = lexicon.cue(tok.lemma_) or lexicon.cue(tok.lower_)
        if entry is None:
            if tok.lower_ == "in":
                evidence = _in_source(tok, lexicon)
                if evidence is not None:
                    reports.append(evidence)
            continue
        cue_text, cue_start, cue_end = _cue_phrase(tok)
        if "according" in entry.deps:
            found = _according(tok)
            if found is None:
                continue
            source, content = found
        else:
            if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"amod", "compound"}:
                continue
            content = _content(tok, entry)
            subject = subject_of(tok)
            source = speaker_phrase(subject) if subject is not None else None
        # a parse can run a sentence over a paragraph break; a report stays in its paragraph
        lo = doc.text.rfind("\n", 0, tok.idx)
        hi = doc.text.find("\n", tok.idx)
        hi = len(doc.text) if hi < 0 else hi
        content = {i for i in content if lo < doc[i].idx < hi}
        kept = [i for i in _trim(doc, content) if i != tok.i]
        if source is not None:
            kept = [i for i in kept if not (source.start <= i < source.end)]
        reports.append(Report(tok, entry, cue_text, cue_start, cue_end, source, kept))
    return reports + headline_reports(doc, lexicon)
