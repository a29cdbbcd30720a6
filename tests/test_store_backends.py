"""The store's behaviour on each back-end: a SQLite file and a real PostgreSQL server.

``store_target`` (conftest) gives a fresh database on each; the PostgreSQL server is started
once per session from Debian's postgresql package (skipped, with the reason, when absent).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import insert

from dateline.compare import compare_story
from dateline.errors import StoreError
from dateline.model import Analysis
from dateline.store import SCHEMA_VERSION, Store, schema
from test_store_facts import BODY, save_two

Factory = Callable[..., Analysis]


def test_migrations_recorded_once(store_target: str) -> None:
    with Store.open(store_target) as store:
        assert [m["id"] for m in store.migrations()] == list(range(1, SCHEMA_VERSION + 1))
    with Store.open(store_target) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert len(store.migrations()) == SCHEMA_VERSION


def test_a_newer_database_is_refused(store_target: str) -> None:
    with Store.open(store_target) as store, store.engine.begin() as connection:
        connection.execute(
            insert(schema.migrations).values(id=SCHEMA_VERSION + 50, name="future", applied_at="x")
        )
    with pytest.raises(StoreError) as info:
        Store.open(store_target)
    assert info.value.code == "E501"


def test_save_is_idempotent_and_urls_accumulate(
    store_target: str, analysis_factory: Factory
) -> None:
    record = analysis_factory("Grid link agreed", BODY, url="https://a.example/1")
    with Store.open(store_target) as store:
        assert store.save(record) is True
        assert store.save(record) is False
        record.article.url = "https://b.example/1"  # type: ignore[union-attr]
        assert store.save(record) is False
        assert store.count() == 1 and store.has(record.id) and not store.has("0" * 32)
        assert store.urls(record.id) == ["https://a.example/1", "https://b.example/1"]
        assert store.add_url(record.id, "https://c.example/1") is True
        assert store.add_url(record.id, "https://c.example/1") is False
        stored = store.get(record.id)
        assert stored is not None and stored.article is not None
        assert stored.article.title == "Grid link agreed" and stored.article.body == BODY


def test_listing_order_and_errors(store_target: str, analysis_factory: Factory) -> None:
    with Store.open(store_target) as store:
        store.save(analysis_factory("Old", "Old story body.", published="2023-01-02"))
        store.save(analysis_factory("New", "New story body.", published="2024-05-06"))
        store.save(analysis_factory("Undated", "Undated story body."))
        assert [a.title for a in store.articles()] == ["New", "Old", "Undated"]
        assert store.record_error("bad.html", "E102", "binary") is True
        assert store.record_error("bad.html", "E102", "binary") is False
        assert [(e.input_id, e.code) for e in store.errors()] == [("bad.html", "E102")]


def test_facts_and_their_queries(store_target: str, analysis_factory: Factory) -> None:
    with Store.open(store_target) as store:
        save_two(store, analysis_factory)
        assert [q["speaker"] for q in store.quotes()] == ["Piet Olsen", "Lena Morgan"]
        assert [q["speaker"] for q in store.quotes(speaker="MORGAN")] == ["Lena Morgan"]
        latvia = next(a for a in store.actors() if a["name"] == "Latvia")
        assert latvia["articles"] == 2 and latvia["mentions"] == 2
        assert [e["cameo"] for e in store.events(code="04")] == ["042"]
        assert [e["date"] for e in store.events(since="2024-05-07")] == ["2024-06-01"]
        assert len(store.events(actor="EST", country="LVA")) == 2


def test_search(store_target: str, analysis_factory: Factory) -> None:
    with Store.open(store_target) as store:
        store.save(analysis_factory("Harvest forecast cut", "Farmers fear a dry spring."))
        store.save(analysis_factory("Port strike", "Dockworkers stopped work; the harvest waits."))
        hits = store.search("harvest")
        assert [h.title for h in hits] == ["Harvest forecast cut", "Port strike"]
        assert hits[0].score > hits[1].score
        assert "[harvest]" in hits[1].snippet.lower()
        assert [h.title for h in store.search("dockwork*")] == ["Port strike"]
        assert store.search("harvest nonexistentword") == []
        with pytest.raises(StoreError) as info:
            store.search("?!")
        assert info.value.code == "E502"
        with pytest.raises(StoreError) as info:
            store.search('"unbalanced AND (', raw=True)
        assert info.value.code == "E502"


def test_plain_postgresql_urls_use_the_installed_driver() -> None:
    from dateline.store import database_url

    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql+psycopg2://u@h/db") == "postgresql+psycopg2://u@h/db"


def test_duplicates_and_stories(store_target: str, analysis_factory: Factory) -> None:
    from test_dedup_stories import REWRITES, WIRE, event, record

    with Store.open(store_target) as store:
        for outlet, sentence, day in REWRITES:
            r = record(
                analysis_factory, outlet, f"{sentence}\n\n{outlet}", input_id=outlet, published=day
            )
            r.events = [event(sentence, day)]
            assert store.save(r)
        first = record(analysis_factory, "Bridge", WIRE, url="https://a.example/b?utm_source=x")
        assert store.save(first) is True
        assert (
            store.save(record(analysis_factory, "Bridge", WIRE, url="https://a.example/b/"))
            is False
        )
        [story] = store.stories()
        assert (story["num_articles"], story["num_sources"]) == (3, 3)
        # one story's articles and the story of each of their events, then the comparison
        found = store.story(story["id"])
        assert found is not None and len(found["articles"]) == 3
        assert {sid for _, _, sid in found["events"]} == {story["id"]}
        assert store.story(story["id"] + 1000) is None
        comparison = compare_story(store, story["id"])
        assert len(comparison.outlets) == 3 and [len(g.articles) for g in comparison.events] == [3]
