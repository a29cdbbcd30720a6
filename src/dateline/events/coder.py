"""The event coder: who did what to whom, when and where, one sentence at a time.

    events = code_events(doc, article, actors)        # list[Event]; .to_dict() for the record

Per sentence (cut at paragraph breaks; a wire dateline opening the lead, "NARVA (Wire) --",
is no part of it), every verb the lexicon knows is matched with its dependents, and a light
verb hands over to its event noun ("held talks") (:mod:`~dateline.events.predicates`); the
first entry decides the CAMEO code, and the ontology gives root, QuadClass, Goldstein and PLOVER
type and mode. Codes PLOVER does not type (plain statements 010-015, 017) make no event, nor
do reporting verbs ("said", "told"). Sources and targets: :mod:`~dateline.events.roles` over the
actors stage's :mod:`~dateline.actors.sides`; conjoined actors give one event per pair; a conjoined
subject of a joint act without another target ("Peru and Bolivia signed") gives the pairs
among its members, as GDELT does. An asserted event needs someone acting; an act with no
side at all is no event.

Precision rules (:mod:`~dateline.events.precision`) -- what makes no *asserted* event (most
are kept with another ``modality``, out of the default record and the exports: the sentence
sets type such sentences, and the record can show them with ``all_modalities``):

- a predicate inside quotation marks (the speaker's words are a quote, not a reported act),
  unless the speaker tells an act of its own done ('"X has sent a hospital ship," X said');
- a predicate in a relative or past-participial clause ("Chile, which has refused ...", "the
  agreement brokered by ..."), or in an after/since/because clause of another act ("closed the
  border after rebels *shelled* ..."): those describe or explain, they do not report
  (modality "background");
- a negated predicate, or one under a negated verb ("did not meet", "did not say when ... would
  vote"); "refused to X" is coded by the lexicon as the refusal, and the X is not coded;
- a hedged predicate (could, may, might, can), one inside an "if/unless" clause, one under a
  plan verb ("plans to", "is scheduled to", "expects to"), or a plan verb itself; reported,
  a plan to cooperate is the intent ("X said it hopes to meet Y": 036, asserted);
- a future act (will, would) that no reporting verb carries. *With* one, "X said it would
  boycott the talks" is coded as the intent (03x) or threat (13x) of the act's root
  (``intent.tsv``; a condition, "unless ...", makes a conflictual act a threat), "X said it
  would not meet Y" as the refusal (12x), "X said Y must ..." as X's demand on Y (10x), all
  with modality other than "asserted" and lower confidence; "X is willing/ready to Y" is an
  intent too;
- a predicate dated to the past ("in 2018", "since 2009", a period that ended two months or more
  before publication) or, directly, to the future ("next week", "by 2030"); a simple past act
  with no date in a sentence right after one of its paragraph that dated only a past period
  goes on with that history (modality "background");
- a predicate under another coded predicate ("urged X to *release*", "accused X of
  *attacking*"): the outer act is the event, the inner one is "hypothetical"; "decided to /
  began to X" codes the X, and "called Y to protest" the protest (the call is its means);
- no one acting ("the town was shelled"): modality "agentless", whether or not the one acted
  on is a known actor.


Dates: :mod:`~dateline.events.record`. Places: :mod:`~dateline.events.places`, with the
article's home country and dateline (:mod:`~dateline.events.setting`), which also give agents
named without a country theirs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.actors import find_actors
from dateline.actors.sides import Sides
from dateline.errors import DatelineError
from dateline.events import dates as dates_mod
from dateline.events import ontology, places
from dateline.events.clause_targets import subject_of
from dateline.events.distinct import dedupe, is_thing, root_of, same_actor, side_key
from dateline.events.features import Candidate, candidate_features
from dateline.events.implied_sides import FORCE_ROOTS, ImpliedSides, civilians_at, localize
from dateline.events.lexicon import Lexicon
from dateline.events.model import ActorLookup, Event, Location, Participant, QuoteLike
from dateline.events.precision import DESCRIBED, MODALITY_OF_BLOCK, Precision, sequel
from dateline.events.predicates import Predicate, misread_verbs, verb_predicate
from dateline.events.record import (
    RECENT_DAYS,
    Anchored,
    build_event,
    dates_above,
    dates_of,
    event_date,
    recent_day,
    sentence_dates,
)
from dateline.events.roles import Roles, acted_on, pairs
from dateline.events.rules import CoderRules
from dateline.events.rules import default as default_rules
from dateline.events.scorer import EventScorer, shipped_scorer
from dateline.events.sentences import (
    DocWords,
    SentenceWords,
    inside_quote,
    quoted_spans,
)
from dateline.events.setting import Setting
from dateline.events.side_words import joined_words, widened
from dateline.model import Article
from dateline.nlp import (
    DATELINE_PREFIX,
    paragraph_sentences,
    past_perfect,
    text_of,
    to_infinitive,
)
from dateline.nlp.gazetteer import Gazetteer

__all__ = ["NO_PARSE", "RECENT_DAYS", "Coder", "code_events"]

#: Error code: the Doc given to the coder has no dependency parse.
NO_PARSE = "E401"


@dataclass(frozen=True, slots=True)
class _ArticleContext:
    """What every sentence of one article is coded against: its body's text, publication
    day, entities (``ents``: the entity of each token index) and dates, its setting (home
    country, dateline, agents' countries) and the resolver of its phrases to actors."""

    text: str
    published: date | None
    ents: dict[int, Span]
    dates: list[Span]
    setting: Setting
    resolver: Sides


@dataclass(frozen=True, slots=True)
class _SentenceContext:
    """One sentence being coded: its words from ``cut`` on (before it, a wire dateline), its
    "in"/"at" words that give its place (:attr:`SentenceWords.in_at`), the dates anchored to
    its predicates, the last recent day the sentences before it stated (``scene``, see
    ``RECENT_DAYS``), and the places its predicates that name none take, filled as they ask
    (``where``: the memo of :func:`places.sentence_location`)."""

    sent: Span
    cut: int
    in_at: list[Token]
    anchored: Anchored
    scene: dates_mod.DateRef | None
    where: dict[bool, Location | None]
    #: the sentence before it in its paragraph told only a past period (background)
    behind: bool = False


def code_events(
    doc: Doc,
    article: Article,
    actors: ActorLookup | None,
    quotes: Iterable[QuoteLike] | None = None,
    *,
    lexicon: Lexicon | None = None,
    gazetteer: Gazetteer | None = None,
    all_modalities: bool = False,
) -> list[Event]:
    """Code the events of one article's body (``doc`` = the parsed ``article.body``): the
    asserted ones, or with ``all_modalities`` the negated, hypothetical, planned, quoted,
    ongoing, agentless, reflexive and background ones too (each with its ``modality``)."""
    return Coder(lexicon, gazetteer).code(doc, article, actors, quotes, all_modalities)


class Coder:
    def __init__(
        self,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
        rules: CoderRules | None = None,
        scorer: EventScorer | None = None,
    ) -> None:
        self.lexicon = lexicon or Lexicon.default()
        self.gaz = gazetteer or Gazetteer.default()
        self.rules = rules or default_rules()
        self.precision = Precision(self.rules)
        self.scorer = scorer or shipped_scorer()
        words = self.rules.words
        self.roles = Roles(
            words["shell"],
            words["claim"],
            words["stance"],
            words["control"],
            words["charge"],
            words["sent"],
            words["deed"],
        )
        self.implied = ImpliedSides(self.gaz)

    def code(
        self,
        doc: Doc,
        article: Article,
        actors: ActorLookup | None,
        quotes: Iterable[QuoteLike] | None = None,
        all_modalities: bool = False,
    ) -> list[Event]:
        """The events the scorer keeps among the candidates, one per (sentence, type,
        source, target), with the scorer's probability as ``confidence``."""
        chosen = self.scorer.select(self.candidates(doc, article, actors, quotes))
        if not all_modalities:
            chosen = [e for e in chosen if e.modality == "asserted"]
        return dedupe(chosen)

    def candidates(
        self,
        doc: Doc,
        article: Article,
        actors: ActorLookup | None,
        quotes: Iterable[QuoteLike] | None = None,
    ) -> list[Candidate]:
        """Every event the lexicons propose over the parse, with the scorer's features."""
        if len(doc) and not doc.has_annotation("DEP"):
            raise DatelineError(
                "code_events needs a Doc with a dependency parse; parse the body with "
                "dateline.nlp.load() (a spaCy pipeline with a parser)",
                code=NO_PARSE,
            )
        if actors is None:
            # the sides come from the actors stage, whoever calls: run it when not given
            actors = find_actors(doc, article)
        published = dates_mod.parse_published(article.published)
        dateline = places.dateline_location(article.dateline, self.gaz)
        entities = doc.ents  # spaCy builds the entity spans anew at each read: read once
        ents = {t: ent for ent in entities for t in range(ent.start, ent.end)}
        text = text_of(doc)
        quoted = quoted_spans(text, quotes)
        home = getattr(actors, "home", None)
        setting = Setting.of(doc, entities, ents, home, dateline, self.gaz, self.rules.sectors)
        dates = [e for e in entities if e.label_ in ("DATE", "TIME")]
        resolver = Sides(
            doc,
            actors,
            self.gaz,
            self.rules.sectors,
            self.rules.words["pronoun"],
            text,
            relations=self.rules.words["relation"],
            ents=ents,
            together=self.rules.words["symmetric"],
        )
        context = _ArticleContext(text, published, ents, dates, setting, resolver)
        words = DocWords(doc)
        scene: dates_mod.DateRef | None = None
        behind = False
        out: list[Candidate] = []
        rest = 0  # where a dateline the parser cut into sentences ends ("NARVA, Va. - ...")
        for sent in paragraph_sentences(doc):
            # A wire dateline opening the lead ("NARVA, Estonia (Ledger) -- Police fired")
            # is no part of the sentence: its words are neither actors nor dates.
            first = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
            if first:
                end = text.find("\n", sent.start_char)
                prefix = DATELINE_PREFIX.match(text, sent.start_char, len(text) if end < 0 else end)
                rest = prefix.end() if prefix else 0
            cut = max(sent.start_char, rest) if first or rest > sent.start_char else sent.start_char
            if cut >= sent.end_char:
                continue  # "NARVA, Va." read as a sentence of its own: all dateline
            first = first or cut > sent.start_char
            resolver.sentence((sent.start, sent.end), cut, first)
            found, scene, past = self._sentence(
                sent, words.of(sent), cut, scene, quoted, context, behind and not first
            )
            behind = past
            out.extend(found)
        return out

    def _sentence(
        self,
        sent: Span,
        words: SentenceWords,
        cut: int,
        scene: dates_mod.DateRef | None,
        quoted: list[tuple[int, int, str | None]],
        article: _ArticleContext,
        behind: bool = False,
    ) -> tuple[list[Candidate], dates_mod.DateRef | None, bool]:
        """The candidates of one sentence, the recent day the sentences up to it stated
        (``scene``: the one the sentences before it stated), and whether it told only a past
        period (``behind``: the sentence before it in its paragraph did)."""
        published = article.published
        preds = self._predicates(sent, words)
        anchored = sentence_dates(sent, article.dates, published, preds, cut, self.rules)
        recent = [
            r
            for i, rs in anchored.items()
            if self.precision.told_done(sent.doc[i])
            for r, _ in rs
            if recent_day(r, published)
        ]
        # its acts take the day the sentences before set; the day it sets is for those after
        at = _SentenceContext(sent, cut, words.in_at, anchored, scene, {}, behind)
        out: list[Candidate] = []
        for best in preds.values():
            tok = best.token
            if tok.idx < cut:
                continue
            block = self.precision.block(tok, preds, cut)
            if block is not None and block not in MODALITY_OF_BLOCK:
                continue  # a question ("asked X whether ..."): no act
            speaker = inside_quote(tok.idx, quoted)
            for rank, entry in enumerate([best.entry, *best.alternatives]):
                pred = best if rank == 0 else replace(best, entry=entry, alternatives=[])
                out.extend(self._candidates(pred, rank, block, speaker, at, article))
        # a date in a relative clause on who or what describes one of its actors ("X, who
        # took office in 2023, ..."): the sentence tells no past period by it ("at a time
        # when the war began in 2019" does)
        told = [rs for i, rs in anchored.items() if not _describing(sent.doc[i])]
        past = (
            bool(told)
            and not recent
            and all(dates_mod.is_background(r, published) for rs in told for r, _ in rs)
        )
        return out, recent[-1] if recent else scene, past

    def _predicates(self, sent: Span, words: SentenceWords) -> dict[int, Predicate]:
        """The sentence's coded predicates by token index: its verbs the lexicon knows, verbs
        the tagger read as nouns, less those another predicate stands for."""
        preds: dict[int, Predicate] = {}
        for tok in words.verbs:
            pred = verb_predicate(tok, self.lexicon, self.rules)
            if pred is not None:
                preds[tok.i] = pred
        for pred in misread_verbs(sent, self.lexicon, words.finite):
            # a verb the tagger read as a noun: it, not a verb tag on its object ("lifts ban")
            for obj in pred.objects:
                preds.pop(obj.i, None)
            preds[pred.token.i] = pred
        for i in [i for i, p in preds.items() if self.rules.is_verb("transparent", p.token)]:
            if any(c.dep_ == "xcomp" and c.i in preds for c in preds[i].token.children):
                del preds[i]  # "decided to lift": the lifting is the act
        for i in [i for i, p in preds.items() if self.rules.is_verb("promise", p.token)]:
            preds[i] = self._threat(preds[i], preds)
        for i in [i for i, p in preds.items() if self.rules.is_verb("means", p.token)]:
            means = preds[i]
            if any(
                _purpose(c) and c.i in preds and preds[c.i].plover != means.plover
                for c in means.token.children
            ):
                del preds[i]  # "called the ministry to protest": the protest is the act
        for i in [i for i, p in preds.items() if sequel(p, preds, self.rules)]:
            del preds[i]  # "stormed a police post, killing five officers": one attack
        return preds

    def _threat(self, promise: Predicate, preds: dict[int, Predicate]) -> Predicate:
        """A bare promise ("vowed to", "pledged to") whose complement is a coded act of
        conflict: the threat of that act (``intent.tsv``: "vowed to *crush* the revolt" is
        138, not an intent to cooperate), or the rejection or threat itself ("vowed to *veto*
        the draft" is 12x); else the promise as it was."""
        if promise.entry.specificity:
            return promise  # a row of its own for the pair ("vow to retaliate")
        for c in promise.token.children:
            act = preds.get(c.i) if c.dep_ == "xcomp" else None
            if act is None or act.entry.cameo is None:
                continue
            root = ontology.root_of(act.entry.cameo)
            # "vowed to veto the draft", "vowed to block the bill": a rejection stated now is
            # the rejection (12x), as "said it would veto" is (Precision.modality)
            threat = act.entry.cameo if root in ("12", "13") else self.rules.intent.get(root)
            if threat is None or ontology.root_of(threat) not in ("12", "13"):
                return promise
            entry = replace(promise.entry, cameo=threat, id=f"{promise.entry.id}+{act.entry.id}")
            return replace(promise, entry=entry, alternatives=[])
        return promise

    def _candidates(
        self,
        pred: Predicate,
        rank: int,
        block: str | None,
        speaker: str | bool | None,
        at: _SentenceContext,
        article: _ArticleContext,
    ) -> list[Candidate]:
        """The candidates one reading (``rank``) of a predicate gives: one per pair of its
        sides, or none."""
        sent, cut, text, published = at.sent, at.cut, article.text, article.published
        tok = pred.token
        how, code, modality = self.precision.reading(pred, block, quoted=speaker is not False)
        dated = dates_of(tok, at.anchored)
        refs = [r for r, _ in dated]
        if how == "asserted":
            if any(dates_mod.is_background(r, published) for r in refs):
                return []  # background: an act of a past period ("in 2018", "since 2009")
            if any(dates_mod.is_background(r, published) for r in dates_above(tok, at.anchored)):
                return []  # in a clause of a past period: "in 2019, talks ended with X *-ing*"
            if _asked_back_then(tok, at.anchored, published):
                return []  # "urged supporters to attack the stations in March": asked then
            if modality == "asserted" and any(
                # a future date under a complement dates the act agreed on, not the agreeing
                # ("agreed to send a delegation in September")
                direct and dates_mod.is_future(r, published)
                for r, direct in dated
            ):
                modality = "planned"
        elif how in ("intent", "refusal", "demand") and self._told_back_then(
            tok, at.anchored, published
        ):
            return []  # "said in June that it would observe a truce": told in a past period
        sources, targets = self._sides(
            pred, how, sent, article.resolver, text, article.setting.home
        )
        here, stated = self._places(tok, code, at, article.ents)
        sources, targets = self._placed(pred, code, rank, block, sources, targets, here, article)
        if not sources and not targets:
            return []  # no side at all: nothing between actors to tell
        day, date_source = event_date(tok, refs, at.anchored, published, at.scene, how)
        if how in ("intent", "refusal", "demand") and date_source == "published":
            # "X said on Monday it would lift the curfew": the intent is told when
            # the teller says it, not on the day the act it announces would come
            day, date_source = self._told_on(tok, at.anchored) or (day, date_source)
        plover = ontology.code(code).plover or ""
        told = self.precision.told(pred, modality, sources, targets)
        if told == "asserted" and at.behind and not at.anchored and tok.tag_ == "VBD":
            # "The war began in 2019. Rebels seized the port.": a past act told with no date
            # of its own right after a past period goes on with that history
            told = "background"
        out = []
        for src, tgt in pairs(sources, targets, code, _symmetric(pred, self.rules)):
            where = stated or article.setting.at_home(src, tgt, sent, meeting=code[:2] == "04")
            # the record's sides carry a coordination's words; the scorer reads each conjunct
            words = joined_words(src, tgt, text), joined_words(tgt, src, text)
            # the scorer reads the modality as before; the record says what was told
            shown = told
            if (
                told == "quoted"
                and isinstance(speaker, str)
                and src is not None
                and src.name == speaker
                and self.precision.told_done(tok)
            ):
                # '"X has sent a hospital ship," X said': X announces an act of its own done
                shown = self.precision.told(pred, "asserted", sources, targets)
            if shown == "asserted" and same_actor(src, tgt):
                shown = "reflexive"
            event = build_event(
                pred, code, how, shown, *words, day, date_source, where, sent, cut, text
            )
            if modality == "quoted" and isinstance(speaker, str):
                event = replace(event, attributed_to=speaker)
            feats = candidate_features(
                pred,
                code,
                plover,
                rank,
                modality,
                block,
                src,
                tgt,
                sent,
                article.dates,
                published,
                speaker is not False,
            )
            out.append(Candidate(event, feats, (tok.i, side_key(src), side_key(tgt)), shown, rank))
        return out

    def _told_back_then(self, tok: Token, anchored: Anchored, published: date | None) -> bool:
        """Whether the reporting verb that carries ``tok`` (an intent, refusal or demand) is
        dated to a past period: what was said then is background, as the act would be."""
        return any(
            dates_mod.is_background(r, published) for r, _ in self._teller_dates(tok, anchored)
        )

    def _told_on(self, tok: Token, anchored: Anchored) -> tuple[str, str] | None:
        """The day the reporting verb that carries ``tok`` is dated to, if it is one."""
        said = self._teller_dates(tok, anchored)
        when = next((r for r, _ in said if r.relation == "at" and r.precision == "day"), None)
        return (when.iso(), "text") if when is not None else None

    def _teller_dates(self, tok: Token, anchored: Anchored) -> list[tuple[dates_mod.DateRef, bool]]:
        """The dates of the reporting verb that carries ``tok`` (none without one)."""
        teller = self.precision.reporter(tok)
        return list(anchored.get(teller.i, ())) if teller is not None else []

    def _sides(
        self,
        pred: Predicate,
        how: str,
        sent: Span,
        resolver: Sides,
        text: str,
        home: str | None,
    ) -> tuple[list[Participant], list[Participant]]:
        """The sources and targets the parse gives the predicate, before any default (``home``:
        the article's home country)."""
        tok = pred.token
        # the sides of a verb read in order: a phrase after it does not reach back over it
        resolver.floor = tok.i if pred.misread else None
        sources, targets = self.roles.roles(pred, resolver, home)
        resolver.floor = None
        if how == "demand":
            reporter = self.precision.reporter(tok)
            subj = subject_of(reporter) if reporter is not None else None
            targets = [p for p in sources if p.known] or sources
            sources = resolver.phrase(subj) if subj is not None else []
        # a thing, an idea or an event is no one acting ("the proposal reflects", "the war
        # pushed", "repeated cuts hampered"): no source
        charges = self.rules.words["charge"]
        sources = [
            widened(p, sent, tok, charges) for p in sources if not is_thing(p, sent.doc, self.rules)
        ]
        targets = [
            widened(p, sent, tok, charges)
            for p in _grouped(targets, text)
            if not _a_time(p, sent.doc)
        ]
        return sources, targets

    def _places(
        self, tok: Token, code: str, at: _SentenceContext, ents: dict[int, Span]
    ) -> tuple[Location | None, Location | None]:
        """Where the sentence puts the act: any place it names (which tells whose agents
        act), and the place it names as the act's (the record's location)."""
        visit = code[:2] == "04"
        memo, in_at = at.where, at.in_at
        here = places.sentence_location(tok, in_at, ents, self.gaz, destination=visit, memo=memo)
        stated = places.sentence_location(
            tok, in_at, ents, self.gaz, destination=visit, stated=True, memo=memo
        )
        return here, stated

    def _placed(
        self,
        pred: Predicate,
        code: str,
        rank: int,
        block: str | None,
        sources: list[Participant],
        targets: list[Participant],
        here: Location | None,
        article: _ArticleContext,
    ) -> tuple[list[Participant], list[Participant]]:
        """The sides with the countries the sentence's place or the article gives them, and
        the sides the act implies where the parse gives none."""
        doc = pred.token.doc
        setting, resolver = article.setting, article.resolver
        force = (pred.entry.cameo or code)[:2] in FORCE_ROOTS
        if force and any(p.sector != "COP" for p in sources):
            # civilians acted on by force are of where it happens, not of the forces (but
            # police act at home: the civilians they act on are of their country)
            where = here.country if here is not None and here.country else None
            targets = civilians_at(targets, where or setting.dateline_country)
        if here is not None and here.country:
            sources, targets = localize(sources, here.country), localize(targets, here.country)
        else:
            # "the military" where the article names only one country's military; the
            # article's home country for "police" and for people it gives no country
            sources = setting.unplaced(sources, doc)
            targets = setting.unplaced(targets, doc)
        if not sources and pred.passive and here is not None and here.country:
            sources = self.implied.default_source(code, here.country)
        if self.roles.open_target(pred, targets):
            # "Chad's and Sudan's envoys met. Kenya urged the two delegations to ...": the
            # actors named just before
            phrase = next((t for t in targets if t.sector and t.sector != "IGO"), targets[0])
            words = self.roles.on_words(pred)
            targets = resolver.earlier(sources, phrase, words) or targets
        if not any(t.known for t in targets) and self.roles.on_deed(pred):
            # "rebels shelled the town ... The UN condemned the attack": its doer
            targets = resolver.doer_of(sources, targets[0] if targets else None) or targets
        if not any(t.known for t in targets):
            # an intent to act (or a refusal) is about the act's receiver: its code decides
            act = pred.entry.cameo or code
            # what the act is done to: people, and the thing the predicate's object or its
            # noun's target slot names (:func:`roles.acted_on`)
            done_to = acted_on(pred)
            someone = [
                t for t in targets if not is_thing(t, doc, self.rules) or root_of(t, doc) in done_to
            ]
            loc = here or setting.dateline
            targets = self.implied.default_target(
                act, sources, targets, here, loc, someone, setting.home
            )
        if sources and rank == 0 and block not in DESCRIBED:
            # the subject of a reported act, not of a description, is the one "it" may name
            resolver.remember(sources)
        if force and sources and rank == 0 and block is None:
            # its doer, whom a later "condemned the attack" is addressed to
            resolver.remember_doer(sources)
        return sources, targets


def _asked_back_then(tok: Token, anchored: Anchored, published: date | None) -> bool:
    """Whether an act told in the past perfect has a "to" complement dated in a past period
    ("the evidence showed he had urged supporters to attack police stations during protests
    in March", told in a January story): one asks or orders before or while the act is done,
    so the asking is as old. (In the simple past the month may be the one to come: "agreed
    to send a delegation in September", told in July.)"""
    if not past_perfect(tok):
        return False
    return any(
        ref.relation == "at" and dates_mod.is_background(ref, published)
        for comp in tok.children
        if comp.dep_ == "xcomp" and to_infinitive(comp)
        for ref, direct in anchored.get(comp.i, ())
        if direct
    )


def _purpose(clause: Token) -> bool:
    """Whether a clause is an infinitive of purpose ("... *to protest* the ruling")."""
    return clause.dep_ == "advcl" and to_infinitive(clause)


def _symmetric(pred: Predicate, rules: CoderRules) -> bool:
    """Whether the predicate is done together ("met", "held talks", "signed an accord"): its
    word is in ``data/events/coder/words.tsv`` (class ``symmetric``), or its object is and its
    verb makes it together (class ``symmetric``, ``joint`` or ``light``: "reached an accord",
    "held talks"), or so is its complement's ("X and Y failed to reach *a deal*"). "X and Y
    criticised the deal" is not done together: the deal is what they criticised."""
    if pred.noun is None and rules.is_("opposed", pred.token.lemma_) and pred.objects:
        return False  # "X and Y fought corruption": together, against the object
    if rules.is_("symmetric", (pred.noun if pred.noun is not None else pred.token).lemma_):
        return True
    verbs = [(pred.token, list(pred.objects))] + [
        (comp, [o for o in comp.children if o.dep_ == "dobj"])
        for comp in pred.token.children
        if comp.dep_ == "xcomp"
    ]
    return any(
        any(rules.is_(cls, verb.lemma_) for cls in ("joint", "symmetric", "light"))
        and any(rules.is_("symmetric", o.lemma_) for o in objects)
        for verb, objects in verbs
    )


def _grouped(side: list[Participant], text: str) -> list[Participant]:
    """Conjoined phrases no actor stands for ("released *prisoners and detainees*") are one
    group: one participant with all their words (actors the text names stay one each; a
    country the phrases only inherit does not make them actors)."""
    named = any(p.known and p.via != "inferred" for p in side)
    if len(side) < 2 or named or not side[0].start < side[-1].end:
        return side
    first, last = side[0], side[-1]
    return [replace(first, text=text[first.start : last.end], end=last.end)]


def _a_time(side: Participant, doc: Doc) -> bool:
    """Whether a side is a stretch or a point of time ("gave X *30 days* to ...", "marked
    *the day*"): the head of its words is a date the tagger found, when, not whom."""
    if side.known or side.end <= side.start:
        return False
    span = doc.char_span(side.start, side.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in ("DATE", "TIME")


def _describing(verb: Token) -> bool:
    """Whether a verb heads a relative clause on who or what ("X, *who won* in 2023",
    "a pact *which* they *signed* in 2019"), not on when or where ("a time *when* ...")."""
    return verb.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in verb.children)
