"""Where a hand-written knowledge row comes from: the ``provenance`` column of our data tables.

The quote finder's tables (``data/quotes``) use the same column.

Every curated row of the event lexicon, the coder's tables and the frame tables says why it is
there, so a reader can check it and an explanation can cite it. A provenance is one or more
sources separated by ``;``, each one of:

``cameo:CODE``         the CAMEO codebook's definition (name, description, usage notes) of
                       that code: "sue" for 115 "Bring lawsuit against"
``plover:SECTION``     a section of the PLOVER manual, by event type or topic ("plover:ASSAULT")
``petrarch2``          PETRARCH-2's CAMEO verb dictionary (``petrarch2:VERB`` names its entry)
``general``            general knowledge of news English (what any editor knows the word means)
``polnear-train``      PolNeAR's training split (../shared/data/quotes/polnear/train): a
                       training corpus, not a development set, so any of its documents may teach
``plv:ID``             a tune-half sentence of a development set, by the id
``plover-gsr:ID``      :func:`dateline_dev.eval.split.half_of` files it under: the ``sentence_id``
``articles-gold-dev:ID``  of PLV, the record id of the PLOVER gold sentences, the NAEB id of an
``examples:NAME``      annotated article, a bundled example's ``document`` in expected.json
                       ("articles/x.html", "examples.jsonl#id")

A row written from a development item may name only a *tune*-half item: the check half is for
measuring (``dateline_dev.provenance_audit``, run by the test suite, enforces it). The
codebook's example sentences are not a source for rows: the PLOVER gold sentences are those
examples, so copying one is fitting a dev sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Kinds that name a document (a manual or dictionary) or general knowledge.
REFERENCE_KINDS = ("cameo", "plover", "petrarch2", "general", "polnear-train")
#: Kinds that name a development item, by the set name :mod:`dateline_dev.eval.split` uses.
DEV_KINDS = ("plv", "plover-gsr", "articles-gold-dev", "examples")
KINDS = REFERENCE_KINDS + DEV_KINDS
#: Kinds that need a value after the colon.
_NEEDS_VALUE = ("cameo", "plover", *DEV_KINDS)


class ProvenanceError(ValueError):
    """A provenance cell that names no known kind of source."""


@dataclass(frozen=True, slots=True)
class Source:
    kind: str
    value: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}" if self.value else self.kind

    @property
    def is_dev_item(self) -> bool:
        return self.kind in DEV_KINDS


def parse(cell: str) -> tuple[Source, ...]:
    """``"cameo:115;plv:8"`` -> the sources; raises :class:`ProvenanceError` when one is bad."""
    out = []
    for item in cell.split(";"):
        item = item.strip()
        if not item:
            continue
        kind, _, value = item.partition(":")
        kind, value = kind.strip(), value.strip()
        if kind not in KINDS:
            raise ProvenanceError(
                f"unknown provenance {item!r}; expected one of {', '.join(KINDS)} (kind:value)"
            )
        if kind in _NEEDS_VALUE and not value:
            raise ProvenanceError(f"provenance {item!r} needs a value after {kind}:")
        out.append(Source(kind, value))
    return tuple(out)
