"""Many documents: worker processes give the records one process gives; ingest resumes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline import examples
from dateline.batch import analyze_stream, ingest
from dateline.model import Document
from dateline.options import Options
from dateline.sources import iter_documents
from dateline.store import Store
from hostile_corpus import TOWNS, WORDS, write_stories
from store_dump import differences, dump


def story(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    # each story its own words, so no two are near-duplicates of each other
    extra = " ".join(random.Random(n).choices(WORDS, k=30))
    return (
        f"Flood defences hold in {town} after storm number {n}\n\n"
        f"{town.upper()}, March {1 + n % 28} —\n\n"
        f"Volunteers in {town} stacked sandbags through the night as the river rose for the "
        f"{n}th time this winter, and the council said no homes had been flooded.\n\n"
        f"Engineers will inspect the embankment on Friday, the council said, and a report on "
        f"repairs costing about {n * 3} thousand euros is due next month.\n\n"
        f"Damage was reported at the {extra}.\n"
    )


def corpus(folder: Path, count: int) -> Path:
    return write_stories(folder, count, story)


def test_two_workers_give_the_records_one_worker_gives() -> None:
    paths = [str(p) for p in examples.files()]
    options = Options(batch_size=2)
    one = [r.to_dict() for r in analyze_stream(iter_documents(paths, options), options, 1)]
    two = [r.to_dict() for r in analyze_stream(iter_documents(paths, options), options, 2)]
    assert len(one) == len(paths) and one == two
    assert any(r.get("quotes") for r in one)


def test_reingest_skips_stored_documents_before_analysis(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 6)
    options = Options(nlp=False)
    with Store.open(tmp_path / "a.db") as store:
        first = ingest(iter_documents([str(folder)], options), store, options)
        assert (first.inserted, first.skipped, first.failed) == (6, 0, 0)
        skipped: list[str] = []
        again = ingest(
            iter_documents([str(folder)], options),
            store,
            options,
            on_skip=lambda d: skipped.append(d.input_id),
        )
        assert (again.inserted, again.skipped, again.failed) == (0, 6, 0)
        assert len(skipped) == 6 and store.count() == 6


def test_a_stored_document_seen_at_a_new_url_gains_the_url(tmp_path: Path) -> None:
    options = Options(nlp=False)
    text = story(1)
    with Store.open(tmp_path / "a.db") as store:
        ingest([Document("a", text, kind="text", url="https://one.example/a")], store, options)
        ingest([Document("b", text, kind="text", url="https://two.example/a")], store, options)
        [article_id] = [row.id for row in store.articles()]
        assert store.urls(article_id) == ["https://one.example/a", "https://two.example/a"]


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet, or locked for a moment
        return 0


def _ingest_cmd(folder: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "dateline",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--no-nlp",
        "-q",
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_ingest_killed_midway_completes_on_rerun_with_the_same_counts(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 240)
    reference, killed = tmp_path / "reference.db", tmp_path / "killed.db"
    subprocess.run(_ingest_cmd(folder, reference), check=True, capture_output=True)

    process = subprocess.Popen(
        _ingest_cmd(folder, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while _count(killed) < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = _count(killed)
    assert 20 <= partial < 240

    rerun = subprocess.run(_ingest_cmd(folder, killed), check=True, capture_output=True, text=True)
    assert f"{240 - partial} inserted, {partial} skipped, 0 failed" in rerun.stdout
    assert _count(killed) == _count(reference) == 240

    # every row of every table (the FTS index too), not counts (tests/store_dump.py)
    same = differences(
        dump(str(reference), mask_wall_clock=True), dump(str(killed), mask_wall_clock=True)
    )
    assert same == []
    with sqlite3.connect(killed) as b:
        assert b.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert b.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 240
