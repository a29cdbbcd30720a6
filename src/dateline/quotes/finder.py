"""``find_quotes``: direct, mixed and reported speech in a parsed body, with speakers.

1. Quotation marks (``marks``) give direct quotes; titles and scare quotes are dropped.
2. Cues in the parse (``cues``) give reported speech and the speakers of direct quotes: a
   quote inside a cue's content is that cue's; when the content has words of its own around the
   quote, the whole content is one mixed quote.
3. A direct quote with no cue in its sentences takes the speaker of a sentence before it that
   ends with a colon, or — by the news convention — of the quote that ends the paragraph before
   when the quote fills its own paragraph.
4. Pronouns resolve to the nearest preceding person; names widen to the article's full mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from dateline.quotes.cues import Report, find_reports
from dateline.quotes.lexicon import Cue, Lexicon, default_lexicon
from dateline.quotes.marks import Marked, find_marked, paragraphs, words
from dateline.quotes.model import Quote, QuoteKind, Speaker
from dateline.quotes.speakers import (
    PERSON_PRONOUNS,
    article_people,
    full_name,
    is_pronoun,
    person_in,
    speaker_phrase,
    subject_of,
)

#: Words between two quotes that can only be a cue clause (", he said. ") for them to merge.
_MAX_BETWEEN_WORDS = 8
_RELATIVE = frozenset({"who", "which", "that"})
#: Entity types a proper-noun subject cannot be a person with.
_NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
#: Words of a cue clause after which a second quote with no cue continues the first.
_MAX_CLAUSE_WORDS = 40
#: Words between a quote and a cue outside its sentence for them to belong together.
_MAX_ADJACENT_WORDS = 3
#: Words a direct quote with no speaker needs to be kept.
MIN_UNATTRIBUTED_WORDS = 4
#: A reported content needs this many words of its own to stand as a quote.
MIN_CONTENT_WORDS = 3
#: Words of its own (outside marks) a cue's content needs around a quote to make it mixed.
MIN_MIXED_WORDS = 3


@dataclass(slots=True)
class _Draft:
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


def find_quotes(doc: Doc, lexicon: Lexicon | None = None) -> list[Quote]:
    """Quotes of a parsed body (paragraphs separated by blank lines), in text order."""
    lexicon = lexicon or default_lexicon()
    text = doc.text
    marked = [m for m in find_marked(text) if m.kind == "quote"]
    quoted = [False] * len(doc)
    owner: dict[int, int] = {}  # token index -> index into marked
    for n, m in enumerate(marked):
        span = doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            quoted[tok.i] = True
            owner[tok.i] = n
    reports = find_reports(doc, quoted, lexicon)
    drafts = _attach(doc, marked, owner, reports)
    drafts = _merge_split(text, drafts)
    quoted_chars = [(m.outer_start, m.outer_end) for m in marked]
    people = article_people(doc, quoted_chars)
    out: list[Quote] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        quote = _finish(doc, draft, people, out, quoted_chars)
        if quote is not None:
            out.append(quote)
    _inherit_speakers(text, out)
    return [q for q in out if q.speaker is not None or _stands_alone(text, q)]


def _stands_alone(text: str, quote: Quote) -> bool:
    """Whether a quote nobody is said to have said is still worth reporting: whole sentences
    of some length, not a phrase in someone else's sentence (those are mostly scare quotes)."""
    if len(words(quote.text)) < MIN_UNATTRIBUTED_WORDS:
        return False
    before = text[: quote.start].rstrip(" \t\"“”'‘«„\x00")
    return not before or before[-1] in ".!?:\n—―-"


def _attach(
    doc: Doc, marked: list[Marked], owner: dict[int, int], reports: list[Report]
) -> list[_Draft]:
    drafts: list[_Draft] = []
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
            if len(own) >= MIN_CONTENT_WORDS:
                drafts.append(_Draft("indirect", _char_spans(doc, content), report))
            continue
        if len(own) >= MIN_MIXED_WORDS:
            spans = _char_spans(doc, content)
            for n in inside:
                spans = _union(spans, [(s.start, s.end) for s in marked[n].segments])
            drafts.append(_Draft("mixed", spans, report, [marked[n] for n in sorted(inside)]))
            taken |= inside
            continue
        for n in inside:
            direct_cue.setdefault(n, report)
    for n, m in enumerate(marked):
        if n in taken:
            continue
        cue = direct_cue.get(n) or _nearest_cue(doc, m, reports)
        drafts.append(_Draft("direct", [(s.start, s.end) for s in m.segments], cue, [m]))
    return drafts


def _nearest_cue(doc: Doc, m: Marked, reports: list[Report]) -> Report | None:
    """The cue of a direct quote no cue's content claimed: one in the quote's sentences (outside
    marks), one right next to the quote in its paragraph ("…?" Clinton said.), or the verb whose
    phrase holds the quote ("Vitter demanded: …", "condemned the test as "…"")."""
    text = doc.text
    dashed = _dash_speaker(doc, m)
    if dashed is not None:
        return dashed
    first = doc.char_span(m.start, m.start + 1, alignment_mode="expand")
    last = doc.char_span(max(m.end - 1, m.start), m.end, alignment_mode="expand")
    if first is None or last is None:
        return None
    lo, hi = first.sent.start_char, last.sent.end_char
    if text[: m.outer_start].rstrip().endswith(":"):
        # "The minister said:" then the quote, parsed as a sentence of its own
        colon = doc.char_span(m.outer_start - 1, m.outer_start, alignment_mode="expand")
        before = doc[colon.start - 1].sent if colon is not None and colon.start > 0 else None
        lo = min(lo, before.start_char) if before is not None else lo
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    inside = {t.i for t in span} if span is not None else set()
    best: tuple[tuple[int, int, int], Report] | None = None
    for report in reports:
        after = report.cue_start >= m.outer_end
        between = (
            text[m.outer_end : report.cue_start] if after else text[report.cue_end : m.outer_start]
        )
        adjacent = "\n" not in between and len(words(between)) <= _MAX_ADJACENT_WORDS
        if not (lo <= report.cue_start < hi or adjacent):
            continue
        if "\n" in between:
            continue
        busy = len([i for i in report.content if not doc[i].is_punct]) >= MIN_CONTENT_WORDS
        governs = bool(inside & {t.i for t in report.cue.subtree})
        # prefer a cue whose phrase holds the quote, then one reporting nothing else, then near
        rank = (0 if governs else 1, 1 if busy else 0, len(between))
        if best is None or rank < best[0]:
            best = (rank, report)
    if best is not None:
        return best[1]
    return _governing_verb(doc, m, inside)


_DASH = re.compile(r"[ \t]*(?:―|—|–|--?)[ \t]*(?=[A-Z])")


def _dash_speaker(doc: Doc, m: Marked) -> Report | None:
    """ "…" ― Carla Sanchez: a name after a dash that follows the quote on the same line."""
    found = _DASH.match(doc.text, m.outer_end)
    if found is None:
        return None
    start = found.end()
    stop = doc.text.find("\n", start)
    stop = len(doc.text) if stop < 0 else stop
    span = doc.char_span(start, stop, alignment_mode="contract")
    if span is None or not len(span):
        return None
    end = span.start
    while end < span.end and (span.doc[end].pos_ == "PROPN" or span.doc[end].text.istitle()):
        end += 1
    if end == span.start or end - span.start > 4:
        return None
    name = doc[span.start : end]
    dash = doc.text[found.start() : found.end()].strip()
    entry = Cue(dash, "say", frozenset({"quote"}))
    return Report(name[0], entry, dash, found.start(), found.end(), name, [])


def _governing_verb(doc: Doc, m: Marked, inside: set[int]) -> Report | None:
    """A report made from the nearest verb outside the marks whose phrase holds the quote."""
    if not inside:
        return None
    tok = doc[min(inside)]
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
        if tok.i in inside or tok.pos_ not in {"VERB"}:
            continue
        if m.outer_start <= tok.idx < m.outer_end:
            continue
        subject = subject_of(tok)
        if subject is None or subject.i in inside:
            return None
        start, end = tok.idx, tok.idx + len(tok.text)
        entry = Cue(tok.lemma_, "other", frozenset({"quote"}))
        return Report(tok, entry, tok.text, start, end, speaker_phrase(subject), [])
    return None


def _merge_split(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Join "A," he said. "B." into one quote when only the cue clause stands between."""
    drafts.sort(key=lambda d: d.start)
    out: list[_Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "direct"
            and draft.kind == "direct"
            and prev.report is not None
            and (draft.report is None or draft.report is prev.report)
            and prev.marked
            and draft.marked
            and _same_paragraph(text, prev.end, draft.start)
        ):
            between = text[prev.marked[-1].outer_end : draft.marked[0].outer_start]
            # the same cue on both sides, or a second quote with no cue of its own after a
            # long cue clause ("A," said X, a professor at … . "B.")
            limit = _MAX_BETWEEN_WORDS if draft.report is not None else _MAX_CLAUSE_WORDS
            if (
                len(words(between)) <= limit
                and prev.report.cue_start >= prev.marked[-1].outer_end
                and prev.report.cue_end <= draft.marked[0].outer_start
            ):
                prev.spans.extend(draft.spans)
                prev.marked.extend(draft.marked)
                continue
        out.append(draft)
    return out


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _finish(
    doc: Doc,
    draft: _Draft,
    people: list[Span],
    earlier: list[Quote],
    quoted: list[tuple[int, int]],
) -> Quote | None:
    text = doc.text
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
        speaker = _speaker(doc, report.source, people, earlier, quoted)
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


def _speaker(
    doc: Doc,
    phrase: Span,
    people: list[Span],
    earlier: list[Quote],
    quoted: list[tuple[int, int]],
) -> Speaker:
    start, end = phrase.start_char, phrase.end_char
    if len(phrase) == 1 and phrase[0].lower_ in _RELATIVE and phrase[0].head.dep_ == "relcl":
        # "…, who said …": the text stays "who", the name is the antecedent's
        antecedent = speaker_phrase(phrase[0].head.head)
        named = _speaker(doc, antecedent, people, earlier, quoted)
        return Speaker(name=named.name, text=phrase.text, start=start, end=end)
    if is_pronoun(phrase):
        name = phrase.text
        if phrase[0].lower_ in PERSON_PRONOUNS:
            name = _resolve_pronoun(doc, start, people, earlier, quoted) or name
        return Speaker(name=name, text=phrase.text, start=start, end=end)
    person = person_in(phrase)
    if person is None and all(t.pos_ == "PROPN" or t.text.istitle() for t in phrase):
        person = phrase  # a bare name the model did not tag PERSON here ("Zelenskyy, writing")
    name = full_name(person, people) if person is not None else phrase.text
    return Speaker(name=name, text=phrase.text, start=start, end=end)


def _resolve_pronoun(
    doc: Doc,
    at: int,
    people: list[Span],
    earlier: list[Quote],
    quoted: list[tuple[int, int]],
) -> str | None:
    """The nearest preceding person outside quotation marks: a resolved speaker, a PERSON
    subject or a proper-noun subject the model did not tag, else any PERSON."""
    candidates: list[tuple[int, str]] = []
    for quote in earlier:
        sp = quote.speaker
        if (
            sp is not None
            and sp.end <= at
            and (sp.name != sp.text or not is_lower(sp.text))
            and _looks_personal(doc, sp)
        ):
            candidates.append((sp.start, sp.name))
    for ent in people:
        if ent.end_char <= at and ent.root.dep_ in {"nsubj", "nsubjpass"}:
            candidates.append((ent.start_char, full_name(ent, people)))
    for tok in doc:
        if tok.idx >= at:
            break
        if (
            tok.dep_ in {"nsubj", "nsubjpass"}
            and tok.pos_ == "PROPN"
            and tok.ent_type_ not in _NOT_PEOPLE
            and not any(a <= tok.idx < b for a, b in quoted)
        ):
            name = person_in(speaker_phrase(tok))
            if name is not None:
                candidates.append((name.start_char, full_name(name, people)))
    if not candidates:
        candidates = [(e.start_char, full_name(e, people)) for e in people if e.end_char <= at]
    return max(candidates)[1] if candidates else None


def is_lower(text: str) -> bool:
    return text[:1].islower()


def _looks_personal(doc: Doc, speaker: Speaker) -> bool:
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and (person_in(span) is not None or is_pronoun(span))


def _inherit_speakers(text: str, quotes: list[Quote]) -> None:
    """A quote alone in its paragraph, with no cue, continues the speaker of the quote that
    ends the paragraph before (the news convention; nothing else is guessed)."""
    paras = paragraphs(text)

    def para_of(offset: int) -> int:
        for n, (a, b) in enumerate(paras):
            if a <= offset <= b:
                return n
        return -1

    for k, quote in enumerate(quotes):
        if quote.speaker is not None or quote.kind != "direct" or k == 0:
            continue
        prev = quotes[k - 1]
        if prev.speaker is None:
            continue
        p = para_of(quote.start)
        if p < 0:
            continue
        a, b = paras[p]
        outside = text[a : quote.start] + text[quote.end : b]
        if not words(outside) and para_of(prev.end) == p - 1:
            quote.speaker = prev.speaker


def _char_spans(doc: Doc, indices: list[int]) -> list[tuple[int, int]]:
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
