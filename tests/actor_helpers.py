"""What the actors tests share: the model pipeline (one per module, skipped when none is
installed), a short way to run the actors stage on a text, and readers of what it found."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conftest import require_model
from dateline import nlp
from dateline.actors import Actors, Entity, find_actors
from dateline.model import Article


@pytest.fixture(scope="module")
def pipeline() -> Language:
    require_model()
    return nlp.load()


def run(
    pipeline: Language,
    text: str,
    published: str | None = "2012-05-01",
    captions: list[str] | None = None,
    authors: list[str] | None = None,
) -> tuple[Doc, Actors]:
    doc = pipeline(text)
    article = Article(published=published, authors=authors or [], body=text)
    caption_docs = [pipeline(c) for c in captions or []]
    return doc, find_actors(doc, article, captions=caption_docs)


def person(actors: Actors, name: str) -> Entity:
    found = actors.named(name)
    assert found is not None, [e.name for e in actors.entities]
    assert found.type == "PERSON"
    return found


def facts(entity: Entity) -> tuple[str | None, str | None, str | None, str | None]:
    return entity.role, entity.country, entity.sector, entity.code
