"""The record of a coded act: its date, and the :class:`~dateline.events.model.Event` itself.

Dates: a date expression attached to the predicate (or to its first conjunct, or through a
complement), resolved against the publication date; else a day at most a week before
publication named elsewhere in the sentence; for an act told in the past, else the last such
day an earlier sentence stated (``date_source`` "context": the scene goes on); otherwise the
publication date (``date_source`` "published"), as GDELT dates events by their article; no
publication date, no relative dates.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from datetime import date

from spacy.tokens import Span, Token

from dateline.events import dates as dates_mod
from dateline.events import ontology
from dateline.events.model import Event, Location, Participant
from dateline.events.predicates import Predicate
from dateline.events.rules import CoderRules

#: A day this close before publication dates the undated acts of its sentence and, told in the
#: past, of the sentences after it (the scene); two weeks, the news's own period (chosen on the
#: articles tune half: 14 and 31 days each date one more matched act right, 7 did not).
RECENT_DAYS = 14

#: A sentence's date expressions by the verb they attach to (its token index), each with
#: whether it attaches to that verb itself (not to a complement verb under it).
Anchored = dict[int, list[tuple[dates_mod.DateRef, bool]]]


def sentence_dates(
    sent: Span,
    dates: Iterable[Span],
    published: date | None,
    preds: Container[int],
    cut: int,
    rules: CoderRules,
) -> Anchored:
    """The date expressions among ``dates`` (the article's DATE and TIME entities) that lie
    in the sentence from ``cut`` on, resolved and by the verb they attach to; ``preds``: the
    token indexes of the sentence's coded predicates (a date under a complement verb that is
    no predicate dates the verb above it)."""
    out: Anchored = {}
    for ent in dates:
        if ent.start_char < cut or ent.end_char > sent.end_char:
            continue
        head = ent.root
        which = _names_which(head, preds)
        text = ent.text
        if head.head.dep_ == "prep" or head.dep_ == "pobj":
            prep = head.head
            text = f"{prep.lower_} {text}"
        verb = head
        nouns = 0  # common nouns between the date and its verb: deep dates belong to them
        direct = True
        while (
            verb.head.i != verb.i
            and (
                verb.pos_ not in ("VERB", "AUX")
                or (verb.i not in preds and verb.dep_ in ("xcomp", "advcl", "acl", "pcomp"))
            )
            and not _reason(verb)
        ):
            direct = direct and verb.pos_ not in ("VERB", "AUX")
            verb = verb.head
            nouns += verb.pos_ == "NOUN"
        if nouns > 2:
            continue
        # a weekday on a verb in the simple present is the one to come: news tells past acts
        # in the past tense, and "the exams begin on Monday" is a timetable
        future = verb.tag_ in ("VBZ", "VBP") or any(
            c.dep_ == "aux" and rules.is_("future", c.lower_) for c in verb.children
        )
        past = verb.tag_ in ("VBD", "VBN") and not future
        ref = dates_mod.resolve(text, published, future=future, past=past)
        if ref is not None and which and dates_mod.is_background(ref, published):
            continue  # "under *a 2016* agreement", "quit *the 2015* deal": which, not when
        if ref is not None:
            out.setdefault(verb.i, []).append((ref, direct))
    return out


def _names_which(date: Token, preds: Container[int]) -> bool:
    """Whether a date stands before a noun that is no coded act as its modifier ("a *2016*
    agreement", "the *2015* nuclear deal", "*last year's* budget"): a past one says which
    thing, not when the act that names it was done."""
    noun = date.head
    return (
        date.dep_ in ("nummod", "compound", "amod", "poss", "nmod")
        and noun.i > date.i
        and noun.pos_ == "NOUN"  # "in September Mayor X proposed": a name, misparsed
        and noun.i not in preds
    )


def _reason(verb: Token) -> bool:
    """Whether ``verb`` is the gerund of a reason or a charge ("criticised X *for cutting*
    funds last year", "accused X *of shelling* the town in May"): a date under it is when that
    act was done, not when the criticism or the charge was made."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ in ("for", "of", "over")
    )


def dates_of(tok: Token, anchored: Anchored) -> list[tuple[dates_mod.DateRef, bool]]:
    """The dates attached to a predicate, or to the first conjunct of a conjoined one."""
    return anchored.get(tok.i) or (anchored.get(tok.head.i, []) if tok.dep_ == "conj" else [])


def dates_above(tok: Token, anchored: Anchored) -> list[dates_mod.DateRef]:
    """The dates of the nearest verb above an undated predicate that has any ("*Last year*, the
    strike ended with workers *occupying* the ministry", "signed a memorandum *in 2019* to
    *cooperate*"): the time of the clause it hangs in, which an act of its own no date
    states shares. Empty when the predicate has dates of its own."""
    if dates_of(tok, anchored):
        return []
    node = tok
    while node.head.i != node.i:
        node = node.head
        if node.i in anchored:
            return [r for r, _ in anchored[node.i]]
    return []


def recent_day(ref: dates_mod.DateRef, published: date | None) -> bool:
    """Whether a date is a day at most ``RECENT_DAYS`` before publication."""
    return (
        ref.relation == "at"
        and ref.precision == "day"
        and published is not None
        and 0 <= (published - ref.value).days <= RECENT_DAYS
    )


def event_date(
    tok: Token,
    refs: list[dates_mod.DateRef],
    anchored: Anchored,
    published: date | None,
    scene: dates_mod.DateRef | None,
    how: str,
) -> tuple[str | None, str]:
    """The record's ``date`` and ``date_source`` of the predicate ``tok`` dated by ``refs``
    (:func:`dates_of`), in a sentence dated by ``anchored``, after sentences that set the day
    ``scene``; only an act read as asserted (``how``) takes a date other than publication's."""
    when = next((r for r in refs if r.relation == "at"), None)
    if when is None:
        # a recent date elsewhere in the sentence ("fired tear gas at supporters who
        # tried to march on Wednesday night") dates the whole scene
        when = next(
            (r for rs in anchored.values() for r, _ in rs if recent_day(r, published)),
            None,
        )
    date_source = "text"
    if when is None and scene is not None and tok.tag_ in ("VBD", "VBN"):
        # an act told in the past after a sentence set the day ("On Tuesday the council
        # voted ... The mayor asked ..."): the scene goes on
        when, date_source = scene, "context"
    day = when.iso() if when and how == "asserted" else None
    if day is None and published is not None:
        day, date_source = published.isoformat(), "published"
    return day, date_source


def build_event(
    pred: Predicate,
    code: str,
    how: str,
    modality: str,
    source: Participant | None,
    target: Participant | None,
    day: str | None,
    date_source: str | None,
    location: Location | None,
    sent: Span,
    cut: int,
    text: str,
) -> Event:
    """The event ``pred`` tells, coded ``code`` and read as ``how`` (its rule says so when
    not asserted), in the sentence ``sent`` of the body ``text`` from ``cut`` on."""
    cameo = ontology.code(code)
    rule = pred.rule + ("" if how in ("asserted", "") else f" +{how}")
    trigger = pred.token.text + (f" {pred.noun.text}" if pred.noun is not None else "")
    return Event(
        cameo=cameo.code,
        cameo_root=cameo.root,
        plover=cameo.plover or "",
        plover_mode=cameo.plover_mode,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        source=source,
        target=target,
        date=day,
        location=location,
        sentence=text[cut : sent.end_char],
        start=cut,
        end=sent.end_char,
        confidence=0.0,  # the scorer's probability, set by Coder.code
        rule=rule,
        modality=modality,
        date_source=date_source,
        trigger=trigger,
    )
