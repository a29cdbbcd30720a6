"""``find_quotes``: direct, mixed and reported speech in a parsed body, with speakers.

1. Quotation marks (``marks``) give direct quotes; titles and scare quotes are dropped; a
   quoted transcript is cut at each speaker label ("WALLACE: …").
2. Cues in the parse (``cues``: verbs and nouns of the lexicon) give reported speech and the
   speakers of direct quotes; ``drafts`` ties marks to cues: a quote inside a cue's content is
   that cue's (mixed when the content has words of its own), "A," he said. "B." is one quote.
3. A direct quote with no cue takes a cue next to it, a speaker label, a name after a dash, a
   sentence ending with a colon before it, or — by the news convention — continues the quote
   that ends the paragraph before when it fills its own paragraph.
4. Speakers: a resolver from another stage (``SpeakerResolver``, e.g. the actors stage) names
   them when it can; otherwise pronouns resolve to the nearest compatible preceding person
   and names widen to the article's earlier full mention ("Lindqvist" → "Anna Lindqvist");
   "it", "the organization" and "the service" point back to an organisation or an earlier
   speaker, and a phrase that cannot speak ("the conditions") is no speaker (``references``).

Every step is linear in the document (one pass over tokens, lookups per quote).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dateline.actors.coref import asked_about, reported_by, told_by_same
from dateline.actors.roles import RoleTable
from dateline.nlp import text_of
from dateline.quotes.content import OWN_SUBJECTS
from dateline.quotes.cues import Report, find_reports
from dateline.quotes.drafts import (
    MIN_MIXED_WORDS,
    MIN_MIXED_WORDS_ATTRIBUTION,
    Draft,
    attach,
    held_term,
    merge_split,
    speaks_as_itself,
)
from dateline.quotes.edges import refine
from dateline.quotes.lexicon import Lexicon, default_lexicon
from dateline.quotes.marks import Marked, find_marked, paragraphs, split_labelled, words
from dateline.quotes.members import group_member
from dateline.quotes.model import Quote, Speaker, SpeakerResolver
from dateline.quotes.references import (
    ABSTRACT_ENDINGS,
    can_speak,
    fuller_mention,
    issued_mention,
    officials_of,
    owned_name,
    place_owned,
    refers_back,
    reported_by_name,
    voted_by,
    without_article,
    written_before,
    written_name,
)
from dateline.quotes.speakers import (
    NOT_PEOPLE,
    PERSON_PRONOUNS,
    Cast,
    is_pronoun,
    owns_only,
    served,
    speaker_phrase,
    undated,
)
from dateline.quotes.titles import (
    description_title,
    epithet_person,
    identified_later,
    leader_of,
    named_next,
    other_place,
    people_of_place,
    titled_otherwise,
    titled_person,
    widen_org,
)
from dateline.quotes.units import Unit, as_quotations, split_quotations

_RELATIVE = frozenset({"who", "which", "that"})
#: Words that open a phrase introducing someone not named before ("a resident", "one nurse").
_INDEFINITE = frozenset({"a", "an", "one", "another"})
#: Entity types of named bodies and places that speak together ("France and Germany said").
_BODIES = frozenset({"GPE", "ORG"})
#: Endings of the words that name a whole people ("the French", "the British", "the Japanese",
#: "the Swiss"), not one person of it ("the Norwegian", "the Briton", "the Israeli").
_A_WHOLE_PEOPLE = ("ch", "sh", "ese", "s")
#: Words a direct quote with no speaker needs to be kept.
MIN_UNATTRIBUTED_WORDS = 8


def find_quotes(
    doc: Doc,
    resolver: SpeakerResolver | None = None,
    *,
    in_caption: bool = False,
    lexicon: Lexicon | None = None,
    unit: Unit = "quotation",
    learned_edges: bool = True,
) -> list[Quote]:
    """Quotes of a parsed body (paragraphs separated by blank lines), in text order.

    ``resolver`` names speakers from another stage (see ``SpeakerResolver``); ``in_caption``
    marks every quote found as coming from a photo caption. ``unit`` is what one quote is
    (``units``): a reader's quotation (the record's), or a corpus's attribution (PolNeAR's),
    whose content edges the learned chooser (``edges``) then draws unless ``learned_edges``
    is False (to gather the rules' edges for fitting it)."""
    lexicon = lexicon or default_lexicon()
    text = text_of(doc)
    every, marked, quoted = _quotation_marks(doc, text)
    # a title or a term in marks speaks no more than a quote does ("said on CNN's "X"")
    unspoken = _within(doc, [m for m in every if m.kind != "quote"], quoted)
    reports = find_reports(
        doc, text, quoted, lexicon, asides=unit == "quotation", unspoken=unspoken
    )
    marked = split_attributed(text, marked, reports)
    owner: dict[int, int] = {}  # token index -> index into marked
    for n, m in enumerate(marked):
        span = doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if span is not None:
            owner.update((i, n) for i in range(span.start, span.end))
    min_mixed = MIN_MIXED_WORDS if unit == "quotation" else MIN_MIXED_WORDS_ATTRIBUTION
    drafts = merge_split(text, attach(doc, text, marked, owner, reports, min_mixed))
    if unit == "attribution":
        # PolNeAR marks no short quoted term that only an ordinary verb's phrase holds
        # ("placed in a "liquidating trust""); the article gold counts such fragments
        drafts = [d for d in drafts if not held_term(text, d)]
    if unit == "quotation":
        drafts = as_quotations(doc, drafts, lexicon.speech_kinds)
    quoted_chars = [(m.outer_start, m.outer_end) for m in marked]
    names = _Names(doc, Cast(doc, text, quoted_chars), resolver, lexicon, unit)
    out: list[Quote] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        quote = _finish(doc, text, draft, names, out)
        if quote is not None and quote.speaker is None and out:
            quote.speaker = _same_subject(doc, quote, out[-1])
        if quote is not None:
            quote.in_caption = in_caption
            out.append(quote)
    out = _continue_paragraphs(text, out, names)
    out = [q for q in out if q.speaker is not None or _kept(text, q)]
    if unit == "quotation":
        return split_quotations(text, out)
    return refine(doc, text, out, quoted, lexicon.cues) if learned_edges else out


def token_quoted(doc: Doc) -> list[bool]:
    """For each token, whether it lies inside quotation marks (as ``find_quotes`` reads them)."""
    return _quotation_marks(doc, text_of(doc))[2]


def _quotation_marks(doc: Doc, text: str) -> tuple[list[Marked], list[Marked], list[bool]]:
    """Every marked span of the text (quotes, titles, terms), the quotations among them split
    at transcript labels, and for each token whether it lies inside one of those."""
    every = find_marked(text)
    marked = split_labelled(text, [m for m in every if m.kind == "quote"])
    return every, marked, _within(doc, marked)


def _same_subject(doc: Doc, quote: Quote, before: Quote) -> Speaker | None:
    """The speaker of the quote before, for a participle cue of the same sentence that has no
    subject of its own (""…," she told them, adding "…"" when the parse hangs "adding" on
    the quote's words)."""
    if before.speaker is None or quote.cue_start is None:
        return None
    cue = doc.char_span(quote.cue_start, quote.cue_end or quote.cue_start + 1, "expand")
    if cue is None or cue[0].tag_ != "VBG" or before.start >= quote.cue_start:
        return None
    return before.speaker if before.start >= cue.sent.start_char else None


def split_attributed(text: str, marked: list[Marked], reports: list[Report]) -> list[Marked]:
    """A quote carried into the next paragraph (its mark left open) stops where a paragraph has
    an attribution of its own after one that had one: that paragraph is another speaker's turn
    ("…the vote. ¶ "I disagree," Jones said." after Smith said: "…")."""
    starts = [a for a, _ in paragraphs(text)]
    cued = {bisect.bisect_right(starts, r.cue_start) - 1 for r in reports if r.source is not None}
    out: list[Marked] = []
    for m in marked:
        if len(m.segments) == 1:
            out.append(m)
            continue
        current = Marked([m.segments[0]], m.kind)
        attributed = any(_introduces(text, r, m.outer_start) for r in reports)
        for seg in m.segments[1:]:
            here = bisect.bisect_right(starts, seg.start) - 1 in cued
            if here and attributed:
                out.append(current)
                current = Marked([seg], m.kind)
            else:
                current.segments.append(seg)
            attributed = attributed or here
        out.append(current)
    return out


def _introduces(text: str, report: Report, mark: int) -> bool:
    """Whether a cue introduces the quote opening at ``mark`` ("Brandt said: "…"): it stands
    before the mark in the same sentence and paragraph."""
    if report.source is None or report.cue_end > mark:
        return False
    between = text[report.cue_end : mark]
    return not any(c in between for c in ".!?\n")


def _kept(text: str, quote: Quote) -> bool:
    """Whether a quote with no speaker is still reported: a cue's direct or reported speech
    (the passive "it was reported that …" has none), or a quote that stands alone."""
    if quote.kind == "indirect" and len(words(quote.text)) < MIN_UNATTRIBUTED_WORDS:
        return False  # a reported fragment nobody is said to have said
    return (quote.cue is not None and quote.kind != "mixed") or _stands_alone(text, quote)


def _within(doc: Doc, marks: list[Marked], flags: list[bool] | None = None) -> list[bool]:
    """For each token, whether it lies inside one of ``marks`` (or is set in ``flags``)."""
    out = list(flags) if flags is not None else [False] * len(doc)
    for m in marks:
        span = doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if span is not None:
            out[span.start : span.end] = [True] * len(span)
    return out


def _stands_alone(text: str, quote: Quote) -> bool:
    """Whether a quote nobody is said to have said is still worth reporting: whole sentences
    of some length, not a phrase in someone else's sentence (those are mostly scare quotes)."""
    if len(words(quote.text)) < MIN_UNATTRIBUTED_WORDS:
        return False
    before = text[: quote.start].rstrip(" \t\"“”'‘«„\x00")
    return not before or before[-1] in ".!?:\n—―-"


def _finish(doc: Doc, text: str, draft: Draft, names: _Names, earlier: list[Quote]) -> Quote | None:
    if draft.kind != "direct":
        # reported words with the cue clause cut out: no piece of bare punctuation, no comma
        # left hanging where the clause was ("the knife was found, according to X.")
        kept = [(a, b) for a, b in draft.spans if words(text[a:b])]
        if kept:
            a, b = kept[-1]
            kept[-1] = (a, a + len(text[a:b].rstrip(" ,;:—–")))
            draft = Draft(draft.kind, kept, draft.report, draft.marked)
    pieces = [text[a:b].strip() for a, b in draft.spans]
    body = " ".join(p for p in pieces if p)
    if not words(body):
        return None
    first = doc.char_span(draft.start, draft.start + 1, alignment_mode="expand")
    last = doc.char_span(max(draft.end - 1, draft.start), draft.end, alignment_mode="expand")
    if first is None or last is None:
        sentence = body
    else:
        sentence = text[first.sent.start_char : last.sent.end_char].strip()
    report = draft.report
    speaker = None
    if report is not None and report.source is not None:
        speaker = names.speaker(report.source, earlier)
    return Quote(
        text=body,
        kind=draft.kind,
        start=draft.start,
        end=draft.end,
        sentence=sentence,
        speaker=speaker,
        cue=report.cue_text if report else None,
        cue_start=report.cue_start if report else None,
        cue_end=report.cue_end if report else None,
        spans=list(draft.spans),
    )


class _Names:
    """Speaker phrases to speakers: the resolver's answer when it has one, else our own."""

    def __init__(
        self,
        doc: Doc,
        cast: Cast,
        resolver: SpeakerResolver | None,
        lexicon: Lexicon,
        unit: Unit = "quotation",
    ) -> None:
        self.unit = unit
        self.doc = doc
        self.text = cast.text
        self.cast = cast
        self.resolver = resolver
        self.lexicon = lexicon
        self.paragraphs = paragraphs(cast.text)
        self._starts = [a for a, _ in self.paragraphs]

    def speaker(self, phrase: Span, earlier: list[Quote]) -> Speaker | None:
        """The speaker a phrase names, or None when the phrase cannot speak ("the conditions")."""
        start, end = phrase.start_char, phrase.end_char
        target = _antecedent(phrase)
        pair = self._they_together(target)
        if pair is not None:
            return Speaker(pair, phrase.text, start, end)  # "X and Y met. They said …"
        member = group_member(self.doc, target, earlier)
        if member is not None:
            return Speaker(member, phrase.text, start, end)  # "a second official" of a group
        back = refers_back(self, target, earlier)
        if back is not None:
            return Speaker(back.name, phrase.text, start, end, back.entity)
        unnamed = self._unnamed_before(target, earlier)
        if unnamed is not None:
            return Speaker(unnamed.name, phrase.text, start, end, unnamed.entity)
        subject = self._described_subject(target)
        if subject is not None:
            return Speaker(subject, phrase.text, start, end, self._resolve_person(subject))
        national = self._national(target, earlier)
        if national is not None:
            return Speaker(national[0], phrase.text, start, end, national[1])
        together = self._together(target)
        if together is not None:
            return together
        author = reported_by_name(target, self.lexicon)
        if author is not None:
            name, entity = self.name_of(author)  # "a report by X": X reports it
            return Speaker(name, phrase.text, start, end, entity)
        if self.unit == "quotation" and len(target) == 1 and target[0].lower_ == "it":
            # "…," it read: the memo named before; "it was reported that …", or an "it"
            # nothing named before stands for: no name (PolNeAR's attributions mark the "it"
            # itself as the source)
            written = written_before(self, target)
            if written is None:
                return None
            return Speaker(written_name(written.root), phrase.text, start, end)
        leader = leader_of(self.cast, target)
        if leader is not None:
            # "the union leader": the person named before as the union's head, whom a
            # resolver reading titles alone may miss
            name, entity = self.name_of(leader)
            if entity is None:
                name = self.cast.full_name(leader)
            return Speaker(name=name, text=phrase.text, start=start, end=end, entity=entity)
        name, entity = self._own(target, earlier)
        if self.resolver is not None:
            found = self.resolver.resolve(target.start_char, target.end_char)
            owner = served(target)
            # "her spokesman", "a lawyer for X": the resolver may name the one served
            if (
                found is not None
                and owner is not None
                and self.resolver.resolve(owner.idx, owner.idx + len(owner)) == found
            ):
                found = None
            if found is not None and not self._fits_pronoun(target, found[1]):
                found = None  # "she" for a man's name: the actors stage joined two namesakes
            found = self._head_person(target, found)
            if found is not None:
                entity, name = found
                # a name never runs over a paragraph break (a mention the model drew across
                # one, "X. ¶ Israel"): the speaker is the part in the phrase's paragraph
                name = name.rsplit("\n", 1)[-1].strip() or name
                name, entity = self._person_named(target, name, entity, earlier)
                if people_of_place(target, name):
                    name, entity = undated(target), None  # "Some Germans": not Germany
        # "Harbour Policy" cut from its name; "the judge" the actors stage did not place
        fuller = widen_org(self.cast, target)
        if fuller is None and entity is None:
            fuller = (
                titled_person(self.cast, target)
                or epithet_person(self.cast, target)
                or named_next(self.cast, target)
                or identified_later(self.cast, target)
            )
        if fuller is not None:
            name, entity = self.name_of(fuller)
            if fuller.label_ == "PERSON" and entity is None:
                name = self.cast.full_name(fuller)
            return Speaker(name=name, text=phrase.text, start=start, end=end, entity=entity)
        described = self._described_before(target, earlier) if entity is None else None
        if described is not None:
            return Speaker(described[0], phrase.text, start, end, described[1])
        root = target.root
        inside = all(word in target.text for word in name.split())
        if (
            entity is not None
            and root.lower_ not in name.lower()
            and (
                root.tag_ == "NNS" or (root.pos_ == "NOUN" and (inside or speaks_as_itself(target)))
            )
        ):
            # "Associated Press journalists", "a Defense Ministry spokesman": people of the
            # organisation the phrase names, not the organisation
            name, entity = target.text, None
        elif (entity is None or name.split()[-1:] == [root.text]) and not any(
            t.ent_type_ == "PERSON" for t in target
        ):
            # "Gaza's Health Ministry"; "the ministry" resolved to "Syria's foreign ministry"
            name = place_owned(target) or owned_name(name)
        if entity is None and not can_speak(target, self.lexicon):
            return None
        if entity is None and name == target.text and description_title(target) is None:
            # "the statement" after "X said in a statement": X's statement; "the bill" after
            # "the Harbour County Council bill": the thing as named in full
            quoted = self.cast.quoted
            name = (
                issued_mention(target, quoted, self._said_by(earlier))
                or fuller_mention(target, quoted)
                or voted_by(target, quoted)
                or officials_of(target, quoted)
                or name
            )
        return Speaker(name=name, text=phrase.text, start=start, end=end, entity=entity)

    def _head_person(self, phrase: Span, found: tuple[str, str] | None) -> tuple[str, str] | None:
        """The person whose name heads a phrase that a body's name qualifies ("Harbour City
        manager Ana Ruiz", with the body's name longer or taken for a person's): the resolver
        may name the body, which only says whom the person works for."""
        root = phrase.root
        if found is None or self.resolver is None or root.pos_ != "PROPN":
            return found
        held = self.cast.person_holding(root)
        if held is None or held.start <= phrase.start or root.text in found[1].split():
            return found
        return self.resolver.resolve(held.start_char, held.end_char) or found

    def _fits_pronoun(self, phrase: Span, name: str) -> bool:
        """Whether a resolved name may stand for a he/she phrase (any name for any other
        phrase): a first name or honorific of the other gender says no."""
        if len(phrase) != 1 or phrase[0].lower_ not in {"he", "she"}:
            return True
        return self.cast.compatible(name, phrase[0].lower_)

    def _said_by(self, earlier: list[Quote]) -> dict[int, str]:
        """The head token of each earlier speaker phrase -> the name it was resolved to."""
        out: dict[int, str] = {}
        for quote in earlier:
            sp = quote.speaker
            if sp is None or sp.name == sp.text:
                continue
            span = self.doc.char_span(sp.start, sp.end, alignment_mode="expand")
            if span is not None:
                out[span.root.i] = sp.name
        return out

    def _person_named(
        self, phrase: Span, name: str, entity: str | None, earlier: list[Quote]
    ) -> tuple[str, str | None]:
        """A surname the model took for an organisation ("McDaniel" as ORG) is the person the
        article names in full with it, or the earlier speaker whose full name ends with it (a
        name the model took for an organisation's there too); any other resolved name stays."""
        one_word = len(phrase) == 1 or not any(t.whitespace_ for t in phrase[:-1])  # "Al-Rashidi"
        if not one_word or phrase[0].ent_type_ not in {"ORG", ""} or phrase[0].is_lower:
            return name, entity
        wider = self.cast.full_name(phrase)
        if len(wider.split()) > 1 and wider.split()[-1] == phrase.text == name:
            return wider, self._resolve_person(wider)
        if name == phrase.text:
            for quote in reversed(earlier):
                sp = quote.speaker
                words = sp.name.split() if sp is not None else []
                if sp is not None and len(words) > 1 and words[-1] == name and sp.text != name:
                    return sp.name, sp.entity
        return name, entity

    def _resolve_person(self, name: str) -> str | None:
        """The entity id the resolver gives the first mention of a person's full name."""
        k = self.text.find(name)
        if self.resolver is None or k < 0:
            return None
        found = self.resolver.resolve(k, k + len(name))
        return found[0] if found is not None and found[1] == name else None

    def _together(self, phrase: Span) -> Speaker | None:
        """People who speak together ("X, Y and Z wrote"), or named countries and bodies
        ("the United States and Britain urged"): their names, joined."""
        root = phrase.root
        heads = [root, *root.conjuncts]
        if len(heads) < 2 or any(h.pos_ != "PROPN" for h in heads):
            return None
        bodies = all(h.ent_type_ in _BODIES for h in heads)
        if not bodies and any(h.ent_type_ in NOT_PEOPLE for h in heads):
            return None
        heads.sort(key=lambda t: t.i)
        spans = [_own_words(h) for h in heads]
        names = []
        for head, span in zip(heads, spans, strict=True):
            if bodies:
                names.append(self.name_of(without_article(span))[0])
                continue
            found = self.resolver.resolve(span.start_char, span.end_char) if self.resolver else None
            if found is not None and head.text in found[1].split():
                names.append(found[1])
            else:
                names.append(self.cast.full_name(span))
        name = ", ".join(names[:-1]) + " and " + names[-1]
        a, b = spans[0].start_char, spans[-1].end_char
        return Speaker(name=name, text=self.text[a:b], start=a, end=b)

    def _they_together(self, phrase: Span) -> str | None:
        """The names a "they" stands for when the sentence before has named people, countries
        or bodies side by side as its subject ("X and Y met for an hour. They said …"): the
        names joined; None for any other phrase or sentence before."""
        if len(phrase) != 1 or phrase[0].lower_ != "they":
            return None
        doc = self.doc
        k = phrase[0].sent.start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0:
            return None
        before = doc[k].sent
        subject = next(
            (t for t in before if t.dep_ in OWN_SUBJECTS and t.head.i == before.root.i), None
        )
        if subject is None or not subject.conjuncts:
            return None
        together = self._together(doc[subject.left_edge.i : subject.right_edge.i + 1])
        return together.name if together is not None else None

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def name_of(self, span: Span) -> tuple[str, str | None]:
        """(name, entity id) of a span the article names, through the resolver when it knows."""
        if self.resolver is not None:
            found = self.resolver.resolve(span.start_char, span.end_char)
            if found is not None:
                return found[1], found[0]
        return span.text, None

    def _own(self, phrase: Span, earlier: list[Quote]) -> tuple[str, str | None]:
        if is_pronoun(phrase):
            if phrase[0].lower_ in PERSON_PRONOUNS:
                found = self._pronoun(phrase[0].lower_, phrase.start_char, earlier)
                if found is not None:
                    return found
            return phrase.text, None
        both = self.cast.the_two(phrase)
        if both is not None:
            return both, None
        if served(phrase) is not None:
            return undated(phrase), None  # "her spokesman", "a lawyer for X": not X
        person = self.cast.person_in(phrase) or self.cast.former_or_latter(phrase)
        if person is not None and owns_only(phrase, person):
            return undated(phrase), None  # "X's doctor" speaks, not X
        if person is None and all(t.pos_ == "PROPN" or t.text.istitle() for t in phrase):
            person = phrase  # a bare name the model did not tag PERSON here
        if person is None:
            return undated(phrase), None
        return self.cast.full_name(person), None

    def _national(self, phrase: Span, earlier: list[Quote]) -> tuple[str, str | None] | None:
        """The person "the Norwegian", "the Kenyan" or "the Kansas Republican" stands for, as
        news names someone just named by where they are from or their party: one the article
        described so (``epithet_person``), else the nearest person before it, as for a pronoun,
        unless their title names another place; None for any other phrase. A word that names
        a whole people ("the French", "the Japanese") is the country, not one of them."""
        if not 2 <= len(phrase) <= 3 or phrase[0].lower_ != "the":
            return None
        word = phrase[-1]
        if word.ent_type_ != "NORP" or not word.is_alpha or word.tag_ in {"NNS", "NNPS"}:
            return None
        if word.lower_.endswith(_A_WHOLE_PEOPLE) or phrase.root.i != word.i:
            return None
        if len(phrase) == 3 and not (phrase[1].is_title and phrase[1].ent_type_ in _BODIES):
            return None  # "the Kansas Republican", not "the local Republican"
        described = epithet_person(self.cast, phrase)
        if described is not None:
            return self.cast.full_name(described), None
        found = self._pronoun(None, phrase.start_char, earlier)
        if found is None or other_place(self.cast, phrase, found[0]):
            return None
        return found

    def _described_before(
        self, phrase: Span, earlier: list[Quote]
    ) -> tuple[str, str | None] | None:
        """The person a definite role or age description no title or apposition tied to a
        name stands for ("the minister", "the 22-year-old" when the article gave neither with a
        name): the nearest person before it, as for a pronoun, unless their title names another
        place; None for any other phrase."""
        if phrase[0].lower_ != "the" or self.cast.person_in(phrase) is not None:
            return None
        words = [t.lower_ for t in phrase]
        aged = "year" in words and any(t.like_num for t in phrase) and len(phrase) <= 7
        if not aged and (len(phrase) > 4 or description_title(phrase) is None):
            return None
        found = self._pronoun(None, phrase.start_char, earlier)
        if found is None or other_place(self.cast, phrase, found[0]):
            return None
        if titled_otherwise(self.cast, phrase, found[0]):
            return None  # "the judge" is not the defendant named before, "X, a banker"
        return found

    def _pronoun(
        self, pronoun: str | None, at: int, earlier: list[Quote]
    ) -> tuple[str, str | None] | None:
        """The nearest preceding compatible person outside quotation marks: a resolved
        speaker or a person subject, else any person mentioned. With no pronoun, any person
        is compatible."""
        cast = self.cast

        def fits(name: str) -> bool:
            return pronoun is None or cast.compatible(name, pronoun)

        best: tuple[int, str, str | None] | None = None
        for quote in reversed(earlier):
            sp = quote.speaker
            if sp is None or sp.end > at or (sp.name == sp.text and sp.text[:1].islower()):
                continue
            if fits(sp.name) and self._personal(sp):
                best = (sp.start, sp.name, sp.entity)
                break
        subjects = cast.subjects()
        k = bisect.bisect_left(subjects, (at, "", 0))
        said = self.doc.char_span(at, at + 1, alignment_mode="expand")
        teller = None if said is None else said[0]
        if teller is not None and teller.dep_ == "det":
            teller = teller.head  # a description ("the minister said") tells through its noun

        def reported(tok: Token) -> bool:
            """Whether a person's word lies in what the teller's verb reports: "X will
            resign, he said" and "police arrested X, the minister said" are about X."""
            return teller is not None and any(
                test(teller, tok) for test in (reported_by, asked_about, told_by_same)
            )

        while k > 0:
            k -= 1
            offset, name, _ = subjects[k]
            if best is not None and offset <= best[0]:
                break
            subject = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
            if subject is not None and reported(subject[0]):
                continue  # "X will resign, he said": X is what he reports, not him
            if fits(name):
                best = (offset, name, None)
                break
        if best is None:
            for ent in reversed(cast.people):
                if ent.end_char <= at and not reported(ent.root):
                    name = cast.full_name(ent)
                    if fits(name):
                        best = (ent.start_char, name, None)
                        break
        return (best[1], best[2]) if best is not None else None

    def last_subject(self, start: int, end: int) -> Speaker | None:
        """The last person who is a subject between two offsets, as a speaker."""
        subjects = self.cast.subjects()
        k = bisect.bisect_left(subjects, (end, "", 0)) - 1
        if k < 0 or subjects[k][0] < start:
            return None
        a, name, b = subjects[k]
        entity = None
        if self.resolver is not None:
            found = self.resolver.resolve(a, b)
            if found is not None:
                entity, name = found
        return Speaker(name=name, text=self.text[a:b], start=a, end=b, entity=entity)

    def last_named(self, end: int) -> Speaker | None:
        """The last person named outside quotation marks before ``end``, as a speaker."""
        ent = next((e for e in reversed(self.cast.people) if e.end_char <= end), None)
        if ent is None:
            return None
        name, entity = self.name_of(ent)
        if entity is None:
            name = self.cast.full_name(ent)
        return Speaker(
            name=name, text=ent.text, start=ent.start_char, end=ent.end_char, entity=entity
        )

    def after_sentence(self, start: int) -> Speaker | None:
        """The person who is the subject of the sentence right before a quote opening at
        ``start`` in the same paragraph, when the quote opens a sentence of its own."""
        before = self.text[:start].rstrip(" \t\"“‘'«„")
        if (
            not before
            or before[-1] not in ".!?:"
            or self.paragraph_of(len(before)) != (self.paragraph_of(start))
        ):
            return None
        last = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if last is None:
            return None
        lo = max(last[0].sent.start_char, self.paragraphs[self.paragraph_of(start)][0])
        return self.last_subject(lo, len(before))

    def _unnamed_before(self, phrase: Span, earlier: list[Quote]) -> Speaker | None:
        """The unnamed source a "he" or "she" stands for: the last speaker before it, in its
        paragraph or the one before, when that speaker is a person described and not named ("A
        senior official said …. "…," he said."; "X's sister said …. ¶ "…," she said."), no
        person is named between them, and nothing in the description says the other gender."""
        if len(phrase) != 1 or phrase[0].lower_ not in {"he", "she"}:
            return None
        last = next((q.speaker for q in reversed(earlier) if q.speaker is not None), None)
        if last is None or last.entity is not None or last.end > phrase.start_char:
            return None
        here = self.paragraph_of(phrase.start_char)
        if self.paragraph_of(last.start) not in {here, here - 1}:
            return None
        span = self.doc.char_span(last.start, last.end, alignment_mode="expand")
        if span is not None:
            span = _antecedent(span)  # "A nurse who asked not to be named described …"
        if span is None or not self._described_person(span):
            return None
        between = self.doc.char_span(last.end, phrase.start_char, alignment_mode="expand")
        if between is not None and any(
            self._names_someone(t) and not any(a <= t.idx < b for a, b in self.cast.quoted)
            for t in between
        ):
            return None
        gender = RoleTable.default().gender(span.text)
        if gender is not None and (gender == "m") != (phrase[0].lower_ == "he"):
            return None
        return last

    def _described_subject(self, phrase: Span) -> str | None:
        """The person a "he" or "she" stands for when the sentence before it, in its
        paragraph, has a description of a named person as its subject ("Asked about X, the
        striker smiled. "…," he said" after "striker Y"), which a resolver reading only names
        passes over; None otherwise."""
        if len(phrase) != 1 or phrase[0].lower_ not in {"he", "she"}:
            return None
        sent = phrase[0].sent
        if sent.start == 0:
            return None
        root = self.doc[sent.start - 1].sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN":
            return None
        if self.paragraph_of(subject.idx) != self.paragraph_of(phrase.start_char) or any(
            a <= subject.idx < b for a, b in self.cast.quoted
        ):
            return None
        words = speaker_phrase(subject)
        if words[0].lower_ != "the" or len(words) > 4:
            return None
        person = titled_person(self.cast, words) or epithet_person(self.cast, words)
        if person is None:
            return None
        name = self.cast.full_name(person)
        return name if self.cast.compatible(name, phrase[0].lower_) else None

    def _names_someone(self, tok: Token) -> bool:
        """Whether a word names a person: a PERSON word, or a surname the model tagged as
        something else after naming the person in full ("Rosa Quispe …. Quispe was not
        convinced", the second "Quispe" taken for an organisation)."""
        if tok.ent_type_ == "PERSON":
            return True
        if tok.pos_ != "PROPN" or tok.ent_type_ not in {"ORG", ""}:
            return False
        word = self.doc[tok.i : tok.i + 1]
        return self.cast.full_name(word) != tok.text

    def _described_person(self, span: Span) -> bool:
        """Whether a speaker phrase introduces one person with no name: an indefinite singular
        common noun, or one a name owns, that is no document, body or evidence ("a senior
        official", "a resident", "X's sister"). A definite one ("the businessman") may be a
        named person's epithet, and "his brother" leaves "he" to the owner."""
        root = span.root
        if root.pos_ != "NOUN" or root.tag_ != "NN" or root.ent_type_:
            return False
        owner = next((c for c in root.children if c.dep_ == "poss"), None)
        if span[0].lower_ not in _INDEFINITE and (owner is None or owner.pos_ != "PROPN"):
            return False
        lemma = root.lemma_.lower()
        lexicon = self.lexicon
        if RoleTable.default().role(lemma) is not None:
            return True  # "a senior official", "a company spokesman"
        if lemma in lexicon.speaker_nouns or lemma in lexicon.evidence_nouns:
            return False  # "the ministry", "the statement", "a poll"
        return lemma not in lexicon.org_references and not lemma.endswith(ABSTRACT_ENDINGS)

    def _personal(self, speaker: Speaker) -> bool:
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        return span is not None and (is_pronoun(span) or self.cast.person_in(span) is not None)


def _antecedent(phrase: Span) -> Span:
    """The phrase a relative pronoun stands for ("…, who said …": the antecedent), else the
    phrase itself."""
    if len(phrase) == 1 and phrase[0].lower_ in _RELATIVE:
        head = phrase[0].head
        if head.dep_ == "relcl" and head.head.i != head.i:
            return speaker_phrase(head.head)
    return phrase


def _asks(quote: Quote) -> bool:
    return quote.text.rstrip(" \"”’'.").endswith("?")


def _exchange(out: list[Quote], p: int, para_of: Callable[[int], int]) -> Speaker | None:
    """In an exchange (an interview, a hearing: two speakers in consecutive paragraphs, one of
    them asking), a quote alone in the next paragraph is the other side's turn: the speaker
    of the quote before the last."""
    if len(out) < 2:
        return None
    before, last = out[-2], out[-1]
    if before.speaker is None or last.speaker is None or before.speaker.name == last.speaker.name:
        return None
    if para_of(last.end) != p - 1 or para_of(before.end) != para_of(last.start) - 1:
        return None
    if not (_asks(before) or _asks(last)):
        return None
    return before.speaker


def _own_words(head: Token) -> Span:
    """A conjunct's own words: the head and what stands before it in its phrase ("Councillor
    Ana Ruiz"), without the other conjuncts."""
    lo = head.i
    for child in head.lefts:
        if child.dep_ in {"compound", "amod", "det", "poss", "nmod", "flat"}:
            lo = min(lo, child.left_edge.i)
    return head.doc[lo : head.i + 1]


#: What opens an interview's question or answer paragraph before its quotation mark.
_TURN = re.compile(r"\s*([QA])\s*:\s*[\"“‘']?\s*$")


def _continue_paragraphs(text: str, quotes: list[Quote], names: _Names) -> list[Quote]:
    """A quote alone in its paragraph, with no cue, continues the quote that ends the
    paragraph before (the news convention): it joins that quote, or takes its speaker when
    that one is a report; with no quote there, the last person who is a subject of the
    paragraph before is the speaker ("Howard went on." ¶ "…"). In an interview written as
    turns, an answer ('A: "…"') is the person named before the first turn; a question ('Q:
    "…"') is the unnamed interviewer's."""
    paras = paragraphs(text)
    starts = [a for a, _ in paras]

    def para_of(offset: int) -> int:
        n = bisect.bisect_right(starts, offset) - 1
        return n if n >= 0 and offset <= paras[n][1] else -1

    out: list[Quote] = []
    answers: list[Speaker] = []  # who answered an interview's questions ('A: "…"')
    turns = -1  # where the interview's first turn opens
    for quote in quotes:
        prev = out[-1] if out else None
        p = para_of(quote.start)
        if quote.speaker is not None or quote.kind != "direct" or p < 0:
            out.append(quote)
            continue
        a, b = paras[p]
        turn = _TURN.match(text[a : quote.start])
        if turn is not None and not words(text[quote.end : b]):
            # an interview's turn: a question, 'Q: "…"', is the interviewer's, whom the
            # article does not name; an answer, 'A: "…"', the interviewee's, named before
            # the first turn (or the answer before)
            turns = a if turns < 0 else turns
            if turn.group(1) == "A":
                quote.speaker = (
                    answers[-1]
                    if answers
                    else names.last_subject(0, turns) or names.last_named(turns)
                )
                if quote.speaker is not None:
                    answers.append(quote.speaker)
            out.append(quote)
            continue
        if words(text[a : quote.start] + text[quote.end : b]):
            # not alone in its paragraph: a quote opening a sentence after one whose subject
            # is a person is that person's ("Ruiz was blunt. "…"")
            quote.speaker = names.after_sentence(quote.start)
            out.append(quote)
            continue
        answered = _exchange(out, p, para_of)
        if answered is not None:
            quote.speaker = answered  # a question and its answer: the other side speaks
        elif prev is not None and prev.speaker is not None and para_of(prev.end) == p - 1:
            if prev.kind == "direct":
                prev.spans.extend(quote.spans)
                prev.text = f"{prev.text} {quote.text}"
                prev.end = quote.end
                continue
            quote.speaker = prev.speaker
        elif p > 0 and (prev is None or para_of(prev.end) < p - 1):
            quote.speaker = names.last_subject(*paras[p - 1])
        out.append(quote)
    return out
