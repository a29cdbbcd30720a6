"""Watching sources: keep a store current from feeds, sitemaps and URL lists.

    with Store.open("news.db") as store:
        watcher = Watcher(store, ["https://example.org/feed.xml"], every=timedelta(minutes=15))
        for report in watcher.run(once=True):
            print(report.line(None))

``cycle`` runs the cycles, ``discover`` reads what a source lists, ``updates`` writes
GDELT-style update files after each cycle; what is remembered lives in the store
(``dateline.store.watch``).
"""

from __future__ import annotations

from dateline.watch.cycle import CycleReport, Timings, Watcher, backoff
from dateline.watch.discover import Candidate, Listing, listing

__all__ = ["Candidate", "CycleReport", "Listing", "Timings", "Watcher", "backoff", "listing"]
