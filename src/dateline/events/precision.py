"""Precision rules: which predicates are no event, and which are intents, refusals, demands;
and the modality the record gives each act (:meth:`Precision.reading`, :meth:`Precision.told`).

See :mod:`dateline.events.coder` for the rules in prose. The word classes (reporting, plan,
hedge, obligation, future, condition verbs and words) are data: ``data/events/coder/words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from spacy.tokens import Doc, Token

from dateline.events import ontology
from dateline.events.clause_targets import charged_by, subject_of, verbless_subject
from dateline.events.implied_sides import FORCE_ROOTS
from dateline.events.model import Participant
from dateline.events.predicates import Predicate, phrase_tokens
from dateline.events.rules import CoderRules
from dateline.nlp import aside_subject, is_negator, past_perfect, short_of, to_infinitive

#: Code of a reported obligation ("X said Y must ...") -- demand, unspecified.
DEMAND_CODE = "100"
#: Code of a reported future act under a condition ("would X unless Y") -- threaten.
THREAT_CODE = "130"
_SKIP_CLAUSES = frozenset({"relcl", "acl", "amod", "csubj"})
#: Dependents that open a clause of their own: what they say is not said of the predicate
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "csubj"})
#: The modality a blocking reason gives the act it holds back (the record's ``modality``):
#: an act a clause describes ("Chile, which has refused ...") or gives as the cause or the
#: time before ("after rebels shelled ...") is background; one under another coded act
#: ("urged X to *release* ...") is not done, hypothetical. Reasons not named here ("question")
#: make no event.
MODALITY_OF_BLOCK = {
    "negated": "negated",
    "condition": "hypothetical",
    "hedge": "hypothetical",
    "plan": "planned",
    "clause": "background",
    "earlier": "background",
    "nested": "hypothetical",
}
#: Blocking reasons of acts told to describe or explain, not reported.
DESCRIBED = frozenset({"clause", "earlier", "nested"})
#: Entity labels of numbers and amounts: words of such an entity name no one
_COUNTS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
_SCORE = re.compile(r"^\d{1,2}[-\u2013]\d{1,2}$")
_DASHES = frozenset({"-", "\u2013"})


def _asked_for(clause: Token, preds: dict[int, Predicate]) -> bool:
    """Whether the coded verb above ``clause`` was matched by a row that asks for it as its
    complement ("offered on Monday *to mediate*", parsed as a clause of purpose): the clause
    is the act offered or urged, nested in it, not an act of its own."""
    above = preds.get(clause.head.i)
    return above is not None and clause.lemma_.lower() in above.entry.comp


class Precision:
    def __init__(self, rules: CoderRules) -> None:
        self.rules = rules

    def blocked(self, tok: Token, preds: dict[int, Predicate], cut: int = 0) -> bool:
        """Whether any precision rule holds the predicate back (see :meth:`block`)."""
        return self.block(tok, preds, cut) is not None

    def block(self, tok: Token, preds: dict[int, Predicate], cut: int = 0) -> str | None:
        """Which precision rule on the predicate's place in the parse holds it back, or None:
        "plan" (a plan verb, or under one), "clause" (a relative or participial clause),
        "negated", "condition", "hedge", "nested" (under another coded predicate), "earlier"
        (in an after/since/because clause of another act), "question" ("asked whether"),
        "score" (a verb of force with a game's scoreline: "beat X 3-1"). The
        scorer reads the reason; negated, conditional, hedged and planned acts are kept with
        their modality (:func:`modality_of`). Words before ``cut`` (a wire dateline) are no
        part of the clause: a verb the parser hung on them ("NARVA -- Police *fired*" as a
        relative clause) heads its sentence."""
        rules = self.rules
        if rules.is_verb("plan", tok):
            return "plan"
        code = preds[tok.i].entry.cameo
        if code is not None and ontology.root_of(code) in FORCE_ROOTS and _scoreline(tok, rules):
            return "score"  # "Brazil beat Argentina 3-1", "on penalties": a game, no force
        asks = not any(c.dep_ == "xcomp" for c in tok.children)  # "asked X to ..." requests
        if (
            asks
            and rules.is_("question", tok.lemma_)
            and any(_a_question(c, rules) for c in tok.children)
        ):
            return "question"  # "asked X whether ...": a question, not a request
        if rules.is_verb("caution", tok) and self._foretells(tok):
            return "forecast"  # "warned that heavy rain would continue": no act of the teller's
        if self._found(tok):
            return "finding"  # "polls show that most voters *back* a ban": an opinion measured
        if aside_subject(tok) is not None:
            return "clause"  # "a spokesman, *asked* about it, said": he was asked
        if _described_by(tok):
            return "clause"  # "X, *backed by* Y, signed ...": who X is, not what Y did
        if tok.dep_ == "xcomp" and rules.is_verb("unfulfilled", tok.head):
            return "negated"  # "*failed to* release the prisoners": not released
        if _forgone(tok, rules):
            return "negated"  # "*stopped short of* saying they would block it": not said
        main = tok.head.idx < cut or verbless_subject(tok) is not None
        if tok.dep_ in _SKIP_CLAUSES and not main and not (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            return "clause"  # "a letter *urging* ..." describes the act it names
        only_conj = True
        detached = False
        node = tok
        own_tense = False  # the last step up was from a verb with a tense of its own
        while True:
            for c in node.children:
                if own_tense and (is_negator(c) or c.dep_ == "aux"):
                    continue  # "would *not* return ... and *rejected*": not the joined verb's
                if is_negator(c):
                    if node.i == tok.i and self._refusal(tok, preds[tok.i]) is not None:
                        continue  # "said it would not ...": coded as the refusal
                    return "negated"
                if c.dep_ == "mark" and rules.is_("condition", c.lower_):
                    return "condition"
                if c.dep_ == "aux" and (
                    rules.is_("hedge", c.lower_)
                    or (node.i != tok.i and rules.is_("obligation", c.lower_))
                ):
                    return "hedge"
            if node.i != tok.i:
                if node.i in preds and not only_conj and not detached:
                    return "nested"
                if rules.is_verb("plan", node) and not only_conj:
                    return "plan"
                if (
                    node.dep_ in _SKIP_CLAUSES
                    and node.tag_ != "VBG"
                    and node.head.idx >= cut
                    and verbless_subject(node) is None
                ):
                    return "clause"
            if (
                node.dep_ == "advcl"
                and node.head.idx >= cut
                and any(_opens_with(c, node, rules) for c in node.children)
                and not _just_before(node, rules)
            ):
                return "earlier"  # "closed the border after rebels shelled ...": background
            if node.i == tok.i and charged_by(node, rules.words["charge"]) is not None:
                return "nested"  # "accused X of shelling the town, *killing* four": alleged
            if node.dep_ in ("advcl", "parataxis") and not _asked_for(node, preds):
                detached = True  # "met ..., calling on X": both are acts
            if node.dep_ != "conj":
                only_conj = False
            if node.head.i == node.i or node.dep_ in ("ROOT",) or node.head.idx < cut:
                return None
            own_tense = _own_tense(node)
            node = node.head

    def _foretells(self, verb: Token) -> bool:
        """Whether a verb of warning (``words.tsv`` class ``caution``) tells what someone else
        or something will do, to no one it addresses: its only complement is a clause whose
        subject is a thing ("warned that *heavy rain* would continue", "that *famine* could
        spread"), "there", or an actor named for itself ("warned that *Russia* could cut off
        gas"). No act of the teller's: not its threat, nor a request. The teller's own act
        stays a threat: a pronoun for it ("warned that *it* would retaliate"), its own people
        ("that *its members* would walk out", "that *drivers* would block the road"), or what
        the subject is to undergo ("that *X* would face sanctions", "would be punished")."""
        children = list(verb.children)
        if any(c.dep_ in ("dobj", "dative", "xcomp") for c in children):
            return False  # "warned Manila not to ...", "warned X that ...": addressed
        clause = next(
            (
                c
                for c in children
                if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and not to_infinitive(c)
            ),
            None,
        )
        if clause is None:
            return False
        own = list(clause.children)
        if clause.lemma_ == "face" or any(c.dep_ in ("nsubjpass", "auxpass") for c in own):
            return False
        subj = next((c for c in own if c.dep_ in ("nsubj", "expl")), None)
        if subj is None or (subj.pos_ == "PRON" and subj.dep_ != "expl"):
            return False
        if subj.dep_ == "expl" or subj.lower_ == "there":
            return True  # "warned that there could be shortages"
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
            return False  # "warned that *its* forces would respond"
        if subj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"):
            return True  # another actor's act
        lemma = subj.lemma_.lower()
        rules = self.rules
        # a noun of people by its ending only in the plural ("drivers", not "hunger")
        people = (
            lemma in rules.sectors
            or rules.is_("agent", lemma)
            or (subj.tag_ == "NNS" and any(lemma.endswith(s) for s in rules.words["agent_suffix"]))
        )
        return rules.is_("thing", lemma) or not people

    def standing(self, tok: Token) -> bool:
        """Whether the predicate tells a standing state or a running total rather than an act
        of the reported period (the gold conventions' "ongoing states" and "cumulative tolls"):
        an adverb of frequency on it ("is *usually* granted"); a time that comes round again on
        a verb in the present ("*every summer* the fleets gather"); a running total anywhere in
        its own clause ("*so far* 300 have been detained"); a perfect told as done again and
        again or for long (``iterative``: "has *repeatedly* accused", "have *long* demanded");
        a present or perfect whose object is told frequent (``frequent``: "carries out
        *near-daily* strikes"); or a perfect or progressive act over a stretch of time ("has
        been deployed there *for ten years*", "has arrested 40 *in the past two weeks*"). Words
        of the clauses under it do not count."""
        rules = self.rules
        own = sorted(phrase_tokens(tok, _OWN_CLAUSES), key=lambda t: t.i)
        if any(
            t.dep_ == "advmod" and t.head.i == tok.i and rules.is_("habitual", t.lower_)
            for t in own
        ):
            return True
        if any(rules.is_("cumulative", f"{a.lower_} {b.lower_}") for a, b in pairwise(own)):
            return True
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        if perfect and any(
            c.dep_ == "advmod" and rules.is_("iterative", c.lower_) for c in tok.children
        ):
            return True  # "has repeatedly accused X", "have long demanded Y": the story so far
        if (perfect or tok.tag_ in {"VBP", "VBZ"}) and any(
            o.dep_ == "dobj"
            and any(a.dep_ == "amod" and rules.is_("frequent", a.lower_) for a in o.children)
            for o in tok.children
        ):
            return True  # "carries out near-daily strikes": a habit
        if tok.tag_ in {"VBP", "VBZ"} and any(_recurring(c, rules) for c in tok.children):
            return True  # "every summer, trawlers gather ...": a habit told in the present
        aspect = perfect or (
            tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)
        )
        # "since" counts done acts up to now only on a simple perfect ("has seized six boats
        # since then"); a progressive from a recent day is the period's own act ("has been
        # shelling the towns since Monday")
        counted = tok.tag_ == "VBN"
        return aspect and any(_stretch(t, rules, since=counted) for t in own)

    def purpose(self, tok: Token) -> bool:
        """Whether the predicate is the aim of an effort told as under way or still to come, an
        infinitive clause on a progressive verb ("is massing tanks on the frontier *to invade*
        Y") or on one in the base form ("would ask X to send observers *to monitor* Y"): what
        the effort is meant to do, not done yet. On a verb told as done ("travelled to the
        capital *to sign* a treaty") the aim is told as done too, unless the verb sets a time
        for it ("gave X *48 hours* to leave", "has *until Friday* to reply"): that is a
        deadline for the act, which is still to come."""
        if tok.tag_ != "VB" or not to_infinitive(tok):
            return False
        if tok.dep_ == "advcl" and tok.head.tag_ in ("VBG", "VB"):
            return True
        return tok.dep_ in ("advcl", "xcomp") and self._deadline(tok.head, tok)

    def _deadline(self, verb: Token, comp: Token) -> bool:
        """Whether ``verb`` gives a stretch of time before its complement ``comp``: a
        duration ("*14 days*", "*a week*") or "until" a date among its dependents."""
        for c in verb.children:
            if c.i > comp.i or c.dep_ not in ("npadvmod", "dobj", "prep"):
                continue
            if c.dep_ == "prep":
                if c.lower_ == "until" and any(
                    g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children
                ):
                    return True
            elif self.rules.is_("duration", c.lemma_) and any(
                g.dep_ in ("nummod", "det") for g in c.children
            ):
                return True
        return False

    def _found(self, tok: Token) -> bool:
        """Whether the predicate is in the clause of what a poll, survey or study found
        (class ``finding``: "*polls show* that most voters *support* a ban", "a *survey found*
        most residents *oppose* the tax"): a measured opinion or state of many, not an act."""
        node = _clause_head(tok)
        if node.dep_ != "ccomp":
            return False
        return any(
            c.dep_ == "nsubj" and self.rules.is_("finding", c.lemma_) for c in node.head.children
        )

    def earlier(self, tok: Token) -> bool:
        """Whether the predicate is a past perfect put before the news by an adverb ("X *had
        earlier* seized a tanker"), or a past act told "at the time" ("rights groups accused
        police *at the time* of ..."), the time of a history the article has told: background
        from an earlier time, as the gold leaves it."""
        if tok.tag_ in ("VBD", "VBN") and any(_at_the_time(c) for c in tok.children):
            return True
        return past_perfect(tok) and any(
            c.dep_ == "advmod" and self.rules.is_("previously", c.lower_) for c in tok.children
        )

    def circumstance(self, tok: Token) -> bool:
        """Whether the predicate is a process told in the simple present in a clause of
        circumstance (``words.tsv`` class ``circumstance``: "prices rose, *as* the ministry
        tightens the curfew and *bans* night markets"): the ongoing backdrop of the news, not an
        act it reports (modality ongoing)."""
        node = _clause_head(tok)
        return (
            node.dep_ == "advcl"
            and node.tag_ in ("VBZ", "VBP")
            and any(
                c.dep_ == "mark" and self.rules.is_("circumstance", c.lower_) for c in node.children
            )
        )

    def contrasted(self, tok: Token) -> bool:
        """Whether the predicate stands in a clause set against the news ("*while* the union
        praised the budget, the opposition ...", "*although* the minister had opposed the
        tax, ..."): a contrast told to frame the reported act, not reported itself
        (background). A progressive "while" clause tells a time ("while they were marching,
        police fired"), not a contrast; nor does a "while" clause told after the act it hangs
        on tell its background: it adds one more act of the news ("X said ..., *while*
        civic groups staged a protest outside the embassy")."""
        node = _clause_head(tok)
        if node.dep_ != "advcl":
            return False
        mark = next((c for c in node.children if c.dep_ == "mark"), None)
        if mark is None or not self.rules.is_("contrast", mark.lower_):
            return False
        if mark.lower_ == "while" and node.i > node.head.i:
            return False
        return not (mark.lower_ == "while" and node.tag_ == "VBG")

    def modality(self, tok: Token, pred: Predicate) -> tuple[str, str | None]:
        """("asserted", code) for a reported act; ("intent", code) for a future act a reporting
        verb carries; (.., None) for a future act nothing carries (no event)."""
        code = pred.entry.cameo
        assert code is not None
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if any(self.rules.is_("obligation", a) for a in aux):
            # "X said Y must ...": X demands of Y; unreported, a hedge (no event)
            return ("demand", DEMAND_CODE) if self.reporter(tok) is not None else ("", None)
        head = tok.head
        if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and self.rules.is_("willing", head.lower_):
            root = ontology.root_of(code)
            return "intent", code if root in ("03", "12", "13") else self.rules.intent.get(root)
        # "will try to end ...", "would seek to lift ...": the future of a verb of trying or
        # starting is the act's own (words.tsv class transparent)
        told = tok
        while told.dep_ == "xcomp" and self.rules.is_verb("transparent", told.head):
            told = told.head
        future = any(
            c.dep_ == "aux" and self.rules.is_("future", c.lower_) for c in told.children
        ) or (
            tok.dep_ == "xcomp"
            and tok.head.lemma_ == "go"
            and any(c.dep_ == "aux" for c in tok.head.children)
        )
        if not future:
            return "asserted", code
        refused = self._refusal(tok, pred)
        if refused is not None:
            return "refusal", refused
        if self.reporter(tok) is not None:
            root = ontology.root_of(code)
            if root >= "10" and self._conditional(tok):
                # "said it would boycott the vote unless ...": an ultimatum, a threat
                return "intent", self.rules.intent.get(root) or THREAT_CODE
            if root in ("03", "12", "13"):
                return "intent", code
            return "intent", self.rules.intent.get(root)
        return "intent", None

    def reading(self, pred: Predicate, block: str | None, quoted: bool) -> tuple[str, str, str]:
        """How the act is read (:meth:`modality`: "asserted", "intent", "refusal", "demand" or
        ""), the code the record gives it and the record's modality, for a predicate held back
        by ``block`` (:meth:`block`) or not, ``quoted`` when it stands inside a direct quote."""
        tok = pred.token
        how, code = self.modality(tok, pred)
        if block is not None:
            modality = MODALITY_OF_BLOCK[block]
            code = code or pred.entry.cameo
            if block == "negated" and code is not None and _denied(tok):
                # "X has not eased its curfew", "X never freed them": a cooperative act its
                # doer is told not to do is the refusal (CAMEO 12), as "X will not ..." is
                code = self.refused(code)
            if block == "plan" and how == "asserted" and code is not None:
                # "X said it hopes to reach a deal with Y": a stated intention to cooperate is
                # the intent (AGREE), as "X said it would meet Y" is
                intended = self.intended(code)
                if ontology.root_of(intended) == "03" and self.reporter(tok) is not None:
                    code, modality = intended, "asserted"
        elif code is None:
            # "will meet" that nothing reports; "Y must ..." that nobody says
            modality = "planned" if how == "intent" else "hypothetical"
            code = pred.entry.cameo
            if how == "intent" and code is not None and not _provided_for(tok):
                # "X will meet Y": a cooperative act told in the future is an intention (the
                # PLOVER manual's AGREE), planned, as "X said it would meet Y" is asserted
                code = self.intended(code)
        else:
            modality = "asserted"
        if quoted and modality == "asserted":
            modality = "quoted"  # words inside a direct quote are the speaker's, not ours
        assert code is not None
        return how, code, modality

    def told(
        self,
        pred: Predicate,
        modality: str,
        sources: list[Participant],
        targets: Sequence[Participant] = (),
    ) -> str:
        """The record's modality of an act the coder would assert: "ongoing" for a standing
        state or a running total (:meth:`standing`), "background" for a past perfect put
        before the news (:meth:`earlier`), "agentless" for an act with no source ("the town
        was shelled", "an airstrike killed six") or only a source that names no actor: no
        country, organisation, sector or name, nor a group of people ("58% of respondents back
        the plan": a survey's share), or when no side names whom it stands for (no actor we
        know, no name, no entity's words on the source, no known target: "several states
        back the draft"), which the gold conventions leave uncoded (an event needs
        someone acting), or when every source is a natural hazard (:meth:`_hazard`);
        "ongoing" also for a standing text's provision told in the present (:meth:`_provides`),
        "agentless" for what such a text did told in another tense;
        "background" also for a clause of contrast (:meth:`contrasted`); else ``modality``.
        Only the record's modality changes: the sentence sets (PLV, PLOVER) type such
        sentences, and count them still."""
        if modality != "asserted":
            return modality
        if (
            self.standing(pred.token)
            or self.circumstance(pred.token)
            or _present_deed(pred.token, pred.entry.cameo)
        ):
            return "ongoing"
        if self.earlier(pred.token) or self.contrasted(pred.token):
            return "background"
        if self.purpose(pred.token):
            return "planned"
        if not any(_someone(p) for p in sources):
            return "agentless"
        doc = pred.token.doc
        if all(self._hazard(p, doc) for p in sources):
            return "agentless"  # "Typhoon X slammed into ...": weather, no one acting
        if all(self._provides(p, doc) for p in sources):
            # "the new law bans ...": what a standing text provides; "British law prevented
            # the museum from ...": a text is no one acting
            return "ongoing" if pred.token.tag_ in ("VBZ", "VBP") else "agentless"
        if not any(_named(p, doc) for p in sources) and not any(p.known for p in targets):
            return "agentless"
        return modality

    def _hazard(self, side: Participant, doc: Doc) -> bool:
        """Whether a side is a natural hazard or a disease (``words.tsv`` class ``hazard``):
        its head noun is one ("the floods", "a deadly virus"), or the name it heads is the
        name of one ("*Typhoon* Kalmaegi", "*Storm* Ingrid")."""
        span = doc.char_span(side.start, side.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        words = [root, *(c for c in root.children if c.dep_ == "compound" and c.i < root.i)]
        return any(self.rules.is_("hazard", w.lemma_) for w in words)

    def _provides(self, side: Participant, doc: Doc) -> bool:
        """Whether a side is a standing text that rules (``words.tsv`` class ``provision``:
        "the new law", "a decree"), by its head noun."""
        span = doc.char_span(side.start, side.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and self.rules.is_("provision", span.root.lemma_)

    def told_done(self, verb: Token) -> bool:
        """Whether a verb tells of something done: past tense, not negated, hedged or under a
        condition ("met on Monday", not "did not meet", "never met", "could be signed")."""
        return verb.tag_ in ("VBD", "VBN") and not any(
            is_negator(c)
            or (c.dep_ == "aux" and self.rules.is_("hedge", c.lower_))
            or (c.dep_ == "mark" and self.rules.is_("condition", c.lower_))
            for c in verb.children
        )

    def intended(self, code: str) -> str:
        """The intent code of a cooperative act (meet -> 036, give aid -> 033), else it."""
        root = ontology.root_of(code)
        return (self.rules.intent.get(root) or code) if "04" <= root <= "08" else code

    def refused(self, code: str) -> str:
        """The refusal code (12x) of a cooperative act (meet -> 125, ease -> 124), else it."""
        root = ontology.root_of(code)
        return (self.rules.refuse.get(root) or code) if "03" <= root <= "08" else code

    def _conditional(self, tok: Token) -> bool:
        """Whether the act carries a condition clause ("... unless Baghdad accepts")."""
        return any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
            for c in tok.children
        )

    def _refusal(self, tok: Token, pred: Predicate) -> str | None:
        """The 12x code of "X said it would not <cooperative act>" or "X will not <act>"
        (a refusal stated now, CAMEO 12), or None. "would not" needs a reporting verb: alone
        it is a conditional ("it would not help")."""
        negated = any(c.dep_ == "neg" for c in tok.children)
        aux = [c for c in tok.children if c.dep_ == "aux" and self.rules.is_("future", c.lower_)]
        if not (negated and aux and pred.entry.cameo):
            return None
        if self.reporter(tok) is None and not any(a.lower_ in ("will", "wo") for a in aux):
            return None
        return self.rules.refuse.get(ontology.root_of(pred.entry.cameo))

    def reporter(self, tok: Token) -> Token | None:
        """The reporting verb that carries the clause, if any: "X said (that) it would ...",
        "it would ..., X said", "X announced it will ..."."""
        for c in tok.children:
            if (
                c.dep_ in ("parataxis", "ccomp", "advcl", "conj")
                and c.i > tok.i
                and self.rules.is_verb("report", c)
            ):
                return c
        node = tok
        others: list[Token] = []  # subjects of joined clauses of their own on the way up
        while node.dep_ in ("ccomp", "conj", "xcomp", "advcl") and node.head.i != node.i:
            if node.dep_ == "conj":
                others.extend(c for c in node.children if c.dep_ == "nsubj" and c.pos_ != "PRON")
            node = node.head
            if self.rules.is_verb("report", node):
                # "X said it would A, but Y would B": Y's act is told of Y, not X's intent
                teller = subject_of(node)
                if teller is not None and any(o.lemma_ != teller.lemma_ for o in others):
                    return None
                return node
        return None


def sequel(pred: Predicate, preds: dict[int, Predicate], rules: CoderRules) -> bool:
    """Whether the predicate is a participle clause telling what a coded act of its type did
    ("stormed a police post, *killing* five officers"), or a demand told of a protest
    ("blocked the port, *demanding* ..."), or what talks went over ("held talks,
    *discussing* trade": ``words.tsv`` class ``topic``), or the means of an act ("attacked
    the town, *using* drones": class ``instrument``), or the aim of an act of its type
    (:func:`_topic_of`), or a protest told as the aim of a complaint ("summoned the envoy
    *to protest* the raid"): the same act, not another."""
    tok = pred.token
    head = preds.get(tok.head.i)
    if head is not None and _topic_of(pred, head, rules):
        return True
    if (
        head is not None
        and head.plover == "ACCUSE"
        and pred.plover == "PROTEST"
        and tok.dep_ == "advcl"
        and to_infinitive(tok)
    ):
        return True  # "summoned the envoy *to protest* the raid": the complaint, by its aim
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and head is not None
        and (
            head.plover == pred.plover
            # "blocked the road, *demanding* X": what a protest asks is the protest's aim
            or (head.plover == "PROTEST" and pred.plover == "REQUEST")
            or (head.plover == "CONSULT" and rules.is_verb("topic", tok))
            # "launched the assault, *using* drones": the means of the act told
            or rules.is_verb("instrument", tok)
        )
        and not any(c.dep_ in ("nsubj", "mark") for c in tok.children)
    )


def _topic_of(pred: Predicate, head: Predicate, rules: CoderRules) -> bool:
    """Whether the predicate is the aim of a coded act of its type, told by an infinitive
    whose object names no one ("met X *to discuss* the ceasefire", "held talks *to negotiate*
    a truce"), or of a meeting by a verb of what talks go over ("met investors *to present*
    the plan": ``words.tsv`` class ``topic``): what the act was about, not a second act with
    a topic for its target."""
    tok = pred.token
    return (
        (head.plover == pred.plover or (head.plover == "CONSULT" and rules.is_verb("topic", tok)))
        and tok.dep_ == "advcl"
        and to_infinitive(tok)
        and not any(c.dep_ in ("nsubj", "prep", "dative") for c in tok.children)
        and not any(_names(t) for o in pred.objects for t in o.subtree)
    )


def _names(tok: Token) -> bool:
    """Whether a word is part of a name (an entity's or a proper noun)."""
    return bool(tok.ent_type_) or tok.tag_ in ("NNP", "NNPS")


def _denied(tok: Token) -> bool:
    """Whether the verb itself is negated ("did *not* ease", "*never* freed"), not a verb
    above it."""
    return any(is_negator(c) for c in tok.children)


def _provided_for(tok: Token) -> bool:
    """Whether a future act is what something provides for ("*Under* the accord, X will
    ..."): the terms of an agreement, not anyone's intention."""
    return any(c.dep_ == "prep" and c.lower_ == "under" for c in tok.children)


def _someone(side: Participant) -> bool:
    """Whether a source names an actor: someone known, an agent of a sector, a name, or a
    group of people ("teachers", "the leaders of the region's countries")."""
    return side.known or bool(side.sector) or side.plural or side.named


def _clause_head(tok: Token) -> Token:
    """The first of the joined verbs ``tok`` is one of ("as X tightens ... and *bans* ..."):
    the one that carries the clause's subordinator."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node


def _named(side: Participant, doc: Doc) -> bool:
    """Whether a side names whom it stands for: an actor we know, a proper name, or words of
    an entity ("Southeast Asian leaders": several countries), not only common nouns ("other
    countries", "the two presidents", "diplomats")."""
    if side.known or side.named or side.kind is not None:
        return True
    span = doc.char_span(side.start, side.end, alignment_mode="expand")
    # a count is no name ("the *two* presidents", "*dozens of* diplomats")
    return span is not None and any(t.ent_type_ and t.ent_type_ not in _COUNTS for t in span)


def _opens_with(c: Token, clause: Token, rules: CoderRules) -> bool:
    """Whether ``c`` is the clause's subordinator of what came before (``words.tsv`` class
    ``earlier``): its mark, or the same word the parser read as a preposition opening the
    clause before its subject ("a week *after* its rival X attacked ...")."""
    if not rules.is_("earlier", c.lower_):
        return False
    if c.dep_ == "mark":
        return True
    subject = next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    return c.dep_ == "prep" and subject is not None and c.i < subject.i < clause.i


def _just_before(clause: Token, rules: CoderRules) -> bool:
    """Whether the clause's act came right before the reported one ("arrested him *hours*
    after protesters stormed ...", "*shortly* after"; ``words.tsv`` class ``recent``): the
    same day's news, not background from an earlier period."""
    mark = next((c for c in clause.children if _opens_with(c, clause, rules)), None)
    return mark is not None and any(
        c.dep_ in ("npadvmod", "advmod") and c.i < mark.i and rules.is_("recent", c.lemma_)
        for c in clause.children
    )


def _forgone(tok: Token, rules: CoderRules) -> bool:
    """Whether the predicate lies in a gerund that a verb says was not done: after "of" under
    a verb with "short" (:func:`dateline.nlp.short_of`: "*stopped short of* saying"), or
    after "from" under one of ``words.tsv`` class ``forgone`` ("*refrained from*
    attacking")."""
    for node in (tok, *tok.ancestors):
        if short_of(node):
            return True
        if node.dep_ == "pcomp" and node.head.lower_ == "from":
            verb = node.head.head
            if verb.pos_ == "VERB" and rules.is_verb("forgone", verb):
                return True
    return False


def _described_by(verb: Token) -> bool:
    """Whether a verb is an undated bare past participle with a "by" phrase, set beside the
    clause it hangs on ("X, *shielded by* Y, has resisted ...", "*Backed by* Y, X signed
    ...", "reported profits, *helped by* orders from Y"): it says who or what the subject
    is, not an act of the reported period ("*Detained by* police on Monday, ..." is dated)."""
    children = list(verb.children)
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and any(c.dep_ == "agent" for c in children)
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children)
        and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    )


#: CAMEO roots of deeds, not words: aid, cooperation, protest, force, coercion, violence.
_DEED_ROOTS = frozenset({"06", "07", "14", "15", "17", "18", "19", "20"})


def _present_deed(verb: Token, code: str | None) -> bool:
    """Whether a deed is told in the simple present with no time of its own ("Russian
    mercenaries *help* Malian forces", "the navy *patrols* the strait"): what goes on, not an
    act of the reported period (words are told in the present as news: "Kabul *denies* the
    charge"; a deed of the day is told in the past)."""
    if code is None or ontology.root_of(code) not in _DEED_ROOTS or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in phrase_tokens(verb, _OWN_CLAUSES))


def _at_the_time(prep: Token) -> bool:
    """Whether a dependent is "at the time" or "at that time", bare (not "at the time of the
    vote", which names its own time; "accused X at the time *of using* force" is the charge,
    hung on the wrong word)."""
    if prep.dep_ != "prep" or prep.lower_ != "at":
        return False
    return any(
        o.dep_ == "pobj"
        and o.lemma_ == "time"
        and [c.lower_ for c in o.children if not _gerund_of(c)] in (["the"], ["that"])
        for o in prep.children
    )


def _gerund_of(prep: Token) -> bool:
    """Whether a dependent is "of" with a gerund ("of *using* force", "of *smuggling* arms"
    parsed as a compound of its object)."""
    return prep.lower_ == "of" and any(
        o.tag_ == "VBG" or any(c.tag_ == "VBG" and c.i < o.i for c in o.children)
        for o in prep.children
    )


def _scoreline(verb: Token, rules: CoderRules) -> bool:
    """Whether the verb carries a game's score among its own words or its object's ("beat X
    *3-1*", "won *2-0*"): one token "3-1", or a number, a dash and a number; or a game's way
    of winning (class ``game``: "beat X *on penalties*", "*in a shootout*")."""
    if any(
        p.dep_ == "prep" and p.lower_ in ("on", "in") and rules.is_("game", o.lemma_)
        for p in verb.children
        for o in p.children
        if o.dep_ == "pobj"
    ):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in [*verb.children, *(w for o in objects for w in o.children)]:
        if _SCORE.match(c.text):
            return True
        if c.like_num and c.i + 2 < len(c.doc):
            dash, other = c.nbor(1), c.nbor(2)
            if dash.text in _DASHES and other.like_num and other.text.isdigit():
                return True
    return False


def _own_tense(verb: Token) -> bool:
    """Whether a verb joined to another carries a tense of its own that the other's
    auxiliaries and negation do not reach: a past or present form joined to a bare verb
    under an auxiliary ("said it *would not* return to talks *and rejected* a demand": the
    rejecting is told done; "did not meet or call" shares the "did not")."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ")
        and head.tag_ == "VB"
        and any(c.dep_ == "aux" for c in head.children)
        and not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)
    )


def _recurring(child: Token, rules: CoderRules) -> bool:
    """Whether ``child`` is a time that comes round again ("every summer", "each Monday")."""
    return (
        child.dep_ == "npadvmod"
        and (child.ent_type_ in {"DATE", "TIME"} or rules.is_("duration", child.lemma_))
        and any(d.dep_ == "det" and rules.is_("recurring", d.lower_) for d in child.children)
    )


def _stretch(prep: Token, rules: CoderRules, *, since: bool = False) -> bool:
    """Whether ``prep`` opens a stretch of time: "for (more than) ten years", "in the past two
    weeks", "over the last decade"; with ``since``, also "since 2016", "since then"."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ == "since":
        return since
    for obj in prep.children:
        if obj.dep_ != "pobj" or not rules.is_("duration", obj.lemma_):
            continue
        if prep.lower_ == "for":
            return True
        if prep.lower_ in ("in", "over", "during") and any(
            c.lower_ in ("past", "last") for c in obj.children
        ):
            return True
    return False


#: Tags of the words that open a question ("why", "what", "who", "which", "whose").
_WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})


def _a_question(clause: Token, rules: CoderRules) -> bool:
    """Whether a clause under a verb of asking is the question asked: opened by "whether" or
    "if", by a question word before its verb ("asked why the port stayed open"), or, quoted,
    ending in a question mark ("asked: 'Why did you not stop?'")."""
    if clause.dep_ not in ("ccomp", "advcl"):
        return False
    kids = list(clause.children)
    if any(m.dep_ == "mark" and rules.is_("condition", m.lower_) for m in kids):
        return True
    if any(k.tag_ in _WH_TAGS and k.i < clause.i for k in kids):
        return True
    after = clause.right_edge.i + 1
    return after < len(clause.doc) and clause.doc[after].text == "?"
