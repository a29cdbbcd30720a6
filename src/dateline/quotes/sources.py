"""Reports whose source is not the cue's plain subject: "according to X" (:func:`according_to`),
a passive's agent and an appearance verb ("X seems to ..."), a survey or study as the source of
the clause it frames ("in a CNN poll, ...", :func:`in_source`) and hearsay ("reportedly",
:func:`hearsay`)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from dateline.quotes.content import OWN_SUBJECTS, subtree
from dateline.quotes.lexicon import Cue, Lexicon
from dateline.quotes.report import Report, trim
from dateline.quotes.speakers import speaker_phrase

_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i"})


def outer_subject(tok: Token, lexicon: Lexicon) -> Token | None:
    """The subject of the report a subjectless cue goes on with, when the parse hung the cue
    on the reported clause ("X said he would act, warning that …", "X said he doubted it,
    arguing that …"): the pronoun subject of that clause is a word of X's report, and the
    one warning or arguing is X."""
    node = tok
    while node.dep_ in {"advcl", "conj"} and node.head.i != node.i:
        if any(c.dep_ in OWN_SUBJECTS for c in node.children):
            return None
        node = node.head
    if node is tok or node.dep_ != "ccomp" or lexicon.cue(node.head.lemma_) is None:
        return None
    own = [c for c in node.children if c.dep_ in OWN_SUBJECTS]
    outer = [c for c in node.head.children if c.dep_ == "nsubj"]
    if len(own) != 1 or own[0].lower_ not in _PRONOUN_SUBJECTS or not outer:
        return None
    return outer[0]


#: Verbs whose passive subject is the speaker ("X was quoted as saying").
_PASSIVE_SPEAKS = frozenset({"quote", "cite"})


def passive_voice(tok: Token) -> tuple[Span | None, Token | None] | None:
    """(speaker, patient) of a passive cue: the speaker is the agent ("was criticized by X")
    or nobody said ("it was labeled "false"", "Asked about the vote, X said": the one asked
    is not the one asking); the patient, the passive subject, is part of what is reported.
    None when the cue is not passive."""
    children = list(tok.children)
    patients = [c for c in children if c.dep_ == "nsubjpass"]
    passive = any(c.dep_ == "auxpass" for c in children) and bool(patients)
    bare = (
        tok.tag_ == "VBN"
        and tok.dep_ == "advcl"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux"} for c in children)
    )
    if not (passive or bare) or tok.lemma_.lower() in _PASSIVE_SPEAKS:
        return None
    agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    source = speaker_phrase(agents[0]) if agents else None
    return source, patients[0] if passive else None


#: The kind of the appearance verbs ("seem", "appear"): the writer's reading of their subject.
APPEARANCE = "seem"


#: Cue kinds that are no report of their own under an appearance verb: thought, evidence and
#: the rows learned from PolNeAR without a kind ("seems to believe", "appears to have found").
_WRITERS_READING = frozenset({"think", "show", "other"})


def _reports_itself(verb: Token, lexicon: Lexicon) -> bool:
    entry = lexicon.cue(verb.lemma_)
    return entry is not None and entry.kind not in _WRITERS_READING


def appearance_source(
    tok: Token, entry: Cue, lexicon: Lexicon
) -> tuple[Span | None, Token | None] | None:
    """(None, subject) for an appearance verb whose infinitive is no report of its own ("the
    plan appears to be stalled"): nobody is said to say it, the writer judges the subject, and
    the subject is part of what is reported, as PolNeAR marks it. "X seemed to blame Y" is
    X's report (the infinitive is a cue of speech or stance); an infinitive of thought or
    evidence ("X appears to have learned …", "X seems to believe …") is still the writer's
    reading of X. None for any other cue."""
    if entry.kind != APPEARANCE:
        return None
    comps = [c for c in tok.children if c.dep_ == "xcomp"]
    if not comps or any(_reports_itself(c, lexicon) for c in comps):
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    return None, subjects[0]


def according_to(tok: Token) -> tuple[Span | None, set[int]] | None:
    """("the poll", content) for "according to the poll"; None when it is not that phrase."""
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    source = speaker_phrase(objs[0]) if objs else None
    head = _clause_verb(tok)
    scope = subtree(head) if head.pos_ in {"VERB", "AUX"} else {t.i for t in tok.sent}
    content = scope - subtree(tok) - {to.i}
    if not content and source is not None and tok.i == tok.sent.start:
        # "According to X, the plan reeks of …" parsed with the clause hung on X: what
        # follows X's own words to the sentence's end is the content
        content = {t.i for t in tok.sent if t.i >= source.end}
    return source, content


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause "according to" hangs on (the root when none is above it)."""
    head = tok.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    return head


def only_a_cue_clause(
    tok: Token, content: set[int], quoted: Sequence[bool], lexicon: Lexicon
) -> bool:
    """ ""…," X told the leaders, according to Y": what "according to" holds, the quoted words
    aside, is only another cue's clause (its verb, speaker and hearers): no reported words."""
    head = _clause_verb(tok)
    if lexicon.cue(head.lemma_) is None or not any(c.dep_ in OWN_SUBJECTS for c in head.children):
        return False
    clause = {head.i}
    for child in head.children:
        if child.dep_ not in {"ccomp", "xcomp", "parataxis", "conj", "advcl"}:
            clause |= subtree(child)
    said = [i for i in content if quoted[i]]
    return bool(said) and all(quoted[i] or i in clause or tok.doc[i].is_punct for i in content)


def _own_clause(verb: Token) -> bool:
    """Whether a verb heads a clause that can stand as a finding: it has a subject of its own
    and is no relative clause ("…, where he has been leading") or infinitive ("expected to
    close in on 15 percent")."""
    if verb.dep_ in {"relcl", "xcomp", "acl"}:
        return False
    return any(c.dep_ in OWN_SUBJECTS for c in verb.children)


def in_source(tok: Token, lexicon: Lexicon) -> Report | None:
    """ "In a CNN poll, Clinton held a lead": a document or survey as the source of the clause
    (only when the clause's verb is no cue of its own, which would name the speaker)."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    head = tok.head
    if not objs or objs[0].lemma_.lower() not in lexicon.evidence_nouns:
        return None
    if head.pos_ not in {"VERB", "AUX"} or lexicon.cue(head.lemma_) is not None:
        return None
    if not _own_clause(head):
        return None
    content = subtree(head) - subtree(tok)
    kept = trim(tok.doc, content)
    source = speaker_phrase(objs[0])
    entry = Cue("in", "report", frozenset({"according"}))
    return Report(tok, entry, tok.text, tok.idx, tok.idx + len(tok.text), source, kept)


#: Adverbs that mark their clause as a report of unnamed others ("the firm reportedly
#: plans to close the plant"): PolNeAR marks the clause as content with no source.
_HEARSAY = frozenset({"reportedly"})


#: A clause's children that are no part of what a "reportedly" vouches for: a fronted phrase,
#: an adverbial clause, a second clause joined to it ("…, but they had left").
_BESIDE_THE_CLAUSE = frozenset({"advcl", "conj", "cc", "parataxis", "punct"})


def hearsay(tok: Token, lexicon: Lexicon) -> Report | None:
    """The clause a "reportedly" sits in, without the adverb, as a report nobody is named
    for (only when the clause's verb is no cue of its own, which would name the speaker)."""
    head = tok.head
    if tok.lower_ not in _HEARSAY or tok.dep_ != "advmod" or head.i == tok.i:
        return None
    if head.pos_ not in {"VERB", "AUX"} or lexicon.cue(head.lemma_) is not None:
        return None
    subjects = [c for c in head.children if c.dep_ in OWN_SUBJECTS]
    if not subjects:
        return None
    start = subjects[0].left_edge.i
    content = subtree(head) - {tok.i}
    for child in head.children:
        if child.dep_ in _BESIDE_THE_CLAUSE or child.i < start:
            content -= subtree(child)
    kept = trim(tok.doc, content)
    entry = Cue(tok.lower_, "report", frozenset())
    return Report(tok, entry, tok.text, tok.idx, tok.idx + len(tok.text), None, kept)
