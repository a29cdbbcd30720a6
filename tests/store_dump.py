"""A full, ordered dump of every table of a store (SQLite file or PostgreSQL URL), for tests
that say two stores are the same: every row of every table, every column, not counts.

Only wall-clock columns (when a row was written) are masked, and only when asked: two runs
made at different times cannot share them, and nothing else may differ.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import create_engine, inspect, text

from dateline.store.core import database_url

#: (table, column) pairs holding the time a row was written.
WALL_CLOCK = frozenset(
    {("articles", "ingested_at"), ("errors", "at"), ("migrations", "applied_at")}
)
MASKED = "<time>"

Dump = dict[str, list[tuple[str, ...]]]


def _value(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, str) and value[:1] in "[{":
        try:  # SQLite keeps JSON as text: compare it as JSON, as PostgreSQL does
            return json.dumps(json.loads(value), sort_keys=True, ensure_ascii=False)
        except ValueError:
            pass
    return repr(value)


def table_names(target: str) -> list[str]:
    """Every table of the store: on SQLite the FTS5 index and its shadow tables too."""
    engine = create_engine(database_url(target))
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                return list(connection.execute(text(sql)).scalars())
            return sorted(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def dump(target: str, *, mask_wall_clock: bool = False) -> Dump:
    """Table name -> its rows (every column, as comparable strings), sorted."""
    engine = create_engine(database_url(target))
    out: Dump = {}
    try:
        with engine.connect() as connection:
            for table in table_names(target):
                result = connection.execute(text(f'SELECT * FROM "{table}"'))
                columns = list(result.keys())
                rows = []
                for row in result:
                    values = []
                    for column, value in zip(columns, row, strict=True):
                        masked = mask_wall_clock and (table, column) in WALL_CLOCK
                        values.append(MASKED if masked and value is not None else _value(value))
                    rows.append(tuple(values))
                out[table] = [tuple(columns), *sorted(rows)]
    finally:
        engine.dispose()
    return out


def differences(a: Dump, b: Dump, limit: int = 5) -> list[str]:
    """What differs between two dumps, table by table (empty when they are the same)."""
    found = []
    for table in sorted(set(a) | set(b)):
        rows_a, rows_b = a.get(table), b.get(table)
        if rows_a == rows_b:
            continue
        if rows_a is None or rows_b is None:
            found.append(f"{table}: only in {'second' if rows_a is None else 'first'} store")
            continue
        only_a = [r for r in rows_a if r not in set(rows_b)][:limit]
        only_b = [r for r in rows_b if r not in set(rows_a)][:limit]
        found.append(
            f"{table}: {len(rows_a) - 1} vs {len(rows_b) - 1} rows; "
            f"only in first {only_a}; only in second {only_b}"
        )
    return found
