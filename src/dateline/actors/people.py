"""People: name mentions with the role and country their context gives, grouped by person.

Full names group when one holds the other's words in order with the same surname ("Vladimir
Putin", "Vladimir V. Putin"); a bare name then joins the person whose surname (or, failing
that, other name) it is, the nearest preceding one when several share it ("Rama" -> "Edi
Rama"). Captions are read after the body, so a caption's full name can complete a body's
surname.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span

from dateline.actors.context import DocIndex
from dateline.actors.roles import Role
from dateline.nlp.gazetteer import Gazetteer, Igo, normalize

#: Labels the model sometimes gives a person's bare surname in a caption or headline.
_MISLABELS = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"})


@dataclass(slots=True)
class NameMention:
    doc_no: int  # -1 for the body, else the caption number
    span: Span  # the name, titles stripped
    role: Role | None = None
    country: str | None = None
    igo: Igo | None = None
    phrase: str | None = None  # the name with its title ("Moldovan PM Ana Lupu")
    org_sector: str | None = None  # of the organisation the title is held at
    gender: str | None = None  # "m" or "f" when an honorific or a title says so
    name_gender: str | None = None  # "m" or "f" when the first name says so

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(normalize(t.text) for t in self.span if not t.is_punct)


@dataclass(slots=True)
class Person:
    words: tuple[str, ...]
    name: str
    mentions: list[NameMention] = field(default_factory=list)
    # set by the finder from the text and the knowledge base
    kb: str | None = None
    known_country: str | None = None
    home_country: bool = False  # known_country is only the article's home country
    sector: str | None = None
    code: str | None = None

    def add(self, mention: NameMention) -> None:
        self.mentions.append(mention)
        if len(mention.words) > len(self.words):
            self.words, self.name = mention.words, mention.span.text

    @property
    def role(self) -> Role | None:
        roles = [m.role for m in self.mentions if m.role is not None]
        specific = [r for r in roles if not r.generic]
        return (specific or roles)[0] if roles else None

    @property
    def country(self) -> str | None:
        return next((m.country for m in self.mentions if m.country), self.known_country)

    @property
    def gender(self) -> str | None:
        # an honorific or a title anywhere outweighs what a first name suggests
        found = next((m.gender for m in self.mentions if m.gender), None)
        return found or next((m.name_gender for m in self.mentions if m.name_gender), None)

    @property
    def org_sector(self) -> str | None:
        return next((m.org_sector for m in self.mentions if m.org_sector), None)

    @property
    def igo(self) -> Igo | None:
        return next((m.igo for m in self.mentions if m.igo), None)


def name_span(index: DocIndex, ent: Span) -> tuple[Span, Role | None] | None:
    """The name inside a PERSON entity, without titles, honorifics, letters after it ("KC")
    or a possessive, and the role its own words give ("President Maia Sandu")."""
    doc = index.doc
    start, end, role = ent.start, ent.end, None
    if prefixed(ent):
        return None  # "a pro-Rubio group": a word about the person, no mention of them
    while start < end:
        found = index.roles.title_starting(doc, start, end - 1)
        if found is not None:
            role, start = found
        elif normalize(doc[start].text) in index.roles.words["honorific"] or _verb_before_name(
            index, start, end
        ):
            start += 1
        else:
            break
    if start == ent.start and _untagged_first_name(index, start - 1):
        start -= 1  # ", Aminata Bello Diallo," tagged from its second word
    quote = next((t.i for t in doc[start:end] if t.is_quote), None)
    if quote is not None:
        end = quote  # 'Robert C. "Bobby' : the name stops at the nickname's quotation mark
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while (
        end > start + 1
        and doc[end - 1].is_upper
        and normalize(doc[end - 1].text) in index.roles.words["postnominal"]
    ):
        end -= 1  # "Ana Ruiz KC": the letters after a name are no part of it
    if end <= start:
        return None
    span = doc[start:end]
    if any(t.like_num for t in span) or not any(t.is_title or t.is_upper for t in span):
        return None
    if any(normalize(t.text) in index.roles.not_names for t in span):
        return None  # "Rustaveli Avenue", "Cyclone Mora": a place or an event, no person
    squeezed = normalize(span.text).replace(" ", "").replace("-", "")
    if squeezed in _squeezed_places() and index.gazetteer.place_by_name(span.text) is None:
        return None  # "Hai Phong" for Haiphong, "Naypyitaw" for Nay Pyi Taw
    return span, role


def prefixed(ent: Span) -> bool:
    """Whether an entity opens with a lower-case prefix joined to the name by a hyphen
    ("pro-Rubio", "anti-Trump", "ex-Smith")."""
    return (
        len(ent) > 2
        and ent[0].is_lower
        and ent[0].is_alpha
        and not ent[0].whitespace_
        and ent[1].text == "-"
        and not ent[1].whitespace_
    )


#: Tags of an inflected verb the model takes into a name ("Telling X", "Said X", "Wants X").
_INFLECTED_VERBS = frozenset({"VBG", "VBD", "VBZ"})


def _verb_before_name(index: DocIndex, k: int, end: int) -> bool:
    """Whether token ``k``, opening a PERSON entity with more after it, is an inflected verb a
    headline or a fronted clause ran into the name ("… After Telling X To …", "Said X, …"):
    no name is a verb so inflected, unless it is a known first name."""
    tok = index.doc[k]
    return (
        k + 1 < end
        and tok.pos_ in {"VERB", "AUX"}
        and tok.tag_ in _INFLECTED_VERBS
        and normalize(tok.text) not in index.roles.first_names
    )


def _untagged_first_name(index: DocIndex, k: int) -> bool:
    """Whether token ``k``, right before a PERSON entity, is a first name the model left out:
    an untagged name word (:func:`_name_word`) outside quotation marks, inside its sentence
    (not its first word, which may be capitalised for the sentence) and not after a
    determiner, preposition or another proper noun (then it ends a phrase of its own), that is
    no honorific or place."""
    doc = index.doc
    if k < 1 or not _name_word(index, k) or index.quoted_token[k]:
        return False
    tok = doc[k]
    if not tok.is_alpha or tok.is_sent_start:
        return False
    if doc[k - 1].pos_ in {"DET", "ADP", "PROPN"}:
        return False  # "Speaker of the House X": a name of a body or a title's, not X's
    return not (
        normalize(tok.text) in index.roles.words["honorific"]
        or index.gazetteer.country_by_name(tok.text)
        or index.gazetteer.place_by_name(tok.text)
    )


def _name_word(index: DocIndex, k: int) -> bool:
    """Whether token ``k`` may be a word of a name the model did not tag: a capitalised proper
    noun no entity covers that is no title word."""
    tok = index.doc[k]
    return (
        tok.is_title
        and tok.pos_ == "PROPN"
        and index.ent_at[k] is None
        and tok.text not in index.gazetteer.title_words
        and normalize(tok.text) not in index.roles.roles
    )


@functools.cache
def _squeezed_places() -> frozenset[str]:
    """City names without spaces or hyphens, to catch spelling variants the model read as
    people."""
    gazetteer = Gazetteer.default()
    return frozenset(
        normalize(name).replace(" ", "").replace("-", "")
        for place in gazetteer.places
        for name in (place.name, *place.aliases)
    )


def read_mention(index: DocIndex, doc_no: int, span: Span, role: Role | None) -> NameMention:
    mention = NameMention(doc_no, span, role)
    before = index.before(span.start)
    after = index.after(span.end)
    for reading in (before, after):
        if reading is None:
            continue
        mention.role = mention.role or reading.role
        mention.country = mention.country or reading.country
        mention.igo = mention.igo or reading.igo
        mention.org_sector = mention.org_sector or reading.org_sector
    if before is not None:
        mention.phrase = index.doc[before.start : span.end].text
        if before.role is not None and mention.country is None and mention.igo is None:
            # "Prime Minister X of Albania"
            mention.country, mention.igo, _ = index.of_phrase(span.end)
    lo = before.start if before is not None else max(0, span.start - 1)
    words = [index.doc[lo : span.start].text]
    words += [r.role.title for r in (before, after) if r is not None and r.role is not None]
    if role is not None:
        words.append(role.title)
    mention.gender = index.roles.gender(" ".join(words))
    mention.name_gender = index.roles.name_gender(span)
    return mention


def consumed(mention: NameMention, index: DocIndex) -> list[tuple[int, int]]:
    """Token ranges a name's title phrase covers: their countries are not mentions of their
    own ("Moldovan" in "Moldovan PM Ana Lupu")."""
    out = []
    before = index.before(mention.span.start)
    if before is not None:
        out.append((before.start, before.end))
    after = index.after(mention.span.end)
    if after is not None:
        out.append((after.start, after.end))
    return out


def name_mentions(index: DocIndex, doc_no: int) -> list[NameMention]:
    out = []
    for ent in index.doc.ents:
        if ent.label_ != "PERSON":
            continue
        found = name_span(index, ent)
        if found is not None:
            out.append(read_mention(index, doc_no, *found))
    return out


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter``'s words appear in ``longer`` in order, with the same last word."""
    if not shorter or not longer or shorter[-1] != longer[-1]:
        return False
    it = iter(longer)
    return all(word in it for word in shorter)


def group(
    mentions: list[NameMention],
    office_holder: Callable[[str], tuple[str, ...] | None] | None = None,
) -> list[Person]:
    """Persons from name mentions given in reading order (body first, then captions).

    ``office_holder`` gives the full name of the one person the knowledge base knows in office
    under a bare name: a bare "Obama" does not join a "Michelle Obama" while Barack Obama is
    in office."""
    people: list[Person] = []
    for mention in mentions:
        words = mention.words
        if len(words) < 2:
            continue
        match = next((p for p in people if _holds(p.words, words) or _holds(words, p.words)), None)
        if match is None:
            people.append(Person(words, mention.span.text, [mention]))
        else:
            match.add(mention)
    for mention in mentions:
        words = mention.words
        if len(words) != 1 or not words[0]:
            continue
        person = _for_single(people, mention, office_holder)
        if person is None:
            person = Person(words, mention.span.text)
            people.append(person)
        person.mentions.append(mention)
    for person in people:
        person.mentions.sort(key=lambda m: (m.doc_no, m.span.start_char))
    return people


def _for_single(
    people: list[Person],
    mention: NameMention,
    office_holder: Callable[[str], tuple[str, ...] | None] | None,
) -> Person | None:
    word = mention.words[0]
    candidates = [p for p in people if len(p.words) > 1 and p.words[-1] == word]
    candidates = candidates or [p for p in people if word in p.words]
    if candidates and office_holder is not None and mention.role is not None:
        full = office_holder(mention.span.text)
        if full is not None and not any(
            _holds(full, p.words) or _holds(p.words, full) or mention.role.compatible(p.role)
            for p in candidates
        ):
            # "President Obama" after "Michelle Obama": the titled namesake in office
            candidates = []
    candidates = candidates or [p for p in people if p.words == (word,)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    best, best_pos = candidates[0], -1
    for person in candidates:
        for m in person.mentions:
            if m.doc_no == mention.doc_no and best_pos < m.span.start < mention.span.start:
                best, best_pos = person, m.span.start
    return best


def mislabelled(
    index: DocIndex,
    doc_no: int,
    people: list[Person],
    known: Callable[[str], bool] | None = None,
) -> list[NameMention]:
    """Entities the model gave another label that are a known person's name or surname
    ("Zelenskyy" as ORG in a caption), a name with a person's title, or a one-word name
    ``known`` says is a person (the knowledge base: "Lavrov" as ORG), or a name that opens with
    a known first name ("Sophie Laurent" as ORG); a full name found so makes its surname a
    person's too ("Yakubu" as GPE after "Mahmood Yakubu" as ORG)."""
    given = _named_in_full(index, doc_no)
    names = {p.words for p in people} | {p.words[-1:] for p in people}
    names |= {m.words[-1:] for m in given}
    surnames = {p.words[-1:] for p in people if len(p.words) > 1}
    out = []
    for ent in index.doc.ents:
        if ent.label_ in _MISLABELS and (not ent.id_ or _demonym_subject(ent)):
            found = name_span(index, ent)
            if found is None:
                continue
            mention = NameMention(doc_no, found[0], found[1])
            if any(m.span == mention.span for m in given):
                out.append(read_mention(index, doc_no, mention.span, mention.role))
                continue
            if ent.id_:
                if mention.words in surnames:
                    out.append(read_mention(index, doc_no, mention.span, mention.role))
                continue
            if (
                mention.words in names
                or _titled(index, mention.span)
                or (
                    known is not None
                    and ent.label_ == "ORG"
                    and len(mention.span) == 1
                    and mention.span[0].is_title
                    and known(mention.span.text)
                )
            ):
                out.append(read_mention(index, doc_no, mention.span, mention.role))
    return out


def _demonym_subject(ent: Span) -> bool:
    """A people's word standing alone as a clause's subject ("Cuban said", "Cuban also
    complained"): no determiner or plural makes it the people, so after a person named in full
    with it as surname ("Dana Cuban") it is that person."""
    if len(ent) != 1 or not ent.id_.startswith("demonym:"):
        return False
    token = ent[0]
    return (
        token.dep_ in {"nsubj", "nsubjpass"}
        and token.tag_ in {"NNP", "NN"}
        and not any(c.dep_ in {"det", "amod", "compound", "poss"} for c in token.children)
    )


def bare_surnames(index: DocIndex, doc_no: int, people: list[Person]) -> list[NameMention]:
    """A known person's surname standing alone where the model tagged nothing ("Garrow, who
    chairs the board, said …" after "Helen Garrow"): a capitalised proper noun outside
    quotation marks with no other name word beside it."""
    surnames = {p.words[-1] for p in people if len(p.words) > 1}
    if not surnames:
        return []
    doc = index.doc
    out = []
    for i, lower in enumerate(index.lower):
        if lower not in surnames or index.ent_at[i] is not None or index.quoted_token[i]:
            continue
        token = doc[i]
        if not token.is_title or token.pos_ != "PROPN" or normalize(token.text) not in surnames:
            continue
        beside = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
        if any(t.pos_ == "PROPN" and t.is_title for t in beside):
            continue  # part of a longer name ("Garrow Street", "Tom Garrow")
        out.append(read_mention(index, doc_no, doc[i : i + 1], None))
    return out


def _named_in_full(index: DocIndex, doc_no: int) -> list[NameMention]:
    """Entities the model gave another label that are a person's full name: two or three
    capitalised words with a person's title beside them, or opening with a known first name
    and naming no place and no organisation ("Sophie Laurent" as ORG; not "Florence Mills",
    "Chester Bridge")."""
    out = []
    for ent in index.doc.ents:
        if ent.label_ not in _MISLABELS or ent.id_:
            continue
        found = name_span(index, ent)
        if found is None:
            continue
        span = found[0]
        if not 2 <= len(span) <= 3 or not all(t.is_alpha and t.is_title for t in span):
            continue
        if _titled(index, span) or _first_name_opens(index, span):
            out.append(NameMention(doc_no, span, found[1]))
    return out


def _first_name_opens(index: DocIndex, span: Span) -> bool:
    """Whether a name opens with a known first name and names no place or organisation."""
    roles, gazetteer = index.roles, index.gazetteer
    if normalize(span[0].text) not in roles.first_names or roles.org_sector(span.text):
        return False
    return not (
        any(gazetteer.country_by_name(t.text) or gazetteer.place_by_name(t.text) for t in span)
        or gazetteer.place_by_name(span.text)
    )


def _titled(index: DocIndex, span: Span) -> bool:
    """A two- or three-word capitalised name with a person's title before or after it
    ("Dragan Ilic, Serbia's president" the model read as a place)."""
    if not 2 <= len(span) <= 3 or not all(t.is_alpha and t.is_title for t in span):
        return False
    if index.gazetteer.country_by_name(span.text) or index.gazetteer.place_by_name(span.text):
        return False
    for reading in (index.before(span.start), index.after(span.end)):
        if reading is not None and reading.role is not None:
            return True
    return False


def completed(index: DocIndex, doc_no: int, people: list[Person]) -> list[NameMention]:
    """Full names the model missed, for people it found only by one name: a run of
    capitalised words no entity covers that ends with that name ("... Trade Tran Thi Lan"
    when only "Lan" was tagged)."""
    singles = {p.words[0] for p in people if len(p.words) == 1}
    if not singles:
        return []
    doc = index.doc
    out = []
    for i, lower in enumerate(index.lower):
        if lower not in singles or index.ent_at[i] is not None:
            continue
        token = doc[i]
        if not token.is_title or normalize(token.text) not in singles:
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and _name_word(index, start - 1):
            start -= 1
        if start < token.i:
            out.append(read_mention(index, doc_no, doc[start : token.i + 1], None))
    return out
