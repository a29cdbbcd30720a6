"""Schema migrations, applied in order when a Store opens and recorded in ``migrations``.

Each migration runs in its own transaction together with the row that records it, so a
database is always at a whole version. A database that records a migration this code does
not know was written by a newer dateline: opening it is refused (E501) rather than risk
writing rows the newer schema does not expect.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    insert,
    select,
    update,
)

from dateline.errors import StoreError
from dateline.store import schema
from dateline.store.dedup import fingerprint
from dateline.store.facts import (
    FACT_TABLES,
    entity_rows,
    event_rows,
    fact_tables,
    insert_facts,
    quote_rows,
    sql_row,
)
from dateline.store.fts import FTS_DDL
from dateline.store.pgsearch import INDEX_DDL as PG_INDEX_DDL
from dateline.store.stories import assign as assign_stories
from dateline.store.stories import stories_table
from dateline.store.watch_tables import watch_tables


@dataclass(slots=True, frozen=True)
class Migration:
    id: int
    name: str
    apply: Callable[[Connection], None]


def _v1_tables(connection: Connection) -> None:
    # The DDL as it was at version 1; later changes go in new migrations, not here.
    md = MetaData()
    Table(
        "articles",
        md,
        Column("id", String(64), primary_key=True),
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
        Column("record", JSON, nullable=False),
        Column("ingested_at", String(40), nullable=False),
        Index("articles_published", "published"),
    )
    Table(
        "urls",
        md,
        Column(
            "article_id",
            String(64),
            ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("url", Text, primary_key=True),
        Index("urls_url", "url"),
    )
    Table(
        "errors",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("input_id", Text, nullable=False),
        Column("code", String(8), nullable=False),
        Column("message", Text, nullable=False),
        Column("at", String(40), nullable=False),
        UniqueConstraint("input_id", "code", "message", name="errors_once"),
    )
    md.create_all(connection)


def _v2_fts(connection: Connection) -> None:
    # Full-text search is SQLite FTS5 for now; other back-ends add their own index later.
    if connection.dialect.name != "sqlite":
        return
    for statement in FTS_DDL:
        connection.exec_driver_sql(statement)


def _v3_article_key() -> Column[str]:
    return Column(
        "article_id",
        String(64),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    )


def _v3_actor_columns(side: str) -> list[Column[Any]]:
    return [
        Column(f"{side}_name", Text),
        Column(f"{side}_country", String(3)),
        Column(f"{side}_sector", String(8)),
        Column(f"{side}_code", String(32)),
    ]


def _v3_fact_tables(md: MetaData) -> tuple[Table, Table, Table]:
    # The facts tables as they were at version 3; version 8 added columns (below).
    entities = Table(
        "entities",
        md,
        _v3_article_key(),
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
        _v3_article_key(),
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
        _v3_article_key(),
        Column("n", Integer, primary_key=True, autoincrement=False),
        Column("cameo", String(8), nullable=False),
        Column("cameo_root", String(2), nullable=False),
        Column("plover", String(32)),
        Column("plover_mode", Text),
        Column("quad_class", Integer),
        Column("goldstein", Float),
        *_v3_actor_columns("source"),
        *_v3_actor_columns("target"),
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


def _v3_facts(connection: Connection) -> None:
    # Entities, quotes and events get tables of their own, filled from the stored records.
    md = MetaData()
    articles = Table("articles", md, Column("id", String(64)), Column("record", JSON))
    tables = _v3_fact_tables(md)
    for table in tables:
        table.create(connection)
    for article_id, record in connection.execute(select(articles.c.id, articles.c.record)):
        data = record if isinstance(record, dict) else json.loads(record)
        insert_facts(connection, tables, article_id, data)


def _v4_pg_fts(connection: Connection) -> None:
    # SQLite has had its FTS5 index since version 2; PostgreSQL gets an expression GIN index.
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(PG_INDEX_DDL)


_V5_DDL = (
    "ALTER TABLE articles ADD COLUMN canonical_url TEXT",
    "ALTER TABLE articles ADD COLUMN simhash BIGINT",
    *(f"ALTER TABLE articles ADD COLUMN band{n} INTEGER" for n in range(4)),
    "ALTER TABLE events ADD COLUMN story_id INTEGER",
    "CREATE INDEX articles_canonical_url ON articles (canonical_url)",
    *(f"CREATE INDEX articles_band{n} ON articles (band{n})" for n in range(4)),
    "CREATE INDEX events_story_id ON events (story_id)",
)


def _v5_dedup_and_stories(connection: Connection) -> None:
    # Near-duplicate articles and stories across articles; existing rows are filled in, in
    # the order they were stored, as if they had been ingested with this version.
    for statement in _V5_DDL:
        connection.exec_driver_sql(statement)
    md = MetaData()
    stories = stories_table(md)
    stories.create(connection)
    articles = Table(
        "articles",
        md,
        Column("id", String(64)),
        Column("seq", Integer),
        Column("url", Text),
        Column("published", String(40)),
        Column("body", Text),
        Column("canonical_url", Text),
        Column("simhash", BigInteger),
        *(Column(f"band{n}", Integer) for n in range(4)),
    )
    events = _v3_fact_tables(md)[2]
    events.append_column(Column("story_id", Integer))
    rows = connection.execute(
        select(articles.c.id, articles.c.url, articles.c.published, articles.c.body).order_by(
            articles.c.seq
        )
    ).all()
    for row in rows:
        connection.execute(
            update(articles).where(articles.c.id == row.id).values(**fingerprint(row.url, row.body))
        )
        assign_stories(connection, events, stories, row.id, row.published)


def _v6_watch(connection: Connection) -> None:
    # What `dateline watch` remembers across restarts: sources, items seen, cycles.
    for table in watch_tables(MetaData()):
        table.create(connection)


def _v7_watch_digest(connection: Connection) -> None:
    # An answer the same as last time is not parsed again, whatever the server's headers.
    connection.exec_driver_sql("ALTER TABLE watch_sources ADD COLUMN digest VARCHAR(64)")


#: The columns version 8 added so that the store's facts tables, the exports and the Spark
#: tables have one definition (``facts.COLUMNS``), with their SQL types as they were added.
_V8_COLUMNS: dict[str, tuple[tuple[str, Any], ...]] = {
    "entities": (("aliases", JSON()), ("first_start", Integer()), ("kb", Text())),
    "quotes": (("sentence_id", Integer()),),
    "events": (
        *(("event_id", Text()), ("gdelt_id", BigInteger()), ("event_date", Text())),
        *(("modality", Text()), ("tone", Float()), ("source_text", Text())),
        *(("target_text", Text()), ("sentence_id", Integer()), ("url", Text())),
    ),
}
#: Each facts table's key, to fill the new columns of existing rows.
_V8_KEYS = {
    "entities": ("article_id", "entity_id"),
    "quotes": ("article_id", "n"),
    "events": ("article_id", "n"),
}


def _v8_one_facts(connection: Connection) -> None:
    # The facts tables gain the columns the exports and the Spark tables had on their own;
    # existing rows get them from their stored records.
    for table_name, added in _V8_COLUMNS.items():
        for name, kind in added:
            ddl = kind.compile(dialect=connection.dialect)
            connection.exec_driver_sql(f'ALTER TABLE {table_name} ADD COLUMN "{name}" {ddl}')
    md = MetaData()
    articles = Table("articles", md, Column("id", String(64)), Column("record", JSON))
    current = dict(zip(FACT_TABLES, fact_tables(md), strict=True))
    builders = {"entities": entity_rows, "quotes": quote_rows, "events": event_rows}
    for article_id, record in connection.execute(select(articles.c.id, articles.c.record)):
        data = record if isinstance(record, dict) else json.loads(record)
        for name, columns in _V8_COLUMNS.items():
            keys = _V8_KEYS[name]
            table = current[name]
            rows = [sql_row(table, row) for row in builders[name](article_id, data)]
            if not rows:
                continue
            statement = (
                update(table)
                .where(*(table.c[k] == bindparam(f"key_{k}") for k in keys))
                .values({n: bindparam(n) for n, _ in columns})
            )
            connection.execute(
                statement,
                [
                    {**{f"key_{k}": r[k] for k in keys}, **{n: r[n] for n, _ in columns}}
                    for r in rows
                ],
            )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, urls and errors", _v1_tables),
    Migration(2, "full-text index over article titles and bodies", _v2_fts),
    Migration(3, "entities, quotes and events of each article", _v3_facts),
    Migration(4, "full-text index over article titles and bodies on PostgreSQL", _v4_pg_fts),
    Migration(5, "near-duplicate articles and stories across articles", _v5_dedup_and_stories),
    Migration(6, "what dateline watch has seen: sources, items and cycles", _v6_watch),
    Migration(7, "the hash of each watched source's last answer", _v7_watch_digest),
    Migration(8, "one definition of the facts tables and their exports", _v8_one_facts),
)

#: The schema version this code writes: the id of its newest migration.
SCHEMA_VERSION = MIGRATIONS[-1].id


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _applied(connection: Connection) -> set[int]:
    return set(connection.execute(select(schema.migrations.c.id)).scalars())


def _check_not_newer(applied: set[int], where: str) -> None:
    unknown = applied - {m.id for m in MIGRATIONS}
    if unknown:
        raise StoreError(
            f"the database {where} is at schema version {max(unknown)}, newer than this "
            f"version of dateline understands ({SCHEMA_VERSION}); upgrade dateline "
            "(pip install -U dateline) to open it",
            code="E501",
        )


def migrate(engine: Engine, where: str) -> list[int]:
    """Bring the database up to SCHEMA_VERSION; return the ids of the migrations applied."""
    with engine.connect() as connection:
        connection.execution_options(immediate=True)
        with connection.begin():
            schema.migrations.create(connection, checkfirst=True)
            applied = _applied(connection)
    _check_not_newer(applied, where)
    done: list[int] = []
    for migration in MIGRATIONS:
        if migration.id in applied:
            continue
        with engine.connect() as connection:
            connection.execution_options(immediate=True)
            with connection.begin():
                # Another process may have migrated since we looked: look again, locked.
                now_applied = _applied(connection)
                _check_not_newer(now_applied, where)
                if migration.id in now_applied:
                    continue
                migration.apply(connection)
                connection.execute(
                    insert(schema.migrations).values(
                        id=migration.id, name=migration.name, applied_at=now()
                    )
                )
                done.append(migration.id)
    return done
