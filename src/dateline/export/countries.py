"""Country and actor-code lookups for the exports: FIPS 10-4, CAMEO country codes, names.

GDELT writes FIPS 10-4 country codes in its geography fields and CAMEO codes in its actor
fields; dateline's records carry ISO 3166-1 alpha-3. ``data/export/iso3_fips.tsv`` maps one to
the other (read by ``fips``); names and CAMEO codes come from the gazetteer's
``countries.tsv``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from dateline import tsv

#: CAMEO agent ("type") codes, the second part of an actor code (RUSGOV -> GOV).
TYPE_CODES = frozenset(
    {
        *("GOV", "MIL", "JUD", "LEG", "OPP", "REB", "IGO", "NGO", "BUS", "MED", "CVL", "COP"),
        *("PTY", "EDU", "HLH", "SPY", "LAB", "ELI", "AGR", "ENV", "REF", "UAF", "CRM"),
        *("IMG", "MNC", "NGM", "INS", "SEP", "MOD", "RAD", "DEV", "HRI", "SET", "UIS"),
    }
)
#: CAMEO religion codes (REL is the agent "religious", the others name the religion).
RELIGION_CODES = frozenset(
    {
        *("REL", "CHR", "CTH", "ORT", "PRO", "MOS", "SUN", "SHI", "ALE", "DRZ", "SFI", "JEW"),
        *("BUD", "HIN", "JAN", "SIK", "BAH", "CON", "TAO", "SHN", "ZRO", "ITR", "ATH", "LDS"),
    }
)
#: CAMEO region codes that stand where a country code would (IGOEUREEC -> EUR).
REGION_CODES = frozenset(
    {
        *("AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR"),
        *("LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF"),
        *("WST", "NAM", "WEU"),
    }
)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    cameo: str
    name: str
    fips: str | None


def _rows(folder: str, name: str) -> list[list[str]]:
    return list(tsv.rows(resources.files("dateline") / "data" / folder / name))


@functools.cache
def fips_table() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4, from ``data/export/iso3_fips.tsv``."""
    return {row[0]: row[1] for row in _rows("export", "iso3_fips.tsv")}


@functools.cache
def countries() -> dict[str, Country]:
    """ISO alpha-3 -> Country, from the gazetteer's ``countries.tsv``."""
    table = fips_table()
    out = {}
    for row in _rows("gazetteer", "countries.tsv"):
        iso3, _iso2, cameo, name = row[:4]
        out[iso3] = Country(iso3, cameo or iso3, name, table.get(iso3))
    return out


@functools.cache
def _by_cameo() -> dict[str, Country]:
    return {c.cameo: c for c in countries().values()}


def fips(iso3: str | None, place: str | None = None) -> str:
    """The FIPS 10-4 code of an ISO alpha-3 country ("" when unknown). FIPS splits Palestine
    in two: a place named for Gaza gets GZ, the rest WE (the West Bank)."""
    if not iso3:
        return ""
    iso3 = iso3.upper()
    if iso3 == "PSE" and place and "gaza" in place.lower():
        return "GZ"
    return fips_table().get(iso3, "")


def country_name(iso3: str | None) -> str:
    country = countries().get((iso3 or "").upper())
    return country.name if country else ""


def cameo_country(iso3: str | None) -> str:
    """The CAMEO country code of an ISO alpha-3 code (Kosovo: XKX -> KSV)."""
    if not iso3:
        return ""
    country = countries().get(iso3.upper())
    return country.cameo if country else iso3.upper()


@dataclass(frozen=True, slots=True)
class CodeParts:
    """An actor code taken apart the way GDELT's actor columns need it."""

    country: str = ""
    known_group: str = ""
    ethnic: str = ""
    religion: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


def split_code(code: str | None) -> CodeParts:
    """Take a CAMEO actor code apart in three-letter pieces: a country or region, agent types
    (up to three), religions (up to two), and the first other piece as the known group
    ("IGOEUREEC" -> types IGO, country EUR, group EEC; "RUSGOVMIL" -> RUS, GOV+MIL).
    Ethnic codes cannot be told from known groups by shape alone, so ethnic stays empty."""
    code = (code or "").strip().upper()
    pieces = [code[i : i + 3] for i in range(0, len(code), 3) if len(code[i : i + 3]) == 3]
    country = group = ""
    types: list[str] = []
    religion: list[str] = []
    for piece in pieces:
        if piece in TYPE_CODES:
            types.append(piece)
        elif piece in RELIGION_CODES:
            religion.append(piece)
        elif not country and (piece in _by_cameo() or piece in REGION_CODES):
            country = piece
        elif not group:
            group = piece
    return CodeParts(country, group, "", tuple(religion[:2]), tuple(types[:3]))


__all__ = [
    "CodeParts",
    "Country",
    "cameo_country",
    "countries",
    "country_name",
    "fips",
    "fips_table",
    "split_code",
]
