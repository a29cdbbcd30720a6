"""What the event-coder tests share: the model pipeline (one per module, skipped when none is
installed), a small fake actors lookup (countries from the gazetteer entity ids, demonym +
title word = that country's government) and short ways to code a sentence and read it, or to
read the coder's candidates before the scorer drops any."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from conftest import require_model
from dateline.events import Event, code_events
from dateline.events.coder import Coder
from dateline.events.model import ActorLike, ActorLookup
from dateline.events.scorer import EventScorer
from dateline.model import Article
from dateline.nlp.gazetteer import Gazetteer

nlp_module = pytest.importorskip("dateline.nlp")

PUBLISHED = "2024-02-29"  # a Thursday


@dataclass(frozen=True)
class FakeActor:
    name: str | None
    country: str | None
    sector: str | None
    code: str | None
    type: str | None


class FakeActors:
    """Entities of the Doc as actors: a GPE is its country; a NORP with a title word after it
    ("Chilean foreign minister") is that country's government."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.gaz = Gazetteer.default()

    def at(self, start: int, end: int) -> ActorLike | None:
        for ent in self.doc.ents:
            if ent.end_char <= start or end <= ent.start_char:
                continue
            country = self.gaz.country_of(ent.id_) if ent.id_ else None
            if country is None:
                continue
            if ent.label_ == "NORP":
                rest = self.doc.text[ent.end_char : end].lower()
                if any(w in rest for w in ("minister", "president", "government", "official")):
                    return FakeActor(ent.text, country.iso3, "GOV", country.iso3 + "GOV", "ORG")
                continue
            return FakeActor(country.name, country.iso3, None, country.iso3, ent.label_)
        return None


@pytest.fixture(scope="module")
def nlp() -> Any:
    require_model()
    return nlp_module.load()


def code(
    nlp: Any,
    text: str,
    *,
    actors: str = "fake",
    published: str | None = PUBLISHED,
    dateline: str | None = None,
) -> list[Event]:
    doc = nlp(text)
    article = Article(published=published, dateline=dateline, body=text)
    lookup: ActorLookup | None = FakeActors(doc) if actors == "fake" else None
    return code_events(doc, article, lookup)


def one(events: list[Event]) -> Event:
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


def pair(e: Event) -> tuple[str | None, str | None]:
    return (
        e.source.country if e.source else None,
        e.target.country if e.target else None,
    )


def told(nlp: Any, text: str) -> list[tuple[str, str]]:
    """(type, modality) of every event of ``text``, when none of them is asserted (none is in
    the default record or the exports)."""
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    assert code_events(doc, article, FakeActors(doc)) == []  # none asserted, none exported
    return [
        (e.plover, e.modality)
        for e in code_events(doc, article, FakeActors(doc), all_modalities=True)
    ]


def candidates(nlp: Any, text: str) -> list[Event]:
    """Every candidate the coder proposes for ``text`` (a scorer that keeps all)."""
    doc = nlp(text)
    coder = Coder(scorer=EventScorer.keep_all())
    return [c.event for c in coder.candidates(doc, Article(published=PUBLISHED, body=text), None)]


def side_words(nlp: Any, text: str, plover: str, side: str) -> list[str | None]:
    """The words of one side ("source" or "target") of each candidate of a PLOVER type."""
    found = [getattr(e, side) for e in candidates(nlp, text) if e.plover == plover]
    return [p.text if p is not None else None for p in found]
