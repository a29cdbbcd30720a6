"""The facts tables: one row per entity, quote and event of each stored analysis record.

The record (``articles.record``) stays the source of truth; these tables are its queryable
index, written in the same transaction as the article and filled from existing records by
the migration that creates them. ``fact_tables`` is the DDL of schema version 3.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
)

from dateline.model import Analysis


def _article_key() -> Column[str]:
    return Column(
        "article_id",
        String(64),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    )


def _actor_columns(side: str) -> list[Column[Any]]:
    return [
        Column(f"{side}_name", Text),
        Column(f"{side}_country", String(3)),
        Column(f"{side}_sector", String(8)),
        Column(f"{side}_code", String(32)),
    ]


def fact_tables(md: MetaData) -> tuple[Table, Table, Table]:
    """The entities, quotes and events tables (schema version 3) on ``md``."""
    entities = Table(
        "entities",
        md,
        _article_key(),
        Column("entity_id", String(32), primary_key=True),
        Column("name", Text, nullable=False),
        Column("type", String(32)),
        Column("role", Text),
        Column("country", String(3)),
        Column("sector", String(8)),
        Column("code", String(32)),
        Column("mentions", Integer, nullable=False),
        Column("author", Integer, nullable=False),
        Column("caption_only", Integer, nullable=False),
        Index("entities_name", "name"),
        Index("entities_country", "country"),
    )
    quotes = Table(
        "quotes",
        md,
        _article_key(),
        Column("n", Integer, primary_key=True, autoincrement=False),
        Column("text", Text, nullable=False),
        Column("kind", String(16), nullable=False),
        Column("speaker", Text),
        Column("speaker_entity", String(32)),
        Column("speaker_text", Text),
        Column("cue", Text),
        Column("sentence", Text),
        Column("start", Integer),
        Column("end", Integer),
        Column("in_caption", Integer, nullable=False),
        Index("quotes_speaker", "speaker"),
    )
    events = Table(
        "events",
        md,
        _article_key(),
        Column("n", Integer, primary_key=True, autoincrement=False),
        Column("cameo", String(8), nullable=False),
        Column("cameo_root", String(2), nullable=False),
        Column("plover", String(32)),
        Column("plover_mode", Text),
        Column("quad_class", Integer),
        Column("goldstein", Float),
        *_actor_columns("source"),
        *_actor_columns("target"),
        Column("date", String(40)),
        Column("location_name", Text),
        Column("location_country", String(3)),
        Column("lat", Float),
        Column("lon", Float),
        Column("sentence", Text, nullable=False),
        Column("start", Integer),
        Column("end", Integer),
        Column("confidence", Float),
        Column("rule", Text),
        Index("events_date", "date"),
        Index("events_cameo", "cameo"),
        Index("events_source_code", "source_code"),
        Index("events_target_code", "target_code"),
    )
    return entities, quotes, events


def _actor(side: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {f"{side}_{key}": actor.get(key) for key in ("name", "country", "sector", "code")}


def entity_rows(article_id: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "entity_id": str(e.get("id") or f"e{n + 1}"),
            "name": e.get("name") or "",
            "type": e.get("type"),
            "role": e.get("role"),
            "country": e.get("country"),
            "sector": e.get("sector"),
            "code": e.get("code"),
            "mentions": len(e.get("mentions") or []),
            "author": int(bool(e.get("author"))),
            "caption_only": int(bool(e.get("caption_only"))),
        }
        for n, e in enumerate(record.get("entities") or [])
    ]


def quote_rows(article_id: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for n, q in enumerate(record.get("quotes") or []):
        speaker = q.get("speaker") or {}
        rows.append(
            {
                "article_id": article_id,
                "n": n,
                "text": q.get("text") or "",
                "kind": q.get("kind") or "direct",
                "speaker": speaker.get("name"),
                "speaker_entity": speaker.get("entity"),
                "speaker_text": speaker.get("text"),
                "cue": q.get("cue"),
                "sentence": q.get("sentence"),
                "start": q.get("start"),
                "end": q.get("end"),
                "in_caption": int(bool(q.get("in_caption"))),
            }
        )
    return rows


def event_rows(article_id: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for n, e in enumerate(record.get("events") or []):
        place = e.get("location") or {}
        rows.append(
            {
                "article_id": article_id,
                "n": n,
                "cameo": e.get("cameo") or "",
                "cameo_root": e.get("cameo_root") or "",
                "plover": e.get("plover"),
                "plover_mode": e.get("plover_mode"),
                "quad_class": e.get("quad_class"),
                "goldstein": e.get("goldstein"),
                **_actor("source", e.get("source")),
                **_actor("target", e.get("target")),
                "date": e.get("date"),
                "location_name": place.get("name"),
                "location_country": place.get("country"),
                "lat": place.get("lat"),
                "lon": place.get("lon"),
                "sentence": e.get("sentence") or "",
                "start": e.get("start"),
                "end": e.get("end"),
                "confidence": e.get("confidence"),
                "rule": e.get("rule"),
            }
        )
    return rows


def insert_facts(
    connection: Connection,
    tables: tuple[Table, Table, Table],
    article_id: str,
    record: dict[str, Any] | Analysis,
) -> None:
    """Write the facts of one record (the caller holds the transaction)."""
    data = record.to_dict() if isinstance(record, Analysis) else record
    entities, quotes, events = tables
    for table, rows in (
        (entities, entity_rows(article_id, data)),
        (quotes, quote_rows(article_id, data)),
        (events, event_rows(article_id, data)),
    ):
        if rows:
            connection.execute(insert(table), rows)
