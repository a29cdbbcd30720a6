"""Reported speech from the dependency parse: a cue verb, its speaker and its content.

"X said (that) …", "X warned … that …", "X urged Y to …", "…, adding that …", "according to X,
…", and the inverted "…, X said."; nouns and adjectives too ("Rubio's criticism of …", "the
mayor was confident that …"). A cue inside quotation
marks is part of what someone said, not a report by the article, and is skipped; so is a cue
that is the very clause another cue reports ("X said he expects …" is X's report). Every cue
found is returned, with or without content: a cue with none ("he said.") still names the
speaker of a direct quote next to it. When the parse gives a cue no subject, the words between
a closing mark and the cue, or right after it, name the speaker (""…," said Lena Park").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.actors.roles import RoleTable
from dateline.quotes.lexicon import Cue, Lexicon
from dateline.quotes.speakers import breaks_between, speaker_phrase, subject_of

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


#: Dependency labels of a verb's own subject.
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _contact_relative(tok: Token, quoted: Sequence[bool]) -> bool:
    """ "…, the biggest loss the firm has reported": a relative clause without "that" the parse
    read as a clause with two subjects side by side before the verb, the first a common noun
    with its determiner, both outside quotation marks and in the verb's paragraph. The verb
    reports nothing."""
    subjects = [c for c in tok.children if c.dep_ in _OWN_SUBJECTS and c.i < tok.i]
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


def _trim(doc: Doc, indices: set[int]) -> list[int]:
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


def _with_clitic(doc: Doc, kept: list[int]) -> list[int]:
    """The content with the clitic written onto its last word, which a parse can hang
    elsewhere ("… when the trains don’t" parsed with "n’t" on the main verb)."""
    if not kept or kept[-1] + 1 >= len(doc):
        return kept
    last, nxt = doc[kept[-1]], doc[kept[-1] + 1]
    if nxt.lower_ in _CLITICS and not last.whitespace_:
        return [*kept, nxt.i]
    return kept


#: A dateline opening a story's first paragraph: a place in capitals, maybe a state, a date
#: or an agency, then a dash ("OSLO ―", "SPRINGFIELD, Ill. —", "LIMA (AP) -", "OSLO, May 4
#: (UPI) —"; a hyphen only after the agency, so "US - China talks" is no dateline).
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][\w.]*)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*(?:―|—|--|–)|\s*\([^)\n]{1,30}\)\s*(?:―|—|--|–|-))\s+"
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
    chunk = _first_chunk(doc, after, min(len(doc), after + _MAX_LOOSE_SPEAKER))
    return chunk if chunk is not None and chunk[-1].pos_ in {"PROPN", "NOUN", "PRON"} else None


#: Words that open a relative clause set off by a comma: the writer's aside about the last
#: noun ("…, which the council has since shelved"), not the speaker's words.
_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "when", "where"})
#: What sets an aside off from the clause before it.
_ASIDE_MARKS = frozenset({",", "—", "―", "–", "-", "--", "("})
#: Content words a clause keeps before an aside can be cut.
_MIN_BEFORE_ASIDE = 3


def drop_tail(doc: Doc, content: set[int], quoted: Sequence[bool]) -> set[int]:
    """The content without a trailing aside outside quotation marks, set off by a comma, a
    dash or a parenthesis, that describes what the content names rather than saying what
    the speaker said: a relative clause ("…, which the council has since shelved"), an apposition
    ("…, the alliance that includes most of Europe") or a participle ("…, forcing them to
    unload at the border", "…, known as the Pacific pact"). An attribution ends where such an
    aside begins, as PolNeAR marks it; a reader's quotation keeps it (the article gold does)."""
    if not content:
        return content
    ordered = sorted(content)
    first, last = ordered[0], ordered[-1]
    for i in ordered:
        if i - first < _MIN_BEFORE_ASIDE or i == 0 or quoted[i] or quoted[i - 1]:
            continue
        if doc[i - 1].text not in _ASIDE_MARKS:
            continue
        head = _aside_head(doc[i])
        if head is None or max(t.i for t in head.subtree) < last:
            continue
        return {j for j in content if j < i - 1}
    return content


def _aside_head(tok: Token) -> Token | None:
    """The head of the aside that ``tok`` opens, or None when it opens no aside."""
    for node in (tok, tok.head):
        if node.left_edge.i != tok.i:
            continue
        if node.dep_ == "relcl" and tok.lower_ in _RELATIVE_WORDS:
            return node
        if node.dep_ == "appos":
            return node
        if node.dep_ in {"acl", "advcl"} and node.i == tok.i and node.tag_ in {"VBG", "VBN"}:
            return node
    return None


def _subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _content(tok: Token, entry: Cue, lexicon: Lexicon) -> set[int]:
    """Token indices of what the cue reports (empty when the parse shows none)."""
    if entry.quote_only:
        return set()
    found: set[int] = set()
    preps: list[int] = []
    for child in _complements(tok, entry):
        if child.dep_ == "prep":
            found |= _subtree(child) - {child.i}
            preps.append(child.i)
        elif child.dep_ == "advcl":  # "called for the states to act": without the "for"
            found |= _subtree(child) - {c.i for c in child.children if c.lower_ == "for"}
        else:
            found |= _subtree(child)  # with "called the plan a "disaster"", both objects
    if found:
        objects = [c for c in tok.children if c.dep_ == "dobj" and c.i < min(found)]
        urged = any(c.dep_ == "xcomp" and c.i in found for c in tok.children)
        if objects and (urged or (preps and min(preps) > objects[-1].i)):
            # "urged the states to act", "described the plan as …": the object is who is
            # urged or what is described, part of what is reported
            found |= _subtree(objects[-1])
        # "described the plan as a failure": the "as" between two parts stays in the content
        found |= {i for i in preps if min(found) < i < max(found)}
        found -= _tellers_own(tok, found, lexicon)
        return found | _first_clauses(tok, found) | _shared_subject(tok, found, lexicon)
    # inverted: "Clinton will win, he said." parsed with the cue hanging off the clause
    head = tok.head
    if (
        "ccomp" in entry.deps
        and (tok.dep_ == "parataxis" or _set_off_after(tok) or _as_clause(tok))
        and head.i != tok.i
        and any(c.dep_ in _OWN_SUBJECTS for c in tok.children)
    ):
        found = _subtree(head) - _subtree(tok)
        while found and tok.doc[max(found)].is_punct and _as_clause(tok):
            found.discard(max(found))  # the sentence's full stop, after the reported clause
        return found
    return set()


#: Tags of a wh-word opening a clause ("what he wanted", "where she works").
_WH_TAGS = frozenset({"WDT", "WP", "WRB"})


def _set_off_after(tok: Token) -> bool:
    """A cue the parse made a clause of the verb before it that is the reporting clause
    ("Clinton will win, he said"): set off by a comma or mark after that verb's words and
    opened by no "that", "if" or wh-word ("it was no surprise that he tweeted"). Reading the
    clause above as reported gave PolNeAR's training split 90 contents, nearly all wrong."""
    doc = tok.doc
    if tok.dep_ != "ccomp" or tok.i < tok.head.i or tok.left_edge.i == 0:
        return False
    if any(c.dep_ == "mark" for c in tok.children) or doc[tok.left_edge.i].tag_ in _WH_TAGS:
        return False
    return doc[tok.left_edge.i - 1].is_punct


#: Endings of nouns of people ("organiser", "protester", "activist", "resident", "employee").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "ee", "ary")


def _tellers_own(cue: Token, content: set[int], lexicon: Lexicon) -> set[int]:
    """ "X said the port had reopened and urged traders to return": a speech verb joined to
    the reported clause with no subject of its own, where the clause's subject is a thing,
    which does not speak: the parse hung the teller's second act on the clause; its words
    (and the "and" before them) are no part of what was reported."""
    out: set[int] = set()
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.i not in content:
            continue
        subject = next((c for c in clause.children if c.dep_ in _OWN_SUBJECTS), None)
        if subject is None or not _a_thing(subject, lexicon):
            continue
        for verb in clause.children:
            if (
                verb.dep_ == "conj"
                and verb.pos_ == "VERB"
                and lexicon.cue(verb.lemma_) is not None
                and not any(c.dep_ in _OWN_SUBJECTS for c in verb.children)
            ):
                out |= _subtree(verb)
                out |= {
                    c.i
                    for c in clause.children
                    if c.dep_ in {"cc", "punct"} and verb.left_edge.i - 2 <= c.i < verb.i
                }
    return out


def _a_thing(tok: Token, lexicon: Lexicon) -> bool:
    """A common noun no entity covers that names no one who could speak ("the port", "the
    vessel"): not a noun that speaks, an organisation word, a role or an agent noun."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lemma = tok.lemma_.lower()
    roles = RoleTable.default()
    return not (
        lemma in lexicon.speaker_nouns
        or lemma in lexicon.evidence_nouns
        or lemma in lexicon.org_references
        or lemma in roles.sectors
        or roles.role(lemma) is not None
        or lemma.endswith(_AGENT_ENDINGS)
    )


def _as_clause(tok: Token) -> bool:
    """ "As the paper reported, the mill will close": a cue with no object or clause of its
    own, in a clause opened by "as" that the parse hung on the clause it reports ("as the
    firm announced layoffs, …" reports the layoffs only)."""
    kids = list(tok.children)
    return (
        tok.dep_ == "advcl"
        and tok.head.pos_ in {"VERB", "AUX"}  # not "strange as it seems"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        and not any(c.dep_ in _OWN_OBJECTS and not _when(c) for c in kids)
    )


def _when(prep: Token) -> bool:
    """Whether a dependent is a phrase of time ("on Monday", "last week")."""
    if prep.dep_ != "prep":
        return False
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


#: Dependents that give a cue something of its own to report.
_OWN_OBJECTS = frozenset(
    {"dobj", "ccomp", "xcomp", "prep", "advcl", "attr", "acomp", "oprd", "dative"}
)


def _complements(tok: Token, entry: Cue) -> list[Token]:
    """The cue's children that hold its content (``entry.deps``). When some follow the cue,
    one the parse put before its subject is a fronted phrase of the narrator's ("On most
    points, the growers agreed that …", parsed as "agreed on"), not a second content, unless
    the cue is set off in the middle of one ("It is, the minister said, a matter for …")."""
    out = [
        child
        for child in tok.children
        if child.dep_ in entry.deps
        or (child.dep_ == "oprd" and "dobj" in entry.deps)
        or (child.dep_ == "prep" and f"prep:{child.lower_}" in entry.deps)
        or _clause_for(child, entry)
    ]
    subjects = [c for c in tok.children if c.dep_ in _OWN_SUBJECTS and c.i < tok.i]
    if not subjects or not any(c.i > tok.i for c in out):
        return out
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text in {",", *_DASHES}:
        return out  # a cue set off in the middle of one content
    first = min(c.left_edge.i for c in subjects)
    return [c for c in out if c.i > tok.i or c.right_edge.i >= first]


def _clause_for(child: Token, entry: Cue) -> bool:
    """Whether an adverbial clause the parse hung on a cue is its content: "called for the
    states to act" (a clause opened by "for" after a cue whose content follows "for"), "asked
    if the road would reopen" (a question's "if" or "whether" after a cue of asking)."""
    if child.dep_ != "advcl" or child.i < child.head.i:
        return False
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    if "for" in marks and "prep:for" in entry.deps:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return bool(marks & {"if", "whether"}) and entry.kind == "ask"


#: Conjunctions that set the narrator's turn against what was reported ("…, but was met with").
_CONTRAST = frozenset({"but", "yet"})
_DASHES = frozenset({"-", "--", "—", "―", "–"})


def _shared_subject(tok: Token, found: set[int], lexicon: Lexicon) -> set[int]:
    """Verbs the parse made conjuncts of the cue after its content, with no subject of their
    own and joined by "and" or "or" ("wants to cut fees, widen the park and hire rangers",
    "mentioned raising wages and forcing firms to …"): the speaker's list goes on. A conjunct
    that is a cue of its own, or that "but" or a dash sets off, is not part of it. The list's
    middle verb the parse left unlabelled (``dep``) after a comma, with the last one joined to
    it by "and" or "or", goes on with it as well."""
    out: set[int] = set()
    last = max(found)
    for child in tok.children:
        if child.i < last or child.pos_ not in {"VERB", "AUX"}:
            continue
        if child.dep_ != "conj" and not _list_middle(child):
            continue
        if lexicon.cue(child.lemma_) is not None or lexicon.cue(child.lower_) is not None:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in child.children):
            continue
        between = tok.doc[last + 1 : child.left_edge.i]
        if any(t.lower_ in _CONTRAST or t.text in _DASHES or "\n" in t.text for t in between):
            continue
        if any(c.dep_ == "cc" and c.lower_ in _CONTRAST for c in child.children):
            continue
        out |= {t.i for t in child.subtree} | {t.i for t in between}
    return out


def _list_middle(tok: Token) -> bool:
    """A verb hung on the cue as ``dep`` right after a comma, with a verb of its own joined by
    "and" or "or" ("wants to cut fees, [widen] the park and hire rangers")."""
    doc = tok.doc
    if tok.dep_ != "dep" or tok.i == 0 or doc[tok.i - 1].text != ",":
        return False
    joined = any(c.dep_ == "cc" and c.lower_ in {"and", "or"} for c in tok.children)
    return joined and any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in tok.children)


def _first_clauses(tok: Token, found: set[int]) -> set[int]:
    """The clauses before a trailing cue that the parse made a conjunct of the first ("A, but
    B, residents said" parsed as "A, but [B residents said]"): the cue reports A as well."""
    head = tok.head
    if tok.dep_ != "conj" or head.i >= min(found) or max(found) >= tok.i:
        return set()
    subjects = [c.i for c in tok.children if c.dep_ in _OWN_SUBJECTS]
    if not subjects or min(subjects) < max(found) or head.pos_ not in {"VERB", "AUX"}:
        return set()
    return _subtree(head) - _subtree(tok)


_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i"})


def _outer_subject(tok: Token, lexicon: Lexicon) -> Token | None:
    """The subject of the report a subjectless cue goes on with, when the parse hung the cue
    on the reported clause ("X said he would act, warning that …", "X said he doubted it,
    arguing that …"): the pronoun subject of that clause is a word of X's report, and the
    one warning or arguing is X."""
    node = tok
    while node.dep_ in {"advcl", "conj"} and node.head.i != node.i:
        if any(c.dep_ in _OWN_SUBJECTS for c in node.children):
            return None
        node = node.head
    if node is tok or node.dep_ != "ccomp" or lexicon.cue(node.head.lemma_) is None:
        return None
    own = [c for c in node.children if c.dep_ in _OWN_SUBJECTS]
    outer = [c for c in node.head.children if c.dep_ == "nsubj"]
    if len(own) != 1 or own[0].lower_ not in _PRONOUN_SUBJECTS or not outer:
        return None
    return outer[0]


#: Verbs whose passive subject is the speaker ("X was quoted as saying").
_PASSIVE_SPEAKS = frozenset({"quote", "cite"})


def _passive(tok: Token) -> tuple[Span | None, Token | None] | None:
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


def _appearance(
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
    content = scope - _subtree(tok) - {to.i}
    if not content and source is not None and tok.i == tok.sent.start:
        # "According to X, the plan reeks of …" parsed with the clause hung on X: what
        # follows X's own words to the sentence's end is the content
        content = {t.i for t in tok.sent if t.i >= source.end}
    return source, content


def _only_a_cue_clause(
    tok: Token, content: set[int], quoted: Sequence[bool], lexicon: Lexicon
) -> bool:
    """ ""…," X told the leaders, according to Y": what "according to" holds, the quoted words
    aside, is only another cue's clause (its verb, speaker and hearers): no reported words."""
    head = tok.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    if lexicon.cue(head.lemma_) is None or not any(c.dep_ in _OWN_SUBJECTS for c in head.children):
        return False
    clause = {head.i}
    for child in head.children:
        if child.dep_ not in {"ccomp", "xcomp", "parataxis", "conj", "advcl"}:
            clause |= _subtree(child)
    said = [i for i in content if quoted[i]]
    return bool(said) and all(quoted[i] or i in clause or tok.doc[i].is_punct for i in content)


def _cut_at_break(source: Span, lo: int) -> Span | None:
    """The part of a speaker phrase after the line break at ``lo`` (the cue's paragraph), when
    its head lies there; else None."""
    if lo < 0 or source.root.idx < lo:
        return None
    keep = [t for t in source if t.idx > lo and not t.is_space]
    if not keep or "\n" in source.doc[keep[0].i : keep[-1].i + 1].text:
        return None
    return source.doc[keep[0].i : keep[-1].i + 1]


def _own_clause(verb: Token) -> bool:
    """Whether a verb heads a clause that can stand as a finding: it has a subject of its own
    and is no relative clause ("…, where he has been leading") or infinitive ("expected to
    close in on 15 percent")."""
    if verb.dep_ in {"relcl", "xcomp", "acl"}:
        return False
    return any(c.dep_ in _OWN_SUBJECTS for c in verb.children)


def _in_source(tok: Token, lexicon: Lexicon) -> Report | None:
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
    content = _subtree(head) - _subtree(tok)
    kept = _trim(tok.doc, content)
    source = speaker_phrase(objs[0])
    entry = Cue("in", "report", frozenset({"according"}))
    return Report(tok, entry, tok.text, tok.idx, tok.idx + len(tok.text), source, kept)


#: Adverbs that mark their clause as a report of unnamed others ("the firm reportedly
#: plans to close the plant"): PolNeAR marks the clause as content with no source.
_HEARSAY = frozenset({"reportedly"})
#: A clause's children that are no part of what a "reportedly" vouches for: a fronted phrase,
#: an adverbial clause, a second clause joined to it ("…, but they had left").
_BESIDE_THE_CLAUSE = frozenset({"advcl", "conj", "cc", "parataxis", "punct"})


def _hearsay(tok: Token, lexicon: Lexicon) -> Report | None:
    """The clause a "reportedly" sits in, without the adverb, as a report nobody is named
    for (only when the clause's verb is no cue of its own, which would name the speaker)."""
    head = tok.head
    if tok.lower_ not in _HEARSAY or tok.dep_ != "advmod" or head.i == tok.i:
        return None
    if head.pos_ not in {"VERB", "AUX"} or lexicon.cue(head.lemma_) is not None:
        return None
    subjects = [c for c in head.children if c.dep_ in _OWN_SUBJECTS]
    if not subjects:
        return None
    start = subjects[0].left_edge.i
    content = _subtree(head) - {tok.i}
    for child in head.children:
        if child.dep_ in _BESIDE_THE_CLAUSE or child.i < start:
            content -= _subtree(child)
    kept = _trim(tok.doc, content)
    entry = Cue(tok.lower_, "report", frozenset())
    return Report(tok, entry, tok.text, tok.idx, tok.idx + len(tok.text), None, kept)


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


def _word_report(
    tok: Token, text: str, rels: frozenset[str], quoted: Sequence[bool]
) -> Report | None:
    """ "Rubio's criticism of the deal", "the mayor was confident that …": the object of the
    word's preposition (or its clause) is the content; the speaker is a noun's possessor, or
    the subject of the verb the word hangs off."""
    content: set[int] = set()
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in rels:
            content |= _subtree(child) - {child.i}
        elif child.dep_ in rels:
            content |= _subtree(child)
    if not content:
        return None
    source: Span | None = None
    poss = [c for c in tok.children if c.dep_ == "poss" and not quoted[c.i]]
    if poss:
        source = speaker_phrase(poss[0])
    elif tok.dep_ in {"dobj", "acomp"} and tok.head.pos_ in {"VERB", "AUX"}:
        subject = subject_of(tok.head, quoted)
        source = speaker_phrase(subject) if subject is not None else None
    kept = _trim(tok.doc, content)
    entry = Cue(tok.lemma_.lower(), tok.pos_.lower(), frozenset({"word"}))
    start, end = tok.idx, tok.idx + len(tok.text)
    return Report(tok, entry, text[start:end], start, end, source, kept)


_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON"})
#: Tokens of a speaker phrase the parse missed, on either side of the cue.
_MAX_LOOSE_SPEAKER = 8
#: Tokens between a closing mark and the cue when the speaker there has an aside set off by
#: commas (""…," X, a top adviser to the mayor, said": a parse can hang X on the quote's verb).
_MAX_ASIDE_SPEAKER = 24


def _next_to_quote(doc: Doc, tok: Token, quoted: Sequence[bool]) -> Span | None:
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
        chunk = _first_chunk(doc, i + 1, tok.i)
        far = tok.i - i > _MAX_LOOSE_SPEAKER
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
        chunk = _first_chunk(doc, tok.i + 1, min(len(doc), tok.i + 1 + _MAX_LOOSE_SPEAKER))
        if chunk is not None and chunk[-1].pos_ in {"PROPN", "NOUN", "PRON"}:
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


def _mistagged_after_quote(doc: Doc, tok: Token, quoted: Sequence[bool]) -> bool:
    """A speech verb the tagger read as a modifier or a noun where news puts its cue after a
    quote: right after the closing mark (""…," tweeted the party's spokesman X", with
    "tweeted" a modifier of "spokesman"), or closing the sentence after a short noun phrase
    (""…," the editorial read.", with "read" a noun)."""
    if tok.i >= 1 and _closes_quote(doc, tok.i - 1, quoted):
        return tok.tag_ in {"VBD", "VBN", "VBZ", "VBP"}
    end = tok.i + 1
    if end < len(doc) and not (doc[end].is_punct and doc[end].text in {".", ";"}):
        return False
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 6 and not quoted[i] and doc[i].pos_ in _NAME_POS:
        i -= 1
    return i < tok.i - 1 and _closes_quote(doc, i, quoted)


def _first_chunk(doc: Doc, start: int, end: int) -> Span | None:
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
        if entry is None:
            evidence = _in_source(tok, lexicon) if tok.lower_ == "in" else _hearsay(tok, lexicon)
            if evidence is not None:
                reports.append(evidence)
            continue
        cue_text, cue_start, cue_end = _cue_phrase(tok, text)
        if "according" in entry.deps:
            found = _according(tok)
            if found is None or _only_a_cue_clause(tok, found[1], quoted, lexicon):
                continue
            source, content = found
        else:
            if (tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"amod", "compound"}) and not (
                _mistagged_after_quote(doc, tok, quoted)
            ):
                continue
            if _contact_relative(tok, quoted):
                continue
            if _that_said(tok):
                continue
            content = _content(tok, entry, lexicon)
            if quoted[tok.head.i] and tok.head.i < tok.i and tok.dep_ in {"parataxis", "ccomp"}:
                # ""…," he said, as the crowd left": what follows the cue clause after a quote
                # is the article's narration, not the speaker's words
                content = {i for i in content if i < tok.left_edge.i}
            passive = _passive(tok) or _appearance(tok, entry, lexicon)
            if passive is not None:
                source, patient = passive
                if patient is not None:
                    content |= _subtree(patient)
            else:
                subject = _outer_subject(tok, lexicon) or subject_of(tok, unspoken or quoted)
                source = speaker_phrase(subject) if subject is not None else None
            if source is None and passive is None:
                source = _next_to_quote(doc, tok, quoted)
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
        kept = _with_clitic(doc, [i for i in _trim(doc, content) if i != tok.i])
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
