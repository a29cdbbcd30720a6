"""One definition of the facts tables: the store's SQL tables, the Parquet/CSV export and the
Spark job's tables have the same columns, and their rows come from the same builders."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.export.records import Filters, iter_records
from dateline.export.tables import table_rows
from dateline.model import Analysis
from dateline.store import Store, migrations, schema
from dateline.store.facts import COLUMNS, FACT_TABLES
from test_store_facts import save_two

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (the parquet extra)")

from dateline.export.tables import arrow_schema  # noqa: E402
from dateline.spark_tables import SCHEMAS  # noqa: E402

Factory = Callable[..., Analysis]


def _names(table: str) -> list[str]:
    return [name for name, _ in COLUMNS[table]]


def test_sql_export_and_spark_tables_have_the_same_columns() -> None:
    sql = {"entities": schema.entities, "quotes": schema.quotes, "events": schema.events}
    for name in FACT_TABLES:
        own = {"events": ["story_id"]}.get(name, [])  # the store's own: its story
        assert [c.name for c in sql[name].columns] == _names(name) + own
        export = arrow_schema(name)
        assert SCHEMAS[name].names == ["input_path", *export.names]  # the job adds its input
        assert [SCHEMAS[name].field(n).type for n in export.names] == export.types
    # the job's articles table is the shared one, with the job's own and the record's extra
    articles = arrow_schema("articles")
    for field in articles:
        assert SCHEMAS["articles"].field(field.name).type == field.type


def _sql_rows(db: Path, table: str) -> list[dict[str, Any]]:
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute(f"SELECT * FROM {table} ORDER BY article_id, rowid").fetchall()
    return [{k: row[k] for k in row.keys() if k != "story_id"} for row in rows]  # noqa: SIM118


def _as_sql(value: Any) -> Any:
    """How SQLite gives back what the builders make: 0/1, ISO dates, JSON arrays."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value)
    return value


_KEY = {"entities": "entity_id", "quotes": "n", "events": "n"}


def _ordered(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["article_id"], str(r[_KEY[name]])))


def _exported(db: Path) -> dict[str, list[dict[str, Any]]]:
    with Store.open(db) as store:
        items = list(iter_records(store, Filters(all_modalities=True)))
    tables = table_rows(items)
    return {
        name: _ordered(name, [{k: _as_sql(v) for k, v in row.items()} for row in tables[name]])
        for name in FACT_TABLES
    }


def _lists_read(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(v) if k == "aliases" and v else v for k, v in row.items()}


def test_the_store_writes_the_rows_the_export_writes(
    tmp_path: Path, analysis_factory: Factory
) -> None:
    db = tmp_path / "facts.db"
    with Store.open(db) as store:
        save_two(store, analysis_factory)
    exported = _exported(db)
    for name in FACT_TABLES:
        stored = _ordered(name, _sql_rows(db, name))
        assert stored and len(stored) == len(exported[name])
        for row, export in zip(stored, exported[name], strict=True):
            assert _lists_read(row) == _lists_read(export)


def test_migration_8_fills_the_new_columns_of_an_older_store(
    tmp_path: Path, analysis_factory: Factory
) -> None:
    db = tmp_path / "old.db"
    with Store.open(db) as store:
        save_two(store, analysis_factory)
    before = {name: _sql_rows(db, name) for name in FACT_TABLES}
    # make it a version 7 store: drop the columns version 8 added and forget the migration
    with sqlite3.connect(db) as connection:
        for table, added in migrations._V8_COLUMNS.items():
            for column, _ in added:
                connection.execute(f'ALTER TABLE {table} DROP COLUMN "{column}"')
        connection.execute("DELETE FROM migrations WHERE id = 8")
    with Store.open(db):
        pass
    assert {name: _sql_rows(db, name) for name in FACT_TABLES} == before
