"""Role titles, organisation words and gendered words, read from ``dateline/data/actors``.

``roles.tsv`` maps titles as news writes them ("PM", "Defence Minister", "secretary-general")
to the role reported, a sector and a group; ``sectors.tsv`` is the one table of sector words:
head nouns of actor phrases ("police", "soldier") and words of organisation names ("ministry",
"army", "university"), each row saying which of the two it applies to; ``gender.tsv`` maps
honorifics and titles to a gender ("Mrs", "King"), ``first_names.tsv`` first names that tell
one ("Margaret"), ``words.tsv`` the stage's word classes (verbs of asking and answering,
honorifics, words before a title that change nothing). All are data users extend; this module
loads them once per process (``RoleTable.default()``) into plain dicts keyed by normalised
text. The event coder reads the sector words from here (:mod:`dateline.events.rules`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.tokens import Doc, Span

from dateline.errors import NlpError
from dateline.nlp.gazetteer import GAZETTEER_ERROR, normalize

#: The longest title, in spaCy tokens ("Chairman of the Joint Chiefs of Staff").
MAX_TITLE_TOKENS = 8
_WORD = re.compile(r"[\w'’]+")
#: The classes of ``words.tsv``; its header says what each does.
WORD_CLASSES = (
    "member",
    "ask",
    "answer",
    "speech",
    "statement",
    "honorific",
    "postnominal",
    "title_modifier",
    "led_by",
    "heads",
    "agent_suffix",
)
#: Where a ``sectors.tsv`` row applies: the head of an actor phrase, a word of an
#: organisation's name, or both.
SECTOR_USES = ("phrase", "name", "both")


@dataclass(frozen=True, slots=True)
class Role:
    title: str  # as listed ("PM")
    canonical: str  # the role reported ("Prime Minister")
    sector: str
    group: str  # head, minister, military, ... (what "the leader" or "the minister" can mean)
    generic: bool  # a describing word ("leader") rather than a title of its own

    def compatible(self, other: Role | None) -> bool:
        """Whether a description with this role can refer to a person holding ``other``: the
        same role, or the head word of the other's ("the envoy" for a UN envoy, "the negotiator"
        for a chief negotiator), or either one a describing word of the other's family ("the
        minister" for a foreign minister; "the ambassador" for someone the article called an
        envoy)."""
        if other is None:
            return False
        mine, theirs = self.canonical.casefold().split(), other.canonical.casefold().split()
        if mine == theirs[-len(mine) :]:
            return True
        return (self.generic or other.generic) and self.group == other.group


def _lines(path: Path | Traversable, ncols: int) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise NlpError(
            f"actors data file {path} could not be read ({exc}); reinstall dateline",
            code=GAZETTEER_ERROR,
        ) from exc
    rows = []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for n, line in enumerate(lines[1:], 2):  # the first non-comment line is the header
        cells = line.split("\t")
        if len(cells) != ncols:
            raise NlpError(
                f"actors data file {path}, data line {n}: expected {ncols} tab-separated "
                f"columns, got {len(cells)}",
                code=GAZETTEER_ERROR,
            )
        rows.append(cells)
    return rows


def _word_classes(path: Path | Traversable) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {c: set() for c in WORD_CLASSES}
    for n, (cls, word) in enumerate(_lines(path, 2), 2):
        if cls not in found:
            raise NlpError(
                f"actors data file words.tsv, data line {n}: class {cls!r} is not one of "
                f"{', '.join(WORD_CLASSES)}",
                code=GAZETTEER_ERROR,
            )
        found[cls].add(normalize(word))
    return {c: frozenset(w) for c, w in found.items()}


def words(cls: str) -> frozenset[str]:
    """The words of class ``cls`` in the shipped ``words.tsv`` (:attr:`RoleTable.words`)."""
    return _default().words[cls]


class RoleTable:
    """Role titles and organisation words with their lookups. ``RoleTable.default()``."""

    def __init__(self, directory: Path | Traversable | None = None) -> None:
        root = directory or resources.files("dateline") / "data" / "actors"
        self.roles: dict[str, Role] = {}
        for title, canonical, sector, group, generic in _lines(root / "roles.tsv", 5):
            role = Role(title, canonical or title, sector, group, generic.strip() == "1")
            self.roles.setdefault(normalize(title), role)
        #: words of organisation names -> sector (``sectors.tsv`` rows for names)
        self.org_words: dict[tuple[str, ...], str] = {}
        #: head nouns and titles of actor phrases, lower-case lemmas -> sector, and each
        #: one's provenance cell (``sectors.tsv`` rows for phrases)
        self.sectors: dict[str, str] = {}
        self.sector_provenance: dict[str, str] = {}
        for n, (word, sector, use, source) in enumerate(_lines(root / "sectors.tsv", 4), 2):
            if use not in SECTOR_USES:
                raise NlpError(
                    f"actors data file sectors.tsv, data line {n}: use {use!r} is not one "
                    f"of {', '.join(SECTOR_USES)}",
                    code=GAZETTEER_ERROR,
                )
            if use != "phrase":
                self.org_words.setdefault(tuple(_WORD.findall(word.casefold())), sector)
            if use != "name":
                self.sectors[word.lower()] = sector
                self.sector_provenance[word.lower()] = source
        self._max_org = max((len(k) for k in self.org_words), default=1)
        #: descriptions of organisations already named ("the bloc" -> EU, ASEAN, ...)
        self.org_descriptions: dict[tuple[str, ...], tuple[str, ...]] = {
            tuple(_WORD.findall(phrase.casefold())): tuple(keys.split("|"))
            for phrase, keys in _lines(root / "org_descriptions.tsv", 2)
        }
        #: words that make a "PERSON" the model found a place or an event ("Avenue")
        self.not_names: frozenset[str] = frozenset(
            normalize(row[0]) for row in _lines(root / "not_names.tsv", 1)
        )
        #: words before a name or in a title that give a person's gender ("Mrs", "King")
        self.genders: dict[str, str] = {
            normalize(word): gender for word, gender in _lines(root / "gender.tsv", 2)
        }
        #: first names one sex has far more often ("Margaret"), for names with no honorific
        self.first_names: dict[str, str] = {
            normalize(name): gender for name, gender in _lines(root / "first_names.tsv", 2)
        }
        #: word classes -> their words, normalised (``words.tsv``; see :data:`WORD_CLASSES`)
        self.words = _word_classes(root / "words.tsv")
        #: plural nouns of a group phrase standing for a pair ("the two *leaders*") -> the
        #: kind of pair they fit and the sector they give (``groups.tsv``)
        self.groups: dict[str, tuple[str, str | None]] = {
            word.lower(): (kind, None if sector == "-" else sector)
            for word, kind, sector in _lines(root / "groups.tsv", 3)
        }
        #: lowercase first words of titles: a cheap test before trying every length
        self.first_words = frozenset(k.split(" ")[0] for k in self.roles)
        self.last_words = frozenset(k.rsplit(" ", 1)[-1] for k in self.roles)

    @classmethod
    def default(cls) -> RoleTable:
        return _default()

    def gender(self, words: str) -> str | None:
        """ "m" or "f" when one of the words (an honorific, a title) says so."""
        for word in words.split():
            gender = self.genders.get(normalize(word))
            if gender is not None:
                return gender
        return None

    def name_gender(self, name: Span) -> str | None:
        """ "m" or "f" when a full name's first word is a first name that says so ("Margaret
        Lind"); a name of one word, or with a joined first name ("Jean-Paul"), says nothing."""
        words = [t for t in name if not t.is_space]
        if len(words) < 2 or words[1].text in {"-", "‐"} or words[0].whitespace_ == "":
            return None
        return self.first_names.get(normalize(words[0].text))

    def role(self, text: str) -> Role | None:
        """The role a title names ("prime minister", "PM", "Gen.") or None."""
        return self.roles.get(normalize(text))

    def title_ending(self, doc: Doc, end: int, lo: int = 0) -> tuple[Role, int] | None:
        """The longest title whose tokens end right before token ``end`` (not before ``lo``),
        with its first token index."""
        if end <= lo or normalize(doc[end - 1].text) not in self.last_words:
            return None
        for start in range(max(lo, end - MAX_TITLE_TOKENS), end):
            if doc[start].is_punct or doc[start].is_space:
                continue
            role = self.roles.get(normalize(doc[start:end].text))
            if role is not None:
                return role, start
        return None

    def title_starting(
        self, doc: Doc, start: int, hi: int | None = None
    ) -> tuple[Role, int] | None:
        """The longest title starting at token ``start`` (ending by ``hi``), with its end."""
        hi = len(doc) if hi is None else hi
        if start >= hi or normalize(doc[start].text) not in self.first_words:
            return None
        for end in range(min(hi, start + MAX_TITLE_TOKENS), start, -1):
            if doc[end - 1].is_punct or doc[end - 1].is_space:
                continue  # "leader." is the title "leader"; the dot is no part of it
            role = self.roles.get(normalize(doc[start:end].text))
            if role is not None:
                return role, end
        return None

    def org_sector(self, name: str) -> str | None:
        """The sector the words of an organisation's name point at: the longest listed phrase,
        the last one on a tie ("Ministry of Defence" -> MIL, "Bank of Albania" -> BUS)."""
        words = _WORD.findall(name.casefold())
        best: tuple[int, int, str] | None = None
        for n in range(min(self._max_org, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                sector = self.org_words.get(tuple(words[i : i + n]))
                if sector is not None and (best is None or (n, i) > best[:2]):
                    best = (n, i, sector)
            if best is not None:
                return best[2]
        return None

    def org_head(self, words: list[str]) -> str | None:
        """The sector of a lowercase noun phrase that ends with an organisation word
        ("defence ministry", "army", "armed forces"), else None."""
        folded = [w.casefold() for w in words]
        for i in range(len(folded)):
            sector = self.org_words.get(tuple(folded[i:]))
            if sector is not None:
                return sector
        return None


@functools.cache
def _default() -> RoleTable:
    return RoleTable()
