"""Countries, places, regions and organisations as entities.

- Countries (and their demonyms: "Albanian" is a mention of Albania): ISO3 and the CAMEO
  country code. Cities: their country, the country's code. Regions: no country, no code.
- International organisations: sector IGO and the gazetteer's code (``IGOEUREEC``).
- Other organisations: the knowledge base's code when it knows the name; else a sector from the
  words of the name (``sectors.tsv``, its ``name`` rows) and a country from a demonym or
  country name in it or right before it ("Ukraine's Security Service", "the Russian Orthodox
  Church").
- A country followed by a lowercase organisation noun is one organisation ("Ukraine's defence
  ministry" -> UKRMIL, "the Albanian government" -> ALBGOV, "Serbian police" -> SRBCOP).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from dateline.actors.codes import actor_code, cameo_country, split_code
from dateline.actors.context import DocIndex
from dateline.actors.home import subdivisions
from dateline.actors.kb import KnowledgeBase
from dateline.actors.model import MentionKind
from dateline.nlp.gazetteer import Country, Demonym, Igo, Ngo, Place, Platform, Region, normalize

#: spaCy labels that can be actors or places; dates, numbers and works are not entities here.
LABELS = frozenset({"GPE", "NORP", "LOC", "ORG", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s"})
MAX_ORG_NOUN = 4
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


@dataclass(slots=True)
class Thing:
    """A non-person entity being built: what it is and where the article mentions it."""

    key: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    kb: str | None = None
    mentions: list[tuple[int, Span, MentionKind]] = field(default_factory=list)


def _country_thing(country: Country) -> Thing:
    key = country.ent_id
    return Thing(key, country.name, "GPE", country.iso3, None, country.cameo, key)


def describe(index: DocIndex, ent: Span, kb: KnowledgeBase | None, day: str | None) -> Thing:
    """What one entity span is (without its mentions)."""
    gazetteer = index.gazetteer
    text = ent.text
    if ent[0].lower_ == "the" and len(ent) > 1:
        text = ent[1:].text
    entry = gazetteer.by_ent_id(ent.id_) if ent.id_ else None
    if entry is None and ent.label_ in {"GPE", "NORP"}:
        by_name = gazetteer.country_by_name(text) or gazetteer.country_by_demonym(text)
        entry = by_name or (gazetteer.place_by_name(text) if ent.label_ == "GPE" else None)
    if isinstance(entry, Country):
        return _country_thing(entry)
    if isinstance(entry, Place):
        code = cameo_country(entry.iso3)
        return Thing(entry.ent_id, entry.name, "GPE", entry.iso3, None, code, entry.ent_id)
    if isinstance(entry, Demonym):
        found = gazetteer.country_by_code(entry.iso3)
        if found is not None:
            return _country_thing(found)
    if isinstance(entry, Igo):
        return Thing(entry.ent_id, entry.name, "ORG", None, "IGO", entry.code, entry.ent_id)
    if isinstance(entry, Platform):
        return Thing(entry.ent_id, entry.name, "ORG", kb=entry.ent_id)
    if isinstance(entry, Ngo):
        # its code from the knowledge base, by its name there
        actor = kb.lookup_org(entry.name, day) if kb is not None else None
        code = actor.code_at(day) if actor is not None else None
        country, sector = split_code(code or "NGO")
        return Thing(entry.ent_id, entry.name, "ORG", country, sector, code or "NGO", entry.ent_id)
    if isinstance(entry, Region):
        return Thing(entry.ent_id, text, "LOC", kb=entry.ent_id)
    key = f"{ent.label_.lower()}:{normalize(text)}"
    if ent.label_ == "GPE" and (state := subdivisions().get(text.lower())) is not None:
        # a first-level subdivision stands for its country ("Michigan officials": USA)
        return Thing(key, text, "GPE", state, None, cameo_country(state))
    if ent.label_ != "ORG":
        return Thing(key, text, ent.label_)
    known = kb.lookup_org(text, day) if kb is not None else None
    if known is not None:
        code = known.code_at(day)
        country, sector = split_code(code or "")
        return Thing(key, text, "ORG", country, sector, code, known.id)
    sector = index.roles.org_sector(text)
    iso3 = index.country_in_name(ent)
    if iso3 is None:
        iso3 = index.modifiers_before(ent.start, titled=False)[0]
    return Thing(key, text, "ORG", iso3, sector, actor_code(iso3, sector))


def org_nouns(index: DocIndex) -> list[tuple[Span, str, str, int]]:
    """Lowercase organisation nouns after a country: (span, country, sector, country ent
    start). "Ukraine's defence ministry", "the Russian army"."""
    doc = index.doc
    out = []
    for ent in doc.ents:
        country = index.country_of_ent(ent)
        if country is None or (ent.label_ == "GPE" and not ent.id_.startswith("country:")):
            continue
        j = ent.end
        if j < len(doc) and doc[j].text in _POSSESSIVE:
            j += 1
        elif ent.label_ != "NORP":
            continue
        words = []
        k = j
        while (
            k < len(doc)
            and k - j < MAX_ORG_NOUN
            and doc[k].is_lower
            and doc[k].is_alpha
            and doc[k].pos_ in _NOMINAL
        ):
            words.append(doc[k].text)
            k += 1
        for n in range(len(words), 0, -1):
            if doc[j + n - 1].pos_ not in {"NOUN", "PROPN"}:
                continue
            sector = index.roles.org_head(words[:n])
            if sector is not None:
                out.append((doc[ent.start : j + n], country, sector, ent.start))
                break
    return out


def org_noun_echoes(
    index: DocIndex, named: dict[str, str], taken: set[int]
) -> list[tuple[Span, str]]:
    """ "the military government" after "Myanmar's military government": spans of "the" and
    the words of an organisation noun the doc named with a country before, with that
    noun-thing's key. ``named`` maps the noun's words ("military government") to the key of
    the one country's thing; words two countries share are ambiguous and not given."""
    doc = index.doc
    out = []
    longest = max((len(w.split()) for w in named), default=0)
    for i in range(len(doc) - 1):
        if index.lower[i] != "the" or i + 1 in taken:
            continue
        for n in range(min(longest, len(doc) - i - 1), 0, -1):
            words = doc[i + 1 : i + 1 + n]
            key = named.get(" ".join(t.text for t in words))
            after = doc[i + 1 + n] if i + 1 + n < len(doc) else None
            if (
                key is not None
                and all(t.is_lower and t.is_alpha for t in words)
                and not (after is not None and after.pos_ in {"NOUN", "PROPN"})
            ):
                out.append((doc[i : i + 1 + n], key))
                break
    return out


def org_noun_thing(span: Span, country: str, sector: str) -> Thing:
    words = [t.lower_ for t in span if t.is_lower and t.is_alpha]
    key = f"orgnoun:{country}:{' '.join(words)}"
    return Thing(key, span.text, "ORG", country, sector, actor_code(country, sector))


def org_descriptions(index: DocIndex) -> list[tuple[Span, tuple[str, ...]]]:
    """ "the bloc", "the alliance", "the 27-member bloc": spans with the organisation keys
    they may stand for (``org_descriptions.tsv``)."""
    doc = index.doc
    table = index.roles.org_descriptions
    out = []
    for i in range(len(doc) - 1):
        if index.lower[i] != "the" or index.ent_at[i + 1] is not None:
            continue
        words: list[str] = []
        best: tuple[int, tuple[str, ...]] | None = None
        j = i + 1
        while j < len(doc) and j - i <= MAX_ORG_NOUN + 2:
            token = doc[j]
            if token.text in {"-", "–"}:
                j += 1
                continue
            if token.is_punct or token.is_space or (not token.is_lower and not token.like_num):
                break
            words.append(token.lower_)
            keys = table.get(tuple(words))
            if keys is not None:
                best = (j + 1, keys)
            j += 1
        if best is None:
            continue
        end, keys = best
        if end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}:
            continue  # "the court ruling", "the alliance summit": a modifier, not the actor
        out.append((doc[i:end], keys))
    return out
