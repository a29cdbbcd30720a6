"""The speaker beside a direct quote when the parse gives its cue none: the words between a
closing mark and the cue, or right after it (""…," said Lena Park"), a name set off by an
aside, and a cue the tagger misread after a closing mark."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dateline.quotes.speakers import named_apposition, speaker_phrase

_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON"})


#: Tokens of a speaker phrase the parse missed, on either side of the cue.
MAX_LOOSE_SPEAKER = 8


#: Tokens between a closing mark and the cue when the speaker there has an aside set off by
#: commas (""…," X, a top adviser to the mayor, said": a parse can hang X on the quote's verb).
_MAX_ASIDE_SPEAKER = 24


def next_to_quote(doc: Doc, tok: Token, quoted: Sequence[bool]) -> Span | None:
    """The speaker of a cue the parse gave no subject, from the words around it: the noun
    phrase the cue describes ("Romney, the nominee, tweeted:" parsed as a clause of Romney), the
    words between a closing mark and the cue (""…," Silva, 61, told reporters"), or those right
    after a cue that follows a quote (""…," said Lena Park, an adviser")."""
    if tok.dep_ == "acl" and tok.head.pos_ in {"PROPN", "NOUN"} and not quoted[tok.head.i]:
        return speaker_phrase(tok.head)
    named = _name_before(doc, tok, quoted)
    if named is not None:
        return named
    # before: back from the cue to a closing quotation mark
    i = tok.i - 1
    while (
        i >= 0
        and tok.i - i <= _MAX_ASIDE_SPEAKER
        and not quoted[i]
        and doc[i].text != "."
        and "\n" not in doc[i].text
    ):
        i -= 1
    if i >= 0 and quoted[i] and i < tok.i - 1:
        chunk = first_chunk(doc, i + 1, tok.i)
        far = tok.i - i > MAX_LOOSE_SPEAKER
        if (
            chunk is not None
            and all(t.pos_ in _NAME_POS for t in chunk)
            # far from the cue only as a name with its aside: "X, <aside>, said"
            and (not far or (chunk.end < tok.i and doc[chunk.end].text == ","))
        ):
            return chunk
    # after: a cue right after a quote ("…," said X)
    before = tok.i - 1
    while before >= 0 and doc[before].is_punct and not quoted[before]:
        before -= 1
    if before >= 0 and quoted[before] and tok.i + 1 < len(doc):
        chunk = first_chunk(doc, tok.i + 1, min(len(doc), tok.i + 1 + MAX_LOOSE_SPEAKER))
        if chunk is not None and chunk[-1].pos_ in {"PROPN", "NOUN", "PRON"}:
            owned = chunk[-1].head
            if (
                chunk[-1].dep_ == "poss"
                and owned.i == chunk.end + 1
                and doc[chunk.end].tag_ == "POS"
            ):
                # ""…?" asked the show's host, X": the possessor's noun (and the name set
                # beside it), not the possessor
                return speaker_phrase(owned)
            if chunk[-1].pos_ == "NOUN" and named_apposition(chunk[-1]) is not None:
                # ""…," added her friend, X": the name set beside the description speaks
                return speaker_phrase(chunk[-1])
            return chunk
    return None


def _name_before(doc: Doc, tok: Token, quoted: Sequence[bool]) -> Span | None:
    """A person or organisation named right before the cue, a comma between at most ("In a
    post, the former mayor, Ana Ruiz, wrote" parsed with the name set beside another noun)."""
    i = tok.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0 or quoted[i] or doc[i].ent_type_ not in {"PERSON", "ORG"} or doc[i].ent_iob_ == "O":
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if "\n" in doc[start : tok.i].text:
        return None
    anchor = _aside_anchor(doc[i], quoted)
    if anchor is not None:
        return anchor
    return doc[start : i + 1]


def _aside_anchor(word: Token, quoted: Sequence[bool]) -> Span | None:
    """The name an aside describes when the name right before the cue ends that aside ("X, a
    spokeswoman in Tarnby, said": Tarnby is where X works, X speaks): the person or
    organisation a description holding the name by a preposition is set beside."""
    if word.dep_ != "pobj" or word.head.dep_ != "prep":
        return None
    described = word.head.head
    if described.dep_ != "appos" or described.pos_ != "NOUN":
        return None
    named = described.head
    if quoted[named.i] or named.ent_type_ not in {"PERSON", "ORG"}:
        return None
    return next((e for e in named.doc.ents if e.start <= named.i < e.end), None)


_KEEP_ADP = frozenset({"of", "for", "at"})


#: What ends the words inside quotation marks right before an inverted cue (""…," said X").
_QUOTE_ENDS = frozenset({",", "?", "!"})


def _closes_quote(doc: Doc, i: int, quoted: Sequence[bool]) -> bool:
    """Whether token ``i`` is the closing mark of a quote that ends with a comma, "?" or "!"."""
    return (
        i >= 1
        and quoted[i]
        and doc[i].is_quote
        and quoted[i - 1]
        and doc[i - 1].text in _QUOTE_ENDS
    )


def mistagged_after_quote(doc: Doc, tok: Token, quoted: Sequence[bool]) -> bool:
    """A speech verb the tagger read as a modifier or a noun where news puts its cue after a
    quote: right after the closing mark (""…," tweeted the party's spokesman X", with
    "tweeted" a modifier of "spokesman"), or closing the sentence after a short noun phrase
    (""…," the editorial read.", ""…," the union's statement read.", with "read" a noun)."""
    if tok.i >= 1 and _closes_quote(doc, tok.i - 1, quoted):
        return tok.tag_ in {"VBD", "VBN", "VBZ", "VBP"}
    end = tok.i + 1
    if end < len(doc) and not (doc[end].is_punct and doc[end].text in {".", ";"}):
        return False
    i = tok.i - 1
    while (
        i >= 0
        and tok.i - i <= 6
        and not quoted[i]
        and (doc[i].pos_ in _NAME_POS or doc[i].tag_ == "POS")
    ):
        i -= 1
    return i < tok.i - 1 and _closes_quote(doc, i, quoted)


def first_chunk(doc: Doc, start: int, end: int) -> Span | None:
    """The noun phrase that starts at ``start``: up to the first punctuation mark, verb or
    preposition (but "of", "for", "at") before ``end``; modifiers tagged as verbs
    ("retired neurosurgeon") stay."""
    stop = start
    while stop < end:
        t = doc[stop]
        if t.is_punct or "\n" in t.text:
            break
        if t.pos_ in {"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PART", "ADV"} and not (
            t.dep_ in {"amod", "compound"} or t.lower_ in _KEEP_ADP
        ):
            break
        stop += 1
    while stop > start and doc[stop - 1].lower_ in _KEEP_ADP:
        stop -= 1
    return doc[start:stop] if stop > start else None
