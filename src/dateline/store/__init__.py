"""The article store: SQLite by default through SQLAlchemy Core, behind one ``Store`` class.

    with Store.open("dateline.db") as store:
        counts = store.ingest(analyze_all(iter_documents(["articles/"])))
        for hit in store.search("ceasefire talks"):
            print(hit.title, hit.snippet)

The schema is versioned: migrations run when a store opens and are recorded in the
``migrations`` table; a database from a newer dateline is refused (E501).
"""

from __future__ import annotations

from dateline.store.core import Store, database_url
from dateline.store.fts import fts_query
from dateline.store.migrations import MIGRATIONS, SCHEMA_VERSION
from dateline.store.rows import (
    ArticleRow,
    ErrorRow,
    IngestCounts,
    SearchHit,
)

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "ArticleRow",
    "ErrorRow",
    "IngestCounts",
    "SearchHit",
    "Store",
    "database_url",
    "fts_query",
]
