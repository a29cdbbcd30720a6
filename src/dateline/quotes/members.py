"""Unnamed sources that are members of a group a quote named before.

News that attributes to a qualified group ("Harbour officials monitoring the talks said")
goes on with its members unqualified: "a second official", "a third official", "one of the
officials". They are the same group's members, and a reader names them so: "a second Harbour
official", "one of the Harbour officials". The qualifiers are the words before the group's
noun that say whose or which they are (a nationality, a place, a body, a kind: "Harbour",
"Indian", "health"), not how many ("two", "several", "multiple") or in what manner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from dateline.quotes.model import Quote

#: Words that single out one more member of a group already quoted ("a second official").
_NEXT = frozenset({"second", "third", "fourth", "fifth", "sixth", "another"})
_ARTICLES = frozenset({"a", "an"})
#: Entity types of a word that says whose a group is ("Indian officials").
_NAME_TYPES = frozenset({"NORP", "GPE", "ORG", "LOC"})
#: Premodifiers of a group's noun that qualify it ("Indian officials", "health officials").
_QUALIFYING = frozenset({"amod", "compound", "nmod"})
#: Premodifiers that count the group rather than say whose it is ("multiple intelligence
#: sources" are intelligence sources).
_COUNTS = frozenset(
    {
        "many",
        "several",
        "some",
        "other",
        "few",
        "various",
        "numerous",
        "multiple",
        "more",
        "most",
        "both",
        "two",
        "three",
        "four",
    }
)


def group_member(doc: Doc, phrase: Span, earlier: list[Quote]) -> str | None:
    """How a member of a group quoted before is named ("a second official" after "Harbour
    officials said" → "a second Harbour official"; "one of the officials" → "one of the
    Harbour officials"); None for any other phrase, or when no earlier speaker phrase is a
    qualified plural of the same noun."""
    found = _member_noun(phrase)
    if found is None:
        return None
    noun, lead = found
    group = _qualified_group(doc, noun, phrase.start_char, earlier)
    if group is None:
        return None
    if lead == "of":
        return f"one of the {group} {noun.text}"
    return f"{lead} {group} {noun.text}"


def _member_noun(phrase: Span) -> tuple[Token, str] | None:
    """(the common noun, the words before the group's name) of "a second official" /
    "another official" (("official", "a second") / ("official", "another")) or of "one of the
    officials" (("officials", "of")); None for any other phrase."""
    toks = list(phrase)
    if toks and toks[0].lower_ in _ARTICLES:
        toks = toks[1:]
    if len(toks) == 2 and toks[0].lower_ in _NEXT and toks[1].tag_ == "NN":
        lead = phrase[: len(phrase) - 1].text
        return toks[1], lead
    root = phrase.root
    if root.lower_ != "one" or phrase[0].i != root.i:
        return None
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.tag_ != "NNS":
            return None
        before = [t for t in obj.lefts]
        if [t.lower_ for t in before] != ["the"]:
            return None  # "one of the Harbour officials" already says whose
        return obj, "of"
    return None


def _qualified_group(doc: Doc, noun: Token, before: int, earlier: list[Quote]) -> str | None:
    """The qualifiers of the nearest earlier speaker phrase that is a plural of ``noun``'s
    lemma with words saying whose it is ("Harbour" of "Harbour officials monitoring the
    talks"), past "the officials" (the same group again); None when the nearest other such
    phrase has none ("officials said") or there is none."""
    lemma = noun.lemma_.lower()
    for quote in reversed(earlier):
        sp = quote.speaker
        if sp is None or sp.start >= before:
            continue
        span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.tag_ != "NNS" or root.lemma_.lower() != lemma:
            continue
        words = _qualifiers(root)
        if words:
            return " ".join(words)
        if span[0].lower_ != "the":
            return None  # "officials said": a group of its own, not qualified
        # "the officials" points back to the group named before: go on to it
    return None


def _qualifiers(root: Token) -> list[str]:
    """The words before a group's noun that say whose or which it is: names, nationalities
    and places ("Harbour", "Indian") and the nouns of its kind ("health", "intelligence");
    not adjectives of manner ("passionate") or words that count it."""
    lo = root.i
    for child in root.lefts:
        if child.dep_ in _QUALIFYING:
            lo = min(lo, child.left_edge.i)
    return [
        t.text
        for t in root.doc[lo : root.i]
        if t.lower_ not in _COUNTS
        and (t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES or t.dep_ == "compound")
        and t.pos_ not in {"DET", "PUNCT", "NUM"}
    ]
