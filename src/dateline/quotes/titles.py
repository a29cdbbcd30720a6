"""Speakers the article names by a role or a fragment: who they are.

- A role description ("the judge", "the US ambassador", "the county's sheriff") that the
  actors stage could not resolve is the person last named before it with that title: in the
  title before the name ("District Judge Ana Ruiz", "US Ambassador to the UN Ana Ruiz") or in
  an apposition after it ("Ana Ruiz, a federal judge in Ohio,"). The nearest such person wins;
  with none, the description stays (an unnamed source is its description).
- A definite description with no title ("the singer", "the Republican", "the 34-year-old") is
  the nearest person named before whose apposition, or the noun the name is set beside, is its
  head noun or its age ("The singer X", "X, a Republican from Ohio,", "X, 34,").
- "The union leader", "the party chief": the nearest person named before as one of the heads
  of a body of that kind ("X, general secretary of the Rail Workers Union", "the union's
  general secretary, X", "X, who heads the farm union"; ``words.tsv`` class ``heads``).
- A proper-noun speaker that is a fragment of an organisation the article names in full
  ("Harbour Policy" for "the Harbour Policy Institute", a name the model cut short or took for
  a person's) speaks as the full name, unless those words name a person elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.actors.home import subdivisions
from dateline.actors.roles import Role, RoleTable, words
from dateline.nlp.gazetteer import Gazetteer, normalize
from dateline.quotes.content import OWN_SUBJECTS
from dateline.quotes.speakers import Cast

#: Tokens looked at on either side of a name for its title.
_WINDOW = 10
#: Tokens that end a title phrase before a name or an apposition after it.
_STOP = frozenset({",", ";", ":", "(", ")", "—", "–", ".", '"', "“", "”"})
_DEFINITE = frozenset({"the"})
_PLACE = frozenset({"GPE", "NORP", "ORG", "LOC"})


def description_title(phrase: Span, roles: RoleTable | None = None) -> str | None:
    """The role title a definite description ends with ("the US ambassador" -> "ambassador",
    "the prime minister" -> "prime minister"), or None when the phrase is no such description
    (a name, an indefinite "a judge", a plural)."""
    roles = roles or RoleTable.default()
    root = phrase.root
    first = phrase[0]
    if first.lower_ not in _DEFINITE and first.ent_type_ not in _PLACE:
        return None
    if root.i != phrase.end - 1:
        return None
    found = _head_title(phrase, roles)
    if found is None:
        return None
    return normalize(phrase.doc[found[1] : root.i + 1].text)


def _head_title(phrase: Span, roles: RoleTable) -> tuple[Role, int] | None:
    """The role title a singular common-noun phrase with no name ends its head with ("the US
    ambassador", "a navy officer with the fleet"), with the title's first token index."""
    root = phrase.root
    if root.pos_ != "NOUN" or root.tag_ in {"NNS", "NNPS"}:
        return None
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return None
    return roles.title_ending(phrase.doc, root.i + 1, phrase.start)


def titled_person(cast: Cast, phrase: Span, roles: RoleTable | None = None) -> Span | None:
    """The person mention a role description refers to (see the module docstring), or None."""
    roles = roles or RoleTable.default()
    title = description_title(phrase, roles)
    if title is None:
        return None
    found = _head_title(phrase, roles)
    role = found[0] if found is not None else None
    said = _places(list(phrase))
    for ent in reversed(cast.people):
        if ent.start >= phrase.start:
            continue
        if f" {title} " not in _context(ent) and not (
            role is not None and any(role.compatible(r) for r, _ in _titles_of(ent, roles))
        ):
            continue  # "Sen. X" holds the title "the senator" names, in other words
        if _other_place(said, _title_places(ent)):
            continue  # "the Ohio senator" is not "X, the Iowa senator"
        return ent
    return None


#: What a description or a name's title says of where someone serves: countries (ISO codes),
#: regions no country is known for (a state, by name), organisations (by name).
Places = tuple[set[str], set[str], set[str]]
_PLACE_LABELS = frozenset({"GPE", "NORP", "ORG"})


def _places(tokens: list[Token]) -> Places:
    """The countries, the places no country is known for (a state, a province, by name) and
    the organisations that the entities among ``tokens`` name, with the first-level
    subdivisions they name by a word of their own."""
    gazetteer = Gazetteer.default()
    countries, regions, orgs = set(), set(), set()
    seen = {t.i for t in tokens if t.ent_type_ in _PLACE_LABELS}
    for ent in tokens[0].doc.ents if seen else ():
        if ent.label_ not in _PLACE_LABELS or not all(t.i in seen for t in ent):
            continue
        country = gazetteer.country_of_entity(ent)
        if country is not None:
            countries.add(country.iso3)
        elif ent.label_ == "GPE" and not ent.id_:
            regions.add(normalize(ent.text))
        elif ent.label_ == "ORG":
            orgs.add(normalize(ent[1:].text if ent[0].lower_ == "the" else ent.text))
    # a state the model left untagged, as in a party-state tag ("X, R-Iowa")
    regions.update(t.lower_ for t in tokens if t.is_title and t.lower_ in subdivisions())
    return countries, regions, orgs


def _other_place(said: Places, named: Places) -> bool:
    """Whether a description's places and those a name's title gives disagree: both name a
    country, a region or an organisation, and none is the same ("a Twitter spokesman" is
    not "X, the White House press secretary")."""
    return any(a and b and not a & b for a, b in zip(said, named, strict=True))


def other_place(cast: Cast, phrase: Span, name: str) -> bool:
    """Whether a description's places disagree with those of the titles the article gives the
    person ``name`` ("the Kansas Republican" is not "Rep. X of Iowa")."""
    said = _places(list(phrase))
    return any(
        _other_place(said, _title_places(ent)) for ent in cast.people if cast.full_name(ent) == name
    )


def titled_otherwise(cast: Cast, phrase: Span, name: str, roles: RoleTable | None = None) -> bool:
    """Whether the article gives the person ``name`` a title, none of the family of the title a
    description ends with ("the judge" is not "X, the company's chief executive")."""
    roles = roles or RoleTable.default()
    found = _head_title(phrase, roles)
    if found is None:
        return False
    titles = [
        role
        for ent in cast.people
        if cast.full_name(ent) == name
        for role, _ in _titles_of(ent, roles)
    ]
    return bool(titles) and not any(found[0].compatible(r) for r in titles)


def _context(ent: Span) -> str:
    """The normalised words of a name's title: those before it in its phrase and those of an
    apposition after it, each up to a comma, a verb or ``_WINDOW`` tokens."""
    words, after = _context_tokens(ent)
    text = " ".join(t.text for t in words) + " | " + " ".join(t.text for t in after)
    return f" {normalize(text)} "  # padded: a title is looked up as whole words


def _context_tokens(ent: Span) -> tuple[list[Token], list[Token]]:
    """The tokens of a name's title before it and of an apposition after it (``_context``)."""
    doc = ent.doc
    sent = ent.sent
    words: list[Token] = []
    i = ent.start - 1
    while i >= max(sent.start, ent.start - _WINDOW):
        tok = doc[i]
        if tok.text in _STOP or tok.pos_ in {"VERB", "AUX"}:
            break
        words.insert(0, tok)
        i -= 1
    after: list[Token] = []
    if ent.end < sent.end and doc[ent.end].text == ",":
        j = ent.end + 1
        while j < min(sent.end, ent.end + 1 + _WINDOW):
            tok = doc[j]
            if tok.text in _STOP or tok.pos_ in {"VERB", "AUX"} or tok.lower_ in {"who", "which"}:
                break
            after.append(tok)
            j += 1
    return words, after


def widen_org(cast: Cast, phrase: Span) -> Span | None:
    """The organisation the article names in full that a proper-noun fragment of two words or
    more stands for ("Harbour Policy" -> "Harbour Policy Institute"), the earliest such name
    first; None when the phrase is whole or no longer name holds it."""
    own = [t.text for t in phrase if t.pos_ != "DET"]
    if len(own) < 2 or not all(t.pos_ in {"PROPN", "DET"} for t in phrase):
        return None
    n = len(own)
    if any(t.ent_type_ == "PERSON" for t in phrase):
        # a person the model found may still be the organisation cut short, unless these
        # words name a person elsewhere in the article
        for ent in cast.persons:
            if ent.start != phrase.start and [t.text for t in ent][-n:] == own:
                return None
    for ent in cast.doc.ents:
        if ent.label_ != "ORG" or (ent.start <= phrase.start and ent.end >= phrase.end):
            continue
        if any(a <= ent.start_char < b for a, b in cast.quoted):
            continue
        words = [t.text for t in ent if t.pos_ != "DET"]
        if len(words) > n and any(words[i : i + n] == own for i in range(len(words) - n + 1)):
            return ent
    return None


#: Tokens back from a description that the person it names is looked for in.
_EPITHET_REACH = 300


def epithet_person(cast: Cast, phrase: Span) -> Span | None:
    """The person a definite description with no title names by what the article said of them
    ("the singer" after "The singer Ana Costa", "the Republican" after "X, a Republican from
    Ohio,", "the 34-year-old" after "X, 34,"): the nearest person named before whose apposition
    (or the noun the name stands beside) is the description's head noun, or its age."""
    if phrase[0].lower_ not in _DEFINITE or len(phrase) > 6 or phrase.root.tag_ in {"NNS", "NNPS"}:
        return None
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return None
    words = [t.lower_ for t in phrase]
    age = next((t.text for t in phrase if t.like_num), None) if "year" in words else None
    if age is None and phrase.root.pos_ not in {"NOUN", "PROPN"}:
        return None
    wanted = age or phrase.root.lower_
    said = _places(list(phrase))
    for ent in reversed(cast.people):
        if ent.start >= phrase.start:
            continue
        if phrase.start - ent.start > _EPITHET_REACH:
            break
        if wanted in _labels(ent) and not _other_place(said, _title_places(ent)):
            return ent
    return None


#: Tokens back from "the union leader" that the person it names is looked for in.
_LEADER_REACH = 600


def leader_of(cast: Cast, phrase: Span) -> Span | None:
    """The person "the union leader" or "the party chief" names: the nearest person named
    before whose title, apposition or relative clause says they head a body of the
    description's kind (its noun among those words, with a word of ``heads``); None for any
    other phrase or with no such person."""
    heads = words("heads")
    if len(phrase) != 3 or phrase[0].lower_ not in _DEFINITE:
        return None
    kind, root = phrase[1], phrase[2]
    if root.i != phrase.root.i or root.pos_ != "NOUN" or root.lemma_.lower() not in heads:
        return None
    if kind.pos_ != "NOUN" or kind.ent_type_ or kind.dep_ != "compound":
        return None
    for ent in reversed(cast.people):
        if ent.start >= phrase.start:
            continue
        if phrase.start - ent.start > _LEADER_REACH:
            break
        if any(kind.lower_ in said for said in _leading(ent, heads)):
            return ent
    return None


def _leading(ent: Span, heads: frozenset[str]) -> list[set[str]]:
    """The words (lower case) of each phrase that says a named person heads something: a
    title before the name with a word of ``heads`` ("union leader X"), an apposition headed by
    one ("X, general secretary of the union"), the phrase so headed the name is set beside
    ("the union's general secretary, X") and a relative clause of such a verb ("X, who heads
    the union"); not a word of ``heads`` further inside ("X, no relation to the union chief")."""
    out: list[set[str]] = []
    before, _ = _context_tokens(ent)
    if any(t.lemma_.lower() in heads or t.lower_ in heads for t in before):
        out.append({t.lower_ for t in before})
    root = ent.root
    phrases = [c for c in root.children if c.dep_ in {"appos", "relcl"} and c.i >= ent.end]
    if root.dep_ == "appos" and root.head.i < ent.start:
        phrases.append(root.head)
    for head in phrases:
        if head.lemma_.lower() in heads or head.lower_ in heads:
            tokens = [t for t in head.subtree if not ent.start <= t.i < ent.end]
            out.append({t.lower_ for t in tokens})
    return out


def _title_places(ent: Span) -> Places:
    """The places of a name's title and apposition (``_places`` of ``_context_tokens``)."""
    before, after = _context_tokens(ent)
    return _places(before + after)


def _labels(ent: Span) -> set[str]:
    """What the article says a named person is, in one word each: the head of an apposition
    ("X, a Republican", "X, 34,") or the noun the name is set beside ("the singer X", "Coach
    X")."""
    root = ent.root
    out = {c.lower_ for c in root.children if c.dep_ == "appos" and not ent.start <= c.i < ent.end}
    if root.dep_ == "appos":
        out.add(root.head.lower_)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and (
        before.pos_ == "NOUN"
        or (before.pos_ == "PROPN" and before.is_title and not before.ent_type_)
    ):
        out.add(before.lower_)  # "the singer X"; "Coach X" read as a proper noun
    return out


_INDEFINITE = frozenset({"a", "an"})


def named_next(cast: Cast, phrase: Span, roles: RoleTable | None = None) -> Span | None:
    """Delayed identification, as news writes it: a person described by a role with no name
    ("an army officer said …") and named in the next paragraph is the person first named
    there when a title of the same family goes with that name ("Col. X, a defence official,
    said …"); None otherwise (another unnamed source keeps its description; "a government
    spokesman" is not the envoy named next)."""
    roles = roles or RoleTable.default()
    found = _head_title(phrase, roles) if phrase[0].lower_ in _INDEFINITE else None
    if found is None:
        return None
    text = cast.text
    end = text.find("\n", phrase.end_char)
    if end < 0:
        return None
    while end < len(text) and text[end].isspace():
        end += 1
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    first = next((e for e in cast.people if e.start_char >= end and e.start > phrase.end), None)
    if first is None or first.start_char >= stop:
        return None
    surname = first[-1].text
    if any(t.text == surname for t in phrase.doc[: phrase.start]):
        return None  # named before: someone the article already knows
    # a title of the same family ("a navy officer" for "Col. X"): the sector alone would give
    # a government spokesman the name of an envoy named next
    if found[0].group not in {role.group for role, _ in _titles_of(first, roles)}:
        return None
    # "a Chilean official" is not the Peruvian spokesman named next
    said, named = _countries(phrase), _countries(first.doc[first.sent.start : first.end])
    if said and named and not said & named:
        return None
    return None if _other_place(_places(list(phrase)), _title_places(first)) else first


#: Paragraphs after the lead in which a person described there by role is named.
_LEAD_REACH = 2


def identified_later(cast: Cast, phrase: Span, roles: RoleTable | None = None) -> Span | None:
    """Delayed identification in the lead, as news writes it: the article's first paragraph
    describes its subject by role ("The former director of the Harbour Board told an inquiry
    on Monday that …") and a paragraph soon after names them as the one acting there ("Giving
    evidence, Ana Ruiz said …"). The person first named after the lead, within
    ``_LEAD_REACH`` paragraphs, when that name is the subject of its clause and no person is
    named before the description; None otherwise."""
    roles = roles or RoleTable.default()
    if phrase[0].lower_ != "the" or _head_title(phrase, roles) is None:
        return None
    text = cast.text
    lead_end = text.find("\n")
    sent = phrase.root.sent
    if lead_end < 0 or phrase.end_char > lead_end or text[: sent.start_char].strip():
        return None  # not in the lead's first sentence
    if phrase.root.dep_ not in OWN_SUBJECTS or phrase.root.head.i != sent.root.i:
        return None  # not what the lead is about
    if any(e.start < phrase.start for e in cast.people):
        return None
    after = next((e for e in cast.people if e.start_char > lead_end), None)
    if after is None or after.root.dep_ not in OWN_SUBJECTS:
        return None
    paragraphs = text[lead_end : after.start_char].strip().count("\n\n")
    if paragraphs >= _LEAD_REACH:
        return None
    said, named = _countries(phrase), _countries(after.doc[after.sent.start : after.end])
    return None if said and named and not said & named else after


def _countries(span: Span) -> set[str]:
    """The countries a span names by name, adjective or city ("Peru's", "Chilean"), as ISO
    codes."""
    gazetteer = Gazetteer.default()
    return {c.iso3 for ent in span.ents if (c := gazetteer.country_of_entity(ent)) is not None}


def _titles_of(ent: Span, roles: RoleTable) -> list[tuple[Role, int]]:
    """The titles that go with a name: the one right before it, those ending its appositions
    ("Col. X, a defence official,") and the title it is set beside ("Britain's envoy, X,")."""
    doc = ent.doc
    out = [roles.title_ending(doc, ent.start, ent.sent.start)]
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start and head.pos_ == "NOUN":
        out.append(roles.title_ending(doc, head.i + 1, head.left_edge.i))
    for k in range(max(ent.sent.start, ent.start - 2), ent.start):
        role = roles.role(doc[k : ent.start].text)  # "Col." cut into "Col" and "."
        if role is not None:
            out.append((role, k))
            break
    for child in ent.root.children:
        if child.dep_ == "appos" and not ent.start <= child.i < ent.end:
            out.append(roles.title_ending(doc, child.i + 1, child.left_edge.i))
    return [t for t in out if t is not None]


def people_of_place(phrase: Span, name: str, roles: RoleTable | None = None) -> bool:
    """Whether a phrase the resolver named as a country ``name`` names people of it instead: a
    person's title the country's word only qualifies ("Philippine lawmaker", "a Chilean
    official"), or some of its people ("Some Germans", "two Americans"), who speak for
    themselves, not for the country."""
    country = Gazetteer.default().country_by_name(name)
    if country is None or country.iso3 not in _countries(phrase):
        return False
    root = phrase.root
    if root.ent_type_ not in {"GPE", "NORP"}:
        return root.pos_ == "NOUN" and (roles or RoleTable.default()).role(root.text) is not None
    return root.tag_ == "NNPS" and any(
        c.dep_ in {"det", "amod", "nummod"} and c.lower_ != "the" for c in root.children
    )
