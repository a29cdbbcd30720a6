"""What a cue reports: the tokens of its content in the parse (:func:`cue_content`), the
complements and clauses that hold it, and the trailing aside an attribution ends before
(:func:`drop_tail`)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dateline.actors.roles import RoleTable
from dateline.nlp import to_infinitive
from dateline.quotes.lexicon import Cue, Lexicon

#: Dependency labels of a verb's own subject.
OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


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
    unload at the border", "…, known as the Pacific pact"), also after a quote closed on a
    comma ("… “a mistake,” referring to …"). An attribution ends where such an
    aside begins, as PolNeAR marks it; a reader's quotation keeps it (the article gold does)."""
    if not content:
        return content
    ordered = sorted(content)
    first, last = ordered[0], ordered[-1]
    for i in ordered:
        if i - first < _MIN_BEFORE_ASIDE or i == 0 or quoted[i]:
            continue
        set_off = doc[i - 1].text in _ASIDE_MARKS and not quoted[i - 1]
        after_quote = not set_off and _comma_in_marks(doc, i)
        if not (set_off or after_quote):
            continue
        head = _aside_head(doc[i])
        if head is None or max(t.i for t in head.subtree) < last:
            continue
        if after_quote and any(quoted[j] for j in ordered if j > i):
            continue  # an aside after a quote that quotes again goes on with the speaker's words
        return {j for j in content if j < i - 1}
    return content


#: Closing quotation marks as the tokenizer leaves them.
_CLOSING_MARKS = frozenset({'"', "”", "''", "’"})


def _comma_in_marks(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a quote closed on a comma ("… “was a mistake,” referring
    to …"): the comma inside the marks sets off what follows as well as one outside."""
    return i >= 2 and doc[i - 1].text in _CLOSING_MARKS and doc[i - 2].text == ","


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


def subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def cue_content(tok: Token, entry: Cue, lexicon: Lexicon) -> set[int]:
    """Token indices of what the cue reports (empty when the parse shows none)."""
    if entry.quote_only:
        return set()
    found: set[int] = set()
    preps: list[int] = []
    for child in _complements(tok, entry):
        if child.dep_ == "prep":
            found |= subtree(child) - {child.i}
            preps.append(child.i)
        elif child.dep_ == "advcl":  # "called for the states to act": without the "for"
            found |= subtree(child) - {c.i for c in child.children if c.lower_ == "for"}
        else:
            found |= subtree(child)  # with "called the plan a "disaster"", both objects
    if found:
        objects = [c for c in tok.children if c.dep_ == "dobj" and c.i < min(found)]
        urged = any(c.dep_ == "xcomp" and c.i in found for c in tok.children)
        if objects and (urged or (preps and min(preps) > objects[-1].i)):
            # "urged the states to act", "described the plan as …": the object is who is
            # urged or what is described, part of what is reported
            found |= subtree(objects[-1])
        # "described the plan as a failure": the "as" between two parts stays in the content
        found |= {i for i in preps if min(found) < i < max(found)}
        found -= _tellers_own(tok, found, lexicon)
        return found | _first_clauses(tok, found) | _shared_subject(tok, found, lexicon)
    if "prep:as" in entry.deps:
        found = _object_as(tok)
        if found:
            return found
    # inverted: "Clinton will win, he said." parsed with the cue hanging off the clause
    head = tok.head
    if (
        "ccomp" in entry.deps
        and (tok.dep_ == "parataxis" or _set_off_after(tok) or _as_clause(tok))
        and head.i != tok.i
        and any(c.dep_ in OWN_SUBJECTS for c in tok.children)
    ):
        found = subtree(head) - subtree(tok)
        while found and tok.doc[max(found)].is_punct and _as_clause(tok):
            found.discard(max(found))  # the sentence's full stop, after the reported clause
        return found
    return set()


def _object_as(tok: Token) -> set[int]:
    """ "see the quotas as a threat", "regard the mayor as most likely to win" where the parse
    did not hang "as" on the cue: on the object ("fees at the market as a threat") or as an
    adverb opening a clause of the cue ("as most likely to win"). The object and what it is
    seen as are the content, as when the parse hangs "as" on the cue."""
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    if not objects:
        return set()
    obj = objects[0]
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.children):
        return subtree(obj)
    doc = tok.doc
    for child in tok.children:
        if child.i > obj.right_edge.i and child.dep_ in {"advcl", "xcomp", "acomp", "oprd"}:
            opener = doc[child.left_edge.i]
            if opener.lower_ == "as" and opener.i == obj.right_edge.i + 1:
                return subtree(obj) | subtree(child)
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


def _tellers_own(cue: Token, content: set[int], lexicon: Lexicon) -> set[int]:
    """ "X said the port had reopened and urged traders to return": a speech verb joined to
    the reported clause with no subject of its own, where the clause's subject is a thing,
    which does not speak: the parse hung the teller's second act on the clause; its words
    (and the "and" before them) are no part of what was reported."""
    out: set[int] = set()
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.i not in content:
            continue
        subject = next((c for c in clause.children if c.dep_ in OWN_SUBJECTS), None)
        if subject is None or not _a_thing(subject, lexicon):
            continue
        for verb in clause.children:
            if (
                verb.dep_ == "conj"
                and verb.pos_ == "VERB"
                and lexicon.cue(verb.lemma_) is not None
                and not any(c.dep_ in OWN_SUBJECTS for c in verb.children)
            ):
                out |= subtree(verb)
                out |= {
                    c.i
                    for c in clause.children
                    if c.dep_ in {"cc", "punct"} and verb.left_edge.i - 2 <= c.i < verb.i
                }
    return out


def _a_thing(tok: Token, lexicon: Lexicon) -> bool:
    """A common noun no entity covers that names no one who could speak ("the port", "the
    vessel"): not a noun that speaks, an organisation word, a role or a noun of people by its
    ending (class ``agent_suffix`` of the actors' ``words.tsv``, which the events read too)."""
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
        or any(lemma.endswith(s) for s in roles.words["agent_suffix"])
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
    subjects = [c for c in tok.children if c.dep_ in OWN_SUBJECTS and c.i < tok.i]
    if not subjects or not any(c.i > tok.i for c in out):
        return out
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text in {",", *_DASHES}:
        return out  # a cue set off in the middle of one content
    first = min(c.left_edge.i for c in subjects)
    return [c for c in out if c.i > tok.i or c.right_edge.i >= first or _wh_object(c)]


def _wh_object(child: Token) -> bool:
    """A relative or wh pronoun that is the cue's object, before its subject: "which the
    mayor called "a waste"", "what she termed a "reckless" plan": it stands for what the
    speaker names, and PolNeAR's training split keeps it in the content about three times in
    four."""
    return child.dep_ == "dobj" and child.tag_ in {"WDT", "WP"} and len(list(child.subtree)) == 1


def _clause_for(child: Token, entry: Cue) -> bool:
    """Whether an adverbial clause the parse hung on a cue is its content: "called for the
    states to act" (a clause opened by "for" after a cue whose content follows "for"), "asked
    if the road would reopen" (a question's "if" or "whether" after a cue of asking)."""
    if child.dep_ != "advcl" or child.i < child.head.i:
        return False
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    if "for" in marks and "prep:for" in entry.deps:
        return to_infinitive(child)
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
    subjects = [c.i for c in tok.children if c.dep_ in OWN_SUBJECTS]
    if not subjects or min(subjects) < max(found) or head.pos_ not in {"VERB", "AUX"}:
        return set()
    return subtree(head) - subtree(tok)


#: Nouns a light "make" turns into a cue: "made the case that …", "makes the point that …".
_MADE_NOUNS = frozenset({"case", "point", "argument"})
_CLAUSES = frozenset({"ccomp", "advcl", "csubj", "acl", "relcl"})


def _that_clause(
    tok: Token, after: int, bare: bool = False, deps: frozenset[str] = _CLAUSES
) -> set[int]:
    """The subtree of a clause child of ``tok`` (one of ``deps``) after index ``after`` opened
    by "that" (or, with ``bare``, any such clause with a subject of its own: "made clear they
    would stay")."""
    for child in tok.children:
        if child.dep_ not in deps or child.left_edge.i <= after:
            continue
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        if marks == ["that"] or (
            bare and not marks and any(c.dep_ in OWN_SUBJECTS for c in child.children)
        ):
            return subtree(child)
    return set()


#: Verbs that put a feeling or view into words ("expressed concern that …"): with a noun
#: object that has a clause, the clause is the content, as PolNeAR marks it (its training
#: split: 10 more contents exact, none lost).
_VOICING = frozenset({"express", "voice"})
#: Clauses the parse hangs on a noun as its complement (not a relative clause, which has a
#: subject of its own more often than not: "the views they share").
_NOUN_CLAUSES = frozenset({"acl", "ccomp"})


#: A light verb and the nouns that make it a cue whose content is the object of the
#: preposition after the noun: "took issue with …", "took a swipe at …", "cast doubt on …".
_LIGHT_NOUNS = {
    "take": frozenset({"issue", "aim", "swipe", "shot", "stance"}),
    "cast": frozenset({"doubt"}),
}
_LIGHT_PREPS = frozenset({"with", "at", "on", "against"})


def _prep_object(verb: Token, noun: Token, preps: frozenset[str]) -> set[int]:
    """The object of the first preposition in ``preps`` after ``noun``, hung off the noun or
    the verb."""
    for prep in (*noun.children, *verb.children):
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i > noun.i:
            return subtree(prep) - {prep.i}
    return set()


def light_verb_content(tok: Token) -> set[int]:
    """ "X made (it) clear that …", "X made the case that …", "X made a case for …", "X took
    issue with …", "X cast doubt on …": a light verb with "clear" or one of its nouns reports
    the clause after it or the object of the noun's preposition; "X laid out a plan" its
    object; "X expressed concern that …" the clause on the noun. Empty for any other use."""
    if tok.pos_ != "VERB":
        return set()
    lemma = tok.lemma_.lower()
    if lemma == "lay" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        # "X laid out a plan", "X lays out the case for …"
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        return subtree(objects[0]) if objects else set()
    if lemma in _VOICING:
        # "expressed concern that …", "voiced doubt that the talks would hold": the clause on
        # the feeling is what is reported, not the noun
        for child in tok.children:
            if child.dep_ == "dobj" and child.pos_ == "NOUN":
                return _that_clause(child, child.i, True, _NOUN_CLAUSES)
        return set()
    if lemma in _LIGHT_NOUNS:
        for child in tok.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in _LIGHT_NOUNS[lemma]:
                return _prep_object(tok, child, _LIGHT_PREPS)
        return set()
    if lemma != "make":
        return set()
    for child in tok.children:
        if child.lower_ == "clear" and child.i > tok.i:
            return _that_clause(child, child.i, True) or _that_clause(tok, child.i, True)
        if child.dep_ == "dobj" and child.lemma_.lower() in _MADE_NOUNS:
            found = _that_clause(child, child.i) or _that_clause(tok, child.i)
            if found:
                return found
            return _prep_object(tok, child, frozenset({"for"}))
    return set()
