"""Ingest once, ingest twice, or be killed (kill -9) at several points and run again: the
store ends the same, row for row in every table (ids, URLs, records, facts, stories, the
full-text index), on SQLite and on PostgreSQL.

The corpus is the hard case for URLs: pages whose canonical URL differs from the URL they
arrive under (http for https, a www. host, a ?comments=1 query, a syndication host), a page
without a canonical link, a near-copy of a page under a mirror URL, and a broken record.
Every URL a page arrived under is recorded on the first ingest, and finds the article.
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
from click.testing import CliRunner, Result
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from dateline.cli import cli
from dateline.store import Store
from dateline.store.core import database_url
from hostile_corpus import TOWNS, WORDS
from store_dump import differences, dump

PAGES = 24
TWIN_OF = 0  # the page a near-copy is made of, under a mirror URL
CANONICAL = "https://news.example/2024/03/story-{n}"
#: How the URL a page arrives under differs from its canonical URL, by page number mod 5.
ARRIVALS = (
    "http://news.example/2024/03/story-{n}",  # http for https
    "https://www.news.example/2024/03/story-{n}",  # a www. host
    "https://news.example/2024/03/story-{n}?comments=1",  # a query
    "https://wire-syndication.example/feeds/item-{n}.html",  # a syndication host
    "https://news.example/2024/03/story-{n}",  # the same URL
)
NO_CANONICAL = 9  # this page has no canonical link: its URL is the one it arrived under
TWIN_URL = "https://mirror.example/copies/story-0"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


#: Countries and their adjectives, so the sentences code as events between state actors.
NATIONS = [("France", "French"), ("Spain", "Spanish"), ("Germany", "German"), ("Italy", "Italian")]


def body(n: int) -> list[str]:
    town = TOWNS[n % len(TOWNS)]
    extra = " ".join(random.Random(n).choices(WORDS, k=30))
    (home, adjective), (other, _) = NATIONS[n % 4], NATIONS[(n + 1 + n // 4) % 4]
    return [
        f"{town.upper()}, March {1 + n % 28} — {adjective} police arrested {n + 2} protest "
        f"leaders in {town} on Tuesday after a march against the closure of the "
        f"{WORDS[n % len(WORDS)]}, and the mayor condemned the arrests.",
        f"The government of {home} accused {other} of breaking a fishing agreement "
        f"over the {WORDS[(n * 7) % len(WORDS)]}.",
        f'"We will not be silenced," said Maria Lopez, a teacher who led march number {n}. '
        "The interior ministry said it would investigate the police response.",
        f"Damage was reported at the {extra}.",
    ]


def page(n: int, *, canonical: bool = True, note: str = "") -> str:
    title = f"Police arrest protest leaders in {TOWNS[n % len(TOWNS)]} after march {n}"
    link = f'<link rel="canonical" href="{CANONICAL.format(n=n)}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body(n))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'{link}<meta property="article:published_time" content="2024-03-{1 + n % 28:02d}">'
        f"</head><body><article><h1>{title}</h1>{paragraphs}</article>{note}</body></html>"
    )


def arrival(n: int) -> str:
    return ARRIVALS[n % len(ARRIVALS)].format(n=n)


def corpus(path: Path) -> Path:
    lines: list[dict[str, Any]] = []
    for n in range(PAGES):
        lines.append({"url": arrival(n), "html": page(n, canonical=n != NO_CANONICAL)})
        if n == PAGES // 2:
            lines.append({"url": "https://news.example/broken", "html": "  "})  # E103
        if n == PAGES - 4:  # the same page again, a timestamp apart, under a mirror URL
            copy = page(TWIN_OF, note="<!-- served 2024-03-02T10:00 -->")
            lines.append({"url": TWIN_URL, "html": copy})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def ingest_cmd(corpus_path: Path, target: str) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(corpus_path), "--db", target, "-q"]


def run(*args: str | Path) -> Result:
    """The CLI in this process (the spaCy model loads once for the whole test)."""
    return CliRunner().invoke(cli, [str(a) for a in args])


def count(target: str, engine: Engine | None = None) -> int:
    """Articles stored in ``target`` (0 before its tables exist or while it is locked);
    ``engine``: one kept open across polls, so a poll costs a query, not a connection set-up."""
    own = engine is None
    engine = engine or create_engine(database_url(target), connect_args=_quick(target))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
    except SQLAlchemyError:  # not created yet, or locked for a moment
        return 0
    finally:
        if own:
            engine.dispose()


def _quick(target: str) -> dict[str, Any]:
    return {"timeout": 1} if "://" not in target else {}


def kill_after(corpus_path: Path, target: str, articles: int) -> None:
    """Start the ingest and kill -9 it once ``articles`` more articles are stored.

    The records of a parse batch are stored in one quick burst after the batch's analysis,
    so the poll must be cheap to land inside it on a loaded machine: one engine for all polls.
    """
    start = count(target)
    engine = create_engine(database_url(target), connect_args=_quick(target))
    process = subprocess.Popen(
        ingest_cmd(corpus_path, target), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 180
    try:
        while count(target, engine) < start + articles and time.monotonic() < deadline:
            if process.poll() is not None:
                break
            time.sleep(0.001)
    finally:
        engine.dispose()
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A function giving a fresh, empty database on the back-end of the test."""
    names = iter(range(100))

    def make() -> str:
        if request.param == "sqlite":
            return str(tmp_path / f"store-{next(names)}.db")
        server = request.getfixturevalue("postgres_server")
        return str(server.new_database())

    return make


def test_once_twice_and_killed_runs_leave_identical_stores(new_store: Any, tmp_path: Path) -> None:
    source = corpus(tmp_path / "pages.jsonl")

    once = new_store()
    first = run("ingest", source, "--db", once, "-q")
    assert first.exit_code == 1, first.output  # the broken record fails, the batch goes on
    assert f"{PAGES} inserted, 1 skipped, 1 failed" in first.stdout
    after_one = dump(once)
    assert len(after_one["articles"]) - 1 == PAGES
    assert len(after_one["events"]) > PAGES and len(after_one["quotes"]) >= PAGES  # NLP ran

    # every URL a page arrived under, and its canonical URL, from the first ingest on
    with Store.open(once, create=False) as store:
        for n in range(PAGES):
            found = store.find(arrival(n))
            assert found is not None, arrival(n)
            wanted = {arrival(n)} | ({CANONICAL.format(n=n)} if n != NO_CANONICAL else set())
            if n == TWIN_OF:
                wanted.add(TWIN_URL)
            assert set(store.urls(found)) == wanted, n
            assert store.find(CANONICAL.format(n=n)) == found
        assert store.find(TWIN_URL) == store.find(arrival(TWIN_OF))
        assert store.find("https://news.example/2024/03/story-404") is None

    second = run("ingest", source, "--db", once, "-q")
    assert f"0 inserted, {PAGES + 1} skipped, 1 failed" in second.stdout, second.stdout
    assert differences(after_one, dump(once)) == []  # not a row changed, timestamps included

    killed = new_store()
    for articles in (1, 6, 7):  # three kills, each some way into what is left
        kill_after(source, killed, articles)
        assert count(killed) < PAGES
    run("ingest", source, "--db", killed, "-q")
    reference = dump(once, mask_wall_clock=True)
    assert differences(reference, dump(killed, mask_wall_clock=True)) == []


def test_get_finds_an_article_by_any_url_it_arrived_under(tmp_path: Path) -> None:
    source = corpus(tmp_path / "pages.jsonl")
    db = str(tmp_path / "store.db")
    run("ingest", source, "--db", db, "--no-nlp", "-q")
    by_id = {}
    for n in (1, 2, 3):
        got = run("get", arrival(n), "--db", db)
        assert got.exit_code == 0, got.output
        record = json.loads(got.stdout)
        assert record["input_url"] == arrival(n)
        assert record["article"]["url"] == CANONICAL.format(n=n)
        assert set(record["urls"]) == {arrival(n), CANONICAL.format(n=n)}
        by_id[n] = record["id"]
        assert json.loads(run("get", record["id"], "--db", db).stdout) == record
    # a URL that only normalises like the canonical one (https, no www., a tracking query)
    loose = run("get", "https://www.news.example/2024/03/story-2/?utm_source=x", "--db", db)
    assert json.loads(loose.stdout)["id"] == by_id[2]
    missing = run("get", "https://elsewhere.example/x", "--db", db)
    # a usage error (E001, exit 2), as `compare` with an unknown story: not a database error
    assert missing.exit_code == 2 and "E001 no article with id or URL" in missing.output


def test_the_url_asked_for_is_kept_when_a_redirect_led_elsewhere(tmp_path: Path) -> None:
    """A URL argument that redirected: the URL given (the input id), the final URL and the
    canonical one all find the article from the first ingest; a second changes nothing."""
    from dateline.batch import ingest
    from dateline.model import Document
    from dateline.options import Options

    asked, final = "https://short.example/s/7", "https://www.news.example/2024/03/story-7?src=a"
    document = Document(asked, page(7), kind="html", url=final)
    db = str(tmp_path / "store.db")
    options = Options(nlp=False)
    with Store.open(db) as store:
        ingest([document], store, options)
        found = store.find(asked)
        assert found is not None and store.find(final) == found
        assert store.urls(found) == sorted([asked, final, CANONICAL.format(n=7)])
        feed_entry = Document("https://feed.example/rss#item-7", page(7), kind="html", url=final)
        ingest([feed_entry], store, options)  # a feed entry's id is not a URL it arrived under
        before = dump(db)
        ingest([document], store, options)
    assert differences(before, dump(db)) == []
