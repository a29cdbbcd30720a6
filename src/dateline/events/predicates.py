"""Predicates: a verb (or a light verb's object noun) read off the parse and matched against
the lexicon, with the dependents the lexicon's constraints look at.

For a verb we collect its particles ("call *off*"), the content words of its direct object (the
subject of a passive), of its prepositional phrases by preposition, its complement verbs
("agreed *to expand*", nested: "urged ... to keep *supplying*") and their objects, and the
subject's words. A light verb ("held talks", "staged a protest", "launched an offensive")
hands the event to its object noun when the noun is in the lexicon and the verb alone says
nothing more specific; so does a verb of happening to its subject noun ("riots continued",
"talks between X and Y resumed"), and any verb no entry codes to a subject noun with an owner
("Peru's visit to Chile ended"). Reporting verbs ("said") are no predicates themselves, unless a
lexicon row names their object ("declared a ceasefire").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dateline import nlp
from dateline.events import ontology
from dateline.events.lexicon import LexEntry, Lexicon
from dateline.events.rules import CoderRules, base_forms

_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM", "ADV"})
#: How many words of a phrase the lexicon sees (heads and near modifiers come first).
_PHRASE_WORDS = 12
_OBJECT_DEPS = frozenset({"dobj", "obj"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
#: The word a lexicon row names for any word of blame (words.tsv class ``blame``).
BLAME = "@blame"
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis"})
#: Particles of phrasal verbs the parser also reads as adverbs ("pushed back", "backed down")
_ADVERB_PARTICLES = frozenset({"back", "down", "off", "out", "away", "up"})
#: Entity labels of a prepositional object that says when, not whom or what
_WHEN = frozenset({"DATE", "TIME"})
#: Tags of a word that makes a clause by itself: a finite verb or a modal.
FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
#: Tags of the words a noun phrase is made of, and of the words that open one.
_MODIFIER_TAGS = frozenset({"DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS"})
_PHRASE_TAGS = _MODIFIER_TAGS | {"HYPH", "POS"} | _NOUN_TAGS
_OPENS = _PHRASE_TAGS | {"IN", "TO", "RP", "PRP"}
#: Dependencies of a word inside a noun phrase: a verb tag there makes no clause.
IN_PHRASE = frozenset({"compound", "amod", "nmod"})


@dataclass(slots=True)
class Predicate:
    """A matched predicate: the token, the lexicon entry that decided, its dependents."""

    token: Token
    entry: LexEntry
    kind: str  # "verb" or "noun" (a light verb's object)
    noun: Token | None = None
    passive: bool = False
    subject: Token | None = None
    objects: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    #: other entries that fit the same predicate with another PLOVER type, best first: the
    #: event scorer picks the type among ``entry`` and these
    alternatives: list[LexEntry] = field(default_factory=list)
    #: a verb the tagger read as a noun (:func:`misread_verbs`): its sides are read in order
    misread: bool = False

    @property
    def rule(self) -> str:
        return f"{self.entry.source}:{self.entry.id}"

    @property
    def plover(self) -> str | None:
        assert self.entry.cameo is not None
        return ontology.plover_of(self.entry.cameo)


def phrase_tokens(token: Token, cut: frozenset[str] = _CLAUSE_DEPS) -> list[Token]:
    """The phrase under ``token`` without its clauses (relative, participial, adverbial; or
    the dependencies in ``cut``)."""
    out = [token]
    stack = [c for c in token.children if c.dep_ not in cut]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in cut)
    return out


def lemmas(token: Token) -> list[str]:
    """Content-word lemmas of the phrase under ``token``, nearest first."""
    words = sorted(
        (t for t in phrase_tokens(token) if t.pos_ in _CONTENT_POS),
        key=lambda t: abs(t.i - token.i),
    )
    out = [token.lemma_.lower()]
    out.extend(t.lemma_.lower() for t in words[:_PHRASE_WORDS] if t.i != token.i)
    out.extend(t.lower_ for t in words[:_PHRASE_WORDS])
    out.extend(w for t in words[:_PHRASE_WORDS] if (w := hyphenated(t)) is not None)
    return out


def hyphenated(tok: Token) -> str | None:
    """The word a hyphen split ("cease-fire" tokenized as cease / - / fire), read at its
    last part, or None."""
    first = _before_hyphen(tok)
    return None if first is None else f"{first.lower_}-{tok.lower_}"


def _before_hyphen(tok: Token) -> Token | None:
    """The first part of a word the tokenizer split at a hyphen, read at its last part
    ``tok`` ("cease" for "fire" in cease / - / fire), or None."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].tag_ != "HYPH" or doc[tok.i - 1].whitespace_:
        return None
    first = doc[tok.i - 2]
    return None if first.whitespace_ else first


def _lemma(verb: Token, lexicon: Lexicon) -> str:
    """The verb's lemma, mended where the lemmatizer slips ("staged" -> "stag")."""
    lemma = verb.lemma_.lower()
    # a hyphenated verb split by the tokenizer ("test-fired" as test / - / fired) is its own
    # entry when the lexicon has one: a missile test is no attack
    first = _before_hyphen(verb)
    if first is not None and lexicon.has_lemma(joined := f"{first.lower_}-{lemma}"):
        return joined
    if lexicon.has_lemma(lemma):
        return lemma
    return next((b for b in base_forms(verb.lower_) if lexicon.has_lemma(b)), lemma)


def _late_infinitives(children: Iterable[Token]) -> list[Token]:
    """ "to" infinitives the parser hung as clauses of purpose because a phrase stands between
    them and their verb ("offered *on Monday* to mediate"): for a row that asks for a
    complement verb they are one; they add no object words."""
    return [
        c
        for c in children
        if c.dep_ == "advcl" and c.tag_ == "VB" and c.i > c.head.i and nlp.to_infinitive(c)
    ]


def _complements(children: Iterable[Token], depth: int = 0) -> list[Token]:
    """The complement verbs among a verb's ``children``, with theirs, three deep."""
    out: list[Token] = []
    for c in children:
        if c.dep_ in _COMPLEMENT_DEPS and c.pos_ in ("VERB", "AUX") and depth < 3:
            out.append(c)
            out.extend(_complements(c.children, depth + 1))
    return out


def _judged_content(children: Iterable[Token], rules: CoderRules, lexicon: Lexicon) -> Token | None:
    """The reported clause among a reporting verb's ``children`` that judges its subject with
    a word of blame (class ``blame``: "said *the plan was reckless*", "told reporters *the
    minister is a disgrace*"): a copula's complement or an adjective of blame in it; or
    one that tells someone failed at what was theirs to do (class ``unfulfilled``: "said
    *the president had failed to protect* farmers"), unless the lexicon codes that failure
    as an act of its own ("failed to reach a deal": a rejection); None when negated ("was
    not illegal") or when the clause has no subject."""
    for c in children:
        failed = _failure(c, rules, lexicon)
        if c.dep_ != "ccomp" or (c.lemma_ != "be" and not failed):
            continue
        subjects = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or not _someone(subjects[0], rules):
            continue  # "said the weather was dangerous": no one judged
        if any(g.dep_ == "neg" for g in c.children):
            continue
        if failed:
            return c
        for g in c.children:
            if g.dep_ in ("acomp", "attr") and any(
                rules.is_("blame", w.lemma_.lower())
                for w in (g, *(m for m in g.children if m.dep_ == "amod"))
            ):
                return c
    return None


def _failure(verb: Token, rules: CoderRules, lexicon: Lexicon) -> bool:
    """Whether a verb tells a failure to do something (class ``unfulfilled`` with a "to"
    complement: "failed to protect") that no lexicon row codes as an act of its own."""
    if verb.pos_ != "VERB" or not rules.is_verb("unfulfilled", verb):
        return False
    comps = [g for g in verb.children if g.dep_ == "xcomp" and nlp.to_infinitive(g)]
    if not comps:
        return False
    found = lexicon.match_verb(verb.lemma_, complements=[c.lemma_ for c in comps])
    return not (found and found[0].cameo is not None and found[0].specificity > 0)


def _someone(head: Token, rules: CoderRules) -> bool:
    """Whether a phrase head names someone, or something of someone's ("the ministry's
    plan"): a name, a pronoun of persons or an agent noun (the actors' sectors)."""
    for t in (head, *(c for c in head.children if c.dep_ == "poss")):
        if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ == "PROPN":
            return True
        if t.lower_ in ("he", "she", "they") or t.lemma_.lower() in rules.sectors:
            return True
    return False


def _stranded_subject(verb: Token) -> Token | None:
    """The subject of a second clause the parse joined to the first's object ("supporters
    gathered outside the court and *police* fired tear gas": "police" read as one more thing
    they gathered outside): the noun right before a finite conjoined verb with no subject,
    itself a conjunct of a noun of the first clause after "and"; else None."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or verb.i < 3:
        return None
    noun = verb.doc[verb.i - 1]
    first = noun.head
    if (
        noun.dep_ != "conj"
        or noun.tag_ not in _NOUN_TAGS
        or first.tag_ not in _NOUN_TAGS
        or first.dep_ in ("nsubj", "nsubjpass")
        or not (verb.head.i < first.i < noun.i)
        or not any(
            c.dep_ == "cc" and c.lower_ == "and" and c.i == noun.i - 1 for c in first.children
        )
    ):
        return None
    return noun


def verb_predicate(verb: Token, lexicon: Lexicon, rules: CoderRules) -> Predicate | None:
    """The first lexicon entry for a verb with its dependents, or None (no entry, or a
    blocking entry, or an entry whose code PLOVER does not type and no event noun instead)."""
    lemma = _lemma(verb, lexicon)
    # the verb's dependents, read once: every Token the parse hands out is a new object
    children = list(verb.children)
    owned = _owned_subject(children)
    if not (
        lexicon.has_lemma(lemma)
        or rules.is_("light", lemma)
        or rules.is_("happen", lemma)
        or owned is not None
    ):
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children) or _reduced_passive(
        verb, children
    )
    # the subject nearest the verb: a wire dateline parsed as a second subject comes first
    subjects = [c for c in children if c.dep_ == "nsubj"]
    subject = min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None
    objects = [c for c in children if c.dep_ in _OBJECT_DEPS]
    objects.extend(c for c in children if c.dep_ == "dative" and c.pos_ != "ADP")
    if subject is None and not passive:
        # a headline's noun-shaped parse ("army shells town"): the noun right before the verb,
        # made its compound, is its subject
        subject = next(
            (
                c
                for c in children
                if c.dep_ == "compound" and c.i == verb.i - 1 and c.tag_ in _NOUN_TAGS
            ),
            None,
        )
    if subject is None and not passive:
        subject = _stranded_subject(verb)
    if not objects and verb.tag_ in FINITE:
        # "court sentences X to ...": a noun phrase after the verb the parse set beside it
        objects = [c for c in children if c.dep_ == "appos" and c.i > verb.i][:1]
    agent = next((c for c in children if c.dep_ == "agent"), None)
    if passive and agent is None and rules.is_("willing", verb.lower_):
        # "X is committed to ...", "X is prepared to ...": a state of X, not done to X
        passive = False
        subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive:
        objects = [c for c in children if c.dep_ == "nsubjpass"]
        if not objects and agent is not None and verb.dep_ == "advcl":
            # "*Backed by* X, the government signed ...": done to the subject it hangs on
            objects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    preps: dict[str, list[Token]] = {}
    for c in children:
        if c.dep_ in ("prep", "dative") and c.pos_ == "ADP":
            # "called X on Monday" is no "call on": a date is when, not whom
            pobjs = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in _WHEN]
            if pobjs:
                preps.setdefault(c.lower_, []).extend(pobjs)
    if "to" not in preps:
        preps.update(_stray_to(children, objects))
    # the parser reads some particles as adverbs ("pushed *back* against calls")
    particles = [
        c.lower_
        for c in children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _ADVERB_PARTICLES)
    ]
    after = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.dep_ == "quantmod" and after.tag_ == "RP":
        # "handed *over* 22 bronzes": the particle the parser read as "more than" a count
        particles.append(after.lower_)
    for adj in (c for c in children if c.dep_ == "acomp" and c.pos_ == "ADJ"):
        # "was *critical of* X", "is *supportive of* X": the adjective says the act, as
        # a particle does, and its preposition is the verb's
        particles.append(adj.lower_)
        for c in adj.children:
            if c.dep_ == "prep" and c.lower_ not in preps:
                pobjs = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in _WHEN]
                if pobjs:
                    preps[c.lower_] = pobjs
    if not objects and not passive:
        objects = _clause_subject(children) or _so_called(children, rules)
    counted = _up_to(children) if not objects and not passive else None
    if counted is not None:
        # "kidnapped up to 16 advisers": a count parsed as a particle, not "kidnap up"
        objects = [counted]
        particles = [p for p in particles if p != "up"]
    comps = _complements(children)
    object_words = [w for o in objects for w in lemmas(o)]
    # what a vehicle sent carries is what is sent ("sent two ships *carrying medicine*",
    # "trucks *loaded with* food"): class cargo
    object_words.extend(
        w
        for o in objects
        for c in o.children
        if c.dep_ == "acl" and rules.is_verb("cargo", c)
        for g in c.children
        if g.dep_ == "dobj" or (g.dep_ == "prep" and g.lower_ == "with")
        for w in (lemmas(g) if g.dep_ == "dobj" else [x for p in g.children for x in lemmas(p)])
    )
    # what the object is found or declared ("found X *guilty*", "declared X *dead*"), or
    # named ("called the vote *a sham*"); a name with no object of its own names the noun
    # a clause describes ("a move it called *illegal*"): told in passing, no judgment made
    naming = rules.is_verb("naming", verb)
    if not naming or any(c.dep_ == "dobj" for c in children):
        object_words.extend(
            w
            for c in children
            if (c.dep_ in ("ccomp", "oprd") and c.pos_ == "ADJ") or (naming and c.dep_ == "oprd")
            for w in ([c.lemma_.lower()] if c.pos_ == "ADJ" else lemmas(c))
        )
    if not any(c.dep_ == "dobj" for c in children):
        # "gave X *30 days* to ...": a stretch of time the parser hung as an adverb is what
        # the verb gives (words.tsv class duration)
        object_words.extend(
            c.lemma_.lower()
            for c in children
            if c.dep_ == "npadvmod" and rules.is_("duration", c.lemma_.lower())
        )
    for comp in comps:
        for c in comp.children:
            if c.dep_ in _OBJECT_DEPS or c.dep_ == "prep":
                object_words.extend(lemmas(c))
    prep_words = {k: [w for p in v for w in lemmas(p)] for k, v in preps.items()}
    for c in children:
        if c.dep_ == "prep" and c.lower_ not in prep_words:
            # "attacked X *for cutting* ...": a gerund after the preposition meets a row that
            # asks for the preposition (it names no one: it is no target)
            gerunds = [
                g.lemma_.lower() for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
            ]
            if gerunds:
                prep_words[c.lower_] = gerunds
    if "at" not in prep_words:
        # "launched drones *at* X", "threw stones *at* X": what is aimed, the parser hangs on
        # the thing aimed (whom it is aimed at is found by the roles, as for "fired at")
        aimed = [
            p
            for o in objects
            for c in o.children
            if c.dep_ == "prep" and c.lower_ == "at"
            for p in c.children
            if p.dep_ == "pobj" and p.ent_type_ not in _WHEN
        ]
        if aimed:
            prep_words["at"] = [w for p in aimed for w in lemmas(p)]
    # a word of blame among the object's or a preposition's words (words.tsv class blame)
    # also stands as "@blame", which the lexicon's rows of naming name ("called X *reckless*");
    # a reporting verb's judgment is read from its clause (:func:`_judged_content`) instead
    if not rules.is_("report", lemma):
        if any(rules.is_("blame", w) for w in object_words):
            object_words.append(BLAME)
        for words in prep_words.values():
            if any(rules.is_("blame", w) for w in words):
                words.append(BLAME)
    entries = (
        lexicon.match_verb(
            lemma,
            particles=particles,
            object_lemmas=object_words,
            prep_objects=prep_words,
            complements=[c.lemma_.lower() for c in (*comps, *_late_infinitives(children))],
            subject_lemmas=lemmas(subject) if subject is not None else (),
            bare_preps=not any(c.dep_ == "dobj" for c in children),
        )
        if lexicon.has_lemma(lemma)
        else []
    )
    entry = entries[0] if entries else None
    # a reporting verb is no act ("said", "declared that ..."), unless its own object is
    # one: an event noun ("declared a ceasefire", "announced a halt to grain exports") or what
    # a row names ("announced sanctions")
    report = rules.is_("report", lemma)
    judged_clause = _judged_content(children, rules, lexicon) if report else None
    if judged_clause is not None:
        # "said the plan was *reckless*": a reported judgment of blame on whom the reported
        # clause is about, its subject (a row of the reporting verb with the object word
        # "@blame" codes it; the words are class ``blame``)
        found = lexicon.match_verb(lemma, object_lemmas=[BLAME])
        entry = found[0] if found and found[0].specificity > 0 else None
        if entry is not None and entry.cameo is not None:
            about = [g for g in judged_clause.children if g.dep_ in ("nsubj", "nsubjpass")]
            return Predicate(verb, entry, "verb", None, passive, subject, about[:1], preps)
    if report and not (entry is not None and entry.specificity > 0 and objects and not comps):
        entry = None
    # "called the strike *illegal*", "called the operation *an abuse*": what the object is
    # judged to be, no act the verb carries
    judged = any(c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ == "ADJ") for c in children)
    light = (
        (rules.is_("light", lemma) or (report and not comps))
        and objects
        and not passive
        and not judged
    )
    if light and (entry is None or entry.specificity == 0 or entry.cameo is None or report):
        noun = _light_noun(objects[0], lexicon)
        if noun is not None:
            return Predicate(
                verb, noun[1], "noun", noun[0], passive, subject, objects, _noun_preps(noun[0])
            )
    if rules.is_("happen", lemma) and subject is not None and not objects:
        # "Palestinian riots ... are continuing", "clashes erupted between X and Y": the event
        # noun is the act, and its own modifiers say whose
        noun = _light_noun(subject, lexicon)
        if noun is not None:
            return Predicate(
                verb, noun[1], "noun", noun[0], passive, noun[0], [], _noun_preps(noun[0])
            )
    coded = entry is not None and entry.cameo is not None and ontology.plover_of(entry.cameo)
    if not coded and owned is not None:
        # "Peru's visit to Chile ended on Friday": the event noun with its owner
        noun = _light_noun(owned[0], lexicon)
        if noun is not None and noun[0].i == owned[0].i:
            return Predicate(
                verb, noun[1], "noun", noun[0], passive, owned[1], [], _noun_preps(noun[0])
            )
    if entry is None or not coded:
        return None
    heads = {o.lemma_.lower() for o in objects}
    alts = _alternatives(entry, [e for e in entries[1:] if _on_head(e, heads, entry)])
    return Predicate(verb, entry, "verb", None, passive, subject, objects, preps, alts)


def _on_head(other: LexEntry, heads: set[str], best: LexEntry) -> bool:
    """Whether another entry may stand beside the best one: not when the best names the
    object's head and the other only a word modifying it ("blocked a *border* security
    *bill*": a bill blocked, no road)."""

    def named(e: LexEntry) -> bool:
        return any(w in heads for group in e.object for w in group)

    return named(other) or not named(best)


#: At most this many other types a predicate proposes besides its best entry's.
MAX_ALTERNATIVES = 2


def _alternatives(best: LexEntry, rest: list[LexEntry]) -> list[LexEntry]:
    """Entries after the best one, as specific as it, that code another PLOVER type (first
    of each type): where the lexicon cannot rank them, the scorer chooses."""
    assert best.cameo is not None
    seen = {ontology.plover_of(best.cameo)}
    out: list[LexEntry] = []
    for e in rest:
        if e.cameo is None or len(out) >= MAX_ALTERNATIVES or e.specificity < best.specificity:
            continue
        kind = ontology.plover_of(e.cameo)
        if kind and kind not in seen:
            seen.add(kind)
            out.append(e)
    return out


def _stray_to(children: list[Token], objects: list[Token]) -> dict[str, list[Token]]:
    """The verb's "to" phrase where the parser hung it on the object or on a participle
    describing it ("returned a drum *to Togo*", "returned a drum, lost for a century, *to
    Togo*", "handed back a vase its thieves had taken decades ago *to the museum*"): the
    first one after the object; ``children``: the verb's."""
    if not objects:
        return {}
    first = min(o.i for o in objects)
    heads = [t for o in objects for t in o.subtree if t.i >= o.i]
    heads += [
        c
        for c in children
        if c.dep_ == "advcl"
        and c.tag_ in ("VBG", "VBN")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
    ]
    for head in sorted(heads, key=lambda t: t.i):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "to" and c.i > first:
                found = [p for p in c.children if p.dep_ == "pobj"]
                if found:
                    return {"to": found}
    return {}


def _clause_subject(children: list[Token]) -> list[Token]:
    """The object the parser made the subject of a participle or an adjective after the verb
    ("will not accept *migrants* arriving by boat", "detained *students* protesting outside",
    "found *the consul* guilty": the participle or adjective describes the object, it is no
    clause of its own); ``children``: the verb's."""
    for c in children:
        if c.dep_ != "ccomp" or not (c.tag_ == "VBG" or c.pos_ == "ADJ") or c.i < c.head.i:
            continue
        if any(g.dep_ in ("mark", "aux", "auxpass") for g in c.children):
            continue
        subj = [g for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")]
        if subj:
            return subj[:1]
    return []


def _so_called(children: list[Token], rules: CoderRules) -> list[Token]:
    """The object a free relative of naming gives ("condemned *what it called* aggression
    by X", "what it described as an attack"): the parser hangs the relative on the verb as a
    clause whose object is "what"; its name, the predicate after the naming verb or the
    object of its "as", is what the act is done to (``children``: the verb's)."""
    for c in children:
        if c.dep_ != "ccomp" or c.i < c.head.i or not rules.is_verb("naming", c):
            continue
        if not any(g.lower_ == "what" and g.dep_ == "dobj" for g in c.children):
            continue
        for g in c.children:
            if g.dep_ == "oprd" and g.pos_ in ("NOUN", "PROPN"):
                return [g]
            if g.dep_ == "prep" and g.lower_ == "as":
                return [p for p in g.children if p.dep_ == "pobj"][:1]
    return []


def _up_to(children: list[Token]) -> Token | None:
    """The object of "<verb> up to <number> <noun>" when the parser made "up" the verb's
    particle or preposition and the noun the object of its "to" (``children``: the verb's)."""
    for up in children:
        if up.lower_ != "up" or up.dep_ not in ("prt", "prep", "advmod"):
            continue
        for to in up.children:
            if to.lower_ == "to" and to.dep_ == "prep":
                for obj in to.children:
                    if obj.dep_ == "pobj" and any(
                        c.dep_ == "nummod" or c.like_num for c in obj.children
                    ):
                        return obj
    return None


def _owned_subject(children: list[Token]) -> tuple[Token, Token] | None:
    """(noun, owner) when the verb's subject is a noun whose own words say whose act it is: a
    possessor ("*Peru's* visit"), its doer "by" a named actor ("threats *by X*"), or the sides
    "between" named actors ("cooperation *between X and Y*": the noun itself is the owner
    given, as for a noun that happened, and its roles read the sides); ``children``: the
    verb's."""
    for c in children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN":
            owner = next((g for g in c.children if g.dep_ == "poss" and g.pos_ == "PROPN"), None)
            if owner is not None:
                return c, owner
            for prep in c.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("between", "by"):
                    continue
                named = [p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
                if named:
                    return c, named[0] if prep.lower_ == "by" else c
    return None


def _light_noun(obj: Token, lexicon: Lexicon) -> tuple[Token, LexEntry] | None:
    """The event noun a light verb's object names ("talks", "a hunger strike", "a series of
    attacks"), with its entry."""
    heads = [obj]
    heads.extend(
        p
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    )
    for noun in heads:
        lemma = noun.lemma_.lower()
        joined = hyphenated(noun)
        if joined is not None and lexicon.has_lemma(joined, "noun"):
            lemma = joined  # "a cease-fire": not a "fire"
        if not lexicon.has_lemma(lemma, "noun"):
            continue
        mods = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
        preps = {k: [w for p in v for w in lemmas(p)] for k, v in _noun_preps(noun).items()}
        entries = lexicon.match_noun(lemma, modifiers=mods, prep_objects=preps)
        if entries and entries[0].cameo is not None and ontology.plover_of(entries[0].cameo):
            return noun, entries[0]
    return None


def _noun_preps(noun: Token) -> dict[str, list[Token]]:
    """An event noun's prepositional objects by preposition; a date is when, not whom ("a
    strike *on Monday*" is no strike on a target)."""
    preps: dict[str, list[Token]] = {}
    for c in noun.children:
        if c.dep_ == "prep":
            pobjs = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in _WHEN]
            if pobjs:
                preps.setdefault(c.lower_, []).extend(pobjs)
    return preps


def misread_verbs(sent: Span, lexicon: Lexicon, finite: list[Token]) -> list[Predicate]:
    """Verbs the tagger read as nouns in a sentence with no finite verb of its own, as
    headlines and compressed sentences are ("X lifts ban on Y", "army shells town", "rebels
    attack post"): a word standing between a noun phrase and a noun phrase or a preposition,
    tagged a noun or parsed inside a noun phrase, that is a present or past form of a verb the
    lexicon lists (its bare form after a plural subject), with its subject and object taken in
    order from the words around it, as the parse of such a sentence is noun-shaped. A verb tag
    inside a noun phrase is no verb of the sentence's, nor is one on the noun right after such
    a form that the parser made its subject ("lifts/subject ban/verb on ..."). ``finite``:
    the sentence's words tagged ``FINITE`` outside a noun phrase (``IN_PHRASE``), in order."""
    if len(sent) < 3 or any(t.tag_ != "VBP" for t in finite):
        return []  # most sentences: a verb of their own
    doc = sent.doc
    found: list[tuple[Token, str, Token]] = []
    # beside a verb tag only the word right before it may be the verb ("lifts ban")
    words = [doc[t.i - 1] for t in finite if t.i - 1 > sent.start] if finite else sent[1:-1]
    for tok in words:
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        if before.tag_ not in _NOUN_TAGS | {"PRP"} or after.tag_ not in _OPENS | {"VBP", "VB"}:
            continue
        if not (tok.tag_ in _NOUN_TAGS or (tok.tag_ in FINITE and tok.dep_ in IN_PHRASE)):
            continue
        lemma = _read_verb(tok, before, lexicon)
        if lemma is None or (lexicon.has_lemma(lemma, "noun") and after.tag_ not in _PHRASE_TAGS):
            continue  # "border attacks on X": the event noun, not a verb
        found.append((tok, lemma, before))
    verbs = {t.i for t, _, _ in found}
    if not found or not all(_shifted(t, verbs) for t in finite):
        return []
    out: list[Predicate] = []
    for tok, lemma, before in found:
        objects = [o] if (o := _phrase_head(tok.i + 1, sent)) is not None else []
        preps: dict[str, list[Token]] = {}
        for t in doc[tok.i + 1 : sent.end]:
            if t.tag_ in ("IN", "TO") and (p := _phrase_head(t.i + 1, sent)) is not None:
                preps.setdefault(t.lower_, []).append(p)
        entries = lexicon.match_verb(
            lemma,
            object_lemmas=[w for o in objects for w in _run_lemmas(o, tok.i + 1)],
            prep_objects={k: [w for p in v for w in lemmas(p)] for k, v in preps.items()},
            subject_lemmas=[before.lemma_.lower()],
        )
        if not entries or entries[0].cameo is None or not ontology.plover_of(entries[0].cameo):
            continue
        after = doc[tok.i + 1]
        if after.tag_ in ("IN", "TO", "RP") and not _expects(entries[0], after.lower_):
            continue  # "beef imports from X": a noun before a preposition no row asks for
        alts = _alternatives(entries[0], entries[1:])
        out.append(
            Predicate(tok, entries[0], "verb", None, False, before, objects, preps, alts, True)
        )
    return out


def _expects(entry: LexEntry, prep: str) -> bool:
    """Whether the entry names the preposition or particle (as a verb's next word)."""
    return prep in entry.particle or any(prep in p.preps for p in entry.prep)


def _shifted(verb: Token, forms: set[int]) -> bool:
    """Whether a verb tag sits on the noun right after a verb form the tagger read as a noun
    and made its subject ("X lifts/subject ban/verb on Y")."""
    return verb.i - 1 in forms and verb.tag_ in ("VBP", "VB")


def _read_verb(tok: Token, before: Token, lexicon: Lexicon) -> str | None:
    """The lexicon verb a word read as a noun is a form of: "-s" or "-ed" on the verb, the
    bare verb after a plural subject (agreement: "rebels attack"), or an irregular form the
    model's lemmatizer knows, capitalized as in a title-case headline, where the tagger reads
    every capitalized word as a name ("X Met Y"); else None."""
    word = tok.lower_
    if word.endswith(("s", "ed")):
        return next((b for b in base_forms(word) if lexicon.has_lemma(b)), None)
    if before.tag_ in ("NNS", "NNPS") and lexicon.has_lemma(word):
        return word
    if not tok.is_title:
        return None  # a bare irregular form is often a noun too ("a shot"); a capital is case
    return next((b for b in nlp.verb_forms().get(word, ()) if lexicon.has_lemma(b)), None)


def _phrase_head(start: int, sent: Span) -> Token | None:
    """The head of the noun phrase opening at ``start``, read in order: its last noun before
    a word that cannot be in it; None when no noun phrase opens there. A noun the tagger read
    as a verb right after the start counts as a noun ("lifts *ban* on")."""
    head = None
    for t in sent.doc[start : sent.end]:
        if t.tag_ not in _PHRASE_TAGS and not (t.i == start and t.tag_ in ("VBP", "VB")):
            break
        if t.tag_ in _NOUN_TAGS or t.i == start:
            head = head if t.tag_ in _MODIFIER_TAGS else t
    return head


def _run_lemmas(head: Token, start: int) -> list[str]:
    """The lemmas of the words from ``start`` to a phrase's head, head first."""
    words = reversed(head.doc[start : head.i + 1])
    return [t.lower_ if t.tag_.startswith("VB") else t.lemma_.lower() for t in words]


def _reduced_passive(verb: Token, children: list[Token]) -> bool:
    """Whether a verb is a bare past participle heading an adverbial clause of its own, with
    no auxiliary and no subject ("*Detained* on Monday, the activist ...", "... documented
    40 deaths and 300 *wounded*", "reported record profits, *helped by* orders from X"):
    passive in sense, so the clause it hangs on gives it no one acting; its "by" phrase, if
    any, does."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children)
    )
