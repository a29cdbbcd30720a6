"""A side's first step: which words the phrase of a grammatical role's head spans.

    left, right, first, last = phrase_words(head, sectors, lowest, ceiling)

The words before the head that run on into it ("the Free Coast Front (FCF) *fighters*"), and
those after it that still describe the actor ("Ana Sosa*, president of Uruguay*", "rebels *in
Chad*"); not relative or adverbial clauses, floating quantifiers ("*both*"), nor what the actor
is said to have done ("accused the guards *of beating* prisoners"). :mod:`.sides` resolves
the words to who they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from dateline.actors.roles import words

#: Right-hand dependents that still describe the actor ("Ana Sosa, president *of Uruguay*").
_RIGHT_DEPS = frozenset({"appos", "compound", "prep", "nmod", "flat"})
_RIGHT_PREPS = frozenset({"of", "from", "in"})
#: ... "in"/"from" only after an agent noun ("rebels *in* Chad"), not "talks *in* Beijing"
_OF = frozenset({"of"})
#: Floating quantifiers the parser hangs on a subject ("the two ministers *both* signed"):
#: they say how many act, they are not words of the actor
_FLOATING = frozenset({"both", "all", "each"})
_LEFT_SKIP = frozenset({"relcl", "acl", "advcl"})
#: Punctuation inside a phrase before its head: hyphens, possessives and the brackets of an
#: abbreviation ("the Free Coast Front *(FCF)* fighters")
_INNER_PUNCT = frozenset({"HYPH", "POS", "-LRB-", "-RRB-"})


def phrase_words(
    head: Token, sectors: Mapping[str, str], lowest: int, ceiling: int
) -> tuple[list[Token], list[Token], int, int]:
    """The phrase's words before the head and after it, and its first and last token: it
    starts at ``lowest`` at the earliest and ends before ``ceiling``."""
    doc = head.doc
    leftmost = head.left_edge.i
    left = [t for t in head.subtree if leftmost <= t.i <= head.i]
    left = [t for t in left if not _under(t, head, _LEFT_SKIP)]
    agent = head_sector(titles(left, head), head, sectors) is not None
    right_preps = _RIGHT_PREPS if agent or head.pos_ == "PROPN" else _OF
    right = [
        t
        for child in head.rights
        if child.dep_ in _RIGHT_DEPS
        and (child.dep_ != "prep" or child.lower_ in right_preps)
        and not outside_phrase(child)
        for t in child.subtree
        if not _under(t, child, _LEFT_SKIP)
    ]
    for child in head.rights:
        if child.dep_ == "acl" and child.lemma_ in words("led_by"):
            # "the government delegation, led by <its minister>"
            right.extend(t for t in child.subtree if t.i != child.i)
    # the contiguous words before the head, not what punctuation sets apart
    # ("NAIROBI, March 5 (Wire) -- Delegations ...")
    first = head.i
    edge = max(head.left_edge.i, lowest)
    while first - 1 >= edge and _in_run(doc[first - 1]):
        first -= 1
    left = [t for t in left if t.i >= first]
    # the words after the head that belong to the phrase ("the leader *of the network*",
    # "Idil Eser*, a rights activist*"), as far as they run on from it
    last = head.i
    after = {t.i for t in right}
    while last + 1 < ceiling and (
        last + 1 in after
        or (doc[last + 1].pos_ == "PUNCT" and last + 2 in after and last + 1 != head.i)
    ):
        last += 1
    return left, right, first, last


def head_sector(tokens: list[Token], head: Token, sectors: Mapping[str, str]) -> str | None:
    """The CAMEO sector the phrase's head noun or one of its title words (``tokens``) names
    (``sectors``: "police" -> COP), or None."""
    doc = head.doc
    before = doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i == head.i:
        # "coast guard" (MIL) is no plain "guard" (COP): the two words decide first
        sector = sectors.get(f"{before.lower_} {head.lemma_.lower()}")
        if sector is not None:
            return sector
        if head.lemma_.lower() in words("member"):
            # "union leaders", "party officials": the body they belong to says who they are
            sector = sectors.get(before.lemma_.lower()) or sectors.get(before.lower_)
            if sector is not None:
                return sector
    for t in (head, *reversed(tokens)):
        sector = sectors.get(t.lemma_.lower()) or sectors.get(t.lower_)
        if sector is not None:
            return sector
    return None


def outside_phrase(child: Token) -> bool:
    """A right-hand dependent that is no part of the actor's words: a floating quantifier
    ("Sosa and Lugo *both* urged"), or a preposition over a gerund clause, which is what the
    actor is said to have done ("accused the guards *of beating* prisoners")."""
    if child.dep_ == "appos" and child.lower_ in _FLOATING:
        return True
    return child.dep_ == "prep" and any(
        c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX") for c in child.children
    )


def _in_run(tok: Token) -> bool:
    """Whether a word before a phrase's head runs on into it: not a space, nor punctuation
    other than the phrase's own (hyphens, possessives, brackets)."""
    return not tok.is_space and (tok.pos_ != "PUNCT" or tok.tag_ in _INNER_PUNCT)


def titles(left: list[Token], head: Token) -> list[Token]:
    """Words before the head that can name its role: compounds ("riot *police*", "Foreign
    *Minister* X"), not adjectives ("a *military* offensive" is no army)."""
    return [t for t in left if t.head.i == head.i and t.dep_ in ("compound", "nmod", "poss")]


def _under(tok: Token, top: Token, deps: frozenset[str]) -> bool:
    """Whether ``tok`` hangs below ``top`` through one of ``deps``."""
    while tok.i != top.i:
        if tok.dep_ in deps:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
