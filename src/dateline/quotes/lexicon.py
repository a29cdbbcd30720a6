"""The speech-cue lexicon and the non-person speaker nouns, read from ``dateline/data/quotes``.

Every table is tab-separated with a header line and a ``provenance`` column (where the row
comes from, in the format of :mod:`dateline.events.provenance`; kept in ``Lexicon.provenance``
as ``"table:key" -> cell``). ``cues.tsv``: ``lemma, kind, relations`` (see the file's header);
``speaker_nouns.tsv``: nouns that can speak though they are no person; ``evidence_nouns.tsv``:
polls and documents that are the source of a clause they introduce ("in a CNN poll, …");
``noun_cues.tsv`` and ``adjective_cues.tsv``: ``word, relations`` for reports made by a noun
or an adjective ("criticism of …", "confident that …"); ``speech_kinds.tsv``: the cue kinds
that report speech (an indirect quote of the record, not only an attribution);
``org_references.tsv``: ``noun, sector`` for nouns that refer back to an organisation named
before ("the organization said", "the newspaper reported"); ``notice_labels.tsv``: labels
before a colon that name no speaker ("Correction: …"); ``said_nouns.tsv``: nouns for words
said whose owner speaks the quote they introduce ("Her answer was short: …"). All are loaded
once per process; pass a directory to read another copy.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from dateline import tsv
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
    #: noun -> the sector of the organisations it can mean ("" for any)
    org_references: dict[str, str] = field(default_factory=dict)
    #: labels before a colon that name no speaker ("correction", "editor's note")
    notice_labels: frozenset[str] = frozenset()
    #: "table:key" -> the row's provenance cell ("cues:say" -> "general;polnear-train")
    provenance: dict[str, str] = field(default_factory=dict)
    #: nouns for words said, whose owner speaks the quote they introduce ("Her answer: …")
    said_nouns: frozenset[str] = frozenset()

    def cue(self, lemma: str) -> Cue | None:
        return self.cues.get(lemma.lower())


def _rows(root: Path | Traversable, name: str, columns: int) -> list[list[str]]:
    """The data rows of ``name.tsv`` (after its header), each with ``columns`` cells, the last
    one the provenance; raises a clear error for a missing file or a malformed row."""
    path = root / f"{name}.tsv"
    try:
        table = tsv.rows(path, columns, strip=True, filled=(0, -1), header="keep")
    except OSError as exc:
        raise NlpError(
            f"quotes data file {path} is missing ({exc}); reinstall dateline", code="E302"
        ) from exc
    try:
        header = next(table, None)
        if header is None or header[-1] != "provenance":
            raise NlpError(
                f"{path}: the header line must end with a provenance column", code="E302"
            )
        return list(table)
    except tsv.TableError as exc:
        raise NlpError(
            f"malformed line in {path}: {exc.line!r} (expected {columns} tab-separated cells, "
            "the first and the provenance filled)",
            code="E302",
        ) from exc


def load_lexicon(directory: Path | Traversable | None = None) -> Lexicon:
    root = directory or resources.files("dateline") / "data" / "quotes"
    provenance: dict[str, str] = {}

    def rows(name: str, columns: int) -> list[list[str]]:
        found = _rows(root, name, columns)
        provenance.update((f"{name}:{r[0].lower()}", r[-1]) for r in found)
        return found

    cues: dict[str, Cue] = {}
    for lemma, kind, relations, _ in rows("cues", 4):
        deps = frozenset(relations.split(","))
        if any(d not in RELATIONS and not d.startswith("prep:") for d in deps):
            raise NlpError(
                f"{root}/cues.tsv: unknown relation in {sorted(deps)} for {lemma!r}", code="E302"
            )
        cues[lemma.lower()] = Cue(lemma.lower(), kind, deps)
    nouns = frozenset(r[0].lower() for r in rows("speaker_nouns", 2))
    evidence = frozenset(r[0].lower() for r in rows("evidence_nouns", 2))
    words = {
        name: {r[0].lower(): _relations(r[1]) for r in rows(name, 3)}
        for name in ("noun_cues", "adjective_cues")
    }
    speech = frozenset(r[0].lower() for r in rows("speech_kinds", 2))
    kinds = {c.kind for c in cues.values()}
    if not speech <= kinds:
        raise NlpError(
            f"{root}/speech_kinds.tsv names kinds no cue has: {sorted(speech - kinds)}", code="E302"
        )
    refs = {r[0].lower(): r[1] for r in rows("org_references", 3)}
    notices = frozenset(r[0].lower() for r in rows("notice_labels", 2))
    said = frozenset(r[0].lower() for r in rows("said_nouns", 2))
    return Lexicon(
        cues,
        nouns,
        evidence,
        words["noun_cues"],
        words["adjective_cues"],
        speech,
        refs,
        notices,
        provenance,
        said,
    )


def _relations(cell: str) -> frozenset[str]:
    return frozenset(r.strip().lower() for r in cell.split(",") if r.strip())


@functools.cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
