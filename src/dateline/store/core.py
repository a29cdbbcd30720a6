"""``Store``: the one interface to the database (SQLite by default).

Nothing else in dateline talks to a database. Every write is one short transaction per
document, so an interrupted ingest never leaves half an article; content-hash ids make
re-ingest idempotent (the same article again inserts nothing and changes no timestamp).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from dateline.errors import StoreError
from dateline.model import Analysis, Article, ErrorInfo, arrival_urls
from dateline.store import pgsearch, queries, schema
from dateline.store.dedup import fingerprint, normalize_url
from dateline.store.facts import insert_facts
from dateline.store.fts import sqlite_search
from dateline.store.migrations import SCHEMA_VERSION, migrate, now
from dateline.store.rows import ArticleRow, ErrorRow, IngestCounts, Mark, SearchHit
from dateline.store.stories import assign as assign_stories
from dateline.store.stories import members as story_members
from dateline.store.stories import query as query_stories
from dateline.store.twins import twin_of

FACT_TABLES = (schema.entities, schema.quotes, schema.events)


def database_url(target: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for ``target``: a URL as is, or a file path as a SQLite URL."""
    raw = os.fspath(target)
    if "://" in raw:
        # a bare postgresql:// (or Heroku-style postgres://) URL means the psycopg 3 driver
        # dateline installs, not SQLAlchemy's default psycopg2
        for scheme in ("postgresql://", "postgres://"):
            if raw.startswith(scheme):
                return "postgresql+psycopg://" + raw[len(scheme) :]
        return raw
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def _sqlite_setup(engine: Engine) -> None:
    # pysqlite's own transaction handling does not BEGIN before DDL, which would let a
    # migration half-apply; take transactions over (the recipe in SQLAlchemy's docs).
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        # Write-ahead log: a commit appends to the log instead of syncing the whole
        # database (one fsync per checkpoint, not several per article), and readers (the
        # web UI, an export) never wait on a running ingest. NORMAL sync is safe in WAL:
        # a power cut may drop the last commits, never corrupt the file. See decision 18.
        # A file system without shared memory (some network mounts) keeps its old mode.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # Writers take the write lock up front, so two writers queue instead of deadlocking.
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def _errors(action: str) -> Iterator[None]:
    try:
        yield
    except StoreError:
        raise
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"database error while {action}: {detail}") from exc


def _over_a_limit(error: StoreError) -> bool:
    """Whether the database refused one row as too large (SQLSTATE 54000, e.g. a body whose
    distinct words overflow PostgreSQL's 1 MB tsvector), as opposed to a broken database."""
    cause = getattr(error.__cause__, "orig", None)
    return getattr(cause, "sqlstate", None) == "54000"


class Store:
    """An article store. Open with ``Store.open(path_or_url)``; use as a context manager."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    @classmethod
    def open(cls, target: str | os.PathLike[str], *, create: bool = True) -> Store:
        """Open (and migrate) the database at a file path or SQLAlchemy URL.

        With ``create=False`` a missing SQLite file is an error instead of a new database.
        """
        raw = os.fspath(target)
        url = database_url(raw)
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise StoreError(f"{raw!r} is not a database path or URL: {exc}") from None
        database = parsed.database if parsed.get_backend_name() == "sqlite" else None
        if database and database != ":memory:":
            path = Path(database)
            if path.is_dir():
                raise StoreError(f"{raw} is a directory; give a database file name")
            if not path.exists():
                if not create:
                    raise StoreError(
                        f"there is no database at {raw}; create one with "
                        f"`dateline ingest PATH --db {raw}`"
                    )
                if not path.parent.is_dir():
                    raise StoreError(f"the directory for {raw} does not exist; create it first")
        try:
            engine = create_engine(
                url, json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False)
            )
        except (ArgumentError, SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open the database {raw}: {exc}") from None
        if engine.dialect.name == "sqlite":
            _sqlite_setup(engine)
        store = cls(engine, raw)
        try:
            with _errors(f"opening {raw}"):
                migrate(engine, raw)
        except StoreError:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        with _errors("reading the schema version"), self.engine.connect() as connection:
            value = connection.execute(select(func.max(schema.migrations.c.id))).scalar()
        return int(value or 0)

    def migrations(self) -> list[dict[str, Any]]:
        """The migrations applied to this database, oldest first."""
        query = select(schema.migrations).order_by(schema.migrations.c.id)
        with _errors("listing migrations"), self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    # -- writing --------------------------------------------------------------------------

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        with _errors(action), self.engine.connect() as connection:
            connection.execution_options(immediate=True)
            with connection.begin():
                yield connection

    def save(self, analysis: Analysis, *, mark: Mark | None = None) -> bool:
        """Store one analysis record; return True when it was new.

        A record already stored changes nothing, except that a URL not seen for it before is
        added to its URLs. Already stored means: the same content hash, the same canonical
        URL (tracking parameters and the like removed), or a near-identical body (see
        ``dedup``). A failed record is logged in ``errors`` and gives False. ``mark`` runs in
        the same transaction (see ``Mark``).
        """
        if analysis.error is not None or analysis.article is None:
            error = analysis.error or ErrorInfo("E900", "record has neither article nor error")
            self._record_error(analysis.input_id, error.code, error.message, analysis, mark)
            return False
        try:
            return self._save(analysis, analysis.article, mark)
        except StoreError as exc:
            if not _over_a_limit(exc):
                raise
            # One document past what the database can index is that document's failure,
            # not the batch's: its transaction rolled back, so nothing of it is stored.
            analysis.error = ErrorInfo(
                "E504",
                f"the article is too large for the database ({exc.message}); split the document",
            )
            self._record_error(
                analysis.input_id, analysis.error.code, analysis.error.message, analysis, mark
            )
            return False

    def _save(self, analysis: Analysis, article: Article, mark: Mark | None) -> bool:
        with self._write(f"saving {analysis.input_id}") as connection:
            if connection.dialect.name == "postgresql":
                # seq is max + 1: concurrent writers on a server database take turns here
                connection.exec_driver_sql("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE")
            dedup = fingerprint(article.url, article.body)
            stored_as = twin_of(connection, analysis.id, article.title, article.body, dedup)
            if stored_as is None:
                stored_as = analysis.id
                self._insert(connection, analysis, article, dedup)
                new = True
            else:
                new = False
            # the URL it arrived under and the page's canonical one, in the same transaction
            # as the article: a re-run then finds nothing left to add
            arrived = arrival_urls(analysis.input_id, analysis.input_url)
            for url in dict.fromkeys(u for u in (*arrived, article.url) if u):
                _add_url(connection, stored_as, url)
            if mark is not None:
                mark(connection, analysis, stored_as)
        return new

    @staticmethod
    def _insert(
        connection: Connection, analysis: Analysis, article: Article, dedup: dict[str, Any]
    ) -> None:
        t = schema.articles
        record = analysis.to_dict()  # once: the stored record and its facts' rows
        seq = connection.execute(select(func.coalesce(func.max(t.c.seq), 0) + 1)).scalar()
        connection.execute(
            insert(t).values(
                id=analysis.id,
                seq=seq,
                input_id=analysis.input_id,
                url=article.url,
                outlet=article.outlet,
                title=article.title,
                authors=list(article.authors),
                published=article.published,
                language=article.language,
                dateline=article.dateline,
                section=article.section,
                topics=list(article.topics),
                lead=article.lead,
                body=article.body,
                record=record,
                ingested_at=now(),
                **dedup,
            )
        )
        insert_facts(connection, FACT_TABLES, analysis.id, record)
        assign_stories(connection, schema.events, schema.stories, analysis.id, article.published)

    def has(self, article_id: str) -> bool:
        """Whether an article with this content hash is stored."""
        t = schema.articles
        with _errors(f"looking up {article_id}"), self.engine.connect() as connection:
            return (
                connection.execute(select(t.c.id).where(t.c.id == article_id)).first() is not None
            )

    def add_url(self, article_id: str, url: str) -> bool:
        """Record that a stored article was also seen at ``url``; True when the URL is new."""
        with self._write(f"adding a URL to {article_id}") as connection:
            return _add_url(connection, article_id, url)

    def record_error(self, input_id: str, code: str, message: str) -> bool:
        """Log a failed input (once per distinct input, code and message)."""
        return self._record_error(input_id, code, message)

    def _record_error(
        self,
        input_id: str,
        code: str,
        message: str,
        analysis: Analysis | None = None,
        mark: Mark | None = None,
    ) -> bool:
        e = schema.errors
        with self._write(f"logging the error of {input_id}") as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("LOCK TABLE errors IN SHARE ROW EXCLUSIVE MODE")
            seen = connection.execute(
                select(e.c.id).where(
                    e.c.input_id == input_id, e.c.code == code, e.c.message == message
                )
            ).first()
            if seen is None:
                # max + 1, not a sequence (which a killed transaction would leave advanced)
                key = connection.execute(select(func.coalesce(func.max(e.c.id), 0) + 1)).scalar()
                connection.execute(
                    insert(e).values(
                        id=key, input_id=input_id, code=code, message=message, at=now()
                    )
                )
            if mark is not None and analysis is not None:
                mark(connection, analysis, None)
        return seen is None

    def ingest(
        self,
        records: Iterable[Analysis],
        on_record: Callable[[Analysis, bool], None] | None = None,
        *,
        mark: Mark | None = None,
    ) -> IngestCounts:
        """Save every record, one transaction each; count inserted, skipped and failed.

        ``on_record(record, inserted)`` is called after each one (progress, error lines);
        ``mark`` is passed to ``save``.
        """
        counts = IngestCounts()
        for record in records:
            inserted = self.save(record, mark=mark)
            if record.error is not None:
                counts.failed += 1
                counts.failures.append(record.error)
            elif inserted:
                counts.inserted += 1
            else:
                counts.skipped += 1
            if on_record is not None:
                on_record(record, inserted)
        return counts

    # -- reading --------------------------------------------------------------------------

    def count(self) -> int:
        with _errors("counting articles"), self.engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(schema.articles)).scalar() or 0
            )

    def articles(self, limit: int | None = 50, offset: int = 0) -> list[ArticleRow]:
        """Articles, newest publication date first (undated last), then in ingest order."""
        t = schema.articles
        query = (
            select(*(t.c[name] for name in ArticleRow.__slots__))
            .order_by(t.c.published.is_(None), t.c.published.desc(), t.c.seq)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with _errors("listing articles"), self.engine.connect() as connection:
            return [ArticleRow(**row._mapping) for row in connection.execute(query)]

    def get(self, article_id: str) -> Analysis | None:
        """The full analysis record stored for an article id, or None."""
        t = schema.articles
        with _errors(f"reading article {article_id}"), self.engine.connect() as connection:
            record = connection.execute(select(t.c.record).where(t.c.id == article_id)).scalar()
        if record is None:
            return None
        data = record if isinstance(record, dict) else json.loads(record)
        return Analysis(
            id=data["id"],
            input_id=data["input_id"],
            input_url=data.get("input_url"),
            article=Article.from_dict(data["article"]) if data.get("article") else None,
            entities=list(data.get("entities") or []),
            quotes=list(data.get("quotes") or []),
            events=list(data.get("events") or []),
            warnings=list(data.get("warnings") or []),
        )

    def find(self, key: str) -> str | None:
        """The id of the stored article ``key`` names, or None: an article id, any URL the
        article was ingested under or its canonical URL (exactly as recorded), else a URL
        that normalises to an article's canonical URL (http or https, with or without
        ``www.`` and tracking parameters). The earliest stored article wins a tie."""
        t, u = schema.articles, schema.urls
        key = key.strip()
        with _errors(f"looking up {key[:200]}"), self.engine.connect() as connection:
            if connection.execute(select(t.c.id).where(t.c.id == key)).first() is not None:
                return key
            found = connection.execute(
                select(t.c.id)
                .join(u, u.c.article_id == t.c.id)
                .where(u.c.url == key)
                .order_by(t.c.seq)
                .limit(1)
            ).scalar()
            normal = normalize_url(key)
            if found is None and normal is not None:
                found = connection.execute(
                    select(t.c.id).where(t.c.canonical_url == normal).order_by(t.c.seq).limit(1)
                ).scalar()
        return None if found is None else str(found)

    def urls(self, article_id: str) -> list[str]:
        u = schema.urls
        query = select(u.c.url).where(u.c.article_id == article_id).order_by(u.c.url)
        with _errors("listing URLs"), self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def errors(self, limit: int | None = None) -> list[ErrorRow]:
        e = schema.errors
        query = select(e.c.input_id, e.c.code, e.c.message, e.c.at).order_by(e.c.id)
        if limit is not None:
            query = query.limit(limit)
        with _errors("listing errors"), self.engine.connect() as connection:
            return [ErrorRow(**row._mapping) for row in connection.execute(query)]

    # -- facts: quotes, actors, events across articles ------------------------------------

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored quotes; filters as in ``dateline.store.queries.quotes``."""
        with _errors("listing quotes"), self.engine.connect() as connection:
            return queries.quotes(connection, **filters)

    def actors(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored actors, aggregated over articles; see ``dateline.store.queries.actors``."""
        with _errors("listing actors"), self.engine.connect() as connection:
            return queries.actors(connection, **filters)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored events; filters as in ``dateline.store.queries.events``."""
        with _errors("listing events"), self.engine.connect() as connection:
            return queries.events(connection, **filters)

    def stories(self, **filters: Any) -> list[dict[str, Any]]:
        """Stories (one real-world event reported by one or more articles) with GDELT's
        counts; filters: min_articles, since, until, limit, offset."""
        with _errors("listing stories"), self.engine.connect() as connection:
            return query_stories(
                connection, schema.events, schema.stories, schema.articles, **filters
            )

    def story(self, story_id: int) -> dict[str, Any] | None:
        """One story with the ids of the articles that report it and the story of each of
        their events; see ``dateline.store.stories.members``."""
        with _errors(f"reading story {story_id}"), self.engine.connect() as connection:
            return story_members(connection, schema.events, schema.stories, story_id)

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        raw: bool = False,
        highlight: tuple[str, str] = ("[", "]"),
        snippet_tokens: int = 24,
    ) -> list[SearchHit]:
        """Articles matching ``query``, best first (bm25; title matches weigh more).

        ``snippet`` is the best passage of the body, matches marked with ``highlight``.

        Every word must match; ``"a phrase"`` and ``word*`` (prefix) work. With ``raw=True``
        the query is FTS5 syntax as is, and a syntax error is a StoreError (E502).
        """
        backends = {"postgresql": pgsearch.search, "sqlite": sqlite_search}
        search = backends.get(self.engine.dialect.name)
        if search is None:
            raise StoreError(
                f"full-text search needs SQLite or PostgreSQL, not {self.engine.dialect.name}",
                code="E502",
            )
        with self.engine.connect() as connection:
            rows = search(
                connection,
                query,
                limit=limit,
                raw=raw,
                highlight=highlight,
                snippet_tokens=snippet_tokens,
            )
        return [SearchHit.of(row) for row in rows]


def _add_url(connection: Connection, article_id: str, url: str) -> bool:
    u = schema.urls
    known = connection.execute(
        select(u.c.url).where(u.c.article_id == article_id, u.c.url == url)
    ).first()
    if known is None:
        connection.execute(insert(u).values(article_id=article_id, url=url))
    return known is None


__all__ = [
    "SCHEMA_VERSION",
    "ArticleRow",
    "ErrorRow",
    "IngestCounts",
    "Mark",
    "SearchHit",
    "Store",
]
