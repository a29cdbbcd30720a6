"""Speakers that point back, and phrases that cannot speak.

- "it" / "they" as a speaker: the organisation, document or group that spoke last, in the same
  paragraph or the one before ("The agency said …. It said …"); for "it", else the organisation last
  named as a subject there.
- "the service", "the organization", "the newspaper": an earlier speaker with that head noun and
  more words ("the Latvian customs service"), an organisation whose name ends with the noun
  ("The Herald" → "The Riverton Herald"), or, for the general nouns of ``org_references.tsv``, the
  organisation last named as a subject in the same paragraph or the one before; with none there,
  the last organisation of the noun's sector named before ("the newspaper" → a news outlet).
- A report or study "by" a named author ("according to a report by the Harbour Times")
  speaks as the author; "a report from X" stays the document.
- A short definite description of a document nothing above resolved ("the statement", "the
  notice") speaks as the document of the body the nearest earlier mention says put it out ("X
  said in a statement", "In a safety notice, X said", "X issued a statement", "a statement
  from X", "X's statement", "a statement issued by X" → "X statement", "X safety notice"),
  the way news names such a source.
- A short definite description nothing above resolved ("the bill", "the military") speaks as
  the article's fuller mention of the same noun that names its owner, earlier first, then later
  ("the Harbour County Council bill", "Peru's military" → "Peruvian military").
- A speaker must be able to speak: a phrase whose head is an abstract noun ("the rules",
  "possible steps") is none, unless ``speaker_nouns.tsv`` lists it ("the commission").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Doc, Span, Token

from dateline.actors.roles import RoleTable
from dateline.nlp import filed_from
from dateline.nlp.gazetteer import Gazetteer
from dateline.quotes.content import OWN_SUBJECTS
from dateline.quotes.lexicon import Lexicon
from dateline.quotes.speakers import PERSON_PRONOUNS, Cast, speaker_phrase

if TYPE_CHECKING:
    from dateline.quotes.model import Quote

#: Endings of abstract nouns ("conditions", "amendment", "readiness", "security").
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
_DEFINITE = frozenset({"the", "this", "that"})
_ARTICLES = frozenset({"the", "a", "an"})
_THE = frozenset({"the"})
_BACK_PRONOUNS = frozenset({"it", "they"})
#: Paragraphs back a general noun, or "it" without an earlier speaker, looks for an organisation.
_REACH = 1
#: Paragraphs back "it" / "they" look for the last speaker (news paragraphs are short).
_SPEAKER_REACH = 2


class Names(Protocol):
    doc: Doc
    cast: Cast
    lexicon: Lexicon

    def paragraph_of(self, offset: int) -> int: ...

    def name_of(self, span: Span) -> tuple[str, str | None]: ...


@dataclass(slots=True)
class Back:
    name: str
    entity: str | None


def can_speak(phrase: Span, lexicon: Lexicon) -> bool:
    """Whether a phrase no resolver named can be a speaker (see the module docstring)."""
    if not any(
        t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and t.lower_ not in _ARTICLES for t in phrase
    ):
        return False  # "according to the , …": an article with its noun lost
    root = phrase.root
    if root.pos_ != "NOUN":
        return True
    lemma = root.lemma_.lower()
    if lemma in lexicon.speaker_nouns or lemma in lexicon.evidence_nouns:
        return True
    if lemma in lexicon.org_references:
        return True
    return not lemma.endswith(ABSTRACT_ENDINGS)


def refers_back(names: Names, phrase: Span, earlier: list[Quote]) -> Back | None:
    """What a pointing speaker phrase refers to, or None when it does not point back."""
    first = phrase[0].lower_
    if len(phrase) == 1 and first in _BACK_PRONOUNS:
        return _pronoun(names, phrase, earlier)
    root = phrase.root
    dated = len(phrase) > 2 and phrase[0].ent_type_ == "DATE" and phrase[1].tag_ == "POS"
    if not (first in _DEFINITE or dated) or len(phrase) > 3 or root.pos_ not in {"NOUN", "PROPN"}:
        return None  # "the report", "Thursday's report" point back; "a report" does not
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return None
    noun = root.lemma_.lower()
    here = names.paragraph_of(phrase.start_char)
    proper = _own_names(phrase)
    for quote in reversed(earlier):
        sp = quote.speaker
        if sp is None or sp.start >= phrase.start_char or sp.text == phrase.text:
            continue
        span = names.doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if (
            span is not None
            and len(span) > len(phrase)
            and span.root.lower_ == root.lower_
            and _names_all(span, proper)
        ):
            nearer = _nearer_subject(names, span, phrase)
            if nearer is not None:
                return Back(place_owned(nearer) or without_article(nearer).text, None)
            return Back(sp.name, sp.entity)
    orgs = _orgs_before(names, phrase)
    own = sum(1 for t in phrase if t.pos_ != "DET")
    for ent in reversed(orgs):
        longer = sum(1 for t in ent if t.pos_ != "DET") > own  # "the navy" → "Indian Navy"
        if longer and _same_noun(ent[-1].text, noun, root.text) and _names_all(ent, proper):
            name, entity = names.name_of(ent)
            return Back(name, entity)
    if noun in names.lexicon.org_references:
        if proper:
            return None  # "The Times newspaper" names itself: no other body it points to
        sector = names.lexicon.org_references[noun]
        reported = [s for q in earlier for s in q.spans]
        found = _in_sentence(names, orgs, phrase, sector) or _subject_org(
            names, _with_speakers(names, orgs, earlier, sector), here, sector, reported
        )
        if found is None and sector:
            found = _org_of_sector(names, orgs, sector) or _unsorted_subject(names, orgs)
        return found
    return None


#: Entity types of a name that says whose thing a description is ("the Nordic mission").
_NAME_TYPES = frozenset({"NORP", "GPE", "ORG", "LOC"})


def _nearer_subject(names: Names, speaker: Span, phrase: Span) -> Span | None:
    """A fuller subject with the same head noun between an earlier speaker and a phrase
    ("Egypt's foreign ministry condemned …. …, the ministry said" after the health ministry
    spoke): what the phrase points back to, not that speaker; None when there is none."""
    root = phrase.root
    own = sum(1 for t in phrase if t.pos_ != "DET")
    doc = phrase.doc
    for tok in reversed(doc[speaker.end : phrase.start]):
        if tok.lower_ != root.lower_ or tok.dep_ not in OWN_SUBJECTS:
            continue
        if any(a <= tok.idx < b for a, b in names.cast.quoted):
            continue
        mention = speaker_phrase(tok)
        if sum(1 for t in mention if t.pos_ != "DET") > own and _names_all(
            mention, _own_names(phrase)
        ):
            return mention
    return None


def _own_names(phrase: Span) -> list[str]:
    """The names a description carries before its head, lower case: "the EU mission" names
    whose mission it is, so it stands only for a mention with that name."""
    return [
        t.lower_
        for t in phrase
        if t.i != phrase.root.i and (t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES)
    ]


def _names_all(span: Span, words: list[str]) -> bool:
    """Whether every one of ``words`` (lower case) is a word of ``span``."""
    have = {t.lower_ for t in span}
    return all(w in have for w in words)


def _org_of_sector(names: Names, orgs: list[Span], sector: str) -> Back | None:
    """The organisation of ``sector`` last named before ("the newspaper" → the last news
    outlet), by the words of its name (the actors stage's ``sectors.tsv``)."""
    roles = RoleTable.default()
    for ent in reversed(orgs):
        if roles.org_sector(ent.text) == sector:
            name, entity = names.name_of(ent)
            return Back(name, entity)
    return None


def _subject_org(
    names: Names,
    orgs: list[Span],
    here: int,
    sector: str = "",
    reported: Sequence[tuple[int, int]] = (),
) -> Back | None:
    """The organisation last named as a subject in paragraph ``here`` or the one before, of the
    noun's ``sector`` when its name shows one. One named inside reported words ("The agency
    said [the company was recalling …]") comes after one that is no such words' subject: the
    one who reported them is what the next sentence speaks of."""
    near = []
    for ent in reversed(orgs):
        if names.paragraph_of(ent.start_char) < here - _REACH:
            break
        if ent.root.dep_ not in OWN_SUBJECTS:
            continue
        own = _sector_named(names.doc, ent.text)
        if sector and own is not None and own != sector:
            continue  # "the company" is no ministry named as a subject
        near.append(ent)
    outside = [e for e in near if not any(a <= e.start_char < b for a, b in reported)]
    for ent in outside or near:
        name, entity = names.name_of(ent)
        return Back(name, entity)
    return None


def _with_speakers(names: Names, orgs: list[Span], earlier: list[Quote], sector: str) -> list[Span]:
    """The organisations named before, with the bodies earlier quotes name as their speakers
    that the model tagged as no entity ("CenterPoint Energy said …" for "the utility"): a
    proper-noun subject that is no person or place and whose name shows the noun's
    ``sector``, in text order."""
    seen = {e.start for e in orgs}
    out = list(orgs)
    if not sector:
        return out
    for quote in earlier:
        sp = quote.speaker
        if sp is None:
            continue
        span = names.doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if span is None or span.start in seen or span.root.pos_ != "PROPN":
            continue
        if span.root.ent_type_ not in {"", "ORG"} or any(t.ent_type_ == "PERSON" for t in span):
            continue
        if RoleTable.default().name_gender(span) is not None or _names_person(names, sp.name):
            continue  # "Ana Ruiz", a person the model did not tag; "Ruiz" for her
        span = without_article(span, _ARTICLES)
        if RoleTable.default().org_sector(span.text) != sector:
            continue
        seen.add(span.start)
        out.append(span)
    return sorted(out, key=lambda e: e.start)


def _names_person(names: Names, name: str) -> bool:
    """Whether a speaker's name is, or is part of, the name of a person the article tags."""
    words = name.split()
    return any(
        " ".join(words) in " ".join(t.text for t in ent) or words[-1:] == [ent[-1].text]
        for ent in names.cast.persons
    )


def _in_sentence(names: Names, orgs: list[Span], phrase: Span, sector: str) -> Back | None:
    """For a noun of a sector ("the airline"), the organisation named last before it in its
    own sentence when its name shows that sector or none ("… flying hours with X, the airline
    said")."""
    if not sector:
        return None
    start = phrase.sent.start
    for ent in reversed(orgs):
        if ent.start < start:
            return None
        if _sector_named(names.doc, ent.text) in {None, sector}:
            name, entity = names.name_of(ent)
            return Back(name, entity)
    return None


def _sector_named(doc: Doc, name: str) -> str | None:
    """The sector of an organisation by its name's words, else by the words any mention of
    it stands beside ("French television station X", "X, the region's utility,")."""
    roles = RoleTable.default()
    own = roles.org_sector(name)
    if own is not None:
        return own
    for ent in doc.ents:
        if ent.text != name:
            continue
        root = ent.root
        phrase = doc[root.left_edge.i : ent.end].text
        beside = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            beside.append(root.head)
        for words in (phrase, *(doc[c.left_edge.i : c.i + 1].text for c in beside)):
            found = roles.org_sector(words)
            if found is not None:
                return found
    return None


def _unsorted_subject(names: Names, orgs: list[Span]) -> Back | None:
    """The organisation last named as a subject anywhere before whose name shows no sector
    ("Lufthansa cancelled …" for "the airline"): a body's own name seldom says what it is,
    and the noun does."""
    for ent in reversed(orgs):
        if ent.root.dep_ in OWN_SUBJECTS and _sector_named(names.doc, ent.text) is None:
            name, entity = names.name_of(ent)
            return Back(name, entity)
    return None


def _same_noun(word: str, lemma: str, text: str) -> bool:
    low = word.lower().strip(".,")
    return low in {lemma, text.lower()} or low.rstrip("s") == lemma


#: Written things an "it" that reads or says something stands for ("…," it read.).
_WRITTEN = frozenset(
    {
        "statement",
        "declaration",
        "communiqué",
        "communique",
        "letter",
        "report",
        "memo",
        "memorandum",
        "document",
        "resolution",
        "study",
        "post",
        "tweet",
        "email",
        "e-mail",
        "message",
        "affidavit",
        "complaint",
        "filing",
        "indictment",
        "ruling",
        "judgment",
        "judgement",
        "lawsuit",
        "motion",
        "editorial",
        "article",
        "note",
        "notice",
        "sign",
        "banner",
        "placard",
        "poster",
        "caption",
        "petition",
        "paper",
        "release",
        "text",
        "order",
        "verdict",
    }
)


#: Verbs by which a written thing says something ("it read", "it states", "it warned").
_WRITTEN_VERBS = frozenset(
    {
        "say",
        "read",
        "state",
        "add",
        "continue",
        "note",
        "declare",
        "conclude",
        "warn",
        "claim",
        "allege",
        "urge",
        "recommend",
        "argue",
        "insist",
        "explain",
        "stress",
        "list",
        "write",
        "call",
        "describe",
        "find",
        "accuse",
    }
)


def written_before(names: Names, phrase: Span) -> Span | None:
    """The written thing an "it" with no speaker before it stands for when it says or reads
    something ("The memo was sent on Friday. ¶ "…," it read."): the nearest earlier singular
    noun of ``_WRITTEN`` outside quotation marks, in the pronoun's paragraph or the one
    before; None when the "it" is no active subject of a verb of ``_WRITTEN_VERBS`` ("it was
    reported", "it means") or there is none."""
    it = phrase[0]
    if len(phrase) != 1 or it.lower_ != "it" or it.dep_ != "nsubj":
        return None
    if it.head.lemma_.lower() not in _WRITTEN_VERBS:
        return None  # "it means …", "it seems …": no written thing speaking
    doc = phrase.doc
    here = names.paragraph_of(phrase.start_char)
    for i in range(phrase.start - 1, -1, -1):
        tok = doc[i]
        if names.paragraph_of(tok.idx) < here - _REACH:
            return None
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.dep_ == "compound":
            continue
        if tok.lemma_.lower() not in _WRITTEN or _inside_quote(names, tok.idx):
            continue
        return doc[tok.i : tok.i + 1]
    return None


#: Words before a written thing's noun that its name keeps ("a newly uncovered email").
_WRITTEN_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "nmod", "advmod"})


def written_name(noun: Token) -> str:
    """How a written thing an "it" stands for is named: "X memo" when the article says who
    put it out ("X's memo", "a memo issued by X", "X sent a memo"), else its noun with the
    words before it ("the affidavit", "a newly uncovered email")."""
    author = _author(noun)
    name = _source_name(author) if author is not None else None
    if name is not None:
        return f"{name} {noun.text}"
    lo = noun.i
    for child in noun.lefts:
        if child.dep_ in _WRITTEN_MODIFIERS:
            lo = min(lo, child.left_edge.i)
    return noun.doc[lo : noun.i + 1].text


def _inside_quote(names: Names, offset: int) -> bool:
    return any(a <= offset < b for a, b in names.cast.quoted)


def _pronoun(names: Names, phrase: Span, earlier: list[Quote]) -> Back | None:
    here = names.paragraph_of(phrase.start_char)
    body = _subject_body(names, phrase, here) if phrase[0].lower_ == "it" else None
    for quote in reversed(earlier):
        sp = quote.speaker
        if sp is None or sp.start >= phrase.start_char:
            continue
        if body is not None and sp.start < body[0]:
            return body[1]  # a body named as a subject since the last speaker: "it" is the body
        if names.paragraph_of(sp.start) < here - _SPEAKER_REACH:
            break
        span = names.doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in {"dobj", "pobj"}:
            continue  # "quoted the guard as saying": the sentence's subject is someone else
        if sp.text.lower() in PERSON_PRONOUNS or _is_person(names, sp.start, sp.end):
            return None  # the last speaker is a person: "it" is not about them
        if sp.text.lower() in _BACK_PRONOUNS:
            return Back(sp.name, sp.entity) if sp.name.lower() not in _BACK_PRONOUNS else None
        return Back(sp.name, sp.entity)
    if phrase[0].lower_ != "it":
        return None
    if body is not None:
        return body[1]
    return _subject_org(names, _orgs_before(names, phrase), here)


def _subject_body(names: Names, phrase: Span, here: int) -> tuple[int, Back] | None:
    """The body an "it" after it stands for, with where it is named: the nearest singular
    subject before ``phrase`` (outside quotation marks, in its paragraph or the one before)
    when it names an organisation or a body ("the foreign ministry", "X's embassy in Y": an
    organisation word of ``sectors.tsv`` at its end). "X's embassy protested the seizure. In a
    statement, it said ..." is the embassy, though someone else spoke last. None when the
    nearest such subject is anything else ("the vessel"), or there is none."""
    doc = phrase.doc
    quoted = names.cast.quoted
    for tok in reversed(doc[: phrase.start]):
        if names.paragraph_of(tok.idx) < here - _REACH:
            return None
        if tok.dep_ not in OWN_SUBJECTS or any(a <= tok.idx < b for a, b in quoted):
            continue
        if tok.tag_ not in {"NN", "NNP"} or tok.ent_type_ in {"PERSON", "NORP"}:
            return None  # a person, a plural, a pronoun: not what "it" stands for
        span = speaker_phrase(tok)
        words = [t.lower_ for t in span if t.i <= tok.i and not t.is_punct and t.tag_ != "POS"]
        if tok.ent_type_ != "ORG" and RoleTable.default().org_head(words) is None:
            return None
        name, entity = names.name_of(span)
        if entity is None:
            name = without_article(span, _ARTICLES).text
        if name.split()[-1:] == [tok.text]:
            name = place_owned(span) or name  # "Brazil's embassy" -> "Brazilian embassy"
        return tok.idx, Back(name, entity)
    return None


def without_article(span: Span, articles: frozenset[str] = _THE) -> Span:
    """A phrase without the article that opens it ("the foreign ministry" -> "foreign
    ministry"), as speakers are named; ``articles``: the articles taken off."""
    return span[1:] if len(span) > 1 and span[0].lower_ in articles else span


def _is_person(names: Names, start: int, end: int) -> bool:
    span = names.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)


def _orgs_before(names: Names, phrase: Span) -> list[Span]:
    """Organisations named before the phrase, outside quotation marks, in text order: those the
    model tagged, and the same names where it left them untagged ("Nordair grounded its
    fleet" in the lead, "Nordair's shares" tagged later); not an agency credited in a wire
    dateline."""
    doc = phrase.doc
    tagged = [e for e in doc.ents if e.label_ == "ORG"]
    filed = filed_from(doc)  # "JOHANNESBURG (AP) -": the agency credit is no antecedent
    found = {
        e.start: e for e in tagged if filed <= e.start_char and e.end_char <= phrase.start_char
    }
    # a name the model also tagged as a person's ("Trump" of "the Trump campaign") is left out
    people = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for e in tagged:
        name = tuple(t.text for t in e if t.tag_ != "POS" and t.lower_ != "the")
        if name and name[0][:1].isupper() and not people.intersection(name):
            by_first.setdefault(name[0], set()).add(name)
    for tok in doc[: phrase.start] if by_first else ():
        if tok.ent_type_ or tok.pos_ != "PROPN" or tok.text not in by_first or tok.i in found:
            continue
        for name in by_first[tok.text]:
            k, n = tok.i, len(name)
            if k + n <= phrase.start and tuple(t.text for t in doc[k : k + n]) == name:
                found[k] = Span(doc, k, k + n, label="ORG")
                break
    return [
        e
        for k, e in sorted(found.items())
        if not any(a <= e.start_char < b for a, b in names.cast.quoted)
    ]


def place_owned(phrase: Span) -> str | None:
    """The name of a body a place owns, as news names it: "Israel's military" → "Israeli
    military" (the country's adjective, ``demonyms.tsv``), "Gaza's Health Ministry" → "Gaza
    Health Ministry"; None for any other phrase."""
    toks = [t for t in phrase if t.lower_ not in _ARTICLES]
    k = next((i for i, t in enumerate(toks) if t.tag_ == "POS"), None)
    if k is None or k == 0 or k == len(toks) - 1:
        return None
    place, rest = toks[:k], toks[k + 1 :]
    if any(t.ent_type_ not in {"GPE", "LOC"} for t in place) or phrase.root not in rest:
        return None
    where = " ".join(t.text for t in place)
    return f"{_adjective(where) or where} {' '.join(t.text for t in rest)}"


def owned_name(name: str) -> str:
    """A resolved body's name as :func:`place_owned` writes a phrase: "Syria's foreign
    ministry" -> "Syrian foreign ministry" (a country's name before "'s" and more words); any
    other name as it is."""
    place, mark, rest = name.replace("’", "'").partition("'s ")
    adjective = _adjective(place) if mark and rest else None
    return f"{adjective} {rest}" if adjective else name


@functools.cache
def _adjectives() -> dict[str, str]:
    """Country ISO code -> its adjective (the first of ``demonyms.tsv``)."""
    out: dict[str, str] = {}
    try:
        for demonym in Gazetteer.default().demonyms:
            out.setdefault(demonym.iso3, demonym.adjective)
    except Exception:  # a broken gazetteer install must not stop quotes
        return {}
    return out


def _adjective(place: str) -> str | None:
    try:
        country = Gazetteer.default().country_by_name(place)
    except Exception:
        return None
    if country is None or place.lower() not in {country.name.lower(), country.iso3.lower()}:
        return None  # a region or city of the country keeps its own name ("Gaza")
    return _adjectives().get(country.iso3)


#: Tokens back from a definite description that its fuller first mention is looked for in.
_DESCRIPTION_REACH = 1500
#: Words before a head noun that make a fuller mention of it ("the Harbour County Council bill").
_PREMODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod"})


def fuller_mention(phrase: Span, quoted: Sequence[tuple[int, int]]) -> str | None:
    """The article's fuller mention of a thing a short definite description names ("the bill"
    after "the Harbour County Council bill filed in May" → "Harbour County Council bill";
    "the military" before "Peru's military" → "Peruvian military"): the nearest earlier noun
    phrase outside quotation marks with the same head noun and more words before it, a name
    among them, else the nearest later one; its words before the head and the head; None when
    there is none."""
    root = phrase.root
    if not _short_definite(phrase):
        return None
    doc = phrase.doc
    own = sum(1 for t in phrase if t.pos_ != "DET")
    proper = _own_names(phrase)
    back = range(phrase.start - 1, max(-1, phrase.start - _DESCRIPTION_REACH), -1)
    ahead = range(phrase.end, min(len(doc), phrase.end + _DESCRIPTION_REACH))
    for i in (*back, *ahead):
        found = _fuller_at(doc[i], root, own, quoted)
        if found is not None and _names_all(found, proper):
            return place_owned(found) or found.text
    return None


def _short_definite(phrase: Span) -> bool:
    """A definite description of three words at most ending with its common noun ("the
    bill", "the joint statement")."""
    root = phrase.root
    return (
        root.pos_ == "NOUN"
        and phrase[0].lower_ in _DEFINITE
        and len(phrase) <= 3
        and root.i == phrase.end - 1
    )


def _fuller_at(tok: Token, root: Token, own: int, quoted: Sequence[tuple[int, int]]) -> Span | None:
    """The mention headed by ``tok`` when it names ``root``'s thing with more than ``own``
    words: its words before the head (no article) and the head."""
    # the tagger may read the head of a body's mention as a proper noun ("Syria's foreign
    # ministry" with "ministry" NNP): the same word, singular or plural as the description's
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ == "compound":
        return None
    if tok.lower_ != root.lower_ and tok.lemma_.lower() != root.lemma_.lower():
        return None
    if _plural(tok) != _plural(root) or any(a <= tok.idx < b for a, b in quoted):
        return None
    doc = tok.doc
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ in _PREMODIFIERS:
            lo = min(lo, child.left_edge.i)
    words = [t for t in doc[lo : tok.i + 1] if t.pos_ not in {"DET", "PUNCT"}]
    if "\n" in doc[lo : tok.i + 1].text or any(t.ent_type_ == "PERSON" for t in words):
        return None
    if len(words) <= own or not any(t.pos_ == "PROPN" for t in words if t.i != tok.i):
        return None  # a fuller mention names whose it is ("12-point" alone adds no owner)
    return doc[words[0].i : tok.i + 1]


def _plural(tok: Token) -> bool:
    return tok.tag_ in {"NNS", "NNPS"}


#: Heads of the government body a kind of officials works in ("Health Ministry").
_MINISTRIES = frozenset({"ministry", "department"})


def officials_of(phrase: Span, quoted: Sequence[tuple[int, int]]) -> str | None:
    """Officials of a kind with no owner named ("health officials said"), when the article
    names that kind's ministry with the place it serves ("Peru's Health Ministry", "Peru's
    Ministry of Health"): as news names them, the place's adjective or name and the phrase
    ("Peruvian health officials", "Gaza health officials"). None for any other phrase, or
    when no such ministry is named outside quotation marks."""
    root = phrase.root
    if root.pos_ != "NOUN" or root.lemma_.lower() != "official":
        return None
    kinds = [t for t in root.lefts if t.dep_ in {"compound", "amod"}]
    if len(kinds) != 1 or kinds[0].pos_ != "NOUN" or kinds[0].ent_type_:
        return None
    if any(t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES for t in phrase):
        return None
    kind = kinds[0].lower_
    for tok in phrase.doc:
        if tok.lower_ not in _MINISTRIES or any(a <= tok.idx < b for a, b in quoted):
            continue
        named = any(c.dep_ == "compound" and c.lower_ == kind for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == kind for g in c.children)
            for c in tok.children
        )
        owner = next(
            (c for c in tok.children if c.dep_ == "poss" and c.ent_type_ in {"GPE", "LOC"}), None
        )
        if not named or owner is None:
            continue
        where = phrase.doc[owner.left_edge.i : owner.i + 1].text
        words = [t.text for t in phrase if t.pos_ != "DET"]
        return " ".join([_adjective(where) or where, *words])
    return None


#: Bodies that vote on and adopt resolutions (the last word of the body's name).
_DELIBERATIVE = frozenset(
    {"council", "assembly", "parliament", "senate", "congress", "legislature", "committee"}
)


def voted_by(phrase: Span, quoted: Sequence[tuple[int, int]]) -> str | None:
    """The body whose resolution a description with no owner names ("a revised resolution"
    after "the Harbour Council met to vote on …"), as news names it: its adjectives, the
    body, its kind words and the noun ("revised Harbour Council resolution"). The body is the
    nearest earlier organisation outside quotation marks whose name ends with a word of
    ``_DELIBERATIVE``: a resolution is that body's text. None for any other phrase or with no
    such body named before."""
    root = phrase.root
    if root.pos_ != "NOUN" or root.lemma_.lower() != "resolution" or root.tag_ != "NN":
        return None
    if any(t.pos_ == "PROPN" or t.ent_type_ or t.dep_ == "poss" for t in root.lefts):
        return None  # "the council's resolution", "a UN resolution" already say whose
    doc = phrase.doc
    for ent in reversed(doc.ents):
        if ent.end > phrase.start or ent.start < phrase.start - _DESCRIPTION_REACH:
            continue
        if ent.label_ != "ORG" or ent[-1].lower_ not in _DELIBERATIVE:
            continue
        if any(a <= ent.start_char < b for a, b in quoted):
            continue
        body = ent[1:] if ent[0].pos_ == "DET" else ent
        adjectives = [t.text for t in root.lefts if t.dep_ == "amod" and t.pos_ in {"ADJ", "VERB"}]
        kinds = [t.text for t in root.lefts if t.dep_ in _KIND_WORDS and t.pos_ == "NOUN"]
        return " ".join([*adjectives, body.text, *kinds, root.text])
    return None


#: Documents that speak for who wrote them ("a report by X"), beside ``evidence_nouns``.
_DOCUMENTS = frozenset({"statement", "report", "letter", "memo", "investigation", "review"})
#: Documents a body puts out, whose possessor or "issued by" agent is their author ("the
#: agency's statement", "a notice issued by the port").
_PUT_OUT = _DOCUMENTS | frozenset(
    {"communiqué", "communique", "declaration", "notice", "announcement", "release"}
)
#: Entity types of a possessor that says when, not who ("Monday's statement").
_WHEN = frozenset({"DATE", "TIME"})
#: Verbs whose object is a document its subject puts out ("X issued a statement").
_ISSUING = frozenset({"issue", "release", "publish", "post", "circulate", "send", "put"})
#: Prepositions that name a document's author ("a statement from X", "a notice by X").
_AUTHOR_PREPS = frozenset({"from", "by"})
#: Words before a document noun that say which kind it is ("a security notice"); adjectives
#: ("a written statement", "a brief statement") say how it came, not whose or which.
_KIND_WORDS = frozenset({"compound"})


def issued_mention(
    phrase: Span, quoted: Sequence[tuple[int, int]], said_by: dict[int, str]
) -> str | None:
    """Who put out the document a short definite description names ("the statement" after
    "X said in a statement", "In a safety notice issued Monday, X said", "X issued a
    statement", "a statement from X"), as news names such a source: "X statement", "X safety
    notice". The nearest earlier mention of the same noun outside quotation marks that names
    its author; None when there is none. ``said_by`` maps the head
    token of an earlier speaker phrase to the name it was resolved to ("it" → the agency)."""
    root = phrase.root
    if not _short_definite(phrase):
        return None
    doc = phrase.doc
    for i in range(phrase.start - 1, max(-1, phrase.start - _DESCRIPTION_REACH), -1):
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != root.lemma_.lower():
            continue
        if tok.dep_ == "compound" or any(a <= tok.idx < b for a, b in quoted):
            continue
        author = _author(tok)
        if author is None:
            continue
        name = said_by.get(author.i) or _source_name(author)
        if name is None:
            continue
        kind = [
            t.text
            for t in tok.lefts
            if t.dep_ in _KIND_WORDS and not t.ent_type_ and t.pos_ in {"NOUN", "PROPN"}
        ]
        return " ".join([name, *kind, tok.text])
    return None


def _author(doc_noun: Token) -> Token | None:
    """The head of the phrase naming who put out a document mention: the subject of the
    verb it is the means of ("said in a statement", "In a notice, X said") or the object of
    ("X issued a statement"), the object of its "from"/"by", its named possessor ("X's
    statement") or the agent of a verb of putting out hung on it ("a statement issued by X")."""
    for child in doc_noun.children:
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if doc_noun.lemma_.lower() not in _PUT_OUT:
            continue  # "the Forum's mission" is no document the Forum put out
        if child.dep_ == "poss" and child.pos_ != "PRON" and child.ent_type_ not in _WHEN:
            return child  # "the agency's statement", not "Thursday's statement"
        if child.dep_ == "acl" and child.lemma_.lower() in _ISSUING:
            # "a statement issued by the agency"
            agents = [c for c in child.children if c.dep_ == "agent"]
            objects = [c for a in agents for c in a.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if doc_noun.dep_ == "acl":
        return None
    verb: Token | None = None
    if doc_noun.dep_ == "pobj" and doc_noun.head.lower_ == "in" and doc_noun.head.dep_ == "prep":
        verb = doc_noun.head.head
    elif doc_noun.dep_ == "dobj" and doc_noun.head.lemma_.lower() in _ISSUING:
        verb = doc_noun.head
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _source_name(head: Token) -> str | None:
    """The name of an author phrase that is a named body or person ("the Harbour Port
    Authority" -> "Harbour Port Authority", "Peru's navy" -> "Peruvian navy"); None for a
    pronoun or a description with no name."""
    lo = head.i
    for child in head.lefts:
        if child.dep_ in _PREMODIFIERS or child.dep_ == "det":
            lo = min(lo, child.left_edge.i)
    span = head.doc[lo : head.i + 1]
    if not any(t.pos_ == "PROPN" or t.ent_type_ in {"ORG", "PERSON", "NORP", "GPE"} for t in span):
        return None
    owned = place_owned(span)
    if owned is not None:
        return owned
    words = [t for t in span if t.pos_ != "DET"]
    return span.doc[words[0].i : head.i + 1].text if words else None


def reported_by_name(phrase: Span, lexicon: Lexicon) -> Span | None:
    """The named author of a report or study that speaks ("according to a report by the
    Harbour Times", "a study by Ana Ruiz"): news attributes such words to the one who
    reported them, the name after "by"; None for any other phrase ("a report from X" and
    "X's report" stay the document)."""
    root = phrase.root
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or not (lemma in lexicon.evidence_nouns or lemma in _DOCUMENTS):
        return None
    for child in root.children:
        if child.dep_ != "prep" or child.lower_ != "by" or child.i < root.i:
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None or obj.ent_type_ not in {"ORG", "PERSON"}:
            return None
        ent = next((e for e in phrase.doc.ents if e.start <= obj.i < e.end), None)
        if ent is not None and len(ent) > 1 and ent[0].pos_ == "DET":
            ent = ent[1:]  # "the Harbour Times" is named "Harbour Times"
        return ent
    return None
