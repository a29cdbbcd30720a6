"""Who is speaking: the speaker phrase of a cue, pronoun resolution and full names.

A speaker phrase is the cue's subject noun phrase without what commas set off (appositions,
relative clauses: "X, a doctor, said" → "X"). ``Cast`` holds the people of one body: a
pronoun resolves to the nearest preceding compatible person (an honorific gives gender) that
is a speaker or a subject outside quotation marks; a name is widened to the longest PERSON
mention of the article that contains it, an earlier one first ("Lindqvist" → "Anna Lindqvist");
"the former" / "the latter" is the first / second of the last two people named together, and
"the two" / "both" those two; "one of them, X" speaks as X. Someone named by whom they serve
("her spokesman", "a lawyer for X") speaks as that description, never as the person served.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dateline.actors.people import prefixed
from dateline.actors.roles import RoleTable
from dateline.nlp import aside_subject
from dateline.nlp.gazetteer import Gazetteer, normalize
from dateline.quotes.lexicon import default_lexicon

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUNS = PERSON_PRONOUNS | frozenset({"they", "it", "i", "we", "you", "them", "this", "that"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Dependents that a comma or a clause sets off from the head noun: not part of the speaker.
_CUT = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "prep"})
#: Prepositions whose phrase is part of a speaker ("the mayor of the city").
_KEEP_PREP = frozenset({"of", "for", "at"})
#: Verbs that pass on someone else's words: "quoted X as saying".
_QUOTING = frozenset({"quote", "cite"})
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep."})


# The shipped tables below raise NlpError (with its code and "reinstall dateline") when they
# are missing or malformed: a broken install stops here rather than quietly naming nobody.


@functools.cache
def _title_words() -> frozenset[str]:
    return Gazetteer.default().title_words | _HONORIFICS


def _org_words(name: str) -> bool:
    """Whether a name has the words of an organisation ("Council", "Ministry", "Watch")."""
    return RoleTable.default().org_sector(name) is not None


def subject_of(verb: Token, quoted: Sequence[bool] = ()) -> Token | None:
    """The subject of ``verb``, climbing from an -ing or conjoined verb to its governor's; a
    subject inside quotation marks (``quoted[i]``) is passed over (""Meh," wrote a voter")."""
    node: Token | None = verb
    shown = _shown_speaking(verb, quoted)
    if shown is not None:
        return shown
    for _ in range(4):
        if node is None:
            return None
        subjects = [
            c for c in node.children if c.dep_ in _SUBJECTS and not (quoted and quoted[c.i])
        ]
        if len(subjects) > 1:
            # "― X boasted": a dash the parse made a second subject is none
            subjects = [c for c in subjects if not c.is_punct] or subjects
        teller = _teller(verb, node, subjects) or _past_thing_clause(verb, node, subjects)
        if teller is not None:
            return teller
        if subjects:
            # a parse run over a paragraph break can hang the paragraph before's last words
            # ("Noon update" ¶ "X's aide is calling …") as a second subject: the verb's own
            # paragraph comes first
            near = [c for c in subjects if not breaks_between(c, node)]
            if not near:
                # the only subject is the paragraph before's: the phrase opening the verb's own
                # paragraph, when the parse hung it there
                return _paragraph_opener(node) or subjects[0]
            before = [c for c in near if c.i < node.i]
            if len(before) > 1 and _fronted(before[0]) and before[-1].ent_type_ not in _PLACES:
                # "Addressing supporters in X, the candidate called …" parsed with two
                # subjects: the fronted phrase is none, the one nearer the verb is
                return before[-1]
            return _after_fronted_participle(near[0], node) or near[0]
        aside = next(
            (a for c in node.children if c.i < node.i and (a := aside_subject(c)) is not None),
            None,
        )
        if aside is not None:
            return aside  # "X, asked about Y, said" parsed with X the subject of "asked"
        climb = {"advcl", "conj", "xcomp", "pcomp", "prep", "parataxis"}
        if node is verb and _after_aside(verb):
            climb = climb | {"dep"}  # "X, asked about Y, said": "said" hung on "asked"
        # a verb inside quotation marks is no speaker's own clause: ""…," adding "…"" hangs
        # "adding" on the quote's verb, whose governor outside the marks has the subject
        inside = bool(quoted) and quoted[node.i] and node is not verb
        if node is not verb and _verb_of_root_noun(node):
            # "X, channeling his habits, responded by saying …" parsed with X as the root
            # and "responded" a modifier of it: X is the subject
            return node.head
        if (node.dep_ in climb or inside) and node.head.i != node.i:
            if node.lower_ == "as" and node.head.lemma_.lower() in _QUOTING:
                # "the agency quoted the minister as saying …": the minister says it
                objects = [c for c in node.head.children if c.dep_ == "dobj"]
                if objects:
                    return objects[0]
            if breaks_between(node, node.head):
                # a parse running over a paragraph break: the subject is the noun phrase
                # that opens the verb's own paragraph, hung on the paragraph before
                return _paragraph_opener(node)
            node = node.head
        else:
            return None
    return None


def _after_fronted_participle(subject: Token, verb: Token) -> Token | None:
    """ "Speaking at a rally in X, Y, Governor Z went …" parsed with the fronted participle, or
    the last place of its phrase, as the subject and Z as one more conjunct: the noun phrase
    between the subject's last comma and the verb is the subject, when it names no place;
    None for any other subject."""
    doc = verb.doc
    if subject.right_edge.i != verb.i - 1:
        return None
    fronted = subject.dep_ == "csubj" and subject.tag_ == "VBG"
    first = subject.left_edge.i
    place = subject.ent_type_ in _PLACES and first > 0 and doc[first - 1].text == ","
    if not (fronted or place) or any(c.dep_ in _SUBJECTS for c in subject.children):
        return None
    commas = [t.i for t in subject.subtree if t.text == ","]
    if not commas:
        return None
    phrase = doc[commas[-1] + 1 : verb.i]
    root = phrase.root if len(phrase) else None
    if root is None or root.pos_ not in {"NOUN", "PROPN"} or root.ent_type_ in _PLACES:
        return None
    return root


def _fronted(subject: Token) -> bool:
    """Whether a subject the parse found is part of a phrase fronted before the real one: a
    place ("… in Salem, Oregon, the mayor said") or a participle's object ("Addressing
    supporters, …")."""
    if subject.ent_type_ in _PLACES:
        return True
    return any(c.tag_ == "VBG" and c.i < subject.i for c in subject.children)


#: Entity types of places, which a fronted phrase names and which do not speak for a person.
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _verb_of_root_noun(node: Token) -> bool:
    """Whether a verb is the main verb of a sentence the parse rooted on its subject noun
    ("X, channeling his habits, responded …" with "responded" a modifier of X after a
    comma)."""
    head = node.head
    return (
        node.dep_ == "acl"
        and node.tag_ in {"VBD", "VBZ", "VBP", "VBN"}
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i < node.i
        and node.doc[node.i - 1].text == ","
    )


def _after_aside(verb: Token) -> bool:
    """Whether a verb the parse hung as an unlabelled dependent ("dep") of an earlier verb
    follows that verb's clause as an aside set off by commas after its subject ("X, asked
    about Y, said …" parsed with "asked" as the main verb and X as its subject)."""
    head = verb.head
    if verb.dep_ != "dep" or verb.pos_ != "VERB" or head.pos_ != "VERB" or head.i >= verb.i:
        return False
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.i < head.i]
    doc = verb.doc
    return bool(subjects) and doc[head.i - 1].text == "," and subjects[-1].i == head.i - 2


def _teller(verb: Token, node: Token, subjects: list[Token]) -> Token | None:
    """ "X said that the boat had provoked it and *warned* Y": the parser hangs the cue on the
    reported clause, whose subject is a thing (a common noun no entity covers); the one who
    reported the clause speaks. Only for a cue reached through "and" from that clause."""
    if node is verb or verb.dep_ != "conj" or verb.head.i != node.i or node.dep_ != "ccomp":
        return None
    if not subjects or any(s.pos_ != "NOUN" or s.ent_type_ for s in subjects):
        return None
    cues = default_lexicon()
    if cues.cue(verb.lemma_.lower()) is None or cues.cue(node.head.lemma_.lower()) is None:
        return None
    return next((c for c in node.head.children if c.dep_ in _SUBJECTS), None)


#: Relative pronouns that stand for a thing, never for someone who speaks.
_THING_RELATIVES = frozenset({"that", "which"})


def _past_thing_clause(verb: Token, node: Token, subjects: list[Token]) -> Token | None:
    """ "X signed a bill that restores Y, calling it …": the parser hangs the participle cue on
    the relative clause about a thing, whose subject is "that"; a thing says nothing, the
    subject of the clause naming the thing does."""
    if node is verb or verb.tag_ != "VBG" or node.dep_ != "relcl" or not subjects:
        return None
    if any(s.lower_ not in _THING_RELATIVES for s in subjects):
        return None
    thing = node.head
    lexicon = default_lexicon()
    lemma = thing.lemma_.lower()
    if (
        thing.pos_ != "NOUN"
        or thing.ent_type_
        or lemma in lexicon.evidence_nouns
        or lemma in lexicon.org_references
        or RoleTable.default().org_sector(thing.text) is not None
    ):
        return None  # "a group that …, saying", "a study that …, finding": it may speak
    governor = thing.head
    for _ in range(3):
        if governor.pos_ in {"VERB", "AUX"}:
            return next((c for c in governor.children if c.dep_ in _SUBJECTS), None)
        if governor.head.i == governor.i:
            return None
        governor = governor.head
    return None


def _shown_speaking(verb: Token, quoted: Sequence[bool]) -> Token | None:
    """The person right before a participle cue with no subject of its own, who is shown or
    heard saying it ("footage of X asking, "…"", "the ad shows X saying …"), not the
    subject of the clause that shows it."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"xcomp", "acl", "advcl", "ccomp"} or verb.i == 0:
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ != "PROPN" or before.ent_type_ in NOT_PEOPLE or (quoted and quoted[before.i]):
        return None
    if before.dep_ not in {"dobj", "pobj"}:
        return None
    return before


def breaks_between(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens (through the span between them: the
    doc's whole text is rebuilt on every access)."""
    lo, hi = sorted((a.i, b.i))
    return "\n" in a.doc[lo:hi].text_with_ws


def _paragraph_opener(tok: Token) -> Token | None:
    """The head of the noun phrase that opens ``tok``'s paragraph when the parse hung it on a
    token of an earlier paragraph ("… ¶ Del Ortiz, who runs the shelter, has not always
    agreed, but said …"), else None."""
    doc = tok.doc
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    first = doc[start]
    while first.is_space and first.i < tok.i:
        first = doc[first.i + 1]
    node = first
    while node.dep_ in {"compound", "det", "amod", "poss", "nmod", "flat"} and node.head.i > node.i:
        node = node.head
    if node.pos_ not in {"PROPN", "NOUN"} or node.head.i >= start or node.i >= tok.i:
        return None
    return node


def speaker_phrase(head: Token) -> Span:
    """The noun phrase of ``head`` without its comma-set dependents, as one contiguous span.

    A description set beside a name speaks as the name ("the infant's grandfather, X" → "X");
    an unnamed source keeps what describes it ("officials monitoring the talks", "a diplomat
    with knowledge of the plan")."""
    named = named_apposition(head)
    if named is not None:
        head = named
    common = head.pos_ == "NOUN"
    keep: list[Token] = [head]
    # a loop, not a recursive closure: a closure that calls itself is a reference cycle, and
    # the tokens it holds would keep the whole parsed Doc alive until a full garbage collection
    todo = [head]
    while todo:
        tok = todo.pop()
        for child in tok.children:
            if common and tok is head and _is_date(child) and child.i == head.i + 1:
                keep.append(child)  # "a study Monday by …": the date, then the source
                continue
            if common and tok is head and _describes(child):
                keep.extend(child.subtree)  # the whole describing phrase
                continue
            if child.dep_ in _CUT and not (
                child.dep_ == "prep" and child.lower_ in _KEEP_PREP and child.i > head.i
            ):
                continue
            keep.append(child)
            todo.append(child)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep)
    doc = head.doc
    # keep the run contiguous around the head: stop at the first comma on either side
    for i in range(head.i - 1, lo - 1, -1):
        if _sets_off(doc[i]) and not (doc[i].text == "-" and doc[i - 1].ent_type_ == "PERSON"):
            # "X - her friend and co-host - said": the name before the hyphen stays
            lo = i + 1
            break
    for i in range(head.i + 1, hi + 1):
        if _sets_off(doc[i]):
            hi = i - 1
            break
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ == "POS"):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo : hi + 1]


def _sets_off(tok: Token) -> bool:
    """A comma, a bracket, a dash or a line break: what ends a speaker phrase. A hyphen with a
    space on each side is a dash ("NEW YORK - A former aide said": the dateline is no part of
    who spoke)."""
    if tok.text in {",", "(", "—", "–"} or "\n" in tok.text:
        return True
    spaced = bool(tok.whitespace_) and tok.i > 0 and bool(tok.nbor(-1).whitespace_)
    return tok.text == "-" and spaced


def named_apposition(head: Token) -> Token | None:
    """The proper name set beside a common-noun speaker ("the librarian, X, said", "one of
    them, X, said"), also when the parse hung it on the country or body the speaker's noun
    serves ("the ambassador to Norway, X, said": a place or a body has no person's name set
    beside it; a farmer at a blockade near a town, neither)."""
    if head.pos_ not in {"NOUN", "NUM"} and not _title_as_noun(head):
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ not in NOT_PEOPLE:
            return child
    # the objects of the prepositions after the head, and of theirs ("a farmer at a
    # blockade near Lyon, X, said": the name hung on the place two phrases down)
    objects = [head]
    for _ in range(_SERVED_DEPTH):
        objects = [
            obj
            for node in objects
            for prep in node.children
            if prep.dep_ == "prep" and prep.i > head.i
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for obj in objects:
            if obj.ent_type_ not in _SERVED_TYPES and obj.pos_ != "PROPN":
                continue  # a place or a body, or a name the model took for a person's
            for child in obj.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return child
    return None


#: Prepositional phrases down from a speaker's noun that a name set beside it may hang on.
_SERVED_DEPTH = 2


def _title_as_noun(head: Token) -> bool:
    """A title the tagger read as a proper noun but used as a common one, with an article
    ("The local MP, X, said"): a description, not a name."""
    return (
        head.pos_ == "PROPN"
        and not head.ent_type_
        and any(c.dep_ == "det" for c in head.children)
        and RoleTable.default().role(head.text) is not None
    )


#: Entity types of what a speaker's noun may serve ("ambassador to Norway", "envoy to the UN").
_SERVED_TYPES = frozenset({"GPE", "ORG", "LOC", "NORP"})


#: Words a describing phrase after a speaker noun may have ("with knowledge of the talks").
_MAX_DESCRIPTION = 8
#: Prepositions that describe an unnamed source ("a diplomat with knowledge of the plan").
_DESCRIBING_PREPS = frozenset({"with", "from"})


def _is_date(tok: Token) -> bool:
    """A one-word date or time right after a speaker noun ("a report Thursday")."""
    return tok.dep_ == "npadvmod" and tok.ent_type_ in {"DATE", "TIME"} and not any(tok.children)


def _describes(child: Token) -> bool:
    """A participle or a prepositional phrase right after a common-noun speaker (a date
    between them aside) that says who it is ("officials monitoring the talks", "sources with
    knowledge of the plan", "a study Monday by the regulators"), not when or where it
    spoke."""
    gap = child.i - child.head.i
    if gap == 2 and _is_date(child.doc[child.head.i + 1]):
        gap = 1
    if child.i <= child.head.i or gap > 1:
        return False
    if sum(1 for _ in child.subtree) > _MAX_DESCRIPTION:
        return False  # a clause of its own, not a description
    if child.dep_ == "acl" and child.tag_ == "VBN" and _evidence(child.head):
        return True  # "a survey taken in the spring": which survey, its date included
    if (child.dep_ == "acl" and child.tag_ in {"VBG", "VBN"}) or child.dep_ == "amod":
        return not any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)
    if child.dep_ == "prep" and child.lower_ in _DESCRIBING_PREPS:
        return not any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)
    return False


def _evidence(noun: Token) -> bool:
    """Whether a noun is a poll, survey, study or report (``evidence_nouns.tsv``)."""
    return noun.lemma_.lower() in default_lexicon().evidence_nouns


def is_pronoun(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in PRONOUNS


def strip_titles(span: Span) -> Span:
    titles = _title_words()
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].text in titles or span.doc[start].pos_ not in {"PROPN"}
    ):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def _inside(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in ranges)


#: "the former" and "the latter": one of the last two people named.
_PAIR = frozenset({"former", "latter"})
_MALE = frozenset({"mr", "mr.", "he", "him", "his"})
_FEMALE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "she", "her", "hers"})
#: Entity types a proper-noun subject cannot be a person with.
NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def _untagged_names(doc: Doc) -> list[Span]:
    """Runs of two or more capitalised proper nouns with no entity label, ending at a head
    that is no compound ("Ana Ruiz" in "Ana Ruiz leads the union"), in text order."""
    out: list[Span] = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.dep_ == "compound" or not tok.is_title:
            continue
        lo = tok.i
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ == "compound":
            if doc[lo - 1].ent_type_ or not doc[lo - 1].is_title:
                break
            lo -= 1
        run = doc[lo : tok.i + 1]
        if len(run) >= 2 and run[0].text not in _title_words():
            out.append(run)
    return out


def _is_subject(tok: Token) -> bool:
    """A subject, or a name set beside one ("The mayor, Ana Ruiz, spoke": Ana Ruiz)."""
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        return True
    return tok.dep_ == "appos" and tok.head.dep_ in {"nsubj", "nsubjpass"}


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Cast:
    """The people of one parsed body, looked up once: every PERSON mention, those outside
    quotation marks with their words minus titles, their gender where an honorific (else a
    first name) gives it, and the proper-noun subjects a pronoun may stand for. Everything
    here is linear in the document; lookups are per speaker."""

    def __init__(self, doc: Doc, text: str, quoted: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text
        self.quoted = quoted
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self._person_starts = [e.start for e in self.persons]
        self.people = [
            e for e in self.persons if not _inside(e.start_char, quoted) and not prefixed(e)
        ]
        self._words = [tuple(t.text for t in strip_titles(e)) for e in self.people]
        #: names the model did not tag: proper-noun runs outside quotes ("Ana Ruiz leads …")
        self._untagged = [
            run for run in _untagged_names(doc) if not _inside(run.start_char, quoted)
        ]
        self.gender: dict[str, str] = {}
        for ent in self.people:
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            first = ent[0].lower_
            for word in (before, first):
                if word in _MALE or word in _FEMALE:
                    self.gender.setdefault(self.full_name(ent), "m" if word in _MALE else "f")
        roles = RoleTable.default()
        for ent in self.people:  # after every honorific: a first name only where none spoke
            by_name = roles.name_gender(strip_titles(ent))
            if by_name is not None:
                self.gender.setdefault(self.full_name(ent), by_name)
        self._subjects: list[tuple[int, str, int]] | None = None

    def person_in(self, span: Span) -> Span | None:
        """The longest PERSON entity inside ``span`` (or the span itself when it is a bare
        name the model did not tag)."""
        lo = bisect.bisect_left(self._person_starts, span.start)
        found = []
        for ent in self.persons[lo:]:
            if ent.start >= span.end:
                break
            if ent.end <= span.end:
                found.append(ent)
        if found:
            return max(found, key=len)
        names = [t for t in span if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP"}]
        if names and span[-1].pos_ == "PROPN" and span.root.pos_ == "PROPN":
            # a name the model missed: the trailing proper nouns after any title words
            start = span.end
            while start > span.start and span.doc[start - 1].pos_ == "PROPN":
                start -= 1
            if _title_as_noun(span.root) and start == span.root.i:
                return None  # "The Speaker", "the local MP": a title, no name
            name = strip_titles(span.doc[start : span.end])
            if not span[0].is_lower or (name.start > start and len(name) > 1):
                # a lower-case phrase only with a rank or title before a full name
                # ("defence spokesperson Lt Col Ravi Menon")
                return name
        return None

    def person_holding(self, tok: Token) -> Span | None:
        """The PERSON mention that holds ``tok``, or None."""
        k = bisect.bisect_right(self._person_starts, tok.i) - 1
        if k < 0 or self.persons[k].end <= tok.i:
            return None
        return self.persons[k]

    def full_name(self, name: Span) -> str:
        """The longest PERSON mention outside quotes that contains ``name``'s words, preferring
        those before it ("Lindqvist" → the earlier "Anna Lindqvist"), else the name without
        titles."""
        own = strip_titles(name)
        words = tuple(t.text for t in own)
        n = len(words)
        before, anywhere = own, own
        for ent, ent_words in zip(self.people, self._words, strict=True):
            if len(ent_words) <= len(anywhere) and len(ent_words) <= len(before):
                continue
            if any(ent_words[i : i + n] == words for i in range(len(ent_words) - n + 1)):
                if ent.start < name.start and len(ent_words) > len(before):
                    before = strip_titles(ent)
                if len(ent_words) > len(anywhere):
                    anywhere = strip_titles(ent)
        if len(before) == n and len(anywhere) == n:
            # no tagged mention widens it: an earlier untagged run of names ending with it
            for run in self._untagged:
                if run.start >= name.start:
                    break
                run_words = tuple(t.text for t in run)
                if len(run_words) > len(before) and run_words[-n:] == words:
                    before = run
        # the name as written ("Al-Rashidi" stays one word), over one line
        return _one_line((before if len(before) > n else anywhere).text)

    def subjects(self) -> list[tuple[int, str, int]]:
        """(start, full name, end) of every person that is a subject outside quotation marks,
        in text order: PERSON subjects and proper-noun subjects the model did not tag, a name
        set beside a subject among them ("The mayor, Ana Ruiz, spoke")."""
        if self._subjects is None:
            found: dict[int, tuple[str, int]] = {}
            for ent in self.people:
                if _is_subject(ent.root):
                    found[ent.start_char] = (self.full_name(ent), ent.end_char)
            for tok in self.doc:
                if (
                    _is_subject(tok)
                    and tok.pos_ == "PROPN"
                    and tok.ent_type_ not in NOT_PEOPLE
                    and not _inside(tok.idx, self.quoted)
                ):
                    name = self.person_in(speaker_phrase(tok))
                    if name is not None and tok.ent_type_ == "ORG" and _org_words(name.text):
                        continue  # "the Security Council" tagged as a name: no person
                    if name is not None:
                        found.setdefault(name.start_char, (self.full_name(name), name.end_char))
            self._subjects = sorted((a, name, b) for a, (name, b) in found.items())
        return self._subjects

    def former_or_latter(self, phrase: Span) -> Span | None:
        """The person "the former" or "the latter" stands for: the first or the second of
        the last two people named before it, both in one sentence ("X met Y on Monday. …,
        the latter said" → Y); None for any other phrase."""
        if len(phrase) != 2 or phrase[0].lower_ != "the" or phrase[1].lower_ not in _PAIR:
            return None
        pair = self._last_pair(phrase)
        if pair is None:
            return None
        return pair[1] if phrase[1].lower_ == "latter" else pair[0]

    def the_two(self, phrase: Span) -> str | None:
        """The names of the two people "the two", "both" or "both men" stand for, the last
        two named before it in one sentence ("X and Y"); None for any other phrase."""
        words = [t.lower_ for t in phrase]
        # "both men"; not "two men said": two others, not the pair named before
        if words not in (["the", "two"], ["both"], ["the", "pair"]) and not (
            len(words) == 2 and words[0] == "both" and phrase[1].tag_ == "NNS"
        ):
            return None
        pair = self._last_pair(phrase)
        if pair is None:
            return None
        return f"{self.full_name(pair[0])} and {self.full_name(pair[1])}"

    def _last_pair(self, phrase: Span) -> tuple[Span, Span] | None:
        """The last two different people named before ``phrase``, in text order, when one
        sentence names both."""
        pair: list[tuple[str, Span]] = []
        for ent in reversed(self.people):
            if ent.end > phrase.start:
                continue
            name = self.full_name(ent)
            if all(name != known for known, _ in pair):
                pair.append((name, ent))
            if len(pair) == 2:
                break
        if len(pair) < 2 or pair[0][1].sent.start != pair[1][1].sent.start:
            return None
        return pair[1][1], pair[0][1]

    def compatible(self, name: str, pronoun: str) -> bool:
        """Whether a he/she may stand for ``name`` (unknown gender: yes): by the article's
        honorifics and first names, else by the name's own first name ("Tom Harlan")."""
        gender = self.gender.get(name)
        words = name.split()
        if gender is None and len(words) > 1:
            gender = RoleTable.default().first_names.get(normalize(words[0]))
        if gender is None:
            return True
        return (gender == "m") == (pronoun.lower() in _MALE)


def owns_only(phrase: Span, person: Span) -> bool:
    """Whether a person named in a common-noun phrase only owns its head ("X's doctor")."""
    return phrase.root.pos_ == "NOUN" and person.root.dep_ == "poss"


#: Prepositions after a person's aide that name whom they serve ("a spokesman for X", "an
#: adviser to X"); not "of", which also shows the person ("a clip of X asking").
_SERVING = frozenset({"for", "to"})


def served(phrase: Span) -> Token | None:
    """The person a common-noun phrase names someone by, whom they serve or belong to ("her
    spokesman", "X's lawyer", "a spokesman for X", "a lawyer representing X", "a source
    close to X"): the token naming that person, who is not the one speaking; None for any
    other phrase. A part of such a group is named by it too ("one of his aides", "some of
    X's allies")."""
    root = phrase.root
    group = _group_of(root)
    if group is not None and group.pos_ == "NOUN":
        return served(phrase.doc[group.left_edge.i : group.right_edge.i + 1])
    if root.pos_ != "NOUN":
        return None
    for child in root.children:
        if not phrase.start <= child.i < phrase.end:
            continue
        if child.dep_ == "poss" and (child.pos_ in {"PRON", "PROPN"} or child.ent_type_):
            # "its spokesman" is the organisation's, named as such elsewhere
            if child.lower_ in {"his", "her"} or _person(child):
                return child
            return None
        if child.i < root.i:
            continue
        if child.dep_ == "prep" and child.lower_ in _SERVING:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (_person(obj) or _office_holder(obj, root)):
                return obj
        if child.dep_ in {"acl", "amod"}:
            # "representing X", "close to X"
            found = [t for t in child.subtree if t.dep_ in {"dobj", "pobj"} and _person(t)]
            if found:
                return found[0]
    return None


def _group_of(root: Token) -> Token | None:
    """The noun of the group a part is taken from ("one of his aides", "most of the staff"):
    the object of the "of" after a number or a word of quantity, else None."""
    if root.pos_ not in {"NUM", "PRON", "ADJ", "DET"}:
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _office_holder(tok: Token, root: Token) -> bool:
    """ "the senator", "the minister": one person named by their office, with no name set
    beside the phrase ("a spokesman for the general, X, said": X speaks)."""
    if named_apposition(root) is not None or named_apposition(tok) is not None:
        return False
    return (
        tok.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and RoleTable.default().role(tok.lower_) is not None
    )


def _person(tok: Token) -> bool:
    """A token that may name a person: tagged so, a proper noun the model left untagged or
    took for an organisation (a surname: "for Ruiz"), or "him" / "her"."""
    return tok.ent_type_ == "PERSON" or _person_word(tok) or tok.lower_ in PERSON_PRONOUNS


def _person_word(tok: Token) -> bool:
    """A proper noun that may be a person's name: untagged, or a surname the model took for
    an organisation ("for Ruiz")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in {"", "ORG"}


def undated(phrase: Span) -> str:
    """A description without the date it carries ("a study Monday by the regulators" ->
    "a study by the regulators"): who spoke, not when."""
    if phrase.root.pos_ != "NOUN" or not any(t.ent_type_ in {"DATE", "TIME"} for t in phrase):
        return phrase.text
    root = phrase.root
    # a date inside a describing clause says which one ("a survey taken in the spring") and stays
    described = {t.i for c in root.children if c.dep_ == "acl" for t in c.subtree}
    kept = "".join(
        t.text_with_ws for t in phrase if t.ent_type_ not in {"DATE", "TIME"} or t.i in described
    )
    return kept.strip() or phrase.text
