"""The coder's word classes and tables, read from ``dateline/data/events/coder/`` once.

- ``words.tsv``: class<TAB>lemma (reporting, plan, hedge and future verbs, conditions, negation,
  light verbs, pronouns); see the file's header for what each class does.
- ``intent.tsv``: CAMEO root of a reported future act -> the intent or threat code it takes.

The head nouns of actor phrases and their CAMEO sectors ("police" -> COP) are the actors
stage's: :attr:`CoderRules.sectors` is the phrase half of ``dateline/data/actors/sectors.tsv``,
read through :class:`dateline.actors.roles.RoleTable`; so are the endings of nouns of people
(``words["agent_suffix"]``, the class of ``dateline/data/actors/words.tsv`` the quotes stage
reads too).

Each table's last column, ``provenance``, says where the row comes from (see
:mod:`dateline.events.provenance`); it is kept in :attr:`CoderRules.provenance`, by
``"table:key"`` ("sectors.tsv:police", "words.tsv:report/say", "intent.tsv:13").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from dateline import tsv
from dateline.actors.roles import RoleTable
from dateline.errors import EventDataError
from dateline.events import ontology, provenance

DATA_DIR = Path(str(resources.files("dateline").joinpath("data/events/coder")))
CLASSES = (
    *("report", "plan", "hedge", "obligation", "willing", "future", "condition", "negation"),
    *("light", "pronoun", "transparent", "promise", "happen", "symmetric", "earlier", "question"),
    *("agent", "relation", "shell", "claim", "stance", "iterative", "frequent", "recent"),
    *("habitual", "recurring", "duration", "cumulative", "previously", "thing", "control", "joint"),
    *("charge", "contrast", "circumstance", "means", "sent", "hazard", "unfulfilled"),
    *("topic", "provision", "instrument", "caution", "naming", "deed", "game", "finding", "cargo"),
    *("blame", "opposed", "forgone"),
)


@dataclass(frozen=True, slots=True)
class CoderRules:
    words: dict[str, frozenset[str]]
    sectors: dict[str, str]
    intent: dict[str, str | None]
    refuse: dict[str, str | None]
    provenance: dict[str, str]

    def is_(self, cls: str, word: str) -> bool:
        return word.lower() in self.words.get(cls, frozenset())

    def is_verb(self, cls: str, verb: Token) -> bool:
        """Whether a verb is of the class, by its lemma or, where the lemmatizer slips
        ("hoped" -> "hop"), by a base form of its word (:func:`base_forms`)."""
        words = self.words.get(cls, frozenset())
        if verb.lemma_.lower() in words:
            return True
        return verb.tag_.startswith("VB") and any(b in words for b in base_forms(verb.lower_))


#: How an inflected verb ends, and what its base form ends with instead ("staged" -> "stage").
_INFLECTIONS = (("ed", "e"), ("d", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", ""))


def base_forms(word: str) -> list[str]:
    """The base forms an inflected verb may have, to mend a lemmatizer's slip ("staged" read
    as "stag", "hoped" as "hop"): the word with each inflection's ending replaced."""
    word = word.lower()
    return [word[: -len(end)] + base for end, base in _INFLECTIONS if word.endswith(end)]


def _table(path: Path, ncols: int) -> list[list[str]]:
    """The rows of one table after its header; the last of the ``ncols`` cells is the
    provenance, which must name a known kind of source."""
    rows = _rows(path, ncols)[1:]
    for row in rows:
        _check_provenance(path.name, row[0], row[-1])
    return rows


def _check_provenance(table: str, key: str, source: str) -> None:
    """Raise EventDataError unless ``source`` names a known kind of source."""
    try:
        provenance.parse(source)
    except provenance.ProvenanceError as exc:
        raise EventDataError(f"{table}: row {key!r}: {exc}") from exc


def _rows(path: Path, ncols: int) -> list[list[str]]:
    try:
        return list(tsv.rows(path, ncols, strip=True, header="check"))
    except OSError as exc:
        raise EventDataError(f"cannot read {path}: {exc}; reinstall dateline") from exc
    except tsv.TableError as exc:
        raise EventDataError(
            f"{path.name}:{exc.number}: expected {ncols} tab-separated cells"
        ) from exc


def load(directory: Path = DATA_DIR, roles: RoleTable | None = None) -> CoderRules:
    """The coder's tables from ``directory``, with the sector words of ``roles`` (the actors
    stage's, by default)."""
    words: dict[str, set[str]] = {c: set() for c in CLASSES}
    origin: dict[str, str] = {}
    for cls, word, source in _table(directory / "words.tsv", 3):
        if cls not in words:
            raise EventDataError(f"words.tsv: unknown class {cls!r}; expected one of {CLASSES}")
        words[cls].add(word.lower())
        origin[f"words.tsv:{cls}/{word.lower()}"] = source
    roles = roles or RoleTable.default()
    words["agent_suffix"] = set(roles.words["agent_suffix"])  # the quotes stage reads it too
    sectors = dict(roles.sectors)
    for word, source in roles.sector_provenance.items():
        _check_provenance("sectors.tsv", word, source)
        origin[f"sectors.tsv:{word}"] = source
    intent: dict[str, str | None] = {}
    refuse: dict[str, str | None] = {}
    for root, code, refused, source in _table(directory / "intent.tsv", 4):
        for c in (code, refused):
            if c != "-" and not ontology.is_code(c):
                raise EventDataError(f"intent.tsv: unknown CAMEO code {c!r}")
        intent[root] = None if code == "-" else code
        refuse[root] = None if refused == "-" else refused
        origin[f"intent.tsv:{root}"] = source
    return CoderRules({k: frozenset(v) for k, v in words.items()}, sectors, intent, refuse, origin)


@cache
def default() -> CoderRules:
    return load()
