"""Two units of a quote: the *quotation* a reader sees and the *attribution* a corpus annotates.

The finder ties marks and cues into attributions: one cue, its speaker and everything it
reports ("A," she said. "B." is one; so is a that-clause with a quoted fragment in it, and a
quote that reopens on each paragraph). PolNeAR annotates that unit. A reader, and the article
gold (``articles-gold-dev/CONVENTIONS.md``), counts quotations instead:

- every pair of quotation marks is one direct quote, and a paragraph of a multi-paragraph
  quote is one quote running to the paragraph's end; each keeps the attribution's speaker;
- a fragment quoted inside reported speech is the direct quote, the fragment only; the
  clause around it is not reported again;
- reported speech is a *speech* cue (``speech_kinds.tsv``: say, tell, warn, argue, report,
  "according to" — not believe or think, not "urged X to …") whose content is a clause of
  its own, with a named speaker, outside a relative clause ("a plan that X said it opposes";
  but "X, who said that …" is X's report).
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

from dateline.nlp import is_negator, short_of
from dateline.quotes.cues import Report
from dateline.quotes.drafts import Draft
from dateline.quotes.model import Quote

Unit = Literal["quotation", "attribution"]
UNITS: tuple[Unit, Unit] = ("quotation", "attribution")

#: Dependency labels of a clause's own subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Words that may open a reported clause and are not part of what was said.
_LEADS = frozenset({"that", ",", ":", "—", "–"})
#: The cue kind of thought ("hope", "believe"): no one quotes a thought.
_THOUGHT = "think"
#: Entity types of a date or time at the head of reported content.
_WHEN = frozenset({"DATE", "TIME"})


def as_quotations(doc: Doc, drafts: list[Draft], speech_kinds: frozenset[str]) -> list[Draft]:
    """The drafts a reader counts: a mixed draft becomes its quoted fragments, direct; a
    report stays only when it is reported speech (see the module docstring)."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.kind == "mixed":
            spans = [(s.start, s.end) for m in draft.marked for s in m.segments]
            report = _teller(draft.report, drafts, speech_kinds)
            out.append(Draft("direct", spans, report, draft.marked))
        elif draft.kind == "indirect":
            report = draft.report
            if report is not None and is_speech(doc, report, speech_kinds):
                after = draft.start > report.cue_start  # "X said on Friday (that) …"
                out.append(Draft("indirect", _lead_trimmed(doc, draft.spans, after), report))
        else:
            out.append(draft)
    return out


def _teller(
    report: Report | None, drafts: list[Draft], speech_kinds: frozenset[str]
) -> Report | None:
    """Whose words a fragment quoted under a cue of thought is: the one who tells the clause
    it stands in. In "X said Y opposed the plan and hoped Z would act "in a fair way"", Y's
    hope is part of X's report, and the quoted words are X's (no one quotes a thought); a
    fragment under any other cue ("X said Y warned of "grave harm"", "X said the resolution
    calls for "a pause"") stays the inner speaker's."""
    if report is None or report.entry.kind != _THOUGHT:
        return report
    cue = report.cue.i
    tellers = [
        d.report
        for d in drafts
        if d.report is not None
        and d.report is not report
        and d.report.entry.kind in speech_kinds
        and d.report.source is not None
        and cue in d.report.content
    ]
    return min(tellers, key=lambda r: len(r.content)) if tellers else report


def is_speech(doc: Doc, report: Report, speech_kinds: frozenset[str]) -> bool:
    """Whether a report is reported speech: a speech cue, a speaker, a clause as content,
    and the cue not inside a relative clause."""
    if report.entry.kind not in speech_kinds or report.source is None:
        return False
    cue = report.cue
    if cue.dep_ in {"relcl", "acl"} and cue.lower_ != "according":
        # "X, who said that …" reports X's words; "a plan that X said it opposes" is no report
        source = report.source
        if not (len(source) == 1 and source[0].lower_ in {"who", "which", "that"}):
            return False
    if report.entry.kind == "according":
        return bool(report.content)
    if any(is_negator(c) for c in cue.children) or short_of(cue):
        # "police did not say how many …", "she never said that …", "stopped short of
        # saying …": not said
        return False
    return clausal(doc, report.content) or _that_clause(doc, report)


def _that_clause(doc: Doc, report: Report) -> bool:
    """ "X has said that months of talks lie ahead": "that" straight after a speech verb opens
    a clause even where the parse lost its verb (read "lie" as a noun)."""
    cue, content = report.cue, report.content
    nxt = cue.i + 1
    return (
        nxt < len(doc)
        and doc[nxt].lower_ == "that"
        and len(content) >= 4
        and content[0] in (nxt, nxt + 1)
    )


def clausal(doc: Doc, content: list[int]) -> bool:
    """Whether the content is a clause with a subject of its own ("the port would reopen"),
    not a noun phrase ("her resignation") or an infinitive ("to keep selling", "to quit if
    the board does not act": a subject in a clause inside it does not make it one)."""
    chosen = set(content)
    for i in content:
        tok = doc[i]
        verb = tok.head
        if (
            tok.dep_ in _SUBJECTS
            and verb.i in chosen
            and verb.pos_ in {"VERB", "AUX"}
            and (verb.head.i not in chosen or verb.dep_ == "conj" or verb.head.i == verb.i)
        ):
            return True
    return False


def _lead_trimmed(doc: Doc, spans: list[tuple[int, int]], after_cue: bool) -> list[tuple[int, int]]:
    """The content without what opens it and is not said: the complementizer, punctuation, and
    a date or time right after the cue, which in "X said on Friday (that) …" dates the saying
    (in "Last year the farm lost money, X said" it is part of what was said)."""
    if not spans:
        return spans
    a, b = spans[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return spans
    k = 0
    while k < len(span) - 1:
        tok = span[k]
        lead = tok.lower_ in _LEADS and (tok.dep_ in {"mark", "punct"} or _complementizer(tok))
        when = (
            after_cue
            and (tok.ent_type_ in _WHEN or (tok.pos_ == "ADP" and span[k + 1].ent_type_ in _WHEN))
            and not _owning_date(span, k)
        )
        if not (lead or when):
            break
        k += 1
    return [(span[k].idx, b), *spans[1:]] if k else spans


def _owning_date(span: Span, k: int) -> bool:
    """Whether the date at ``k`` (or right after a preposition there) owns the noun after it
    ("February's election would go ahead"): the clause's own words, not when it was said."""
    j = k + 1 if span[k].pos_ == "ADP" else k
    while j < len(span) and span[j].ent_type_ in _WHEN:
        j += 1
    return j > k and j < len(span) and span[j].tag_ == "POS"


def _complementizer(tok: Token) -> bool:
    """ "told them that the talks had failed" with "that" parsed as the object of "failed": a
    "that" before its verb's own subject opens the clause (no object comes before a subject)."""
    return tok.lower_ == "that" and any(
        c.dep_ in _SUBJECTS and c.i > tok.i for c in tok.head.children
    )


def split_quotations(text: str, quotes: list[Quote]) -> list[Quote]:
    """One quote per quoted piece: a direct quote made of several pieces (split around its cue,
    or reopened on the next paragraphs) becomes one quote per piece, each with the speaker."""
    out: list[Quote] = []
    for quote in quotes:
        if quote.kind != "direct" or len(quote.spans) < 2:
            out.append(quote)
            continue
        for a, b in quote.spans:
            body = text[a:b].strip()
            if not body:
                continue
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            start = a + lead
            out.append(
                Quote(
                    text=body,
                    kind="direct",
                    start=start,
                    end=start + len(body),
                    sentence=quote.sentence,
                    speaker=quote.speaker,
                    cue=quote.cue,
                    cue_start=quote.cue_start,
                    cue_end=quote.cue_end,
                    spans=[(start, start + len(body))],
                    in_caption=quote.in_caption,
                )
            )
    return out
