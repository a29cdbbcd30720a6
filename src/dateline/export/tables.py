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
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from dateline.errors import UsageError
from dateline.export.records import (
    StoredRecord,
    event_date,
    event_id,
    event_key,
    event_tone,
)

#: Column name -> type: string, int32, int64, float64, bool, date, list (of strings).
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        *(("id", "string"), ("input_id", "string"), ("url", "string"), ("outlet", "string")),
        *(("title", "string"), ("authors", "list"), ("editors", "list")),
        *(("published", "string"), ("published_date", "date"), ("language", "string")),
        *(("dateline", "string"), ("section", "string"), ("topics", "list")),
        *(("lead", "string"), ("body", "string"), ("tone", "float64")),
        *(("entities", "int32"), ("quotes", "int32"), ("events", "int32")),
        ("ingested_at", "string"),
    ),
    "entities": (
        *(("article_id", "string"), ("entity_id", "string"), ("name", "string")),
        *(("type", "string"), ("role", "string"), ("country", "string"), ("sector", "string")),
        *(("code", "string"), ("aliases", "list"), ("mentions", "int32")),
        *(("first_start", "int32"), ("author", "bool"), ("caption_only", "bool")),
        ("kb", "string"),
    ),
    "quotes": (
        *(("article_id", "string"), ("n", "int32"), ("text", "string"), ("kind", "string")),
        *(("speaker", "string"), ("speaker_entity", "string"), ("speaker_text", "string")),
        *(("cue", "string"), ("sentence", "string"), ("sentence_id", "int32")),
        *(("start", "int32"), ("end", "int32")),
    ),
    "events": (
        *(("event_id", "string"), ("gdelt_id", "int64"), ("article_id", "string")),
        *(("n", "int32"), ("date", "string"), ("event_date", "date"), ("cameo", "string")),
        *(("cameo_root", "string"), ("plover", "string"), ("plover_mode", "string")),
        *(("quad_class", "int32"), ("goldstein", "float64"), ("tone", "float64")),
        *((f"source_{k}", "string") for k in ("name", "text", "country", "sector", "code")),
        *((f"target_{k}", "string") for k in ("name", "text", "country", "sector", "code")),
        *(("location_name", "string"), ("location_country", "string")),
        *(("lat", "float64"), ("lon", "float64"), ("sentence", "string")),
        *(("sentence_id", "int32"), ("start", "int32"), ("end", "int32")),
        *(("confidence", "float64"), ("rule", "string"), ("url", "string")),
    ),
}


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
        "string": pa.string(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(name, types[kind]) for name, kind in TABLES[table]])


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def article_row(item: StoredRecord) -> dict[str, Any]:
    a = item.article
    return {
        "id": item.id,
        "input_id": item.record.get("input_id"),
        **{k: a.get(k) for k in ("url", "outlet", "title", "published", "language")},
        **{k: a.get(k) for k in ("dateline", "section", "lead")},
        **{k: [str(v) for v in a.get(k) or []] for k in ("authors", "editors", "topics")},
        "published_date": _date(a.get("published")),
        "body": item.body,
        "tone": item.tone,
        **{k: len(item.record.get(k) or []) for k in ("entities", "quotes", "events")},
        "ingested_at": item.ingested_at,
    }


def entity_rows(item: StoredRecord) -> list[dict[str, Any]]:
    rows = []
    for n, e in enumerate(item.record.get("entities") or []):
        mentions = e.get("mentions") or []
        starts = [m["start"] for m in mentions if _int(m.get("start")) is not None]
        rows.append(
            {
                "article_id": item.id,
                "entity_id": str(e.get("id") or f"e{n + 1}"),
                "name": e.get("name") or "",
                **{k: e.get(k) for k in ("type", "role", "country", "sector", "code")},
                "aliases": [str(v) for v in e.get("aliases") or []],
                "mentions": len(mentions),
                "first_start": min(starts) if starts else None,
                "author": bool(e.get("author")),
                "caption_only": bool(e.get("caption_only")),
                "kb": str(e["kb"]) if e.get("kb") else None,
            }
        )
    return rows


def quote_rows(item: StoredRecord) -> list[dict[str, Any]]:
    rows = []
    for n, q in enumerate(item.record.get("quotes") or []):
        speaker = q.get("speaker") or {}
        start = _int(q.get("start"))
        rows.append(
            {
                "article_id": item.id,
                "n": n,
                **{k: q.get(k) for k in ("text", "kind", "cue", "sentence")},
                "speaker": speaker.get("name"),
                "speaker_entity": speaker.get("entity"),
                "speaker_text": speaker.get("text"),
                "sentence_id": item.sentence_number(start),
                "start": start,
                "end": _int(q.get("end")),
            }
        )
    return rows


def event_rows(item: StoredRecord) -> list[dict[str, Any]]:
    rows = []
    published = item.article.get("published")
    for n, e in item.events:
        place = e.get("location") or {}
        start = _int(e.get("start"))
        sides = {
            f"{side}_{k}": (e.get(side) or {}).get(k)
            for side in ("source", "target")
            for k in ("name", "text", "country", "sector", "code")
        }
        rows.append(
            {
                "event_id": event_key(item.id, n),
                "gdelt_id": event_id(item.id, n),
                "article_id": item.id,
                "n": n,
                "date": e.get("date"),
                "event_date": _date(event_date(e, published)),
                **{k: e.get(k) for k in ("cameo", "cameo_root", "plover", "plover_mode")},
                "quad_class": _int(e.get("quad_class")),
                "goldstein": e.get("goldstein"),
                "tone": event_tone(e),
                **sides,
                "location_name": place.get("name"),
                "location_country": place.get("country"),
                "lat": place.get("lat"),
                "lon": place.get("lon"),
                "sentence": e.get("sentence"),
                "sentence_id": item.sentence_number(start),
                "start": start,
                "end": _int(e.get("end")),
                "confidence": e.get("confidence"),
                "rule": e.get("rule"),
                "url": item.article.get("url"),
            }
        )
    return rows


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
        tables["events"].extend(event_rows(item))
        if keep is None or keep(item):
            tables["articles"].append(article_row(item))
            tables["entities"].extend(entity_rows(item))
            tables["quotes"].extend(quote_rows(item))
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
