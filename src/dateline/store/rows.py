"""The values the store hands out: listed articles, search hits, recorded errors, ingest
counts, and the ``Mark`` callback type of ``Store.save``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from dateline.model import Analysis, ErrorInfo

#: ``mark(connection, record, stored_id)``: a caller's own write, done in the transaction that
#: saves ``record`` (``stored_id`` the id it is stored under, None when it failed), so that
#: a note about a record (a watched feed's "seen") is written exactly when the record is.
Mark = Callable[[Connection, Analysis, str | None], None]


@dataclass(slots=True, frozen=True)
class ArticleRow:
    """An article as listed from the store (the full record is ``Store.get(id)``)."""

    id: str
    input_id: str
    url: str | None
    outlet: str | None
    title: str | None
    authors: list[str]
    published: str | None
    language: str | None
    dateline: str | None
    section: str | None
    topics: list[str]
    lead: str | None
    ingested_at: str

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True, frozen=True)
class SearchHit:
    """One search result; ``score`` is the negated bm25 rank, so higher is better."""

    id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def of(cls, row: Any) -> SearchHit:
        """A hit from a search query's row (either backend's: same column names)."""
        return cls(
            id=row.id,
            title=row.title,
            url=row.url,
            published=row.published,
            outlet=row.outlet,
            snippet=" ".join((row.snippet or "").split()),
            score=-float(row.rank),
        )


@dataclass(slots=True, frozen=True)
class ErrorRow:
    input_id: str
    code: str
    message: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True)
class IngestCounts:
    inserted: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[ErrorInfo] = field(default_factory=list, repr=False)

    @property
    def total(self) -> int:
        return self.inserted + self.skipped + self.failed
