"""The tables as they are at the newest schema version (what queries are written against).

``migrations.py`` is what creates and changes them; each migration carries its own copy of
the DDL it ran, so changing a table here means adding a migration, never editing an old one.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from dateline.store.dedup import BANDS
from dateline.store.facts import fact_tables
from dateline.store.stories import stories_table
from dateline.store.watch_tables import watch_tables

metadata = MetaData()

#: One row per migration applied to this database.
migrations = Table(
    "migrations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

#: One row per distinct article; ``id`` is the content hash of the input document.
articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    # A stable integer key for the full-text index (SQLite FTS5 rows are integers, and the
    # implicit rowid of a table without an INTEGER PRIMARY KEY may change on VACUUM).
    Column("seq", Integer, nullable=False, unique=True),
    Column("input_id", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("published", String(40)),
    Column("language", String(16)),
    Column("dateline", Text),
    Column("section", Text),
    Column("topics", JSON, nullable=False),
    Column("lead", Text),
    Column("body", Text, nullable=False),
    Column("record", JSON, nullable=False),  # the full analysis record, so nothing is lost
    Column("ingested_at", String(40), nullable=False),
    # version 5: the normalised URL and the body's SimHash in four indexed bands (dedup.py)
    Column("canonical_url", Text),
    Column("simhash", BigInteger),
    *(Column(f"band{n}", Integer) for n in range(BANDS)),
    Index("articles_published", "published"),
)

#: Every URL an article has been seen at.
urls = Table(
    "urls",
    metadata,
    Column(
        "article_id",
        String(64),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("url", Text, primary_key=True),
    Index("urls_url", "url"),
)

#: Inputs that failed, once per distinct (input, code, message).
errors = Table(
    "errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("input_id", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("at", String(40), nullable=False),
    UniqueConstraint("input_id", "code", "message", name="errors_once"),
)

# One row per entity, quote and event of each stored record: facts.COLUMNS, the one definition
# the exports and the Spark tables share (version 3's tables with version 8's columns; a later
# change to them is a new migration and a new definition in facts.py).
entities, quotes, events = fact_tables(metadata)
# version 5: each event's story (stories.py)
events.append_column(Column("story_id", Integer))
stories = stories_table(metadata)
# version 6: what `dateline watch` remembers (watch.py)
watch_sources, watch_items, watch_cycles = watch_tables(metadata)
# version 7: the hash of a source's last answer, for servers that send no validators
watch_sources.append_column(Column("digest", String(64)))
