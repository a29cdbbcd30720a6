"""The facts tables: entities, quotes and events of stored records, their queries and CLI."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.model import Analysis
from dateline.store import SCHEMA_VERSION, Store, migrations

Factory = Callable[..., Analysis]

BODY = (
    "Harbour minister Lena Morgan visited the port of Valport on Monday.\n\n"
    '"The strike is over," Morgan said.'
)


def actor(name: str, country: str, code: str) -> dict[str, Any]:
    return {"name": name, "text": name, "country": country, "sector": "GOV", "code": code}


def enrich(record: Analysis, *, published: str, speaker: str, cameo: str) -> Analysis:
    record.entities = [
        {
            "id": "e1",
            "name": speaker,
            "type": "PERSON",
            "role": "Minister",
            "country": "EST",
            "sector": "GOV",
            "code": "ESTGOV",
            "aliases": [speaker.split()[-1]],
            "mentions": [{"text": speaker, "start": 17, "end": 28}, {"text": "M", "start": 0}],
        },
        {
            "id": "e2",
            "name": "Latvia",
            "type": "GPE",
            "role": None,
            "country": "LVA",
            "sector": None,
            "code": "LVA",
            "aliases": [],
            "mentions": [{"text": "Latvia", "start": 0, "end": 6}],
        },
    ]
    record.quotes = [
        {
            "text": "The strike is over,",
            "kind": "direct",
            "speaker": {"name": speaker, "entity": "e1", "text": speaker.split()[-1]},
            "cue": "said",
            "sentence": '"The strike is over," Morgan said.',
            "start": 70,
            "end": 89,
        }
    ]
    record.events = [
        {
            "cameo": cameo,
            "cameo_root": cameo[:2],
            "plover": "CONSULT",
            "plover_mode": "visit",
            "quad_class": 1,
            "goldstein": 1.9,
            "source": actor(speaker, "EST", "ESTGOV"),
            "target": actor("Latvia", "LVA", "LVA"),
            "date": published,
            "location": {"name": "Valport", "country": "LVA", "lat": 56.9, "lon": 24.1},
            "sentence": "Harbour minister Lena Morgan visited the port of Valport on Monday.",
            "start": 0,
            "end": 66,
            "confidence": 0.8,
            "rule": "curated:visit",
        }
    ]
    assert record.article is not None
    record.article.published = published
    return record


def save_two(store: Store, analysis_factory: Factory) -> None:
    """Two articles with facts: Lena Morgan (042, 2024-05-06), Piet Olsen (036, 2024-06-01)."""
    store.save(
        enrich(
            analysis_factory("Port", BODY),
            published="2024-05-06",
            speaker="Lena Morgan",
            cameo="042",
        )
    )
    store.save(
        enrich(
            analysis_factory("Talks", BODY + "\n\nMore."),
            published="2024-06-01",
            speaker="Piet Olsen",
            cameo="036",
        )
    )


@pytest.fixture
def stored(tmp_path: Path, analysis_factory: Factory) -> Path:
    db = tmp_path / "facts.db"
    with Store.open(db) as store:
        save_two(store, analysis_factory)
    return db


def test_saving_a_record_fills_the_fact_tables_once(
    stored: Path, analysis_factory: Factory
) -> None:
    with sqlite3.connect(stored) as connection:
        counts = [
            connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("entities", "quotes", "events")
        ]
    assert counts == [4, 2, 2]
    with Store.open(stored) as store:  # the same record again changes nothing
        again = enrich(
            analysis_factory("Port", BODY),
            published="2024-05-06",
            speaker="Lena Morgan",
            cameo="042",
        )
        assert store.save(again) is False
        assert len(store.quotes()) == 2


def test_quote_queries(stored: Path) -> None:
    with Store.open(stored) as store:
        everyone = store.quotes()
        assert [q["speaker"] for q in everyone] == ["Piet Olsen", "Lena Morgan"]  # newest first
        only = store.quotes(speaker="morgan")
        assert len(only) == 1 and only[0]["speaker_text"] == "Morgan"
        assert only[0]["in_caption"] is False and only[0]["title"] == "Port"


def test_actor_queries_aggregate_over_articles(stored: Path) -> None:
    with Store.open(stored) as store:
        rows = store.actors()
        latvia = next(r for r in rows if r["name"] == "Latvia")
        assert latvia["articles"] == 2 and latvia["mentions"] == 2 and latvia["code"] == "LVA"
        assert rows[0]["name"] == "Latvia"  # named in most articles
        assert [r["name"] for r in store.actors(country="est", kind="person")] == [
            "Lena Morgan",
            "Piet Olsen",
        ]


def test_event_filters(stored: Path) -> None:
    with Store.open(stored) as store:
        assert len(store.events()) == 2
        assert [e["cameo"] for e in store.events(code="04")] == ["042"]
        assert len(store.events(actor="EST")) == 2 and len(store.events(actor="ESTMIL")) == 0
        assert len(store.events(country="lva")) == 2
        assert [e["date"] for e in store.events(since="2024-05-07")] == ["2024-06-01"]
        assert [e["date"] for e in store.events(until="2024-05-06")] == ["2024-05-06"]
        assert store.events(plover="consult")[0]["location_name"] == "Valport"


def test_migration_three_fills_facts_from_records_stored_before_it(
    tmp_path: Path, analysis_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "old.db"
    record = enrich(
        analysis_factory("Port", BODY), published="2024-05-06", speaker="Lena Morgan", cameo="042"
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    with Store.open(db) as store:
        # a version-2 database: only the article row is written
        store.engine.dispose()
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO articles (id, seq, input_id, authors, topics, body, record, ingested_at)"
            " VALUES (?, 1, 'old', '[]', '[]', ?, ?, '2024-01-01')",
            (record.id, BODY, json.dumps(record.to_dict())),
        )
    monkeypatch.undo()
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [q["speaker"] for q in store.quotes()] == ["Lena Morgan"]
        assert store.events()[0]["source_code"] == "ESTGOV"


def test_cli_quotes_actors_events(stored: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["quotes", "--db", str(stored), "--speaker", "Olsen", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert [q["speaker"] for q in json.loads(result.output)] == ["Piet Olsen"]
    result = runner.invoke(cli, ["actors", "--db", str(stored)])
    assert result.exit_code == 0 and "Latvia" in result.output and "ESTGOV" in result.output
    result = runner.invoke(
        cli, ["events", "--db", str(stored), "--code", "036", "--format", "jsonl"]
    )
    assert result.exit_code == 0
    assert [json.loads(line)["source_name"] for line in result.output.splitlines()] == [
        "Piet Olsen"
    ]
    result = runner.invoke(cli, ["events", "--db", str(stored), "--since", "not a date"])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["quotes", "--db", str(stored.parent / "missing.db")])
    assert result.exit_code == 1 and "E500" in result.output
