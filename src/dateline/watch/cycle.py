"""One watch cycle, and the loop of cycles: ask every source what is new, store it once.

A cycle, for each source (feed, sitemap, URL list or page) in the order given:

1. skips it while it is backing off (``retry_at`` in the future, see ``backoff``), and skips
   a page already stored (an article is never fetched twice);
2. GETs it conditionally, with the ETag and Last-Modified of its last answer; a 304 ends it;
3. lists its candidates (``discover``) and drops those ``watch_items`` has dealt with;
4. fetches each new candidate (politely: the same ``Fetcher`` as ``ingest``, robots.txt and
   per-host pace), analyzes it and saves it with ``batch.ingest``; the item's row in
   ``watch_items`` is written in the article's own transaction.

A failed source (network, 5xx after the fetcher's retries, an unreadable feed) waits
``backoff(failures)`` before it is asked again; its other state is kept. Source states and
the cycle's row are written when the cycle ends; a cycle stopped or killed before that
leaves the articles it stored, with their items marked, and the next cycle asks the sources
again (conditional GETs: the same answer again is cheap, and seen items are not fetched).

``stop`` (a ``threading.Event``, set by SIGTERM/SIGINT in the CLI) is checked before every
source and every fetch: the documents already fetched are analyzed and saved, nothing more
is fetched, the cycle is logged as stopped.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from sqlalchemy import Connection

from dateline.batch import ingest
from dateline.errors import SourceError
from dateline.model import Analysis, Document
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem
from dateline.sources.lists import is_list_argument, read_list
from dateline.sources.web import Fetcher, is_url
from dateline.store import Store
from dateline.store.watch import TRANSIENT, CycleRow, SourceState, WatchState
from dateline.watch.discover import SOURCE_TYPES, Listing, listing

T = TypeVar("T")

#: The longest a failing source waits before it is asked again.
MAX_BACKOFF = timedelta(hours=6)
#: robots.txt is read again (a new Fetcher) after this long, as RFC 9309 allows caching.
ROBOTS_MAX_AGE = 24 * 3600.0
#: A cycle that finds nothing and changes nothing writes nothing (its sources' 304s and
#: unchanged answers included), except a row in watch_cycles this often, so that the
#: store's "sources checked" stamp stays within this of the truth.
QUIET_LOG_EVERY = timedelta(hours=1)
#: Sitemap indexes may list sitemap indexes; this deep and no deeper.
MAX_SITEMAP_DEPTH = 3


def backoff(failures: int, every: timedelta) -> timedelta:
    """How long a source that failed ``failures`` times in a row waits: one cycle after the
    first failure, then twice as long each time, at most MAX_BACKOFF."""
    if failures <= 0:
        return timedelta(0)
    return min(every * 2 ** (failures - 1), MAX_BACKOFF)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Timings:
    """Seconds of one cycle by what they were spent on (``dateline bench watch``)."""

    fetch: float = 0.0  # HTTP: sources and articles, with the polite waits between them
    analysis: float = 0.0  # extraction and NLP of new documents, and saving them
    total: float = 0.0

    @property
    def other(self) -> float:
        return max(0.0, self.total - self.fetch - self.analysis)


@dataclass(slots=True)
class CycleReport:
    """What one cycle did."""

    number: int
    started: datetime
    finished: datetime | None = None
    sources: int = 0
    not_modified: int = 0
    deferred: int = 0
    new_articles: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    stopped: bool = False
    timings: Timings = field(default_factory=Timings)

    def line(self, next_run: datetime | None) -> str:
        """The cycle's one log line."""
        parts = [
            f"{self.new_articles} new articles",
            f"{self.events} events",
            f"{self.sources} sources ({self.not_modified} not modified"
            + (f", {self.deferred} backing off)" if self.deferred else ")"),
            f"{len(self.failures)} failed",
        ]
        if self.failures:
            parts[-1] += " (" + "; ".join(self.failures[:3])
            parts[-1] += f"; +{len(self.failures) - 3} more)" if len(self.failures) > 3 else ")"
        when = _iso(self.finished or self.started)
        tail = "stopped" if self.stopped else f"next run {_iso(next_run)}" if next_run else "done"
        return f"{when} cycle {self.number}: " + ", ".join(parts) + f"; {tail}"

    def row(self) -> CycleRow:
        """The cycle as the store's watch log keeps it (counts only)."""
        return CycleRow(
            started_at=_iso(self.started),
            finished_at=_iso(self.finished or self.started),
            sources=self.sources,
            not_modified=self.not_modified,
            new_articles=self.new_articles,
            events=self.events,
            failures=len(self.failures),
            stopped=int(self.stopped),
        )


class Watcher:
    """Keeps a store current from feeds, sitemaps and URL lists.

    ``sources`` are URLs or ``@FILE`` lists of URLs (read again each cycle, so a list can
    grow). ``now`` is the wall clock (UTC), injectable for tests.
    """

    def __init__(
        self,
        store: Store,
        sources: Iterable[str],
        options: Options | None = None,
        *,
        every: timedelta = timedelta(minutes=15),
        workers: int = 1,
        stop: threading.Event | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        fetcher: Callable[[Options], Fetcher] = Fetcher,
    ) -> None:
        self.store = store
        self.state = WatchState(store)
        self.arguments = list(sources)
        self.options = options or Options()
        self.every = every
        self.workers = workers
        self.stop = stop or threading.Event()
        self.now = now
        self._make_fetcher = fetcher
        self._fetcher: Fetcher | None = None
        self._fetcher_born = 0.0
        logged = self.state.cycles()
        self.cycles = len(logged)
        self._last_logged = datetime.fromisoformat(logged[-1].finished_at) if logged else None

    def _logged_within(self, moment: datetime) -> bool:
        """Whether a cycle row was written less than QUIET_LOG_EVERY before ``moment``."""
        last = self._last_logged
        return last is not None and moment - last < QUIET_LOG_EVERY

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None or time.monotonic() - self._fetcher_born > ROBOTS_MAX_AGE:
            self.close()
            self._fetcher = self._make_fetcher(self.options)
            self._fetcher_born = time.monotonic()
        return self._fetcher

    def source_urls(self, failures: list[str]) -> list[str]:
        """The sources of this cycle: URLs, and the lines of ``@FILE`` lists."""
        urls: list[str] = []
        for argument in self.arguments:
            entries: Iterable[str | SourceFailure]
            entries = read_list(argument) if is_list_argument(argument) else [argument]
            for entry in entries:
                if isinstance(entry, SourceFailure):
                    failures.append(f"{entry.input_id}: {entry.code} {entry.message}")
                elif not is_url(entry):
                    failures.append(f"{entry}: E107 not an http(s) URL; watch reads URLs only")
                else:
                    urls.append(entry)
        return list(dict.fromkeys(urls))

    def cycle(self) -> CycleReport:
        """Run one cycle; see the module docs."""
        self.cycles += 1
        started = self.now()
        clock = time.perf_counter()
        report = CycleReport(self.cycles, started)
        states = self.state.sources()
        touched: dict[str, SourceState] = {}
        # a source's new validators are kept only once every candidate of the answer they
        # came with has been dealt with: else the next 304 would hide the rest for ever
        validators: dict[str, tuple[str | None, str | None, str | None]] = {}
        complete: set[str] = set()
        unfinished: set[str] = set()
        pending: dict[str, deque[tuple[str, str]]] = defaultdict(deque)
        timings = report.timings

        def items() -> Iterator[SourceItem]:
            queue = deque((url, 0) for url in self.source_urls(report.failures))
            seen_sources: set[str] = set()
            claimed: set[str] = set()
            while queue and not self.stop.is_set():
                url, depth = queue.popleft()
                if url in seen_sources:
                    continue
                seen_sources.add(url)
                state = states.get(url) or SourceState(url)
                before = _essence(state)
                found = self._ask(url, state, started, report)
                if found is not None or _essence(state) != before:
                    touched[url] = state  # a 304 or an unchanged answer changes nothing
                if found is None:
                    continue
                if found.sources:  # a sitemap index: read whole each time, for its sitemaps
                    if depth < MAX_SITEMAP_DEPTH:
                        queue.extend((child, depth + 1) for child in found.sources)
                else:
                    validators[url] = (found.etag, found.last_modified, found.digest)
                known = self.state.items(c.key for c in found.candidates)
                for candidate in found.candidates:
                    if candidate.key in claimed:
                        continue
                    prior = known.get(candidate.key)
                    if prior is not None and prior.done():
                        continue
                    if self.stop.is_set():
                        return
                    claimed.add(candidate.key)
                    item = self._timed(candidate.fetch, timings)
                    pending[item.input_id].append((candidate.key, url))
                    yield item
                complete.add(url)

        def take(input_id: str) -> tuple[str, str] | None:
            queue = pending.get(input_id)
            return queue.popleft() if queue else None

        def mark(connection: Connection, record: Analysis, stored_id: str | None) -> None:
            claim = take(record.input_id)
            if claim is not None:
                code = record.error.code if record.error else None
                WatchState.mark(connection, claim[0], claim[1], stored_id, code)
                if code == TRANSIENT:
                    unfinished.add(claim[1])

        def on_skip(document: Document) -> None:
            claim = take(document.input_id)
            if claim is not None:
                self.state.mark_now(claim[0], claim[1], document.id, None)
            report.duplicates += 1

        def on_record(record: Analysis, inserted: bool) -> None:
            if record.error is not None:
                report.failures.append(
                    f"{record.input_id}: {record.error.code} {record.error.message}"
                )
            elif inserted:
                report.new_articles += 1
                report.events += len(record.events)
                report.new_ids.append(record.id)
            else:
                report.duplicates += 1

        stream = _Timed(items())
        begun = time.perf_counter()
        ingest(
            stream,
            self.store,
            self.options,
            workers=self.workers,
            on_record=on_record,
            on_skip=on_skip,
            mark=mark,
        )
        # what ingest spent outside the item stream: analysis (and saving what is new)
        timings.analysis = time.perf_counter() - begun - stream.seconds
        report.stopped = self.stop.is_set()
        report.finished = self.now()
        for url in complete - unfinished:
            if url in validators:
                source = touched[url]
                source.etag, source.last_modified, source.digest = validators[url]
        quiet = not (touched or report.new_articles or report.duplicates or report.failures)
        if quiet and not report.stopped and self._logged_within(report.finished):
            timings.total = time.perf_counter() - clock
            return report  # nothing to write: no disk sync for a cycle that found nothing
        self._last_logged = report.finished
        self.state.finish_cycle(
            touched.values(),
            report.row(),
        )
        timings.total = time.perf_counter() - clock
        return report

    def _ask(
        self, url: str, state: SourceState, started: datetime, report: CycleReport
    ) -> Listing | None:
        """The source's listing when it has something to look at; None otherwise."""
        if state.retry_at and state.retry_at > _iso(started):
            report.deferred += 1
            return None
        prior = self.state.items([url]).get(url) if state.kind == "page" else None
        if prior is not None and prior.done():
            return None  # an article: fetched once, never again
        report.sources += 1
        try:
            fetched = self._timed(
                lambda: self.fetcher.get(
                    url, SOURCE_TYPES, etag=state.etag, last_modified=state.last_modified
                ),
                report.timings,
            )
        except SourceError as exc:
            self._failed(state, started, report, f"{exc.code} {exc.message}")
            return None
        state.checked_at = _iso(started)
        digest = hashlib.sha256(fetched.body).hexdigest()
        if fetched.not_modified or (state.kind and digest == state.digest):
            # 304, or a server without validators sending what it sent last time
            state.failures, state.retry_at, state.last_error = 0, None, None
            report.not_modified += 1
            return None
        found = listing(fetched, url, self.options, self.fetcher, state.kind)
        if found.failure is not None:
            self._failed(state, started, report, f"{found.failure.code} {found.failure.message}")
            return None
        state.kind = found.kind
        found.etag, found.last_modified, found.digest = fetched.etag, fetched.last_modified, digest
        state.changed_at = state.checked_at
        state.failures, state.retry_at, state.last_error = 0, None, None
        return found

    @staticmethod
    def _timed(fetch: Callable[[], T], timings: Timings) -> T:
        begun = time.perf_counter()
        try:
            return fetch()
        finally:
            timings.fetch += time.perf_counter() - begun

    def _failed(
        self, state: SourceState, started: datetime, report: CycleReport, error: str
    ) -> None:
        state.failures += 1
        state.last_error = error
        state.retry_at = _iso(started + backoff(state.failures, self.every))
        report.failures.append(f"{state.url}: {error}")

    def run(
        self,
        *,
        once: bool = False,
        on_cycle: Callable[[CycleReport, datetime | None], None] | None = None,
    ) -> list[CycleReport]:
        """Cycle every ``every`` (measured start to start) until ``stop`` is set; one cycle
        with ``once``. ``on_cycle(report, next_run)`` is called after each."""
        reports = []
        while True:
            report = self.cycle()
            reports.append(report)
            next_run = None if once or report.stopped else report.started + self.every
            if on_cycle is not None:
                on_cycle(report, next_run)
            if next_run is None:
                return reports
            wait = (next_run - self.now()).total_seconds()
            if self.stop.wait(max(0.0, wait)):
                return reports


def _essence(state: SourceState) -> tuple[object, ...]:
    """What of a source's state is worth writing when it changes (not ``checked_at``)."""
    return (state.kind, state.failures, state.retry_at, state.last_error, state.changed_at)


class _Timed:
    """An item stream that counts the seconds spent producing its items."""

    def __init__(self, items: Iterator[SourceItem]) -> None:
        self.items = items
        self.seconds = 0.0

    def __iter__(self) -> Iterator[SourceItem]:
        return self

    def __next__(self) -> SourceItem:
        begun = time.perf_counter()
        try:
            return next(self.items)
        finally:
            self.seconds += time.perf_counter() - begun
