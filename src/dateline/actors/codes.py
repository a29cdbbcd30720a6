"""CAMEO-style actor codes: a country code, then a sector code, three letters each.

The mapping, in full:

- a country: its CAMEO country code, the ISO 3166-1 alpha-3 but for Kosovo (KSV), from the
  gazetteer's ``countries.tsv`` ("Albania" -> ``ALB``);
- a person or organisation with a country and a sector: country + sector ("Albanian Prime
  Minister" -> ``ALBGOV``, "Russia's army" -> ``RUSMIL``, a Serbian judge -> ``SRBJUD``);
- with a country and no sector: the country code alone (a Serbian citizen -> ``SRB``);
- with a sector and no country: the sector alone (a reporter -> ``MED``);
- an international organisation: its code from the gazetteer's ``igos.tsv`` (``IGOEUREEC`` for
  the EU, ``IGOWSTNAT`` for NATO); a person holding an IGO role ("the NATO secretary-general")
  takes the organisation's code;
- a knowledge-base actor: the code its tenure row gives for the article's date (``RUSGOV``).

Sectors are CAMEO's agent codes where CAMEO has one (GOV, MIL, JUD, LEG, OPP, REB, IGO, NGO,
BUS, MED, CVL, COP, EDU, HLH, REL, SPY, LAB, ELI) plus PTY for party roles.
"""

from __future__ import annotations

import functools

from dateline.nlp.gazetteer import Gazetteer

#: Sector codes a role or organisation can have (second three letters of an actor code).
SECTORS = frozenset(
    {
        *("GOV", "MIL", "JUD", "LEG", "OPP", "REB", "IGO", "NGO", "BUS", "MED", "CVL", "COP"),
        *("PTY", "EDU", "HLH", "REL", "SPY", "LAB", "ELI", "AGR", "ENV", "REF", "UAF", "CRM"),
        *("IMG", "MNC", "NGM", "INS", "SEP", "MOD", "RAD", "DEV", "HRI"),
    }
)
#: Leading codes that are not countries (the code starts with its sector).
_NON_COUNTRY = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INS"})
#: Of those, the heads of bodies of no one country that act anywhere: international
#: organisations, NGOs, multinational corporations ("IGOUNO", "NGOHLHIRC", "MNC...").
BODY_HEADS = ("IGO", "NGO", "MNC")


@functools.cache
def _cameo_to_iso3() -> dict[str, str]:
    return {c.cameo: c.iso3 for c in Gazetteer.default().countries}


def cameo_country(iso3: str | None) -> str | None:
    """The CAMEO country code of an ISO alpha-3 code ("XKX" -> "KSV")."""
    if not iso3:
        return None
    country = Gazetteer.default().country_by_code(iso3)
    return country.cameo if country else iso3


#: Distinct codes ``split_code`` remembers (the knowledge base's 25,000 actors share a few
#: hundred; an article's actors ask again for theirs).
SPLIT_CACHE = 4096


@functools.lru_cache(maxsize=SPLIT_CACHE)
def split_code(code: str) -> tuple[str | None, str | None]:
    """ "RUSGOV" -> ("RUS", "GOV"); "IGOUNO" -> (None, "IGO"); "KSVGOV" -> ("XKX", "GOV");
    "ALB" -> ("ALB", None). Country as ISO alpha-3, sector a three-letter code. Remembered
    for the last ``SPLIT_CACHE`` distinct codes: the answer depends on the code alone."""
    code = code.strip().upper()
    head = code[:3]
    if head in _NON_COUNTRY:
        return None, head
    country = _cameo_to_iso3().get(head)
    rest = code[3:] if country else code
    sector = rest[:3] if rest[:3] in SECTORS else None
    return country, sector


def actor_code(country: str | None, sector: str | None) -> str | None:
    """The code of an actor with an ISO alpha-3 country and a sector (both optional)."""
    cameo = cameo_country(country)
    if cameo and sector and sector != "IGO":
        return cameo + sector
    if cameo:
        return cameo
    return sector or None
