"""What ``dateline watch`` remembers, kept in the store itself (schema version 6).

- ``watch_sources``: one row per watched feed, sitemap, list or page URL: the validators of
  its last answer (ETag, Last-Modified) for a conditional GET, what kind of source it turned
  out to be, and its failures in a row with the time before which it is not asked again.
- ``watch_items``: one row per article URL (or feed entry) the watcher has dealt with: the
  article it is stored as, or that it failed and how often. It is written in the same
  transaction as the article (``Store.save``'s ``mark``), so after any crash the store and
  the watcher agree on what was seen: nothing is fetched twice, nothing is lost.
- ``watch_cycles``: one row per cycle: when it ran and what it found (the web UI's "last
  updated" reads it).

Keeping this in the store, not in a file beside it, means one backup, one transaction and one
database server for a watcher that runs on several machines in turn (docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from dateline.store import schema
from dateline.store.core import Store, _errors
from dateline.store.migrations import now

#: The code of a failure worth another try (network, timeouts, 5xx); others are final.
TRANSIENT = "E107"
#: An item that failed this many times (with a transient error) is not tried again.
MAX_ITEM_ATTEMPTS = 3


@dataclass(slots=True)
class SourceState:
    """What is known about one watched source URL."""

    url: str
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None
    changed_at: str | None = None
    failures: int = 0
    retry_at: str | None = None
    last_error: str | None = None
    digest: str | None = None  # SHA-256 of the last answer read whole


@dataclass(slots=True, frozen=True)
class ItemState:
    status: str
    code: str | None
    attempts: int
    article_id: str | None

    def done(self) -> bool:
        """Whether the item needs no further fetch: stored, or failed for good."""
        if self.status == "stored":
            return True
        return self.code != TRANSIENT or self.attempts >= MAX_ITEM_ATTEMPTS


@dataclass(slots=True)
class CycleRow:
    started_at: str
    finished_at: str
    sources: int = 0
    not_modified: int = 0
    new_articles: int = 0
    events: int = 0
    failures: int = 0
    stopped: int = 0


@dataclass(slots=True, frozen=True)
class NewArticle:
    seq: int
    id: str
    ingested_at: str


@dataclass(slots=True, frozen=True)
class Stamp:
    """When the store last changed, for clients that poll for new records: the newest
    article's number (``last_seq``: it changes exactly when an article is added) and time,
    and when a watch cycle last finished."""

    last_seq: int
    updated_at: str | None
    checked_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class WatchState:
    """The watch tables of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def sources(self) -> dict[str, SourceState]:
        t = schema.watch_sources
        with _errors("reading the watched sources"), self.engine.connect() as connection:
            rows = connection.execute(select(t)).all()
        return {row.url: SourceState(**row._mapping) for row in rows}

    def finish_cycle(self, states: Iterable[SourceState], row: CycleRow) -> None:
        """Write the states of the sources checked in a cycle and the cycle's row, in one
        transaction (one commit: a cycle with nothing new costs one disk sync)."""
        with self.store._write("saving the watched sources") as connection:
            self._save_sources(connection, [asdict(state) for state in states])
            connection.execute(insert(schema.watch_cycles).values(**asdict(row)))

    @staticmethod
    def _save_sources(connection: Connection, rows: list[dict[str, Any]]) -> None:
        t = schema.watch_sources
        if not rows:
            return
        urls = [row["url"] for row in rows]
        known = set(connection.execute(select(t.c.url).where(t.c.url.in_(urls))).scalars())
        for row in rows:
            if row["url"] in known:
                connection.execute(update(t).where(t.c.url == row["url"]).values(**row))
        fresh = [row for row in rows if row["url"] not in known]
        if fresh:
            connection.execute(insert(t), fresh)

    def items(self, keys: Iterable[str]) -> dict[str, ItemState]:
        """The state of those of ``keys`` the watcher has dealt with before."""
        t = schema.watch_items
        wanted = list(dict.fromkeys(keys))
        found: dict[str, ItemState] = {}
        with _errors("reading the watched items"), self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):  # bound the size of one IN (...)
                chunk = wanted[start : start + 500]
                query = select(t.c.key, t.c.status, t.c.code, t.c.attempts, t.c.article_id)
                for row in connection.execute(query.where(t.c.key.in_(chunk))):
                    found[row.key] = ItemState(row.status, row.code, row.attempts, row.article_id)
        return found

    @staticmethod
    def mark(
        connection: Connection,
        key: str,
        source: str,
        article_id: str | None,
        code: str | None = None,
    ) -> None:
        """Record an item as stored (``article_id``) or failed (``code``), inside the
        caller's transaction."""
        t = schema.watch_items
        status = "stored" if article_id else "failed"
        attempts = connection.execute(select(t.c.attempts).where(t.c.key == key)).scalar()
        values = {
            "source": source,
            "article_id": article_id,
            "status": status,
            "code": code,
            "seen_at": now(),
        }
        if attempts is None:
            connection.execute(insert(t).values(key=key, attempts=1, **values))
        else:
            connection.execute(
                update(t).where(t.c.key == key).values(attempts=attempts + 1, **values)
            )

    def mark_now(self, key: str, source: str, article_id: str | None, code: str | None) -> None:
        """``mark`` in a transaction of its own."""
        with self.store._write(f"marking {key} as seen") as connection:
            self.mark(connection, key, source, article_id, code)

    def record_cycle(self, row: CycleRow) -> None:
        self.finish_cycle([], row)

    def cycles(self) -> list[CycleRow]:
        t = schema.watch_cycles
        query = select(*(t.c[name] for name in CycleRow.__slots__)).order_by(t.c.id)
        with _errors("listing watch cycles"), self.engine.connect() as connection:
            return [CycleRow(**row._mapping) for row in connection.execute(query)]

    def articles_after(self, seq: int) -> list[NewArticle]:
        """Articles stored after the one numbered ``seq``, in the order they were stored."""
        t = schema.articles
        query = select(t.c.seq, t.c.id, t.c.ingested_at).where(t.c.seq > seq).order_by(t.c.seq)
        with _errors("listing new articles"), self.engine.connect() as connection:
            return [NewArticle(*row) for row in connection.execute(query)]

    def stored_at(self, ids: Iterable[str]) -> dict[str, str]:
        """When each of the articles ``ids`` was stored."""
        t = schema.articles
        wanted = list(ids)
        found: dict[str, str] = {}
        with _errors("reading when articles were stored"), self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                query = select(t.c.id, t.c.ingested_at).where(
                    t.c.id.in_(wanted[start : start + 500])
                )
                found.update({row.id: row.ingested_at for row in connection.execute(query)})
        return found

    def stamp(self) -> Stamp:
        """The store's last-update stamp (two indexed look-ups, cheap to poll)."""
        a, c = schema.articles, schema.watch_cycles
        newest = select(a.c.seq, a.c.ingested_at).order_by(a.c.seq.desc()).limit(1)
        last = select(c.c.finished_at).order_by(c.c.id.desc()).limit(1)
        with _errors("reading the store's last update"), self.engine.connect() as connection:
            row = connection.execute(newest).first()
            checked = connection.execute(last).scalar()
        return Stamp(int(row.seq) if row else 0, row.ingested_at if row else None, checked)
