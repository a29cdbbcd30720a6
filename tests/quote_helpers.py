"""What the quotes tests share: the model pipeline (one per session, skipped when none is
installed) and short ways to run the quotes stage and read what it found."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import require_model
from dateline import nlp
from dateline.quotes import Quote, find_quotes


@pytest.fixture(scope="session")
def pipeline() -> Language:
    require_model()
    return nlp.load()


def quotes(pipeline: Language, text: str) -> list[Quote]:
    return find_quotes(pipeline(text))


def with_actors(pipeline: Language, text: str) -> list[Quote]:
    """Quotes with the actors stage naming the speakers, as ``analyze`` runs them."""
    from dateline.actors import find_actors
    from dateline.model import Article

    doc = pipeline(text)
    return find_quotes(doc, find_actors(doc, Article(body=text)))


def attributions(pipeline: Language, text: str) -> list[Quote]:
    """The corpus unit (PolNeAR's): one quote per cue with everything it reports."""
    return find_quotes(pipeline(text), unit="attribution")


def only(found: list[Quote], kind: str | None = None) -> Quote:
    chosen = [q for q in found if kind is None or q.kind == kind]
    assert len(chosen) == 1, [q.to_dict() for q in found]
    return chosen[0]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def speakers(found: list[Quote]) -> list[str | None]:
    """The names of the speakers of the quotes found, None for a quote with none."""
    return [q.speaker.name if q.speaker else None for q in found]
