"""The knowledge base of well-known actors (``dateline/data/actors/kb.tsv``).

Each actor has a name, aliases, a type and CAMEO-style codes with tenure dates, so a bare
"Putin" in a 2024 article resolves to Russia's government while the same name in 1990 would
not. Built by ``python -m dateline_dev.build_kb`` from PETRARCH-2's dictionaries (see NOTICE).

Matching is conservative: a full name matches its entry; a bare surname matches only when
the KB knows a single person of that name, in office at the article's date, whom the
dictionaries list under the bare surname too ("Putin", not "Fox" for Liam Fox), or when only
one of those in office then is from a country the article names. Without a date, a bare
surname matches only the people the dictionaries list under it, when they are of one country
(its default code then gives the country, not an office). The dictionaries
date from 2014: an office open at that time is taken as still held (see the NOTICE file).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from dateline import tsv
from dateline.actors.codes import BODY_HEADS, split_code
from dateline.nlp.gazetteer import normalize


@dataclass(frozen=True, slots=True)
class Tenure:
    code: str
    start: str  # ISO date, "" open
    end: str

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def covers(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)


@dataclass(frozen=True, slots=True)
class KbActor:
    key: str
    name: str
    aliases: tuple[str, ...]
    type: str
    tenures: tuple[Tenure, ...]

    @property
    def id(self) -> str:
        return f"kb:{self.key}"

    def code_at(self, day: str | None) -> str | None:
        """The code for a date: a dated tenure covering it (office before elite), else the
        default code; without a date, the default code or the latest tenure's."""
        if day:
            covering = [t for t in self.tenures if t.dated and t.covers(day)]
            covering.sort(key=lambda t: (split_code(t.code)[1] == "ELI", t.start), reverse=False)
            if covering:
                return covering[0].code
        default = [t for t in self.tenures if not t.dated]
        if default:
            return default[0].code
        if day:
            return None
        return max(self.tenures, key=lambda t: t.start).code if self.tenures else None

    def in_office(self, day: str | None) -> bool:
        """Whether a dated, non-elite tenure covers ``day``."""
        if not day:
            return False
        return any(
            t.dated and t.covers(day) and split_code(t.code)[1] not in {"ELI", None}
            for t in self.tenures
        )


_SPACES = re.compile(r"[\s_]+")


def _fold(name: str) -> str:
    """``normalize`` with a fast path for plain ASCII names (most of the KB)."""
    if not name.isascii():
        return normalize(name)
    return _SPACES.sub(" ", name.replace(".", "")).strip().casefold().removeprefix("the ")


def _person_key(name: str) -> str:
    """A person's lookup key: hyphens are spaces ("al-Thani" is the dictionaries' "al Thani")."""
    return " ".join(_fold(name).replace("-", " ").split())


def _country(actor: KbActor) -> str | None:
    return next((split_code(t.code)[0] for t in actor.tenures), None)


def _body(actor: KbActor) -> bool:
    """Whether every code the actor has is a body's of no one country (``BODY_HEADS``)."""
    return bool(actor.tenures) and all(t.code.startswith(BODY_HEADS) for t in actor.tenures)


def _rows(path: Path | Traversable) -> list[tuple[str, str, str, str, str]]:
    """The five cells of each row of a knowledge-base table, header and comments skipped."""
    return [
        (key, name, aliases, kind, tenures)
        for key, name, aliases, kind, tenures in tsv.rows(path, 5)
    ]


def _parse_tenures(cell: str) -> tuple[Tenure, ...]:
    out = []
    for part in cell.split("|"):
        code, _, dates = part.strip().partition(" ")
        if not code:
            continue
        start, _, end = dates.partition("/")
        out.append(Tenure(code, start, end))
    return tuple(out)


class KnowledgeBase:
    """Actors by full name and by surname. Load once: ``KnowledgeBase.default()``."""

    def __init__(self, path: Path | Traversable | None = None) -> None:
        root = resources.files("dateline") / "data" / "actors"
        path = path or root / "kb.tsv"
        family_first = {
            line.strip()
            for line in (root / "family_name_first.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and line.strip() != "iso3"
        }
        self.actors: list[KbActor] = []
        self._names: dict[str, list[KbActor]] = {}
        self._surnames: dict[str, list[KbActor]] = {}
        #: (surname, key) pairs the dictionaries list as a name of their own ("+PUTIN_"): the
        #: people news calls by surname alone
        self._by_surname: set[tuple[str, str]] = set()
        self._orgs: dict[str, list[KbActor]] = {}
        # the hand-curated recent actors first: a key there replaces the generated row
        recent = _rows(root / "kb_recent.tsv") if path == root / "kb.tsv" else []
        replaced = {row[0] for row in recent}
        rows = recent + [row for row in _rows(path) if row[0] not in replaced]
        for key, name, aliases, kind, tenures in rows:
            actor = KbActor(
                key, name, tuple(a for a in aliases.split("|") if a), kind, _parse_tenures(tenures)
            )
            self.actors.append(actor)
            if kind != "PERSON" or _body(actor):
                # PETRARCH-2's agents list many organisations as people ("Human Rights Watch":
                # NGOHRI); a code of a body of no country makes the name an organisation's too
                for form in (name, *actor.aliases):
                    self._orgs.setdefault(_fold(form), []).append(actor)
            if kind != "PERSON":
                continue
            keys = [_person_key(form) for form in (name, *actor.aliases)]
            for folded in keys:
                if " " in folded:
                    self._names.setdefault(folded, []).append(actor)
                elif folded:
                    self._surnames.setdefault(folded, []).append(actor)
                    self._by_surname.add((folded, actor.key))
            words = keys[0].split()  # the name's own key
            surnames = {words[-1]}
            if words and _country(actor) in family_first:
                surnames.add(words[0])  # "Xi Jinping" is "Xi"
            for surname in surnames:
                bucket = self._surnames.setdefault(surname, [])
                if not bucket or bucket[-1] is not actor:
                    bucket.append(actor)

    @classmethod
    def default(cls) -> KnowledgeBase:
        return _default()

    def lookup_org(self, name: str, day: str | None = None) -> KbActor | None:
        """The organisation of this exact name or alias ("Hezbollah", "the Taliban")."""
        candidates = self._orgs.get(normalize(name), [])
        if len(candidates) == 1:
            return candidates[0]
        active = [a for a in candidates if a.code_at(day)]
        return active[0] if len(active) == 1 else None

    def lookup(
        self, name: str, day: str | None = None, countries: Collection[str] = ()
    ) -> KbActor | None:
        """The person a name refers to at ``day`` (ISO date) in an article naming
        ``countries`` (ISO alpha-3), or None when unknown or ambiguous."""
        folded = _person_key(name)
        if not folded:
            return None
        if " " in folded:
            candidates = self._names.get(folded, [])
            if len(candidates) == 1:
                return candidates[0]
            return _pick(candidates, day, countries)
        # a bare surname: the only KB person of that name, in office at the date; else the
        # only one in office from a country the article names
        candidates = self._surnames.get(folded, [])
        if day is None:
            # no date to tell who held office: the person the dictionaries list under the
            # bare surname itself ("+PUTIN_", "+PRESIDENT_BUSH": news calls him so); several
            # only when they are all of one country (the two presidents Bush)
            listed = [a for a in candidates if (folded, a.key) in self._by_surname]
            one_country = len({_country(a) for a in listed}) == 1
            return listed[0] if listed and one_country and _country(listed[0]) else None
        active = [a for a in candidates if a.in_office(day)]
        if (
            len(candidates) == 1
            and len(active) == 1
            and (folded, active[0].key) in self._by_surname
        ):
            return active[0]
        return _pick(active, day, countries, need_country=True)


def _pick(
    candidates: list[KbActor],
    day: str | None,
    countries: Collection[str],
    need_country: bool = False,
) -> KbActor | None:
    if not candidates:
        return None
    local = [a for a in candidates if split_code(a.code_at(day) or "")[0] in countries]
    if len(local) == 1:
        return local[0]
    if need_country:
        return None
    active = [a for a in (local or candidates) if a.in_office(day)]
    return active[0] if len(active) == 1 else None


@functools.cache
def _default() -> KnowledgeBase:
    return KnowledgeBase()
