"""``watch``: keep a store current from feeds, sitemaps and URL lists (``dateline.watch``)."""

from __future__ import annotations

import re
import signal
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from dateline.cli.base import (
    EXIT_FAILED,
    cli,
    db_option,
    handle_errors,
    model_option,
    no_nlp_option,
    workers_option,
)

if TYPE_CHECKING:
    from dateline.watch import CycleReport

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(
    _ctx: click.Context | None, _param: click.Parameter | None, value: str
) -> timedelta:
    """``15m``, ``90s``, ``1h``, ``1d`` or plain seconds as a timedelta."""
    match = _EVERY.match(value)
    if not match or float(match.group(1)) <= 0:
        raise click.BadParameter(
            f"{value!r} is not a period; give a number with s, m, h or d (like 15m)"
        )
    return timedelta(seconds=float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()])


class _Stopper:
    """SIGTERM and SIGINT ask the watcher to stop after what it has fetched; a second
    signal stops at once (the article being saved is one transaction either way)."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def __enter__(self) -> threading.Event:
        self._old = {
            number: signal.signal(number, self._handle)
            for number in (signal.SIGTERM, signal.SIGINT)
        }
        return self.event

    def __exit__(self, *_: object) -> None:
        for number, handler in self._old.items():
            signal.signal(number, handler)

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.event.set()
        click.echo(
            f"{signal.Signals(number).name}: stopping after the documents already fetched "
            "(again to stop now)",
            err=True,
        )


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=parse_every,
    help="Time from the start of one cycle to the next: 90s, 15m, 1h.",
)
@click.option("--once", is_flag=True, help="One cycle, then exit (for cron).")
@click.option(
    "--gdelt-updates",
    "gdelt_updates",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="After each cycle, write its GDELT export and mentions files and lastupdate.txt here.",
)
@click.option(
    "--gdelt-base-url",
    default="",
    help="URL the --gdelt-updates directory is served at, for the names in lastupdate.txt.",
)
@click.option(
    "--host-interval",
    type=click.FloatRange(0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one host (robots.txt Crawl-delay wins if longer).",
)
@click.option("--user-agent", default=None, help="User-Agent header; put a contact in it.")
@model_option
@no_nlp_option
@workers_option
@handle_errors
def watch(
    sources: tuple[str, ...],
    db: str,
    every: timedelta,
    once: bool,
    gdelt_updates: Path | None,
    gdelt_base_url: str,
    host_interval: float,
    user_agent: str | None,
    model: str | None,
    no_nlp: bool,
    workers: int,
) -> None:
    """Keep a store current from feeds, sitemaps and URL lists.

    SOURCES are URLs of RSS/Atom feeds, sitemaps, plain-text URL lists or pages, or @FILE
    lists of them (read again each cycle). Each cycle asks every source with a conditional
    GET, fetches only articles it has not seen (remembered in the store, across restarts),
    politely (robots.txt, one request per host per --host-interval), and stores them as
    `ingest` does. A failing source is asked again after one cycle, then two, four...
    One line per cycle on standard error. SIGTERM or Ctrl-C stops after the documents
    already fetched are saved. With --once the exit status is 1 when a source or an
    article failed.
    """
    from dateline.options import Options
    from dateline.store import Store
    from dateline.watch import Watcher
    from dateline.watch.updates import write_updates

    options = Options(
        model=model, nlp=not no_nlp, host_interval=host_interval, user_agent=user_agent
    )
    failed = False
    with Store.open(db) as store, _Stopper() as stop:
        watcher = Watcher(store, sources, options, every=every, workers=workers, stop=stop)

        def on_cycle(report: CycleReport, next_run: datetime | None) -> None:
            nonlocal failed
            failed = bool(report.failures)
            line = report.line(next_run)
            if gdelt_updates is not None:
                update = write_updates(
                    store, gdelt_updates, report.finished or report.started, gdelt_base_url
                )
                if update.paths:
                    line += f"; GDELT update {update.paths[0].name.split('.')[0]}"
            click.echo(line, err=True)

        try:
            watcher.run(once=once, on_cycle=on_cycle)
        finally:
            watcher.close()
    if once and failed:
        sys.exit(EXIT_FAILED)
