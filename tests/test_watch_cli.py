"""``dateline watch`` as a command: stopped by SIGTERM and killed with ``kill -9`` in the
middle of a cycle (a real subprocess), restarted, it loses and duplicates nothing: the full
ordered dump of every table it writes equals an uninterrupted run's. And ``--gdelt-updates``
writes files pandas reads under GDELT's column names, listed in ``lastupdate.txt``.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from dateline.options import Options
from dateline.store import Store
from dateline.watch import Watcher
from dateline_dev.loopback import Host, article_page, rss
from test_watch import dump

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
ARTICLES = 60
COLUMNS = (EVENT_COLUMNS, MENTION_COLUMNS)


@pytest.fixture
def host() -> Iterator[Host]:
    with Host() as served:
        yield served


def serve_feed(host: Host, numbers: range) -> str:
    links = [host.set(f"/news/{n}.html", article_page(n)) for n in numbers]
    items = [(link, f"Story {n}") for link, n in zip(links, numbers, strict=True)]
    return host.set("/feed.xml", rss(items), "application/rss+xml")


def watch_cmd(feed: str, db: Path, *extra: str) -> list[str]:
    return [
        *(sys.executable, "-m", "dateline", "watch", feed, "--db", str(db)),
        *("--every", "1s", "--host-interval", "0", *extra),
    ]


def run_until(host: Host, command: list[str], path: str, sig: signal.Signals) -> tuple[int, str]:
    """Run ``command``; send it ``sig`` when the server is asked for ``path``."""
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)

    def hook(asked: str) -> None:
        if asked == path:
            os.kill(proc.pid, sig)

    host.on_request = hook
    try:
        _, err = proc.communicate(timeout=300)
    finally:
        host.on_request = None
    return proc.returncode, err


def test_sigterm_and_kill_9_mid_cycle_lose_and_duplicate_nothing(
    host: Host, tmp_path: Path
) -> None:
    feed = serve_feed(host, range(1, ARTICLES + 1))
    db = tmp_path / "watched.db"
    # SIGTERM while article 20 is fetched: the 20 fetched are analyzed and saved, then exit 0
    status, err = run_until(host, watch_cmd(feed, db), "/news/20.html", signal.SIGTERM)
    assert status == 0, err
    assert "SIGTERM" in err and "stopped" in err
    with Store.open(db) as store:
        assert store.count() == 20
    # kill -9 while article 55 is fetched: 21-52 (one analysis batch) are stored, 53-55 not
    status, err = run_until(host, watch_cmd(feed, db), "/news/55.html", signal.SIGKILL)
    assert status == -signal.SIGKILL
    with Store.open(db) as store:
        assert store.count() == 20 + Options().batch_size
    # restarted once, it does the rest
    done = subprocess.run(watch_cmd(feed, db, "--once"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "cycle 2:" in done.stderr and f"{ARTICLES - 52} new articles" in done.stderr
    # an article stored before a stop or a kill was never fetched again
    refetched = [n for n in range(1, ARTICLES + 1) if host.hits[f"/news/{n}.html"] > 1]
    assert refetched == [53, 54, 55]  # fetched, not yet saved when killed

    reference = tmp_path / "reference.db"
    with Store.open(reference) as store:
        watcher = Watcher(store, [feed], Options(host_interval=0), every=timedelta(seconds=1))
        watcher.cycle()
        watcher.close()
    with Store.open(db) as interrupted, Store.open(reference) as uninterrupted:
        got, want = dump(interrupted), dump(uninterrupted)
    assert len(want["articles"]) == ARTICLES and len(want["events"]) > ARTICLES
    for table in want:
        assert got[table] == want[table], table


def test_gdelt_updates_read_back_with_pandas_and_are_listed(host: Host, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    db, out = tmp_path / "w.db", tmp_path / "updates"
    feed = serve_feed(host, range(1, 4))
    args = ["watch", feed, "--db", str(db), "--once", "--host-interval", "0"]
    args += ["--gdelt-updates", str(out)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "GDELT update" in first.output
    listed_first = (out / "lastupdate.txt").read_text(encoding="utf-8").splitlines()
    feed = serve_feed(host, range(1, 6))
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    listed = (out / "lastupdate.txt").read_text(encoding="utf-8").splitlines()
    assert len(listed) == 2 and listed != listed_first

    urls: dict[str, set[str]] = {}
    for line, columns, kind in zip(
        listed, (EVENT_COLUMNS, MENTION_COLUMNS), ("export", "mentions"), strict=True
    ):
        size, md5, name = line.split(" ")
        path = out / name
        assert name.endswith(f".{kind}.CSV.zip") and path.stat().st_size == int(size)
        assert hashlib.md5(path.read_bytes()).hexdigest() == md5
        with zipfile.ZipFile(path) as archive:
            assert archive.namelist() == [name.removesuffix(".zip")]
        frame = pd.read_csv(path, sep="\t", header=None, names=list(columns), dtype=str)
        assert len(frame) > 0 and not frame.isna().all(axis=1).any()
        url_column = "SOURCEURL" if kind == "export" else "MentionIdentifier"
        urls[kind] = set(frame[url_column])
    # the second update holds only the articles new in the second cycle
    assert urls["export"] == urls["mentions"] == {host.url(f"/news/{n}.html") for n in (4, 5)}
    events = pd.read_csv(out / listed[0].split(" ")[2], sep="\t", header=None, dtype=str)
    assert events[0].is_unique  # GLOBALEVENTID
    master = (out / "masterfilelist.txt").read_text(encoding="utf-8").splitlines()
    assert master == listed_first + listed

    # a cycle with nothing new writes nothing and keeps lastupdate.txt as it was
    third = CliRunner().invoke(cli, args)
    assert third.exit_code == 0 and "GDELT update" not in third.output
    assert (out / "lastupdate.txt").read_text(encoding="utf-8").splitlines() == listed


def test_a_later_report_of_an_earlier_story_is_a_mention_only(host: Host, tmp_path: Path) -> None:
    """As in GDELT's updates: an event row once per real-world event, then mention rows that
    point at it. Articles 1 and 85 of the loopback newsroom report the same events (however many
    the coder finds in them: the count is the coder's business, not the update writer's)."""
    pd = pytest.importorskip("pandas")
    from dateline.watch.updates import write_updates

    out = tmp_path / "updates"
    feed = serve_feed(host, range(1, 2))
    with Store.open(tmp_path / "w.db") as store:
        watcher = Watcher(store, [feed], Options(host_interval=0), every=timedelta(minutes=15))
        watcher.cycle()
        first = write_updates(store, out, datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
        host.set("/news/85.html", article_page(85))
        host.set("/feed.xml", rss([(host.url(f"/news/{n}.html"), "") for n in (1, 85)]))
        assert watcher.cycle().new_articles == 1
        second = write_updates(store, out, datetime(2026, 3, 1, 12, 15, tzinfo=UTC))
        watcher.close()

    def read(path: Path, columns: tuple[str, ...]) -> Any:
        if zipfile.ZipFile(path).read(path.name.removesuffix(".zip")) == b"":
            return pd.DataFrame(columns=list(columns))
        return pd.read_csv(path, sep="\t", header=None, names=list(columns), dtype=str)

    events_1, mentions_1 = (read(p, c) for p, c in zip(first.paths, COLUMNS, strict=True))
    events_2, mentions_2 = (read(p, c) for p, c in zip(second.paths, COLUMNS, strict=True))
    found = len(events_1)
    assert found >= 2 and len(mentions_1) == found
    assert len(events_2) == 0 and len(mentions_2) == found
    assert set(mentions_2["GLOBALEVENTID"]) == set(events_1["GLOBALEVENTID"])
    assert set(mentions_2["MentionIdentifier"]) == {host.url("/news/85.html")}
    assert set(mentions_2["EventTimeDate"]) == set(events_1["DATEADDED"])
