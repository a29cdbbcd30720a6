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
- a predicate dated to the past ("in 2018", "since 2009", a period that ended a year or more
  before publication) or, directly, to the future ("next week", "by 2030");
- a predicate under another coded predicate ("urged X to *release*", "accused X of
  *attacking*"): the outer act is the event, the inner one is "hypothetical"; "decided to /
  began to X" codes the X;
- no one acting ("the town was shelled"): modality "agentless", whether or not the one acted
  on is a known actor.

Dates: a date expression attached to the predicate (or to its first conjunct, or through a
complement), resolved against the publication date; else a day at most a week before
publication named elsewhere in the sentence; for an act told in the past, else the last such
day an earlier sentence stated (``date_source`` "context": the scene goes on); otherwise the
publication date (``date_source`` "published"), as GDELT dates events by their article; no
publication date, no relative dates.
Places: :mod:`~dateline.events.places`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.actors import find_actors
from dateline.actors.home import named_most
from dateline.actors.sides import Sides
from dateline.errors import DatelineError
from dateline.events import dates as dates_mod
from dateline.events import ontology, places
from dateline.events.distinct import dedupe, is_thing, root_of, same_actor, side_key
from dateline.events.features import Candidate, candidate_features
from dateline.events.lexicon import Lexicon
from dateline.events.model import ActorLookup, Event, Location, Participant, QuoteLike
from dateline.events.precision import DESCRIBED, MODALITY_OF_BLOCK, Precision, is_negator
from dateline.events.predicates import Predicate, misread_verbs, verb_predicate
from dateline.events.roles import (
    Roles,
    joined_words,
    localize,
    names_act,
    pairs,
    subject_of,
    widened,
)
from dateline.events.rules import CoderRules
from dateline.events.rules import default as default_rules
from dateline.events.scorer import EventScorer, shipped_scorer
from dateline.events.sentences import (
    DATELINE_PREFIX,
    DocWords,
    SentenceWords,
    inside_quote,
    paragraph_sentences,
    quoted_spans,
)
from dateline.model import Article
from dateline.nlp import text_of
from dateline.nlp.gazetteer import Gazetteer

#: Error code: the Doc given to the coder has no dependency parse.
NO_PARSE = "E401"
#: A date elsewhere in the sentence this close before publication dates an undated act.
RECENT_DAYS = 7


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
            self.gaz, words["shell"], words["claim"], words["stance"], words["control"]
        )
        self.home: str | None = None
        self.leading: str | None = None
        self.home_place: Location | None = None
        self.dateline: Location | None = None
        self.dates: list[Span] = []
        #: agent noun -> the one country the article gives it ("the military")
        self.agents: dict[str, str] = {}
        #: the last recent day a sentence of the article stated (see ``RECENT_DAYS``)
        self.scene: dates_mod.DateRef | None = None
        self.scene_before: dates_mod.DateRef | None = None
        #: the current sentence's place for predicates that name none (places.sentence_location)
        self._where: dict[bool, Location | None] = {}
        #: the current sentence's "in"/"at" words that give its place (SentenceWords.in_at)
        self._in_at: list[Token] = []

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
        # the article's home country (the actors stage's: named most, else the dateline's,
        # else the outlet's) places agents named without one ("police", "the opposition")
        home = getattr(actors, "home", None)
        self.home = self._cameo(home)
        # without one, unnamed agents are of the country the article names most
        self.leading = None if home else self._cameo(named_most(entities, self.gaz))
        self.home_place = places.home_location(entities, self.gaz, home, dateline)
        self.dateline = dateline
        self.dates = [e for e in entities if e.label_ in ("DATE", "TIME")]
        self.agents = self._agent_countries(doc, ents)
        self.scene = self.scene_before = None
        resolver = Sides(
            doc,
            actors,
            self.gaz,
            self.rules.sectors,
            self.rules.words["pronoun"],
            text,
            relations=self.rules.words["relation"],
            ents=ents,
        )
        words = DocWords(doc)
        out: list[Candidate] = []
        for sent in paragraph_sentences(doc):
            # A wire dateline opening the lead ("NARVA, Estonia (Ledger) -- Police fired")
            # is no part of the sentence: its words are neither actors nor dates.
            prefix = DATELINE_PREFIX.match(text, sent.start_char, sent.end_char)
            first = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
            cut = prefix.end() if prefix and first else sent.start_char
            resolver.sentence((sent.start, sent.end), cut, first)
            out.extend(
                self._sentence(
                    sent, words.of(sent), published, dateline, ents, quoted, resolver, cut, text
                )
            )
        return out

    def _sentence(
        self,
        sent: Span,
        words: SentenceWords,
        published: date | None,
        dateline: Location | None,
        ents: dict[int, Span],
        quoted: list[tuple[int, int, str | None]],
        resolver: Sides,
        cut: int,
        text: str,
    ) -> list[Candidate]:
        self._where = {}  # the sentence's own place, for its predicates that name none
        self._in_at = words.in_at
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
        for i in [i for i, p in preds.items() if _sequel(p, preds)]:
            del preds[i]  # "stormed a police post, killing five officers": one attack
        anchored = self._dates(sent, published, preds, cut)
        recent = [
            r
            for i, rs in anchored.items()
            if self._told_done(sent.doc[i])
            for r, _ in rs
            if _recent_day(r, published)
        ]
        self.scene_before = self.scene  # the day the sentences before set, for its acts
        if recent:
            self.scene = recent[-1]
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
                out.extend(
                    self._candidates(
                        pred,
                        rank,
                        block,
                        speaker,
                        sent,
                        published,
                        dateline,
                        ents,
                        resolver,
                        anchored,
                        cut,
                        text,
                    )
                )
        return out

    def _candidates(
        self,
        pred: Predicate,
        rank: int,
        block: str | None,
        speaker: str | bool | None,
        sent: Span,
        published: date | None,
        dateline: Location | None,
        ents: dict[int, Span],
        resolver: Sides,
        anchored: dict[int, list[tuple[dates_mod.DateRef, bool]]],
        cut: int,
        text: str,
    ) -> list[Candidate]:
        tok = pred.token
        how, code = self.precision.modality(tok, pred)
        if block is not None:
            modality = MODALITY_OF_BLOCK[block]
            code = code or pred.entry.cameo
            if block == "negated" and code is not None and _denied(tok):
                # "X has not eased its curfew", "X never freed them": a cooperative act its
                # doer is told not to do is the refusal (CAMEO 12), as "X will not ..." is
                code = self._refused(code)
            if block == "plan" and how == "asserted" and code is not None:
                # "X said it hopes to reach a deal with Y": a stated intention to cooperate is
                # the intent (AGREE), as "X said it would meet Y" is
                intended = self._intended(code)
                if ontology.root_of(intended) == "03" and self.precision.reporter(tok) is not None:
                    code, modality = intended, "asserted"
        elif code is None:
            # "will meet" that nothing reports; "Y must ..." that nobody says
            modality = "planned" if how == "intent" else "hypothetical"
            code = pred.entry.cameo
            if how == "intent" and code is not None and not _provided_for(tok):
                # "X will meet Y": a cooperative act told in the future is an intention (the
                # PLOVER manual's AGREE), planned, as "X said it would meet Y" is asserted
                code = self._intended(code)
        else:
            modality = "asserted"
        if speaker is not False and modality == "asserted":
            modality = "quoted"  # words inside a direct quote are the speaker's, not ours
        assert code is not None
        dated = anchored.get(tok.i) or (anchored.get(tok.head.i, []) if tok.dep_ == "conj" else [])
        refs = [r for r, _ in dated]
        if how == "asserted":
            if any(dates_mod.is_background(r, published) for r in refs):
                return []  # background: an act of a past period ("in 2018", "since 2009")
            if modality == "asserted" and any(
                # a future date under a complement dates the act agreed on, not the agreeing
                # ("agreed to send a delegation in September")
                direct and dates_mod.is_future(r, published)
                for r, direct in dated
            ):
                modality = "planned"
        # the sides of a verb read in order: a phrase after it does not reach back over it
        resolver.floor = tok.i if pred.misread else None
        sources, targets = self.roles.roles(pred, resolver)
        resolver.floor = None
        if how == "demand":
            reporter = self.precision.reporter(tok)
            subj = subject_of(reporter) if reporter is not None else None
            targets = [p for p in sources if p.known] or sources
            sources = resolver.phrase(subj) if subj is not None else []
        # a thing, an idea or an event is no one acting ("the proposal reflects", "the war
        # pushed", "repeated cuts hampered"): no source
        sources = [widened(p, sent, tok) for p in sources if not is_thing(p, sent.doc, self.rules)]
        targets = [widened(p, sent, tok) for p in _grouped(targets, text)]
        visit = code[:2] == "04"
        memo, in_at = self._where, self._in_at
        here = places.sentence_location(tok, in_at, ents, self.gaz, destination=visit, memo=memo)
        stated = places.sentence_location(
            tok, in_at, ents, self.gaz, destination=visit, stated=True, memo=memo
        )
        loc = here or dateline
        if here is not None and here.country:
            sources, targets = localize(sources, here.country), localize(targets, here.country)
        else:
            # "the military" where the article names only one country's military
            sources = [self._same_agent(p, sent.doc) for p in sources]
            targets = [self._same_agent(p, sent.doc) for p in targets]
            # the article's home country for "police" and for people it gives no country
            if self.home:
                sources = localize(sources, self.home, persons=True)
                targets = localize(targets, self.home, persons=True)
            elif self.leading:
                sources = localize(sources, self.leading, named=False, persons=True)
                targets = localize(targets, self.leading, named=False, persons=True)
        if not sources and pred.passive and here is not None and here.country:
            sources = self.roles.default_source(code, here.country)
        if self.roles.open_target(pred, targets):
            # "Chad's and Sudan's envoys met. Kenya urged the two delegations to ...": the
            # actors named just before
            phrase = next((t for t in targets if t.sector and t.sector != "IGO"), targets[0])
            targets = resolver.earlier(sources, phrase) or targets
        if not any(t.known for t in targets):
            # an intent to act (or a refusal) is about the act's receiver: its code decides
            act = pred.entry.cameo or code
            # what the act is done to: people, and the thing the predicate's object names
            # ("stormed *a police post*"), not the act's own noun ("imposed *a curfew*")
            done_to = {o.i for o in pred.objects if not names_act(o, pred.entry)}
            someone = [
                t
                for t in targets
                if not is_thing(t, sent.doc, self.rules) or root_of(t, sent.doc) in done_to
            ]
            targets = self.roles.default_target(act, sources, targets, here, loc, someone)
        if sources and rank == 0 and block not in DESCRIBED:
            # the subject of a reported act, not of a description, is the one "it" may name
            resolver.remember(sources)
        if not sources and not targets:
            return []  # no side at all: nothing between actors to tell
        when = next((r for r in refs if r.relation == "at"), None)
        if when is None:
            # a recent date elsewhere in the sentence ("fired tear gas at supporters who
            # tried to march on Wednesday night") dates the whole scene
            when = next(
                (r for rs in anchored.values() for r, _ in rs if _recent_day(r, published)),
                None,
            )
        date_source = "text"
        scene = self.scene_before
        if when is None and scene is not None and tok.tag_ in ("VBD", "VBN"):
            # an act told in the past after a sentence set the day ("On Tuesday the council
            # voted ... The mayor asked ..."): the scene goes on
            when, date_source = scene, "context"
        event_date = when.iso() if when and how == "asserted" else None
        if event_date is None and published is not None:
            event_date, date_source = published.isoformat(), "published"
        plover = ontology.code(code).plover or ""
        told = self._told(pred, modality, sources)
        out = []
        for src, tgt in pairs(sources, targets, code, self._symmetric(pred)):
            where = stated or self._at_home(src, tgt)
            # the record's sides carry a coordination's words; the scorer reads each conjunct
            words = joined_words(src, tgt, text), joined_words(tgt, src, text)
            # the scorer reads the modality as before; the record says what was told
            shown = told
            if (
                told == "quoted"
                and isinstance(speaker, str)
                and src is not None
                and src.name == speaker
                and self._told_done(tok)
            ):
                # '"X has sent a hospital ship," X said': X announces an act of its own done
                shown = self._told(pred, "asserted", sources)
            if shown == "asserted" and same_actor(src, tgt):
                shown = "reflexive"
            event = self._event(
                pred, code, how, shown, *words, event_date, date_source, where, sent, cut, text
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
                self.dates,
                published,
                speaker is not False,
            )
            out.append(Candidate(event, feats, (tok.i, side_key(src), side_key(tgt)), shown, rank))
        return out

    def _told(self, pred: Predicate, modality: str, sources: list[Participant]) -> str:
        """The record's modality of an act the coder would assert: "ongoing" for a standing
        state or a running total (:meth:`Precision.standing`), "background" for a past perfect
        put before the news (:meth:`Precision.earlier`), "agentless" for an act with no source
        ("the town was shelled", "an airstrike killed six") or only a source that names no
        actor: no country, organisation, sector or name, nor a group of people ("58% of
        respondents back the plan": a survey's share), which the gold conventions leave uncoded
        (an event needs someone acting); else ``modality``. Only the record's modality changes:
        the sentence sets (PLV, PLOVER) type such sentences, and count them still."""
        if modality != "asserted":
            return modality
        if self.precision.standing(pred.token):
            return "ongoing"
        if self.precision.earlier(pred.token):
            return "background"
        if self.precision.purpose(pred.token):
            return "planned"
        if not any(_someone(p) for p in sources):
            return "agentless"
        return modality

    def _agent_countries(self, doc: Doc, ents: dict[int, Span]) -> dict[str, str]:
        """The country of each agent noun ("military", "army", "police") the article gives a
        country wherever it does ("Chile's military", "the Chilean army"), when that is
        always the same one: a bare "the military" elsewhere in the article is that one."""
        found: dict[str, set[str]] = {}
        # read from the entities' words up to the noun they modify: a walk over every word
        # of the article would find the same pairs
        for i, ent in ents.items():
            if not ent.id_:
                continue
            child = doc[i]
            if child.dep_ not in ("poss", "amod", "compound"):
                continue
            tok = child.head
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.rules.sectors:
                continue
            country = self.gaz.country_of(ent.id_)
            if country is not None:
                found.setdefault(tok.lemma_.lower(), set()).add(country.iso3)
        return {
            noun: cameo
            for noun, countries in found.items()
            if len(countries) == 1 and (cameo := self._cameo(next(iter(countries))))
        }

    def _same_agent(self, side: Participant, doc: Doc) -> Participant:
        """A side named by an agent noun alone ("the military said") takes the country the
        article gives that noun elsewhere (:meth:`_agent_countries`)."""
        if side.country or side.named or not side.sector or side.end <= side.start:
            return side
        span = doc.char_span(side.start, side.end, alignment_mode="expand")
        country = self.agents.get(span.root.lemma_.lower()) if span is not None else None
        if country is None:
            return side
        return replace(side, country=country, code=country + side.sector, via="inferred")

    def _intended(self, code: str) -> str:
        """The intent code of a cooperative act (meet -> 036, give aid -> 033), else it."""
        root = ontology.root_of(code)
        return (self.rules.intent.get(root) or code) if "04" <= root <= "08" else code

    def _refused(self, code: str) -> str:
        """The refusal code (12x) of a cooperative act (meet -> 125, ease -> 124), else it."""
        root = ontology.root_of(code)
        return (self.rules.refuse.get(root) or code) if "03" <= root <= "08" else code

    def _cameo(self, iso3: str | None) -> str | None:
        country = self.gaz.country_by_code(iso3) if iso3 else None
        return country.cameo if country else iso3

    def _at_home(self, source: Participant | None, target: Participant | None) -> Location | None:
        """Where an act the sentence does not place happened: the dateline when its source is
        of the dateline's country; the home place when it is done within the home country (its
        source is of it, and so is its target if it has a known one); else nowhere we know."""
        if source is None or source.country is None:
            return None
        if self.dateline is not None and source.country == self._cameo(self.dateline.country):
            return self.dateline
        if self.home_place is None or source.country != self.home:
            return None
        if target is not None and target.known and target.country != self.home:
            return None
        return self.home_place

    def _told_done(self, verb: Token) -> bool:
        """Whether a verb tells of something done: past tense, not negated, hedged or under a
        condition ("met on Monday", not "did not meet on Monday", "could be signed")."""
        return verb.tag_ in ("VBD", "VBN") and not any(
            c.dep_ == "neg"
            or (c.dep_ == "aux" and self.rules.is_("hedge", c.lower_))
            or (c.dep_ == "mark" and self.rules.is_("condition", c.lower_))
            for c in verb.children
        )

    def _symmetric(self, pred: Predicate) -> bool:
        """Whether the predicate is done together ("met", "held talks", "signed an accord"):
        its word or its object's is in ``data/events/coder/words.tsv`` (class ``symmetric``),
        or the object of its complement ("X and Y failed to reach *a deal*")."""
        words = [pred.noun if pred.noun is not None else pred.token, *pred.objects]
        words += [
            o
            for comp in pred.token.children
            if comp.dep_ == "xcomp"
            for o in comp.children
            if o.dep_ == "dobj"
        ]
        return any(self.rules.is_("symmetric", w.lemma_) for w in words)

    def _dates(
        self, sent: Span, published: date | None, preds: dict[int, Predicate], cut: int
    ) -> dict[int, list[tuple[dates_mod.DateRef, bool]]]:
        """Date expressions of the sentence by the verb they attach to, each with whether it
        attaches to that verb itself (not to a complement verb under it)."""
        out: dict[int, list[tuple[dates_mod.DateRef, bool]]] = {}
        for ent in self.dates:
            if ent.start_char < cut or ent.end_char > sent.end_char:
                continue
            head = ent.root
            text = ent.text
            if head.head.dep_ == "prep" or head.dep_ == "pobj":
                prep = head.head
                text = f"{prep.lower_} {text}"
            verb = head
            nouns = 0  # common nouns between the date and its verb: deep dates belong to them
            direct = True
            while verb.head.i != verb.i and (
                verb.pos_ not in ("VERB", "AUX")
                or (verb.i not in preds and verb.dep_ in ("xcomp", "advcl", "acl", "pcomp"))
            ):
                direct = direct and verb.pos_ not in ("VERB", "AUX")
                verb = verb.head
                nouns += verb.pos_ == "NOUN"
            if nouns > 2:
                continue
            future = any(
                c.dep_ == "aux" and self.rules.is_("future", c.lower_) for c in verb.children
            )
            past = verb.tag_ in ("VBD", "VBN") and not future
            ref = dates_mod.resolve(text, published, future=future, past=past)
            if ref is not None:
                out.setdefault(verb.i, []).append((ref, direct))
        return out

    def _event(
        self,
        pred: Predicate,
        code: str,
        how: str,
        modality: str,
        source: Participant | None,
        target: Participant | None,
        event_date: str | None,
        date_source: str | None,
        location: Location | None,
        sent: Span,
        cut: int,
        text: str,
    ) -> Event:
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
            date=event_date,
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


def _denied(tok: Token) -> bool:
    """Whether the verb itself is negated ("did *not* ease", "*never* freed"), not a verb
    above it."""
    return any(is_negator(c) for c in tok.children)


def _provided_for(tok: Token) -> bool:
    """Whether a future act is what something provides for ("*Under* the accord, X will
    ..."): the terms of an agreement, not anyone's intention."""
    return any(c.dep_ == "prep" and c.lower_ == "under" for c in tok.children)


def _grouped(side: list[Participant], text: str) -> list[Participant]:
    """Conjoined phrases no actor stands for ("released *prisoners and detainees*") are one
    group: one participant with all their words (actors the text names stay one each; a
    country the phrases only inherit does not make them actors)."""
    named = any(p.known and p.via != "inferred" for p in side)
    if len(side) < 2 or named or not side[0].start < side[-1].end:
        return side
    first, last = side[0], side[-1]
    return [replace(first, text=text[first.start : last.end], end=last.end)]


def _sequel(pred: Predicate, preds: dict[int, Predicate]) -> bool:
    """Whether the predicate is a participle clause telling what a coded act of its type did
    ("stormed a police post, *killing* five officers"): the same act, not another."""
    tok = pred.token
    head = preds.get(tok.head.i)
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and head is not None
        and head.plover == pred.plover
        and not any(c.dep_ in ("nsubj", "mark") for c in tok.children)
    )


def _recent_day(ref: dates_mod.DateRef, published: date | None) -> bool:
    """Whether a date is a day at most ``RECENT_DAYS`` before publication."""
    return (
        ref.relation == "at"
        and ref.precision == "day"
        and published is not None
        and 0 <= (published - ref.value).days <= RECENT_DAYS
    )


def _someone(side: Participant) -> bool:
    """Whether a source names an actor: someone known, an agent of a sector, a name, or a
    group of people ("teachers", "the leaders of the region's countries")."""
    return side.known or bool(side.sector) or side.plural or side.named
