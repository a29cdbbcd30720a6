"""The table exports: articles, entities, quotes and events as Parquet or CSV, and JSONL.

One file per table (``articles.parquet``, ``entities.parquet``, ... or ``articles.csv``, ...)
with the columns and types of ``TABLES`` (the Parquet schemas are built from it, so every
file has the same schema even when empty). Keys: ``article_id`` (the record id) joins every
table to ``articles.id``; ``events.event_id`` is ``<article id>-<n>`` as in the PLOVER
export and ``events.gdelt_id`` the GLOBALEVENTID of the GDELT export. In CSV, lists are JSON
arrays, nulls are empty fields and booleans are ``true``/``false``.

``jsonl`` writes the full analysis records, one per line (``records.jsonl``), exactly as
``dateline analyze`` prints them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from dateline.errors import UsageError
from dateline.export.records import StoredRecord
from dateline.output import formula_safe
from dateline.store.facts import COLUMNS, article_row, entity_rows, event_rows, quote_rows

#: The tables and their columns: the store's one definition (``dateline.store.facts``), which
#: the SQL tables and the Spark job's tables share.
TABLES = COLUMNS


def require_pyarrow() -> Any:
    """pyarrow, which only Parquet needs (the ``parquet`` extra), or a clear E002."""
    try:
        import pyarrow as pa
    except ImportError:
        raise UsageError(
            "Parquet needs pyarrow, which is not installed: pip install 'dateline[parquet]' "
            "(or export --format csv, which needs nothing extra)",
            code="E002",
        ) from None
    return pa


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a table (imported here: pyarrow is needed only for Parquet)."""
    pa = require_pyarrow()

    types = {
        "text": pa.string(),
        "int": pa.int32(),
        "bigint": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(name, types[kind]) for name, kind in TABLES[table]])


Rows = dict[str, list[dict[str, Any]]]
#: Records converted between two writes: bounds memory on a large store.
BATCH = 500


def table_rows(
    items: Iterable[StoredRecord], keep: Callable[[StoredRecord], bool] | None = None
) -> Rows:
    """The rows of the four tables: every selected event; the article, its entities and
    quotes for the records ``keep`` accepts (all without ``keep``)."""
    tables: Rows = {name: [] for name in TABLES}
    for item in items:
        sentences = item.sentences
        tables["events"].extend(event_rows(item.id, item.record, sentences, item.events))
        if keep is None or keep(item):
            tables["articles"].append(article_row(item.record, item.ingested_at))
            tables["entities"].extend(entity_rows(item.id, item.record))
            tables["quotes"].extend(quote_rows(item.id, item.record, sentences))
    return tables


def _batches(items: Iterable[StoredRecord]) -> Iterator[list[StoredRecord]]:
    batch: list[StoredRecord] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return formula_safe(value)
    return value


def write_tables(
    items: Iterable[StoredRecord],
    out: Path,
    fmt: str,
    keep: Callable[[StoredRecord], bool] | None = None,
) -> tuple[list[Path], dict[str, int]]:
    """Write the four tables as ``fmt`` ("parquet" or "csv") into ``out``, a batch of
    records at a time; return the paths and the rows written per table."""
    paths = {name: out / f"{name}.{fmt}" for name in TABLES}
    counts = dict.fromkeys(TABLES, 0)
    with ExitStack() as stack:
        if fmt == "parquet":
            pa = require_pyarrow()
            import pyarrow.parquet as pq

            schemas = {name: arrow_schema(name) for name in TABLES}
            writers = {
                name: stack.enter_context(pq.ParquetWriter(paths[name], schemas[name]))
                for name in TABLES
            }

            def write(name: str, rows: list[dict[str, Any]]) -> None:
                writers[name].write_table(pa.Table.from_pylist(rows, schema=schemas[name]))

        else:
            columns = {name: [c for c, _ in spec] for name, spec in TABLES.items()}
            handles = {
                name: stack.enter_context(paths[name].open("w", encoding="utf-8", newline=""))
                for name in TABLES
            }
            sheets = {name: csv.writer(handle) for name, handle in handles.items()}
            for name, sheet in sheets.items():
                sheet.writerow(columns[name])

            def write(name: str, rows: list[dict[str, Any]]) -> None:
                sheets[name].writerows([_csv_value(r.get(c)) for c in columns[name]] for r in rows)

        for batch in _batches(items):
            for name, rows in table_rows(batch, keep).items():
                if rows:
                    write(name, rows)
                    counts[name] += len(rows)
    return list(paths.values()), counts


def write_jsonl(items: Iterable[StoredRecord], handle: TextIO) -> int:
    """The full analysis records, one JSON object per line; return how many."""
    count = 0
    for item in items:
        handle.write(json.dumps(item.record, ensure_ascii=False) + "\n")
        count += 1
    return count


__all__ = [
    "TABLES",
    "arrow_schema",
    "table_rows",
    "write_jsonl",
    "write_tables",
]
