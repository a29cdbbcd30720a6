"""``dateline bench watch``: how much of a watch cycle is spent outside fetching and
analysis when nothing is new (the goal: at most 5%).

Loopback hosts (``dateline_dev.loopback``) serve ``sources`` RSS feeds of ``items``
article links each, spread over ``hosts`` hosts. A first cycle stores every article (with
the NLP stages off: analysis is not what is measured here); then ``cycles`` cycles run in
which nothing is new, in two set-ups:

- ``not_modified``: the servers send ETag/Last-Modified, so every feed answers 304;
- ``unchanged``: the servers send no validators, so every feed comes back whole (200) and
  is parsed, and each of its items is looked up and found already seen.

Each cycle's time is split (``watch.Timings``) into fetching (HTTP, with the polite waits),
analysis (and saving new documents: none here) and the rest: reading and writing the
watcher's state, parsing feeds, checking items, logging the cycle. ``host_interval`` is 0,
so no polite waiting pads the fetching time: on the loopback with no waits, fetching is as
cheap as it will ever be, so the share of the rest is its worst case.
"""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from dateline.options import Options
from dateline.store import Store
from dateline.watch import Timings, Watcher
from dateline_dev.loopback import Host, article_page, rss

GOAL = 0.05


@dataclass(slots=True)
class Setup:
    """The summed timings of the cycles of one set-up."""

    name: str
    cycles: int
    fetch: float = 0.0
    analysis: float = 0.0
    total: float = 0.0
    answers: dict[str, int] | None = None

    def add(self, timings: Timings) -> None:
        self.fetch += timings.fetch
        self.analysis += timings.analysis
        self.total += timings.total

    def to_dict(self) -> dict[str, Any]:
        other = max(0.0, self.total - self.fetch - self.analysis)
        share = other / self.total if self.total else 0.0
        return {
            **asdict(self),
            "other": round(other, 4),
            "other_share": round(share, 4),
            "per_cycle_ms": round(1000 * self.total / max(1, self.cycles), 2),
            "goal": f"other_share <= {GOAL}",
            "met": share <= GOAL,
        }


def _serve(hosts: list[Host], sources: int, items: int) -> list[str]:
    feeds = []
    for s in range(sources):
        host = hosts[s % len(hosts)]
        links = []
        for i in range(items):
            n = s * items + i
            links.append((host.set(f"/news/{n}.html", article_page(n)), f"Story {n}"))
        feeds.append(host.set(f"/feed/{s}.xml", rss(links), "application/rss+xml"))
    return feeds


def _setup(name: str, validators: bool, sources: int, items: int, hosts: int, cycles: int) -> Setup:
    options = Options(nlp=False, host_interval=0.0, retries=0)
    result = Setup(name, cycles)
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        served = [stack.enter_context(Host(validators=validators)) for _ in range(hosts)]
        feeds = _serve(served, sources, items)
        store = stack.enter_context(Store.open(Path(tmp) / "watch.db"))
        watcher = Watcher(store, feeds, options, every=timedelta(seconds=0))
        stack.callback(watcher.close)
        first = watcher.cycle()
        if first.new_articles != sources * items:
            raise RuntimeError(
                f"the first cycle stored {first.new_articles} of {sources * items} articles: "
                f"{first.failures[:3]}"
            )
        for host in served:
            host.log.clear()
        for _ in range(cycles):
            report = watcher.cycle()
            if report.new_articles or report.failures:
                raise RuntimeError(f"a cycle with nothing new found something: {report.line(None)}")
            result.add(report.timings)
        statuses: dict[str, int] = {}
        for host in served:
            for _path, _time, status in host.log:
                statuses[str(status)] = statuses.get(str(status), 0) + 1
        result.answers = statuses
    return result


def bench_watch(
    sources: int = 20, items: int = 30, hosts: int = 4, cycles: int = 10
) -> dict[str, Any]:
    """Both set-ups; see the module docs."""
    setups = [
        _setup("not_modified", True, sources, items, hosts, cycles),
        _setup("unchanged", False, sources, items, hosts, cycles),
    ]
    return {
        "sources": sources,
        "items_per_source": items,
        "hosts": hosts,
        "cycles": cycles,
        "setups": [setup.to_dict() for setup in setups],
    }
