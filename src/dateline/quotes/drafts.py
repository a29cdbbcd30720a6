"""Drafts of quotes: quotation marks and cues tied together before speakers are resolved.

A quote inside a cue's content is that cue's; when the content has words of its own around the
quote, the whole content is one mixed quote, and several quotes in one content are one quote.
A direct quote no cue claims takes a transcript label ("PENCE: …"), a name after a dash, the
cue next to it or in its sentences, or the verb whose phrase holds it. "A," he said. "B."
becomes one quote, also when the narration between has cues of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from dateline.actors.roles import RoleTable
from dateline.quotes.cues import Report
from dateline.quotes.lexicon import Cue, default_lexicon
from dateline.quotes.marks import LABEL, Marked, words
from dateline.quotes.model import QuoteKind
from dateline.quotes.speakers import PERSON_PRONOUNS, speaker_phrase, subject_of

#: Words of a cue clause after which a second quote with no cue continues the first.
_MAX_CLAUSE_WORDS = 40
#: Words between a quote and a cue outside its sentence for them to belong together.
_MAX_ADJACENT_WORDS = 3
#: A reported content needs this many words of its own to stand as a quote, unless it is one
#: proper name: whom or what a cue targets ("the mayor attacked Ortiz", "she endorsed Lind"),
#: of which nearly half are a gold content on PolNeAR's training split (89 of 202 added; a
#: lone pronoun, about a quarter).
MIN_CONTENT_WORDS = 2
#: Words of its own (outside marks) a cue's content needs around a quote to make it mixed: a
#: reader's quotation keeps "said that "…"" direct; an attribution (PolNeAR's unit) counts the
#: "that" or the subject before the marks as part of what is reported ("said he "…"").
MIN_MIXED_WORDS = 2
MIN_MIXED_WORDS_ATTRIBUTION = 1
#: The kind of a cue made from the verb whose phrase holds a quote no speech cue claimed.
HOLDING = "holding"


@dataclass(slots=True)
class Draft:
    kind: QuoteKind
    spans: list[tuple[int, int]]
    report: Report | None = None
    marked: list[Marked] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def attach(
    doc: Doc,
    text: str,
    marked: list[Marked],
    owner: dict[int, int],
    reports: list[Report],
    min_mixed: int = MIN_MIXED_WORDS,
) -> list[Draft]:
    drafts: list[Draft] = []
    taken: set[int] = set()  # indices of marked quotes already part of a draft
    direct_cue: dict[int, Report] = {}
    # inner reports first: a quote inside a nested report ("said …, and replied, "…"") is the
    # inner cue's, and the outer report keeps only its own words
    for report in sorted(reports, key=lambda r: len(r.content)):
        claimed = taken | set(direct_cue)
        content = [i for i in report.content if owner.get(i, -1) not in claimed]
        inside = {owner[i] for i in content if i in owner}
        own = [i for i in content if i not in owner and not doc[i].is_punct]
        if not inside:
            # a wh-word object before the cue ("what she called a plan") adds no word of the
            # speaker's to a fragment
            own = [i for i in own if i > report.cue.i or doc[i].tag_ not in {"WDT", "WP"}]
            if len(own) >= MIN_CONTENT_WORDS or (len(own) == 1 and doc[own[0]].pos_ == "PROPN"):
                drafts.append(Draft("indirect", char_spans(doc, content), report))
            continue
        if len(own) >= min_mixed:
            spans = char_spans(doc, content)
            for n in inside:
                spans = _union(spans, [(s.start, s.end) for s in marked[n].segments])
            drafts.append(Draft("mixed", spans, report, [marked[n] for n in sorted(inside)]))
            taken |= inside
            continue
        for n in inside:
            direct_cue.setdefault(n, report)
    last: Draft | None = None
    for n, m in enumerate(marked):
        if n in taken:
            continue
        spans = [(s.start, s.end) for s in m.segments]
        shared = direct_cue.get(n)
        if (
            shared is not None
            and last is not None
            and last.report is shared
            and (m.outer_start >= shared.cue_end) == (last.start >= shared.cue_end)
        ):
            # several quotes in one report ("called the plan "reckless" and "late"") are one quote
            last.spans.extend(spans)
            last.marked.append(m)
            continue
        if _interview_turn(text, m):
            # 'Q: "…"', 'A: "…"': the turn's speaker is the interview's (see finder)
            last = Draft("direct", spans, None, [m])
            drafts.append(last)
            continue
        label = _label_speaker(doc, text, m)
        if label is not None:
            spans[0] = (label.cue_end + 1, spans[0][1])
        cue = (
            label
            or _documents_words(doc, m)
            or shared
            or _nearest_cue(doc, text, m, reports, owner)
        )
        last = Draft("direct", spans, cue, [m])
        drafts.append(last)
    return drafts


#: An interview's question or answer label opening the paragraph before a quotation mark.
_TURN = re.compile(r"(?:\A|\n)[ \t]*[QA][ \t]*:[ \t]*\Z")


def _interview_turn(text: str, m: Marked) -> bool:
    """Whether a quote is an interview's question or answer ('Q: "…"', 'A: "…"')."""
    return _TURN.search(text, max(0, m.outer_start - 8), m.outer_start) is not None


def _nearest_cue(
    doc: Doc, text: str, m: Marked, reports: list[Report], quoted: dict[int, int]
) -> Report | None:
    """The cue of a direct quote no cue's content claimed: one in the quote's sentences (outside
    marks), one right next to the quote in its paragraph ("…?" Clinton said.), or the verb whose
    phrase holds the quote ("Vitter demanded: …", "condemned the test as "…"")."""
    dashed = _dash_speaker(doc, text, m)
    if dashed is not None:
        return dashed
    first = doc.char_span(m.start, m.start + 1, alignment_mode="expand")
    last = doc.char_span(max(m.end - 1, m.start), m.end, alignment_mode="expand")
    if first is None or last is None:
        return None
    lo, hi = first.sent.start_char, last.sent.end_char
    introduced = text[: m.outer_start].rstrip().endswith(":")
    if introduced:
        # "The minister said:" then the quote, parsed as a sentence of its own
        colon = doc.char_span(m.outer_start - 1, m.outer_start, alignment_mode="expand")
        before = doc[colon.start - 1].sent if colon is not None and colon.start > 0 else None
        lo = min(lo, before.start_char) if before is not None else lo
        owned = _said_noun(doc, colon) if colon is not None else None
        if owned is not None:
            return owned
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    inside = {t.i for t in span} if span is not None else set()
    best: tuple[tuple[int, int, bool, int], Report] | None = None
    for report in reports:
        if report.cue_start > hi + 200 or report.cue_end < lo - 200:
            continue
        after = report.cue_start >= m.outer_end
        between = (
            text[m.outer_end : report.cue_start] if after else text[report.cue_end : m.outer_start]
        )
        gap = len(words(between))
        if report.source is not None:
            root = report.source.root  # the whole subject, with what commas set off
            a, b = root.left_edge.idx, root.right_edge.idx + len(root.right_edge.text)
            if (after and m.outer_end <= a and b <= report.cue_start) or (
                not after and report.cue_end <= a and b <= m.outer_start
            ):
                gap -= len(words(text[a:b]))  # ""…" a narrator in the ad asks": the speaker
        adjacent = "\n" not in between and gap <= _MAX_ADJACENT_WORDS
        if not (lo <= report.cue_start < hi or adjacent):
            continue
        if "\n" in between and not (introduced and not after and between.rstrip().endswith(":")):
            continue  # a cue stays in its paragraph, but "He told the crowd:" ¶ "…"
        others = [i for i in report.content if i not in inside and not doc[i].is_punct]
        busy = len(others) >= MIN_CONTENT_WORDS  # the cue reports something else too
        governs = report.cue.left_edge.i <= min(inside, default=-1) <= report.cue.right_edge.i
        # prefer a cue whose phrase holds the quote, then one reporting nothing else, then one
        # with a speaker, then near
        rank = (0 if governs else 1, 1 if busy else 0, report.source is None, len(between))
        if best is None or rank < best[0]:
            best = (rank, report)
    if best is not None:
        return best[1]
    return _governing_verb(doc, text, m, inside, quoted) or _said_just_before(doc, text, m, quoted)


def _said_just_before(doc: Doc, text: str, m: Marked, quoted: dict[int, int]) -> Report | None:
    """ "The message from the ministry was clear. "…"": a sentence of its paragraph whose
    subject is a noun for words said, right before a quote with no cue of its own, introduces
    it as a colon would."""
    before = text[: m.outer_start].rstrip(" \t")
    if not before.endswith((".", ":")) or before.endswith("\n"):
        return None
    stop = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    return _said_noun(doc, stop, quoted) if stop is not None else None


def _documents_words(doc: Doc, m: Marked) -> Report | None:
    """A quote that holds its own verb whose subject speaks as itself, a document above all
    ("The resolution, backed by 120 countries, "calls upon …"", "X's draft, which was voted
    down, would have "barred …""): its words, not those of the cue beside or around them."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    held = _quoted_verb(doc, m, {t.i for t in span if not t.is_punct})
    if held is None or held.source is None or not speaks_as_itself(held.source):
        return None
    return held


def speaks_as_itself(source: Span) -> bool:
    """Whether a phrase's head is a speaker noun (``speaker_nouns.tsv``) that is no person's
    title and no body's word: a document ("resolution", "draft", "statement"), a campaign, a
    source. Such a phrase speaks as itself, not as a person or body named in it ("The X
    campaign", "a report released by the governor's office"); a relative pronoun stands for
    its antecedent."""
    root = source.root
    if root.lower_ in {"that", "which"} and root.head.dep_ == "relcl":
        root = root.head.head
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or lemma not in default_lexicon().speaker_nouns:
        return False
    roles = RoleTable.default()
    return roles.role(lemma) is None and roles.org_sector(lemma) is None


#: Prepositions whose object owns the words a noun names ("the reply from X", "the verdict of X").
_OWNING = frozenset({"from", "of"})


def _said_noun(doc: Doc, colon: Span, quoted: dict[int, int] | None = None) -> Report | None:
    """ "Her answer was short: "…"", "The reply from the ministry: "…"": a noun for words said
    (``said_nouns.tsv``), the subject of the clause before the colon or that clause itself,
    introduces the quote; its possessor, or the object of its "from" or "of", speaks."""
    said = default_lexicon().said_nouns
    sent = doc[colon.start - 1].sent if colon.start > 0 else None
    if sent is None:
        return None
    for noun in doc[sent.start : colon.start]:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in said or noun.i in (quoted or {}):
            continue  # a word of an earlier quote ("'My advice was …,' X recalled.") says nothing
        subject = noun.dep_ == "nsubj" and (noun.head.lemma_ == "be" or noun.head.i > colon.start)
        if not (noun.dep_ == "ROOT" or subject):
            continue  # the verb of the clause is "be", or the quote's own (a parse over the colon)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            source = next((c for c in noun.children if c.lower_ in _OWNING), None)
            owner = next((c for c in source.children if c.dep_ == "pobj"), None) if source else None
        if owner is None:
            continue
        entry = Cue(noun.lemma_.lower(), "say", frozenset({"quote"}))
        start, end = noun.idx, noun.idx + len(noun.text)
        return Report(noun, entry, noun.text, start, end, speaker_phrase(owner), [])
    return None


def _label_speaker(doc: Doc, text: str, m: Marked) -> Report | None:
    """ "MODERATOR: Let me ask, …": a transcript's speaker label opening the quote."""
    found = LABEL.match(text, m.start)
    if found is None or found.end() >= m.segments[0].end:
        return None
    name = doc.char_span(found.start(1), found.end(1), alignment_mode="contract")
    if name is None or not len(name):
        return None
    entry = Cue(":", "say", frozenset({"quote"}))
    return Report(name[0], entry, ":", found.end(1), found.end(1), name, [])


_DASH = re.compile(r"[^\S\n]*(?:―|—|–|--?)[^\S\n]*(?=[A-Z])")


def _dash_speaker(doc: Doc, text: str, m: Marked) -> Report | None:
    """ "…" ― Carla Sanchez: a name after a dash that follows the quote on the same line."""
    found = _DASH.match(text, m.outer_end)
    if found is None:
        return None
    start = found.end()
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    span = doc.char_span(start, stop, alignment_mode="contract")
    if span is None or not len(span):
        return None
    end = span.start
    while end < span.end and (span.doc[end].pos_ == "PROPN" or span.doc[end].text.istitle()):
        end += 1
    if end == span.start or end - span.start > 4:
        return None
    name = doc[span.start : end]
    dash = text[found.start() : found.end()].strip()
    entry = Cue(dash, "say", frozenset({"quote"}))
    return Report(name[0], entry, dash, found.start(), found.end(), name, [])


def _quoted_verb(doc: Doc, m: Marked, inside: set[int]) -> Report | None:
    """A quote that holds its own verb, the subject outside before the marks ("The
    resolution "demands an immediate halt"", "The ruling "cannot stand""): the words are the
    subject's."""
    roots = [i for i in inside if doc[i].head.i not in inside or doc[i].head.i == i]
    if len(roots) != 1 or doc[roots[0]].pos_ not in {"VERB", "AUX"}:
        return None
    verb = doc[roots[0]]
    subject = subject_of(verb)
    if subject is None or subject.i in inside or subject.i > min(inside):
        return None
    if "\n" in doc[subject.i : min(inside)].text_with_ws:
        return None
    entry = Cue(verb.lemma_, HOLDING, frozenset({"quote"}))
    start, end = verb.idx, verb.idx + len(verb.text)
    return Report(verb, entry, verb.text, start, end, speaker_phrase(subject), [])


def _governing_verb(
    doc: Doc, text: str, m: Marked, inside: set[int], quoted: dict[int, int]
) -> Report | None:
    """A report made from the nearest verb outside the marks whose phrase holds the quote
    (``text``: the doc's, not joined again from its tokens for each verb tried)."""
    if not inside:
        return None
    opening = _quoted_verb(doc, m, inside)
    if opening is not None:
        return opening
    tok = doc[min(inside)]
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
        if tok.i in inside or tok.pos_ not in {"VERB"}:
            continue
        if m.outer_start <= tok.idx < m.outer_end:
            continue
        if tok.i in quoted or "\n" in text[min(tok.idx, m.outer_end) : max(tok.idx, m.start)]:
            return None  # a verb of another quote, or past a paragraph break: not this one's
        subject = subject_of(tok)
        if subject is None or subject.i in inside:
            return None
        start, end = tok.idx, tok.idx + len(tok.text)
        entry = Cue(tok.lemma_, HOLDING, frozenset({"quote"}))
        return Report(tok, entry, tok.text, start, end, speaker_phrase(subject), [])
    return None


def merge_split(text: str, drafts: list[Draft]) -> list[Draft]:
    """Join "A," he said. "B." into one quote when only the cue clause stands between; a
    report inside that clause ("…," she said, adding that …. "B.") stays a quote of its own."""
    drafts.sort(key=lambda d: d.start)
    out: list[Draft] = []
    last_quote: Draft | None = None
    for draft in drafts:
        prev = last_quote
        if prev is not None and draft.kind == "direct" and _continues(text, prev, draft):
            prev.spans.extend(draft.spans)
            prev.marked.extend(draft.marked)
            continue
        out.append(draft)
        if draft.kind in {"direct", "mixed"}:
            last_quote = draft
        elif prev is not None and not _inside_clause(prev, draft):
            last_quote = None
    return out


def _continues(text: str, prev: Draft, draft: Draft) -> bool:
    """Whether ``draft`` goes on with the quote of ``prev`` in the same paragraph: prev's cue
    stands between them, and the second quote has no cue of its own, or one that sits in the
    narration between and does not introduce it ("A," he said after X spoke. "B.")."""
    cue = prev.report
    if cue is None or not prev.marked or not draft.marked:
        return False
    gap_start, gap_end = prev.marked[-1].outer_end, draft.marked[0].outer_start
    between = text[gap_start:gap_end]
    if "\n" in between or len(words(between)) > _MAX_CLAUSE_WORDS:
        return False
    if not (gap_start <= cue.cue_start and cue.cue_end <= gap_end):
        return False
    own = draft.report
    if own is None or own is cue or own.cue.i == cue.cue.i:
        return True  # the same cue, found once as a cue and once as the verb holding a quote
    if not (gap_start <= own.cue_start and own.cue_end <= gap_end):
        return False  # "A," he said. "B," she replied.
    if between.rstrip()[-1:] not in {".", "!", "?"}:
        return False  # "A," he said, and she replied: "B."
    first = draft.marked[0].start
    return not (own.cue.left_edge.idx <= first < own.cue.right_edge.idx + 1)


def _inside_clause(prev: Draft, draft: Draft) -> bool:
    """Whether a report comes from within the cue clause of ``prev`` ("…," she said, adding
    that …): its cue hangs off prev's cue, or it has no speaker of its own."""
    if prev.report is None or draft.report is None:
        return False
    cue, own = prev.report.cue, draft.report.cue
    if cue.doc is not own.doc:
        return False
    source = draft.report.source
    if source is None or (len(source) == 1 and source[0].lower_ in PERSON_PRONOUNS):
        return True  # no speaker of its own, or "he"/"she": most likely the same person
    return cue.left_edge.i <= own.i <= cue.right_edge.i


def char_spans(doc: Doc, indices: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of tokens as character spans."""
    spans: list[tuple[int, int]] = []
    chosen = set(indices)
    for i in indices:
        tok = doc[i]
        a, b = tok.idx, tok.idx + len(tok.text)
        if spans and i - 1 in chosen and spans[-1][1] <= a:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _union(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(a + b):
        if merged and s <= merged[-1][1] + 2:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


#: Words under which a quoted phrase held only by an ordinary verb is a term, not a quote.
MIN_HELD_WORDS = 4


def held_term(text: str, draft: Draft) -> bool:
    """Whether a direct draft is a short quoted phrase whose only cue is the ordinary verb
    that holds it (no speech cue of the lexicon): a term or a title in PolNeAR's unit."""
    report = draft.report
    if draft.kind != "direct" or report is None or report.entry.kind != HOLDING:
        return False
    return len(words(" ".join(text[a:b] for a, b in draft.spans))) < MIN_HELD_WORDS
