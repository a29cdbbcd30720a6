"""The event lexicon: which predicates (verbs and event nouns) code as which CAMEO event.

The entries live in tab-separated files in ``dateline/data/events/lexicon/`` -- one entry a
line, readable and extendable by users (drop another ``*.tsv`` there; it takes precedence over
the shipped files). Columns:

``id``        stable rule name, shown as the event's ``rule``
``pos``       ``verb`` or ``noun``
``lemma``     the predicate's lemma, lower case ("sign", "airstrike")
``particle``  required particle of a phrasal verb ("off" in "call off"); ``|`` = alternatives
``mods``      nouns only: words that must modify the noun ("hunger" for "strike")
``object``    words that must appear in the direct object (head or modifiers)
``prep``      required prepositional phrases, ``;``-separated, each ``prep`` or
              ``prep:words`` ("for:ceasefire|truce")
``comp``      lemma of a required complement verb ("agreed to *meet*", "urged ... to *release*")
``subject``   words that must appear in the subject (rarely used)
``cameo``     the CAMEO code, or ``-`` for "no event" (a phrase that blocks a general entry)
``reverse``   optional CAMEO code of the mirrored event (target -> source), e.g. visit/host
``roles``     empty = subject is the source, object (or prepositional object) the target;
              ``swap`` = the other way round; for nouns, ``source=by|poss target=to|with``
              names where the actors are found
``provenance`` where the entry comes from (:mod:`dateline.events.provenance`): ``cameo:CODE``
              (the CAMEO codebook's definition of that code), ``plover:SECTION`` (the PLOVER
              manual), ``petrarch2`` (PETRARCH-2's verb dictionary), ``general`` (general
              knowledge of news English), or a tune-half development item (``plv:ID``,
              ``plover-gsr:ID``, ``articles-gold-dev:ID``, ``examples:NAME``); several are
              ``;``-separated. Shipped files must fill it; a user's file may leave the column
              out

In ``mods``, ``object``, ``prep`` words and ``subject``: words separated by spaces are all
required; ``|`` separates alternatives for one word ("peace treaty|accord|deal" = "peace" and one
of "treaty", "accord", "deal"); ``*`` stands for any word (``object`` ``*`` = "has an object").

Matching ranks the entries that fit by specificity (how many constraints they satisfy), then by
file (user files, ``curated.tsv``, ``frames.tsv``, ``petrarch2.tsv``), then by line: "sign +
treaty" beats "sign" alone.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from dateline.errors import EventDataError
from dateline.events import ontology, provenance

COLUMNS: tuple[str, ...] = (
    "id",
    "pos",
    "lemma",
    "particle",
    "mods",
    "object",
    "prep",
    "comp",
    "subject",
    "cameo",
    "reverse",
    "roles",
    "provenance",
)
#: A user's file may leave out the provenance column (the last one).
REQUIRED_COLUMNS = COLUMNS[:-1]
DATA_DIR = Path(str(resources.files("dateline").joinpath("data/events/lexicon")))
#: Shipped files in precedence order; any other ``*.tsv`` (a user's) comes before them all.
SHIPPED = ("curated.tsv", "frames.tsv", "petrarch2.tsv")

Group = frozenset[str]
#: The word "*" in a constraint: any word at all, but something must be there.
ANY = "*"


class LexiconError(EventDataError):
    """A lexicon file is malformed or names a CAMEO code the ontology does not know."""


@dataclass(frozen=True, slots=True)
class PrepConstraint:
    preps: Group
    words: tuple[Group, ...] = ()


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon entry. ``cameo`` is None for blocking entries ("no event")."""

    id: str
    pos: str
    lemma: str
    cameo: str | None
    particle: Group = frozenset()
    mods: tuple[Group, ...] = ()
    object: tuple[Group, ...] = ()
    prep: tuple[PrepConstraint, ...] = ()
    comp: Group = frozenset()
    subject: tuple[Group, ...] = ()
    reverse: str | None = None
    roles: str = ""
    source: str = ""
    rank: int = 0
    provenance: str = ""

    @property
    def specificity(self) -> int:
        """How much the entry requires: two points a required word, particle, preposition or
        complement; one point a ``*`` (any word)."""

        def words(groups: tuple[Group, ...]) -> int:
            return sum(1 if ANY in g else 2 for g in groups)

        return (
            2 * bool(self.particle)
            + words(self.mods)
            + words(self.object)
            + sum(2 + words(p.words) for p in self.prep)
            + (0 if not self.comp else 1 if ANY in self.comp else 2)
            + words(self.subject)
        )

    @property
    def is_blocking(self) -> bool:
        return self.cameo is None

    @property
    def swapped(self) -> bool:
        return self.roles == "swap"

    def role_slots(self) -> dict[str, tuple[str, ...]]:
        """For ``source=by|poss target=to`` style roles: {"source": ("by", "poss"), ...}."""
        slots: dict[str, tuple[str, ...]] = {}
        for part in self.roles.split():
            key, _, value = part.partition("=")
            if value:
                slots[key] = tuple(value.split("|"))
        return slots


@cache
def _groups(text: str) -> tuple[Group, ...]:
    """A cell's word groups (immutable, so one value serves every row with the same cell:
    the lexicons repeat a few thousand cells over ten thousand rows)."""
    return tuple(frozenset(w for w in g.split("|") if w) for g in text.lower().split() if g)


def _preps(text: str) -> tuple[PrepConstraint, ...]:
    out = []
    for item in text.lower().split(";"):
        if not item.strip():
            continue
        prep, _, words = item.partition(":")
        out.append(PrepConstraint(frozenset(prep.strip().split("|")), _groups(words)))
    return tuple(out)


def parse_file(path: Path, rank: int = 0) -> list[LexEntry]:
    """Read and validate one lexicon file."""
    onto = ontology.default()
    entries: list[LexEntry] = []
    header: tuple[str, ...] | None = None
    source = path.name
    checked: set[str] = set()  # provenance cells found valid (most rows repeat a few)
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.rstrip("\n").split("\t")
        where = f"{source}:{lineno}"
        if header is None:
            if tuple(cells) not in (COLUMNS, REQUIRED_COLUMNS):
                raise LexiconError(f"{where}: expected the columns {COLUMNS}")
            header = tuple(cells)
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{where}: expected {len(header)} tab-separated cells")
        row = dict(zip(header, [c.strip() for c in cells], strict=True))
        if row["pos"] not in ("verb", "noun") or not row["lemma"] or not row["id"]:
            raise LexiconError(f"{where}: needs an id, a lemma and pos verb|noun")
        cameo = None if row["cameo"] == "-" else row["cameo"]
        for c in (cameo, row["reverse"] or None):
            if c is not None and c not in onto:
                raise LexiconError(f"{where}: unknown CAMEO code {c!r}")
        cell = row.get("provenance", "")
        if cell not in checked:
            try:
                provenance.parse(cell)
            except provenance.ProvenanceError as exc:
                raise LexiconError(f"{where}: {exc}") from exc
            checked.add(cell)
        entries.append(
            LexEntry(
                id=row["id"],
                pos=row["pos"],
                lemma=row["lemma"].lower(),
                cameo=cameo,
                particle=frozenset(p for p in row["particle"].lower().split("|") if p),
                mods=_groups(row["mods"]),
                object=_groups(row["object"]),
                prep=_preps(row["prep"]),
                comp=frozenset(c for c in row["comp"].lower().split("|") if c),
                subject=_groups(row["subject"]),
                reverse=row["reverse"] or None,
                roles=row["roles"],
                source=source,
                rank=rank,
                provenance=cell,
            )
        )
    return entries


def _covers(groups: tuple[Group, ...], bag: frozenset[str]) -> bool:
    return all(g & bag or (ANY in g and bool(bag)) for g in groups)


class Lexicon:
    """Entries indexed by (pos, lemma); build with :meth:`default` or :meth:`from_files`."""

    def __init__(self, entries: Iterable[LexEntry]) -> None:
        self.entries: list[LexEntry] = list(entries)
        self._index: dict[tuple[str, str], list[LexEntry]] = {}
        ids: set[str] = set()
        for e in self.entries:
            if e.id in ids:
                raise LexiconError(f"{e.source}: rule id {e.id!r} used twice")
            ids.add(e.id)
            self._index.setdefault((e.pos, e.lemma), []).append(e)
        # each lemma's entries ranked once, most specific first: a match keeps this order
        self._index = {key: _ranked(found) for key, found in self._index.items()}
        self._gates = {key: _gates(found) for key, found in self._index.items() if key[0] == "verb"}
        self.by_id: dict[str, LexEntry] = {e.id: e for e in self.entries}

    @classmethod
    def from_files(cls, paths: Sequence[Path]) -> Lexicon:
        entries: list[LexEntry] = []
        for rank, path in enumerate(paths):
            entries.extend(parse_file(path, rank))
        return cls(entries)

    @classmethod
    def from_dir(cls, directory: Path) -> Lexicon:
        files = sorted(directory.glob("*.tsv"))
        user = [p for p in files if p.name not in SHIPPED]
        shipped = [directory / n for n in SHIPPED if (directory / n).exists()]
        return cls.from_files(user + shipped)

    @staticmethod
    def default() -> Lexicon:
        """The package's lexicon, read once and cached."""
        return _default()

    def __len__(self) -> int:
        return len(self.entries)

    def lemmas(self, pos: str) -> set[str]:
        return {lemma for p, lemma in self._index if p == pos}

    def has_lemma(self, lemma: str, pos: str = "verb") -> bool:
        return (pos, lemma.lower()) in self._index

    def match_verb(
        self,
        lemma: str,
        particles: Iterable[str] = (),
        object_lemmas: Iterable[str] = (),
        prep_objects: Mapping[str, Iterable[str]] | None = None,
        complements: Iterable[str] = (),
        subject_lemmas: Iterable[str] = (),
        bare_preps: bool = True,
    ) -> list[LexEntry]:
        """Entries for a verb with its dependents, most specific first.

        ``particles``: particle lemmas ("off"); ``object_lemmas``: content-word lemmas of the
        direct object phrase (head and modifiers: "peace", "treaty"), plus those of a
        complement's object ("threatened to impose *sanctions*"); ``prep_objects``: preposition
        -> content-word lemmas of its object phrase; ``complements``: lemmas of complement
        verbs ("agreed to *meet*"); ``subject_lemmas``: the subject's. A particle constraint is
        also met by a bare preposition and vice versa (parsers disagree on "call on"), unless
        ``bare_preps`` is false: a verb with a direct object of its own reads its prepositions
        as prepositions ("fired warning shots 200 miles off the coast" is no "fire off").

        The first entry decides; when it is blocking (``cameo`` None) the predicate is no event.
        """
        candidates = self._index.get(("verb", lemma.lower()))
        if not candidates:
            return []
        parts = frozenset(p.lower() for p in particles)
        objs = frozenset(o.lower() for o in object_lemmas)
        preps = {
            k.lower(): frozenset(w.lower() for w in v) for k, v in (prep_objects or {}).items()
        }
        comps = frozenset(c.lower() for c in complements)
        subj = frozenset(s.lower() for s in subject_lemmas)
        attached = parts | preps.keys()
        particled = attached if bare_preps else parts
        # a common verb has some two hundred entries, most of them naming a word its object
        # (particle, preposition, complement) must have: only those the words reach are tested
        gates = self._gates[("verb", lemma.lower())]
        reached = set(gates.always)
        for bag, index in (
            (objs, gates.object),
            (particled, gates.particle),
            (attached, gates.prep),
            (comps, gates.comp),
            (subj, gates.subject),
        ):
            if index:
                for word in bag:
                    if (found := index.get(word)) is not None:
                        reached.update(found)
        # an empty constraint is met: tested first, as most entries leave most of them empty;
        # a constraint on words the verb has none of is not
        return [
            e
            for e in (candidates[n] for n in sorted(reached))
            if (not e.particle or e.particle & particled)
            and (not e.object or (objs and _covers(e.object, objs)))
            and (not e.prep or (attached and all(_prep_ok(p, preps, parts) for p in e.prep)))
            and (not e.comp or bool(e.comp & comps) or (ANY in e.comp and bool(comps)))
            and (not e.subject or (subj and _covers(e.subject, subj)))
        ]

    def match_noun(
        self,
        lemma: str,
        modifiers: Iterable[str] = (),
        prep_objects: Mapping[str, Iterable[str]] | None = None,
    ) -> list[LexEntry]:
        """Entries for an event noun ("talks", "airstrike"), most specific first.

        ``modifiers``: lemmas of compounds and adjectives ("air" in "air strike");
        ``prep_objects``: preposition -> lemmas of its object ("protests *against* the law").
        """
        candidates = self._index.get(("noun", lemma.lower()))
        if not candidates:
            return []
        mods = frozenset(m.lower() for m in modifiers)
        preps = {
            k.lower(): frozenset(w.lower() for w in v) for k, v in (prep_objects or {}).items()
        }
        return [
            e
            for e in candidates
            if (not e.mods or _covers(e.mods, mods))
            and (not e.prep or all(_prep_ok(p, preps, frozenset()) for p in e.prep))
        ]

    def entry_for_rule(self, rule: str) -> LexEntry | None:
        """The entry an event's ``rule`` names ("curated.tsv:cur:v:sue/any +intent"), so an
        explanation can show what the entry requires and where it comes from (``provenance``)."""
        name = rule.split(" ", 1)[0]
        source, _, entry_id = name.partition(":")
        entry = self.by_id.get(entry_id)
        return entry if entry is not None and entry.source == source else None

    def coverage(self) -> dict[str, int]:
        """Entries per CAMEO code (blocking entries not counted)."""
        counts: dict[str, int] = {}
        for e in self.entries:
            if e.cameo is not None:
                counts[e.cameo] = counts.get(e.cameo, 0) + 1
        return counts


def _prep_ok(
    p: PrepConstraint, preps: Mapping[str, frozenset[str]], particles: frozenset[str]
) -> bool:
    if not p.words and p.preps & particles:
        return True
    return any(_covers(p.words, preps[k]) for k in p.preps if k in preps)


@dataclass(slots=True)
class _Gates:
    """A verb's entries (by their place in its ranked list) under one word each must find
    for it to fit: the first of its object's groups with no ``*``, else its particles, else
    its first preposition, else its complements, else its subject's first group; entries
    with none of these are ``always`` tested. Each index maps a word to entries."""

    always: list[int] = field(default_factory=list)
    object: dict[str, list[int]] = field(default_factory=dict)
    particle: dict[str, list[int]] = field(default_factory=dict)
    prep: dict[str, list[int]] = field(default_factory=dict)
    comp: dict[str, list[int]] = field(default_factory=dict)
    subject: dict[str, list[int]] = field(default_factory=dict)


def _gates(entries: list[LexEntry]) -> _Gates:
    """The gates of one verb's ranked entries (:class:`_Gates`). Each gate is a condition the
    full test also makes: an object group with no ``*`` must share a word with the object's,
    particles with the particles (or bare prepositions), a preposition constraint's
    prepositions with the verb's particles and prepositions, complements with its complements."""
    gates = _Gates()
    for n, e in enumerate(entries):
        obj = next((g for g in e.object if ANY not in g), None)
        subj = next((g for g in e.subject if ANY not in g), None)
        if obj is not None:
            index, words = gates.object, obj
        elif e.particle:
            index, words = gates.particle, e.particle
        elif e.prep:
            index, words = gates.prep, e.prep[0].preps
        elif e.comp and ANY not in e.comp:
            index, words = gates.comp, e.comp
        elif subj is not None:
            index, words = gates.subject, subj
        else:
            gates.always.append(n)
            continue
        for word in words:
            index.setdefault(word, []).append(n)
    return gates


def _ranked(hits: list[LexEntry]) -> list[LexEntry]:
    return sorted(hits, key=lambda e: (-e.specificity, e.rank))


@cache
def _default() -> Lexicon:
    return Lexicon.from_dir(DATA_DIR)


def load_seconds() -> float:
    """Time to read the shipped lexicon from disk (uncached), for `dateline bench`."""
    start = time.perf_counter()
    Lexicon.from_dir(DATA_DIR)
    return time.perf_counter() - start
