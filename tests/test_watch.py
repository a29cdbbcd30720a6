"""``dateline watch``: three cycles against changing loopback servers give exactly the
expected articles and events, once each, on SQLite and PostgreSQL.

The servers (``dateline_dev.loopback``) run on 127.0.0.1 in threads: a fast host with an
RSS feed that answers 304 when nothing changed, a sitemap host that fails (500) in the second
cycle, and a slow host whose feed sends no validators (so it answers 200 every time, and
the watcher must not fetch its seen articles again). The clock is injected, so the
back-off schedule is exact.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from dateline.model import Document
from dateline.options import Options
from dateline.pipeline import analyze
from dateline.store import Store
from dateline.store.watch import WatchState
from dateline.watch import Watcher, backoff
from dateline_dev.loopback import Host, article_page, rss, sitemap

EVERY = timedelta(minutes=15)
OPTIONS = Options(host_interval=0.05, retries=0, timeout=5.0)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta = EVERY) -> None:
        self.now += delta


@pytest.fixture
def hosts() -> Iterator[tuple[Host, Host, Host]]:
    fast, flaky, slow = Host(), Host(), Host(validators=False)
    slow.delay = 0.2
    try:
        yield fast, flaky, slow
    finally:
        for host in (fast, flaky, slow):
            host.close()


def publish(host: Host, numbers: list[int], path: str, kind: str) -> str:
    """Serve the articles ``numbers`` on ``host`` and list them in a feed or sitemap."""
    links = [host.set(f"/news/{n}.html", article_page(n)) for n in numbers]
    if kind == "rss":
        items = [(url, f"Story {n}") for url, n in zip(links, numbers, strict=True)]
        return host.set(path, rss(items), "application/rss+xml")
    return host.set(path, sitemap(links), "application/xml")


def expected_events(url: str, page: str) -> list[tuple[str, str]]:
    record = analyze(Document(input_id=url, content=page, kind="html", url=url))
    return sorted((str(e["cameo"]), str(e.get("sentence"))) for e in record.events)


def stored(store: Store) -> dict[str, list[tuple[str, str]]]:
    """Per stored article URL: its events (code, sentence) from the events table."""
    with store.engine.connect() as connection:
        articles = dict(connection.execute(text("SELECT id, url FROM articles")).all())
        events = connection.execute(text("SELECT article_id, cameo, sentence FROM events")).all()
    found: dict[str, list[tuple[str, str]]] = {url: [] for url in articles.values()}
    for article_id, cameo, sentence in events:
        found[articles[article_id]].append((str(cameo), str(sentence)))
    return {url: sorted(rows) for url, rows in found.items()}


def test_three_cycles_give_each_article_and_event_once(
    hosts: tuple[Host, Host, Host], store_target: str, tmp_path: Path
) -> None:
    fast, flaky, slow = hosts
    feed = publish(fast, [1, 2, 3], "/feed.xml", "rss")
    site_map = publish(flaky, [10, 11], "/sitemap.xml", "sitemap")
    slow_feed = publish(slow, [20], "/slow.xml", "rss")
    page = fast.set("/page/30.html", article_page(30))  # a page given as a source itself
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# the slow host and one page\n{slow_feed}\n{page}\n", encoding="utf-8")
    clock = Clock()
    expected: dict[str, list[tuple[str, str]]] = {}

    def expect(host: Host, numbers: list[int], path: str = "/news/{}.html") -> None:
        for n in numbers:
            url = host.url(path.format(n))
            expected[url] = expected_events(url, article_page(n))

    with Store.open(store_target) as store:
        watcher = Watcher(store, [feed, site_map, f"@{listing}"], OPTIONS, every=EVERY, now=clock)
        first = watcher.cycle()
        expect(fast, [1, 2, 3])
        expect(flaky, [10, 11])
        expect(slow, [20])
        expect(fast, [30], "/page/{}.html")
        assert stored(store) == expected
        assert (first.new_articles, first.sources, first.failures) == (7, 4, [])
        assert first.events == sum(map(len, expected.values())) > 0

        # cycle 2: two new items on the fast feed, the sitemap fails, the slow feed is the same
        publish(fast, [1, 2, 3, 4, 5], "/feed.xml", "rss")
        flaky.fail("/sitemap.xml", 500)
        clock.advance()
        second = watcher.cycle()
        expect(fast, [4, 5])
        assert stored(store) == expected
        assert second.new_articles == 2 and len(second.failures) == 1
        assert "sitemap.xml" in second.failures[0] and "500" in second.failures[0]

        # cycle 3: the sitemap is back with a new URL (asked again one cycle after its first
        # failure), the fast feed is unchanged (304), the slow feed has a new item
        flaky.recover("/sitemap.xml")
        publish(flaky, [10, 11, 12], "/sitemap.xml", "sitemap")
        publish(slow, [20, 21], "/slow.xml", "rss")
        clock.advance()
        third = watcher.cycle()
        expect(flaky, [12])
        expect(slow, [21])
        assert stored(store) == expected
        assert (third.new_articles, third.not_modified, third.failures) == (2, 1, [])
        assert ("/feed.xml", 304) in [(path, status) for path, _, status in fast.log]

        # once each: every article page was fetched exactly once; no event row twice
        for host in hosts:
            pages = {p: n for p, n in host.hits.items() if p.startswith(("/news", "/page"))}
            assert set(pages.values()) == {1}, pages
        assert store.count() == len(expected) == 11
        with store.engine.connect() as connection:
            keys = connection.execute(text("SELECT article_id, n FROM events")).all()
        assert len(keys) == len(set(keys)) == sum(map(len, expected.values()))

        # the slow host was asked politely: never two requests closer than host_interval
        times = [t for _path, t, _status in slow.log]
        assert all(b - a >= OPTIONS.host_interval for a, b in pairwise(times))

        cycles = WatchState(store).cycles()
        assert [(c.new_articles, c.failures, c.not_modified) for c in cycles] == [
            (7, 0, 0),
            (2, 1, 1),  # the slow feed sent what it sent before: not parsed again
            (2, 0, 1),
        ]
        assert "2 new articles" in third.line(clock.now + EVERY)
        assert "next run 2026-03-01T12:45:00+00:00" in third.line(clock.now + EVERY)
        watcher.close()

    # a restart remembers everything: nothing new is fetched, nothing stored twice
    with Store.open(store_target) as store:
        before = _hits(hosts)
        clock.advance()
        again = Watcher(store, [feed, site_map, f"@{listing}"], OPTIONS, every=EVERY, now=clock)
        fourth = again.cycle()
        again.close()
        assert fourth.new_articles == 0 and fourth.number == 4
        fetched = _hits(hosts) - before
        assert all(not path.startswith(("/news", "/page")) for path in fetched), fetched
        assert stored(store) == expected


def _hits(hosts: tuple[Host, ...]) -> Counter[str]:
    total: Counter[str] = Counter()
    for host in hosts:
        total.update({f"{host.base}{path}": n for path, n in host.hits.items()})
    return total


def test_a_failing_source_backs_off_one_two_four_cycles(tmp_path: Path) -> None:
    assert [backoff(n, EVERY) for n in range(4)] == [
        timedelta(0),
        EVERY,
        2 * EVERY,
        4 * EVERY,
    ]
    assert backoff(30, EVERY) == timedelta(hours=6)
    clock = Clock()
    with Host() as host, Store.open(tmp_path / "w.db") as store:
        feed = publish(host, [1], "/feed.xml", "rss")
        host.fail("/feed.xml", 503)
        watcher = Watcher(store, [feed], OPTIONS, every=EVERY, now=clock)
        asked = []
        for _ in range(6):
            report = watcher.cycle()
            asked.append(report.sources)
            clock.advance()
        watcher.close()
        # failures 1, 2 (then wait 2 cycles), 3 (then wait 4 cycles)
        assert asked == [1, 1, 0, 1, 0, 0]
        state = WatchState(store).sources()[feed]
        assert state.failures == 3 and "503" in (state.last_error or "")
        assert host.hits["/feed.xml"] == 3


def test_conditional_get_sends_the_validators_of_the_last_answer(tmp_path: Path) -> None:
    clock = Clock()
    with Host() as host, Store.open(tmp_path / "w.db") as store:
        feed = publish(host, [1], "/feed.xml", "rss")
        watcher = Watcher(store, [feed], OPTIONS, every=EVERY, now=clock)
        watcher.cycle()
        state = WatchState(store).sources()[feed]
        assert state.kind == "feed" and state.etag and state.last_modified
        clock.advance()
        assert watcher.cycle().not_modified == 1
        watcher.close()
    statuses = [status for path, _t, status in host.log if path == "/feed.xml"]
    assert statuses == [200, 304]


def dump(store: Store) -> dict[str, list[Any]]:
    """Every table the watcher writes, in a fixed order, without the wall-clock columns."""
    skip = {"ingested_at", "seen_at", "at", "record"}
    out = {}
    with store.engine.connect() as connection:
        for table, order in (
            ("articles", "seq"),
            ("urls", "article_id, url"),
            ("entities", "article_id, entity_id"),
            ("quotes", "article_id, n"),
            ("events", "article_id, n"),
            ("stories", "id"),
            ("errors", "input_id, code"),
            ("watch_items", "key"),
        ):
            result = connection.execute(text(f"SELECT * FROM {table} ORDER BY {order}"))
            columns: list[str] = list(result.keys())
            names = [name for name in columns if name not in skip]
            out[table] = [tuple(row._mapping[n] for n in names) for row in result]
    return out


def test_a_cycle_that_finds_nothing_writes_nothing(tmp_path: Path) -> None:
    clock = Clock()
    with Host(validators=False) as host, Store.open(tmp_path / "w.db") as store:
        feed = publish(host, [1], "/feed.xml", "rss")
        watcher = Watcher(store, [feed], OPTIONS, every=EVERY, now=clock)
        watcher.cycle()
        clock.advance()
        quiet = watcher.cycle()  # the same feed again, without validators: hashed, not parsed
        assert quiet.not_modified == 1 and quiet.new_articles == 0
        assert len(WatchState(store).cycles()) == 1
        clock.advance(timedelta(hours=1))
        watcher.cycle()  # a quiet cycle still leaves a row once an hour
        watcher.close()
        assert len(WatchState(store).cycles()) == 2
    assert host.hits["/news/1.html"] == 1


def test_bench_watch_reports_both_setups() -> None:
    from dateline_dev.eval.bench_watch import bench_watch

    result = bench_watch(sources=2, items=2, hosts=1, cycles=1)
    setups = {setup["name"]: setup for setup in result["setups"]}
    assert setups["not_modified"]["answers"] == {"304": 2}
    assert setups["unchanged"]["answers"] == {"200": 2}
    for setup in setups.values():
        assert 0.0 <= setup["other_share"] <= 1.0 and setup["total"] >= setup["fetch"] > 0


def test_robots_txt_and_sitemap_indexes(tmp_path: Path) -> None:
    """A page robots.txt disallows is a final failure (never fetched, never retried); a
    sitemap index's sitemaps are watched too, and an article two sources list is fetched
    once."""
    clock = Clock()
    robots = "User-agent: *\nDisallow: /private/\n"
    with Host(robots=robots) as host, Store.open(tmp_path / "w.db") as store:
        host.set("/private/9.html", article_page(9))
        first = publish(host, [1, 2], "/sitemap-1.xml", "sitemap")
        second = publish(host, [2, 3], "/sitemap-2.xml", "sitemap")
        index = host.set(
            "/sitemap-index.xml",
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/'
            f'0.9"><sitemap><loc>{first}</loc></sitemap><sitemap><loc>{second}</loc></sitemap>'
            "</sitemapindex>",
            "application/xml",
        )
        feed = host.set(
            "/feed.xml", rss([(host.url("/private/9.html"), "Hidden")]), "application/rss+xml"
        )
        watcher = Watcher(store, [index, feed], OPTIONS, every=EVERY, now=clock)
        report = watcher.cycle()
        assert report.new_articles == 3
        assert [f.split(": ")[1].split()[0] for f in report.failures] == ["E108"]
        clock.advance()
        again = watcher.cycle()
        watcher.close()
        assert again.new_articles == 0 and again.failures == []
        assert host.hits["/private/9.html"] == 0
        assert [host.hits[f"/news/{n}.html"] for n in (1, 2, 3)] == [1, 1, 1]
        assert WatchState(store).items([host.url("/private/9.html")]) != {}


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("90s", 90), ("1h", 3600), ("2.5", 2.5), ("1d", 86400)]
)
def test_every_takes_a_period_with_a_unit(text: str, seconds: float) -> None:
    from dateline.cli.watch import parse_every

    assert parse_every(None, None, text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "0", "-5m", "15 minutes", "m"])
def test_every_refuses_what_is_not_a_period(text: str) -> None:
    import click

    from dateline.cli.watch import parse_every

    with pytest.raises(click.BadParameter):
        parse_every(None, None, text)


def test_a_gzip_compressed_sitemap_is_read(tmp_path: Path) -> None:
    import gzip

    clock = Clock()
    with Host() as host, Store.open(tmp_path / "w.db") as store:
        links = [host.set(f"/news/{n}.html", article_page(n)) for n in (1, 2)]
        packed = host.set(
            "/sitemap.xml.gz", gzip.compress(sitemap(links).encode()), "application/gzip"
        )
        broken = host.set("/broken.xml.gz", gzip.compress(b"<urlset>")[:12], "application/gzip")
        watcher = Watcher(store, [packed, broken], OPTIONS, every=EVERY, now=clock)
        report = watcher.cycle()
        watcher.close()
        assert report.new_articles == 2
        assert len(report.failures) == 1 and "E114" in report.failures[0]


def test_two_cycles_started_in_the_same_second(tmp_path: Path) -> None:
    """A source whose answer changed is written even when nothing else of its state looks
    different (cycles run back to back, as with --once from a busy cron)."""
    clock = Clock()
    with Host() as host, Store.open(tmp_path / "w.db") as store:
        feed = publish(host, [1], "/feed.xml", "rss")
        watcher = Watcher(store, [feed], OPTIONS, every=EVERY, now=clock)
        watcher.cycle()
        publish(host, [1, 2], "/feed.xml", "rss")
        assert watcher.cycle().new_articles == 1  # the clock has not moved
        watcher.close()
        state = WatchState(store).sources()[feed]
        assert state.etag == '"' + hashlib.md5(host.routes["/feed.xml"].body).hexdigest() + '"'
