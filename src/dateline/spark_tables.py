"""The Spark job's output: Parquet tables and per-input markers, written by each task.

Layout under the output directory (a local path or an object-storage URI)::

    articles/input=<key>/part.parquet   one row per analysis record (failed ones too)
    entities/input=<key>/part.parquet   rows of dateline.store.facts.entity_rows
    quotes/input=<key>/part.parquet     rows of quote_rows
    events/input=<key>/part.parquet     rows of event_rows
    _done/<key>.json                    the input's counters: written last, it commits it
    counters.json                       the totals (see dateline.spark.Counters)

``<key>`` is a hash of the manifest entry, so the tables read as Hive-partitioned datasets
(Spark, DuckDB, ``pyarrow.dataset(..., partitioning="hive")``) and every row also carries
``input_path``, the entry itself. Each file is written under a hidden temporary name (which
readers skip) and moved into place; the marker comes last, so an input without a marker is
never skipped, and re-running it replaces whatever a killed task left behind.

Every table's columns come from the store's one definition (``dateline.store.facts.COLUMNS``),
which the SQL tables and ``dateline export --format parquet/csv`` share, and its rows from the
same builders; ``articles`` adds the job's own columns (the input, the record's place in it,
its error) and the article fields the export leaves out (headings, captions, blocks).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from dateline.export.tables import arrow_schema
from dateline.model import Article
from dateline.store.facts import (
    COLUMNS,
    FACT_TABLES,
    article_row,
    entity_rows,
    event_rows,
    quote_rows,
)

TABLES = ("articles", "entities", "quotes", "events")
PART = "part.parquet"
DONE = "_done"
COUNTERS = "counters.json"
#: Schemes read and written through pyarrow's filesystems; s3a/s3n are Hadoop's names for s3.
_SCHEME_ALIASES = {"s3a": "s3", "s3n": "s3"}
_WEB_SCHEMES = ("http://", "https://")

_STRINGS = pa.list_(pa.string())
#: Article fields the shared articles table leaves out, typed for the job's table.
_EXTRA_ARTICLE_TYPES: dict[str, pa.DataType] = {
    "headings": _STRINGS,
    "captions": pa.list_(pa.struct([("text", pa.string()), ("credit", pa.string())])),
    "blocks": pa.list_(pa.struct([("role", pa.string()), ("text", pa.string())])),
}
_SHARED_ARTICLE = tuple(name for name, _ in COLUMNS["articles"])
_EXTRA_ARTICLE = tuple(f.name for f in dataclasses.fields(Article) if f.name not in _SHARED_ARTICLE)
_RECORD_COLUMNS = [
    ("input_path", pa.string()),
    ("position", pa.int64()),  # the record's place among its input's records
    ("error_code", pa.string()),
    ("error_message", pa.string()),
    ("warnings", _STRINGS),
]


def _articles_schema() -> pa.Schema:
    # Any Article field not typed here (one added later) is stored as a string (JSON when it
    # is not one), so a new field never breaks the job.
    extra = [(name, _EXTRA_ARTICLE_TYPES.get(name, pa.string())) for name in _EXTRA_ARTICLE]
    return pa.schema(_RECORD_COLUMNS + list(arrow_schema("articles")) + extra)


def _facts_schemas() -> dict[str, pa.Schema]:
    return {
        name: pa.schema([("input_path", pa.string()), *arrow_schema(name)]) for name in FACT_TABLES
    }


SCHEMAS: dict[str, pa.Schema] = {"articles": _articles_schema(), **_facts_schemas()}
_FACT_ROWS: dict[str, Callable[[str, dict[str, Any]], list[dict[str, Any]]]] = {
    "entities": entity_rows,
    "quotes": quote_rows,
    "events": event_rows,
}


def input_key(entry: str) -> str:
    """The stable name of a manifest entry's output (a hash: entries are paths or URIs)."""
    return hashlib.sha256(entry.encode("utf-8")).hexdigest()[:20]


def is_remote(location: str) -> bool:
    """Whether ``location`` is an object-storage / Hadoop URI (not a local path or a URL)."""
    return "://" in location and not location.startswith(("file://", *_WEB_SCHEMES))


def resolve(location: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and path of a local path, ``file://`` URI or object-storage URI."""
    if is_remote(location):
        scheme, rest = location.split("://", 1)
        scheme = _SCHEME_ALIASES.get(scheme.lower(), scheme.lower())
        fs, path = pafs.FileSystem.from_uri(f"{scheme}://{rest}")
        return fs, path.rstrip("/")
    path = location.removeprefix("file://")
    return pafs.LocalFileSystem(), os.path.abspath(path)


def record_rows(
    entry: str, position: int, record: dict[str, Any]
) -> dict[str, list[dict[str, Any]]]:
    """The four tables' rows for one analysis record (``Analysis.to_dict()``) of an input."""
    rows: dict[str, list[dict[str, Any]]] = {"articles": [_article_row(entry, position, record)]}
    for name, flatten in _FACT_ROWS.items():
        facts = [] if record.get("error") else flatten(record["id"], record)
        rows[name] = [{"input_path": entry, **row} for row in facts]
    return rows


def _article_row(entry: str, position: int, record: dict[str, Any]) -> dict[str, Any]:
    error = record.get("error") or {}
    row: dict[str, Any] = {
        "input_path": entry,
        "position": position,
        "error_code": error.get("code"),
        "error_message": error.get("message"),
        "warnings": record.get("warnings") or [],
    }
    if record.get("article") is None:
        row.update(dict.fromkeys(_SHARED_ARTICLE))  # a failed record: no article
        row.update(id=record["id"], input_id=record["input_id"])
    else:
        row.update(article_row(record, None))
    article = record.get("article") or {}
    for name in _EXTRA_ARTICLE:
        value = article.get(name)
        if name not in _EXTRA_ARTICLE_TYPES and value is not None and not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        row[name] = value
    return row


class Output:
    """The output directory of a Spark job, as each task and the driver see it."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.fs, self.root = resolve(location)

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def marker(self, key: str) -> dict[str, Any] | None:
        """The counters of a committed input, or None when it has not been committed."""
        try:
            with self.fs.open_input_stream(self.path(DONE, f"{key}.json")) as stream:
                data: dict[str, Any] = json.loads(stream.read())
        except FileNotFoundError:
            return None
        return data

    def markers(self, keys: list[str]) -> list[dict[str, Any] | None]:
        """The markers of ``keys`` (None for an input not committed), found with one listing
        and read in parallel: on object storage each read is a request."""
        selector = pafs.FileSelector(self.path(DONE), allow_not_found=True)
        done = {info.base_name for info in self.fs.get_file_info(selector)}
        with ThreadPoolExecutor(max_workers=16) as pool:
            return list(
                pool.map(lambda key: self.marker(key) if f"{key}.json" in done else None, keys)
            )

    def writer(self, entry: str) -> InputWriter:
        return InputWriter(self, entry)

    def write_json(self, path: str, data: dict[str, Any]) -> None:
        """Write ``data`` at ``path`` atomically (a temporary name, then a move)."""
        folder, _, name = path.rpartition("/")
        self.fs.create_dir(folder, recursive=True)
        temporary = f"{folder}/.tmp-{uuid.uuid4().hex}-{name}"
        with self.fs.open_output_stream(temporary, compression=None) as stream:
            stream.write(json.dumps(data, indent=2, sort_keys=True).encode("utf-8") + b"\n")
        self.fs.move(temporary, path)


class InputWriter:
    """One input's part files, streamed in row groups so memory stays flat for a big WARC.

    Rows go to hidden temporary files; ``commit`` moves them into place and then writes the
    marker, ``abort`` removes them. A task killed in between leaves only hidden files.
    """

    def __init__(self, output: Output, entry: str, group_size: int = 256) -> None:
        self.output = output
        self.entry = entry
        self.key = input_key(entry)
        self.group_size = group_size
        self.position = 0
        self.counts = dict.fromkeys(TABLES, 0)
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._temporaries: dict[str, str] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        fs = output.fs
        for name in TABLES:
            folder = output.path(name, f"input={self.key}")
            fs.create_dir(folder, recursive=True)
            _clear_temporaries(fs, folder)
            temporary = f"{folder}/.tmp-{uuid.uuid4().hex}"
            self._temporaries[name] = temporary
            self._writers[name] = pq.ParquetWriter(temporary, SCHEMAS[name], filesystem=fs)

    def add(self, record: dict[str, Any]) -> None:
        for name, rows in record_rows(self.entry, self.position, record).items():
            self._rows[name].extend(rows)
            self.counts[name] += len(rows)
        self.position += 1
        if len(self._rows["articles"]) >= self.group_size:
            self._flush()

    def _flush(self) -> None:
        for name, rows in self._rows.items():
            if rows:
                table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
                self._writers[name].write_table(table)
                rows.clear()

    def commit(self, marker: dict[str, Any]) -> None:
        self._flush()
        for writer in self._writers.values():
            writer.close()
        for name, temporary in self._temporaries.items():
            self.output.fs.move(temporary, self.output.path(name, f"input={self.key}", PART))
        self.output.write_json(self.output.path(DONE, f"{self.key}.json"), marker)

    def abort(self) -> None:
        for writer in self._writers.values():
            with contextlib.suppress(OSError, ValueError):
                writer.close()
        for temporary in self._temporaries.values():
            with contextlib.suppress(OSError):
                self.output.fs.delete_file(temporary)


def _clear_temporaries(fs: pafs.FileSystem, folder: str) -> None:
    # What a killed attempt left: hidden from readers, but no need to keep it.
    for info in fs.get_file_info(pafs.FileSelector(folder, allow_not_found=True)):
        if info.base_name.startswith(".tmp-"):
            fs.delete_file(info.path)
