"""Crash safety on PostgreSQL: ``kill -9`` in the middle of ``dateline ingest --db
postgresql://...`` leaves no half article, and running the same ingest again completes it to
exactly what an uninterrupted run stores. (tests/test_batch.py does the same on SQLite.)

The NLP stages run, so every article has entity, quote and event rows to keep consistent.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from hostile_corpus import TOWNS, WORDS, write_stories
from store_dump import differences, dump

COUNT = 60
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def story(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    extra = " ".join(random.Random(n).choices(WORDS, k=25))
    return (
        f"Police arrest protest leaders in {town} after march number {n}\n\n"
        f"{town.upper()}, March {1 + n % 28} —\n\n"
        f"Police in {town} arrested {n + 2} protest leaders on Tuesday after a march against "
        f"the closure of the {WORDS[n % len(WORDS)]}, and the mayor condemned the arrests.\n\n"
        f'"We will not be silenced," said Maria Lopez, a teacher who led the march. The '
        f"interior ministry said it would investigate the police response.\n\n"
        f"Damage was reported at the {extra}.\n"
    )


def corpus(folder: Path, count: int) -> Path:
    return write_stories(folder, count, story)


def ingest_cmd(folder: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", url, "-q"]


def query(url: str, sql: str) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql)).all())
    finally:
        engine.dispose()


def count(url: str) -> int:
    try:
        return int(query(url, "SELECT count(*) FROM articles")[0][0])
    except SQLAlchemyError:  # not migrated yet
        return 0


def facts(url: str) -> dict[str, tuple[int, int, int]]:
    """Per article: the number of entity, quote and event rows."""
    rows = query(
        url,
        "SELECT a.id,"
        " (SELECT count(*) FROM entities e WHERE e.article_id = a.id),"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),"
        " (SELECT count(*) FROM events v WHERE v.article_id = a.id)"
        " FROM articles a",
    )
    return {row[0]: (int(row[1]), int(row[2]), int(row[3])) for row in rows}


def check_integrity(url: str) -> None:
    """No half article: each article's fact rows are exactly its record's, and no row of
    any table points at an article that is not there."""
    stored = facts(url)
    for article_id, record in query(url, "SELECT id, record FROM articles"):
        data = record if isinstance(record, dict) else json.loads(record)
        wanted = (len(data["entities"]), len(data["quotes"]), len(data["events"]))
        assert stored[article_id] == wanted, article_id
    for table in ("entities", "quotes", "events", "urls"):
        orphans = query(
            url,
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = t.article_id)",
        )
        assert orphans[0][0] == 0, table


def test_ingest_killed_midway_on_postgresql_completes_on_rerun(
    postgres_server: Any, tmp_path: Path
) -> None:
    folder = corpus(tmp_path / "in", COUNT)
    reference, killed = postgres_server.new_database(), postgres_server.new_database()
    subprocess.run(ingest_cmd(folder, reference), check=True, capture_output=True)
    assert count(reference) == COUNT
    assert sum(sum(f) for f in facts(reference).values()) > COUNT  # the NLP stages ran

    process = subprocess.Popen(
        ingest_cmd(folder, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while count(killed) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = count(killed)
    assert 8 <= partial < COUNT
    check_integrity(killed)

    rerun = subprocess.run(ingest_cmd(folder, killed), check=True, capture_output=True, text=True)
    assert f"{COUNT - partial} inserted, {partial} skipped, 0 failed" in rerun.stdout
    assert count(killed) == count(reference) == COUNT
    check_integrity(killed)
    assert facts(killed) == facts(reference)
    # every row of every table, not counts (tests/store_dump.py)
    assert (
        differences(dump(reference, mask_wall_clock=True), dump(killed, mask_wall_clock=True)) == []
    )
