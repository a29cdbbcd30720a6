"""The store: migrations, idempotent saves, URLs, errors, full-text search."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import StoreError
from dateline.model import Analysis, ErrorInfo
from dateline.pipeline import analyze_all
from dateline.sources import iter_documents
from dateline.store import MIGRATIONS, SCHEMA_VERSION, Store, fts_query

Factory = Callable[..., Analysis]

GRID = (
    "Leaders of six Western Balkan countries agreed on Tuesday to connect their electricity "
    "grids by 2028.\n\nThe plan foresees a joint operator based in Podgorica."
)
STRIKE = (
    "Dockworkers at Romania's largest port walked out on Wednesday over pay and safety.\n\n"
    "Traders said the stoppage could delay grain bound for Egypt, and the grid of berths "
    "was full."
)
HARVEST = (
    "The agriculture ministry lowered its wheat harvest forecast after a dry spring.\n\n"
    "Farmers asked for emergency credit lines."
)


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


def test_open_creates_schema_and_records_migrations(db: Path) -> None:
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        applied = store.migrations()
    assert [(m["id"], m["name"]) for m in applied] == [(m.id, m.name) for m in MIGRATIONS]
    assert all(m["applied_at"].endswith("+00:00") for m in applied)
    tables = {name for (name,) in rows(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"migrations", "articles", "urls", "errors", "articles_fts"} <= tables


def test_reopening_applies_nothing_again(db: Path) -> None:
    Store.open(db).close()
    before = rows(db, "SELECT * FROM migrations")
    Store.open(db).close()
    assert rows(db, "SELECT * FROM migrations") == before


def test_newer_database_is_refused(db: Path) -> None:
    Store.open(db).close()
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)",
            (SCHEMA_VERSION + 1, "from the future", "2099-01-01T00:00:00+00:00"),
        )
    with pytest.raises(StoreError) as caught:
        Store.open(db)
    assert caught.value.code == "E501"
    assert "upgrade dateline" in caught.value.message


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert caught.value.code == "E500"


def test_missing_database_with_create_false(db: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store.open(db, create=False)
    assert not db.exists()


def test_save_is_idempotent(db: Path, analysis_factory: Factory) -> None:
    record = analysis_factory("Grid link pledged", GRID, url="https://aw.example/grid")
    with Store.open(db) as store:
        assert store.save(record) is True
        first = rows(db, "SELECT * FROM articles")
        assert store.save(record) is False
        assert store.count() == 1
    assert rows(db, "SELECT * FROM articles") == first
    assert rows(db, "SELECT url FROM urls") == [("https://aw.example/grid",)]


def test_sqlite_store_writes_ahead_and_readers_do_not_wait(
    db: Path, analysis_factory: Factory
) -> None:
    """The file is in WAL mode, so a reader sees the last commit while a writer holds its
    lock (a rollback journal makes readers wait on the committing writer)."""
    with Store.open(db) as store:
        store.save(analysis_factory("Grid link pledged", GRID, url="https://aw.example/grid"))
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    writer = sqlite3.connect(db, isolation_level=None, timeout=0)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("DELETE FROM urls")
        reader = sqlite3.connect(db, timeout=0)
        try:
            assert reader.execute("SELECT url FROM urls").fetchall() == [
                ("https://aw.example/grid",)
            ]
        finally:
            reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_same_article_at_a_new_url_adds_the_url(db: Path, analysis_factory: Factory) -> None:
    record = analysis_factory("Grid link pledged", GRID, url="https://aw.example/grid")
    again = analysis_factory("Grid link pledged", GRID, url="https://m.aw.example/grid")
    with Store.open(db) as store:
        store.save(record)
        assert store.save(again) is False
        assert store.count() == 1
        assert store.urls(record.id) == ["https://aw.example/grid", "https://m.aw.example/grid"]


def test_get_round_trips_the_record(db: Path, analysis_factory: Factory) -> None:
    record = analysis_factory("Grid link pledged", GRID, published="2024-03-05")
    with Store.open(db) as store:
        store.save(record)
        assert store.get(record.id) == record
        assert store.get("0" * 32) is None


def test_get_keeps_the_record_warnings(db: Path, analysis_factory: Factory) -> None:
    # `get`, the JSON Lines export and the API read records back through Store.get: a
    # record analyzed only in part must still say so after the round trip
    record = analysis_factory("Hafen wieder offen", "Der Hafen ist seit Montag wieder offen.")
    record.warnings = ["the article is in 'de'; entities, quotes and events are only found"]
    with Store.open(db) as store:
        store.save(record)
        stored = store.get(record.id)
    assert stored is not None and stored.warnings == record.warnings
    assert stored == record


def test_articles_listing(db: Path, analysis_factory: Factory) -> None:
    with Store.open(db) as store:
        store.save(analysis_factory("Old", HARVEST, published="2023-07-01"))
        store.save(analysis_factory("Undated", STRIKE))
        store.save(analysis_factory("New", GRID, published="2024-03-05T09:30:00+01:00"))
        listed = store.articles()
        assert [a.title for a in listed] == ["New", "Old", "Undated"]
        assert listed[0].authors == ["Mira Kola"]
        assert listed[0].topics == ["Energy"]
        assert [a.title for a in store.articles(limit=1, offset=1)] == ["Old"]


def test_ingest_counts_and_errors(db: Path, analysis_factory: Factory) -> None:
    good = analysis_factory("Grid link pledged", GRID)
    bad = Analysis(id="f" * 32, input_id="broken.html", error=ErrorInfo("E201", "no text"))
    with Store.open(db) as store:
        counts = store.ingest([good, bad])
        assert (counts.inserted, counts.skipped, counts.failed) == (1, 0, 1)
        counts = store.ingest([good, bad])
        assert (counts.inserted, counts.skipped, counts.failed) == (0, 1, 1)
        assert [(e.input_id, e.code) for e in store.errors()] == [("broken.html", "E201")]


def test_reingesting_files_changes_nothing(db: Path, corpus: Path) -> None:
    with Store.open(db) as store:
        first = store.ingest(analyze_all(iter_documents([corpus])))
        snapshot = rows(db, "SELECT * FROM articles ORDER BY id")
        second = store.ingest(analyze_all(iter_documents([corpus])))
    assert (first.inserted, first.skipped, first.failed) == (3, 0, 0)
    assert (second.inserted, second.skipped, second.failed) == (0, 3, 0)
    assert rows(db, "SELECT * FROM articles ORDER BY id") == snapshot


def test_failed_save_leaves_no_half_article(
    db: Path, analysis_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = analysis_factory("Grid link pledged", GRID, url="https://aw.example/grid")
    with Store.open(db) as store:
        # Break the second statement of the transaction (the URL row) after the article row.
        with sqlite3.connect(db) as connection:
            connection.execute("DROP INDEX urls_url")
            connection.execute("ALTER TABLE urls RENAME TO urls_gone")
        with pytest.raises(StoreError):
            store.save(record)
        assert store.count() == 0
        with sqlite3.connect(db) as connection:
            connection.execute("ALTER TABLE urls_gone RENAME TO urls")
        assert store.search("Podgorica") == []
        assert store.save(record) is True


# -- full-text search ---------------------------------------------------------------------


@pytest.fixture
def searchable(db: Path, analysis_factory: Factory) -> Store:
    store = Store.open(db)
    store.save(analysis_factory("Balkan grid link pledged at summit", GRID))
    store.save(analysis_factory("Port strike halts grain exports", STRIKE))
    store.save(analysis_factory("Harvest forecast cut", HARVEST))
    return store


def test_search_ranks_title_matches_first(searchable: Store) -> None:
    with searchable as store:
        hits = store.search("grid")
    assert [h.title for h in hits] == [
        "Balkan grid link pledged at summit",
        "Port strike halts grain exports",
    ]
    assert hits[0].score > hits[1].score


def test_search_snippet_highlights(searchable: Store) -> None:
    with searchable as store:
        [hit] = store.search("Podgorica", highlight=("<b>", "</b>"))
    assert "<b>Podgorica</b>" in hit.snippet


def test_search_every_word_must_match_and_prefix(searchable: Store) -> None:
    with searchable as store:
        assert [h.title for h in store.search("grain Egypt")] == ["Port strike halts grain exports"]
        assert store.search("grain Podgorica") == []
        assert [h.title for h in store.search("harv*")] == ["Harvest forecast cut"]
        assert [h.title for h in store.search('"joint operator"')] == [
            "Balkan grid link pledged at summit"
        ]


@pytest.mark.parametrize(
    "query",
    [
        'grid"',
        "grid AND",
        "(grid",
        "title:grid",
        "grid OR NOT",
        "NEAR(grid",
        "grid -*",
        "^grid",
        "Romania's",
        "a:b:c {x} [y]",
    ],
)
def test_search_with_fts_syntax_characters_does_not_fail(searchable: Store, query: str) -> None:
    with searchable as store:
        store.search(query)  # no exception: the words are searched for literally


def test_search_without_words_is_a_clear_error(searchable: Store) -> None:
    with searchable as store, pytest.raises(StoreError) as caught:
        store.search(' " * - ')
    assert caught.value.code == "E502"


def test_raw_search_syntax_error_is_a_store_error(searchable: Store) -> None:
    with searchable as store:
        assert [h.title for h in store.search("grid NOT Podgorica", raw=True)] == [
            "Port strike halts grain exports"
        ]
        with pytest.raises(StoreError) as caught:
            store.search("grid AND (", raw=True)
    assert caught.value.code == "E502"


def test_fts_query_quoting() -> None:
    assert fts_query('grid "joint operator" harv*') == '"grid" "joint operator" "harv"*'
    assert fts_query('say "hi') == '"say" """hi"'


def test_public_api() -> None:
    import dateline.store

    assert set(dateline.store.__all__) == {
        "MIGRATIONS",
        "SCHEMA_VERSION",
        "ArticleRow",
        "ErrorRow",
        "IngestCounts",
        "SearchHit",
        "Store",
        "database_url",
        "fts_query",
    }
    assert {name for name in dir(Store) if not name.startswith("_")} == {
        "actors",
        "add_url",
        "articles",
        "close",
        "count",
        "errors",
        "events",
        "find",
        "get",
        "has",
        "ingest",
        "migrations",
        "open",
        "quotes",
        "record_error",
        "save",
        "schema_version",
        "search",
        "stories",
        "story",
        "urls",
    }
