"""``find_actors``: the entities of one article, from its parsed body and captions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span

from dateline.actors.codes import actor_code, split_code
from dateline.actors.context import DocIndex
from dateline.actors.coref import (
    PRONOUNS,
    DocRefs,
    Ref,
    description_target,
    find_descriptions,
    find_pronouns,
)
from dateline.actors.home import former, home_country, spoke_in, spoken_for, us_legislator
from dateline.actors.kb import KnowledgeBase
from dateline.actors.model import Actors, Entity, Mention, MentionKind
from dateline.actors.orgs import (
    LABELS,
    Thing,
    describe,
    org_descriptions,
    org_noun_echoes,
    org_noun_thing,
    org_nouns,
)
from dateline.actors.people import (
    NameMention,
    Person,
    bare_surnames,
    completed,
    consumed,
    group,
    mislabelled,
)
from dateline.actors.people import name_mentions as find_names
from dateline.actors.roles import RoleTable
from dateline.errors import DatelineError
from dateline.model import Article
from dateline.nlp import filed_from
from dateline.nlp.gazetteer import normalize

#: The role an article's authors get.
AUTHOR_ROLE = "reporter"
BODY = -1
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Runs of two or more capitalised words: the names an alt text may add.
_NAMES = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def caption_texts(article: Article) -> list[str]:
    """The texts whose people are caption-only when the body does not name them: captions,
    then image alt texts (a page's alt text often names who a photo shows). Parse these, in
    this order, for ``find_actors(captions=...)``."""
    texts = [c.text for c in article.captions if c.text]
    seen = set(texts)
    for block in article.blocks:
        if block.role == "alt" and block.text and block.text not in seen:
            seen.add(block.text)
            texts.append(block.text)
    return texts


def find_actors(
    doc: Doc,
    article: Article | None = None,
    captions: Sequence[Doc] | None = None,
    *,
    kb: KnowledgeBase | None = None,
    use_kb: bool = True,
) -> Actors:
    """People, organisations, countries and places of an article.

    ``doc`` is the parsed body; ``captions`` the parsed caption texts (see ``caption_texts``),
    whose mention offsets refer to their own text. Caption and alt texts of ``article`` missing
    from ``captions`` are parsed here with ``dateline.nlp.load()`` and numbered after them.
    ``kb`` defaults to the shipped knowledge base (``use_kb=False`` turns it off).
    """
    day = _day(article.published if article else None)
    knowledge = (kb or KnowledgeBase.default()) if use_kb else None
    indexes = {BODY: DocIndex(doc, knowledge, day)}
    for n, caption in enumerate([*(captions or ()), *_unparsed(article, captions or ())]):
        indexes[n] = DocIndex(caption, knowledge, day)

    # people: names, then names the model mislabelled, grouped into persons
    countries = _countries(indexes.values())

    def office_holder(name: str) -> tuple[str, ...] | None:
        found = knowledge.lookup(name, day, countries) if knowledge is not None else None
        if found is None or found.type != "PERSON" or not found.in_office(day):
            return None
        return tuple(normalize(found.name).split())

    def known(name: str) -> bool:
        return office_holder(name) is not None

    names = [m for n, index in indexes.items() for m in find_names(index, n)]
    people = group(names, office_holder)
    extra = [m for n, index in indexes.items() for m in mislabelled(index, n, people, known)]
    if extra:
        names = sorted(names + extra, key=_order)
        people = group(names, office_holder)
    extra = [m for n, index in indexes.items() for m in completed(index, n, people)]
    extra += [m for n, index in indexes.items() for m in bare_surnames(index, n, people)]
    if extra:
        names = sorted(names + extra, key=_order)
        people = group(names, office_holder)
    # a country's name the model read as a person ("the border with Niger"), with no title
    # and never part of a longer name ("Ruth Jordan" keeps "Jordan"), is the country
    people = [p for p in people if not _a_country(p, indexes[BODY])]
    for person in people:
        _enrich(person, knowledge, day, countries)
    body = indexes[BODY]
    filed = filed_from(doc)  # the dateline's place is home's fallback, not a mention
    home = home_country(
        doc,
        body.gazetteer,
        (c for ent in doc.ents if ent.start_char >= filed and (c := body.country_of_ent(ent))),
        article.dateline if article else None,
        article.url if article else None,
    )
    for person in people:
        _in_context(person, body, home)

    # coreference; the tokens of names, and of the titles and descriptions around them
    refs = {n: DocRefs(index) for n, index in indexes.items()}
    in_names: dict[int, set[int]] = {n: set() for n in indexes}
    in_titles: dict[int, set[int]] = {n: set() for n in indexes}
    for person in people:
        for m in person.mentions:
            refs[m.doc_no].add(Ref(person, m.span, "name"))
            in_names[m.doc_no].update(range(m.span.start, m.span.end))
            for a, b in consumed(m, indexes[m.doc_no]):
                in_titles[m.doc_no].update(range(a, b))
    found: list[Ref] = []
    for n, index in indexes.items():
        descriptions = find_descriptions(index, people, refs[n], in_names[n] | in_titles[n])
        for ref in descriptions:
            in_titles[n].update(range(ref.span.start, ref.span.end))
        found += descriptions
        found += find_pronouns(index, refs[n])

    things = _things(indexes, in_names, in_titles, knowledge, day)
    entities = _entities(people, found, things, indexes)
    by_person = {id(p): e for p, e in zip(people, entities, strict=False)}
    _authors(entities, article)
    for i, entity in enumerate(entities, 1):
        entity.id = f"e{i}"
    actors = Actors(entities, home=home)
    actors.fallback = _fallback(indexes[BODY], refs[BODY], people, by_person)
    return actors


def _unparsed(article: Article | None, captions: Sequence[Doc]) -> list[Doc]:
    """Caption and alt texts of the article that the caller did not parse, and that name
    someone the body and the parsed captions do not (parsing costs; most alt texts repeat the
    caption's names)."""
    if article is None:
        return []
    have = {c.text for c in captions}
    seen = "\n".join([article.body, *have, *article.authors])
    missing = [
        text
        for text in caption_texts(article)
        if text not in have and any(name not in seen for name in _NAMES.findall(text))
    ]
    if not missing:
        return []
    try:
        from dateline import nlp

        return list(nlp.parse(missing))
    except DatelineError:  # no model: the body's people are still found
        return []


def _day(published: str | None) -> str | None:
    if published and _DAY.match(published):
        return published[:10]
    return None


def _order(m: NameMention) -> tuple[int, int]:
    return (m.doc_no, m.span.start_char)


def _countries(indexes: Iterable[DocIndex]) -> set[str]:
    out = set()
    for index in indexes:
        for ent in index.doc.ents:
            iso3 = index.country_of_ent(ent)
            if iso3:
                out.add(iso3)
    return out


def _a_country(person: Person, index: DocIndex) -> bool:
    """Whether a person found is only a country's name: one word, untitled."""
    return (
        len(person.words) == 1
        and person.role is None
        and index.gazetteer.country_by_name(person.name) is not None
    )


def _enrich(person: Person, kb: KnowledgeBase | None, day: str | None, countries: set[str]) -> None:
    """Country, sector and code from the text, else from the knowledge base."""
    role = person.role
    country = person.country
    sector = person.org_sector or (role.sector if role else None) or None
    code = None
    igo = person.igo
    if igo is not None and (role is None or role.sector in {"IGO", "GOV"}):
        sector, code = "IGO", igo.code
    if kb is not None:
        known = kb.lookup(person.name, day, countries)
        if known is not None and known.type == "PERSON":
            kb_code = known.code_at(day)
            kb_country, kb_sector = split_code(kb_code or "")
            if country is None or kb_country in {None, country}:
                person.kb = known.id
                if igo is None:  # "UN Secretary-General X" is no national of the KB's
                    country = country or kb_country
                if sector is None and kb_sector not in {None, "ELI"}:
                    sector, code = kb_sector, kb_code
    person.known_country = country
    person.sector = sector
    person.code = code or actor_code(country, sector)


def _in_context(person: Person, body_index: DocIndex, home: str | None) -> None:
    """Country from the article's context for a person the text gives none (see
    :mod:`~dateline.actors.home`); a former official keeps the country, not the sector.
    Those who report the news (the "press" roles: the byline's reporter, a photographer, an
    editor) and people only captions name are left as they are: they report, they do not act
    for the country. A broadcaster or pundit the story is about is placed like anyone."""
    doc = body_index.doc
    body = [m for m in person.mentions if m.doc_no == BODY]
    changed = False
    press = person.role is not None and person.role.group == "press"
    spokesperson = person.role is not None and person.role.group == "spokesperson"
    if body and person.country is None and not press and (person.code or "")[:3] != "IGO":
        spoke = (spoke_in(body_index, m.span.start, m.span.end) for m in body)
        if any(us_legislator(doc, m.span.start, m.span.end) for m in body):
            person.known_country, person.sector, changed = "USA", person.sector or "LEG", True
        elif (place := next((c for c in spoke if c), None)) is not None:
            person.known_country, changed = place, True
        elif spokesperson and (body_country := spoken_for(body_index, body[0].span.start)):
            person.known_country, changed = body_country, True
        elif home is not None:
            person.known_country, person.home_country, changed = home, True, True
    if body and former(doc, body[0].span.start) and person.sector not in (None, "IGO"):
        person.sector, changed = None, True
    if changed:
        person.code = actor_code(person.country, person.sector)


def _things(
    indexes: dict[int, DocIndex],
    in_names: dict[int, set[int]],
    in_titles: dict[int, set[int]],
    kb: KnowledgeBase | None,
    day: str | None,
) -> list[Thing]:
    """Non-person entities. A country inside a person's title or an organisation noun
    ("Albanian" in "Albanian PM X") is a mention of kind "modifier"."""
    things: dict[str, Thing] = {}
    for n, index in indexes.items():
        taken = in_names[n] | in_titles[n]
        modifiers = set(in_titles[n])
        inside_orgs: set[int] = set()
        nouns: dict[str, set[str]] = {}
        #: where an organisation noun ends: (country, sector) ("Chile's state news agency")
        noun_ends: dict[int, tuple[str, str]] = {}
        for span, country, sector, country_start in org_nouns(index):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            noun_ends[span.end] = (country, sector)
            thing = org_noun_thing(span, country, sector)
            things.setdefault(thing.key, thing).mentions.append((n, span, "name"))
            modifiers.update(range(span.start, span.end))
            first = index.ent_at[country_start]
            country_end = first.end if first is not None else country_start
            inside_orgs.update(range(country_end, span.end))  # "defence ministry" as ORG
            nouns.setdefault(thing.key.split(":", 2)[2], set()).add(thing.key)
        once = {words: next(iter(keys)) for words, keys in nouns.items() if len(keys) == 1}
        once.update(_head_echoes(index, nouns, once))
        for span, key in org_noun_echoes(index, once, taken | inside_orgs | modifiers):
            if any(d == n and m.start < span.start for d, m, _ in things[key].mentions):
                things[key].mentions.append((n, span, "description"))
        for ent in index.doc.ents:
            if ent.label_ not in LABELS or any(
                i in in_names[n] or i in inside_orgs for i in range(ent.start, ent.end)
            ):
                continue
            modifier = any(i in modifiers for i in range(ent.start, ent.end))
            kind: MentionKind = "modifier" if modifier else "name"
            thing = describe(index, ent, kb, day)
            if modifier and thing.type not in {"GPE", "NORP"} and not thing.code:
                continue  # "State" in "Secretary of State": a word of the title, no actor
            if thing.type == "ORG" and not thing.code and ent.start in noun_ends:
                # "Chile's state news agency *Xyz*": the name of the body the noun describes
                thing.country, thing.sector = noun_ends[ent.start]
                thing.code = actor_code(thing.country, thing.sector)
            known = things.setdefault(thing.key, thing)
            if (
                known.type == "LOC"
                and ent.label_ == "LOC"
                and all(m[1].label_ != "LOC" for m in known.mentions)
            ):
                known.name = thing.name  # a region by its name, not its adjective
            known.mentions.append((n, ent, kind))
        for span, keys in org_descriptions(index):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            target = _described(things, n, span, keys)
            if target is not None:
                target.mentions.append((n, span, "description"))
    return _with_acronyms(things)


#: Words a name's initials skip ("Committee *for the* Protection *of* Journalists": CPJ).
_UNINITIALLED = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "la", "des"})


def _head_echoes(
    index: DocIndex, nouns: dict[str, set[str]], once: dict[str, str]
) -> dict[str, str]:
    """Head nouns that echo one organisation noun: "the bank" after "Nigeria's central bank"
    when the article names no other noun-thing with that head and no organisation whose name
    ends in it ("World Bank"), for then "the bank" may be either."""
    heads: dict[str, set[str]] = {}
    for words, keys in nouns.items():
        parts = words.split()
        if len(parts) > 1:
            heads.setdefault(parts[-1], set()).update(keys)
    named_ends = {ent[-1].lower_ for ent in index.doc.ents if ent.label_ in {"ORG", "FAC"}}
    return {
        head: next(iter(keys))
        for head, keys in heads.items()
        if len(keys) == 1 and head not in once and head not in nouns and head not in named_ends
    }


def _initials(name: str) -> str:
    """The initials of a name's words ("Northern Liberation Front": NLF), hyphenated parts
    each."""
    words = [w for part in name.split() for w in part.split("-") if w]
    return "".join(w[0] for w in words if w.lower() not in _UNINITIALLED).upper()


def _with_acronyms(things: dict[str, Thing]) -> list[Thing]:
    """Organisations, an acronym the knowledge base does not know merged into the one whose
    initials it spells and which the article named before it ("the Northern Liberation
    Front ... the NLF"): one actor, where the acronym had been one of no country or sector."""
    named = [t for t in things.values() if t.type == "ORG" and " " in t.name]
    for key, thing in list(things.items()):
        name = thing.name
        if thing.type != "ORG" or thing.code or not (2 <= len(name) <= 6 and name.isupper()):
            continue
        if not name.isalpha():
            continue
        mentioned = _first_mention(thing)
        if not mentioned:
            continue
        first = min(mentioned)
        spelled = [
            t
            for t in named
            if _initials(t.name) == name and min(_first_mention(t) or [first]) < first
        ]
        if len(spelled) == 1:
            spelled[0].mentions.extend(thing.mentions)
            del things[key]
    return list(things.values())


def _first_mention(thing: Thing) -> list[tuple[int, int]]:
    """Where a thing's mentions start, as (doc number, token) pairs."""
    return [(n, span.start) for n, span, _ in thing.mentions]


def _described(things: dict[str, Thing], n: int, span: Span, keys: tuple[str, ...]) -> Thing | None:
    """The named organisation a description stands for: of those it may mean, the one the
    doc named last before it, else the first the article names at all."""
    named = [things[f"igo:{key}"] for key in keys if f"igo:{key}" in things]
    best, best_start = None, -1
    for thing in named:
        for doc_no, mention, _ in thing.mentions:
            if doc_no == n and best_start < mention.start < span.start:
                best, best_start = thing, mention.start
    return best or (named[0] if named else None)


def _mention(index: DocIndex, n: int, span: Span, kind: MentionKind) -> Mention:
    return Mention(
        span.text,
        span.start_char,
        span.end_char,
        index.sentence(span),
        in_caption=n != BODY,
        caption=None if n == BODY else n,
        kind=kind,
    )


def _entities(
    people: list[Person], refs: list[Ref], things: list[Thing], indexes: dict[int, DocIndex]
) -> list[Entity]:
    """Entities in order: people first (in the order of ``people``, which ``find_actors``
    relies on), then the rest; re-sorted by first mention at the end."""
    entities: list[Entity] = []
    for person in people:
        role = person.role
        entity = Entity(
            "",
            person.name,
            "PERSON",
            role=role.canonical if role else None,
            country=person.country,
            sector=person.sector,
            code=person.code,
            kb=person.kb,
        )
        for m in person.mentions:
            entity.mentions.append(_mention(indexes[m.doc_no], m.doc_no, m.span, "name"))
            entity.add_alias(m.span.text)
            if m.phrase:
                entity.add_alias(m.phrase)
        for ref in refs:
            if ref.person is person:
                kind: MentionKind = "pronoun" if ref.kind == "pronoun" else "description"
                doc_no = _doc_no(indexes, ref.span)
                entity.mentions.append(_mention(indexes[doc_no], doc_no, ref.span, kind))
                if kind == "description":
                    entity.add_alias(ref.span.text)
        entities.append(entity)
    for thing in things:
        entity = Entity(
            "",
            thing.name,
            thing.type,
            country=thing.country,
            sector=thing.sector,
            code=thing.code,
            kb=thing.kb,
        )
        for n, span, kind in thing.mentions:
            entity.mentions.append(_mention(indexes[n], n, span, kind))
            entity.add_alias(span.text)
        entities.append(entity)
    for entity in entities:
        entity.mentions.sort(key=lambda m: (m.caption if m.in_caption else BODY, m.start))
        entity.caption_only = bool(entity.mentions) and all(m.in_caption for m in entity.mentions)
    return entities


def _doc_no(indexes: dict[int, DocIndex], span: Span) -> int:
    return next(n for n, index in indexes.items() if index.doc is span.doc)


def _authors(entities: list[Entity], article: Article | None) -> None:
    """The article's authors: reporters (sector MED); a person the text also names is marked."""
    if article is None:
        return
    role = RoleTable.default().role(AUTHOR_ROLE)
    sector = role.sector if role else "MED"
    for name in article.authors:
        key = normalize(name)
        if not key:
            continue
        entity = next(
            (e for e in entities if e.type == "PERSON" and normalize(e.name) == key), None
        )
        if entity is None:
            entity = Entity("", name, "PERSON")
            entities.append(entity)
        entity.author = True
        entity.caption_only = False
        entity.role = entity.role or AUTHOR_ROLE
        entity.sector = entity.sector or sector
        entity.code = entity.code or actor_code(entity.country, entity.sector)
    # reading order: first body mention, then captions, then authors without mentions
    entities.sort(key=_first_seen)


def _first_seen(entity: Entity) -> tuple[int, int, int]:
    if not entity.mentions:
        return (2, 0, 0)
    first = min(entity.mentions, key=lambda m: (m.in_caption, m.caption or 0, m.start))
    return (1 if first.in_caption else 0, first.caption or 0, first.start)


def _fallback(
    index: DocIndex,
    refs: DocRefs,
    people: list[Person],
    by_person: dict[int, Entity],
) -> Callable[[Actors, int, int], Entity | None]:
    def resolve(actors: Actors, start: int, end: int) -> Entity | None:
        span = index.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if len(span) == 1 and span[0].lower_ in PRONOUNS:
            person = refs.antecedent(span.start)
            return by_person.get(id(person)) if person else None
        for i in range(span.start, span.end):
            reading = index.description_at(i)
            if reading is not None:
                person = description_target(reading, people, refs, i)
                if person is not None:
                    return by_person.get(id(person))
        return actors.named(span.text)

    return resolve
