"""Reported speech from the dependency parse: a cue verb, its speaker and its content.

"X said (that) …", "X warned … that …", "X urged Y to …", "…, adding that …", "according to X,
…", and the inverted "…, X said."; nouns and adjectives too ("Rubio's criticism of …", "the
mayor was confident that …"). A cue inside quotation
marks is part of what someone said, not a report by the article, and is skipped; so is a cue
that is the very clause another cue reports ("X said he expects …" is X's report). Every cue
found is returned, with or without content: a cue with none ("he said.") still names the
speaker of a direct quote next to it. When the parse gives a cue no subject, the words between
a closing mark and the cue, or right after it, name the speaker (""…," said Lena Park").

The steps live in their own modules: :mod:`.content` (what a cue reports), :mod:`.sources`
("according to", passives, appearance verbs, surveys, hearsay), :mod:`.beside_quote` (the
speaker next to a quote) and :mod:`.report` (the :class:`Report` value and its trimming).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dateline.quotes.beside_quote import (
    MAX_LOOSE_SPEAKER,
    first_chunk,
    mistagged_after_quote,
    next_to_quote,
)
from dateline.quotes.content import (
    OWN_SUBJECTS,
    cue_content,
    drop_tail,
    light_verb_content,
    subtree,
)
from dateline.quotes.lexicon import Cue, Lexicon
from dateline.quotes.report import Report, trim, with_clitic
from dateline.quotes.sources import (
    according_to,
    appearance_source,
    hearsay,
    in_source,
    only_a_cue_clause,
    outer_subject,
    passive_voice,
)
from dateline.quotes.speakers import breaks_between, speaker_phrase, subject_of

__all__ = ["Report", "drop_tail", "find_reports", "headline_reports"]


def _contact_relative(tok: Token, quoted: Sequence[bool]) -> bool:
    """ "…, the biggest loss the firm has reported": a relative clause without "that" the parse
    read as a clause with two subjects side by side before the verb, the first a common noun
    with its determiner, both outside quotation marks and in the verb's paragraph. The verb
    reports nothing."""
    subjects = [c for c in tok.children if c.dep_ in OWN_SUBJECTS and c.i < tok.i]
    if len(subjects) != 2:
        return False
    first, second = subjects
    doc = tok.doc
    return (
        first.pos_ == "NOUN"
        and any(c.dep_ == "det" for c in first.children)
        and first.right_edge.i + 1 == second.left_edge.i
        and not any(quoted[i] for i in range(first.left_edge.i, tok.i))
        and "\n" not in doc[first.left_edge.i : tok.i].text
    )


def _cue_phrase(tok: Token, text: str) -> tuple[str, int, int]:
    parts = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc):
        parts.append(tok.doc[tok.i + 1])
    parts.sort(key=lambda t: t.i)
    start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
    return text[start:end], start, end


#: A dateline opening a story's first paragraph: a place in capitals, maybe a state, a date
#: or an agency, then a dash ("OSLO ―", "SPRINGFIELD, Ill. —", "LIMA (AP) -", "OSLO, May 4
#: (UPI) —", "MADRID, Jan 5 -"; a hyphen only after the agency or the date, so "US - China
#: talks" is no dateline).
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][\w.]*)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:―|—|--|–|-)"
    r"|(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*(?:―|—|--|–)|\s*\([^)\n]{1,30}\)\s*(?:―|—|--|–|-)))\s+"
)


def _without_dateline(doc: Doc, text: str, kept: list[int]) -> list[int]:
    """The content without a dateline it opens with, at a paragraph's start: where the story
    was filed, not what anyone said."""
    if not kept:
        return kept
    start = doc[kept[0]].idx
    if start and text[start - 1] != "\n":
        return kept
    line = _DATELINE.match(text, start)
    if line is None:
        return kept
    return [i for i in kept if doc[i].idx >= line.end()]


def _expletive(cue: Token, patient: Token, content: set[int]) -> bool:
    """ "it was revealed that …", "it is said that …": the "it" a passive cue has for subject
    stands for the clause it reports, no part of what was said (PolNeAR's training split: 7
    contents more exact, none lost)."""
    return patient.lower_ == "it" and any(
        c.dep_ == "ccomp" and c.i in content for c in cue.children
    )


def _that_said(tok: Token) -> bool:
    """ "That said, …" / "This said, …" opening a sentence: the writer's turn of phrase, no
    report (its "said" has only the demonstrative for subject and a comma after it)."""
    doc = tok.doc
    if tok.lower_ != "said" or tok.i < 1 or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    before = doc[tok.i - 1]
    return before.lower_ in {"that", "this"} and before.is_sent_start is True


def _past_dateline(doc: Doc, text: str, source: Span) -> Span | None:
    """A speaker phrase without the dateline its paragraph opens with ("LIMA (AP) - X said"
    parsed with the agency or the place in the subject): its words after the dateline, or
    the noun phrase right after it when the phrase was only the dateline."""
    start = source.start_char
    line = _DATELINE.match(text, text.rfind("\n", 0, start) + 1)
    if line is None or start >= line.end():
        return source
    after = next((t.i for t in doc[source.start :] if t.idx >= line.end()), None)
    if after is None:
        return None
    if after < source.end:
        return doc[after : source.end]
    # "OSLO — Norway's finance minister, X, said": the parse made the place the subject and
    # hung the one who speaks on it as an apposition, named beside it or not
    root = source.root
    apposed = [c for c in root.children if c.dep_ == "appos" and c.idx >= line.end()]
    if apposed:
        return speaker_phrase(apposed[0])
    # ... or as a second subject of the same verb ("OSLO — Norway's finance minister on
    # Thursday defended ...": two subjects, the place and the minister)
    others = [
        c
        for c in root.head.children
        if root.dep_ in OWN_SUBJECTS and c.dep_ == root.dep_ and c.idx >= line.end()
    ]
    if others:
        return speaker_phrase(others[0])
    chunk = first_chunk(doc, after, min(len(doc), after + MAX_LOOSE_SPEAKER))
    return chunk if chunk is not None and chunk[-1].pos_ in {"PROPN", "NOUN", "PRON"} else None


def _cut_at_break(source: Span, lo: int) -> Span | None:
    """The part of a speaker phrase after the line break at ``lo`` (the cue's paragraph), when
    its head lies there; else None."""
    if lo < 0 or source.root.idx < lo:
        return None
    keep = [t for t in source if t.idx > lo and not t.is_space]
    if not keep or "\n" in source.doc[keep[0].i : keep[-1].i + 1].text:
        return None
    return source.doc[keep[0].i : keep[-1].i + 1]


def headline_reports(doc: Doc, text: str, notices: frozenset[str] = frozenset()) -> list[Report]:
    """ "Okafor: the council has lost its way": a short line whose few words before a colon name
    who says the rest (headlines, and the same convention in bulleted paragraphs); not a
    newsroom's label (``notices``: "Correction: …", "Editor's note: …")."""
    out: list[Report] = []
    for line in _HEADLINE.finditer(text):
        colon = line.start(2)
        who = doc.char_span(line.start(1), colon, alignment_mode="contract")
        rest = doc.char_span(line.start(3), line.end(3), alignment_mode="contract")
        if who is None or rest is None or not len(who) or len(rest) < 3:
            continue
        if len(who) > 1 and who[0].pos_ == "ADP":
            who = who[1:]  # "From the report: …"
        if not any(t.pos_ in {"PROPN", "NOUN"} for t in who) or who[0].is_lower:
            continue
        if who.text.lower().replace("’", "'") in notices:
            continue
        entry = Cue(":", "say", frozenset({"according"}))
        content = [t.i for t in rest]
        out.append(Report(who[-1], entry, ":", colon, colon + 1, who, content))
    return out


_HEADLINE = re.compile(r"^([^\n:.!?\"“”]{2,40}?)(:)[ \t]+([^\n]{8,160}?)[ \t]*$", re.MULTILINE)


def _holds_clause(tok: Token) -> bool:
    """Whether a noun has a clause of its own ("the claim that …", "a pledge to …"). One that
    holds quoted words is left to the verb that reports them ("said in a statement that "…"",
    "issued a warning that "…""): the quote is the verb's speaker's."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "acl" for c in tok.children)


def _word_report(
    tok: Token, text: str, rels: frozenset[str], quoted: Sequence[bool]
) -> Report | None:
    """ "Rubio's criticism of the deal", "the mayor was confident that …": the object of the
    word's preposition (or its clause) is the content; the speaker is a noun's possessor, or
    the subject of the verb the word hangs off."""
    content: set[int] = set()
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in rels:
            content |= subtree(child) - {child.i}
        elif child.dep_ in rels:
            content |= subtree(child)
    if not content or (_holds_clause(tok) and any(quoted[i] for i in content)):
        return None
    source: Span | None = None
    poss = [c for c in tok.children if c.dep_ == "poss" and not quoted[c.i]]
    if poss:
        source = speaker_phrase(poss[0])
    elif tok.dep_ in {"dobj", "acomp"} and tok.head.pos_ in {"VERB", "AUX"}:
        subject = subject_of(tok.head, quoted)
        source = speaker_phrase(subject) if subject is not None else None
    kept = trim(tok.doc, content)
    entry = Cue(tok.lemma_.lower(), tok.pos_.lower(), frozenset({"word"}))
    start, end = tok.idx, tok.idx + len(tok.text)
    return Report(tok, entry, text[start:end], start, end, source, kept)


def find_reports(
    doc: Doc,
    text: str,
    quoted: Sequence[bool],
    lexicon: Lexicon,
    *,
    asides: bool = True,
    unspoken: Sequence[bool] = (),
) -> list[Report]:
    """Every cue outside quotation marks (``quoted[i]`` is True for quoted tokens). With
    ``asides`` False, a content ends where a trailing aside begins (``drop_tail``).
    ``unspoken[i]`` marks tokens no subject is taken from (quotes, and titles in marks)."""
    reports: list[Report] = []
    words = {"NOUN": lexicon.noun_cues, "ADJ": lexicon.adjective_cues}
    for tok in doc:
        if quoted[tok.i]:
            continue
        table = words.get(tok.pos_)
        if table is not None and tok.lemma_.lower() in table:
            word = _word_report(tok, text, table[tok.lemma_.lower()], quoted)
            if word is not None:
                reports.append(word)
            continue
        entry = lexicon.cue(tok.lemma_) or lexicon.cue(tok.lower_)
        light = light_verb_content(tok)
        if light and entry is None:
            entry = _LIGHT_CUE
        if entry is None:
            evidence = in_source(tok, lexicon) if tok.lower_ == "in" else hearsay(tok, lexicon)
            if evidence is not None:
                reports.append(evidence)
            continue
        cue_text, cue_start, cue_end = _cue_phrase(tok, text)
        if "according" in entry.deps:
            found = according_to(tok)
            if found is None or only_a_cue_clause(tok, found[1], quoted, lexicon):
                continue
            source, content = found
        else:
            if (tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"amod", "compound"}) and not (
                mistagged_after_quote(doc, tok, quoted)
            ):
                continue
            if _contact_relative(tok, quoted):
                continue
            if _that_said(tok):
                continue
            content = light or cue_content(tok, entry, lexicon)
            if quoted[tok.head.i] and tok.head.i < tok.i and tok.dep_ in {"parataxis", "ccomp"}:
                # ""…," he said, as the crowd left": what follows the cue clause after a quote
                # is the article's narration, not the speaker's words
                content = {i for i in content if i < tok.left_edge.i}
            passive = passive_voice(tok) or appearance_source(tok, entry, lexicon)
            if passive is not None:
                source, patient = passive
                if patient is not None and not _expletive(tok, patient, content):
                    content |= subtree(patient)
            else:
                subject = outer_subject(tok, lexicon) or subject_of(tok, unspoken or quoted)
                source = speaker_phrase(subject) if subject is not None else None
            if source is None and passive is None:
                source = next_to_quote(doc, tok, quoted)
                if source is not None and source.start > tok.i:
                    content = {i for i in content if i < tok.i}
                elif source is not None:
                    content = {i for i in content if i < source.start}
        # a parse can run a sentence over a paragraph break; a report stays in its paragraph
        lo = text.rfind("\n", 0, tok.idx)
        hi = text.find("\n", tok.idx)
        hi = len(text) if hi < 0 else hi
        content = {i for i in content if lo < doc[i].idx < hi}
        if not asides:
            content = drop_tail(doc, content, quoted)
        kept = with_clitic(doc, [i for i in trim(doc, content) if i != tok.i])
        kept = _without_dateline(doc, text, kept)
        if source is not None:
            source = _past_dateline(doc, text, source)
        if source is not None and any(quoted[i] for i in range(source.start, source.end)):
            source = None  # a name inside the marks is the quote's words ("…, Mr. President")
        if source is not None and "\n" in source.text:
            # a parse running over a line break: the speaker is the part in the cue's
            # paragraph ("Any action, Senator? ¶ Coons went on to say …"), none in a headline
            source = _cut_at_break(source, lo)
        if source is not None:
            kept = [i for i in kept if not (source.start <= i < source.end)]
        reports.append(Report(tok, entry, cue_text, cue_start, cue_end, source, kept))
    return _drop_echoes(reports) + headline_reports(doc, text, lexicon.notice_labels)


#: "X made it clear that …", "X made the case for …" (:func:`light_verb_content`)
_LIGHT_CUE = Cue("make", "say", frozenset({"ccomp"}))


def _drop_echoes(reports: list[Report]) -> list[Report]:
    """ "X said he expects …", "X vowed to demand …": a cue that is the clause or infinitive
    another cue reports is part of that report, not one of its own (PolNeAR's training split
    annotates the outer report only)."""
    cues = {r.cue.i for r in reports}
    return [
        r
        for r in reports
        if not (
            r.cue.dep_ in {"ccomp", "xcomp"}
            and r.cue.head.i in cues
            and not breaks_between(r.cue, r.cue.head)  # a parse run over a paragraph break
        )
    ]
