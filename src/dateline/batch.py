"""Many documents: ``analyze_stream`` over N worker processes, and resumable ``ingest``.

Workers are separate processes (the parser holds the GIL), each loading the spaCy model once.
Work goes out in batches through a bounded window, so memory stays flat whatever the size of
the input, and comes back in input order, so N workers give exactly the records one gives.

``ingest`` skips, before any analysis, every document whose content hash is already stored
(adding the URL it came with when that is new): an interrupted ingest run again with the
same arguments does only the rest. Each document is saved in one transaction, so a kill at
any moment leaves no half-written article.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

from dateline.model import Analysis, Document, arrival_urls
from dateline.options import Options
from dateline.pipeline import analyze_all
from dateline.sources.base import SourceFailure

if TYPE_CHECKING:
    from dateline.store import IngestCounts, Store
    from dateline.store.rows import Mark

Item = Document | SourceFailure

#: Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_WORKER = 2

_options: Options | None = None


def _init_worker(options: Options) -> None:
    global _options
    _options = options
    if options.nlp:  # load once per process, before the first batch is timed
        from dateline import nlp

        nlp.load(options.model)


def _work(batch: list[Item]) -> list[Analysis]:
    return list(analyze_all(_drained(batch), _options))


def _drained(batch: list[Item]) -> Iterator[Item]:
    """The items of ``batch`` in order, each removed from it as it is taken: the pool's call
    holds the list until the batch is done, and a page's HTML is not needed after its
    extraction."""
    batch.reverse()
    while batch:
        yield batch.pop()


def analyze_stream(
    items: Iterable[Item], options: Options | None = None, workers: int = 1
) -> Iterator[Analysis]:
    """Records for ``items`` in input order, computed by ``workers`` processes."""
    options = options or Options()
    if workers <= 1:
        yield from analyze_all(items, options)
        return
    iterator = iter(items)
    size = max(1, options.batch_size)
    context = multiprocessing.get_context("spawn")  # no fork under a progress-bar thread
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(options,)
    ) as pool:
        pending: deque[Future[list[Analysis]]] = deque()

        def refill() -> None:
            while len(pending) < workers * WINDOW_PER_WORKER:
                batch = list(islice(iterator, size))
                if not batch:
                    return
                pending.append(pool.submit(_work, batch))

        refill()
        while pending:
            records = deque(pending.popleft().result())
            refill()
            while records:  # each record let go once the caller has it
                yield records.popleft()


def ingest(
    items: Iterable[Item],
    store: Store,
    options: Options | None = None,
    *,
    workers: int = 1,
    on_record: Callable[[Analysis, bool], None] | None = None,
    on_skip: Callable[[Document], None] | None = None,
    mark: Mark | None = None,
) -> IngestCounts:
    """Analyze what is not stored yet and store it; count inserted, skipped and failed.

    ``mark`` is the caller's write done in each record's saving transaction (``Store.save``).
    """

    skipped = 0

    def fresh() -> Iterator[Item]:
        nonlocal skipped
        for item in items:
            if isinstance(item, Document) and store.has(item.id):
                for url in arrival_urls(item.input_id, item.url):
                    store.add_url(item.id, url)
                skipped += 1
                if on_skip is not None:
                    on_skip(item)
                continue
            yield item

    records = analyze_stream(fresh(), options, workers)
    counts: IngestCounts = store.ingest(records, on_record, mark=mark)
    counts.skipped += skipped
    return counts
