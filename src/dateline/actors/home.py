"""Country from article context, for people the text names without one.

A person's own words decide first (a demonym, "president of Chile", the knowledge base).
When they say nothing:

- a US congressional title or a party-state tag marks a US legislator: "Sen. X", "Rep. X",
  "X (D-N.M.)", "X (R-Texas)" (a state in such a tag means the United States);
- the place a statement was given in: "X said in Lima", "X told reporters in Lima";
- for a spokesperson named without a body, the body whose statement comes just before
  ("X's foreign ministry said .... Spokesman Y ...");
- otherwise the article's *home* country: the country the article names most (a city counts
  for its country, a US state for the United States) when it is named at least twice and
  more than any other, else the dateline's place, else the outlet's country (the
  country-code domain of its URL).

Local news names its people without a country because the reader knows it. The country an
article is about comes before its dateline: a wire story filed from a neighbour's capital
("LIMA -- Bolivia's ...") is about the country it names, not where it was filed. Officials
called "former" keep their country and lose their sector (they act privately now).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from spacy.tokens import Doc, Span

from dateline.actors.context import DocIndex
from dateline.actors.roles import words
from dateline.nlp import filed_from, text_of
from dateline.nlp.gazetteer import Gazetteer

#: "(D-N.M.)", "(R-Texas)", "(I-Vt.)", "(D-NY)": a party letter, a dash, a state.
_PARTY_TAG = re.compile(r"^\s*\(\s*[DRI]\s*[-–]\s*[A-Z][A-Za-z. ]{0,14}\)")
#: Titles only the US Congress uses before a name.
_CONGRESS_TITLES = frozenset({"sen.", "rep.", "congressman", "congresswoman", "senator"})
_FORMER = frozenset({"former", "ex", "ex-", "then"})


@cache
def subdivisions() -> dict[str, str]:
    """Subdivision name (lower case) -> ISO alpha-3, from ``data/gazetteer/subdivisions.tsv``."""
    ref = resources.files("dateline").joinpath("data", "gazetteer", "subdivisions.tsv")
    out: dict[str, str] = {}
    for line in ref.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip() and not line.startswith("#") and line != "name\tiso3":
            name, iso3 = line.split("\t")
            out[name.lower()] = iso3
    return out


def us_legislator(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens ``start``..``end`` carries a US congressional title before
    it or a party-state tag after it."""
    before = doc[max(0, start - 3) : start]
    if any(t.lower_ in _CONGRESS_TITLES for t in before) and any(
        t.lower_ in ("sen.", "rep.") for t in before
    ):
        return True
    if not end:
        return False
    # the 40 characters from the name's last token on, read from the tokens after it: building
    # doc.text here would join the whole article once per mention
    last = doc[end - 1]
    after = (last.whitespace_ + doc[end : end + 40].text)[: 40 - len(last)]
    return bool(_PARTY_TAG.match(after))


def spoke_in(index: DocIndex, start: int, end: int) -> str | None:
    """The country of the place the person named at tokens ``start``..``end`` spoke in ("X
    *said in Lima*", "X told reporters in Lima"), or None: where someone gives a statement
    says more about whom they speak for than the country the article names most."""
    name = index.doc[start:end].root
    verb = name.head
    if name.dep_ != "nsubj" or verb.lemma_.lower() not in words("statement"):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            place = index.ent_at[obj.i] if obj.dep_ == "pobj" else None
            if place is None or place.label_ != "GPE":
                continue
            country = index.country_of_ent(place)
            if country is not None:
                return country
            city = index.gazetteer.place_by_name(place.text)
            if city is not None:
                return city.iso3
    return None


def spoken_for(index: DocIndex, start: int) -> str | None:
    """The country of the body a bare spokesperson speaks for ("China's foreign ministry said
    .... *Spokesman X* added ..."): the subject with a country of the last statement verb
    before the name, in the name's sentence or the one before it in the same paragraph. A
    spokesperson named without a body is that body's, not the country the article is about.
    None when no such statement comes first."""
    doc = index.doc
    sent = doc[start].sent
    lo = sent.start
    if lo > 0:
        before = doc[lo - 1].sent
        last = [t for t in before if not t.is_space][-1:]
        first = next((t for t in sent if not t.is_space), doc[start])
        if last and "\n" not in text_of(doc)[last[0].idx + len(last[0]) : first.idx]:
            lo = before.start  # the sentence before, when no paragraph break parts them
    for tok in reversed(doc[lo:start]):
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in words("statement"):
            continue
        for t in tok.subtree:
            ent = index.ent_at[t.i]
            country = index.country_of_ent(ent) if ent is not None else None
            if country is not None:
                return country
        return None  # the nearest speaker names no country: no guess past them
    return None


def former(doc: Doc, start: int) -> bool:
    """Whether the title before the name at ``start`` is a former one ("former President X")."""
    return any(t.lower_ in _FORMER for t in doc[max(0, start - 4) : start])


def home_country(
    doc: Doc,
    gazetteer: Gazetteer,
    countries_of_ents: Iterable[str],
    dateline: str | None = None,
    url: str | None = None,
) -> str | None:
    """The article's home country (ISO alpha-3), or None; see the module docstring.
    ``countries_of_ents`` are the countries of the entities with an id, those of the
    dateline (:func:`~dateline.nlp.filed_from`) left out: the dateline is the fallback, not
    one more mention (a story filed from Geneva about Sudan names Sudan twice and Geneva once
    in its body)."""
    counts: dict[str, int] = {}
    for iso3 in countries_of_ents:
        counts[iso3] = counts.get(iso3, 0) + 1
    states = subdivisions()
    filed = filed_from(doc)
    for ent in doc.ents:
        if ent.label_ != "GPE" or ent.id_ or ent.start_char < filed:
            continue  # an entity with an id was counted by the caller (country, demonym, city)
        state = states.get(ent.text.lower())
        if state is None and gazetteer.country_by_name(ent.text) is None:
            # a city the ruler left without an id ("San Francisco" a second time)
            place = gazetteer.place_by_name(ent.text.removeprefix("the "))
            state = place.iso3 if place is not None else None
        if state is not None:
            counts[state] = counts.get(state, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    for part in (dateline or "").split(","):
        name = part.strip()
        name = name.title() if name.isupper() else name
        if not name:
            continue
        country = gazetteer.country_by_name(name)
        place = gazetteer.place_by_name(name) if country is None else None
        if country is not None:
            return country.iso3
        if place is not None:
            return place.iso3
    return _outlet_country(url, gazetteer)


def named_most(ents: Iterable[Span], gazetteer: Gazetteer) -> str | None:
    """The country (ISO alpha-3) the entities name most, the first named on ties, even once: a
    weaker guess than ``home_country`` for agents named without one ("police") when the
    article has no home country (a lone sentence naming one country)."""
    counts: dict[str, int] = {}
    for ent in ents:
        country = gazetteer.country_of(ent.id_) if ent.id_ else None
        if country is not None:
            counts[country.iso3] = counts.get(country.iso3, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None  # max keeps the first


def _outlet_country(url: str | None, gazetteer: Gazetteer) -> str | None:
    """The country of a country-code top-level domain ("...co.uk" -> GBR); None for generic
    domains (.com, .org) and for the domains sites use for other reasons (.io, .tv, .me)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    tld = host.rsplit(".", 1)[-1].upper()
    if len(tld) != 2 or tld in _VANITY:
        return None
    found = gazetteer.country_by_code("GB" if tld == "UK" else tld)
    return found.iso3 if found is not None else None


#: Country-code domains used for their letters, not their country.
_VANITY = frozenset({"IO", "TV", "ME", "CO", "AI", "FM", "LY", "GG", "AM", "CC", "WS", "NU"})
