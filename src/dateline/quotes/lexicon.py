"""The speech-cue lexicon and the non-person speaker nouns, read from ``dateline/data/quotes``.

``cues.tsv``: ``lemma<TAB>kind<TAB>relations`` (see the file's header); ``speaker_nouns.txt``: one
noun a line; ``evidence_nouns.txt``: polls and documents that are the source of a clause they
introduce ("in a CNN poll, …"); ``noun_cues.tsv`` and ``adjective_cues.tsv``:
``word<TAB>relations`` for reports made by a noun or an adjective ("criticism of …",
"confident that …"); ``speech_kinds.txt``: the cue kinds that report speech (an indirect
quote of the record, not only an attribution); ``org_references.txt``: nouns that refer back
to an organisation named before ("the organization said"). All are loaded once per process; pass a
directory to read another copy.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from dateline.errors import NlpError

#: Where a cue's content is: dependency relations of the cue verb, ``prep:WORD`` for the object
#: of a preposition, ``according`` for "according to X", ``quote`` for a direct quote only.
RELATIONS = frozenset({"ccomp", "xcomp", "dobj", "according", "quote"})


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    kind: str
    deps: frozenset[str]

    @property
    def quote_only(self) -> bool:
        return "quote" in self.deps


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: dict[str, Cue]
    speaker_nouns: frozenset[str]
    evidence_nouns: frozenset[str]
    noun_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    adjective_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    speech_kinds: frozenset[str] = frozenset()
    org_references: frozenset[str] = frozenset()

    def cue(self, lemma: str) -> Cue | None:
        return self.cues.get(lemma.lower())


def _lines(path: Path | Traversable) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise NlpError(
            f"quotes data file {path} is missing ({exc}); reinstall dateline", code="E302"
        ) from exc
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def load_lexicon(directory: Path | Traversable | None = None) -> Lexicon:
    root = directory or resources.files("dateline") / "data" / "quotes"
    cues: dict[str, Cue] = {}
    for line in _lines(root / "cues.tsv"):
        parts = line.split("\t")
        deps = frozenset(parts[2].split(",")) if len(parts) == 3 else frozenset()
        if not deps or any(d not in RELATIONS and not d.startswith("prep:") for d in deps):
            raise NlpError(f"malformed line in {root}/cues.tsv: {line!r}", code="E302")
        cues[parts[0].lower()] = Cue(parts[0].lower(), parts[1], deps)
    nouns = frozenset(ln.lower() for ln in _lines(root / "speaker_nouns.txt"))
    evidence = frozenset(ln.lower() for ln in _lines(root / "evidence_nouns.txt"))
    words = {name: _word_cues(root, name) for name in ("noun_cues", "adjective_cues")}
    speech = frozenset(ln.lower() for ln in _lines(root / "speech_kinds.txt"))
    kinds = {c.kind for c in cues.values()}
    if not speech <= kinds:
        raise NlpError(
            f"{root}/speech_kinds.txt names kinds no cue has: {sorted(speech - kinds)}", code="E302"
        )
    refs = frozenset(ln.lower() for ln in _lines(root / "org_references.txt"))
    return Lexicon(cues, nouns, evidence, words["noun_cues"], words["adjective_cues"], speech, refs)


def _word_cues(root: Path | Traversable, name: str) -> dict[str, frozenset[str]]:
    """``word<TAB>relations`` lines: prepositions, or ccomp/xcomp."""
    table: dict[str, frozenset[str]] = {}
    for line in _lines(root / f"{name}.tsv"):
        word, _, rels = line.partition("\t")
        if not rels:
            raise NlpError(f"malformed line in {root}/{name}.tsv: {line!r}", code="E302")
        table[word.lower()] = frozenset(r.strip().lower() for r in rels.split(","))
    return table


@functools.cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
