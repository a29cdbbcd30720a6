"""The tables ``dateline watch`` keeps its state in (schema version 6; see ``store.watch``)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text


def watch_tables(md: MetaData) -> tuple[Table, Table, Table]:
    """The watch_sources, watch_items and watch_cycles tables (schema version 6)."""
    sources = Table(
        "watch_sources",
        md,
        Column("url", Text, primary_key=True),
        Column("kind", String(16)),  # feed, sitemap, list or page, once known
        Column("etag", Text),
        Column("last_modified", Text),
        Column("checked_at", String(40)),
        Column("changed_at", String(40)),
        Column("failures", Integer, nullable=False),
        Column("retry_at", String(40)),
        Column("last_error", Text),
    )
    items = Table(
        "watch_items",
        md,
        Column("key", Text, primary_key=True),  # the article URL, else <feed>#<entry id>
        Column("source", Text, nullable=False),
        Column("article_id", String(64)),
        Column("status", String(16), nullable=False),  # stored or failed
        Column("code", String(8)),
        Column("attempts", Integer, nullable=False),
        Column("seen_at", String(40), nullable=False),
    )
    cycles = Table(
        "watch_cycles",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("started_at", String(40), nullable=False),
        Column("finished_at", String(40), nullable=False),
        Column("sources", Integer, nullable=False),
        Column("not_modified", Integer, nullable=False),
        Column("new_articles", Integer, nullable=False),
        Column("events", Integer, nullable=False),
        Column("failures", Integer, nullable=False),
        Column("stopped", Integer, nullable=False),
    )
    return sources, items, cycles
