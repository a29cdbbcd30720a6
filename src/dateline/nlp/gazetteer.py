"""Countries, places, demonyms, regions, international organisations and platforms.

The knowledge lives in the TSV files of ``dateline/data/gazetteer`` (see build_gazetteer.py for
which are generated and which are hand-curated); this module only reads them. Lookups are
case-insensitive, ignore accents, dots and a leading "the", and are plain dict reads over
tables loaded once per process (``Gazetteer.default()``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Span

from dateline import tsv
from dateline.errors import NlpError

#: Error code for a gazetteer file that is missing or malformed (a broken install).
GAZETTEER_ERROR = "E302"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    cameo: str  # CAMEO country code: the ISO alpha-3 but for Kosovo (KSV)
    name: str
    official_name: str
    aliases: tuple[str, ...]
    continent: str

    @property
    def ent_id(self) -> str:
        return f"country:{self.iso3}"


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    aliases: tuple[str, ...]
    iso3: str
    lat: float
    lon: float
    population: int
    capital: bool

    @property
    def ent_id(self) -> str:
        return f"place:{self.geonameid}"


@dataclass(frozen=True, slots=True)
class Demonym:
    adjective: str
    iso3: str
    people: tuple[str, ...]

    @property
    def ent_id(self) -> str:
        return f"demonym:{self.iso3}"


@dataclass(frozen=True, slots=True)
class Region:
    term: str
    label: str  # NORP for an adjective ("Balkan"), LOC for a name ("Balkans")
    region: str
    note: str

    @property
    def ent_id(self) -> str:
        return f"region:{self.region}"


@dataclass(frozen=True, slots=True)
class Igo:
    key: str
    name: str
    aliases: tuple[str, ...]
    code: str  # CAMEO-style actor code, e.g. IGOEUREEC
    code_source: str  # "PETRARCH-2" or "dateline"

    @property
    def ent_id(self) -> str:
        return f"igo:{self.key}"


@dataclass(frozen=True, slots=True)
class Platform:
    name: str
    key: str
    aliases: tuple[str, ...]

    @property
    def ent_id(self) -> str:
        return f"platform:{self.key}"


@dataclass(frozen=True, slots=True)
class Ngo:
    """A non-governmental organisation the ruler tags; ``key`` is its actor in the knowledge
    base, which gives its code."""

    name: str
    key: str
    aliases: tuple[str, ...]

    @property
    def ent_id(self) -> str:
        return f"ngo:{self.key}"


Entry = Country | Place | Demonym | Region | Igo | Platform | Ngo
E = TypeVar("E")

_SPACES = re.compile(r"[\s_]+")


#: Distinct names ``normalize`` remembers: the stages ask it again and again for the same
#: words of an article (a title's, a name's), and the answer depends on the string alone.
NORMALIZE_CACHE = 1 << 15


@functools.lru_cache(maxsize=NORMALIZE_CACHE)
def normalize(name: str) -> str:
    """The lookup key: casefolded, accents and dots removed, no leading "the", one space.
    Remembered for the last ``NORMALIZE_CACHE`` distinct names (bounded, so a long run's
    memory stays flat)."""
    folded = name
    if not name.isascii():  # ASCII has no accents to strip (and most names are ASCII)
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _SPACES.sub(" ", folded.replace(".", "").replace("’", "'")).strip().casefold()
    return folded.removeprefix("the ")


#: Words of direction before a place name ("South Lebanon", "Western Cambodia"): the region
#: lies in the country the rest names.
DIRECTIONS = frozenset(
    {
        *("north", "south", "east", "west", "northern", "southern", "eastern", "western"),
        *("central", "northeast", "northwest", "southeast", "southwest", "upper", "lower"),
        *("northeastern", "northwestern", "southeastern", "southwestern"),
    }
)


def strip_direction(name: str) -> str | None:
    """ "South Lebanon" -> "Lebanon"; None when the name starts with no direction word."""
    first, _, rest = name.strip().partition(" ")
    return rest if rest and first.lower() in DIRECTIONS else None


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


def _rows(path: Path | Traversable, ncols: int) -> list[list[str]]:
    """Data rows of a TSV file: comments and the header skipped, each row checked."""
    try:
        return list(tsv.rows(path, ncols))
    except OSError as exc:
        raise NlpError(
            f"gazetteer file {path} could not be read ({exc}); reinstall dateline or rebuild "
            "the files with python -m dateline_dev.build_gazetteer",
            code=GAZETTEER_ERROR,
        ) from exc
    except tsv.TableError as exc:
        raise NlpError(
            f"gazetteer file {path}, line {exc.number}: expected {ncols} tab-separated columns, "
            f"got {len(exc.cells)}",
            code=GAZETTEER_ERROR,
        ) from exc


def _words(path: Path | Traversable) -> frozenset[str]:
    """One entry a line, ``#`` comments skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NlpError(
            f"gazetteer file {path} could not be read ({exc}); reinstall dateline",
            code=GAZETTEER_ERROR,
        ) from exc
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class Gazetteer:
    """All gazetteer tables with their lookup indexes. Build it once: ``Gazetteer.default()``."""

    def __init__(self, directory: Path | Traversable | None = None) -> None:
        root = directory or resources.files("dateline") / "data" / "gazetteer"
        self.countries: tuple[Country, ...] = tuple(
            Country(r[0], r[1], r[2], r[3], r[4], _split(r[5]), r[6])
            for r in _rows(root / "countries.tsv", 7)
        )
        self.places: tuple[Place, ...] = tuple(
            Place(
                int(r[0]),
                r[1],
                _split(r[2]),
                r[3],
                float(r[4]),
                float(r[5]),
                int(r[6]),
                r[7] == "1",
            )
            for r in _rows(root / "places.tsv", 8)
        )
        self.demonyms: tuple[Demonym, ...] = tuple(
            Demonym(r[0], r[1], _split(r[2])) for r in _rows(root / "demonyms.tsv", 3)
        )
        self.regions: tuple[Region, ...] = tuple(Region(*r) for r in _rows(root / "regions.tsv", 4))
        self.igos: tuple[Igo, ...] = tuple(
            Igo(r[0], r[1], _split(r[2]), r[3], r[4]) for r in _rows(root / "igos.tsv", 5)
        )
        self.platforms: tuple[Platform, ...] = tuple(
            Platform(r[0], r[1], _split(r[2])) for r in _rows(root / "platforms.tsv", 3)
        )
        self.ngos: tuple[Ngo, ...] = tuple(
            Ngo(r[0], r[1], _split(r[2])) for r in _rows(root / "ngos.tsv", 3)
        )
        #: names the entity ruler leaves to the statistical NER (ambiguous with people, words)
        self.ruler_exclude: frozenset[str] = _words(root / "ruler_exclude.txt")
        #: names of ruler_exclude that are the country where the context says a place
        self.country_in_context: frozenset[str] = _words(root / "country_in_context.txt")
        #: words that open a title before a person's name ("PM", "President")
        self.title_words: frozenset[str] = _words(root / "title_words.txt")

        self._by_code = {c.iso3: c for c in self.countries}
        self._by_code.update({c.iso2: c for c in self.countries})
        self._countries = _index((c, (c.name, c.official_name, *c.aliases)) for c in self.countries)
        # Capitals first, then by population: "Washington" is the US capital, not the English
        # town; the first entry indexed under a name wins.
        ranked = sorted(self.places, key=lambda p: (not p.capital, -p.population))
        self._places = _index((p, (p.name, *p.aliases)) for p in ranked)
        self._demonyms = _index((d, (d.adjective, *d.people)) for d in self.demonyms)
        self._regions = _index((r, (r.term,)) for r in self.regions)
        self._igos = _index((i, (i.key, i.name, *i.aliases)) for i in self.igos)
        self._platforms = _index((p, (p.name, *p.aliases)) for p in self.platforms)
        self._by_ent_id: dict[str, Entry] = {}
        for table in (
            self.platforms,
            self.igos,
            self.ngos,
            self.regions,
            self.demonyms,
            ranked,
            self.countries,
        ):
            for entry in table:
                self._by_ent_id.setdefault(entry.ent_id, entry)

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer shipped with the package, loaded once per process."""
        return _default()

    def country_by_name(self, name: str) -> Country | None:
        """ "Albania", "the US", "Türkiye", "Czechia" -> the country."""
        return self._countries.get(normalize(name))

    def country_by_code(self, code: str) -> Country | None:
        """ISO 3166-1 alpha-2 or alpha-3 ("AL", "ALB"); Kosovo is XK / XKX."""
        return self._by_code.get(code.upper())

    def country_by_demonym(self, word: str) -> Country | None:
        """ "Albanian", "Albanians", "Serb" -> the country."""
        demonym = self._demonyms.get(normalize(word))
        return self._by_code.get(demonym.iso3) if demonym else None

    def demonym(self, word: str) -> Demonym | None:
        return self._demonyms.get(normalize(word))

    def region_by_name(self, term: str) -> Region | None:
        """ "Balkan", "Western Balkans", "European" -> the region (not a country)."""
        return self._regions.get(normalize(term))

    def igo_by_name(self, name: str) -> Igo | None:
        """ "EU", "the European Union", "NATO", "U.N." -> the organisation."""
        return self._igos.get(normalize(name))

    def place_by_name(self, name: str) -> Place | None:
        """A city or capital by name ("Tirana", "Kiev"); the capital or the largest wins."""
        return self._places.get(normalize(name))

    def platform_by_name(self, name: str) -> Platform | None:
        return self._platforms.get(normalize(name))

    def by_ent_id(self, ent_id: str) -> Entry | None:
        """The entry behind an entity the ruler tagged (``span.ent_id_``), e.g. "igo:EU"."""
        return self._by_ent_id.get(ent_id)

    def country_of(self, ent_id: str) -> Country | None:
        """The country an entity id points at, through demonyms and places; None for
        regions, organisations and platforms."""
        entry = self._by_ent_id.get(ent_id)
        if isinstance(entry, Country):
            return entry
        if isinstance(entry, Demonym | Place):
            return self._by_code.get(entry.iso3)
        return None

    def country_of_entity(self, ent: Span) -> Country | None:
        """The country a GPE or NORP entity names ("Albanian", "Serbia", "Tirana"): through
        the id the ruler gave it (a city's too), else by its name or as a demonym."""
        if ent.label_ not in {"GPE", "NORP"}:
            return None
        if ent.id_:
            return self.country_of(ent.id_)
        return self.country_by_name(ent.text) or self.country_by_demonym(ent.text)


def _index(items: Iterable[tuple[E, Iterable[str]]]) -> dict[str, E]:
    index: dict[str, E] = {}
    for entry, names in items:
        for name in names:
            if name:
                index.setdefault(normalize(name), entry)
    return index


@functools.cache
def _default() -> Gazetteer:
    return Gazetteer()
