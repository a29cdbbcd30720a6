"""In-article coreference: descriptions and pronouns resolved to the people already found.

- A description ("the Kenyan president", "the president of Kenya", "the Kenyan
  leader", "the prime minister") refers to the person whose role it names, or whose role is of
  the group a describing word stands for ("leader" -> heads of state and government), with the
  same country when it gives one; the nearest such person mentioned before it wins, else the
  only one in the article.
- A third-person pronoun (he, she, him, his, her) outside quotation marks refers to the nearest
  preceding person mentioned outside quotation marks and not known to be of the other gender
  (an honorific or a title says so: "Mrs", "Queen", "spokesman"; ``gender.tsv``): in its own
  sentence the subject before it, else the last name before it; else, going back up to
  ``PRONOUN_WINDOW`` sentences, the subject of the nearest sentence naming a person, else that
  sentence's first person (a name beside the subject counts as the subject; a possessor comes
  last; a pronoun that answers, "he said" after "X asked Y …", is the person asked; the subject
  of the clause a "he said" reports, "Y had no idea, he said", is not its speaker, nor anyone
  in a fronted "Asked about Y," of its verb). The subject
  pronoun of a speech verb read firmly (a subject) tells the gender of a person none was known
  for, so a later pronoun of the other gender skips them (""…," he said" about X, then "she
  added" is not X).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dateline.actors.context import DocIndex, Reading
from dateline.actors.people import Person
from dateline.actors.roles import words

#: Third-person singular pronouns and the gender each refers to.
PRONOUN_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
PRONOUNS = frozenset(PRONOUN_GENDER)
PRONOUN_WINDOW = 4
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
#: Relations of a reported clause to the speech verb (or of the verb to the clause it reports).
_REPORTED = frozenset({"ccomp", "parataxis"})


@dataclass(slots=True)
class Ref:
    """A span of one doc that refers to a person."""

    person: Person
    span: Span
    kind: str  # name, description, pronoun
    firm: bool = False  # a pronoun read as its sentence's or the sentence before's subject


class DocRefs:
    """The person references of one doc, in order, for pronoun lookups."""

    def __init__(self, index: DocIndex) -> None:
        self.index = index
        self.refs: list[Ref] = []
        self._starts: list[int] = []
        #: genders learnt from subject pronouns, by ``id(person)``
        self.learnt: dict[int, str] = {}

    def add(self, ref: Ref) -> None:
        pos = bisect.bisect(self._starts, ref.span.start)
        self._starts.insert(pos, ref.span.start)
        self.refs.insert(pos, ref)

    def preceding(self, token: int, gender: str | None = None, chain: bool = False) -> list[Ref]:
        """References starting before ``token``, outside quotation marks, to people whose
        known gender (if any) is ``gender``; with ``chain``, pronouns of that gender already
        read firmly that are their sentence's main subject count too."""
        end = bisect.bisect_left(self._starts, token)
        return [
            r
            for r in self.refs[:end]
            if (
                r.kind != "pronoun"
                or (
                    chain
                    and r.firm
                    and _is_subject(r)
                    and self.index.has_sents
                    and _of_main_clause(r, self.index.sent_of(r.span.start))
                    and PRONOUN_GENDER.get(r.span[0].lower_) == gender is not None
                )
            )
            and not self.index.in_quotes(r.span.start_char)
            and (gender is None or self.gender_of(r.person) in {None, gender})
        ]

    def gender_of(self, person: Person) -> str | None:
        return person.gender or self.learnt.get(id(person))

    def antecedent(self, token: int) -> Person | None:
        return self.read(token)[0]

    def read(self, token: int) -> tuple[Person | None, bool]:
        """The person a pronoun refers to, and whether the reading is firm: that person is
        the subject of the pronoun's sentence or of the nearest earlier one naming someone."""
        doc = self.index.doc
        before = self.preceding(token, PRONOUN_GENDER.get(doc[token].lower_))
        if not before:
            return None, False
        if not self.index.has_sents:
            return before[-1].person, False
        sent = self.index.sent_of(token)
        pronoun = doc[token]
        same = [
            r
            for r in before
            if r.span.start >= sent.start
            and not reported_by(pronoun, r.span.root)
            and not asked_about(pronoun, r.span.root)
            and not told_by_same(pronoun, r.span.root)
        ]
        subjects = [r for r in same if _is_subject(r)]
        if subjects:
            return subjects[-1].person, True
        if same and doc[token].dep_ not in _SUBJECT:
            return same[-1].person, False
        # a subject pronoun after a person named only in its own clause's opening phrase ("In
        # an interview with X, he said") is someone named before: earlier sentences first
        answering = doc[token].head.lemma_.lower() in words("answer")
        # a sentence whose subject is "he" already read as X goes on with X ("X arrived. He
        # said that Y had left. ¶ "…," he said": X, not Y named after the first "he")
        chain = self.preceding(token, PRONOUN_GENDER.get(pronoun.lower_), chain=True)
        earlier, firm = self._earlier(chain, sent.start, answering)
        if earlier is not None:
            return earlier, firm
        return (same[-1].person if same else None), False

    def _earlier(
        self, before: list[Ref], sent_start: int, answering: bool = False
    ) -> tuple[Person | None, bool]:
        """The person of the nearest earlier sentence naming one: its subject (or the name set
        beside it: "X's counterpart, Y, was …"), else its first who owns nothing there."""
        for _ in range(PRONOUN_WINDOW):
            if sent_start == 0:
                break
            prev = self.index.sent_of(sent_start - 1)
            inside = [r for r in before if prev.start <= r.span.start < prev.end]
            if inside:
                subjects = _main_first([r for r in inside if _is_subject(r)], prev)
                asked = _asked(inside, subjects, answering)
                if asked is not None:
                    return asked, False
                if subjects:
                    return subjects[0].person, True
                owners = [r for r in inside if r.span.root.dep_ == "poss"]
                return ([r for r in inside if r not in owners] or inside)[0].person, False
            sent_start = prev.start
        return None, False


def reported_by(pronoun: Token, tok: Token) -> bool:
    """Whether a token lies in the clause that the pronoun's speech verb reports ("X will
    resign, he said", "X had "no idea," she said"): X is not who says it, as news writes it (a
    speaker talking of themselves is "X said he would resign")."""
    verb = pronoun.head
    if pronoun.dep_ not in _SUBJECT or verb.lemma_.lower() not in words("speech"):
        return False
    at = tok.i
    for child in verb.children:
        if child.dep_ in _REPORTED and child.left_edge.i <= at <= child.right_edge.i:
            return True
    # the parse may hang the speech verb on the reported clause instead ("X will resign" as
    # the root, "he said" its parataxis)
    clause = verb.head
    if verb.dep_ not in _REPORTED or clause.i == verb.i or clause.i > verb.i:
        return False
    if clause.lemma_.lower() in words("speech"):
        return False  # "X said he told them": he is X, whose words report his own
    inside_verb = verb.left_edge.i <= at <= verb.right_edge.i
    return clause.left_edge.i <= at <= clause.right_edge.i and not inside_verb


def told_by_same(pronoun: Token, tok: Token) -> bool:
    """Whether a token lies in a clause that an earlier "he" or "she" of the pronoun's sentence,
    the same word, says, agrees or thinks ("He agreed that X may struggle, but he said …"):
    both pronouns are one person, and X only what the first one's clause is about."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    if gender is None:
        return False
    for other in pronoun.doc[pronoun.sent.start : tok.i]:
        if other.i == pronoun.i or other.dep_ not in _SUBJECT:
            continue
        if other.lower_ not in {"he", "she"} or PRONOUN_GENDER[other.lower_] != gender:
            continue
        if any(
            c.dep_ == "ccomp" and c.left_edge.i <= tok.i <= c.right_edge.i
            for c in other.head.children
        ):
            return True
    return False


def asked_about(pronoun: Token, tok: Token) -> bool:
    """Whether a token lies in the fronted "Asked about X" / "Asked whether X …" clause of the
    pronoun's verb ("Asked whether X would run, he said …"): the one asked is the pronoun's
    person, X only what the question was about."""
    if pronoun.dep_ not in _SUBJECT:
        return False
    return any(
        child.dep_ == "advcl"
        and child.i < pronoun.i
        and child.tag_ == "VBN"
        and child.lemma_.lower() in words("ask")
        and not any(c.dep_ in _SUBJECT for c in child.children)
        and child.left_edge.i <= tok.i <= child.right_edge.i
        for child in pronoun.head.children
    )


def _main_first(subjects: list[Ref], sent: Span) -> list[Ref]:
    """Subjects of a sentence, the main clause's first: in "Y had rejected the offer, X said"
    the one who speaks is X, the subject of the reported clause before it only Y."""
    return sorted(subjects, key=lambda r: not _of_main_clause(r, sent))


def _of_main_clause(ref: Ref, sent: Span) -> bool:
    """Whether a subject reference belongs to its sentence's main verb (or one joined to it
    by "and")."""
    root = ref.span.root
    verb = root.head.head if root.dep_ == "appos" else root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.i == sent.root.i


def _asked(inside: list[Ref], subjects: list[Ref], answering: bool) -> Person | None:
    """In an exchange, the person asked in the sentence before ("X asked Y whether …"), whom a
    pronoun that answers ("… ," he said / replied) refers to rather than the one asking."""
    if not answering or not subjects:
        return None
    verb = subjects[0].span.root.head
    if verb.lemma_.lower() not in words("ask"):
        return None
    asked = [r for r in inside if r.span.root.dep_ == "dobj" and r.span.root.head.i == verb.i]
    return asked[0].person if asked else None


def _is_subject(ref: Ref) -> bool:
    """A reference that is its clause's subject, or a name in apposition to the subject."""
    root = ref.span.root
    if root.dep_ in _SUBJECT:
        return True
    return root.dep_ == "appos" and root.head.dep_ in _SUBJECT


def description_target(
    reading: Reading, people: list[Person], refs: DocRefs, token: int
) -> Person | None:
    """The person a description refers to, or None when no one (or no single one) fits."""
    role = reading.role
    if role is None:
        return None
    fits = [
        p
        for p in people
        if role.compatible(p.role)
        and (reading.country is None or p.country == reading.country)
        and (reading.igo is None or p.igo == reading.igo)
    ]
    if not fits:
        return None
    if reading.country is not None:
        # "the Russian leader": someone the text or the knowledge base places there before
        # someone only the article's home country was given to
        placed = [p for p in fits if not p.home_country]
        fits = placed or fits
    before = refs.preceding(token)
    if len(fits) == 1:
        if any(r.person is fits[0] for r in before) or _named_soon(fits[0], refs, token):
            return fits[0]
        return None
    for ref in reversed(before):
        if ref.person in fits:
            return ref.person
    return None


#: Paragraph breaks a description may stand before the name it stands for.
_NAMED_WITHIN = 1


def _named_soon(person: Person, refs: DocRefs, token: int) -> bool:
    """Whether a person the article names only after a description of them is named in the
    description's paragraph or the next ("The dean of the school defended it. ¶ X, who …"),
    as news identifies someone late; a holder of the title named pages later is someone else
    ("the candidate" is not the chief executive quoted at the end)."""
    doc = refs.index.doc
    after = next((r for r in refs.refs if r.person is person and r.span.start > token), None)
    if after is None:
        return False
    between = doc[token : after.span.start].text
    return between.count("\n\n") <= _NAMED_WITHIN


def find_descriptions(
    index: DocIndex, people: list[Person], refs: DocRefs, skip: set[int]
) -> list[Ref]:
    """Descriptions outside quotation marks and outside names' title phrases (``skip`` holds
    their token indexes)."""
    out: list[Ref] = []
    doc = index.doc
    i = 0
    while i < len(doc):
        if (
            i in skip
            or index.quoted_token[i]
            or (index.lower[i] != "the" and index.ent_at[i] is None)
        ):
            i += 1
            continue
        reading = index.description_at(i)
        if reading is None:
            i += 1
            continue
        span = doc[reading.start : reading.end]
        person = _set_beside(span, refs) or description_target(reading, people, refs, i)
        if person is not None:
            ref = Ref(person, doc[reading.start : reading.end], "description")
            out.append(ref)
            refs.add(ref)
        i = reading.end
    return out


def _set_beside(span: Span, refs: DocRefs) -> Person | None:
    """The person whose name a description is set beside, as news names someone by office
    ("The party chairman, X, said", "X, the senator from Y, …"): that person, not another
    holder of the title named elsewhere."""
    root = span.root
    beside = [root.head] if root.dep_ == "appos" and root.head.i != root.i else []
    beside += [c for c in root.children if c.dep_ == "appos" and not span.start <= c.i < span.end]
    for tok in beside:
        for ref in refs.refs:
            if ref.kind == "name" and ref.span.start <= tok.i < ref.span.end:
                return ref.person
    return None


def find_pronouns(index: DocIndex, refs: DocRefs) -> list[Ref]:
    out = []
    for i, lower in enumerate(index.lower):
        if lower not in PRONOUNS or index.quoted_token[i]:
            continue
        person, firm = refs.read(i)
        if person is not None:
            ref = Ref(person, index.doc[i : i + 1], "pronoun", firm)
            out.append(ref)
            refs.add(ref)  # a later pronoun may go on with this one's reading
            tok = index.doc[i]
            speaks = tok.dep_ in _SUBJECT and tok.head.lemma_.lower() in words("speech")
            if firm and speaks and refs.gender_of(person) is None:
                refs.learnt[id(person)] = PRONOUN_GENDER[lower]
    return out
