"""The Python API over a store: ``dateline.open(path_or_url)``.

    import dateline
    with dateline.open("dateline.db") as data:
        for event in data.events(country="UKR", since="2024-01-01"):
            print(event["date"], event["cameo"], event["sentence"])
        frame = data.quotes(speaker="Rama").to_pandas()

Every listing is a ``Rows``: iterating it pages through the store lazily (constant memory on
any size), ``list(rows)`` or ``rows.to_pandas()`` (pandas is optional) collects it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from dateline.model import Analysis, Document
from dateline.options import Options

if TYPE_CHECKING:
    import pandas

    from dateline.store import IngestCounts, Store

Fetch = Callable[[int, int], list[dict[str, Any]]]

#: Rows fetched per round trip while iterating.
PAGE = 1000


class Rows:
    """A lazily paged listing; ``limit`` None means all rows."""

    def __init__(self, fetch: Fetch, limit: int | None = None) -> None:
        self._fetch = fetch
        self.limit = limit

    def __iter__(self) -> Iterator[dict[str, Any]]:
        offset, left = 0, self.limit
        while left is None or left > 0:
            size = PAGE if left is None else min(PAGE, left)
            page = self._fetch(size, offset)
            yield from page
            if len(page) < size:
                return
            offset += len(page)
            if left is not None:
                left -= len(page)

    def to_list(self) -> list[dict[str, Any]]:
        return list(self)

    def to_pandas(self) -> pandas.DataFrame:
        try:
            import pandas
        except ImportError as exc:  # optional: only this method needs it
            raise ImportError("Rows.to_pandas needs pandas: pip install pandas") from exc
        return pandas.DataFrame.from_records(self.to_list())


class Dataset:
    """A store opened for reading and ingesting from Python."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Dataset:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def __len__(self) -> int:
        return self.store.count()

    def articles(self, limit: int | None = None) -> Rows:
        return Rows(
            lambda size, offset: [
                row.to_dict() for row in self.store.articles(limit=size, offset=offset)
            ],
            limit,
        )

    def events(self, limit: int | None = None, **filters: Any) -> Rows:
        """Filters: actor, country, code, plover, since, until (see ``dateline events``)."""
        return self._rows(self.store.events, limit, filters)

    def quotes(self, limit: int | None = None, **filters: Any) -> Rows:
        """Filters: speaker, article_id."""
        return self._rows(self.store.quotes, limit, filters)

    def actors(self, limit: int | None = None, **filters: Any) -> Rows:
        """Filters: name, country, kind (entity type)."""
        return self._rows(self.store.actors, limit, filters)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        return [hit.to_dict() for hit in self.store.search(query, limit=limit)]

    def get(self, article: str) -> Analysis | None:
        """The record of an article by its id or any URL it was ingested under."""
        article_id = self.store.find(article)
        return self.store.get(article_id) if article_id else None

    def urls(self, article: str) -> list[str]:
        """Every URL an article (by id or URL) has been seen at."""
        article_id = self.store.find(article)
        return self.store.urls(article_id) if article_id else []

    def ingest(
        self, inputs: Iterable[str | os.PathLike[str] | Document], options: Options | None = None
    ) -> IngestCounts:
        """Analyze and store paths (files, directories, JSON Lines) and Documents."""
        from dateline.batch import ingest
        from dateline.sources import iter_documents

        def items() -> Iterator[Any]:
            for item in inputs:
                if isinstance(item, Document):
                    yield item
                else:
                    yield from iter_documents([os.fspath(item)], options or Options())

        return ingest(items(), self.store, options)

    def _rows(
        self,
        method: Callable[..., list[dict[str, Any]]],
        limit: int | None,
        filters: dict[str, Any],
    ) -> Rows:
        return Rows(lambda size, offset: method(limit=size, offset=offset, **filters), limit)


def open(target: str | os.PathLike[str], *, create: bool = True) -> Dataset:
    """Open (creating when missing, unless ``create=False``) a store: a SQLite file path or a
    database URL (``postgresql://…``)."""
    from dateline.store import Store

    return Dataset(Store.open(target, create=create))
